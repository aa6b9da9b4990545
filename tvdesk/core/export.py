"""CSV export of received calls.

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

from tvdesk.core.files import write_atomic
from tvdesk.core.models import ReceivedCall
from tvdesk.core.phone import format_for_display


@dataclass(frozen=True)
class CsvLabels:
    """The words of the file, in the user's language (the GUI translates them)."""

    headers: Sequence[str] = ("Date", "Time", "Caller", "Status", "Duration", "Seconds",
                              "Price", "Recording")
    yes: str = "yes"
    no: str = "no"
    private: str = "private"


def calls_to_csv(calls: Iterable[ReceivedCall], *, separator: str = ",",
                 labels: CsvLabels | None = None, tz: tzinfo | None = None,
                 status_text: Callable[[str | None], str] | None = None) -> str:
    """The calls as CSV text. ``status_text`` words the vendor's status (default: as is)."""
    labels = labels or CsvLabels()
    spreadsheet = separator == ";"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(labels.headers)
    for call in calls:
        local = call.started_at.astimezone(tz)
        price = f"{call.price:.2f}"
        writer.writerow([
            local.strftime("%d/%m/%Y" if spreadsheet else "%Y-%m-%d"),
            local.strftime("%H:%M:%S"),
            format_for_display(call.caller) or labels.private,
            status_text(call.status) if status_text else (call.status or ""),
            call.duration or "",
            call.seconds,
            price.replace(".", ",") if spreadsheet else price,
            labels.yes if call.has_recording else labels.no,
        ])
    return ("\ufeff" if spreadsheet else "") + out.getvalue()


def write_calls_csv(path: Path, calls: Iterable[ReceivedCall], **kw) -> None:
    write_atomic(path, calls_to_csv(calls, **kw))  # an old file survives a failed export
