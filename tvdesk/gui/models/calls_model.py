"""The received calls, as a table: when, caller, status, duration, price, recording."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtWidgets import QApplication, QStyle

from tvdesk.core.models import ReceivedCall
from tvdesk.core.phone import digits_only, format_for_display
from tvdesk.gui.formatting import fmt_datetime, fmt_duration, fmt_money, status_label
from tvdesk.gui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel


def private_label() -> str:
    return Q.translate("CallsModel", "Private number")


def caller_text(call: ReceivedCall) -> str:
    return format_for_display(call.caller) or private_label()


def _recording_icon(call: ReceivedCall):
    if not call.has_recording:
        return None
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume)


COL_WHEN, COL_CALLER, COL_STATUS, COL_DURATION, COL_PRICE, COL_RECORDING = range(6)


def _recording_tip(call: ReceivedCall) -> str:
    if call.has_recording:
        return Q.translate("CallsModel", "Has a recording")
    return Q.translate("CallsModel", "No recording")


class CallsModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(lambda: Q.translate("CallsModel", "Date and time"),
                   lambda c: fmt_datetime(c.started_at), lambda c: c.started_at),
            Column(lambda: Q.translate("CallsModel", "Caller"), caller_text,
                   lambda c: digits_only(c.caller or ""),
                   tooltip=lambda c: c.caller or Q.translate("CallsModel", "Private number")),
            Column(lambda: Q.translate("CallsModel", "Status"),
                   lambda c: status_label(c.status), lambda c: status_label(c.status)),
            Column(lambda: Q.translate("CallsModel", "Duration"),
                   lambda c: fmt_duration(c.seconds), lambda c: c.seconds, align=ALIGN_RIGHT),
            Column(lambda: Q.translate("CallsModel", "Price"),
                   lambda c: fmt_money(c.price), lambda c: c.price, align=ALIGN_RIGHT),
            Column(lambda: Q.translate("CallsModel", "Recording"), lambda c: "",
                   lambda c: c.has_recording, align=ALIGN_CENTER,
                   decoration=_recording_icon, tooltip=_recording_tip),
        ], parent)
