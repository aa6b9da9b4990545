"""The application's flow: sign-in ↔ main window, the remembered token, sign-out.

The token lives in memory (the session's client) and, when the agent asks to be remembered,
in the OS keyring. A refused token during the day brings back the sign-in screen with the
settings intact.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import date

from PySide6.QtCore import QObject, Signal

from tvdesk.core.api import ApiError, AuthenticationError
from tvdesk.core.credentials import CredentialStore, KeyringUnavailableError
from tvdesk.core.session import Session, list_extensions, sign_in
from tvdesk.core.settings import Settings, SettingsStore
from tvdesk.gui.background import Background
from tvdesk.gui.demo import Demo
from tvdesk.gui.main_window import MainWindow
from tvdesk.gui.messages import describe
from tvdesk.gui.sign_in import SignInWindow

log = logging.getLogger(__name__)


class AppController(QObject):
    mainWindowShown = Signal(object)  # MainWindow
    signInShown = Signal(object)      # SignInWindow

    def __init__(self, *, settings_store: SettingsStore, credentials: CredentialStore,
                 background: Background, demo: Demo | None = None, today: date | None = None,
                 client_options: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store = settings_store
        self.settings: Settings = settings_store.load()
        self.credentials = credentials
        self.background = background
        self.demo = demo
        self.today = today
        self.client_options = client_options or {}
        self.session: Session | None = None
        self.main_window: MainWindow | None = None
        self.sign_in_window: SignInWindow | None = None
        self._pending: asyncio.Task | None = None
        self.keyring_notice = ""

    # ------------------------------------------------------------------ start
    def start(self) -> asyncio.Task:
        self._pending = asyncio.ensure_future(self._start())
        return self._pending

    async def _start(self) -> None:
        if self.demo is not None:
            await self._sign_in(self.demo.token, self.demo.base_url, self.demo.extension,
                                remember=False)
            return
        s = self.settings
        token = None
        if s.remember and s.ramal:
            try:
                token = await self.background.run(self.credentials.load, s.base_url)
            except KeyringUnavailableError:
                token = None
        window = self.show_sign_in()
        if token:
            window.prefill(token=token, base_url=s.base_url, extension=s.ramal,
                           remember=True)
            await self._sign_in(token, s.base_url, s.ramal, remember=True, from_keyring=True)
        elif not self.credentials.available():
            window.show_notice(describe(KeyringUnavailableError()))

    # ------------------------------------------------------------------ sign-in
    def show_sign_in(self, error: str = "") -> SignInWindow:
        if self.sign_in_window is None:
            w = SignInWindow()
            w.signInRequested.connect(
                lambda token, url, ext, remember: asyncio.ensure_future(
                    self._sign_in(token, url, ext, remember)))
            w.extensionsRequested.connect(
                lambda token, url: asyncio.ensure_future(self._offer_extensions(token, url)))
            s = self.settings
            w.prefill(base_url=s.base_url, extension=s.ramal, remember=s.remember)
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
            ramais = await self.background.run(list_extensions, token, base_url,
                                               **self.client_options)
        except (ApiError, ValueError) as exc:
            w.set_busy(False)
            w.show_error(self._why(exc, base_url))
            return
        w.set_busy(False)
        w.offer_extensions(ramais)

    async def _sign_in(self, token: str, base_url: str, extension: str, remember: bool,
                       from_keyring: bool = False) -> None:
        w = self.sign_in_window
        if w is not None:
            w.set_busy(True)
        try:
            session = await self.background.run(sign_in, token, base_url, extension,
                                                **self.client_options)
        except (ApiError, ValueError) as exc:
            log.info("sign-in failed: %s", type(exc).__name__)
            w = self.show_sign_in()
            w.set_busy(False)
            w.show_error(self._why(exc, base_url))
            return
        if w is not None:
            w.set_busy(False)
        self.keyring_notice = ""
        if self.demo is None:
            s = self.settings
            s.base_url, s.ramal, s.ramal_id, s.remember = (session.base_url, extension,
                                                           session.ramal.id, remember)
            self._save_settings(s)
            if not from_keyring:
                await self._remember_token(token, session.base_url, remember)
        self._show_main(session)

    async def _remember_token(self, token: str, base_url: str, remember: bool) -> None:
        try:
            if remember:
                await self.background.run(self.credentials.save, base_url, token)
            else:
                await self.background.run(self.credentials.delete, base_url)
        except KeyringUnavailableError:
            if remember:
                self.keyring_notice = describe(KeyringUnavailableError())

    def _why(self, exc: BaseException, base_url: str) -> str:
        if isinstance(exc, ValueError) and not isinstance(exc, ApiError):
            return describe(exc) if not str(exc) else str(exc)
        return describe(exc, base_url)

    # ------------------------------------------------------------------ main window
    def _show_main(self, session: Session) -> None:
        self.session = session
        settings = self.demo_settings() if self.demo else self.settings
        window = MainWindow(session, self.background, settings, self._save_settings,
                            today=self.today)
        window.signOutRequested.connect(lambda: asyncio.ensure_future(self.sign_out()))
        window.authFailed.connect(self._auth_failed)
        self.main_window = window
        window.show()
        if self.keyring_notice:
            window.show_message(self.keyring_notice, "warning")
        if self.sign_in_window is not None:
            self.sign_in_window.close()
            self.sign_in_window.deleteLater()
            self.sign_in_window = None
        self.mainWindowShown.emit(window)

    def demo_settings(self) -> Settings:
        s = Settings(**{k: v for k, v in vars(self.settings).items()})
        s.range_preset = "7days"
        return s

    def _save_settings(self, settings: Settings) -> None:
        if self.demo is not None:
            return  # the demo never touches the agent's real settings
        self.settings = settings
        try:
            self.store.save(settings)
        except (OSError, ValueError) as exc:
            log.warning("settings not saved: %s", exc)

    def _close_main(self) -> None:
        if self.main_window is not None:
            w, self.main_window = self.main_window, None
            w.data.cancel()
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
        if self.demo is None:
            with contextlib.suppress(KeyringUnavailableError):
                await self.background.run(self.credentials.delete, base_url)
        self.sign_in_window.token.clear()
