"""Report arithmetic, Qt-free: pause time per day, a caller's earlier calls, the order
extensions are listed in (the call log's filter and totals: ``call_log``). The screens
only word the results."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tvdesk.core.models import Pause, PhoneCall, Ramal, ReceivedCall
from tvdesk.core.phone import digits_only


def seconds_per_day(pauses: Iterable[Pause], start: date, end: date) -> OrderedDict[date, int]:
    """Pause time per local day from ``start`` to ``end``, zero for days without pauses.

    A pause is counted on the day it started.
    """
    days: OrderedDict[date, int] = OrderedDict()
    day = start
    while day <= end:
        days[day] = 0
        day += timedelta(days=1)
    for p in pauses:
        local_day = p.start.astimezone().date()
        if local_day in days:
            days[local_day] += p.seconds
    return days


def earlier_calls(number: str, history: Iterable[ReceivedCall]) -> list[ReceivedCall]:
    """The caller's calls in ``history``, newest first, matched on the national number (the
    last ten digits), so ``+55`` and trunk prefixes do not hide a match."""
    digits = digits_only(number)
    if len(digits) < 8:
        return []
    tail = digits[-10:]
    found = [c for c in history if c.caller and digits_only(c.caller).endswith(tail)]
    return sorted(found, key=lambda c: c.started_at, reverse=True)


@dataclass(frozen=True)
class CallerHistory:
    """A caller's earlier calls, newest first: received (the API's rows) and made to them
    (tvdesk's own log)."""

    received: list[ReceivedCall]
    made: list[PhoneCall]

    @property
    def count(self) -> int:
        return len(self.received) + len(self.made)

    def last(self) -> ReceivedCall | PhoneCall | None:
        candidates = [c for c in (self.received[:1] + self.made[:1])]
        return max(candidates, key=lambda c: c.started_at) if candidates else None


def extension_order(ramal: Ramal) -> tuple:
    """How extensions are listed everywhere: by number (shorter first), then by id."""
    return (len(ramal.ramal or ""), ramal.ramal or "", ramal.id)
