"""The received calls, as a table: when, caller, status, duration, price, recording."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtWidgets import QApplication, QStyle

from tvdesk.core.models import ReceivedCall
from tvdesk.core.phone import digits_only, format_for_display
from tvdesk.gui.formatting import (
    fmt_datetime,
    fmt_duration,
    fmt_money,
    is_answered,
    status_key,
    status_label,
)
from tvdesk.gui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel


def caller_text(call: ReceivedCall) -> str:
    return format_for_display(call.caller) or Q.translate("CallsModel", "Private number")


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


@dataclass(frozen=True)
class CallsFilter:
    """What the agent typed in the search box and picked in the status filter."""

    text: str = ""
    status: str | None = None  # a status_key, or None for all

    def predicate(self) -> Callable[[ReceivedCall], bool] | None:
        digits = digits_only(self.text)
        words = self.text.strip().lower()
        status = self.status
        if not words and not status:
            return None

        def accept(call: ReceivedCall) -> bool:
            if status and status_key(call.status) != status:
                return False
            if not words:
                return True
            if digits:
                return digits in digits_only(call.caller or "")
            return words in caller_text(call).lower()

        return accept


@dataclass(frozen=True)
class CallTotals:
    calls: int
    answered: int
    talk_seconds: int

    @classmethod
    def of(cls, calls: list[ReceivedCall]) -> CallTotals:
        answered = [c for c in calls if is_answered(c.status)]
        return cls(len(calls), len(answered), sum(c.seconds for c in answered))
