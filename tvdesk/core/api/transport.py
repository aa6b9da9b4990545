"""HTTP transport: one requests session with urllib3's retry machinery, and the envelope.

Retries are urllib3's: connection errors for every method (the request never left), and for
idempotent GETs also read errors, 429 (honouring ``Retry-After``) and 502/503/504/500, with
exponential backoff. POST, PUT and DELETE are never retried once they may have reached the
server. Every response is reduced to ``dados`` or one of :mod:`tvdesk.core.api.errors`.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    ResponseError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.util.retry import Retry

from tvdesk import __version__
from tvdesk.core.api import errors as err
from tvdesk.core.redact import redact

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class CappedRetry(Retry):
    """urllib3 Retry that gives up at once when ``Retry-After`` asks for too long a wait,
    and after ``timeout_retries`` read timeouts.

    A server asking for an hour must not freeze a worker thread for an hour: the caller gets a
    :class:`RateLimitedError` carrying ``retry_after`` and decides. A server that went
    silent costs a whole read timeout per try: it is tried again fewer times than one that
    dropped the connection at once.
    """

    max_retry_after: float = 30.0
    timeout_retries: int | None = None

    def new(self, **kw: Any) -> CappedRetry:
        fresh = super().new(**kw)
        fresh.max_retry_after = self.max_retry_after
        fresh.timeout_retries = self.timeout_retries
        return fresh

    def increment(self, method=None, url=None, response=None, error=None, _pool=None,
                  _stacktrace=None):
        if response is not None and response.status == 429:
            wait = self.get_retry_after(response)
            if wait is not None and wait > self.max_retry_after:
                raise MaxRetryError(_pool, url, ResponseError("Retry-After too long"))
        timed_out = isinstance(error, ReadTimeoutError)
        if timed_out and self.timeout_retries is not None and self.timeout_retries <= 0:
            raise MaxRetryError(_pool, url, error) from error
        fresh = super().increment(method, url, response, error, _pool, _stacktrace)
        if timed_out and fresh.timeout_retries is not None:
            fresh.timeout_retries -= 1
        return fresh


def make_retry(retries: int, backoff: float, max_retry_after: float,
               read_retries: int | None = None) -> CappedRetry:
    """``read_retries``: how often a GET whose server went silent is tried again (each try
    waits the whole read timeout: a hung server must be noticed in seconds, not minutes);
    ``retries`` by default."""
    retry = CappedRetry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        redirect=0,
        allowed_methods=frozenset({"GET", "HEAD"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=backoff,
        backoff_max=8.0,
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
    )
    retry.max_retry_after = max_retry_after
    retry.timeout_retries = None if read_retries is None else min(retries, read_retries)
    return retry


class Transport:
    """Sends one API call and turns the answer into ``dados`` or an :class:`ApiError`."""

    def __init__(
        self,
        token: str,
        base_url: str,
        *,
        timeout: tuple[float, float],
        retries: int,
        backoff: float,
        max_retry_after: float,
        pool_size: int,
        read_retries: int | None = None,
    ) -> None:
        self.base_url = base_url
        self.host = urlsplit(base_url).netloc
        self.timeout = timeout
        self._session = requests.Session()
        self._session.trust_env = False  # no netrc or proxy env overriding the token header
        adapter = HTTPAdapter(
            max_retries=make_retry(retries, backoff, max_retry_after, read_retries),
            pool_connections=2,
            pool_maxsize=max(pool_size, 4),
        )
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._session.headers.update(
            {
                "Access-Token": token,
                "Accept": "application/json",
                "User-Agent": f"tvdesk/{__version__}",
            }
        )

    def replace_token(self, token: str) -> None:
        """Calls from now on carry ``token`` (the agent entered a new one)."""
        self._session.headers["Access-Token"] = token

    def close(self) -> None:
        self._session.close()

    def __repr__(self) -> str:
        return f"Transport(base_url={self.base_url!r})"

    # ------------------------------------------------------------------ one call
    def call(self, method: str, path: str, *, params=None, body=None) -> Any:
        url = self.base_url + path
        started = time.perf_counter()
        try:
            response = self._session.request(
                method,
                url,
                params=params,
                json=body,
                timeout=self.timeout,
                allow_redirects=False,
            )
            content = response.content  # read now: a truncated body fails here
        except requests.exceptions.RequestException as exc:
            err = self._transport_error(exc)
            log.info("%s %s failed: %s", method, path, err.kind)
            raise err from None
        elapsed = (time.perf_counter() - started) * 1000
        log.debug("%s %s -> %s in %.0f ms", method, path, response.status_code, elapsed)
        return parse_envelope(response.status_code, response.headers, content)

    def _transport_error(self, exc: requests.exceptions.RequestException) -> err.TransportError:
        host = self.host
        if isinstance(exc, requests.exceptions.SSLError):
            return err.TransportError(f"secure connection to {host} failed", kind="tls")
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return err.TransportError(f"timed out connecting to {host}", kind="timeout")
        if isinstance(exc, requests.exceptions.Timeout):
            return err.TransportError(f"{host} did not answer in time", kind="timeout")
        if isinstance(exc, requests.exceptions.ChunkedEncodingError | requests.exceptions.
                      ContentDecodingError):
            return err.TransportError(f"the connection to {host} was interrupted",
                                    kind="interrupted")
        cause = _root_cause(exc)
        # NewConnectionError subclasses ConnectTimeoutError in urllib3: test it first
        if isinstance(cause, NameResolutionError):
            return err.TransportError(f"could not resolve {host}", kind="dns")
        if isinstance(cause, NewConnectionError):
            if isinstance(cause.__cause__ or cause.__context__, ConnectionRefusedError) or \
                    "refused" in str(cause).lower():
                return err.TransportError(f"{host} refused the connection", kind="refused")
            return err.TransportError(f"could not connect to {host}", kind="connection")
        if isinstance(cause, Urllib3Timeout):
            return err.TransportError(f"{host} did not answer in time", kind="timeout")
        if isinstance(cause, SSLError):
            return err.TransportError(f"secure connection to {host} failed", kind="tls")
        if isinstance(cause, ProtocolError):
            return err.TransportError(f"the connection to {host} was interrupted",
                                    kind="interrupted")
        return err.TransportError(f"could not reach {host}", kind="connection")


def silent_server_seconds(timeout: tuple[float, float], read_retries: int,
                          backoff: float) -> float:
    """The longest a GET waits on a server that accepted the connection and says nothing:
    every try waits the read timeout, with urllib3's backoff between tries."""
    waits = sum(min(8.0, backoff * 2 ** n) for n in range(1, read_retries))
    # (urllib3 sleeps no backoff before the first retry, then backoff * 2^(n-1))
    return timeout[1] * (read_retries + 1) + waits


def _root_cause(exc: BaseException) -> BaseException:
    """Unwrap requests' ConnectionError / urllib3's MaxRetryError to the underlying reason."""
    seen = exc.args[0] if exc.args else None
    if isinstance(seen, MaxRetryError) and seen.reason is not None:
        return seen.reason
    return seen if isinstance(seen, BaseException) else exc


# ---------------------------------------------------------------------- the envelope
def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _retry_after(headers) -> float | None:
    value = headers.get("Retry-After") if headers else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP-date: rare; the caller falls back to its own backoff


def parse_envelope(status: int, headers, content: bytes) -> Any:
    """``dados`` of a successful envelope, else the matching :class:`ApiError`."""
    try:
        payload = json.loads(content.decode("utf-8")) if content else None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        payload = None
        if status < 400:
            raise err.MalformedResponseError(
                f"the server answered HTTP {status} with a body that is not JSON", status=status
            ) from None
    if isinstance(payload, dict) and "sucesso" in payload:
        sucesso = payload.get("sucesso")
        motivo = _int_or_none(payload.get("motivo"))
        mensagem = payload.get("mensagem")
        mensagem = redact(mensagem) if isinstance(mensagem, str) else None
        if sucesso is True and 200 <= status < 300:
            return payload.get("dados")
        if sucesso not in (True, False):
            raise err.MalformedResponseError("'sucesso' is not a boolean", status=status)
        raise classify(status, motivo, mensagem, headers)
    if status >= 400:
        raise classify(status, None, None, headers)
    raise err.MalformedResponseError(
        "the response has no TotalVoice envelope ('sucesso', 'dados')", status=status
    )


def classify(status: int, motivo: int | None, mensagem: str | None, headers=None) -> err.ApiError:
    """Map an unsuccessful answer to the error class the GUI will word for the user."""
    kw = {"status": status, "motivo": motivo}
    if motivo == err.MOTIVO_AUTH_FAILURE:
        return err.AuthenticationError(mensagem, **kw)
    if motivo == err.MOTIVO_NO_PERMISSION:
        return err.PermissionDeniedError(mensagem, **kw)
    if status == 402 or motivo == err.MOTIVO_NO_BALANCE:
        return err.InsufficientBalanceError(mensagem, **kw)
    if status == 403:
        return err.AuthenticationError(mensagem, **kw)
    if status == 429:
        return err.RateLimitedError(mensagem, retry_after=_retry_after(headers), **kw)
    if status == 404 or motivo in (err.MOTIVO_NOT_FOUND, err.MOTIVO_PATH_NOT_FOUND,
                                   err.MOTIVO_NO_RECORDING):
        return err.NotFoundError(mensagem, **kw)
    if status in (400, 405) or motivo in (
        err.MOTIVO_MISSING_PARAMETER,
        err.MOTIVO_INVALID_PARAMETER,
        err.MOTIVO_DUPLICATE,
        err.MOTIVO_INVALID_REQUEST,
        err.MOTIVO_CALL_NOT_ACTIVE,
    ):
        return err.ValidationError(mensagem, **kw)
    return err.ServerError(mensagem, **kw)
