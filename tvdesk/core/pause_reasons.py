"""Why the agent paused, Qt-free: the reasons tvdesk asks for when the agent pauses from it
(kept in the history database), matched to the API's pause rows by time.

The API's pauses carry no reason. tvdesk records one when the webphone confirms a pause it
asked for, with the agent's clock; the API's row starts at about the same moment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from tvdesk.core.models import Pause

#: the list an agent starts with (English: the translation's source text)
DEFAULT_REASONS = ("Lunch", "Break", "Training", "Feedback", "Restroom")
#: a recorded reason and an API pause row this close at their start: the same pause
SAME_PAUSE_SECONDS = 120
MAX_REASONS, MAX_REASON_LENGTH = 20, 40


@dataclass(frozen=True, slots=True)
class PauseReason:
    """A pause the agent began from tvdesk, and why (``end`` None: not over, as far as
    tvdesk saw)."""

    start: datetime
    end: datetime | None
    reason: str


@dataclass(frozen=True, slots=True)
class ReasonedPause:
    """One of the API's pauses with the reason the agent gave for it (None: none given)."""

    pause: Pause
    reason: str | None

    @property
    def start(self) -> datetime:
        return self.pause.start

    @property
    def end(self) -> datetime | None:
        return self.pause.end

    @property
    def seconds(self) -> int:
        return self.pause.seconds


def clean_reasons(texts: Iterable[object]) -> tuple[str, ...]:
    """An edited list as tvdesk keeps it: trimmed, no blanks or repeats, short."""
    out: list[str] = []
    for given in texts:
        if not isinstance(given, str):
            continue
        text = " ".join(given.split())[:MAX_REASON_LENGTH]
        if text and text.casefold() not in {o.casefold() for o in out}:
            out.append(text)
    return tuple(out[:MAX_REASONS])


def with_reasons(pauses: Iterable[Pause], reasons: Sequence[PauseReason]
                 ) -> list[ReasonedPause]:
    """Each pause with its reason: the recorded one that began nearest (within
    ``SAME_PAUSE_SECONDS``); a recorded reason serves one pause only."""
    free = sorted(reasons, key=lambda r: r.start)
    out: list[ReasonedPause] = []
    for pause in sorted(pauses, key=lambda p: p.start):
        best, gap = None, SAME_PAUSE_SECONDS + 1
        for candidate in free:
            distance = abs((candidate.start - pause.start).total_seconds())
            if distance < gap:
                best, gap = candidate, distance
        if best is not None:
            free.remove(best)
        out.append(ReasonedPause(pause, best.reason if best else None))
    return out
