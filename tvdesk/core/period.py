"""A period as the agent's screens show it, Qt-free, built off the GUI thread: the call log
(received and made), the pauses with their reasons, and the period's figures ("my day")."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import tzinfo

from tvdesk.core.call_log import LogEntry, call_log
from tvdesk.core.history_store.store import OwnRecord
from tvdesk.core.models import PauseReport, ReceivedCallsReport
from tvdesk.core.my_day import DayFigures, day_figures
from tvdesk.core.pause_reasons import ReasonedPause, with_reasons


@dataclass(frozen=True)
class Period:
    calls: ReceivedCallsReport        # the API's rows
    pauses: PauseReport               # the API's rows
    own: OwnRecord                    # what tvdesk saw (calls on the phone, pause reasons)
    log: list[LogEntry]               # received and made, one list
    reasoned_pauses: list[ReasonedPause]
    figures: DayFigures | None  # None: not counted yet (see ``with_figures``)


def build_period(calls: ReceivedCallsReport, pauses: PauseReport, own: OwnRecord | None = None,
                 tz: tzinfo | None = None, *, figures: bool = True) -> Period:
    """``figures`` False: without "my day"'s figures, for rows that must show first."""
    own = own or OwnRecord()
    log = call_log(calls.calls, own.phone_calls)
    reasoned = with_reasons(pauses.pauses, own.pause_reasons)
    return Period(calls, pauses, own, log, reasoned,
                  day_figures(log, reasoned, tz) if figures else None)


def with_figures(period: Period, tz: tzinfo | None = None) -> Period:
    if period.figures is not None:
        return period
    return replace(period, figures=day_figures(period.log, period.reasoned_pauses, tz))
