"""Fault injection: make chosen endpoints slow, fail, or misbehave at the HTTP level."""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import asdict, dataclass, field

FAULT_KINDS = (
    "latency",       # delay the real answer by latency_ms
    "server_error",  # 500 with the vendor's envelope (motivo 50)
    "html_502",      # a proxy's HTML 502 page
    "rate_limit",    # 429 with Retry-After: retry_after seconds
    "malformed_json",  # 200 with a body that is not JSON
    "no_envelope",   # 200 with JSON that is not the envelope
    "wrong_types",   # 200 envelope whose dados has the wrong types
    "truncated",     # a Content-Length longer than the body, then the connection closes
    "drop",          # the connection closes without any answer
    "silent",        # connected, and no answer at all while the fault lasts (latency_ms at
                     # most; 0: two minutes), then the connection closes: a hung server
    "auth",          # 403 motivo 40, as for a revoked token
    "no_permission",  # 403 motivo 8, as for a trial account
)


@dataclass
class Fault:
    kind: str
    path: str = ".*"           # regular expression matched against the request path
    method: str | None = None  # None: any method
    count: int | None = None   # how many requests it hits; None: until removed
    latency_ms: int = 0
    retry_after: int = 1
    id: int = 0
    hits: int = 0
    _regex: re.Pattern = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {', '.join(FAULT_KINDS)}")
        self._regex = re.compile(self.path)
        if self.method:
            self.method = self.method.upper()

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and bool(self._regex.search(path))

    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("_regex", None)
        return d


class FaultBook:
    """The active faults. Latency faults add up with one other fault of each request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            fault.id = next(self._ids)
            self._faults.append(fault)
        return fault

    def clear(self, fault_id: int | None = None) -> None:
        with self._lock:
            self._faults = [f for f in self._faults if fault_id is not None and f.id != fault_id]

    def active(self, fault: Fault) -> bool:
        """Whether ``fault`` is still in force (not cleared)."""
        with self._lock:
            return any(f is fault for f in self._faults) or fault.count == 0

    def list(self) -> list[dict]:
        with self._lock:
            return [f.to_json() for f in self._faults]

    def take(self, method: str, path: str) -> tuple[int, Fault | None]:
        """``(latency_ms, failure)`` for this request, consuming counted faults."""
        latency, failure = 0, None
        with self._lock:
            for f in list(self._faults):
                if not f.matches(method, path):
                    continue
                if f.kind == "latency":
                    latency += f.latency_ms
                elif failure is None:
                    failure = f
                else:
                    continue
                f.hits += 1
                if f.count is not None:
                    f.count -= 1
                    if f.count <= 0:
                        self._faults.remove(f)
        return latency, failure
