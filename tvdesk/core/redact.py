"""Keep secrets out of texts: the Access-Token and webphone URLs (which carry a login key).

Secrets are registered at run time (the token when a client is built, webphone URLs, keys
and extension passwords as they are parsed) and also recognised by shape (``key=`` /
``signature=`` query values, ``Access-Token:`` headers), so that a log line or an exception
text built from a server's message cannot leak them.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict

MASK = "***"

_SHAPES = [
    # query parameters that carry credentials
    re.compile(r"(?i)\b((?:key|signature|token|access[-_]?token|webphone_key)=)[^&\s\"'<>]+"),
    # header form
    re.compile(r"(?i)(access-token\s*[:=]\s*)[^\s,;\"'}]+"),
    # a recording link's access value (``/rec/?id=…&x=…``)
    re.compile(r"([?&]x=)[^&\s\"'<>]+"),
]


class _SecretRegistry:
    """The newest secrets (webphone URLs are fetched all day) as one compiled alternation."""

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._lock = threading.Lock()
        self._secrets: OrderedDict[str, None] = OrderedDict()
        self._pattern: re.Pattern | None = None

    def add(self, value: str) -> None:
        with self._lock:
            if value in self._secrets:
                self._secrets.move_to_end(value)
                return
            self._secrets[value] = None
            while len(self._secrets) > self._capacity:
                self._secrets.popitem(last=False)
            self._pattern = None

    def remove(self, value: str) -> None:
        with self._lock:
            if self._secrets.pop(value, False) is None:
                self._pattern = None

    def pattern(self) -> re.Pattern | None:
        with self._lock:
            if self._pattern is None and self._secrets:
                # longest first, so a URL is masked whole rather than around its key
                ordered = sorted(self._secrets, key=len, reverse=True)
                self._pattern = re.compile("|".join(re.escape(s) for s in ordered))
            return self._pattern


_registry = _SecretRegistry()


def register_secret(value: str | None) -> None:
    """Remember a secret so that :func:`redact` masks it wherever it appears."""
    if value and len(value) >= 4:
        _registry.add(value)


def forget_secret(value: str | None) -> None:
    if value:
        _registry.remove(value)


def redact(text: object) -> str:
    """Return ``text`` as a string with every known secret masked."""
    s = str(text)
    pattern = _registry.pattern()
    if pattern is not None:
        s = pattern.sub(MASK, s)
    for shape in _SHAPES:
        s = shape.sub(lambda m: m.group(1) + MASK, s)
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
        if record.exc_info and not record.exc_text:
            # a traceback's exception text may carry a URL: formatted and masked here (the
            # formatter then uses this text as it is)
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> None:
    """Attach :class:`RedactingFilter` to every handler of ``logger`` (root by default)."""
    logger = logger or logging.getLogger()
    for handler in logger.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
