"""The simulator's account state: ramais, their received calls and pauses, thread-safe."""

from __future__ import annotations

import bisect
import random
import re
import threading
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


class AccountStore:
    def __init__(self, spec: DataSpec = DataSpec(), *, now: datetime | None = None) -> None:
        self.spec = spec
        self.lock = threading.RLock()
        now = now or datetime.now(BRASILIA)
        anchor = spec.anchor or now.date()
        rng = random.Random(spec.seed)
        self.ramais: dict[int, RamalRecord] = {}
        self.calls: dict[int, list[CallRecord]] = {}
        self._call_times: dict[int, list[datetime]] = {}
        self.pauses: dict[int, list[PauseRecord]] = {}
        self._pause_times: dict[int, list[datetime]] = {}
        self.calls_by_id: dict[int, CallRecord] = {}
        next_call_id = 123_456
        for rec in make_ramais(rng, anchor, spec.extra_agents):
            self.ramais[rec.id] = rec
            count = 0 if rec.admin else spec.calls_per_ramal
            calls = make_calls(rng, rec, anchor, count, spec.days, next_call_id)
            calls = [c for c in calls if c.started_at <= now]
            next_call_id += count + 1000
            pauses = [] if rec.admin else make_pauses(rng, rec, anchor, spec.days, now)
            self._set_calls(rec.id, calls)
            self._set_pauses(rec.id, pauses)
        self._next_ramal_id = max(self.ramais) + 101
        self._next_call_id = next_call_id

    # ------------------------------------------------------------------ ramais
    def _set_calls(self, ramal_id: int, calls: list[CallRecord]) -> None:
        self.calls[ramal_id] = calls
        self._call_times[ramal_id] = [c.started_at for c in calls]
        for c in calls:
            self.calls_by_id[c.id] = c

    def _set_pauses(self, ramal_id: int, pauses: list[PauseRecord]) -> None:
        self.pauses[ramal_id] = pauses
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

    def ramais_created_between(self, start: datetime, end: datetime) -> list[RamalRecord]:
        with self.lock:
            rows = [r for r in self.ramais.values() if start <= r.created_at <= end]
        return sorted(rows, key=lambda r: (r.created_at, r.id))

    # ------------------------------------------------------------------ reports
    def calls_between(self, rid: int, start: datetime, end: datetime) -> list[CallRecord]:
        with self.lock:
            times = self._call_times.get(rid, [])
            lo = bisect.bisect_left(times, start)
            hi = bisect.bisect_right(times, end)
            return self.calls.get(rid, [])[lo:hi]

    def pauses_between(self, rid: int, start: datetime, end: datetime) -> list[PauseRecord]:
        with self.lock:
            times = self._pause_times.get(rid, [])
            lo = bisect.bisect_left(times, start)
            hi = bisect.bisect_right(times, end)
            return self.pauses.get(rid, [])[lo:hi]

    def add_received_call(self, rid: int, caller: str, status: str, seconds: int,
                          at: datetime | None = None) -> CallRecord:
        """Record a call the webphone received, so it shows in the history."""
        with self.lock:
            at = at or datetime.now(BRASILIA).replace(microsecond=0)
            rec = self.ramais.get(rid)
            recording = f"{self._next_call_id:010x}" if (
                rec and rec.gravar_audio and status == "atendida") else None
            call = CallRecord(self._next_call_id, rid, at, caller, status, seconds, "0.00",
                              recording)
            self._next_call_id += 1
            calls = self.calls.setdefault(rid, [])
            times = self._call_times.setdefault(rid, [])
            idx = bisect.bisect_right(times, at)
            calls.insert(idx, call)
            times.insert(idx, at)
            self.calls_by_id[call.id] = call
            return call

    def add_pause(self, rid: int, start: datetime, end: datetime | None) -> None:
        with self.lock:
            pauses = self.pauses.setdefault(rid, [])
            times = self._pause_times.setdefault(rid, [])
            idx = bisect.bisect_right(times, start)
            pauses.insert(idx, PauseRecord(rid, start, end))
            times.insert(idx, start)

    def total_calls(self) -> int:
        with self.lock:
            return sum(len(c) for c in self.calls.values())


def whole_day(d: date) -> tuple[datetime, datetime]:
    start = datetime.combine(d, datetime.min.time(), BRASILIA)
    return start, start + timedelta(days=1) - timedelta(seconds=1)
