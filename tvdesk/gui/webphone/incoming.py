"""The incoming-call banner: who is calling, what we know of them, answer or reject."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from tvdesk.core.models import ReceivedCall
from tvdesk.core.phone import format_for_display
from tvdesk.core.reports import earlier_calls
from tvdesk.gui.formatting import fmt_datetime, status_label
from tvdesk.gui.widgets import button_style as _button_style


class IncomingCallBanner(QFrame):
    answerRequested = Signal()
    rejectRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("incoming")
        self.setStyleSheet("QFrame#incoming { background:#fff1c7; border:1px solid #e7c75a;"
                           " border-radius:6px; }")
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
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.history)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addWidget(self.answer)
        row.addWidget(self.reject)
        self.answer.clicked.connect(self.answerRequested)
        self.reject.clicked.connect(self.rejectRequested)
        self.hide()

    def show_call(self, number: str, history: list[ReceivedCall]) -> None:
        shown = format_for_display(number) or number or self.tr("Private number")
        self.title.setText(self.tr("Incoming call: {number}").format(number=shown))
        earlier = earlier_calls(number, history)
        if earlier:
            last = earlier[0]
            if len(earlier) == 1:
                text = self.tr("1 earlier call in the period shown, on {when} ({status}).")
            else:
                text = self.tr("{count} earlier calls in the period shown; the last on {when} "
                               "({status}).")
            self.history.setText(text.format(count=len(earlier),
                                             when=fmt_datetime(last.started_at),
                                             status=status_label(last.status)))
        else:
            self.history.setText(self.tr("No earlier calls from this number in the period "
                                         "shown."))
        self.show()
