"""The vendor's response envelope and the simulator's serialisation of its records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tvdesk.core.dates import hms
from tvdesk.simulator.data import CallRecord, PauseRecord, RamalRecord


@dataclass
class Reply:
    """An HTTP answer: status, JSON payload (or raw bytes), extra headers."""

    status: int
    payload: Any = None
    body: bytes | None = None
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def ok(mensagem: str, dados: Any = None) -> Reply:
    return Reply(200, {"status": 200, "sucesso": True, "motivo": 0, "mensagem": mensagem,
                       "dados": dados})


def fail(status: int, motivo: int, mensagem: str) -> Reply:
    return Reply(status, {"status": status, "sucesso": False, "motivo": motivo,
                          "mensagem": mensagem, "dados": None})


def ramal_json(r: RamalRecord, *, created: bool = False) -> dict[str, Any]:
    """A ramal as the seeds show it. ``created``: the create example's quirks (number, nulls)."""
    return {
        "id": r.id,
        "ramal": int(r.ramal) if created else r.ramal,
        "login": r.login,
        "senha": r.senha,
        "bina": r.bina,
        "webphone_key": r.webphone_key,
        "ligacao_externa": r.ligacao_externa,
        "ligacao_celular": r.ligacao_celular,
        "gravar_audio": r.gravar_audio,
        "acesso_gravacoes": r.acesso_gravacoes,
        "webphone": r.webphone,
        "ura_id": r.ura_id,
        "voicemail": r.voicemail,
        "tags": None if created else (r.tags if r.tags is not None else ""),
    }


def call_json(c: CallRecord, ramal: RamalRecord | None, base_url: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "data_inicio": c.started_at.isoformat(timespec="seconds"),
        "url_gravacao": (f"{base_url}/rec/?id={c.id}&x={c.recording_x}&cid=1"
                         if c.recording_x else None),
        "numero_origem": c.caller,
        "status": c.status,
        "duracao_segundos": c.seconds,
        "duracao": hms(c.seconds),
        "preco": c.price,
        "ramal": {
            "id": c.ramal_id,
            "ramal": ramal.ramal if ramal else None,
            "login": ramal.login if ramal else None,
        },
    }


def pause_json(p: PauseRecord) -> dict[str, Any]:
    seconds = int((p.end - p.start).total_seconds()) if p.end else 0
    return {
        "pausa_inicio": p.start.isoformat(timespec="seconds"),
        "pausa_fim": p.end.isoformat(timespec="seconds") if p.end else None,
        "tempo_segundos": seconds,
        "tempo": hms(seconds),
    }
