"""The phone, as one object: the webphone controller, its three views, switching between
them, and the incoming-call banner.

The main window only gives it room (:attr:`PhoneDock.panel` beside the tabs,
:attr:`PhoneDock.banner` under the message strip) and follows its signals; the rest of the app
talks to the phone through this object's methods. QtWebEngine is imported when the phone
first starts, not when the dock is made: the first window shows without it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from tvdesk.core.vocabulary import MessageKind, WebphoneMode
from tvdesk.gui.messages import not_allowed_text
from tvdesk.gui.settings_model import SettingsModel
from tvdesk.gui.tasks import Tasks

if TYPE_CHECKING:
    from tvdesk.core.models import Ramal
    from tvdesk.core.session import PhoneLine
    from tvdesk.core.webphone.phone_state import PhoneState
    from tvdesk.core.webphone.url_prefetch import UrlPrefetch
    from tvdesk.gui.webphone.controller import WebphoneController
    from tvdesk.gui.webphone.incoming import IncomingCallBanner

#: the side panel's width when it first appears, per mode (the webphone's page needs more)
PANEL_WIDTH = {WebphoneMode.EMBEDDED: 380, WebphoneMode.FLOATING: 300,
               WebphoneMode.HIDDEN: 300}


class PhoneDock(QObject):
    started = Signal(object)        # the WebphoneController, once the phone starts
    stateChanged = Signal()         # the phone's state (and its timers, every second)
    message = Signal(str, str)      # text, MessageKind: for the window's banner
    tokenRefused = Signal(object)   # the API refused the token when the phone asked
    ringing = Signal(str, str)      # an incoming call: title, what is known of the caller
    missed = Signal(str, str)       # a call that rang unanswered: title, what is known
    bannerShown = Signal(bool)      # the incoming/missed banner wants its room (or not)
    missedSeen = Signal()           # the agent called back or dismissed the missed call
    callBackRequested = Signal(str)  # the missed caller's number
    modeChanged = Signal(str)       # the mode now shown (also after a refused switch)
    panelShown = Signal(int)        # the side panel appeared: the width it would like
    panelCollapseRequested = Signal()  # fechar_fim, embedded: the call ended
    callFinished = Signal(object)   # the Call that ended (for the call log)
    pausedChanged = Signal(bool)    # the webphone confirmed a pause (True) or its end

    def __init__(self, settings: SettingsModel, tasks: Tasks, window: QWidget,
                 caller_history: Callable[[str], list] | None = None) -> None:
        """``window`` owns the floating and hidden windows; ``caller_history(number)``
        gives the caller's earlier calls for the incoming banner."""
        super().__init__(window)
        self._settings = settings
        self._tasks = tasks
        self._window = window
        self._caller_history = caller_history or (lambda _number: [])  # (or a CallerHistory)
        self.controller: WebphoneController | None = None
        self.panel = QWidget()
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel.hide()
        self.banner_area = QWidget()  # the incoming-call banner goes here (window's place)
        QVBoxLayout(self.banner_area).setContentsMargins(0, 0, 0, 0)
        self.banner: IncomingCallBanner | None = None  # made when the phone starts
        self.missed_unseen = 0  # calls that rang unanswered since the agent last looked
        self.embedded = None     # EmbeddedPanel, in embedded mode
        self.controls = None     # PhoneControls, in the other modes
        #: asks the agent why they pause, then calls its argument (tvdesk's pause reasons)
        self.ask_pause_reason = None
        self.floating = None     # FloatingWindow, in floating mode
        self.hidden_host = None  # HiddenHost, in hidden mode

    # ------------------------------------------------------------------ reading
    @property
    def state(self) -> PhoneState | None:
        return self.controller.state if self.controller is not None else None

    @property
    def mode(self) -> WebphoneMode:
        if self.controller is not None:
            return self.controller.mode
        return WebphoneMode.of(self._settings.current.webphone_mode)

    def in_call(self) -> bool:
        return self.controller is not None and self.controller.state.call is not None

    def is_loading(self) -> bool:
        return self.controller is not None and self.controller.is_loading()

    # ------------------------------------------------------------------ lifecycle
    def start(self, line: PhoneLine | Callable[[], PhoneLine],
              url_prefetch: UrlPrefetch | None = None, *, ramal: Ramal | None = None) -> None:
        """Load the webphone on ``line`` (or a blocking callable that makes it, when the
        phone starts before the sign-in), with its first URL from ``url_prefetch`` if
        given. ``ramal``: the extension, when already known (it may forbid the webphone)."""
        if self.controller is not None:
            return
        from tvdesk.gui.webphone.controller import WebphoneController
        from tvdesk.gui.webphone.incoming import IncomingCallBanner

        c = self.controller = WebphoneController(line, self._tasks, self._settings, self,
                                                 url_prefetch=url_prefetch)
        self.banner = IncomingCallBanner()
        self.banner_area.layout().addWidget(self.banner)
        self.banner.answerRequested.connect(c.answer)
        self.banner.rejectRequested.connect(c.hangup)
        self.banner.callBackRequested.connect(self._call_back)
        self.banner.dismissed.connect(self._missed_seen)
        c.callMissed.connect(self._missed)
        c.callEnded.connect(lambda: self.callFinished.emit(c.state.last_ended))
        c.pausedChanged.connect(self.pausedChanged)
        c.stateChanged.connect(self._changed)
        c.incomingCall.connect(self._incoming)
        c.problem.connect(self.message)
        c.tokenRefused.connect(self.tokenRefused)
        c.closeRequested.connect(self._close_requested)
        if ramal is None or c.extension_checked(ramal):
            c.start()  # first: its URL request and page start while the views are made
        else:
            self.message.emit(not_allowed_text(), MessageKind.WARNING)
        self._show_views()
        self.started.emit(c)

    def extension_checked(self, ramal: Ramal, line: PhoneLine) -> bool:
        """The sign-in found the extension: a phone that may not use the webphone stops;
        one that may uses the sign-in's line from now on."""
        if self.controller is None:
            return bool(ramal.webphone)
        allowed = self.controller.extension_checked(ramal)
        if allowed:
            self.controller.use_line(line)
        return allowed

    def stop(self) -> None:
        """Unload the webphone (its registration ends); views let go of the page first."""
        if self.controller is None:
            return
        if self.floating is not None:
            self._settings.update(webphone_geometry=self.floating.geometry_text())
        self.controller.stop()
        for name in ("floating", "hidden_host"):
            widget = getattr(self, name)
            if widget is not None:
                widget.close()
                widget.deleteLater()
                setattr(self, name, None)

    def unregister(self, then: Callable[[], None]) -> None:
        """Quitting: the webphone unregisters (``desconectar``) and unloads, then ``then``."""
        if self.controller is None:
            then()
            return
        if self.floating is not None:
            self._settings.update(webphone_geometry=self.floating.geometry_text())
        self.controller.unregister(lambda: (self.stop(), then()))

    # ------------------------------------------------------------------ modes
    def set_mode(self, mode: WebphoneMode | str) -> bool:
        """Show the phone another way; refused (False) during a call."""
        mode = WebphoneMode(mode)
        if self.controller is not None and not self.controller.set_mode(mode):
            self.modeChanged.emit(self.controller.mode)
            return False
        self._settings.update(webphone_mode=mode.value)
        if self.controller is not None:
            self._show_views()
        self.modeChanged.emit(mode)
        return True

    def show_floating(self) -> None:
        if self.floating is not None:
            self.floating.show()
            self.floating.raise_()

    def _show_views(self) -> None:
        from tvdesk.gui.webphone.phone_controls import PhoneControls
        from tvdesk.gui.webphone.views import EmbeddedPanel, FloatingWindow, HiddenHost

        c, mode = self.controller, self.controller.mode
        layout = self.panel.layout()
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.embedded = self.controls = None
        if mode is WebphoneMode.EMBEDDED:
            self.embedded = EmbeddedPanel(c)
            layout.addWidget(self.embedded)
        else:
            self.controls = PhoneControls(c, keypad=mode is not WebphoneMode.FLOATING)
            self.controls.pauseRequested.connect(self.pause)
            # the controls are taller than a 1366x768 window's room: they scroll, the window
            # never grows for them
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(self.controls)
            scroll.setMinimumWidth(self.controls.minimumSizeHint().width()
                                   + scroll.verticalScrollBar().sizeHint().width())
            layout.addWidget(scroll)
        if mode is WebphoneMode.HIDDEN and self.hidden_host is None:
            self.hidden_host = HiddenHost(c, self._window)
        elif mode is not WebphoneMode.HIDDEN and self.hidden_host is not None:
            self.hidden_host.close()
            self.hidden_host.deleteLater()
            self.hidden_host = None
        if not self.panel.isVisible():
            self.panel.show()
            self.panelShown.emit(PANEL_WIDTH[mode])
        if mode is WebphoneMode.FLOATING:
            if self.floating is None:
                s = self._settings.current
                self.floating = FloatingWindow(c, always_on_top=s.webphone_always_on_top,
                                               geometry=s.webphone_geometry,
                                               parent=self._window)
                self.floating.on_top.toggled.connect(
                    lambda on: self._settings.update(webphone_always_on_top=on))
                self.floating.geometryChanged.connect(
                    lambda text: self._settings.update(webphone_geometry=text))
            self.floating.show()
        elif self.floating is not None:
            self.floating.close()
            self.floating.deleteLater()
            self.floating = None

    # ------------------------------------------------------------------ events
    def _changed(self) -> None:
        from tvdesk.core.webphone.phone_state import CallPhase

        call = self.controller.state.call
        ringing = call is not None and call.phase is CallPhase.RINGING
        if not ringing and not self.banner.missed:  # (a missed call stays until seen)
            self.banner.hide()
            self.bannerShown.emit(False)
        self.stateChanged.emit()

    def _incoming(self, call) -> None:
        self.banner.show_call(call.number, self._caller_history(call.number))
        self.bannerShown.emit(True)
        self.ringing.emit(self.banner.title.text(), self.banner.history.text())

    def _missed(self, call) -> None:
        self.missed_unseen += 1
        self.banner.show_missed(call.number, call.rang_at, self.missed_unseen,
                                self._caller_history(call.number))
        self.bannerShown.emit(True)
        self.missed.emit(self.banner.title.text(), self.banner.history.text())

    def _call_back(self, number: str) -> None:
        self.banner.hide()
        self.bannerShown.emit(False)
        self.banner.missed = False
        self._missed_seen()
        self.callBackRequested.emit(number)

    def _missed_seen(self) -> None:
        self.bannerShown.emit(not self.banner.isHidden())
        if self.missed_unseen:
            self.missed_unseen = 0
            self.missedSeen.emit()

    def mark_missed_seen(self) -> None:
        """The agent looked (the window came to the front): the count starts again."""
        if self.missed_unseen:
            self.missed_unseen = 0
            self.missedSeen.emit()

    def _close_requested(self) -> None:
        """fechar_fim: the call ended: the floating window closes, the panel collapses."""
        mode = self.mode
        if mode is WebphoneMode.FLOATING and self.floating is not None:
            self.floating.close()
        elif mode is WebphoneMode.EMBEDDED:
            self.panelCollapseRequested.emit()

    # ------------------------------------------------------------------ commands
    def dial(self, target: str, origin: str = "dial_box") -> None:
        """Dial an E.164 number or an extension (the phone loads if it must)."""
        if self.controller is not None:
            self.controller.dial(target, origin)

    def answer(self) -> None:
        if self.controller is not None:
            self.controller.answer()

    def hangup(self) -> None:
        if self.controller is not None:
            self.controller.hangup()

    def toggle_mute(self) -> None:
        if self.controller is not None:
            self.controller.toggle_mute()

    def tones(self, digits: str) -> None:
        """DTMF during a call: each digit of ``digits`` that is one (0-9 * #)."""
        if self.controller is None:
            return
        for digit in digits:
            if digit in "0123456789*#":
                self.controller.dtmf(digit)

    def talking(self) -> bool:
        from tvdesk.core.webphone.phone_state import CallPhase

        call = self.state.call if self.state is not None else None
        return call is not None and call.phase is CallPhase.TALKING

    def pause(self, queue: str | None = None) -> None:
        """Pause in the queues (``queue``: one of them); with ``ask_pause_reason`` set, it
        asks the agent why first (and pauses only if they say)."""
        controller = self.controller
        if controller is None:
            return
        if self.ask_pause_reason is not None:
            self.ask_pause_reason(lambda: controller.pause(queue))
        else:
            controller.pause(queue)

    def unpause(self) -> None:
        if self.controller is not None:
            self.controller.unpause()

    def reconnect(self) -> None:
        if self.controller is not None:
            self.controller.reconnect()
