"""The agent's phone: loads the webphone, follows its events, sends it commands.

- A fresh URL is fetched right before every load and never kept (it logs in).
- One page at a time: the old page goes before the new one loads, so tvdesk never holds
  two registrations of the extension.
- A dial goes through the live page when it is connected and idle; while it loads, the
  dial waits for ``conectado``; with no page, a fresh URL is loaded with ``ligar_para``.
  Each request is sent once.
- After ``desconectado``, a renderer crash or an expired URL, it reconnects with
  exponential backoff and a fresh URL; problems the agent must fix (microphone missing
  or denied) are reported and not retried. A ``status_erro`` is final for its page (the
  vendor's word): classified from tvdesk's own facts (``page_errors``), it reloads once
  with a fresh URL and then waits for the agent; never during a call.
- Hidden mode loads the URL as the vendor's sample does (``<script src>``); when that
  builds no frame in a short while, the URL is a page: it is framed directly from then on.
- ``ligar_para`` gets E.164 numbers only (the vendor asks for E.164 there); an extension
  waits for the page and goes through ``chamaNumero``.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QObject, QTimer, Signal

from tvdesk.core.api import ApiError, AuthenticationError, ValidationError
from tvdesk.core.models import Ramal
from tvdesk.core.phone import format_for_display
from tvdesk.core.session import PhoneLine
from tvdesk.core.vocabulary import MessageKind, WebphoneMode
from tvdesk.core.webphone import protocol
from tvdesk.core.webphone.backoff import reconnect_delay
from tvdesk.core.webphone.dial_queue import DialQueue
from tvdesk.core.webphone.page_errors import (
    PageError,
    ReloadBudget,
    classify,
    microphone_missing,
    url_expiry,
)
from tvdesk.core.webphone.phone_state import PhoneState, Registration
from tvdesk.core.webphone.protocol import QueueEvent
from tvdesk.gui.lifetime import alive
from tvdesk.gui.messages import describe, not_allowed_text
from tvdesk.gui.settings_model import SettingsModel
from tvdesk.gui.tasks import Tasks
from tvdesk.gui.webphone.host import WebphonePage

if TYPE_CHECKING:
    from tvdesk.core.webphone.url_prefetch import UrlPrefetch

log = logging.getLogger(__name__)


def retrying_text(text: str, delay: float) -> str:
    """A phone problem, and that tvdesk is on it."""
    if delay <= 0:
        return text
    return Q.translate("Webphone", "{problem} Trying again in {seconds} s…").format(
        problem=text, seconds=max(1, round(delay)))


def queue_text(event: QueueEvent) -> str:
    """What a queue event means, for the agent (the webphone's confirmation)."""
    queue = event.queue_id
    texts = {
        "paused": (Q.translate("Webphone", "Paused in queue {queue}."),
                   Q.translate("Webphone", "Paused in the queues.")),
        "unpaused": (Q.translate("Webphone", "Back in queue {queue}."),
                     Q.translate("Webphone", "Back in the queues.")),
        "joined": (Q.translate("Webphone", "Joined queue {queue}."),
                   Q.translate("Webphone", "Joined the queues.")),
        "left": (Q.translate("Webphone", "Left queue {queue}."),
                 Q.translate("Webphone", "Left the queues.")),
    }[event.kind]
    return texts[0].format(queue=queue) if queue else texts[1]


def microphone_text(vendor_text: str) -> str:
    if microphone_missing(vendor_text):
        return Q.translate("Webphone", "No microphone was found. Plug in a headset or "
                                       "microphone, then click Reconnect.")
    return Q.translate("Webphone", "The webphone could not use the microphone. Check "
                                   "that no other program holds it and that the system "
                                   "allows tvdesk to use it, then click Reconnect.")


def reported_text(vendor_text: str) -> str:
    return Q.translate("Webphone", "The webphone reported a problem: {error}").format(
        error=vendor_text)


class WebphoneController(QObject):
    # a page that has not said ``conectado`` by then is replaced (fresh URL, backoff)
    CONNECT_TIMEOUT_MS = 20_000
    # a dial the webphone has not started by then (no ``chamando``) is given up
    DIAL_TIMEOUT_MS = 10_000
    # a hidden URL loaded as a script that has built no frame by then is framed directly
    HIDDEN_FRAME_TIMEOUT_MS = 6_000
    # how often the page's renderer is asked for a full collection (only while idle)
    COLLECT_EVERY_MS = 120_000

    stateChanged = Signal()
    incomingCall = Signal(object)   # Call
    callMissed = Signal(object)     # the Call that rang and ended unanswered
    callEnded = Signal()
    pausedChanged = Signal(bool)    # the webphone confirmed a pause (True), or its end
    problem = Signal(str, str)      # text, a MessageKind
    tokenRefused = Signal(object)   # the AuthenticationError of a URL request
    closeRequested = Signal()       # fechar_fim: the call ended
    pageChanged = Signal(object)    # the new WebphonePage (views show it)

    def __init__(self, line: PhoneLine | Callable[[], PhoneLine], tasks: Tasks,
                 settings: SettingsModel, parent=None, url_prefetch: UrlPrefetch | None = None
                 ) -> None:
        """``line``: the extension's line, or a blocking callable that makes it (run on a
        worker with the first URL request, so the phone starts before the line exists).
        ``url_prefetch``: the first load's URL, on its way from a helper process; the line
        is then not needed until a later load."""
        super().__init__(parent)
        self._line = line
        self._prefetch = url_prefetch  # until stop(): it may still be being waited for
        self.allowed = True  # False once the sign-in found the webphone not allowed
        self.tasks = tasks
        self._settings = settings  # read at each load: fechar_fim applies from the next one
        self.mode = WebphoneMode.of(settings.current.webphone_mode)
        self.state = PhoneState()
        self.dials = DialQueue()
        self.page: WebphonePage | None = None
        self._wanted = False
        self._generation = 0
        self._attempt = 0
        self._reconnect = QTimer(self)
        self._reconnect.setSingleShot(True)
        self._reconnect.timeout.connect(self._start_load)
        self._ticker = QTimer(self)  # call and pause timers on screen
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.stateChanged)
        self._collector = QTimer(self)  # the renderer's garbage, collected while idle
        self._collector.setInterval(self.COLLECT_EVERY_MS)
        self._collector.timeout.connect(self._collect_garbage)
        self._collector.start()
        self._connect_watch = QTimer(self)
        self._connect_watch.setSingleShot(True)
        self._connect_watch.timeout.connect(self._not_connected)
        self._dial_watch = QTimer(self)
        self._dial_watch.setSingleShot(True)
        self._dial_watch.timeout.connect(self._dial_not_started)
        self._dial_on_load: str | None = None  # ligar_para of the loads until one connects
        self._dial_on_load_origin = "dial_box"
        self._transfer_to: str | None = None  # a blind transfer on its way
        self._transfer_watch = QTimer(self)
        self._transfer_watch.setSingleShot(True)
        self._transfer_watch.timeout.connect(self._transfer_not_done)
        self._frame_watch = QTimer(self)
        self._frame_watch.setSingleShot(True)
        self._frame_watch.timeout.connect(self._no_hidden_frame)
        self._hidden_as_script = True  # until a hidden URL turns out to be a page
        # what a status_erro is judged by, for the page on screen
        self._url_expires: float | None = None
        self._mic_refused = False
        self._reloads = ReloadBudget()
        self._reload_after_call: str | None = None  # the error to act on once the call ends

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        self._wanted = True
        self._start_load()

    def extension_checked(self, ramal: Ramal) -> bool:
        """The sign-in found the extension: a phone that may not use the webphone stops
        (it may have started early, before the check). The caller says why."""
        self.allowed = bool(ramal.webphone)
        if not self.allowed and self._wanted:
            self.stop()
        return self.allowed

    def is_loading(self) -> bool:
        return self.state.registration is Registration.LOADING

    def stop(self) -> None:
        """Unload the webphone (sign-out, quit): its registration ends with the page."""
        self._wanted = False
        prefetch, self._prefetch = self._prefetch, None
        if prefetch is not None:  # unused: ended; a load waiting for it: no URL, no fetch
            prefetch.cancel()
        self._reconnect.stop()
        self._ticker.stop()
        self._connect_watch.stop()
        self._dial_watch.stop()
        self._frame_watch.stop()
        self._dial_on_load = None
        self._reload_after_call = None
        self._generation += 1
        self._drop_page()
        self.state.offline()
        self.stateChanged.emit()

    def unregister(self, then: Callable[[], None], timeout_ms: int = 1500) -> None:
        """Quitting: tell the webphone to unregister (``desconectar``), then unload it and
        call ``then``, once it said ``desconectado`` or ``timeout_ms`` passed."""
        self._wanted = False  # what follows is no reason to reconnect
        if self.page is None or self.state.registration is not Registration.CONNECTED:
            self.stop()
            then()
            return
        done: list[bool] = []

        def finish() -> None:
            if done:
                return
            done.append(True)
            timer.stop()
            with contextlib.suppress(RuntimeError, TypeError):
                self.stateChanged.disconnect(changed)
            self.stop()
            then()

        def changed() -> None:
            if self.state.registration is not Registration.CONNECTED:
                finish()

        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(finish)
        self.stateChanged.connect(changed)
        timer.start(timeout_ms)
        self.send(protocol.desconectar())

    def reconnect(self) -> bool:
        """A new page, now (the agent asked). Refused during a call: a new page would end it."""
        if self.state.call is not None and self.state.registration is Registration.CONNECTED:
            self.problem.emit(Q.translate("Webphone", "Finish the call before reconnecting "
                                          "the webphone: reconnecting would end it."),
                              MessageKind.WARNING)
            return False
        self._attempt = 0
        self._wanted = True
        self._reloads.reset()
        self._start_load()
        return True

    def set_mode(self, mode: WebphoneMode | str) -> bool:
        """Switch embedded/floating/hidden; refused during a call."""
        mode = WebphoneMode(mode)
        if self.state.call is not None:
            self.problem.emit(Q.translate("Webphone", "Finish the call before changing how "
                                          "the webphone is shown."), MessageKind.WARNING)
            return False
        if mode != self.mode:
            self.mode = mode
            if self._wanted:
                self._start_load()
        return True

    @property
    def line(self) -> PhoneLine | None:
        """The extension's line (None while it is still being made)."""
        return self._line if isinstance(self._line, PhoneLine) else None

    def use_line(self, line: PhoneLine) -> None:
        """The sign-in's line (the same client, the extension's id now) for later loads."""
        self._line = line

    async def settled(self, timeout: float) -> None:
        """Return once a loading page has connected or failed, or ``timeout`` s passed.

        QtWebEngine's browser side runs on the GUI thread: work done there while the page
        loads delays the phone, so work that can wait does (see the app controller)."""
        import asyncio

        if self.state.registration is not Registration.LOADING:
            return
        done = asyncio.get_running_loop().create_future()

        def changed() -> None:
            if self.state.registration is not Registration.LOADING and not done.done():
                done.set_result(None)

        self.stateChanged.connect(changed)
        try:
            await asyncio.wait([done], timeout=timeout)
        finally:
            if alive(self):
                self.stateChanged.disconnect(changed)

    # ------------------------------------------------------------------ loading
    def _start_load(self) -> None:
        """The old page goes, a new one comes at once (QtWebEngine's start-up and the page's
        renderer overlap the URL request), and it loads the fresh URL when it arrives."""
        ligar_para = self._dial_on_load
        self._reconnect.stop()
        self._connect_watch.stop()
        self._dial_watch.stop()
        self._frame_watch.stop()
        self._reload_after_call = None
        self._generation += 1
        generation = self._generation
        self._drop_page()  # never two registrations: the old page goes first
        # the URL request leaves now; the page is made while it is out
        prefetch = self._prefetch if self._prefetch is not None and self._prefetch.pending else None
        if prefetch is not None and ligar_para is not None:
            prefetch.cancel()  # a first load that dials fetches its own URL
            prefetch = None
        job = self.tasks.submit(self._fetch_url, ligar_para, prefetch)
        self.state.loading()
        self.stateChanged.emit()
        self._new_page()
        # often done by now: loaded at once, not a turn of the loop later; no asyncio here
        # either (the phone may start before the event loop exists)
        self.tasks.on_done(job, lambda done: self._use_url(generation, done), owner=self)

    def _new_page(self) -> None:
        page = WebphonePage()
        page.bridge.eventReceived.connect(self._on_event)
        page.renderProcessTerminated.connect(self._crashed)
        page.windowCloseRequested.connect(self.closeRequested)
        page.microphoneDecided.connect(self._microphone)
        page.bridge.frameFound.connect(self._frame_watch.stop)
        self._url_expires, self._mic_refused = None, False
        if self.mode is WebphoneMode.HIDDEN:
            page.keep_visible()  # no view shows it: keep its timers at full rate
        page.warm_up()
        self.page = page
        self.pageChanged.emit(page)

    def _fetch_url(self, ligar_para: str | None,
                   prefetch: UrlPrefetch | None = None) -> tuple[PhoneLine | None, str]:
        """On a worker: the helper's URL if it has one for this load; else the line (made
        first if need be), then a fresh URL."""
        close_at_end = self._settings.current.webphone_close_at_end
        if prefetch is not None:
            url = prefetch.url_for(self.mode, close_at_end)
            if url is not None:
                return None, url
            if prefetch.cancelled:  # stopped meanwhile: nothing to load
                raise concurrent.futures.CancelledError
        line = self._line if isinstance(self._line, PhoneLine) else self._line()
        return line, line.webphone_url(tipo=str(self.mode), ligar_para=ligar_para,
                                       fechar_fim=close_at_end)

    def _use_url(self, generation: int, job: concurrent.futures.Future) -> None:
        if not alive(self) or generation != self._generation or self.page is None:
            return  # stopped, or a newer load started meanwhile
        try:
            line, url = job.result()
        except Exception as exc:
            self.state.failed()
            self.stateChanged.emit()
            if not isinstance(exc, ApiError):  # no line (no usable token, no simulator):
                log.info("webphone not started: %s", type(exc).__name__)
                return                         # the sign-in says what to do about it
            if isinstance(exc, ValidationError) and self._dial_on_load is not None:
                # the server refused the number to dial: the phone loads without it
                target, self._dial_on_load = self._dial_on_load, None
                self.problem.emit(Q.translate(
                    "Webphone", "{number} could not be dialed: {error}").format(
                    number=format_for_display(target) or target, error=describe(exc)),
                    MessageKind.WARNING)
                self._start_load()
                return
            # a refused token or account, a server error: it may pass (the agent enters a
            # new token, the server comes back); try again, and say so meanwhile
            if isinstance(exc, AuthenticationError):
                self.tokenRefused.emit(exc)
            delay = self._schedule_reconnect()
            self.problem.emit(retrying_text(describe(exc, self.line.base_url if self.line
                                                     else ""), delay), MessageKind.ERROR)
            return
        if line is not None:  # (None: the URL came from the helper)
            self._line = line
        self._url_expires = url_expiry(url)
        as_script = self._hidden_as_script
        self.page.load_webphone(url, self.mode, as_script=as_script)
        del url  # a credential: not kept
        self._connect_watch.start(self.CONNECT_TIMEOUT_MS)
        if self.mode is WebphoneMode.HIDDEN and as_script:
            self._frame_watch.start(self.HIDDEN_FRAME_TIMEOUT_MS)

    def _no_hidden_frame(self) -> None:
        """The hidden URL, loaded as a script, built no frame: it is a page to frame (or
        the script did not load). Frame a fresh URL directly, now and from now on."""
        if self.page is None or self.mode is not WebphoneMode.HIDDEN or \
                self.state.registration is Registration.CONNECTED:
            return
        log.info("the hidden webphone built no frame in %d ms: framing its URL directly",
                 self.HIDDEN_FRAME_TIMEOUT_MS)
        self._hidden_as_script = False
        self._start_load()

    def _not_connected(self) -> None:
        """The page loaded (or failed to: a proxy's error page, a dropped connection) but
        never said ``conectado``: a fresh URL and a new page, after a while."""
        if self.state.registration is not Registration.LOADING:
            return
        log.info("webphone did not connect in %d ms", self.CONNECT_TIMEOUT_MS)
        self.state.failed()
        self.stateChanged.emit()
        delay = self._schedule_reconnect()
        self.problem.emit(retrying_text(Q.translate(
            "Webphone", "The webphone did not connect."), delay), MessageKind.ERROR)

    def _drop_page(self) -> None:
        page, self.page = self.page, None
        if page is not None:
            self.pageChanged.emit(None)
            page.bridge.eventReceived.disconnect(self._on_event)
            page.renderProcessTerminated.disconnect(self._crashed)
            page.setHtml("")  # unload the webphone now: its registration ends
            page.deleteLater()

    def _schedule_reconnect(self) -> float:
        """A new page after a backoff; returns the delay (0 when the phone is not wanted)."""
        if not self._wanted:
            return 0.0
        delay = reconnect_delay(self._attempt)
        self._attempt += 1
        log.info("webphone reconnect in %.1f s (attempt %d)", delay, self._attempt)
        self._reconnect.start(int(delay * 1000))
        return delay

    # ------------------------------------------------------------------ events
    def _on_event(self, data: dict) -> None:
        event = protocol.parse_event(data)
        if event is None:
            return
        was_unconfirmed = self.state.dial_unconfirmed()
        happened = self.state.apply(event)
        if "connected" in happened:
            self._attempt = 0
            self._connect_watch.stop()
            self._ticker.start()
            if self._dial_on_load is not None:  # this page dials it (ligar_para): once
                target, self._dial_on_load = self._dial_on_load, None
                self.state.dialing(target, self._dial_on_load_origin)
                self._dial_watch.start(self.DIAL_TIMEOUT_MS)
        if was_unconfirmed and not self.state.dial_unconfirmed():
            self._dial_watch.stop()  # the webphone started it (or it ended)
        if "incoming" in happened:
            self.incomingCall.emit(self.state.call)
        if "missed" in happened:
            self.callMissed.emit(self.state.last_ended)
        if "ended" in happened:
            self.callEnded.emit()
            if self._settings.current.webphone_close_at_end:
                self.closeRequested.emit()
        if "disconnected" in happened and self._wanted:
            self.problem.emit(Q.translate("Webphone", "The webphone disconnected; "
                                          "reconnecting…"), MessageKind.WARNING)
            self._schedule_reconnect()
        if isinstance(event, QueueEvent):
            self.problem.emit(queue_text(event), MessageKind.INFO)
            if event.kind in ("paused", "unpaused"):
                self.pausedChanged.emit(event.kind == "paused")
        if "ended" in happened and self._transfer_to is not None:
            target, self._transfer_to = self._transfer_to, None
            self._transfer_watch.stop()
            self.problem.emit(Q.translate("Webphone", "Call transferred to {number}.").format(
                number=format_for_display(target) or target), MessageKind.INFO)
        if "error" in happened:
            self._page_error(event.text)
        elif "ended" in happened and self._reload_after_call is not None:
            text, self._reload_after_call = self._reload_after_call, None
            self._reload_once(classify(text, expires=self._url_expires), text)
        self.stateChanged.emit()
        self._send_waiting_dial()

    def _page_error(self, text: str) -> None:
        """A ``status_erro``: final for this page. Its cause decides what happens."""
        self._connect_watch.stop()
        cause = classify(text, expires=self._url_expires, microphone_refused=self._mic_refused)
        log.info("webphone error (%s)", cause.value)
        if cause is PageError.MICROPHONE:  # no reload helps: the agent acts, then Reconnect
            self.problem.emit(microphone_text(text), MessageKind.ERROR)
        elif self.state.call is not None:  # a call is sacred: the page goes after it
            self._reload_after_call = text
            self.problem.emit(reported_text(text), MessageKind.WARNING)
        else:
            self._reload_once(cause, text)

    def _reload_once(self, cause: PageError, text: str) -> None:
        """A fresh URL and a new page, once; a page that fails again waits for the agent."""
        if self._reloads.take():
            delay = self._schedule_reconnect()
            what = (Q.translate("Webphone", "The webphone's sign-in link expired.")
                    if cause is PageError.EXPIRED else reported_text(text))
            self.problem.emit(retrying_text(what, delay), MessageKind.WARNING)
            return
        self.problem.emit(Q.translate(
            "Webphone", "The webphone reported a problem again: {error}. Click Reconnect to "
                        "try once more; if it keeps happening, tell your supervisor.").format(
            error=text.rstrip(".")), MessageKind.ERROR)

    def _collect_garbage(self) -> None:
        if self.page is None:
            return
        if self.state.idle:
            self.page.collect_garbage()
        else:  # never during a call: as soon as the phone is idle again
            QTimer.singleShot(5000, self, self._collect_garbage)

    def _crashed(self, status, code: int) -> None:
        log.warning("webphone renderer ended (%s, %s)", getattr(status, "name", status), code)
        self.state.page_gone()
        self.stateChanged.emit()
        self.problem.emit(Q.translate("Webphone", "The webphone stopped unexpectedly; "
                                      "reconnecting…"), MessageKind.WARNING)
        self._schedule_reconnect()

    def _microphone(self, origin: str, granted: bool) -> None:
        if not granted:
            self._mic_refused = True  # the page's coming status_erro is about this
            log.info("microphone refused to %s", origin)

    # ------------------------------------------------------------------ commands
    def dial(self, target: str, origin: str = "dial_box") -> None:
        """Dial an E.164 number or an extension, once, whatever the phone is doing now.
        ``origin`` (a ``DialOrigin``) goes with the call to the call log."""
        if not self.allowed:
            self.problem.emit(not_allowed_text(), MessageKind.WARNING)
            return
        try:
            protocol.chama_numero(target)
        except protocol.ProtocolError:  # the dialing code checks numbers: never here
            log.warning("refused to dial a number that is not one")
            return
        if self.state.call is not None:
            self.problem.emit(Q.translate("Webphone", "Finish the current call before "
                                          "dialing another number."), MessageKind.WARNING)
            return
        self.dials.request(target, origin)
        registration = self.state.registration
        if registration is Registration.CONNECTED:
            self._send_waiting_dial()
        elif registration is Registration.LOADING:
            self.problem.emit(Q.translate("Webphone", "The webphone is connecting: the call "
                                          "starts as soon as it is ready."), MessageKind.INFO)
        else:  # no page: a fresh one, which dials it once it connects
            if target.startswith("+"):  # E.164, as the vendor asks: the page dials it itself
                self.dials.cancel()
                self._dial_on_load = target
                self._dial_on_load_origin = origin
            # (an extension waits in the queue and goes through chamaNumero)
            self._wanted = True
            self._attempt = 0
            self._start_load()
            self.problem.emit(Q.translate("Webphone", "The webphone is connecting: the call "
                                          "starts as soon as it is ready."), MessageKind.INFO)

    def _send_waiting_dial(self) -> None:
        request = self.dials.take(self.state)
        if request is not None:
            self.state.dialing(request.target, request.origin)
            self.send(protocol.chama_numero(request.target))
            self._dial_watch.start(self.DIAL_TIMEOUT_MS)
            self.stateChanged.emit()

    def _dial_not_started(self) -> None:
        """The webphone never started the call we asked for (it refused the number, or
        said nothing): the phone is idle again, and the agent knows why."""
        if not self.state.dial_unconfirmed():
            return
        number = self.state.call.number
        self.state.dial_failed()
        self.stateChanged.emit()
        self.problem.emit(Q.translate(
            "Webphone", "The webphone did not start the call to {number}. Check the number "
                        "and try again.").format(number=format_for_display(number) or number),
            MessageKind.WARNING)

    def send(self, command: dict) -> bool:
        if self.page is None:
            return False
        self.page.bridge.send(command)
        return True

    def answer(self) -> None:
        self.send(protocol.answer())

    def hangup(self) -> None:
        call = self.state.call
        if call is not None and call.direction == "in" and call.answered is None:
            call.rejected = True  # the agent turned it down while it rang
        self.send(protocol.hangup())

    def toggle_mute(self) -> None:
        if self.send(protocol.mute()):
            self.state.toggled_mute()
            self.stateChanged.emit()

    def dtmf(self, digit: str) -> None:
        self.send(protocol.envia_dtmf(digit))

    def transfer(self, number: str, *, attended: bool = False) -> None:
        """Blind: the call ends at the webphone once transferred (said when it does, or
        that it did not); attended: the agent talks to ``number`` first."""
        if not self.send(protocol.transferir(number, attended=attended)):
            return
        shown = format_for_display(number) or number
        if attended:
            self.problem.emit(Q.translate("Webphone", "Consulting {number}: the transfer "
                                          "completes when you hang up.").format(number=shown),
                              MessageKind.INFO)
        else:
            self._transfer_to = number
            self._transfer_watch.start(self.DIAL_TIMEOUT_MS)

    def _transfer_not_done(self) -> None:
        target, self._transfer_to = self._transfer_to, None
        if target is not None and self.state.call is not None:
            self.problem.emit(Q.translate("Webphone", "The call was not transferred to "
                                          "{number}: it is still with you.").format(
                number=format_for_display(target) or target), MessageKind.WARNING)

    def record(self, on: bool) -> None:
        if self.send(protocol.rec_start() if on else protocol.rec_stop()):
            self.state.recording(on)
            self.stateChanged.emit()

    def pause(self, queue: str | None = None) -> None:
        self.send(protocol.pausar_na_fila(queue))

    def unpause(self, queue: str | None = None) -> None:
        self.send(protocol.despausar_na_fila(queue))

    def join_queue(self, queue: str) -> None:
        self.send(protocol.entrar_na_fila(queue))

    def leave_queue(self, queue: str) -> None:
        self.send(protocol.sair_da_fila(queue))
