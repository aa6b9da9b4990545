"""The call log as a table: which way, when, the number, the result, duration, price,
recording. Rows are ``core.call_log.LogEntry``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtWidgets import QApplication, QStyle

from tvdesk.core.call_log import LogEntry
from tvdesk.core.phone import digits_only, format_for_display
from tvdesk.core.vocabulary import CallDirection
from tvdesk.gui.formatting import (
    dial_origin_label,
    direction_label,
    fmt_datetime,
    fmt_duration,
    fmt_money,
    result_label,
)
from tvdesk.gui.icons import icon
from tvdesk.gui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel


def private_label() -> str:
    return Q.translate("CallLogModel", "Private number")


def number_text(entry: LogEntry) -> str:
    return format_for_display(entry.number) or private_label()


def _recording_icon(entry: LogEntry):
    if not entry.has_recording:
        return None
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume)


def _recording_tip(entry: LogEntry) -> str:
    if entry.has_recording:
        return Q.translate("CallLogModel", "Has a recording")
    if entry.received is None:
        return Q.translate("CallLogModel", "Recordings are kept by the phone system for "
                                           "received calls")
    return Q.translate("CallLogModel", "No recording")


def _direction_icon(entry: LogEntry):
    return icon("incoming" if entry.direction == CallDirection.IN else "outgoing")


def _direction_tip(entry: LogEntry) -> str:
    if entry.direction == CallDirection.OUT and entry.origin:
        return Q.translate("CallLogModel", "Made: {how}").format(
            how=dial_origin_label(entry.origin))
    if entry.received is None:
        return Q.translate("CallLogModel", "Rang on this phone (not in the phone system's "
                                           "report yet)")
    return direction_label(entry.direction)


(COL_DIRECTION, COL_WHEN, COL_CALLER, COL_STATUS, COL_DURATION, COL_PRICE,
 COL_RECORDING) = range(7)


class CallLogModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(lambda: Q.translate("CallLogModel", "Call"),
                   lambda e: direction_label(e.direction), lambda e: e.direction,
                   decoration=_direction_icon, tooltip=_direction_tip),
            Column(lambda: Q.translate("CallLogModel", "Date and time"),
                   lambda e: fmt_datetime(e.started_at), lambda e: e.started_at),
            Column(lambda: Q.translate("CallLogModel", "Number"), number_text,
                   lambda e: digits_only(e.number or ""),
                   tooltip=lambda e: e.number or private_label()),
            Column(lambda: Q.translate("CallLogModel", "Result"),
                   lambda e: result_label(e.result, e.status),
                   lambda e: result_label(e.result, e.status)),
            Column(lambda: Q.translate("CallLogModel", "Duration"),
                   lambda e: fmt_duration(e.seconds), lambda e: e.seconds, align=ALIGN_RIGHT),
            Column(lambda: Q.translate("CallLogModel", "Price"),
                   lambda e: fmt_money(e.price) if e.price is not None else "",
                   lambda e: e.price if e.price is not None else -1, align=ALIGN_RIGHT),
            Column(lambda: Q.translate("CallLogModel", "Recording"), lambda e: "",
                   lambda e: e.has_recording, align=ALIGN_CENTER,
                   decoration=_recording_icon, tooltip=_recording_tip),
        ], parent)
