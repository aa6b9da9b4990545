"""The pause history as a table: start, end, duration and the reason the agent gave.
Rows are ``core.pause_reasons.ReasonedPause``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q

from tvdesk.core.pause_reasons import ReasonedPause
from tvdesk.gui.formatting import fmt_datetime, fmt_duration, fmt_time
from tvdesk.gui.models.table import ALIGN_RIGHT, Column, RowTableModel


def _end(p: ReasonedPause) -> str:
    return fmt_time(p.end) if p.end else Q.translate("PausesModel", "ongoing")


def reason_text(reason: str | None) -> str:
    return reason or Q.translate("PausesModel", "No reason given")


class PausesModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(lambda: Q.translate("PausesModel", "Start"),
                   lambda p: fmt_datetime(p.start), lambda p: p.start),
            Column(lambda: Q.translate("PausesModel", "End"), _end,
                   lambda p: p.end or p.start),
            Column(lambda: Q.translate("PausesModel", "Duration"),
                   lambda p: fmt_duration(p.seconds), lambda p: p.seconds, align=ALIGN_RIGHT),
            Column(lambda: Q.translate("PausesModel", "Reason"),
                   lambda p: reason_text(p.reason), lambda p: p.reason or "",
                   tooltip=lambda p: "" if p.reason else Q.translate(
                       "PausesModel", "Paused elsewhere (the phone system's own pause)")),
        ], parent)
