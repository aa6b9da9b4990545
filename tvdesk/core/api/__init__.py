"""The TotalVoice (Zenvia Voice) REST API: client, errors, hosts and report paging."""

from tvdesk.core.api.client import TotalVoiceClient
from tvdesk.core.api.errors import (
    ApiError,
    AuthenticationError,
    CancelledError,
    InsufficientBalanceError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    TransportError,
    ValidationError,
)
from tvdesk.core.api.hosts import DEFAULT_BASE_URL, KNOWN_HOSTS, resolve_base_url

__all__ = [
    "DEFAULT_BASE_URL",
    "KNOWN_HOSTS",
    "ApiError",
    "AuthenticationError",
    "CancelledError",
    "InsufficientBalanceError",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ServerError",
    "TotalVoiceClient",
    "TransportError",
    "ValidationError",
    "resolve_base_url",
]
