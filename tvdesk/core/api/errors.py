"""The only exceptions the API client raises.

Each keeps what the server said (HTTP status, ``motivo``, ``mensagem``) so the GUI can choose
a message in the user's language. None of them ever holds the token or a webphone URL: texts
that come from the network are passed through :func:`tvdesk.core.redact.redact` first.
"""

from __future__ import annotations

from tvdesk.core.redact import redact

# motivo codes from the vendor's tables
MOTIVO_OK = 0
MOTIVO_NO_PERMISSION = 8
MOTIVO_NO_BALANCE = 9
MOTIVO_MISSING_PARAMETER = 10
MOTIVO_INVALID_PARAMETER = 11
MOTIVO_DUPLICATE = 20
MOTIVO_NOT_IMPLEMENTED = 30
MOTIVO_AUTH_FAILURE = 40
MOTIVO_INTERNAL = 50
MOTIVO_NOT_FOUND = 60
MOTIVO_NO_RECORDING = 70
MOTIVO_CALL_NOT_ACTIVE = 80
MOTIVO_PATH_NOT_FOUND = 90
MOTIVO_INVALID_REQUEST = 100


class ApiError(Exception):
    """Base of every error the client raises."""

    default_text = "TotalVoice API error"

    def __init__(
        self,
        mensagem: str | None = None,
        *,
        status: int | None = None,
        motivo: int | None = None,
    ) -> None:
        self.mensagem = redact(mensagem) if mensagem else None
        self.status = status
        self.motivo = motivo
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [self.mensagem or self.default_text]
        codes = []
        if self.status is not None:
            codes.append(f"HTTP {self.status}")
        if self.motivo is not None:
            codes.append(f"motivo {self.motivo}")
        if codes:
            parts.append(f"({', '.join(codes)})")
        return " ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(mensagem={self.mensagem!r}, status={self.status!r}, "
            f"motivo={self.motivo!r})"
        )


class AuthenticationError(ApiError):
    """Wrong or revoked Access-Token (403, motivo 40) or a disabled account."""

    default_text = "access token rejected"


class PermissionDeniedError(ApiError):
    """The account may not use this feature (motivo 8, e.g. trial accounts)."""

    default_text = "no permission for this operation"


class InsufficientBalanceError(PermissionDeniedError):
    """The account has no balance (402, motivo 9)."""

    default_text = "insufficient balance"


class NotFoundError(ApiError):
    """The ramal, call or path does not exist (404, motivo 60/90)."""

    default_text = "not found"


class ValidationError(ApiError):
    """The server refused a parameter (405, 400, motivo 10/11/20). ``mensagem`` says which."""

    default_text = "invalid parameter"


class RateLimitedError(ApiError):
    """Too many requests per second (429), after the client's own retries ran out."""

    default_text = "too many requests"

    def __init__(self, *args, retry_after: float | None = None, **kwargs) -> None:
        self.retry_after = retry_after
        super().__init__(*args, **kwargs)


class ServerError(ApiError):
    """5xx, or a failure envelope the client has no better class for."""

    default_text = "server error"


class TransportError(ApiError):
    """No usable HTTP exchange: timeout, DNS, refused, TLS, dropped or truncated connection."""

    default_text = "could not reach the server"

    def __init__(self, mensagem: str | None = None, *, kind: str = "connection", **kwargs):
        #: one of "timeout", "dns", "refused", "tls", "interrupted", "connection"
        self.kind = kind
        super().__init__(mensagem, **kwargs)


class MalformedResponseError(ApiError):
    """The server answered, but not with the documented envelope or types."""

    default_text = "malformed response from the server"


class CancelledError(ApiError):
    """The caller cancelled a long operation (a multi-page report)."""

    default_text = "cancelled"


class InvalidTokenError(ValueError):
    """Not something a token can be (empty, spaces, accents): a paste gone wrong. Raised
    before any request (the token never leaves the machine): not an :class:`ApiError`."""
