"""What a webphone's ``status_erro`` means, from what tvdesk itself knows.

The vendor documents ``status_erro`` as a text and nothing else, and says such errors are
final for the page that sent them. So tvdesk decides from its own facts: the URL's
``expires`` (past or near: a fresh URL fixes it), the host page's own microphone decision,
and only then the vendor's words (known texts may refine; an unknown one still ends in one
reload with a fresh URL and then in a clear request to the agent, never in a loop).
"""

from __future__ import annotations

import re
import time
from enum import Enum
from urllib.parse import parse_qs, urlsplit

#: a URL expiring within this many seconds counts as expired
NEAR_EXPIRY_S = 60
#: after an automatic reload, another error within this window waits for the agent
RELOAD_WINDOW_S = 120

_MICROPHONE = re.compile(r"micro(?:fone|phone)|getusermedia|notallowederror|notfounderror",
                         re.IGNORECASE)
_MISSING = re.compile(r"nenhum|not ?found|encontrad|ausente|no microphone", re.IGNORECASE)
_EXPIRED = re.compile(r"expirad|expired", re.IGNORECASE)


class PageError(Enum):
    EXPIRED = "expired"        # a fresh URL fixes it: reload once
    MICROPHONE = "microphone"  # the agent must act (plug a headset in, allow it)
    OTHER = "other"            # the vendor's text: reload once, then ask the agent


def url_expiry(url: str) -> float | None:
    """The ``expires`` (Unix seconds) a webphone URL carries, if any. Read at load time so
    that the URL itself, a credential, need not be kept."""
    try:
        values = parse_qs(urlsplit(url).query).get("expires")
        return float(values[0]) if values else None
    except (ValueError, TypeError):
        return None


def classify(text: str, *, expires: float | None = None, microphone_refused: bool = False,
             now: float | None = None) -> PageError:
    """The cause of a ``status_erro``: tvdesk's own facts first, then the vendor's words."""
    if microphone_refused:
        return PageError.MICROPHONE
    now = time.time() if now is None else now
    if expires is not None and expires - now <= NEAR_EXPIRY_S:
        return PageError.EXPIRED
    text = text or ""
    if _MICROPHONE.search(text):
        return PageError.MICROPHONE
    if _EXPIRED.search(text):
        return PageError.EXPIRED
    return PageError.OTHER


def microphone_missing(text: str) -> bool:
    """The vendor's words say there is no microphone at all (rather than one not allowed)."""
    return bool(_MISSING.search(text or ""))


class ReloadBudget:
    """One automatic reload per window: a page that keeps failing waits for the agent."""

    def __init__(self, window_s: float = RELOAD_WINDOW_S, clock=time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._last: float | None = None

    def take(self) -> bool:
        """True (and the reload is counted) when an automatic reload may happen now."""
        now = self._clock()
        if self._last is not None and now - self._last < self.window_s:
            return False
        self._last = now
        return True

    def reset(self) -> None:
        """The agent asked for a reload: the next error may reload by itself again."""
        self._last = None
