"""The documented TotalVoice endpoints, as pure functions of the account state.

Validation answers follow the vendor's tables: missing or invalid parameters are HTTP 405
with ``motivo`` 10/11, duplicates ``motivo`` 20, unknown ids 404/60. Date-only ``data_fim``
is read as midnight, the pitfall the notes warn about, so a client that sends bare dates
loses the last day here as it may on the real server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from tvdesk.core.dates import BRASILIA, hms, parse_request_datetime
from tvdesk.simulator.envelope import Reply, call_json, fail, ok, pause_json, ramal_json
from tvdesk.simulator.store import RAMAL_NUMBER, AccountStore

BOOL_FIELDS = ("ligacao_externa", "ligacao_celular", "gravar_audio", "acesso_gravacoes",
               "webphone", "voicemail")
WRITABLE = ("ramal", "login", "senha", "bina", "ura_id", *BOOL_FIELDS)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# the caller id: E.164 as the vendor documents it ("+5510888888888"), or national digits
BINA = re.compile(r"^(?:\+[1-9]\d{7,14}|\d{10,13})$")
MAX_LIMIT = 200
DEFAULT_LIMIT = 100


class InvalidRequestError(Exception):
    def __init__(self, reply: Reply) -> None:
        self.reply = reply


def _invalid(motivo: int, mensagem: str) -> InvalidRequestError:
    return InvalidRequestError(fail(405, motivo, mensagem))


# --------------------------------------------------------------------- ramal bodies
def validate_ramal_fields(store: AccountStore, body: Any, *, editing: int | None) -> dict:
    if not isinstance(body, dict):
        raise InvalidRequestError(
            fail(400, 100, "requisição inválida: o corpo deve ser um objeto JSON"))
    fields: dict[str, Any] = {}
    for key, value in body.items():
        if key not in WRITABLE:
            continue  # the vendor ignores fields it does not know
        if key == "ramal":
            if value in (None, ""):
                continue
            text = str(value).strip() if not isinstance(value, bool) else ""
            if not RAMAL_NUMBER.match(text):
                raise _invalid(11, "ramal inválido, informe o ramal com 3 ou 4 dígitos")
            fields["ramal"] = text
        elif key == "login":
            if value in (None, ""):
                continue
            if not isinstance(value, str) or not EMAIL.match(value.strip()):
                raise _invalid(11, "login inválido, informe um e-mail")
            fields["login"] = value.strip()
        elif key == "senha":
            if value in (None, ""):
                continue
            if not isinstance(value, str) or len(value) < 8 or value.lower() == value or \
                    value.upper() == value:
                raise _invalid(11, "senha inválida: use 8 caracteres ou mais, com letras "
                                   "maiúsculas e minúsculas")
            fields["senha"] = value
        elif key == "bina":
            if value in (None, ""):
                fields["bina"] = None
                continue
            text = str(value).strip() if isinstance(value, str | int) and \
                not isinstance(value, bool) else ""
            if not BINA.match(text):
                raise _invalid(11, "número da bina inválido, formato E.164")
            fields["bina"] = text
        elif key == "ura_id":
            if value in (None, ""):
                fields["ura_id"] = None
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise _invalid(11, "ura_id inválido")
            fields["ura_id"] = value
        else:  # booleans
            if not isinstance(value, bool):
                raise _invalid(11, f"{key} inválido, informe true ou false")
            fields[key] = value
    with store.lock:
        for other in store.ramais.values():
            if other.id == editing:
                continue
            if "ramal" in fields and other.ramal == fields["ramal"]:
                raise _invalid(20, "ramal duplicado")
            if "login" in fields and other.login.lower() == fields["login"].lower():
                raise _invalid(20, "login duplicado")
    return fields


def create_ramal(store: AccountStore, body: Any) -> Reply:
    fields = validate_ramal_fields(store, body if body is not None else {}, editing=None)
    rec = store.create(fields)
    return ok("ramal criado com sucesso", ramal_json(rec, created=True))


def get_ramal(store: AccountStore, rid: int) -> Reply:
    rec = store.ramais.get(rid)
    if rec is None:
        return fail(404, 60, "ramal não encontrado")
    return ok("dados retornados com sucesso", ramal_json(rec))


def update_ramal(store: AccountStore, rid: int, body: Any) -> Reply:
    rec = store.ramais.get(rid)
    if rec is None:
        return fail(404, 60, "ramal não encontrado")
    fields = validate_ramal_fields(store, body, editing=rid)
    if not fields:
        return fail(405, 10, "nada para atualizar")
    if rec.admin and ("login" in fields or "senha" in fields):
        return fail(405, 11, "não é possível alterar o login/senha do ramal administrador")
    store.update(rid, fields)
    return ok("dados atualizados com sucesso", None)


def delete_ramal(store: AccountStore, rid: int) -> Reply:
    rec = store.ramais.get(rid)
    if rec is None:
        return fail(404, 60, "ramal não encontrado")
    if rec.admin:
        return fail(405, 11, "não é possível remover o ramal administrador")
    store.delete(rid)
    return ok("Ramal Removido", None)


# --------------------------------------------------------------------- reports
def _period(query: dict[str, str]) -> tuple[datetime, datetime]:
    for name in ("data_inicio", "data_fim"):
        if not query.get(name, "").strip():
            raise _invalid(10, f"parâmetro {name} obrigatório")
    try:
        start = parse_request_datetime(query["data_inicio"], BRASILIA)
        # a bare date as the end means midnight: the documented pitfall, kept on purpose
        end = parse_request_datetime(query["data_fim"], BRASILIA, end_of_day=False)
    except ValueError:
        raise _invalid(11, "data inválida, use AAAA-MM-DD ou ISO 8601") from None
    if end < start:
        raise _invalid(11, "data_fim anterior a data_inicio")
    return start, end


def _paging(query: dict[str, str]) -> tuple[int, int]:
    try:
        posicao = int(query.get("posicao", "0") or 0)
        limite = int(query.get("limite", str(DEFAULT_LIMIT)) or DEFAULT_LIMIT)
    except ValueError:
        raise _invalid(11, "posicao e limite devem ser números inteiros") from None
    if posicao < 0:
        raise _invalid(11, "posicao inválida")
    if limite < 1 or limite > MAX_LIMIT:
        raise _invalid(11, f"limite inválido: o máximo é {MAX_LIMIT}")
    return posicao, limite


def page_slice(rows: list, posicao: int, limite: int, mode: str) -> list:
    """``offset``: 0-based as documented; ``seed``: the note's reading (201 = row 200)."""
    start = max(posicao - 1, 0) if mode == "seed" else posicao
    return rows[start:start + limite]


def list_ramais(store: AccountStore, query: dict[str, str], paging_mode: str) -> Reply:
    start, end = _period(query)
    posicao, limite = _paging(query)
    rows = store.ramais_created_between(start, end)
    page = page_slice(rows, posicao, limite, paging_mode)
    # the seed's response has no total, posicao or limite here: faithfully absent
    return ok("dados retornados com sucesso", {"relatorio": [ramal_json(r) for r in page]})


def _ramal_report(store: AccountStore, rid: int, query: dict[str, str]):
    """``(ramal, start, end, posicao, limite)`` of a per-ramal report request."""
    rec = store.ramais.get(rid)
    if rec is None:
        raise InvalidRequestError(fail(404, 60, "ramal não encontrado"))
    start, end = _period(query)
    return (rec, start, end, *_paging(query))


def pauses(store: AccountStore, rid: int, query: dict[str, str], paging_mode: str) -> Reply:
    rec, start, end, posicao, limite = _ramal_report(store, rid, query)
    rows = store.pauses_between(rid, start, end)
    total_seconds = sum(int((p.end - p.start).total_seconds()) for p in rows if p.end)
    page = page_slice(rows, posicao, limite, paging_mode)
    return ok("dados retornados com sucesso", {
        "total": len(rows),
        "duracao_total": hms(total_seconds),
        "duracao_total_segundos": total_seconds,
        "ramal": rec.ramal,
        "posicao": posicao,
        "limite": limite,
        "relatorio": [pause_json(p) for p in page],
    })


def received_calls(store: AccountStore, rid: int, query: dict[str, str], paging_mode: str,
                   base_url: str) -> Reply:
    rec, start, end, posicao, limite = _ramal_report(store, rid, query)
    rows = store.calls_between(rid, start, end)
    page = page_slice(rows, posicao, limite, paging_mode)
    # Rows are encoded once and cached: benchmarks measure the client, not our JSON encoder.
    ref = (rec.ramal, rec.login, base_url)
    fragments = ",".join(_call_fragment(c, rec, base_url, ref) for c in page)
    head = json.dumps({"status": 200, "sucesso": True, "motivo": 0,
                       "mensagem": "dados retornados com sucesso"}, ensure_ascii=False)
    paging = json.dumps({"total": len(rows), "posicao": posicao, "limite": limite})
    body = f'{head[:-1]}, "dados": {paging[:-1]}, "relatorio": [{fragments}]}}}}'
    return Reply(200, body=body.encode("utf-8"))


_FRAGMENTS: dict[tuple, str] = {}


def _call_fragment(call, rec, base_url: str, ref: tuple) -> str:
    key = (call.id, call.caller, call.status, call.seconds, ref)
    text = _FRAGMENTS.get(key)
    if text is None:
        text = json.dumps(call_json(call, rec, base_url), ensure_ascii=False)
        if len(_FRAGMENTS) > 500_000:
            _FRAGMENTS.clear()
        _FRAGMENTS[key] = text
    return text


# --------------------------------------------------------------------- webphone
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
NATIONAL = re.compile(r"^0?\d{10,13}$")


def valid_ligar_para(value: str) -> bool:
    v = value.strip()
    return bool(E164.match(v) or NATIONAL.match(v) or RAMAL_NUMBER.match(v))


def webphone(store: AccountStore, query: dict[str, str],
             mint: Callable[[Any, str, str | None, bool], str]) -> Reply:
    tipo = query.get("tipo", "floating") or "floating"
    if tipo not in ("floating", "embedded", "hidden"):
        return fail(405, 11, "tipo inválido, use floating, embedded ou hidden")
    rec = None
    if query.get("id_ramal"):
        try:
            rec = store.ramais.get(int(query["id_ramal"]))
        except ValueError:
            return fail(405, 11, "id_ramal inválido")
    elif query.get("ramal"):
        rec = store.by_number(query["ramal"].strip())
    else:
        return fail(405, 10, "informe o parâmetro ramal ou id_ramal")
    if rec is None:
        return fail(404, 60, "ramal não encontrado")
    if not rec.webphone:
        return fail(403, 8, "ramal sem permissão para usar o webphone")
    ligar_para = query.get("ligar_para") or None
    if ligar_para is not None and not valid_ligar_para(ligar_para):
        return fail(405, 11, "Parâmetro ligar_para inválido")
    fechar = (query.get("fechar_fim") or "false").strip().lower()
    if fechar not in ("true", "false", "1", "0"):
        return fail(405, 11, "Parâmetro fechar_fim inválido, use true ou false")
    url = mint(rec, tipo, ligar_para, fechar in ("true", "1"))
    return ok("url webphone", {"url": url})


def json_body_or_invalid(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InvalidRequestError(fail(400, 100, "JSON inválido")) from None
