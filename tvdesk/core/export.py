"""CSV export: the call log, and any table of figures.

Two dialects: plain CSV (``,`` separator, ``.`` decimals, ISO dates) and the one Brazilian
spreadsheets open directly (``;`` separator, ``,`` decimals, ``dd/mm/aaaa`` dates, a UTF-8
byte-order mark so Excel does not read it as Latin-1). Recording links are not exported:
they open the recording for anyone who has them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from tvdesk.core.call_log import LogEntry
from tvdesk.core.dates import hms
from tvdesk.core.files import write_atomic
from tvdesk.core.models import ReceivedCall
from tvdesk.core.phone import format_for_display
from tvdesk.core.vocabulary import CallDirection


@dataclass(frozen=True)
class CsvLabels:
    """The words of the file, in the user's language (the GUI translates them)."""

    headers: Sequence[str] = ("Date", "Time", "Call", "Number", "Result", "Duration",
                              "Seconds", "Price", "Recording")
    yes: str = "yes"
    no: str = "no"
    private: str = "private"
    received: str = "received"
    made: str = "made"


def _entry(call: LogEntry | ReceivedCall) -> LogEntry:
    return call if isinstance(call, LogEntry) else LogEntry.of_received(call)


def calls_to_csv(calls: Iterable[LogEntry | ReceivedCall], *, separator: str = ",",
                 labels: CsvLabels | None = None, tz: tzinfo | None = None,
                 status_text: Callable[[LogEntry], str] | None = None) -> str:
    """The call log as CSV text. ``status_text`` words an entry's result (default: the
    vendor's text, or tvdesk's word)."""
    labels = labels or CsvLabels()
    spreadsheet = separator == ";"
    rows = []
    for entry in map(_entry, calls):
        local = entry.started_at.astimezone(tz)
        price = f"{entry.price:.2f}" if entry.price is not None else ""
        rows.append([
            local.strftime("%d/%m/%Y" if spreadsheet else "%Y-%m-%d"),
            local.strftime("%H:%M:%S"),
            labels.received if entry.direction == CallDirection.IN else labels.made,
            format_for_display(entry.number) or labels.private,
            status_text(entry) if status_text else (entry.status or ""),
            hms(entry.seconds),
            entry.seconds,
            price.replace(".", ",") if spreadsheet else price,
            labels.yes if entry.has_recording else labels.no,
        ])
    return table_to_csv(labels.headers, rows, separator=separator)


def table_to_csv(headers: Sequence[str], rows: Iterable[Sequence[object]], *,
                 separator: str = ",") -> str:
    """Any table as CSV text, in the dialect of ``separator``."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" if separator == ";" else "") + out.getvalue()


def write_calls_csv(path: Path, calls: Iterable[LogEntry | ReceivedCall], **kw) -> None:
    # an old file survives a failed export; a new one is the user's alone (customers'
    # numbers, like the history database's 0600)
    write_atomic(path, calls_to_csv(calls, **kw), private_if_new=True)


def write_table_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]],
                    **kw) -> None:
    write_atomic(path, table_to_csv(headers, rows, **kw), private_if_new=True)
