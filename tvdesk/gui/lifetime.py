"""Whether a Qt object still exists: coroutines resume after awaits, and the window they
belonged to may have closed meanwhile (sign-out, quit)."""

from __future__ import annotations

import shiboken6


def alive(obj) -> bool:
    return obj is not None and shiboken6.isValid(obj)
