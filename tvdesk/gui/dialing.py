"""Dialing from everywhere: the dial box, call back in the history, the copied number, and
the command line or a clicked ``tel:`` link (which may arrive before there is a window or a
phone to dial with: it waits, once, until there is).

Every number is checked and normalised here (``core.phone``) before the phone sees it; the
agent is told what was wrong with one that is not a number.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from tvdesk.core.phone import InvalidNumberError, format_for_display, normalize
from tvdesk.core.vocabulary import DialOrigin, MessageKind, is_phone_link
from tvdesk.gui.actions import on_trigger

if TYPE_CHECKING:
    from tvdesk.gui.main_window import MainWindow
    from tvdesk.gui.webphone.dock import PhoneDock


class Dialer(QObject):
    dialed = Signal(str)  # what went to the phone: E.164, or an extension's digits

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._window: MainWindow | None = None
        self._dock: PhoneDock | None = None
        self._ensure_phone: Callable[[], bool] = lambda: False
        self.pending: str | None = None  # from the command line, until it can be dialled
        self.clipboard_box: QMessageBox | None = None

    def attach(self, window: MainWindow, dock: PhoneDock,
               ensure_phone: Callable[[], bool]) -> None:
        """Dial through ``window`` and ``dock``; ``ensure_phone()`` starts the phone if it
        can (signed in) and says whether there is one."""
        self._window, self._dock, self._ensure_phone = window, dock, ensure_phone
        window.dialSubmitted.connect(self._from_box)
        window.dial_box.textEdited.connect(self._typed)
        on_trigger(window.menu_actions.dial_clipboard, self.dial_clipboard)
        window.screensBuilt.connect(self._screens_built)
        if window.calls is not None:
            self._screens_built()

    def detach(self) -> None:
        self._window = self._dock = None
        self._ensure_phone = lambda: False

    def _screens_built(self) -> None:
        if self._window is not None:
            for screen in (self._window.calls, self._window.call_backs):
                screen.dialRequested.connect(
                    lambda number: self.dial(number, DialOrigin.CALL_BACK))

    # ------------------------------------------------------------------ dialing
    def can_dial(self) -> bool:
        return self._window is not None and (self._dock.controller is not None
                                             or self._ensure_phone())

    def dial(self, text: str, origin: DialOrigin = DialOrigin.DIAL_BOX) -> bool:
        """Dial what the agent typed or chose; False (and a message) if it is not a number.
        ``origin``: how the call was started (the call log keeps it)."""
        window = self._window
        if window is None:
            return False
        try:
            target = normalize(text)
        except InvalidNumberError as exc:
            window.show_message(
                self.tr("Type a number to dial.") if exc.reason == "empty" else
                self.tr("“{text}” is not a phone number or an extension. Use a number with "
                        "area code, e.g. (48) 99999-9999, or a 3-4 digit extension.")
                .format(text=_shortened(text.strip())), MessageKind.WARNING)
            return False
        window.show_status(self.tr("Dialing {number}…").format(
            number=format_for_display(target.value)), 10)
        self._dock.stateChanged.connect(self._dialing_done)  # it gives way to the call
        self.dialed.emit(target.value)
        if self._dock.controller is None:
            self._ensure_phone()
        self._dock.dial(target.value, origin)  # it waits for the phone while that loads
        return True

    def _typed(self, text: str) -> None:
        """During a call the dial box sends tones: each digit typed goes as DTMF."""
        if self._dock is None or not self._dock.talking() or not text:
            return
        from tvdesk.core.phone import ascii_digits

        self._dock.tones(ascii_digits(text))
        self._window.clear_dial_box()
        self._window.show_status(self.tr("Tone {digits} sent").format(digits=text[-8:]), 3)

    def _dialing_done(self) -> None:
        """The webphone started the call (or gave up): "Dialing…" gives way to the
        call's own state, on the card."""
        dock, window = self._dock, self._window
        if dock is None or window is None:
            return
        state = dock.state
        if state is None or not state.dial_unconfirmed():
            window.statusBar().clearMessage()
            with contextlib.suppress(RuntimeError, TypeError):
                dock.stateChanged.disconnect(self._dialing_done)

    def _from_box(self, text: str) -> None:
        if not text.strip() and self._dock is not None and self._dock.in_call():
            return  # Enter after tones: the box sends tones during a call, nothing to dial
        if self.dial(text):
            self._window.clear_dial_box()

    def dial_clipboard(self) -> QMessageBox | None:
        """Dial the number the agent copied, after asking (the clipboard may surprise)."""
        window = self._window
        if window is None:
            return None
        from tvdesk.core.links import from_clipboard

        board = QGuiApplication.clipboard()
        target = from_clipboard(board.text())
        if target is None and board.supportsSelection():
            target = from_clipboard(board.text(QClipboard.Mode.Selection))
        if target is None:
            window.show_message(self.tr("The copied text has no phone number or extension."),
                                MessageKind.WARNING)
            return None
        shown = format_for_display(target.value) or target.value
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Dial the copied number"),
                          self.tr("Dial {number}?").format(number=shown),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          window)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes
                             and self.dial(target.value, DialOrigin.CLIPBOARD))
        self.clipboard_box = box
        window.bring_forward()
        box.open()
        return box

    # ------------------------------------------------------------------ from outside
    def request(self, text: str) -> None:
        """A dial from the command line or a link: now if a phone can take it, else as soon
        as one can (only the latest request waits)."""
        self.pending = text
        self.flush()

    def flush(self) -> None:
        """Dial the waiting request, if there is one and it can be dialled now."""
        if self.pending and self.can_dial():
            target, self.pending = self.pending, None
            self.dial(target, DialOrigin.LINK if is_phone_link(target)
                      else DialOrigin.COMMAND_LINE)


def _shortened(text: str, limit: int = 40) -> str:
    """What the agent typed, as a message quotes it: the start of a long paste, not all."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
