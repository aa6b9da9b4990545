"""API hosts. One configurable base URL; the legacy TotalVoice hosts stay selectable by name."""

from __future__ import annotations

from urllib.parse import urlsplit

DEFAULT_BASE_URL = "https://voice-api.zenvia.com"

#: name -> base URL. "zenvia" is the vendor's single host since late 2021; the seeds show
#: api2 for the ramal API and api for the webphone.
KNOWN_HOSTS: dict[str, str] = {
    "zenvia": DEFAULT_BASE_URL,
    "totalvoice-api2": "https://api2.totalvoice.com.br",
    "totalvoice": "https://api.totalvoice.com.br",
}


class InvalidHostError(ValueError):
    """Not an API host tvdesk can use; ``reason``: "scheme" (not an http(s) URL) or "query"
    (it has ``?…`` or ``#…`` parts)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def resolve_base_url(name_or_url: str | None) -> str:
    """A known host's name, or an http(s) URL; returns the base URL without a trailing slash."""
    if not name_or_url:
        return DEFAULT_BASE_URL
    value = name_or_url.strip()
    if value in KNOWN_HOSTS:
        return KNOWN_HOSTS[value]
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        known = ", ".join(KNOWN_HOSTS)
        raise InvalidHostError(f"not an API host (use an http(s) URL or one of: {known})",
                               "scheme")
    if parts.query or parts.fragment:
        raise InvalidHostError("an API base URL has no query or fragment", "query")
    return value.rstrip("/")


def host_risk(base_url: str) -> str | None:
    """Why sending the token to ``base_url`` deserves a warning: "plain_http" (readable on
    the network; loopback excepted, where the simulator lives) or "private" (an address of
    a private or link-local network, not the vendor's); None when nothing is odd."""
    import ipaddress

    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    if host == "localhost" or (ip is not None and ip.is_loopback):
        return None
    if parts.scheme == "http":
        return "plain_http"
    if (ip is not None and (ip.is_private or ip.is_link_local)) or host.endswith(".local"):
        return "private"
    return None
