"""How long the phone waits before it reconnects: exponential backoff with jitter."""

from __future__ import annotations

import random


def reconnect_delay(attempt: int, *, base: float = 1.0, cap: float = 30.0,
                    jitter: float = 0.2, rand=None) -> float:
    """Exponential backoff with jitter: 1, 2, 4, 8… seconds, at most ``cap``."""
    delay = min(cap, base * (2 ** max(0, attempt)))
    r = (rand or random.random)()
    return max(0.0, delay * (1 - jitter + 2 * jitter * r))
