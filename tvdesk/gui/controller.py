"""The application's flow: sign-in ↔ main window, the remembered token, sign-out.

The token lives in memory (the session's client) and, when the agent asks to be remembered,
in the OS keyring. With a remembered token (and in the demo) the main window opens at once
and signs in behind a "connecting" card; a refused token brings back the sign-in screen
with the settings intact, during the day as at start.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import logging
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tvdesk.core.api import ApiError, AuthenticationError
from tvdesk.core.credentials import CredentialStore, KeyringUnavailableError
from tvdesk.core.settings import Settings, SettingsStore
from tvdesk.gui.background import Background
from tvdesk.gui.demo import Demo
from tvdesk.gui.lifetime import alive
from tvdesk.gui.main_window import MainWindow
from tvdesk.gui.messages import describe

if TYPE_CHECKING:
    import asyncio

    from tvdesk.core.webphone.url_prefetch import UrlPrefetch
    from tvdesk.gui.sign_in import SignInWindow

log = logging.getLogger(__name__)


#: how long the window waits for the webphone to connect before it fills in anyway
PHONE_FIRST_SECONDS = 1.5

_tasks: set = set()  # running tasks: a task nobody references may be collected mid-flight


def _soon(coro) -> asyncio.Task:
    """Schedule a coroutine on the running qasync loop (asyncio is imported late)."""
    import asyncio

    task = asyncio.ensure_future(coro)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task


def _sign_in(*args, **kw):
    from tvdesk.core.session import sign_in  # imports the HTTP client: off the GUI thread

    return sign_in(*args, **kw)


def _open_line(*args, **kw):
    from tvdesk.core.session import open_line

    return open_line(*args, **kw)


def _remembered_line(credentials: CredentialStore, base_url: str, extension: str,
                     extension_id: int | None, **client_kw):
    """On a worker: the remembered token and a line for it; (None, None) without one,
    (token, None) for a token that cannot be used (the sign-in says why)."""
    token = credentials.load(base_url)
    if not token:
        return None, None
    try:
        return token, _open_line(token, base_url, extension, extension_id, **client_kw)
    except ValueError:
        return token, None


class _EarlyLine:
    """An early start's token and line (``make``'s ``(first, line)``), made on a worker
    when first needed: by the phone for its URL, or by the sign-in once the phone is up."""

    def __init__(self, executor: concurrent.futures.Executor, make: Callable) -> None:
        self._executor = executor
        self._make = make
        self._job: concurrent.futures.Future | None = None
        self._lock = threading.Lock()  # the phone asks from a worker

    def job(self) -> concurrent.futures.Future:
        with self._lock:
            if self._job is None:
                self._job = self._executor.submit(self._make)
            return self._job

    def line(self):
        """The phone's line (blocks: on a worker)."""
        try:
            line = self.job().result()[1]
        except KeyringUnavailableError:
            line = None
        if line is None:
            raise ValueError("no usable token")
        return line

    def close(self) -> None:
        """Not needed after all: its client closes once made."""
        with self._lock:
            job = self._job
        if job is not None:
            job.add_done_callback(_close_line)


def _close_line(job: concurrent.futures.Future) -> None:
    with contextlib.suppress(Exception):
        line = job.result()[1]
        if line is not None:
            line.client.close()


def _request_for(settings):
    from tvdesk.core.webphone.url_prefetch import request_for  # (subprocess: only if used)

    return request_for(settings)


def _list_extensions(*args, **kw):
    from tvdesk.core.session import list_extensions

    return list_extensions(*args, **kw)


class AppController(QObject):
    mainWindowShown = Signal(object)  # MainWindow (maybe still connecting)
    signedIn = Signal(object)         # Session
    signInShown = Signal(object)      # SignInWindow

    def __init__(self, *, settings_store: SettingsStore, credentials: CredentialStore,
                 background: Background, demo: Demo | Callable[[], Demo] | None = None,
                 today: date | None = None, client_options: dict | None = None,
                 url_prefetch: UrlPrefetch | None = None, parent=None) -> None:
        """``url_prefetch``: the first URL of the remembered agent's phone, on its way."""
        super().__init__(parent)
        self._url_prefetch = url_prefetch
        self.store = settings_store
        self.settings: Settings = settings_store.load()
        self.credentials = credentials
        self.background = background
        self._demo_source = demo
        self.demo: Demo | None = demo if isinstance(demo, Demo) else None
        self.today = today
        self.client_options = client_options or {}
        self.session = None
        self.main_window: MainWindow | None = None
        self.sign_in_window: SignInWindow | None = None
        self.keyring_notice = ""
        self.pending_dial: str | None = None
        self.tray = None  # the app's Tray, when it has one
        self._phone_first_until = 0.0  # monotonic time until which the window waits for it
        self._early: _EarlyLine | None = None  # see _begin_early

    # ------------------------------------------------------------------ the tray
    def set_tray(self, tray) -> None:
        self.tray = tray
        tray.showRequested.connect(self._bring_forward)
        tray.hideRequested.connect(lambda: self.main_window and self.main_window.hide())
        tray.dialClipboardRequested.connect(self._dial_clipboard)
        tray.pauseRequested.connect(lambda: self._phone() and self._phone().pause())
        tray.unpauseRequested.connect(lambda: self._phone() and self._phone().unpause())
        tray.quitRequested.connect(self.quit)
        if self.main_window is not None:
            self._tray_follows(self.main_window)

    def _phone(self):
        return self.main_window.phone if self.main_window is not None else None

    def _tray_follows(self, window: MainWindow) -> None:
        if self.tray is None:
            return
        from tvdesk.gui.tray import tray_state

        window.tray = self.tray
        window.close_to_tray = self.tray.available and window.settings.close_to_tray
        self.tray.window_visible = lambda: (self.main_window is not None
                                            and self.main_window.isVisible())

        def follow_phone(phone) -> None:
            from tvdesk.gui.webphone.phone_controls import state_text

            def changed() -> None:
                ramal = window.session.ramal.ramal if window.session else ""
                self.tray.set_state(tray_state(phone), f"tvdesk — {ramal} — {state_text(phone)}",
                                    paused=phone.state.paused)
            phone.stateChanged.connect(changed)
            changed()

        window.phoneStarted.connect(follow_phone)
        if window.phone is not None:
            follow_phone(window.phone)

    def _can_dial(self) -> bool:
        window = self.main_window
        return window is not None and (self.session is not None or window.phone is not None)

    def _dial_clipboard(self) -> None:
        if self._can_dial():
            self._bring_forward()
            self.main_window.dial_clipboard()
        else:
            self._bring_forward()

    def quit(self) -> None:
        """Quit for real (closing the window may only hide it in the tray)."""
        from PySide6.QtWidgets import QApplication

        if self.main_window is not None:
            self.main_window.quitting = True
            self.main_window.close()
        if self.sign_in_window is not None:
            self.sign_in_window.close()
        if self.tray is not None:
            self.tray.dispose()
        QApplication.quit()

    # ------------------------------------------------------------------ requests
    def handle_request(self, command: str, args: list) -> None:
        """A request from the command line or another tvdesk process."""
        if command == "dial" and args:
            self.pending_dial = str(args[0])
            self._dial_pending()
        self._bring_forward()

    def _dial_pending(self) -> None:
        if self.pending_dial and self._can_dial():
            target, self.pending_dial = self.pending_dial, None
            self.main_window.request_dial(target)  # waits for the webphone while it loads

    def _bring_forward(self) -> None:
        window = self.main_window if self.main_window is not None else self.sign_in_window
        if window is not None:
            if window.isMinimized():
                window.showNormal()
            window.show()
            window.raise_()
            window.activateWindow()

    # ------------------------------------------------------------------ start
    def start(self) -> asyncio.Task:
        return _soon(self._start())

    def _remembered(self) -> bool:
        return self.settings.remember and bool(self.settings.ramal)

    def open_first_window(self) -> None:
        """Before the event loop exists: in the demo, and for an agent whose token is
        remembered, the main window shows at once ("connecting") and the phone starts."""
        self._begin_early()

    def _begin_early(self) -> None:
        """With the extension known before the sign-in (the demo's, or remembered), the
        webphone starts connecting at once, on a line made on a worker (the simulator or
        the keyring first), and the sign-in follows on the same client."""
        if self._early is not None:
            return
        prefetch, self._url_prefetch = self._url_prefetch, None
        opts = self.client_options
        if self._demo_source is not None:
            def make_line():  # the simulator, then a line to it
                demo = self.demo if self.demo is not None else self._demo_source()
                return demo, _open_line(demo.token, demo.base_url, demo.extension, **opts)
        elif self._remembered():
            s = self.settings
            make_line = functools.partial(_remembered_line, self.credentials, s.base_url,
                                          s.ramal, s.ramal_id, **opts)
        else:
            make_line = None
        if prefetch is not None and (make_line is None or self._demo_source is not None or
                                     prefetch.request != _request_for(self.settings)):
            prefetch.cancel()  # not this start's URL
            prefetch = None
        if make_line is None:
            return
        window = self._open_main()
        early = self._early = _EarlyLine(self.background.executor, make_line)
        if prefetch is None:
            early.job()  # the phone's URL needs the line: it is made now
        if window.settings.webphone_autostart:
            window.start_webphone(early.line, url_prefetch=prefetch)
            self._phone_first_until = time.monotonic() + PHONE_FIRST_SECONDS
            self._dial_pending()  # a dial from the command line goes to the phone now

    def phone_first(self):
        """The phone the start waits for, and how many more seconds it waits for it to
        connect (see :meth:`_start`); ``(None, 0.0)`` when nothing waits for it."""
        window = self.main_window
        if window is None or window.phone is None or not self._phone_first_until:
            return None, 0.0
        return window.phone, max(0.0, self._phone_first_until - time.monotonic())

    async def _start(self) -> None:
        import asyncio

        self._begin_early()
        early = self._early
        if early is not None:
            window = self.main_window
            phone, seconds = self.phone_first()
            if phone is not None:
                # the phone first: the sign-in and the window's data wait until it is
                # connected (or has failed, or 1.5 s have passed); QtWebEngine's browser
                # side runs on the GUI thread, and work there meanwhile delays the phone
                self._phone_first_until = 0.0
                await phone.settled(seconds)
                if self.main_window is not window:  # closed meanwhile (sign-out, quit)
                    early.close()
                    return
            try:
                first, line = await asyncio.wrap_future(early.job())
            except KeyringUnavailableError:
                first, line = None, None
            if self._demo_source is not None:
                self.demo = demo = first
                await self._sign_in(demo.token, demo.base_url, demo.extension,
                                    remember=False, client=line.client)
                return
            s = self.settings
            if first:  # the remembered token
                await self._sign_in(first, s.base_url, s.ramal, remember=True,
                                    from_keyring=True, client=line and line.client)
                return
            self._close_main()  # no token after all: the agent signs in
        window = self.show_sign_in()
        if not await self.background.run(self.credentials.available):
            window.show_notice(describe(KeyringUnavailableError()))

    # ------------------------------------------------------------------ sign-in
    def show_sign_in(self, error: str = "", token: str = "") -> SignInWindow:
        if self.sign_in_window is None:
            from tvdesk.gui.sign_in import SignInWindow

            w = SignInWindow()
            w.signInRequested.connect(
                lambda token, url, ext, remember: _soon(
                    self._sign_in(token, url, ext, remember)))
            w.extensionsRequested.connect(
                lambda token, url: _soon(self._offer_extensions(token, url)))
            s = self.settings
            w.prefill(token=token, base_url=s.base_url, extension=s.ramal, remember=s.remember)
            self.sign_in_window = w
        w = self.sign_in_window
        if error:
            w.show_error(error)
        w.show()
        w.raise_()
        self.signInShown.emit(w)
        return w

    async def _offer_extensions(self, token: str, base_url: str) -> None:
        w = self.sign_in_window
        w.set_busy(True)
        try:
            ramais = await self.background.run(_list_extensions, token, base_url,
                                               **self.client_options)
        except (ApiError, ValueError) as exc:
            if alive(w):
                w.set_busy(False)
                w.show_error(self._why(exc, base_url))
            return
        if alive(w):
            w.set_busy(False)
            w.offer_extensions(ramais)

    async def _sign_in(self, token: str, base_url: str, extension: str, remember: bool,
                       from_keyring: bool = False, client=None) -> None:
        if self.sign_in_window is not None:
            self.sign_in_window.set_busy(True)
        try:
            session = await self.background.run(_sign_in, token, base_url, extension,
                                                client=client, **self.client_options)
        except (ApiError, ValueError) as exc:
            log.info("sign-in failed: %s", type(exc).__name__)
            self._close_main()  # its phone too, before the client they shared goes
            if client is not None:
                client.close()
            w = self.show_sign_in(token=token)
            w.set_busy(False)
            w.show_error(self._why(exc, base_url))
            return
        self.keyring_notice = ""
        if self.demo is None:
            s = self.settings
            s.base_url, s.ramal, s.ramal_id, s.remember = (session.base_url, extension,
                                                           session.ramal.id, remember)
            self._save_settings(s)
            if not from_keyring:
                await self._remember_token(token, session.base_url, remember)
        self._attach(session)

    async def _remember_token(self, token: str, base_url: str, remember: bool) -> None:
        try:
            if remember:
                await self.background.run(self.credentials.save, base_url, token)
            else:
                await self.background.run(self.credentials.delete, base_url)
        except KeyringUnavailableError:
            if remember:
                self.keyring_notice = describe(KeyringUnavailableError())

    @staticmethod
    def _why(exc: BaseException, base_url: str) -> str:
        if isinstance(exc, ApiError):
            return describe(exc, base_url)
        return str(exc) or describe(exc)

    # ------------------------------------------------------------------ main window
    def _open_main(self) -> MainWindow:
        if self.main_window is None:
            settings = self.demo_settings() if self._demo_source is not None else self.settings
            window = MainWindow(self.background, settings, self._save_settings,
                                today=self.today)
            window.signOutRequested.connect(lambda: _soon(self.sign_out()))
            window.authFailed.connect(self._auth_failed)
            self.main_window = window
            window.show()
            self._tray_follows(window)
            self.mainWindowShown.emit(window)
        return self.main_window

    def _attach(self, session) -> None:
        self.session = session
        window = self._open_main()
        window.attach(session)
        if self.keyring_notice:
            window.show_message(self.keyring_notice, "warning")
        if self.sign_in_window is not None:
            self.sign_in_window.close()
            self.sign_in_window.deleteLater()
            self.sign_in_window = None
        self.signedIn.emit(session)
        self._dial_pending()

    def demo_settings(self) -> Settings:
        s = Settings(**vars(self.settings))
        s.range_preset = "7days"
        return s

    def _save_settings(self, settings: Settings) -> None:
        if self._demo_source is not None:
            return  # the demo never touches the agent's real settings
        self.settings = settings
        try:
            self.store.save(settings)
        except (OSError, ValueError) as exc:
            log.warning("settings not saved: %s", exc)

    def _close_main(self) -> None:
        if self.main_window is not None:
            w, self.main_window = self.main_window, None
            w.cancel_loading()
            self.show_sign_in()  # first: never zero windows (the app would quit)
            w.close()
            w.deleteLater()
        if self.session is not None:
            self.session.close()
            self.session = None

    def _auth_failed(self, exc: AuthenticationError) -> None:
        self._close_main()
        self.sign_in_window.show_error(describe(exc))

    async def sign_out(self) -> None:
        base_url = self.settings.base_url
        self._close_main()
        if self._demo_source is None:
            with contextlib.suppress(KeyringUnavailableError):
                await self.background.run(self.credentials.delete, base_url)
        self.sign_in_window.token.clear()
