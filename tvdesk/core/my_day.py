"""The agent's figures for a day (or any period), Qt-free: calls received, answered and
missed, the answer rate, talk time, calls made, pause time by reason, calls per hour.
Computed from the call log (``call_log``) and the pauses with their reasons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo

from tvdesk.core.call_log import LogEntry
from tvdesk.core.pause_reasons import ReasonedPause
from tvdesk.core.vocabulary import CallDirection


@dataclass(frozen=True)
class DayFigures:
    received: int
    answered: int           # received calls answered
    missed: int             # received calls not answered (missed, rejected, busy, …)
    made: int
    made_answered: int
    talk_seconds: int       # every answered call, both ways
    pause_seconds: int
    pauses: int
    pause_by_reason: list[tuple[str | None, int]]  # most time first; None: no reason given
    per_hour: list[tuple[int, int, int]]            # (hour 0-23, received, made)

    @property
    def answer_rate(self) -> float | None:
        """Answered over received (None: nothing received)."""
        return self.answered / self.received if self.received else None

    @property
    def talks(self) -> int:
        return self.answered + self.made_answered

    @property
    def average_talk_seconds(self) -> int | None:
        return round(self.talk_seconds / self.talks) if self.talks else None

    def busiest_hours(self) -> list[tuple[int, int, int]]:
        """The hours from the first to the last with a call (all 24 when there is none)."""
        used = [h for h, r, m in self.per_hour if r or m]
        if not used:
            return []
        return [row for row in self.per_hour if used[0] <= row[0] <= used[-1]]


def day_figures(entries: Iterable[LogEntry], pauses: Iterable[ReasonedPause],
                tz: tzinfo | None = None) -> DayFigures:
    """The figures of ``entries`` and ``pauses``; hours in ``tz`` (None: this machine's)."""
    received = answered = made = made_answered = talk = 0
    inbound, outbound = Counter(), Counter()
    for e in entries:
        hour = e.started_at.astimezone(tz).hour
        if e.direction == CallDirection.IN:
            received += 1
            answered += e.answered
            inbound[hour] += 1
        else:
            made += 1
            made_answered += e.answered
            outbound[hour] += 1
        if e.answered:
            talk += e.seconds
    by_reason: Counter = Counter()
    count = total = 0
    for p in pauses:
        count += 1
        total += p.seconds
        by_reason[p.reason] += p.seconds
    return DayFigures(
        received=received, answered=answered, missed=received - answered, made=made,
        made_answered=made_answered, talk_seconds=talk, pause_seconds=total, pauses=count,
        pause_by_reason=sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0] or "")),
        per_hour=[(h, inbound[h], outbound[h]) for h in range(24)])
