"""The simulator's account state: ramais, their received calls and pauses, thread-safe."""

from __future__ import annotations

import bisect
import random
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tvdesk.core.dates import BRASILIA
from tvdesk.simulator.data import (
    CallRecord,
    PauseRecord,
    RamalRecord,
    make_calls,
    make_pauses,
    make_ramais,
    new_webphone_key,
    strong_password,
)

RAMAL_NUMBER = re.compile(r"^\d{3,4}$")


@dataclass(frozen=True)
class DataSpec:
    """What to seed: ``calls_per_ramal`` received calls over ``days`` days up to ``anchor``."""

    seed: int = 7
    calls_per_ramal: int = 3000
    days: int = 120
    anchor: date | None = None
    extra_agents: int = 0


class _PerRamal(Mapping):
    """``store.calls[ramal_id]`` / ``store.pauses[...]``: generated on first access."""

    def __init__(self, store: AccountStore, data: dict[int, list]) -> None:
        self._store, self._data = store, data

    def __getitem__(self, rid: int) -> list:
        self._store._ensure(rid)
        return self._data[rid]

    def __iter__(self):
        self._store._ensure_all()
        return iter(list(self._data))

    def __len__(self) -> int:
        self._store._ensure_all()
        return len(self._data)


class AccountStore:
    """The account. Each agent's history is generated when first asked for, from its own
    seeded generator, so start-up is instant and the data never depends on the order."""

    def __init__(self, spec: DataSpec = DataSpec(), *, now: datetime | None = None) -> None:
        self.spec = spec
        self.lock = threading.RLock()
        self._now = now or datetime.now(BRASILIA)
        self._anchor = spec.anchor or self._now.date()
        rng = random.Random(spec.seed)
        self.ramais: dict[int, RamalRecord] = {}
        self._calls: dict[int, list[CallRecord]] = {}
        self._call_times: dict[int, list[datetime]] = {}
        self._pauses: dict[int, list[PauseRecord]] = {}
        self._pause_times: dict[int, list[datetime]] = {}
        self._pending: dict[int, int] = {}  # ramal id -> first call id of its block
        self.calls_by_id: dict[int, CallRecord] = {}
        self.calls = _PerRamal(self, self._calls)
        self.pauses = _PerRamal(self, self._pauses)
        next_call_id = 123_456
        for rec in make_ramais(rng, self._anchor, spec.extra_agents):
            self.ramais[rec.id] = rec
            self._pending[rec.id] = next_call_id
            next_call_id += spec.calls_per_ramal + 1000
        self._next_ramal_id = max(self.ramais) + 101
        self._next_call_id = next_call_id

    def _ensure(self, rid: int) -> None:
        with self.lock:
            first_id = self._pending.pop(rid, None)
            if first_id is None:
                if rid not in self._calls:
                    raise KeyError(rid)
                return
            rec = self.ramais.get(rid)
            spec = self.spec
            rng = random.Random(f"{spec.seed}/{rid}")
            agent = rec is not None and not rec.admin
            calls = make_calls(rng, rec, self._anchor, spec.calls_per_ramal, spec.days,
                               first_id) if agent else []
            calls = [c for c in calls if c.started_at <= self._now]
            pauses = make_pauses(rng, rec, self._anchor, spec.days, self._now) if agent else []
            self._set_calls(rid, calls)
            self._set_pauses(rid, pauses)

    def _ensure_all(self) -> None:
        with self.lock:
            for rid in list(self._pending):
                self._ensure(rid)

    # ------------------------------------------------------------------ ramais
    def _set_calls(self, ramal_id: int, calls: list[CallRecord]) -> None:
        self._calls[ramal_id] = calls
        self._call_times[ramal_id] = [c.started_at for c in calls]
        for c in calls:
            self.calls_by_id[c.id] = c

    def _set_pauses(self, ramal_id: int, pauses: list[PauseRecord]) -> None:
        self._pauses[ramal_id] = pauses
        self._pause_times[ramal_id] = [p.start for p in pauses]

    def by_number(self, number: str) -> RamalRecord | None:
        with self.lock:
            return next((r for r in self.ramais.values() if r.ramal == number), None)

    def by_key(self, key: str) -> RamalRecord | None:
        with self.lock:
            return next((r for r in self.ramais.values() if r.webphone_key == key), None)

    def next_free_number(self) -> str:
        with self.lock:
            used = {r.ramal for r in self.ramais.values()}
            return next(str(n) for n in range(4000, 10000) if str(n) not in used)

    def create(self, fields: dict) -> RamalRecord:
        with self.lock:
            rid = self._next_ramal_id
            self._next_ramal_id += 1
            rng = random.Random(rid)
            rec = RamalRecord(
                id=rid,
                ramal=fields.get("ramal") or self.next_free_number(),
                login=fields.get("login") or f"{rng.getrandbits(48):012x}@totalvoice.com.br",
                senha=fields.get("senha") or strong_password(rng),
                bina=fields.get("bina") or None,
                webphone_key=new_webphone_key(),
                ligacao_externa=fields.get("ligacao_externa", False),
                ligacao_celular=fields.get("ligacao_celular", False),
                gravar_audio=fields.get("gravar_audio", False),
                acesso_gravacoes=fields.get("acesso_gravacoes", False),
                webphone=fields.get("webphone", True),
                ura_id=fields.get("ura_id"),
                voicemail=fields.get("voicemail", False),
                tags=None,
                created_at=datetime.now(BRASILIA),
            )
            self.ramais[rid] = rec
            self._set_calls(rid, [])
            self._set_pauses(rid, [])
            return rec

    def update(self, rid: int, fields: dict) -> None:
        with self.lock:
            rec = self.ramais[rid]
            for k, v in fields.items():
                setattr(rec, k, v)

    def delete(self, rid: int) -> None:
        with self.lock:
            del self.ramais[rid]
            self._pending.pop(rid, None)

    def ramais_created_between(self, start: datetime, end: datetime) -> list[RamalRecord]:
        with self.lock:
            rows = [r for r in self.ramais.values() if start <= r.created_at <= end]
        return sorted(rows, key=lambda r: (r.created_at, r.id))

    # ------------------------------------------------------------------ reports
    def calls_between(self, rid: int, start: datetime, end: datetime) -> list[CallRecord]:
        with self.lock:
            self._ensure_if_known(rid)
            times = self._call_times.get(rid, [])
            lo = bisect.bisect_left(times, start)
            hi = bisect.bisect_right(times, end)
            return self._calls.get(rid, [])[lo:hi]

    def _ensure_if_known(self, rid: int) -> None:
        if rid in self._pending:
            self._ensure(rid)

    def call_by_id(self, call_id: int) -> CallRecord | None:
        with self.lock:
            if call_id not in self.calls_by_id:
                self._ensure_all()
            return self.calls_by_id.get(call_id)

    def pauses_between(self, rid: int, start: datetime, end: datetime) -> list[PauseRecord]:
        with self.lock:
            self._ensure_if_known(rid)
            times = self._pause_times.get(rid, [])
            lo = bisect.bisect_left(times, start)
            hi = bisect.bisect_right(times, end)
            return self._pauses.get(rid, [])[lo:hi]

    def add_received_call(self, rid: int, caller: str, status: str, seconds: int,
                          at: datetime | None = None) -> CallRecord:
        """Record a call the webphone received, so it shows in the history."""
        with self.lock:
            self._ensure_if_known(rid)
            at = at or datetime.now(BRASILIA).replace(microsecond=0)
            rec = self.ramais.get(rid)
            recording = f"{self._next_call_id:010x}" if (
                rec and rec.gravar_audio and status == "atendida") else None
            call = CallRecord(self._next_call_id, rid, at, caller, status, seconds, "0.00",
                              recording)
            self._next_call_id += 1
            calls = self._calls.setdefault(rid, [])
            times = self._call_times.setdefault(rid, [])
            idx = bisect.bisect_right(times, at)
            calls.insert(idx, call)
            times.insert(idx, at)
            self.calls_by_id[call.id] = call
            return call

    def add_pause(self, rid: int, start: datetime, end: datetime | None) -> PauseRecord:
        """A pause (``end`` None: still running; set its ``end`` when it is over)."""
        with self.lock:
            self._ensure_if_known(rid)
            pauses = self._pauses.setdefault(rid, [])
            times = self._pause_times.setdefault(rid, [])
            idx = bisect.bisect_right(times, start)
            record = PauseRecord(rid, start, end)
            pauses.insert(idx, record)
            times.insert(idx, start)
            return record

    def total_calls(self) -> int:
        with self.lock:
            self._ensure_all()
            return sum(len(c) for c in self._calls.values())

    def count_calls(self, rid: int) -> int:
        with self.lock:
            self._ensure_if_known(rid)
            return len(self._calls.get(rid, []))


def whole_day(d: date) -> tuple[datetime, datetime]:
    start = datetime.combine(d, datetime.min.time(), BRASILIA)
    return start, start + timedelta(days=1) - timedelta(seconds=1)
