"""The domain's objects: an extension, a pause, a received call, a report page.

Plain dataclasses, frozen but for the one made by the ten thousand; what turns the API's
JSON into them (and every quirk it accepts) is ``tvdesk.core.api.parse``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

# Fields of the seed's ramal object that PUT/POST accept, in the seed's order.
RAMAL_WRITABLE_FIELDS = (
    "ramal",
    "login",
    "senha",
    "bina",
    "ligacao_externa",
    "ligacao_celular",
    "gravar_audio",
    "acesso_gravacoes",
    "webphone",
    "ura_id",
    "voicemail",
)


@dataclass(frozen=True, slots=True)
class Ramal:
    """An extension. ``senha`` and ``webphone_key`` are credentials: kept out of repr."""

    id: int
    ramal: str | None
    login: str | None = None
    senha: str | None = field(default=None, repr=False)
    bina: str | None = None
    webphone_key: str | None = field(default=None, repr=False)
    ligacao_externa: bool = False
    ligacao_celular: bool = False
    gravar_audio: bool = False
    acesso_gravacoes: bool = False
    webphone: bool = False
    ura_id: int | None = None
    voicemail: bool = False
    tags: str | None = None


@dataclass(frozen=True, slots=True)
class RamalRef:
    """The short ramal object nested in a received call."""

    id: int | None
    ramal: str | None
    login: str | None


@dataclass(frozen=True, slots=True)
class Pause:
    """One pause. ``end`` is None while the pause is still running."""

    start: datetime
    end: datetime | None
    seconds: int
    duration: str | None

    @property
    def key(self) -> tuple:
        """Pauses have no id: start time identifies one for de-duplication across pages."""
        return (self.start, self.end, self.seconds)


@dataclass(frozen=True, slots=True)
class PhoneCall:
    """A call on the agent's own phone, as tvdesk saw it (the API reports none of the calls
    the agent makes): kept in the history database."""

    direction: str        # "in" or "out"
    number: str
    started_at: datetime  # when it was dialled, or began to ring
    outcome: str          # "answered"; in: "missed", "rejected"; out: "not_answered"
    talk_seconds: int = 0
    origin: str | None = None      # out: how it was started (a DialOrigin)
    chamada_id: str | None = None
    local_id: int | None = None    # the database's
    called_back: bool = False      # a missed call the agent dealt with


@dataclass(frozen=True, slots=True)
class CallBack:
    """A number to call back: it called and was not answered, and the customer was not
    reached since (no call to or from it answered, no "Done")."""

    number: str             # as the last missed call had it
    last_missed: datetime
    times: int              # missed calls from it since it was last dealt with
    attempts: int = 0       # calls made to it since, that nobody answered
    last_attempt: datetime | None = None


@dataclass(slots=True, unsafe_hash=True)
class ReceivedCall:
    """A call received by a ramal (``GET /ramal/{id}/relatorio``). Read-only by convention,
    not frozen: a period brings 10,000 of them (from the API or the history database) and
    a frozen dataclass takes eight times as long to make (1.9 µs against 0.24 µs)."""

    id: int
    started_at: datetime
    recording_url: str | None = field(repr=False)
    caller: str | None
    status: str | None
    seconds: int
    duration: str | None
    price: Decimal
    ramal: RamalRef

    @property
    def key(self) -> int:
        return self.id

    @property
    def has_recording(self) -> bool:
        return bool(self.recording_url)


@dataclass(frozen=True, slots=True)
class ReportPage:
    """One page of any report: ``rows`` parsed, plus the paging fields the server echoed."""

    rows: list[Any]
    total: int | None
    posicao: int | None
    limite: int | None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PauseReport:
    """A ramal's pauses over a period with the server's totals."""

    ramal: str | None
    total: int
    total_seconds: int
    total_duration: str | None
    pauses: list[Pause]


@dataclass(frozen=True, slots=True)
class ReceivedCallsReport:
    """Every call a ramal received over a period."""

    total: int
    calls: list[ReceivedCall]
