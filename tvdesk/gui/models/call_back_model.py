"""The numbers to call back, as a table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q

from tvdesk.core.phone import format_for_display
from tvdesk.gui.formatting import fmt_datetime
from tvdesk.gui.models.table import ALIGN_RIGHT, Column, RowTableModel


class CallBackModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(lambda: Q.translate("CallBackModel", "Number"),
                   lambda c: format_for_display(c.number) or c.number, lambda c: c.number),
            Column(lambda: Q.translate("CallBackModel", "Last missed call"),
                   lambda c: fmt_datetime(c.last_missed), lambda c: c.last_missed),
            Column(lambda: Q.translate("CallBackModel", "Missed calls"),
                   lambda c: str(c.times), lambda c: c.times, align=ALIGN_RIGHT),
            # calls back nobody answered: the number stays until the customer is reached
            Column(lambda: Q.translate("CallBackModel", "Tries"),
                   lambda c: str(c.attempts) if c.attempts else "",
                   lambda c: c.attempts, align=ALIGN_RIGHT),
            Column(lambda: Q.translate("CallBackModel", "Last try"),
                   lambda c: fmt_datetime(c.last_attempt) if c.last_attempt else "",
                   lambda c: c.last_attempt.timestamp() if c.last_attempt else 0),
        ], parent)
