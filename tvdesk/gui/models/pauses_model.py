"""The pause history as a table, and pause time per day for the chart."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication as Q

from tvdesk.core.models import Pause
from tvdesk.gui.formatting import fmt_datetime, fmt_duration, fmt_time
from tvdesk.gui.models.table import ALIGN_RIGHT, Column, RowTableModel


def _end(p: Pause) -> str:
    return fmt_time(p.end) if p.end else Q.translate("PausesModel", "ongoing")


class PausesModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(lambda: Q.translate("PausesModel", "Start"),
                   lambda p: fmt_datetime(p.start), lambda p: p.start),
            Column(lambda: Q.translate("PausesModel", "End"), _end,
                   lambda p: p.end or p.start),
            Column(lambda: Q.translate("PausesModel", "Duration"),
                   lambda p: fmt_duration(p.seconds), lambda p: p.seconds, align=ALIGN_RIGHT),
        ], parent)


def seconds_per_day(pauses: list[Pause], start: date, end: date) -> OrderedDict[date, int]:
    """Pause time per local day from ``start`` to ``end``, zero for days without pauses.

    A pause is counted on the day it started.
    """
    days: OrderedDict[date, int] = OrderedDict()
    day = start
    while day <= end:
        days[day] = 0
        day += timedelta(days=1)
    for p in pauses:
        local_day = p.start.astimezone().date()
        if local_day in days:
            days[local_day] += p.seconds
    return days
