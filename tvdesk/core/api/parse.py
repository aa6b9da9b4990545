"""Response parsing: the API's JSON into the domain's objects (``tvdesk.core.models``).

Parsers accept every quirk of the vendor's responses (``ramal`` as string or number, ``null``
or ``""`` for absent values, extra fields, dates with offset and milliseconds, ``preco`` as a
string) and raise :class:`MalformedResponseError` for anything that cannot be made sense of.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from tvdesk.core.api.errors import MalformedResponseError
from tvdesk.core.dates import parse_api_datetime
from tvdesk.core.models import (
    RAMAL_WRITABLE_FIELDS,
    Pause,
    Ramal,
    RamalRef,
    ReceivedCall,
    ReportPage,
)
from tvdesk.core.redact import register_secret


# ----------------------------------------------------------------------------- fields
def _fail(path: str, what: str, value: Any) -> MalformedResponseError:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return MalformedResponseError(f"field '{path}': expected {what}, got {shown}")


def _obj(value: Any, path: str) -> Mapping[str, Any]:
    if type(value) is dict:  # the fast path: json gives dicts
        return value
    if not isinstance(value, Mapping):
        raise _fail(path, "an object", value)
    return value


def _int(value: Any, path: str, *, optional: bool = False) -> int | None:
    if type(value) is int:  # the fast path; bool is a subclass and fails it
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise _fail(path, "an integer", value)
    if isinstance(value, bool):
        raise _fail(path, "an integer", value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise _fail(path, "an integer", value)


def _str(value: Any, path: str, *, optional: bool = True) -> str | None:
    """Strings; numbers become their text; ``null`` and ``""`` become None when optional."""
    if type(value) is str and value:
        return value
    if value is None or value == "":
        if optional:
            return None
        raise _fail(path, "a string", value)
    if isinstance(value, bool):
        raise _fail(path, "a string", value)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else str(value)
    raise _fail(path, "a string", value)


_TRUE = {"true", "1", "sim", "yes", "t", "s"}
_FALSE = {"false", "0", "nao", "não", "no", "f", "n", ""}


def _bool(value: Any, path: str) -> bool:
    if value is True or value is False:
        return value
    if value is None:
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        low = value.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
    raise _fail(path, "a boolean", value)


def _datetime(value: Any, path: str, *, optional: bool = False) -> datetime | None:
    if value is None or value == "":
        if optional:
            return None
        raise _fail(path, "a date", value)
    try:
        return parse_api_datetime(value)
    except (ValueError, TypeError):
        raise _fail(path, "an ISO 8601 date", value) from None


def _decimal(value: Any, path: str) -> Decimal:
    if type(value) is str and value in _DECIMALS:  # most prices repeat ("0.00")
        return _DECIMALS[value]
    if value is None or value == "":
        return Decimal("0")
    if isinstance(value, bool):
        raise _fail(path, "a price", value)
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise _fail(path, "a price", value) from None
    if not number.is_finite():
        raise _fail(path, "a price", value)
    if type(value) is str and len(_DECIMALS) < 4096:
        _DECIMALS[value] = number
    return number


_DECIMALS: dict[str, Decimal] = {}


def _list(value: Any, path: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(path, "a list", value)
    return value


# ----------------------------------------------------------------------------- objects
def parse_ramal(data: Any, path: str = "dados") -> Ramal:
    d = _obj(data, path)
    ramal = Ramal(
        id=_int(d.get("id"), f"{path}.id"),
        ramal=_str(d.get("ramal"), f"{path}.ramal"),
        login=_str(d.get("login"), f"{path}.login"),
        senha=_str(d.get("senha"), f"{path}.senha"),
        bina=_str(d.get("bina"), f"{path}.bina"),
        webphone_key=_str(d.get("webphone_key"), f"{path}.webphone_key"),
        ligacao_externa=_bool(d.get("ligacao_externa"), f"{path}.ligacao_externa"),
        ligacao_celular=_bool(d.get("ligacao_celular"), f"{path}.ligacao_celular"),
        gravar_audio=_bool(d.get("gravar_audio"), f"{path}.gravar_audio"),
        acesso_gravacoes=_bool(d.get("acesso_gravacoes"), f"{path}.acesso_gravacoes"),
        webphone=_bool(d.get("webphone"), f"{path}.webphone"),
        ura_id=_int(d.get("ura_id"), f"{path}.ura_id", optional=True),
        voicemail=_bool(d.get("voicemail"), f"{path}.voicemail"),
        tags=_str(d.get("tags"), f"{path}.tags"),
    )
    # both log into the extension: keep them out of every log line and error text
    register_secret(ramal.senha)
    register_secret(ramal.webphone_key)
    return ramal


# every call of a report names the same ramal: parse it once (immutable, safe to share)
_RAMAL_REFS: dict[tuple, RamalRef] = {}


def parse_ramal_ref(data: Any, path: str) -> RamalRef:
    if data is None:
        return RamalRef(None, None, None)
    d = _obj(data, path)
    raw = (d.get("id"), d.get("ramal"), d.get("login"))
    try:
        cached = _RAMAL_REFS.get(raw)
    except TypeError:  # unhashable values: parse (and fail) the slow way
        cached = None
    if cached is not None:
        return cached
    ref = RamalRef(
        id=_int(raw[0], f"{path}.id", optional=True),
        ramal=_str(raw[1], f"{path}.ramal"),
        login=_str(raw[2], f"{path}.login"),
    )
    if len(_RAMAL_REFS) < 4096:
        _RAMAL_REFS[raw] = ref
    return ref


def parse_pause(data: Any, path: str) -> Pause:
    d = _obj(data, path)
    return Pause(
        start=_datetime(d.get("pausa_inicio"), f"{path}.pausa_inicio"),
        end=_datetime(d.get("pausa_fim"), f"{path}.pausa_fim", optional=True),
        seconds=_int(d.get("tempo_segundos"), f"{path}.tempo_segundos", optional=True) or 0,
        duration=_str(d.get("tempo"), f"{path}.tempo"),
    )


def parse_received_call(data: Any, path: str) -> ReceivedCall:
    d = _obj(data, path)
    return ReceivedCall(
        id=_int(d.get("id"), f"{path}.id"),
        started_at=_datetime(d.get("data_inicio"), f"{path}.data_inicio"),
        recording_url=_str(d.get("url_gravacao"), f"{path}.url_gravacao"),
        caller=_str(d.get("numero_origem"), f"{path}.numero_origem"),
        status=_str(d.get("status"), f"{path}.status"),
        seconds=_int(d.get("duracao_segundos"), f"{path}.duracao_segundos", optional=True)
        or 0,
        duration=_str(d.get("duracao"), f"{path}.duracao"),
        price=_decimal(d.get("preco"), f"{path}.preco"),
        ramal=parse_ramal_ref(d.get("ramal"), f"{path}.ramal"),
    )



# ----------------------------------------------------------------------------- reports
def parse_report_page(dados: Any, row_parser, path: str = "dados") -> ReportPage:
    """A report's ``dados``: ``{total?, posicao?, limite?, relatorio: [...]}`` (or a bare list)."""
    if isinstance(dados, list):  # tolerate a bare list
        dados = {"relatorio": dados}
    d = _obj(dados, path)
    raw_rows = _list(d.get("relatorio"), f"{path}.relatorio")
    rows = [row_parser(row, f"{path}.relatorio[{i}]") for i, row in enumerate(raw_rows)]
    extra = {k: v for k, v in d.items() if k not in {"relatorio", "total", "posicao", "limite"}}
    return ReportPage(
        rows=rows,
        total=_int(d.get("total"), f"{path}.total", optional=True),
        posicao=_int(d.get("posicao"), f"{path}.posicao", optional=True),
        limite=_int(d.get("limite"), f"{path}.limite", optional=True),
        extra=extra,
    )


def parse_pause_totals(extra: Mapping[str, Any], path: str = "dados") -> tuple:
    """``(ramal, duracao_total_segundos, duracao_total)`` of a pause report's first page."""
    return (
        _str(extra.get("ramal"), f"{path}.ramal"),
        _int(extra.get("duracao_total_segundos"), f"{path}.duracao_total_segundos", optional=True),
        _str(extra.get("duracao_total"), f"{path}.duracao_total"),
    )


def parse_webphone_url(dados: Any, path: str = "dados") -> str:
    d = _obj(dados, path)
    url = _str(d.get("url"), f"{path}.url", optional=False)
    if not url.startswith(("https://", "http://")):
        raise MalformedResponseError(f"field '{path}.url': expected an http(s) URL")
    return url


def ramal_payload(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the keys of a create/update body against the seed's writable fields."""
    unknown = set(fields) - set(RAMAL_WRITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown ramal field(s): {', '.join(sorted(unknown))}")
    return dict(fields)
