"""What the phone's state means outside the phone: the extension card's line, the window's
messages and title, the tray's icon and tooltip, desktop notifications, the missed-call
count. The dock says what happened; this says it where the agent looks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from tvdesk.core.vocabulary import MessageKind
from tvdesk.gui.settings_model import SettingsModel

if TYPE_CHECKING:
    from tvdesk.gui.main_window import MainWindow
    from tvdesk.gui.tray import Tray
    from tvdesk.gui.webphone.dock import PhoneDock


class PhonePresence(QObject):
    def __init__(self, dock: PhoneDock, window: MainWindow, settings: SettingsModel,
                 extension: Callable[[], str]) -> None:
        """``extension()``: the signed-in agent's extension number ("" before that)."""
        super().__init__(window)
        self._dock, self._window, self._settings = dock, window, settings
        self._extension = extension
        self._tray: Tray | None = None
        self._was_up = False
        self._missed_while_away = False
        self._call_backs = 0  # numbers to call back (the history says how many)
        self._ringing_title = ""  # the incoming call's notification, while it rings
        dock.stateChanged.connect(self._changed)
        dock.message.connect(self._message)
        dock.ringing.connect(self._ringing)
        dock.missed.connect(self._missed)
        dock.missedSeen.connect(self._count_changed)
        window.activated.connect(self._window_activated)
        window.messageActionRequested.connect(self._action)

    def set_tray(self, tray: Tray | None) -> None:
        self._tray = tray
        self._show_in_tray()
        self._count_changed()

    # ------------------------------------------------------------------ state
    def _changed(self) -> None:
        from tvdesk.core.webphone.phone_state import CallPhase, Registration
        from tvdesk.gui.webphone.status import card_text

        state, window = self._dock.state, self._window
        if state is None:
            return
        up = state.registration is Registration.CONNECTED
        if up and not self._was_up:
            window.hide_message("phone")  # back: what said it was down goes
        self._was_up = up
        window.show_phone_state(card_text(state), paused=state.paused)
        window.menu_actions.allow_mode_change(state.call is None)
        self._show_in_tray()
        if self._ringing_title and (state.call is None
                                    or state.call.phase is not CallPhase.RINGING):
            title, self._ringing_title = self._ringing_title, ""
            if self._tray is not None:  # answered, or over: "Call arriving" is not true
                self._tray.withdraw(title)

    def _show_in_tray(self) -> None:
        if self._tray is None:
            return
        state = self._dock.state
        if state is None:
            self._tray.set_state("off", "tvdesk")
            return
        from tvdesk.gui.webphone.status import card_text, tray_state

        tip = f"tvdesk — {self._extension()} — {card_text(state)}"  # (a pause, and for how long)
        if self._call_backs:
            tip += " — " + self.tr("%n to call back", "", self._call_backs)
        self._tray.set_state(tray_state(state), tip, paused=state.paused)

    def set_call_backs(self, count: int) -> None:
        """How many numbers there are to call back (the tray's tooltip says it)."""
        self._call_backs = count
        self._show_in_tray()

    def _message(self, text: str, kind: str) -> None:
        """What the phone says while it is down stays until it is back (a refresh does not
        hide it), with *Reconnect*; a confirmation goes to the status bar; anything else is
        an ordinary message."""
        from tvdesk.core.webphone.phone_state import Registration

        state = self._dock.state
        down = state is not None and state.registration is not Registration.CONNECTED
        if down:
            self._window.show_message(text, kind, source="phone",
                                      action=self.tr("Reconnect"))
        elif kind == MessageKind.INFO:  # nothing moves: the status bar
            self._window.show_status(text, 8)
        else:
            self._window.show_message(text, kind)

    def _action(self, source: str) -> None:
        if source == "phone":
            self._dock.reconnect()

    # ------------------------------------------------------------------ calls
    def _ringing(self, title: str, detail: str) -> None:
        """A call is arriving: a desktop notification (through the tray, where there is
        one), the taskbar's alert, and the window to the front if the agent wants it."""
        if self._tray is not None:
            self._tray.notify(title, detail)
            self._ringing_title = title
        QApplication.alert(self._window)
        if self._settings.current.raise_on_incoming:
            self._window.bring_forward()

    def _missed(self, title: str, detail: str) -> None:
        """A call rang unanswered: the banner says so (the dock), and so do a desktop
        notification, the tray's icon and tooltip, and the window's title."""
        self._ringing_title = ""  # (the missed call's news takes its place)
        if self._tray is not None:
            self._tray.notify(title, detail)
        window = self._window
        self._missed_while_away = not (window.isVisible() and window.isActiveWindow())
        self._count_changed()

    def _count_changed(self) -> None:
        count = self._dock.missed_unseen
        self._window.set_missed_count(count)
        if self._tray is not None:
            self._tray.set_missed(count)

    def _window_activated(self) -> None:
        """The agent came back to the window: missed calls while away are seen now."""
        if self._missed_while_away:
            self._missed_while_away = False
            self._dock.mark_missed_seen()
