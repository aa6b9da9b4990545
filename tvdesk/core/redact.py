"""Keep secrets out of texts: the Access-Token and webphone URLs (which carry a login key).

Secrets are registered at run time (the token when a client is built) and also recognised by
shape (``key=``/``signature=`` query values, ``Access-Token:`` headers), so that a log line or
an exception text built from a server's message cannot leak them.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict

MASK = "***"
_MAX_SECRETS = 4096  # webphone URLs are fetched all day: keep the newest only

_lock = threading.Lock()
_secrets: OrderedDict[str, None] = OrderedDict()
_compiled: re.Pattern | None = None  # one alternation of every secret, rebuilt on change

_PATTERNS = [
    # query parameters that carry credentials
    re.compile(r"(?i)\b((?:key|signature|token|access[-_]?token|webphone_key)=)[^&\s\"'<>]+"),
    # header form
    re.compile(r"(?i)(access-token\s*[:=]\s*)[^\s,;\"'}]+"),
]


def register_secret(value: str | None) -> None:
    """Remember a secret so that :func:`redact` masks it wherever it appears."""
    global _compiled
    if value and len(value) >= 4:
        with _lock:
            if value in _secrets:
                _secrets.move_to_end(value)
                return
            _secrets[value] = None
            while len(_secrets) > _MAX_SECRETS:
                _secrets.popitem(last=False)
            _compiled = None


def forget_secret(value: str | None) -> None:
    global _compiled
    with _lock:
        if _secrets.pop(value or "", False) is None:
            _compiled = None


def redact(text: object) -> str:
    """Return ``text`` as a string with every known secret masked."""
    global _compiled
    s = str(text)
    with _lock:
        if _compiled is None and _secrets:
            # longest first, so a URL is masked whole rather than around its key
            alternation = "|".join(re.escape(x) for x in sorted(_secrets, key=len, reverse=True))
            _compiled = re.compile(alternation)
        compiled = _compiled
    if compiled is not None:
        s = compiled.sub(MASK, s)
    for pattern in _PATTERNS:
        s = pattern.sub(lambda m: m.group(1) + MASK, s)
    return s


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets in the formatted message of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the record
            message = str(record.msg)
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> None:
    """Attach :class:`RedactingFilter` to every handler of ``logger`` (root by default)."""
    logger = logger or logging.getLogger()
    for handler in logger.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
