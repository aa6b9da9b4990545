"""The TotalVoice client: every endpoint of the seeds, typed results, typed errors.

Blocking by design: the GUI runs it off its thread (see the desktop's task runner). Safe to
share between threads.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from tvdesk.core.api.errors import InvalidTokenError, MalformedResponseError
from tvdesk.core.api.hosts import DEFAULT_BASE_URL, resolve_base_url
from tvdesk.core.api.paging import CancelFlag, PageProgress, fetch_all_pages
from tvdesk.core.api.parse import (
    parse_pause,
    parse_pause_totals,
    parse_ramal,
    parse_received_call,
    parse_report_page,
    parse_webphone_url,
    ramal_payload,
)
from tvdesk.core.api.transport import Transport, silent_server_seconds
from tvdesk.core.dates import local_range
from tvdesk.core.models import (
    PauseReport,
    Ramal,
    ReceivedCallsReport,
    ReportPage,
)
from tvdesk.core.redact import register_secret
from tvdesk.core.vocabulary import WebphoneMode

log = logging.getLogger(__name__)

WEBPHONE_TYPES: tuple[str, ...] = tuple(m.value for m in WebphoneMode)

_TOKEN_CHARS = re.compile(r"[\x21-\x7e]+")

#: ``GET /ramal/relatorio`` lists ramais *created* in a period; this start covers them all.
ACCOUNT_EPOCH = date(2010, 1, 1)

Progress = Callable[[PageProgress], None]


class TotalVoiceClient:
    """A client for one account (one Access-Token) on one API host.

    ``base_url`` is a URL or a name from :data:`KNOWN_HOSTS`. ``tz`` is the zone whose whole
    days report ranges cover (the machine's by default).
    """

    def __init__(
        self,
        token: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float | tuple[float, float] = (4.0, 8.0),
        retries: int = 3,
        read_retries: int = 1,
        backoff: float = 0.25,
        max_retry_after: float = 30.0,
        max_in_flight: int = 6,
        page_size: int = 200,
        tz: tzinfo | None = None,
    ) -> None:
        token = _checked_token(token)
        self.base_url = resolve_base_url(base_url)
        self.max_in_flight = max(1, max_in_flight)
        self.page_size = page_size
        self.tz = tz
        if isinstance(timeout, int | float):
            timeout = (float(timeout), float(timeout))
        self._transport = Transport(
            token,
            self.base_url,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            max_retry_after=max_retry_after,
            pool_size=self.max_in_flight + 2,
            read_retries=read_retries,
        )
        #: the longest a call waits on a server that says nothing (two 8-s tries by
        #: default: a hung API is noticed in ~16 s, not after four 30-s timeouts)
        self.silent_seconds = silent_server_seconds(timeout, min(retries, read_retries),
                                                    backoff)

    def __repr__(self) -> str:
        return f"TotalVoiceClient(base_url={self.base_url!r})"

    def replace_token(self, token: str) -> None:
        """Use another token from the next call on (the old one was refused during the day):
        everything holding this client (the reports, the phone's line) keeps working."""
        self._transport.replace_token(_checked_token(token))

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> TotalVoiceClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, *, params=None, body=None) -> Any:
        return self._transport.call(method, path, params=params, body=body)

    # ------------------------------------------------------------------ ramal CRUD
    def create_ramal(self, **fields: Any) -> Ramal:
        """``POST /ramal``. No field is required; returns the new ramal, ``senha`` included."""
        dados = self._call("POST", "/ramal", body=ramal_payload(fields))
        return parse_ramal(dados)

    def get_ramal(self, ramal_id: int) -> Ramal:
        """``GET /ramal/{id}``."""
        return parse_ramal(self._call("GET", f"/ramal/{_id(ramal_id)}"))

    def update_ramal(self, ramal_id: int, **fields: Any) -> None:
        """``PUT /ramal/{id}``: a partial update of the given fields."""
        if not fields:
            raise ValueError("nothing to update")
        self._call("PUT", f"/ramal/{_id(ramal_id)}", body=ramal_payload(fields))

    def delete_ramal(self, ramal_id: int) -> None:
        """``DELETE /ramal/{id}``."""
        self._call("DELETE", f"/ramal/{_id(ramal_id)}")

    # ------------------------------------------------------------------ reports
    def list_ramais(
        self,
        start: date = ACCOUNT_EPOCH,
        end: date | None = None,
        *,
        progress: Progress | None = None,
        cancel: CancelFlag | None = None,
    ) -> list[Ramal]:
        """``GET /ramal/relatorio``: the ramais created in the period (all of them by default)."""
        end = end or (date.today() + timedelta(days=1))
        result = self._report(
            "/ramal/relatorio", start, end, parse_ramal, lambda r: r.id, progress, cancel
        )
        return result.rows

    def find_ramal(self, number: str, *, cancel: CancelFlag | None = None) -> Ramal | None:
        """The account's ramal with this extension number, or None."""
        wanted = str(number).strip()
        for ramal in self.list_ramais(cancel=cancel):
            if ramal.ramal == wanted:
                return ramal
        return None

    def pauses(
        self,
        ramal_id: int,
        start: date,
        end: date,
        *,
        progress: Progress | None = None,
        cancel: CancelFlag | None = None,
    ) -> PauseReport:
        """``GET /ramal/{id}/pausas``: every pause in the whole days ``start``..``end``."""
        result = self._report(
            f"/ramal/{_id(ramal_id)}/pausas", start, end, parse_pause, lambda p: p.key,
            progress, cancel,
        )
        ramal, total_seconds, total_duration = parse_pause_totals(result.first_page.extra)
        pauses = result.rows
        return PauseReport(
            ramal=ramal,
            total=max(result.first_page.total or 0, len(pauses)),
            total_seconds=total_seconds if total_seconds is not None
            else sum(p.seconds for p in pauses),
            total_duration=total_duration,
            pauses=pauses,
        )

    def received_calls(
        self,
        ramal_id: int,
        start: date,
        end: date,
        *,
        progress: Progress | None = None,
        cancel: CancelFlag | None = None,
    ) -> ReceivedCallsReport:
        """``GET /ramal/{id}/relatorio``: every call the ramal received in ``start``..``end``."""
        result = self._report(
            f"/ramal/{_id(ramal_id)}/relatorio", start, end, parse_received_call,
            lambda c: c.id, progress, cancel,
        )
        return ReceivedCallsReport(total=len(result.rows), calls=result.rows)

    def _report(self, path, start, end, row_parser, key, progress, cancel):
        if isinstance(start, datetime) or isinstance(end, datetime):
            raise TypeError("report ranges are whole days: pass dates")
        data_inicio, data_fim = local_range(start, end, self.tz)

        def fetch_page(posicao: int, limite: int) -> ReportPage:
            dados = self._call(
                "GET",
                path,
                params={
                    "data_inicio": data_inicio,
                    "data_fim": data_fim,
                    "posicao": posicao,
                    "limite": limite,
                },
            )
            return parse_report_page(dados, row_parser)

        return fetch_all_pages(
            fetch_page,
            key,
            page_size=self.page_size,
            max_in_flight=self.max_in_flight,
            progress=progress,
            cancel=cancel,
        )

    # ------------------------------------------------------------------ webphone
    def webphone_url(
        self,
        *,
        ramal: str | int | None = None,
        id_ramal: int | None = None,
        tipo: WebphoneMode | str = WebphoneMode.FLOATING,
        ligar_para: str | None = None,
        fechar_fim: bool | None = None,
    ) -> str:
        """``GET /webphone``: a fresh URL that logs into the ramal's webphone.

        The URL is a credential: it is registered for redaction and must never be stored.
        """
        if (ramal is None) == (id_ramal is None):
            raise ValueError("give exactly one of ramal or id_ramal")
        if tipo not in WEBPHONE_TYPES:
            raise ValueError(f"tipo must be one of {', '.join(WEBPHONE_TYPES)}")
        params: dict[str, Any] = {"tipo": str(tipo)}
        if ramal is not None:
            params["ramal"] = str(ramal).strip()
        else:
            params["id_ramal"] = _id(id_ramal)
        if ligar_para:
            params["ligar_para"] = ligar_para
        if fechar_fim is not None:
            params["fechar_fim"] = "true" if fechar_fim else "false"
        url = parse_webphone_url(self._call("GET", "/webphone", params=params))
        register_secret(url)
        return url


def _checked_token(token: str) -> str:
    if not token or not token.strip():
        raise InvalidTokenError("an Access-Token is required")
    token = token.strip()
    if not _TOKEN_CHARS.fullmatch(token):
        # an HTTP header carries printable ASCII only; anything else is a typing slip
        raise InvalidTokenError("an Access-Token has only letters, digits and punctuation")
    register_secret(token)
    return token


def _id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValueError(f"not a ramal id: {value!r}") from None
    return value


__all__ = ["WEBPHONE_TYPES", "MalformedResponseError", "TotalVoiceClient"]
