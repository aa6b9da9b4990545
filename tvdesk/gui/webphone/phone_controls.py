"""tvdesk's own phone: the call state and every command of the webphone's protocol.

The only interface in hidden mode, and a compact companion in the floating mode. Nothing in
it moves under the agent's pointer: the state line and the error line keep their room whatever
they say (a message appearing over Transfer once made its click start a recording), and the
record button keeps its size when it turns into "Stop recording".
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.phone import InvalidNumberError, normalize
from tvdesk.core.webphone.phone_state import CallPhase, Registration
from tvdesk.gui.webphone.controller import WebphoneController
from tvdesk.gui.webphone.status import pause_text, state_text
from tvdesk.gui.widgets import button_style as _button_style

#: the record button while the call is recorded: it stands out (the native "checked" look
#: is a shade darker, and was not seen), with the same height as unchecked
RECORDING_STYLE = ("QPushButton:checked { background:#fbe4e4; color:#7a1c1c; font-weight:600;"
                   " border:1px solid #c62828; border-radius:4px; padding:0px 10px; }")
RECORDING_MARK = "\u25cf "  # "●", as a recorder's REC light (not read out: see the names)


class ReservedLabel(QLabel):
    """A word-wrapped label that keeps its room: at any width it is as tall as the tallest
    of ``texts`` (the messages it may show) would be there, and at least ``lines`` lines,
    whatever it shows now, empty included. Showing, changing or clearing its text never
    moves what is below it; only a text longer than all of them makes it grow."""

    def __init__(self, texts: Iterable[str] = (), *, lines: int = 1, parent=None) -> None:
        super().__init__(parent)
        self._texts = [t for t in texts if t]
        self._lines = lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # Qt's name
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        metrics = self.fontMetrics()
        need = self._lines * metrics.lineSpacing()
        for text in (*self._texts, self.text()):
            if text:
                need = max(need, metrics.boundingRect(QRect(0, 0, inner, 1 << 20),
                                                      Qt.TextFlag.TextWordWrap, text).height())
        return need + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # Qt's name
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # Qt's name
        """Its lines (the layout asks :meth:`heightForWidth` at the width it gives)."""
        margins = self.contentsMargins()
        return QSize(super().minimumSizeHint().width(),
                     self._lines * self.fontMetrics().lineSpacing() + margins.top()
                     + margins.bottom())


class PhoneControls(QWidget):
    pauseRequested = Signal(object)  # the queue (None: all): the dock asks why first

    def __init__(self, controller: WebphoneController, parent=None, *,
                 keypad: bool = True) -> None:
        """``keypad`` False: beside the floating webphone, which has its own (one dial
        pad on screen, not two)."""
        super().__init__(parent)
        self.controller = controller
        # two lines kept: "In a call with (48) 99999-1111 · 00:12:34 · muted · recording"
        # wraps at a 1280x720 screen's width, and would push the keypad down mid-call
        self.status = ReservedLabel(lines=2)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.pause_status = QLabel()
        self.pause_status.setMinimumHeight(self.pause_status.fontMetrics().height())
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Number or extension"))
        self.number.setClearButtonEnabled(True)
        self.number.setAccessibleName(self.tr("Number or extension to dial"))
        # its room is kept, for the longest of its messages at the width it has: the buttons
        # below never move when it shows or goes
        self.errors = {
            "number": self.tr("Not a phone number or extension."),
            "transfer": self.tr("Type the number or extension to transfer to."),
            "queue": self.tr("Type the queue number."),
        }
        self.error = ReservedLabel(self.errors.values())
        self.error.setStyleSheet("color:#b3261e;")
        self.keypad = QWidget()
        pad = QGridLayout(self.keypad)
        pad.setContentsMargins(0, 0, 0, 0)
        pad.setSpacing(4)
        self.keys: dict[str, QPushButton] = {}
        for n, key in enumerate("123456789*0#"):
            button = QPushButton(key)
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            pad.addWidget(button, n // 3, n % 3)
            self.keys[key] = button
        self.call_button = QPushButton(self.tr("Call"))
        self.call_button.setStyleSheet(_button_style("#1f8a3b"))
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.setStyleSheet(_button_style("#0b6bcb"))
        self.hangup_button = QPushButton(self.tr("Hang up"))
        self.hangup_button.setStyleSheet(_button_style("#c62828"))
        self.mute_button = QPushButton(self.tr("Mute"))
        self.mute_button.setCheckable(True)
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setCheckable(True)
        self.record_button.setStyleSheet(RECORDING_STYLE)
        self.record_button.setFixedHeight(self.mute_button.sizeHint().height())
        widths = []
        for on in (True, False):  # as wide as its longer text: turning on moves nothing
            self._show_recording(on)
            widths.append(self.record_button.sizeHint().width())
        self.record_button.setMinimumWidth(max(widths))
        widths = []
        for on in (True, False):  # Mute too: "Unmute" fits without moving anything
            self._show_muted(on)
            widths.append(self.mute_button.sizeHint().width())
        self.mute_button.setMinimumWidth(max(widths))
        self.transfer_to = QLineEdit()
        self.transfer_to.setPlaceholderText(self.tr("Transfer to…"))
        self.transfer_to.setAccessibleName(self.tr("Number or extension to transfer to"))
        self.blind = QPushButton(self.tr("Transfer"))
        self.attended = QPushButton(self.tr("Consult"))
        self.queue_id = QLineEdit()
        self.queue_id.setPlaceholderText(self.tr("Queue number (blank: all queues)"))
        self.queue_id.setAccessibleName(self.queue_id.placeholderText())
        self.queue_id.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}")))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.unpause_button = QPushButton(self.tr("Resume"))
        self.join_button = QPushButton(self.tr("Join the queue"))
        self.leave_button = QPushButton(self.tr("Leave the queue"))
        self.reconnect_button = QPushButton(self.tr("Reconnect"))

        calls = QHBoxLayout()
        for b in (self.call_button, self.answer_button, self.hangup_button):
            calls.addWidget(b)
        extras = QHBoxLayout()  # two halves: "Stop recording", wider, takes none of Mute's
        extras.addWidget(self.mute_button, 1)
        extras.addWidget(self.record_button, 1)
        transfer = QHBoxLayout()
        transfer.addWidget(self.transfer_to, 1)
        transfer.addWidget(self.blind)
        transfer.addWidget(self.attended)
        queue_box = QGroupBox(self.tr("Queues"))
        q = QGridLayout(queue_box)
        q.addWidget(self.queue_id, 0, 0, 1, 2)
        q.addWidget(self.pause_button, 1, 0)
        q.addWidget(self.unpause_button, 1, 1)
        q.addWidget(self.join_button, 2, 0)
        q.addWidget(self.leave_button, 2, 1)
        q.addWidget(self.pause_status, 3, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.number)
        layout.addWidget(self.error)
        layout.addWidget(self.keypad)
        self.keypad.setVisible(keypad)
        layout.addLayout(calls)
        layout.addLayout(extras)
        layout.addLayout(transfer)
        layout.addWidget(queue_box)
        layout.addWidget(self.reconnect_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

        c = controller
        self.call_button.clicked.connect(self._call)
        self.number.returnPressed.connect(self._call)
        self.answer_button.clicked.connect(c.answer)
        self.hangup_button.clicked.connect(c.hangup)
        self.mute_button.clicked.connect(c.toggle_mute)
        self.record_button.clicked.connect(c.record)
        self.blind.clicked.connect(lambda: self._transfer(attended=False))
        self.attended.clicked.connect(lambda: self._transfer(attended=True))
        self.pause_button.clicked.connect(
            lambda: self.pauseRequested.emit(self.queue_id.text() or None))
        self.unpause_button.clicked.connect(lambda: c.unpause(self.queue_id.text() or None))
        self.join_button.clicked.connect(lambda: self._queue(c.join_queue))
        self.leave_button.clicked.connect(lambda: self._queue(c.leave_queue))
        self.reconnect_button.clicked.connect(c.reconnect)
        c.stateChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        c = self.controller
        s = c.state
        call = s.call
        connected = s.registration is Registration.CONNECTED
        talking = bool(call and call.phase is CallPhase.TALKING)
        ringing = bool(call and call.phase is CallPhase.RINGING)
        self.status.setText(state_text(s))
        self.pause_status.setText(pause_text(s))
        self.call_button.setEnabled(call is None)
        self.answer_button.setEnabled(ringing)  # always there: Hang up never moves
        self.hangup_button.setEnabled(call is not None)
        self.mute_button.setEnabled(call is not None)
        self._show_muted(bool(call and call.muted))
        self.record_button.setEnabled(talking)
        self._show_recording(bool(call and call.recording))
        for b in (self.blind, self.attended):
            b.setEnabled(talking)
        for b in (self.pause_button, self.unpause_button, self.join_button,
                  self.leave_button):
            b.setEnabled(connected)
        self.reconnect_button.setVisible(s.registration in (Registration.DISCONNECTED,
                                                            Registration.ERROR,
                                                            Registration.OFFLINE))

    def _show_muted(self, on: bool) -> None:
        """Muted: the button says how to unmute (it said "Mute" through a muted call)."""
        b = self.mute_button
        b.setChecked(on)
        text = self.tr("Unmute") if on else self.tr("Mute")
        b.setText(text)
        b.setAccessibleName(text)
        b.setToolTip(self.tr("Your microphone is off: the caller does not hear you.") if on
                     else "")

    def _show_recording(self, on: bool) -> None:
        """The record button says what it does now: record, or (the call is being recorded)
        stop; for a screen reader too, without the mark."""
        b = self.record_button
        b.setChecked(on)
        if on:
            stop = self.tr("Stop recording")
            b.setText(RECORDING_MARK + stop)
            b.setAccessibleName(stop)
            said = self.tr("This call is being recorded. Click to stop.")
        else:
            b.setText(self.tr("Record"))
            b.setAccessibleName(self.tr("Record"))
            said = ""
        b.setToolTip(said)
        b.setAccessibleDescription(said)

    def _show_error(self, text: str) -> None:
        """In the room kept for it ("": none); never moves what is below."""
        self.error.setText(text)

    def _key(self, key: str) -> None:
        call = self.controller.state.call
        if call is not None and call.phase is CallPhase.TALKING:
            self.controller.dtmf(key)
        else:
            self.number.insert(key)

    def _call(self) -> None:
        try:
            target = normalize(self.number.text())
        except InvalidNumberError:
            self._show_error(self.errors["number"])
            return
        self._show_error("")
        self.controller.dial(target.value, "phone")

    def _transfer(self, *, attended: bool) -> None:
        try:
            target = normalize(self.transfer_to.text())
        except InvalidNumberError:
            self._show_error(self.errors["transfer"])
            return
        self._show_error("")
        self.controller.transfer(target.value, attended=attended)

    def _queue(self, action) -> None:
        if not self.queue_id.text():
            self._show_error(self.errors["queue"])
            return
        self._show_error("")
        action(self.queue_id.text())
