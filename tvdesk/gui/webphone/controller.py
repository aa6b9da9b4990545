"""The agent's phone: loads the webphone, follows its events, sends it commands.

- A fresh URL is fetched right before every load and never kept (it logs in).
- One page at a time: the old page goes before the new one loads, so tvdesk never holds
  two registrations of the extension.
- A dial goes through the live page when it is connected and idle; while it loads, the
  dial waits for ``conectado``; with no page, a fresh URL is loaded with ``ligar_para``.
  Each request is sent once.
- After ``desconectado``, a renderer crash or an expired URL, it reconnects with
  exponential backoff and a fresh URL; problems the agent must fix (microphone missing
  or denied) are reported and not retried.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QObject, QTimer, Signal

from tvdesk.core.api import ApiError, AuthenticationError, PermissionDeniedError
from tvdesk.core.session import Session
from tvdesk.core.settings import Settings
from tvdesk.core.webphone import protocol
from tvdesk.core.webphone.phone_state import (
    FINAL_ERRORS,
    DialQueue,
    PhoneState,
    Registration,
    reconnect_delay,
)
from tvdesk.gui.background import Background
from tvdesk.gui.lifetime import alive
from tvdesk.gui.messages import describe
from tvdesk.gui.webphone.host import WebphonePage, origin_of

log = logging.getLogger(__name__)

MODES = ("embedded", "floating", "hidden")


def problem_text(code: str | None, text: str) -> str:
    if code == "microfone_ausente":
        return Q.translate("Webphone", "No microphone was found. Plug in a headset or "
                                       "microphone, then click Reconnect.")
    if code in ("microfone_negado", "microfone_indisponivel"):
        return Q.translate("Webphone", "The webphone could not use the microphone. Check "
                                       "that no other program holds it and that the system "
                                       "allows tvdesk to use it, then click Reconnect.")
    if code == "registro_negado":
        return Q.translate("Webphone", "The phone system refused this extension's webphone: "
                                       "{error}").format(error=text)
    return Q.translate("Webphone", "The webphone reported a problem: {error}").format(
        error=text)


class WebphoneController(QObject):
    stateChanged = Signal()
    incomingCall = Signal(object)   # Call
    callEnded = Signal()
    problem = Signal(str, str)      # text, kind ("error", "warning", "info")
    closeRequested = Signal()       # fechar_fim: the call ended
    pageChanged = Signal(object)    # the new WebphonePage (views show it)

    def __init__(self, session: Session, background: Background, settings: Settings,
                 parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.background = background
        self.settings = settings
        self.mode = settings.webphone_mode if settings.webphone_mode in MODES else "embedded"
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
        self._tasks: set = set()

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        self._wanted = True
        if not self.session.ramal.webphone:
            self.problem.emit(Q.translate("Webphone", "This extension may not use the "
                                          "webphone. A supervisor can allow it."), "warning")
            return
        self._start_load()

    def stop(self) -> None:
        """Unload the webphone (sign-out, quit): its registration ends with the page."""
        self._wanted = False
        self._reconnect.stop()
        self._ticker.stop()
        self._generation += 1
        self._drop_page()
        self.state.offline()
        self.stateChanged.emit()

    def reconnect(self) -> None:
        self._attempt = 0
        self._wanted = True
        self._start_load()

    def set_mode(self, mode: str) -> bool:
        """Switch embedded/floating/hidden; refused during a call."""
        if mode not in MODES:
            raise ValueError(mode)
        if self.state.call is not None:
            self.problem.emit(Q.translate("Webphone", "Finish the call before changing how "
                                          "the webphone is shown."), "warning")
            return False
        if mode != self.mode:
            self.mode = mode
            self.settings.webphone_mode = mode
            if self._wanted:
                self._start_load()
        return True

    # ------------------------------------------------------------------ loading
    def _start_load(self, ligar_para: str | None = None) -> None:
        import asyncio

        self._reconnect.stop()
        self._generation += 1
        generation = self._generation
        self._drop_page()  # never two registrations: the old page goes first
        self.state.loading()
        self.stateChanged.emit()
        task = asyncio.ensure_future(self._load(generation, ligar_para))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _load(self, generation: int, ligar_para: str | None) -> None:
        ramal = self.session.ramal
        try:
            url = await self.background.run(
                self.session.client.webphone_url, id_ramal=ramal.id, tipo=self.mode,
                ligar_para=ligar_para, fechar_fim=self.settings.webphone_close_at_end)
        except ApiError as exc:
            if not alive(self) or generation != self._generation:
                return
            self.state.registration = Registration.ERROR
            self.stateChanged.emit()
            self.problem.emit(describe(exc, self.session.base_url), "error")
            if not isinstance(exc, AuthenticationError | PermissionDeniedError):
                self._schedule_reconnect()
            return
        if not alive(self) or generation != self._generation:
            return  # stopped, or a newer load started meanwhile
        page = WebphonePage(origin_of(url))
        page.bridge.eventReceived.connect(self._on_event)
        page.renderProcessTerminated.connect(self._crashed)
        page.windowCloseRequested.connect(self.closeRequested)
        page.microphoneDecided.connect(self._microphone)
        if self.mode == "hidden":
            page.keep_visible()  # no view shows it: keep its timers at full rate
        self.page = page
        self.pageChanged.emit(page)
        page.load_webphone(url, self.mode)
        del url  # a credential: not kept

    def _drop_page(self) -> None:
        page, self.page = self.page, None
        if page is not None:
            self.pageChanged.emit(None)
            page.bridge.eventReceived.disconnect(self._on_event)
            page.renderProcessTerminated.disconnect(self._crashed)
            page.setHtml("")  # unload the webphone now: its registration ends
            page.deleteLater()

    def _schedule_reconnect(self) -> None:
        if not self._wanted:
            return
        delay = reconnect_delay(self._attempt)
        self._attempt += 1
        log.info("webphone reconnect in %.1f s (attempt %d)", delay, self._attempt)
        self._reconnect.start(int(delay * 1000))

    # ------------------------------------------------------------------ events
    def _on_event(self, data: dict) -> None:
        event = protocol.parse_event(data)
        if event is None:
            return
        happened = self.state.apply(event)
        if "connected" in happened:
            self._attempt = 0
            self._ticker.start()
        if "incoming" in happened:
            self.incomingCall.emit(self.state.call)
        if "ended" in happened:
            self.callEnded.emit()
            if self.settings.webphone_close_at_end:
                self.closeRequested.emit()
        if "disconnected" in happened and self._wanted:
            self.problem.emit(Q.translate("Webphone", "The webphone disconnected; "
                                          "reconnecting…"), "warning")
            self._schedule_reconnect()
        if "error" in happened:
            code = event.code
            if code == "url_expirada":
                self._schedule_reconnect()  # a fresh URL fixes it
            else:
                self.problem.emit(problem_text(code, event.text),
                                  "error" if code in FINAL_ERRORS else "warning")
        self.stateChanged.emit()
        self._send_waiting_dial()

    def _crashed(self, status, code: int) -> None:
        log.warning("webphone renderer ended (%s, %s)", getattr(status, "name", status), code)
        self.state.registration = Registration.DISCONNECTED
        self.state.call = None
        self.stateChanged.emit()
        self.problem.emit(Q.translate("Webphone", "The webphone stopped unexpectedly; "
                                      "reconnecting…"), "warning")
        self._schedule_reconnect()

    def _microphone(self, origin: str, granted: bool) -> None:
        if not granted:
            log.info("microphone refused to %s", origin)

    # ------------------------------------------------------------------ commands
    def dial(self, target: str) -> None:
        """Dial an E.164 number or an extension, once, whatever the phone is doing now."""
        if self.state.call is not None:
            self.problem.emit(Q.translate("Webphone", "Finish the current call before "
                                          "dialing another number."), "warning")
            return
        self.dials.request(target)
        registration = self.state.registration
        if registration is Registration.CONNECTED:
            self._send_waiting_dial()
        elif registration is Registration.LOADING:
            self.problem.emit(Q.translate("Webphone", "The webphone is connecting: the call "
                                          "starts as soon as it is ready."), "info")
        else:
            self.dials.cancel()  # the fresh page dials it itself: never twice
            self._wanted = True
            self._start_load(ligar_para=target)
            self.state.dialing(target)
            self.stateChanged.emit()

    def _send_waiting_dial(self) -> None:
        request = self.dials.take(self.state)
        if request is not None:
            self.state.dialing(request.target)
            self.send(protocol.chama_numero(request.target))
            self.stateChanged.emit()

    def send(self, command: dict) -> bool:
        if self.page is None:
            return False
        self.page.bridge.send(command)
        return True

    def answer(self) -> None:
        self.send(protocol.answer())

    def hangup(self) -> None:
        self.send(protocol.hangup())

    def toggle_mute(self) -> None:
        if self.send(protocol.mute()):
            self.state.toggled_mute()
            self.stateChanged.emit()

    def dtmf(self, digit: str) -> None:
        self.send(protocol.envia_dtmf(digit))

    def transfer(self, number: str, *, attended: bool = False) -> None:
        self.send(protocol.transferir(number, attended=attended))

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
