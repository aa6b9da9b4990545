"""Deterministic demo data: ramais, months of received calls and pauses, from a seed.

Everything is derived from ``(seed, anchor date)`` with a private ``random.Random``, so the
same arguments always give the same account.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from tvdesk.core.dates import BRASILIA, hms

# Area codes (DDD) weighted roughly by population; Santa Catarina (48) leads: it is the
# vendor's home and the seeds' example.
_DDDS = [11] * 8 + [21] * 4 + [31] * 3 + [41] * 2 + [47] * 2 + [48] * 5 + [51] * 2 + \
    [61, 62, 71, 81, 85, 91, 27, 19, 16, 43]

STATUS_WEIGHTS = [("atendida", 74), ("não atendida", 16), ("ocupado", 5), ("falha", 3),
                  ("cancelada", 2)]


@dataclass
class RamalRecord:
    id: int
    ramal: str
    login: str
    senha: str
    bina: str | None
    webphone_key: str
    ligacao_externa: bool = True
    ligacao_celular: bool = True
    gravar_audio: bool = True
    acesso_gravacoes: bool = True
    webphone: bool = True
    ura_id: int | None = None
    voicemail: bool = False
    tags: str | None = ""
    created_at: datetime = field(default_factory=lambda: datetime.now(BRASILIA))
    admin: bool = False


@dataclass(slots=True)
class CallRecord:
    id: int
    ramal_id: int
    started_at: datetime
    caller: str
    status: str
    seconds: int
    price: str
    recording_x: str | None  # the recording URL's check value; None = no recording


@dataclass(slots=True)
class PauseRecord:
    ramal_id: int
    start: datetime
    end: datetime | None


def random_number(rng: random.Random) -> str:
    """A Brazilian number as the API shows it: DDD + 9-digit mobile or 8-digit landline."""
    ddd = rng.choice(_DDDS)
    if rng.random() < 0.72:
        return f"{ddd}9{rng.randint(6, 9)}{rng.randint(0, 9_999_999):07d}"
    return f"{ddd}{rng.randint(2, 5)}{rng.randint(0, 9_999_999):07d}"


def strong_password(rng: random.Random) -> str:
    letters = "abcdefghijkmnopqrstuvwxyz"
    word = "".join(rng.choice(letters) for _ in range(5))
    return f"{word.capitalize()}{rng.choice(letters).upper()}{rng.randint(100, 999)}"


def make_ramais(rng: random.Random, anchor: date, extra_agents: int = 0) -> list[RamalRecord]:
    """The demo account: an administrator ramal and agents with varied permissions."""
    created = datetime.combine(anchor - timedelta(days=400), time(9, 30), BRASILIA)
    people = ["ana.souza", "bruno.lima", "carla.mendes", "diego.rocha", "elisa.farias",
              "felipe.costa", "gabriela.nunes", "heitor.alves"]
    out = [
        RamalRecord(id=1001, ramal="1000", login="supervisao@demo.tvdesk.app",
                    senha=strong_password(rng), bina="4830000000",
                    webphone_key=_key(rng), admin=True, tags="supervisao",
                    created_at=created),
    ]
    specs = [
        # (number, overrides)
        ("4000", {"id": 1234}),
        ("4001", {}),
        ("4002", {"ligacao_celular": False, "tags": "cobranca"}),
        ("4003", {"acesso_gravacoes": False}),
        ("4004", {"gravar_audio": False, "acesso_gravacoes": False}),
        ("4005", {"webphone": False, "tags": None}),
        ("4006", {"voicemail": True, "ligacao_externa": False, "ligacao_celular": False}),
        ("4010", {"ura_id": 77, "bina": None}),
    ]
    next_id = 60679
    for i in range(extra_agents):
        specs.append((str(4100 + i), {}))
    for i, (number, overrides) in enumerate(specs):
        person = people[i % len(people)] + ("" if i < len(people) else str(i))
        rec = RamalRecord(
            id=overrides.pop("id", None) or next_id + i * 7,
            ramal=number,
            login=f"{person}@demo.tvdesk.app",
            senha=strong_password(rng),
            bina="4830000000",
            webphone_key=_key(rng),
            created_at=created + timedelta(hours=i * 5, minutes=i * 17),
        )
        for k, v in overrides.items():
            setattr(rec, k, v)
        out.append(rec)
    return out


def _key(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(32))


def make_calls(rng: random.Random, ramal: RamalRecord, anchor: date, count: int, days: int,
               first_id: int) -> list[CallRecord]:
    """``count`` received calls over the ``days`` up to ``anchor`` (inclusive), oldest first.

    Callers repeat (a pool with a long tail), as real customers call back.
    """
    if count <= 0:
        return []
    pool = [random_number(rng) for _ in range(max(20, count // 8))]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(pool))]
    callers = rng.choices(pool, weights=weights, k=count)
    statuses = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS],
                           k=count)
    start = datetime.combine(anchor - timedelta(days=days - 1), time(0, 0), BRASILIA)
    # office hours 08:00-20:00; several calls per day, never two in the same second
    seconds_of_day = 12 * 3600
    slots = sorted(rng.sample(range(days * seconds_of_day), min(count, days * seconds_of_day)))
    calls = []
    for i, slot in enumerate(slots):
        day, sec = divmod(slot, seconds_of_day)
        started = start + timedelta(days=day, seconds=8 * 3600 + sec)
        status = statuses[i]
        answered = status == "atendida"
        seconds = int(rng.lognormvariate(5.0, 0.8)) + 8 if answered else 0
        seconds = min(seconds, 3 * 3600)
        price = "0.00" if not answered or rng.random() < 0.6 else f"{seconds / 60 * 0.09:.2f}"
        caller = callers[i] if rng.random() > 0.004 else ""  # a few withheld numbers
        recording = secrets_token(rng) if answered and ramal.gravar_audio else None
        calls.append(CallRecord(first_id + i, ramal.id, started, caller, status, seconds,
                                price, recording))
    return calls


def secrets_token(rng: random.Random) -> str:
    return f"{rng.getrandbits(40):010x}"


def make_pauses(rng: random.Random, ramal: RamalRecord, anchor: date, days: int,
                now: datetime | None = None) -> list[PauseRecord]:
    """Two to six pauses on each working day (a long lunch among them), oldest first."""
    out: list[PauseRecord] = []
    first = anchor - timedelta(days=days - 1)
    for d in range(days):
        day = first + timedelta(days=d)
        if day.weekday() == 6:  # Sundays off
            continue
        moments = sorted(rng.sample(range(8 * 60, 19 * 60), rng.randint(2, 6)))
        lunch = rng.randrange(len(moments))
        for j, minute in enumerate(moments):
            start = datetime.combine(day, time(0, 0), BRASILIA) + timedelta(
                minutes=minute, seconds=rng.randint(0, 59))
            length = rng.randint(45, 70) * 60 if j == lunch else rng.randint(60, 20 * 60)
            end = start + timedelta(seconds=length)
            if now is not None and end > now:
                continue
            if out and out[-1].end and start < out[-1].end:
                continue  # never overlapping
            out.append(PauseRecord(ramal.id, start, end))
    return out


def new_webphone_key() -> str:
    return secrets.token_hex(16)


__all__ = ["CallRecord", "PauseRecord", "RamalRecord", "hms", "make_calls", "make_pauses",
           "make_ramais", "random_number", "strong_password"]
