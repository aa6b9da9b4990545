"""The TotalVoice (Zenvia Voice) REST API: client, errors, hosts and report paging.

The client (and with it ``requests``) is imported on first use, so that code needing only
the error classes or hosts, such as the GUI at start-up, stays light.
"""

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


def __getattr__(name: str):
    if name == "TotalVoiceClient":
        from tvdesk.core.api.client import TotalVoiceClient

        return TotalVoiceClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
