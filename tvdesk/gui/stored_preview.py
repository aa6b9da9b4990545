"""The remembered agent's stored history on screen before the sign-in has finished.

A remembered agent's window shows at once, "connecting"; the sign-in needs the network
(hundreds of milliseconds, or never when offline). The history database already knows the
period the agent looked at last: it is read on a worker and shown as soon as the window
is up, and the history's first load keeps it on screen while it brings today up to date.
Nothing is written here, and an unreadable database is left for the history to deal with.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

from tvdesk.core.history_store import HistoryStore, StoreUnavailableError, store_path
from tvdesk.core.models import CallBack, PauseReport, ReceivedCallsReport
from tvdesk.core.period import Period, build_period
from tvdesk.core.settings import Settings
from tvdesk.gui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preview:
    period: Period
    call_backs: list[CallBack]  # the numbers to call back, as the database has them


def read_period(path: Path, start: date, end: date, tz: tzinfo | None,
                call_backs_since: datetime | None = None) -> Preview | None:
    """On a worker: the stored period and the call-back list (None: no database, or
    nothing stored of the period)."""
    if not path.exists():
        return None
    try:
        store = HistoryStore(path, tz=tz, recover=False)
    except (StoreUnavailableError, sqlite3.Error) as exc:
        log.info("no stored preview (%s)", type(exc).__name__)
        return None
    try:
        if store.last_fetched("calls", start, end) is None:
            return None
        calls, pauses = store.calls(start, end), store.pauses(start, end)
        period = build_period(
            ReceivedCallsReport(total=len(calls), calls=calls),
            PauseReport(ramal=None, total=len(pauses), total_duration=None,
                        total_seconds=sum(p.seconds for p in pauses), pauses=pauses),
            store.own_record(start, end), tz)
        return Preview(period, store.to_call_back(call_backs_since))
    finally:
        store.close()


def read_remembered(settings: Settings, data_dir: Path, start: date, end: date,
                    tz: tzinfo | None, call_backs_since: datetime | None = None
                    ) -> Preview | None:
    """On a worker: the remembered agent's stored ``start``..``end``."""
    return read_period(store_path(data_dir, settings.base_url, settings.ramal), start, end, tz,
                       call_backs_since)


def show_preview(window: MainWindow, span: tuple[date, date], preview: Preview | None) -> None:
    """On the GUI thread: the stored period in ``window`` (the call log, pauses, my day,
    the numbers to call back), unless the history has begun loading by then."""
    if not preview or window.preview_range is not None or window.history_started:
        return
    period = preview.period
    window.build_screens()
    window.call_backs.set_rows(preview.call_backs)
    window.set_call_back_count(len(preview.call_backs))
    window.calls.show_stored(period.log)
    window.pauses.show_report(period.pauses, span, period.reasoned_pauses)
    window.my_day.show_period(period, span)
    window.preview_range = span
    window.show_saved_history()
