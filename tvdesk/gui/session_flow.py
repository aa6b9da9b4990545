"""Signing in and out: the sign-in window, checking the token against the API, the token in
the OS keyring.

The token lives in memory (the session's client) and, when the agent asks to be remembered,
in the keyring (one entry per API host); it is never written anywhere else. A token is
accepted only once the API has accepted it. Settings (host, extension, id, remember) are
saved after a successful sign-in; the demo touches neither them nor the keyring.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tvdesk.core.api import (
    ApiError,
    AuthenticationError,
    MalformedResponseError,
    RateLimitedError,
    ServerError,
    TransportError,
)
from tvdesk.core.credentials import (
    CredentialStore,
    KeyringLockedError,
    KeyringUnavailableError,
)
from tvdesk.gui.lifetime import alive
from tvdesk.gui.messages import describe
from tvdesk.gui.settings_model import SettingsModel
from tvdesk.gui.tasks import Tasks

if TYPE_CHECKING:
    from tvdesk.core.session import Session
    from tvdesk.gui.sign_in import SignInWindow

log = logging.getLogger(__name__)


def _sign_in(*args, **kw):
    from tvdesk.core.session import sign_in  # imports the HTTP client: off the GUI thread

    return sign_in(*args, **kw)


def _list_extensions(*args, **kw):
    from tvdesk.core.session import list_extensions

    return list_extensions(*args, **kw)


class SessionFlow(QObject):
    signedIn = Signal(object)       # the Session
    signInFailed = Signal()         # a main window showing must give way to the sign-in
    signInShown = Signal(object)    # the SignInWindow
    demoRequested = Signal()        # the newcomer asked to try the demo
    signInClosed = Signal()         # the agent closed the sign-in window
    tokenNeeded = Signal()          # the token was refused during the day (confirmed)
    tokenAcceptedAgain = Signal()   # refused once, accepted on the next request
    tokenReplaced = Signal()        # a new token, checked, is used from now on
    # the remembered sign-in could not reach the API (the error, the seconds until the next
    # try): the main window stays, and this tries again by itself
    signInWaiting = Signal(object, float)

    def __init__(self, settings: SettingsModel, credentials: CredentialStore, tasks: Tasks, *,
                 demo: bool = False, client_options: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._credentials = credentials
        self._tasks = tasks
        self._demo = demo
        self.client_options = client_options or {}
        self.session: Session | None = None
        self.window: SignInWindow | None = None
        self.notice = ""  # what the agent should know after signing in (no keyring)
        self._checking_token = False
        self.token_dialog = None  # TokenDialog, while open
        self._sign_in_task = None
        self._waiter = None  # asyncio.Future: the remembered sign-in's next try
        self._late_job = None  # a sign-in given up on that may still answer

    # ------------------------------------------------------------------ the sign-in window
    def show_sign_in(self, error: str = "", token: str = "") -> SignInWindow:
        if self.window is None:
            from tvdesk.gui.sign_in import SignInWindow

            w = SignInWindow()
            w.signInRequested.connect(
                lambda token, url, ext, remember: self._start_sign_in(
                    self.sign_in(token, url, ext, remember)))
            w.cancelRequested.connect(self._cancel_sign_in)
            w.demoRequested.connect(self.demoRequested)
            w.closedByAgent.connect(self.signInClosed)
            # a newcomer (nothing remembered, no demo running) is shown the way to try it
            w.show_demo_hint(not self._demo and not self._settings.current.ramal)
            w.extensionsRequested.connect(
                lambda token, url: self._tasks.spawn(self.offer_extensions(token, url)))
            s = self._settings.current
            w.prefill(token=token, base_url=s.base_url, extension=s.ramal, remember=s.remember)
            self.window = w
        w = self.window
        if error:
            w.show_error(error)
        w.show()
        w.raise_()
        self.signInShown.emit(w)
        return w

    def close_sign_in(self) -> None:
        if self.window is not None:
            self.window.done = True
            self.window.close()
            self.window.deleteLater()
            self.window = None

    async def say_if_no_keyring(self) -> None:
        """On the sign-in screen: without a keyring the token cannot be remembered."""
        if not await self._tasks.run(self._credentials.available) and self.window is not None:
            self.window.show_notice(describe(KeyringUnavailableError()))

    async def offer_extensions(self, token: str, base_url: str) -> None:
        """The account's extensions, for the agent to pick theirs."""
        w = self.window
        w.set_busy(True)
        try:
            ramais = await self._tasks.run(_list_extensions, token, base_url,
                                           **self.client_options)
        except (ApiError, ValueError) as exc:
            if alive(w):
                w.set_busy(False)
                w.show_error(_why(exc, base_url))
            return
        if alive(w):
            w.set_busy(False)
            w.offer_extensions(ramais)

    # ------------------------------------------------------------------ signing in
    # a server that does not answer is given up after this long (the agent may cancel
    # sooner); each request also has its own connect and read timeouts
    SIGN_IN_SECONDS = 15.0
    SIGN_IN_TIMEOUT = (5.0, 10.0)

    def _start_sign_in(self, coro) -> None:
        self._sign_in_task = self._tasks.spawn(coro, owner=self)

    def _cancel_sign_in(self) -> None:
        task, self._sign_in_task = self._sign_in_task, None
        if task is not None and not task.done():
            task.cancel()

    async def _check(self, token: str, base_url: str, extension: str, client):
        """The API's word on ``token`` and ``extension`` (on a worker): the Session, or the
        ApiError; TimeoutError after :data:`SIGN_IN_SECONDS`. A sign-in given up on may
        still answer: its own client is closed then (one shared with the phone is not)."""
        import asyncio

        options = {"timeout": self.SIGN_IN_TIMEOUT, **self.client_options}
        job = self._tasks.submit(_sign_in, token, base_url, extension, client=client,
                                 **options)
        answer = asyncio.wrap_future(job)
        try:
            return await asyncio.wait_for(asyncio.shield(answer), self.SIGN_IN_SECONDS)
        except (TimeoutError, asyncio.CancelledError):
            answer.add_done_callback(_heard)  # (its error is the late job's to tell)
            if client is None:
                job.add_done_callback(_close_late_session)  # an answer after all: not used
            else:  # the phone's client: the next remembered try may use its late answer
                self._late_job = job
            raise

    async def sign_in(self, token: str, base_url: str, extension: str, remember: bool,
                      from_keyring: bool = False, client=None) -> Session | None:
        """Check the token and find the extension; ``client``: one already made for this
        token (the early phone's), shared by the session."""
        import asyncio

        if self.window is not None:
            self.window.set_busy(True)
        try:
            session = await self._check(token, base_url, extension, client)
        except (TimeoutError, asyncio.CancelledError) as exc:
            cancelled = isinstance(exc, asyncio.CancelledError)
            log.info("sign-in %s", "cancelled" if cancelled else "timed out")
            if self.window is not None:
                self.window.set_busy(False)
                self.window.show_error(
                    self.tr("Sign-in cancelled.") if cancelled else
                    self.tr("The server did not answer within {seconds} seconds. Check the "
                            "internet connection and the API address, then try again.")
                    .format(seconds=round(self.SIGN_IN_SECONDS)))
            if not cancelled:  # (cancelled: by the agent, or the app is ending)
                self.signInFailed.emit()
                self.show_sign_in(token=token)
            return None
        except (ApiError, ValueError) as exc:
            return self._refused(exc, token, base_url, client)
        return await self._accepted(session, token, extension, remember, from_keyring)

    def _refused(self, exc: BaseException, token: str, base_url: str, client) -> None:
        """The sign-in form, saying why (the main window gives way to it)."""
        log.info("sign-in failed: %s", type(exc).__name__)
        self.signInFailed.emit()  # its phone too, before the client they shared goes
        if client is not None:
            client.close()
        w = self.show_sign_in(token=token)
        w.set_busy(False)
        w.show_error(_why(exc, base_url))

    async def _accepted(self, session: Session, token: str, extension: str, remember: bool,
                        from_keyring: bool) -> Session:
        self.notice = ""
        if not self._demo:
            self._settings.update(base_url=session.base_url, ramal=extension,
                                  ramal_id=session.ramal.id, remember=remember)
            if not from_keyring:
                await self._remember_token(token, session.base_url, remember)
        self.session = session
        self.signedIn.emit(session)
        return session

    # what says the API could not be reached (or not used) for now, not that it said no
    UNREACHABLE = (TransportError, ServerError, RateLimitedError, MalformedResponseError)

    async def sign_in_remembered(self, token: str, base_url: str, extension: str,
                                 client=None) -> Session | None:
        """The morning's sign-in with the keyring's token. An unreachable, failing or silent
        API does not send the agent to the sign-in form: the main window stays (the stored
        history, the phone retrying by itself) and ``signInWaiting`` says so while this
        tries again (backoff up to 30 s, or at once: :meth:`retry_now`) until the API
        answers. Only a token the API refused twice (confirmed, as during the day), an
        unknown extension or an account that may not sign in go to the form."""
        import asyncio

        attempt, refusals = 0, 0
        self._late_job = None  # (an earlier sign-in's: another token's)
        while True:
            try:
                session = await self._answer_of_late_job()
                if session is None:
                    session = await self._check(token, base_url, extension, client)
            except AuthenticationError as exc:
                refusals += 1
                if refusals < 2:
                    log.info("the remembered token was refused: asking once more")
                    continue
                return self._refused(exc, token, base_url, client)
            except (TimeoutError, *self.UNREACHABLE) as exc:
                delay = sign_in_retry_delay(attempt)
                attempt += 1
                log.info("sign-in: the API could not be reached (%s); again in %.0f s",
                         type(exc).__name__, delay)
                self.signInWaiting.emit(exc, delay)
                if not await self._wait(delay):
                    return None  # no longer wanted (signed out, quitting)
                continue
            except asyncio.CancelledError:
                raise
            except (ApiError, ValueError) as exc:
                return self._refused(exc, token, base_url, client)
            return await self._accepted(session, token, extension, True, True)

    async def _answer_of_late_job(self) -> Session | None:
        """A try given up on (silent API) that is still running is waited for rather than
        piled on: its answer, when it is a session, is the sign-in."""
        import asyncio

        job, self._late_job = self._late_job, None
        if job is None or job.cancelled():
            return None
        try:
            return await asyncio.wrap_future(job)
        except (ApiError, ValueError):
            return None  # (the try made now says what is wrong)

    async def _wait(self, seconds: float) -> bool:
        """Until the next try (True), or until the wait is stopped (False)."""
        import asyncio

        from PySide6.QtCore import QTimer

        waiter = asyncio.get_running_loop().create_future()
        self._waiter = waiter

        def due(value: bool) -> None:
            if not waiter.done():
                waiter.set_result(value)

        QTimer.singleShot(int(seconds * 1000), self, lambda: due(True))
        try:
            return await waiter
        finally:
            if self._waiter is waiter:
                self._waiter = None

    def retry_now(self) -> None:
        """*Try now*: the remembered sign-in's next try, at once."""
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(True)

    def stop_waiting(self) -> None:
        """No more tries (the agent signed out or quits)."""
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(False)

    async def keep_token(self, token: str, base_url: str, remember: bool) -> None:
        """A new token entered during the day: into the keyring (or out of it), and the
        settings say whether it is remembered."""
        self.notice = ""
        if not self._demo:
            self._settings.update(remember=remember)
            await self._remember_token(token, base_url, remember)

    async def _remember_token(self, token: str, base_url: str, remember: bool) -> None:
        try:
            if remember:
                await self._tasks.run(self._credentials.save, base_url, token)
            else:
                await self._tasks.run(self._credentials.delete, base_url)
        except KeyringUnavailableError as exc:  # none at all, or locked: each says so
            if remember:
                self.notice = describe(exc)

    # ------------------------------------------------------------------ signing out
    def end_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    async def forget_token(self) -> None:
        """Signed out: the remembered token goes from the keyring and from the form."""
        base_url = self._settings.current.base_url
        locked = False
        if not self._demo:
            try:
                await self._tasks.run(self._credentials.delete, base_url)
            except KeyringLockedError:
                locked = True  # it is still there: the agent must know
            except KeyringUnavailableError:
                pass  # no keyring: nothing was ever kept
        if self.window is not None:
            self.window.token.clear()
            if locked:
                self.window.show_notice(self.tr(
                    "The keyring is locked, so the remembered token could not be removed "
                    "from it: tvdesk will still sign in with it next time. Unlock the "
                    "keyring and sign out again to remove it."))

    # ------------------------------------------------------------------ a token refused
    def token_refused(self, exc: BaseException) -> None:
        """The API refused the token during the day. One more request confirms it before
        anything is done (``tokenNeeded``); the session, the phone and a call in progress
        all stay, and the token stays in the keyring until a new one is saved or the agent
        signs out."""
        if self._checking_token or self.session is None:
            return
        self._checking_token = True
        self._tasks.spawn(self._confirm_token_refused(), owner=self)

    async def _confirm_token_refused(self) -> None:
        session = self.session
        try:
            await self._tasks.run(session.client.get_ramal, session.ramal.id)
        except AuthenticationError:
            confirmed = True
        except ApiError:
            confirmed = False  # another problem: the screen that met it says so
        else:
            confirmed = False
        finally:
            self._checking_token = False
        if self.session is not session:
            return
        if confirmed:
            self.tokenNeeded.emit()
        else:
            log.info("a refused token was accepted on the next request")
            self.tokenAcceptedAgain.emit()

    def ask_for_token(self, parent):
        """The token dialog over ``parent`` (non-blocking); the new token is checked
        against the API before every part uses it."""
        from tvdesk.gui.sign_in import TokenDialog

        if self.token_dialog is not None:
            self.token_dialog.raise_()
            return self.token_dialog
        dialog = TokenDialog(self._settings.current.remember, parent)
        dialog.tokenEntered.connect(
            lambda token, remember: self._tasks.spawn(
                self._try_token(dialog, token, remember), owner=dialog))
        dialog.finished.connect(self._token_dialog_closed)
        self.token_dialog = dialog
        dialog.open()
        return dialog

    def _token_dialog_closed(self) -> None:
        self.token_dialog = None

    async def _try_token(self, dialog, token: str, remember: bool) -> None:
        session = self.session
        if session is None:
            return
        try:
            await self._tasks.run(_check_token, token, session.base_url, session.ramal.id,
                                  **self.client_options)
        except (ApiError, ValueError) as exc:
            dialog.show_error(_why(exc, session.base_url))
            return
        session.client.replace_token(token)  # the reports and the phone's line share it
        await self.keep_token(token, session.base_url, remember)
        dialog.accept()
        self.tokenReplaced.emit()


def sign_in_retry_delay(attempt: int) -> float:
    """5, 10, 20, then every 30 seconds."""
    return float(min(30, 5 * 2 ** attempt))


def _heard(answer) -> None:
    """An asyncio future whose outcome nobody awaits any more: its error is retrieved (no
    "exception was never retrieved" at exit)."""
    if not answer.cancelled():
        answer.exception()


def _close_late_session(job) -> None:
    """A sign-in that answered after it was given up: its client is closed, not used."""
    if not job.cancelled() and job.exception() is None:
        job.result().close()


def _check_token(token: str, base_url: str, ramal_id: int, **client_kw) -> None:
    """On a worker: does the API accept ``token`` for this extension?"""
    from tvdesk.core.api.client import TotalVoiceClient

    with TotalVoiceClient(token, base_url, **client_kw) as client:
        client.get_ramal(ramal_id)


def _why(exc: BaseException, base_url: str) -> str:
    from tvdesk.core.api.errors import InvalidTokenError
    from tvdesk.core.api.hosts import InvalidHostError

    if isinstance(exc, ApiError | InvalidTokenError | InvalidHostError):
        return describe(exc, base_url)  # translated, with what to do
    return str(exc) or describe(exc)
