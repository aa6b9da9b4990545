"""The simulated webphone's server side: signed URLs, registrations, events and the log.

The page (``resources/web/simulator/``) registers with the hub, keeps the registration
alive, listens for pushed events (incoming call, remote answer/hangup, forced disconnect)
over server-sent events, and reports every command it was given. Tests and demos read the
command log and drive calls through the control interface.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import queue
import random
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from tvdesk.core.dates import BRASILIA
from tvdesk.simulator.data import RamalRecord, random_number
from tvdesk.simulator.store import AccountStore

COMMANDS = {
    "conectar": (),
    "desconectar": (),
    "chamaNumero": ("numero",),
    "answer": (),
    "hangup": (),
    "enviaDTMF": ("dtmf",),
    "mute": (),
    "transferir": ("numeroTelefone",),
    "transferirConsulta": ("numeroTelefone",),
    "recStart": (),
    "recStop": (),
    "pausarNaFila": ("filaId",),
    "despausarNaFila": ("filaId",),
    "entrarNaFila": ("filaId",),
    "sairDaFila": ("filaId",),
}


HIDDEN_FORMS = ("script", "page")


@dataclass
class WebphoneConfig:
    answer_delay_ms: int = 1500       # the far end answers an outgoing call after this
    # how often the page says it is alive: every request leaves garbage in the page's
    # renderer that Chromium collects only now and then (every second, it grew ~2 MiB a
    # minute through a day's soak); SIP phones ping every 15-30 s
    keepalive_ms: int = 5000
    keepalive_timeout_s: float = 20.0  # a registration without keep-alive for this long ends
    stats_interval_ms: int = 5000     # stats_webphone events
    signed_ttl_s: int | None = None   # sign URLs and enforce expiry when set
    # what a hidden URL (``/w3/?key=…&tipo=hidden``) serves: "script", to load with
    # ``<script src>`` (it builds ``iframe#webphone``), or "page", to frame directly. Both
    # are seen in the wild; which one the live service returns is not on record.
    hidden_form: str = "script"

    def __post_init__(self) -> None:
        if self.hidden_form not in HIDDEN_FORMS:
            raise ValueError(f"hidden_form must be one of {HIDDEN_FORMS}")


@dataclass
class Registration:
    id: str
    ramal_id: int
    ramal: str
    tipo: str
    created: float
    last_keepalive: float
    keepalives: int = 0
    connected: bool = False  # its event stream is open
    live: bool = True
    ended_reason: str | None = None
    events: queue.Queue = field(default_factory=queue.Queue, repr=False)
    incoming: dict | None = None  # the offered/answered incoming call

    def to_json(self) -> dict:
        return {
            "session": self.id,
            "ramal": self.ramal,
            "ramal_id": self.ramal_id,
            "tipo": self.tipo,
            "live": self.live,
            "connected": self.connected,
            "keepalives": self.keepalives,
            "age_s": round(time.monotonic() - self.created, 3),
            "since_keepalive_s": round(time.monotonic() - self.last_keepalive, 3),
            "ended_reason": self.ended_reason,
        }


class WebphoneHub:
    def __init__(self, store: AccountStore, config: WebphoneConfig | None = None) -> None:
        self.store = store
        self.config = config or WebphoneConfig()
        self._secret = secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._sessions: dict[str, Registration] = {}
        self._log: list[dict] = []
        self._seq = itertools.count(1)
        self._call_ids = itertools.count(9_000_001)
        self._paused: dict[int, object] = {}  # ramal id: the open pause's record
        self.stopping = threading.Event()

    # ------------------------------------------------------------------ URLs
    def mint_url(self, base_url: str, rec: RamalRecord, tipo: str, ligar_para: str | None,
                 fechar_fim: bool) -> str:
        params: dict[str, str] = {"key": rec.webphone_key, "tipo": tipo}
        if tipo == "floating":
            params["pop"] = "1"
        if ligar_para:
            params["ligar_para"] = ligar_para
        params["fechar_fim"] = "true" if fechar_fim else "false"
        if self.config.signed_ttl_s:
            params["expires"] = str(int(time.time()) + self.config.signed_ttl_s)
            params["signature"] = self._sign(params)
        return f"{base_url}/w3/?{urlencode(params)}"

    def _sign(self, params: dict[str, str]) -> str:
        canonical = urlencode(sorted((k, v) for k, v in params.items() if k != "signature"))
        return hmac.new(self._secret, canonical.encode(), hashlib.sha256).hexdigest()

    def verify(self, params: dict[str, str]) -> tuple[RamalRecord | None, str | None]:
        """The ramal a page's query logs into, or the reason it may not."""
        rec = self.store.by_key(params.get("key", ""))
        if rec is None:
            return None, "chave do webphone inválida"
        if not rec.webphone:
            return None, "ramal sem permissão para usar o webphone"
        if self.config.signed_ttl_s:
            signature = params.get("signature", "")
            if not hmac.compare_digest(signature, self._sign(params)):
                return None, "assinatura da URL inválida"
            try:
                expires = int(params.get("expires", "0"))
            except ValueError:
                expires = 0
            if expires < time.time():
                return None, "URL do webphone expirada"
        return rec, None

    # ------------------------------------------------------------------ registrations
    def register(self, params: dict[str, str]) -> tuple[Registration | None, str | None]:
        rec, error = self.verify(params)
        if rec is None:
            return None, error
        now = time.monotonic()
        reg = Registration(secrets.token_hex(8), rec.id, rec.ramal, params.get("tipo", ""),
                           now, now)
        with self._lock:
            self._sessions[reg.id] = reg
        return reg, None

    def session(self, session_id: str) -> Registration | None:
        with self._lock:
            reg = self._sessions.get(session_id)
        if reg is not None and reg.live and self._expired(reg):
            self.end(reg, "keepalive timeout")
        return reg

    def _expired(self, reg: Registration) -> bool:
        return time.monotonic() - reg.last_keepalive > self.config.keepalive_timeout_s

    def keepalive(self, session_id: str) -> bool:
        reg = self.session(session_id)
        if reg is None or not reg.live:
            return False
        reg.last_keepalive = time.monotonic()
        reg.keepalives += 1
        return True

    def end(self, reg: Registration, reason: str) -> None:
        with self._lock:
            if not reg.live:
                return
            reg.live = False
            reg.ended_reason = reason
        self._finish_incoming(reg, hung_up_by="network")
        reg.events.put(None)  # wakes the event stream so it closes

    def registrations(self, ramal: str | None = None, *, live_only: bool = True) -> list[dict]:
        with self._lock:
            regs = list(self._sessions.values())
        for reg in regs:
            if reg.live and self._expired(reg):
                self.end(reg, "keepalive timeout")
        return [r.to_json() for r in regs
                if (not live_only or r.live) and (ramal is None or r.ramal == ramal)]

    def _live(self, ramal: str) -> list[Registration]:
        with self._lock:
            regs = [r for r in self._sessions.values() if r.ramal == ramal and r.live]
        return [r for r in regs if not self._expired(r)]

    def stream(self, reg: Registration, heartbeat_s: float = 1.0):
        """Events for one page, then ``None`` heartbeats; ends when the registration does."""
        reg.connected = True
        try:
            while reg.live and not self.stopping.is_set():
                if self._expired(reg):
                    yield {"type": "expired"}
                    self.end(reg, "keepalive timeout")
                    return
                try:
                    event = reg.events.get(timeout=heartbeat_s)
                except queue.Empty:
                    yield None
                    continue
                if event is None:
                    continue
                yield event
        finally:
            reg.connected = False

    # ------------------------------------------------------------------ commands
    def record_command(self, reg: Registration | None, command: Any, origin: str | None,
                       source: str, accepted: bool, reason: str | None) -> dict:
        """Log one command the page received; returns what the page needs back."""
        if not isinstance(command, dict):
            command = {"message": None, "raw": repr(command)[:200]}
        message = command.get("message")
        entry: dict[str, Any] = {
            "seq": next(self._seq),
            "at": datetime.now(BRASILIA).isoformat(timespec="milliseconds"),
            "monotonic": time.monotonic(),
            "ramal": reg.ramal if reg else None,
            "session": reg.id if reg else None,
            "message": message,
            "origin": origin,
            "source": source,
            "accepted": bool(accepted),
            "reason": reason,
        }
        for arg in COMMANDS.get(message, ()):
            if arg in command:
                entry[arg] = command[arg]
        reply: dict[str, Any] = {"ok": True}
        if accepted and reg is not None:
            if message == "chamaNumero":
                entry["chamada_id"] = reply["chamada_id"] = next(self._call_ids)
            elif message == "answer" and reg.incoming:
                reg.incoming["answered_at"] = time.monotonic()
                entry["chamada_id"] = reply["chamada_id"] = reg.incoming["id"]
            elif message in ("hangup", "transferir"):
                self._finish_incoming(reg, hung_up_by="agent")
            elif message == "pausarNaFila" and reg.ramal_id not in self._paused:
                # the pause report gets it, as the vendor's does (open until resumed)
                self._paused[reg.ramal_id] = self.store.add_pause(
                    reg.ramal_id, datetime.now(BRASILIA).replace(microsecond=0), None)
            elif message == "despausarNaFila" and reg.ramal_id in self._paused:
                record = self._paused.pop(reg.ramal_id)
                record.end = datetime.now(BRASILIA).replace(microsecond=0)
        with self._lock:
            self._log.append(entry)
        return reply

    def log(self, since: int = 0, ramal: str | None = None) -> list[dict]:
        with self._lock:
            return [e for e in self._log
                    if e["seq"] > since and (ramal is None or e["ramal"] == ramal)]

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    # ------------------------------------------------------------------ pushed events
    def push(self, ramal: str, event: dict) -> int:
        regs = self._live(ramal)
        for reg in regs:
            reg.events.put(event)
        return len(regs)

    def incoming_call(self, ramal: str, numero: str | None = None) -> dict:
        """Offer an incoming call to every live registration of ``ramal``."""
        regs = self._live(ramal)
        if not regs:
            return {"ok": False, "error": f"ramal {ramal} has no live webphone"}
        rec = self.store.by_number(ramal)
        numero = numero or random_number(random.Random())
        call = {"id": next(self._call_ids), "numero": numero, "offered_at": time.monotonic(),
                "answered_at": None,
                # the report's data_inicio: when the call began, not when it ended
                "began": datetime.now(BRASILIA).replace(microsecond=0)}
        for reg in regs:
            reg.incoming = call  # shared: the call is recorded once, whoever ends it
            reg.events.put({"type": "incoming", "numeroChegando": numero,
                            "numeroDestino": rec.ramal if rec else ramal,
                            "chamadaRecebidaId": call["id"]})
        return {"ok": True, "chamadaRecebidaId": call["id"], "registrations": len(regs)}

    def remote(self, ramal: str, kind: str, **extra: Any) -> dict:
        """The far end answers or hangs up, the network drops, or the PBX reports an error."""
        if kind not in ("answer", "hangup", "disconnect", "error"):
            raise ValueError(kind)
        regs = self._live(ramal)
        for reg in regs:
            if kind == "hangup":
                self._finish_incoming(reg, hung_up_by="caller")
            reg.events.put({"type": kind, **extra})
            if kind == "disconnect":
                self.end(reg, "network drop")  # the PBX no longer sees this phone
        return {"ok": bool(regs), "registrations": len(regs)}

    def _finish_incoming(self, reg: Registration, hung_up_by: str) -> None:
        """An incoming call ended: it joins the ramal's received-call history."""
        call, reg.incoming = reg.incoming, None
        if not call or call.get("recorded"):
            return
        call["recorded"] = True
        if call["answered_at"] is not None:
            seconds = max(1, int(time.monotonic() - call["answered_at"]))
            self.store.add_received_call(reg.ramal_id, call["numero"], "atendida", seconds,
                                         at=call["began"])
        else:
            self.store.add_received_call(reg.ramal_id, call["numero"], "não atendida", 0,
                                         at=call["began"])
