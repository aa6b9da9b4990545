"""The pause history as a table."""

from __future__ import annotations

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
