"""The incoming-call banner: who is calling, what we know of them, answer or reject; and,
when the call ended unanswered, the missed call with Call back."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from tvdesk.core.models import PhoneCall, ReceivedCall
from tvdesk.core.phone import format_for_display
from tvdesk.core.reports import CallerHistory, earlier_calls
from tvdesk.gui.formatting import fmt_datetime, status_label
from tvdesk.gui.widgets import button_style as _button_style

RINGING_STYLE = ("QFrame#incoming { background:#fff1c7; border:1px solid #e7c75a;"
                 " border-radius:6px; }")
MISSED_STYLE = ("QFrame#incoming { background:#fbe4e4; border:1px solid #e9b3b3;"
                " border-radius:6px; }")


class IncomingCallBanner(QFrame):
    answerRequested = Signal()
    rejectRequested = Signal()
    callBackRequested = Signal(str)  # the missed caller's number
    dismissed = Signal()             # the agent has seen the missed call

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("incoming")
        self.setStyleSheet(RINGING_STYLE)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.answer = QPushButton(self.tr("Answer"))
        self.answer.setStyleSheet(_button_style("#1f8a3b", "padding:6px 18px;"))
        self.reject = QPushButton(self.tr("Reject"))
        self.reject.setStyleSheet(_button_style("#c62828", "padding:6px 18px;"))
        self.call_back = QPushButton(self.tr("Call back"))
        self.call_back.setStyleSheet(_button_style("#0b6bcb", "padding:6px 18px;"))
        self.dismiss = QPushButton(self.tr("Dismiss"))
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.history)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        for button in (self.answer, self.reject, self.call_back, self.dismiss):
            row.addWidget(button)
        self.answer.clicked.connect(self.answerRequested)
        self.reject.clicked.connect(self.rejectRequested)
        self.call_back.clicked.connect(lambda: self.callBackRequested.emit(self._number))
        self.dismiss.clicked.connect(self._dismiss)
        self._number = ""
        self.missed = False  # showing a missed call (not a ringing one)
        self.hide()

    def show_call(self, number: str, history: list[ReceivedCall]) -> None:
        """A call is arriving."""
        self._number = number
        self.missed = False
        self.setStyleSheet(RINGING_STYLE)
        shown = format_for_display(number) or number or self.tr("Private number")
        self.title.setText(self.tr("Call arriving from {number}").format(number=shown))
        self._history(number, history)
        self._buttons(ringing=True)
        self.show()

    def show_missed(self, number: str, rang_at: datetime | None, count: int,
                    history: list[ReceivedCall]) -> None:
        """The call ended unanswered; ``count``: missed calls the agent has not seen."""
        self._number = number
        self.missed = True
        self.setStyleSheet(MISSED_STYLE)
        shown = format_for_display(number) or number or self.tr("Private number")
        when = (rang_at or datetime.now()).strftime("%H:%M")
        title = self.tr("Missed call from {number} at {time}").format(number=shown, time=when)
        if count > 1:
            title += " " + self.tr("({count} missed calls)").format(count=count)
        self.title.setText(title)
        self._history(number, history)
        self._buttons(ringing=False)
        self.call_back.setEnabled(bool(number))  # a withheld number cannot be called
        self.show()

    def _history(self, number: str, history: CallerHistory | list[ReceivedCall]) -> None:
        """The caller's earlier calls, in a line: how many, and the last one."""
        if not isinstance(history, CallerHistory):  # (a period's received calls)
            history = CallerHistory(earlier_calls(number, history), [])
        last = history.last()
        if last is None:
            self.history.setText(self.tr("No earlier calls with this number."))
            return
        if isinstance(last, PhoneCall):
            what = (self.tr("you called; answered") if last.outcome == "answered"
                    else self.tr("you called; not answered"))
        else:
            what = status_label(last.status)
        self.history.setText(self.tr(
            "%n earlier call(s) with this number; the last on {when} ({what}).", "",
            history.count).format(when=fmt_datetime(last.started_at), what=what))

    def _buttons(self, *, ringing: bool) -> None:
        for button in (self.answer, self.reject):
            button.setVisible(ringing)
        for button in (self.call_back, self.dismiss):
            button.setVisible(not ringing)

    def _dismiss(self) -> None:
        self.hide()
        self.missed = False
        self.dismissed.emit()
