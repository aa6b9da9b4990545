"""The app's controller: it owns the settings, the sign-in flow, the main window with its
phone, history and dialing, and the tray, and routes what comes from outside (the command
line, other tvdesk processes, the tray) to them.

It is the only place these parts meet: they do not hold each other, they are connected here.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tvdesk.core.api import AuthenticationError
from tvdesk.core.credentials import CredentialStore
from tvdesk.core.settings import SettingsStore
from tvdesk.core.vocabulary import DialOrigin, MessageKind, WebphoneMode
from tvdesk.gui.actions import on_trigger
from tvdesk.gui.demo import Demo
from tvdesk.gui.dialing import Dialer
from tvdesk.gui.lifetime import alive
from tvdesk.gui.main_window import MainWindow
from tvdesk.gui.messages import not_allowed_text
from tvdesk.gui.session_flow import SessionFlow
from tvdesk.gui.settings_model import SettingsModel
from tvdesk.gui.startup import Startup, load_after_phone
from tvdesk.gui.tasks import Tasks
from tvdesk.gui.webphone.dock import PhoneDock
from tvdesk.gui.webphone.presence import PhonePresence

if TYPE_CHECKING:
    import asyncio

    from tvdesk.core.session import Session
    from tvdesk.core.webphone.url_prefetch import UrlPrefetch
    from tvdesk.gui.history import History
    from tvdesk.gui.sign_in import SignInWindow
    from tvdesk.gui.tray import Tray

log = logging.getLogger(__name__)


class AppController(QObject):
    mainWindowShown = Signal(object)  # MainWindow (maybe still connecting)
    phoneStarted = Signal(object)     # the WebphoneController
    signedIn = Signal(object)         # Session
    quitting = Signal()               # tvdesk ends now (the phone has unregistered)

    def __init__(self, *, settings_store: SettingsStore, credentials: CredentialStore,
                 tasks: Tasks, demo: Demo | Callable[[], Demo] | None = None,
                 today: date | None = None, client_options: dict | None = None,
                 url_prefetch: UrlPrefetch | None = None, parent=None) -> None:
        """``demo``: the demo's simulator (or what starts it); the agent's own settings and
        keyring are then left alone. ``url_prefetch``: the remembered agent's first webphone
        URL, on its way from a helper process."""
        super().__init__(parent)
        if demo is None:
            self.settings = SettingsModel(settings_store, parent=self)
        else:  # the demo never touches the agent's real settings
            start = settings_store.load().but(range_preset="7days")
            self.settings = SettingsModel(settings_store, persist=False, initial=start,
                                          parent=self)
        self.credentials = credentials
        self.tasks = tasks
        self.today = today
        self.flow = SessionFlow(self.settings, credentials, tasks, demo=demo is not None,
                                client_options=client_options, parent=self)
        self.flow.signedIn.connect(self._signed_in)
        self.flow.signInFailed.connect(self._sign_in_failed)
        self.flow.tokenNeeded.connect(self._token_needed)
        self.flow.tokenReplaced.connect(self._token_replaced)
        self.flow.tokenAcceptedAgain.connect(self._token_accepted_again)
        self.flow.demoRequested.connect(self._try_the_demo)
        self.flow.signInWaiting.connect(self._sign_in_waiting)
        # closing the sign-in with no main window ends tvdesk: never a phoneless tvdesk
        # left in the tray
        self.flow.signInClosed.connect(lambda: self.main_window is None and self.quit())
        self.restart_as_demo = False  # app.run starts `tvdesk --demo` once this one is gone
        self.dialer = Dialer(self)
        self.startup = Startup(self, demo_source=demo, url_prefetch=url_prefetch)
        self.main_window: MainWindow | None = None
        self.dock: PhoneDock | None = None
        self.history: History | None = None
        self._demo_history = None  # the demo's history folder (temporary)
        from tvdesk.gui.call_recorder import CallRecorder

        self.recorder = CallRecorder(tasks, self)  # the phone's calls into the call log
        from tvdesk.gui.pause_reasons import PauseReasons

        self.pause_reasons = PauseReasons(self.settings, tasks, self,
                                          window=lambda: self.main_window)
        self.tray: Tray | None = None
        self.confirm_box = None  # the question asked before ending a call
        self._quitting = False
        self.presence: PhonePresence | None = None
        self.settings.changed.connect(self._settings_changed)

    # ------------------------------------------------------------------ what tests and the
    # start-up read
    @property
    def session(self) -> Session | None:
        return self.flow.session

    @property
    def sign_in_window(self) -> SignInWindow | None:
        return self.flow.window

    @property
    def demo(self) -> Demo | None:
        return self.startup.demo

    @property
    def client_options(self) -> dict:
        return self.flow.client_options

    # ------------------------------------------------------------------ start
    def open_first_window(self) -> None:
        """Before the event loop exists: the window and the phone, when the extension is
        already known (see ``startup``)."""
        self.startup.begin()

    def start(self) -> asyncio.Task:
        return self.tasks.spawn(self.startup.run(), owner=self)

    # ------------------------------------------------------------------ the main window
    def open_main_window(self) -> PhoneDock:
        """Show the main window (connecting until signed in); its phone's dock."""
        if self.main_window is None:
            window = MainWindow(self.settings, today=self.today,
                                screens_now=not self.settings.current.webphone_autostart)
            dock = PhoneDock(self.settings, self.tasks, window,
                             caller_history=self._caller_history)
            window.place_phone(dock.panel, dock.banner_area)
            dock.callFinished.connect(self.recorder.record)
            dock.ask_pause_reason = self.pause_reasons.ask
            dock.pausedChanged.connect(self.pause_reasons.paused_changed)
            self._connect_window(window, dock)
            self.presence = PhonePresence(dock, window, self.settings, self._extension)
            self.main_window, self.dock = window, dock
            self.dialer.attach(window, dock, self._ensure_phone)
            window.show()
            self._tray_follows()
            self.mainWindowShown.emit(window)
        return self.dock

    def _connect_window(self, window: MainWindow, dock: PhoneDock) -> None:
        acts = window.menu_actions
        window.signOutRequested.connect(self.request_sign_out)
        window.quitRequested.connect(self.request_quit)
        window.settingsRequested.connect(self.open_settings)
        window.closing.connect(dock.stop)
        window.closing.connect(lambda: window.calls and window.calls.stop_playing())
        dock.started.connect(self._phone_started)
        dock.tokenRefused.connect(self._token_refused)
        window.messageActionRequested.connect(self._message_action)
        dock.callBackRequested.connect(
            lambda number: self.dialer.dial(number, DialOrigin.CALL_BACK))
        dock.modeChanged.connect(acts.check_mode)
        dock.panelShown.connect(window.size_phone_panel)
        dock.bannerShown.connect(window.show_phone_banner)
        dock.panelCollapseRequested.connect(window.collapse_phone_panel)
        for mode, act in acts.modes.items():
            act.triggered.connect(lambda _=False, m=mode: dock.set_mode(m))
        on_trigger(acts.answer, dock.answer)
        on_trigger(acts.hangup, dock.hangup)
        on_trigger(acts.mute, dock.toggle_mute)
        on_trigger(acts.tones, window.focus_dial)
        on_trigger(acts.pause, dock.pause)
        on_trigger(acts.unpause, dock.unpause)
        on_trigger(acts.show_floating, dock.show_floating)
        on_trigger(acts.reconnect, dock.reconnect)
        acts.show_floating.setEnabled(dock.mode is WebphoneMode.FLOATING)
        dock.modeChanged.connect(
            lambda m: acts.show_floating.setEnabled(m == WebphoneMode.FLOATING))

    def close_main_window(self) -> None:
        """Back to the sign-in (a refused token, signing out): the window, its phone and
        the session go; the sign-in shows first, so there is never no window."""
        self.flow.stop_waiting()
        if self.main_window is not None:
            window, self.main_window = self.main_window, None
            self.flow.show_sign_in()  # first: never zero windows (the app would quit)
            self.dialer.detach()
            if alive(window):
                window.close_for_quit()
                window.deleteLater()
            self.dock = self.history = self.presence = None
            self.recorder.use_store(None)
            self.pause_reasons.use_store(None)
            self._tray_follows()
        self.flow.end_session()

    def _sign_in_failed(self) -> None:
        """The sign-in said no: the window gives way to the sign-in form, but never in a
        call (the remembered sign-in can wait for the API for hours, the phone meanwhile
        up): the window, the phone and the call stay until it ends."""
        dock = self.dock
        if dock is not None and dock.in_call():
            self.main_window.show_message(
                self.tr("The access token was refused. The call goes on; when it ends, "
                        "tvdesk asks you to sign in again."),
                MessageKind.ERROR, source="token")

            def ended(_call=None) -> None:
                with contextlib.suppress(RuntimeError, TypeError):
                    dock.callFinished.disconnect(ended)
                if self.dock is dock and self.session is None:
                    self.close_main_window()

            dock.callFinished.connect(ended)
            return
        self.close_main_window()

    def _history_store(self, session):
        """What opens the agent's history database: one per API host and extension under
        the data folder; the demo's lives in a temporary folder that goes with it."""
        from tvdesk.core.history_store import HistoryStore, store_path
        from tvdesk.core.settings import data_dir

        if self.demo is not None:
            import tempfile

            if self._demo_history is None:
                self._demo_history = tempfile.TemporaryDirectory(prefix="tvdesk-demo-")
            base = Path(self._demo_history.name)
        else:
            base = data_dir()
        path = store_path(base, session.base_url, session.ramal.ramal or "")
        tz = session.client.tz
        return lambda: HistoryStore(path, tz=tz)

    def _caller_history(self, number: str) -> list:
        if self.history is not None:
            return self.history.caller_calls(number)
        from tvdesk.core.reports import CallerHistory

        return CallerHistory([], [])

    def _ensure_phone(self) -> bool:
        """Dialing needs the phone: start it for the signed-in agent if it is not running."""
        dock, session = self.dock, self.session
        if dock is None:
            return False
        if dock.controller is None and session is not None:
            dock.start(session.line, ramal=session.ramal)
        return dock.controller is not None

    # ------------------------------------------------------------------ signed in
    def _signed_in(self, session: Session) -> None:
        from tvdesk.core.phone import warm_up as phone_warm_up
        from tvdesk.gui.extensions_admin import ExtensionsAdmin
        from tvdesk.gui.history import History

        if self._quitting or (self.main_window is not None and not alive(self.main_window)):
            return  # the answer came after the window went (quitting): nothing to fill in
        dock = self.open_main_window()
        window = self.main_window
        window.hide_message("signin")  # (it waited for the API: it answered)
        self.tasks.submit(phone_warm_up)  # numbers format fast when the first rows arrive
        window.show_extension(session.ramal)
        window.set_ready(True)
        self.history = history = History(window, session, self.tasks, self.settings,
                                         store_factory=self._history_store(session))
        history.data.storeOpened.connect(self.recorder.use_store)
        self.recorder.recorded.connect(history.refresh_call_backs)  # a call back deals
        self.recorder.recorded.connect(history.phone_call_recorded)
        history.data.storeOpened.connect(self.pause_reasons.use_store)
        self.pause_reasons.recorded.connect(history.refresh_own)
        if self.presence is not None:
            history.callBacksChanged.connect(self.presence.set_call_backs)
        history.tokenRefused.connect(self._token_refused)
        self._admin = ExtensionsAdmin(session, self.tasks, window)
        self._follow_supervisor_setting()
        s = self.settings.current
        wanted = dock.controller is not None or s.webphone_autostart
        started_now = False
        if dock.controller is not None:  # started early: the start waited for it already
            dock.extension_checked(session.ramal, session.line)
        elif s.webphone_autostart and session.ramal.webphone:
            dock.start(session.line, ramal=session.ramal)
            started_now = True
        if started_now:  # the phone first, the history once it is up (or time is up)
            load_after_phone(dock, history.start, history)
        else:
            history.start()
        if wanted and not session.ramal.webphone:  # (after the load, which clears the banner)
            window.show_message(not_allowed_text(), MessageKind.WARNING)
        if self.flow.notice:
            window.show_message(self.flow.notice, MessageKind.WARNING)
        self.flow.close_sign_in()
        self.signedIn.emit(session)
        self.dialer.flush()

    # ------------------------------------------------------------------ a token refused
    def _token_refused(self, exc: AuthenticationError) -> None:
        """The API refused the token during the day: the flow confirms it; the window, the
        phone and a call in progress all stay (see ``SessionFlow.token_refused``)."""
        self.flow.token_refused(exc)

    def _token_needed(self) -> None:
        if self.main_window is not None:
            self.main_window.show_message(
                self.tr("The access token was refused: enter it again. The phone and your "
                        "calls keep working meanwhile."),
                MessageKind.ERROR, action=self.tr("Enter the token…"), source="token")

    def _token_replaced(self) -> None:
        if self.main_window is not None:
            self.main_window.hide_message("token")
            if self.flow.notice:
                self.main_window.show_message(self.flow.notice, MessageKind.WARNING)
        if self.history is not None:
            self.history.refresh()

    def _token_accepted_again(self) -> None:
        if self.history is not None:  # refused once, accepted now: refresh, nothing to say
            self.history.refresh()

    def _message_action(self, source: str) -> None:
        if source == "token":
            self.ask_for_token()
        elif source == "signin":
            self.flow.retry_now()

    def _sign_in_waiting(self, exc: BaseException, _delay: float) -> None:
        """The remembered sign-in could not reach the API: the window stays with the
        stored history to browse, says so, and the flow tries again by itself."""
        from tvdesk.gui.messages import unreachable_text

        window = self.main_window
        if window is None:
            return
        window.allow_browsing()
        window.show_saved_history()
        window.show_message(
            unreachable_text(exc, self.settings.current.base_url) + " " +
            self.tr("Your saved history is shown meanwhile; tvdesk signs you in by itself "
                    "as soon as it answers."),
            MessageKind.WARNING, action=self.tr("Try now"), source="signin")

    def ask_for_token(self):
        """The token dialog, over the main window (non-blocking)."""
        return self.flow.ask_for_token(self.main_window)

    async def sign_out(self) -> None:
        self.close_main_window()
        await self.flow.forget_token()

    # ------------------------------------------------------------------ the phone
    def _phone_started(self, phone) -> None:
        if self.main_window is not None:
            self.main_window.allow_dialing()
        self.phoneStarted.emit(phone)

    # ------------------------------------------------------------------ settings
    def open_settings(self):
        from tvdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings.current, self.main_window)
        dialog.accepted.connect(lambda: self._apply_dialog(dialog))
        dialog.forget.setEnabled(self.history is not None)
        if self.history is not None:
            dialog.forgetRequested.connect(lambda: self.history.ask_forget(dialog))
        dialog.open()
        return dialog

    def _apply_dialog(self, dialog) -> None:
        changed = self.settings.replace_all(dialog.result_settings())
        if "language" in changed and self.main_window is not None:
            self.main_window.show_message(
                self.tr("The new language applies the next time tvdesk starts."),
                MessageKind.INFO)

    def _settings_changed(self, names: frozenset) -> None:
        if "supervisor" in names:
            self._follow_supervisor_setting()
        if "close_to_tray" in names:
            self._tray_follows()

    def _follow_supervisor_setting(self) -> None:
        window = self.main_window
        if window is None or self.session is None:
            return
        on = self.settings.current.supervisor
        if on and window.supervisor is None:
            from tvdesk.gui.supervisor import SupervisorScreen

            screen = SupervisorScreen(self._admin, self.tasks)
            screen.message.connect(window.show_message)
            screen.tokenRefused.connect(self._token_refused)
            window.set_supervisor_screen(screen)
        elif not on and window.supervisor is not None:
            window.set_supervisor_screen(None)

    # ------------------------------------------------------------------ the tray
    def set_tray(self, tray: Tray) -> None:
        self.tray = tray
        tray.showRequested.connect(self._bring_forward)
        tray.hideRequested.connect(lambda: self.main_window and self.main_window.hide())
        tray.dialClipboardRequested.connect(self._dial_clipboard)
        tray.pauseRequested.connect(lambda: self.dock and self.dock.pause())
        tray.unpauseRequested.connect(lambda: self.dock and self.dock.unpause())
        tray.quitRequested.connect(self.request_quit)
        tray.set_window_query(lambda: self.main_window is not None
                              and self.main_window.isVisible())
        self._tray_follows()

    def _tray_follows(self) -> None:
        """The window closes to the tray when there is one and the agent wants it; the
        tray shows the phone's state (or that there is none)."""
        if self.tray is None:
            return
        if self.main_window is not None:
            self.main_window.set_close_to_tray(self.tray.available
                                               and self.settings.current.close_to_tray)
        if self.presence is not None:
            self.presence.set_tray(self.tray)
        else:
            self.tray.set_state("off", "tvdesk")
            self.tray.set_missed(0)

    def _extension(self) -> str:
        return self.session.ramal.ramal or "" if self.session is not None else ""

    def _dial_clipboard(self) -> None:
        self._bring_forward()
        if self.dialer.can_dial():
            self.dialer.dial_clipboard()

    # ------------------------------------------------------------------ from outside
    def handle_request(self, command: str, args: list) -> None:
        """A request from the command line or another tvdesk process."""
        if command == "dial" and args:
            self.dialer.request(str(args[0]))
        self._bring_forward()

    def _bring_forward(self) -> None:
        window = self.main_window if self.main_window is not None else self.flow.window
        if window is not None:
            if window.isMinimized():
                window.showNormal()
            window.show()
            window.raise_()
            window.activateWindow()

    # ------------------------------------------------------------------ quitting
    def request_quit(self) -> None:
        """File → Quit, the tray's Quit, or closing a window that has no tray to go to:
        tvdesk ends, after asking if a call is on."""
        self._unless_in_call(self.tr("End the call and quit?"),
                             self.tr("A call is in progress. Quitting tvdesk ends it."),
                             self.quit)

    def request_sign_out(self) -> None:
        self._unless_in_call(self.tr("End the call and sign out?"),
                             self.tr("A call is in progress. Signing out ends it."),
                             lambda: self.tasks.spawn(self.sign_out(), owner=self))

    def _unless_in_call(self, question: str, detail: str, then) -> None:
        """``then()`` now, or after the agent says Yes if a call is on (default: No)."""
        from PySide6.QtWidgets import QMessageBox

        if self.dock is None or not self.dock.in_call():
            then()
            return
        window = self.main_window
        window.bring_forward()
        box = QMessageBox(QMessageBox.Icon.Warning, question, question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          window)
        box.setInformativeText(detail)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and then())
        self.confirm_box = box
        box.open()

    def _try_the_demo(self) -> None:
        """The newcomer's *Try the demo*: this tvdesk ends and a demo one starts."""
        self.restart_as_demo = True
        self.quit()

    def quit(self) -> None:
        """End tvdesk: the webphone unregisters (``desconectar``), then the windows close
        and the app quits (closing the window may only hide it in the tray; this does not)."""
        if self._quitting:
            return
        self._quitting = True
        self.flow.stop_waiting()
        if self.dock is not None:
            self.dock.unregister(then=self._quit_now)
        else:
            self._quit_now()

    def _quit_now(self) -> None:
        from PySide6.QtWidgets import QApplication

        if self.main_window is not None:
            self.main_window.close_for_quit()
        self.flow.close_sign_in()
        if self.tray is not None:
            self.tray.dispose()
        self.quitting.emit()
        QApplication.quit()

    def shutdown(self) -> None:
        """The process ends now: the phone's page goes before its browser profile and the
        windows before the application, in this order, not in whatever order the
        interpreter's exit would pick (QtWebEngine crashes on the wrong one)."""
        from PySide6.QtCore import QCoreApplication, QEvent

        if self.dock is not None:
            self.dock.stop()
        window = self.main_window
        if window is not None and alive(window):
            window.close_for_quit()
            window.deleteLater()
        self.flow.close_sign_in()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def report_unexpected(self, exc: BaseException) -> None:
        """The error hook's message, where the agent looks (see ``tasks``)."""
        from tvdesk.gui.tasks import unexpected_text

        text = unexpected_text(exc)
        if self.main_window is not None:
            self.main_window.show_message(text, MessageKind.ERROR)
        elif self.flow.window is not None:
            self.flow.window.show_error(text)

