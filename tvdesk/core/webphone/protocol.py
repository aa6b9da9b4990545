"""The webphone's postMessage control protocol (the vendor's ``window.postMessage`` API).

Commands go to the webphone frame as objects ``{message: ..., ...}``; events come back
with ``event.data.message``. Builders validate what they send; the parser accepts anything
and returns ``None`` for what it does not understand (a page may send more than we know).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

DTMF = re.compile(r"^[0-9*#]$")
STATUSES = ("conectado", "desconectado", "chamando", "conversando", "encerrada",
            "encerrando")


class ProtocolError(ValueError):
    """A command that must not be sent (an invalid DTMF digit, an empty number)."""


# ----------------------------------------------------------------------------- commands
_DIALABLE = re.compile(r"\+?[0-9*#]+", re.ASCII)


def _number(value: str, what: str = "numero") -> str:
    """What the webphone can dial: ASCII digits (``*`` ``#``), an optional leading ``+``."""
    text = str(value or "").strip()
    if not text:
        raise ProtocolError(f"{what} is empty")
    if not _DIALABLE.fullmatch(text):
        raise ProtocolError(f"{what} is not a dialable number")
    return text


def conectar() -> dict:
    return {"message": "conectar"}


def desconectar() -> dict:
    return {"message": "desconectar"}


def chama_numero(numero: str) -> dict:
    return {"message": "chamaNumero", "numero": _number(numero)}


def answer() -> dict:
    return {"message": "answer"}


def hangup() -> dict:
    return {"message": "hangup"}


def envia_dtmf(digit: str) -> dict:
    if not DTMF.match(str(digit)):
        raise ProtocolError(f"not a DTMF digit: {digit!r}")
    return {"message": "enviaDTMF", "dtmf": str(digit)}


def mute() -> dict:
    return {"message": "mute"}


def transferir(numero: str, *, attended: bool = False) -> dict:
    return {"message": "transferirConsulta" if attended else "transferir",
            "numeroTelefone": _number(numero, "numeroTelefone")}


def rec_start() -> dict:
    return {"message": "recStart"}


def rec_stop() -> dict:
    return {"message": "recStop"}


def _queue(message: str, fila_id: int | str | None) -> dict:
    """``filaId`` only for a real queue id: a bool (Qt's ``triggered(bool)`` passed on by
    a slot's default argument) is refused, never sent as ``filaId: false``."""
    if fila_id is None or fila_id == "":
        return {"message": message}
    if isinstance(fila_id, bool) or not isinstance(fila_id, int | str):
        raise ProtocolError(f"not a queue id: {type(fila_id).__name__}")
    return {"message": message, "filaId": fila_id}


def pausar_na_fila(fila_id: int | str | None = None) -> dict:
    """Pause in one queue, or in all of them without ``fila_id``."""
    return _queue("pausarNaFila", fila_id)


def despausar_na_fila(fila_id: int | str | None = None) -> dict:
    return _queue("despausarNaFila", fila_id)


def entrar_na_fila(fila_id: int | str) -> dict:
    return _queue("entrarNaFila", _number(fila_id, "filaId"))


def sair_da_fila(fila_id: int | str) -> dict:
    return _queue("sairDaFila", _number(fila_id, "filaId"))


# ----------------------------------------------------------------------------- events
@dataclass(frozen=True)
class StatusEvent:
    status: str  # one of STATUSES (lower case)


@dataclass(frozen=True)
class IncomingCallEvent:
    number: str
    destination: str | None
    call_id: str | None


@dataclass(frozen=True)
class CallIdEvent:
    call_id: str


@dataclass(frozen=True)
class ErrorEvent:
    """``status_erro``: a text, final for the page (see ``page_errors``)."""
    text: str


@dataclass(frozen=True)
class StatsEvent:
    """``stats_webphone``. The vendor's samples print ``internet`` and ``computador`` as
    plain values; older pages nest figures (``{ping, jitter}``, ``{cpu}``): both are read."""
    internet: str | None  # as shown: "45", "boa"
    computer: str | None
    ping_ms: float | None = None
    jitter_ms: float | None = None
    cpu: float | None = None


@dataclass(frozen=True)
class QueueEvent:
    kind: str  # "paused", "unpaused", "joined", "left"
    queue_id: str | None


_QUEUE_EVENTS = {"pausou_na_fila": "paused", "despausou_na_fila": "unpaused",
                 "entrou_na_fila": "joined", "saiu_da_fila": "left"}

Event = StatusEvent | IncomingCallEvent | CallIdEvent | ErrorEvent | StatsEvent | QueueEvent


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _figure(value: Any, key: str) -> tuple[str | None, float | None]:
    """A plain value (its text, and its number when it is one) or a nested one's ``key``."""
    if isinstance(value, dict):
        value = value.get(key)
    if isinstance(value, bool):
        return None, None
    return _text(value), _float(value)


def _stats(internet: Any, computer: Any) -> StatsEvent:
    net_text, ping = _figure(internet, "ping")
    cpu_text, cpu = _figure(computer, "cpu")
    jitter = _float(internet.get("jitter")) if isinstance(internet, dict) else None
    return StatsEvent(net_text, cpu_text, ping, jitter, cpu)


def parse_event(data: Any) -> Event | None:
    """An event the webphone posted, or None for anything else."""
    if not isinstance(data, dict):
        return None
    message = data.get("message")
    if not isinstance(message, str):
        return None
    if message == "status":
        status = (_text(data.get("status")) or "").lower()
        return StatusEvent(status) if status in STATUSES else None
    if message == "chegandoChamada":
        return IncomingCallEvent(_text(data.get("numeroChegando")) or "",
                                 _text(data.get("numeroDestino")),
                                 _text(data.get("chamadaRecebidaId")))
    if message == "chamada_id":
        call_id = _text(data.get("chamada_id"))
        return CallIdEvent(call_id) if call_id else None
    if message == "status_erro":
        return ErrorEvent(_text(data.get("status_erro")) or "erro")
    if message == "stats_webphone":
        return _stats(data.get("internet"), data.get("computador"))
    if message in _QUEUE_EVENTS:
        fila = data.get("filaId")  # (a bool names no queue: all of them)
        return QueueEvent(_QUEUE_EVENTS[message],
                          None if isinstance(fila, bool) else _text(fila))
    return None
