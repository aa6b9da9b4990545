"""Report arithmetic, Qt-free: call totals, the calls filter, pause time per day, a caller's
earlier calls, the order extensions are listed in. The screens only word the results."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tvdesk.core.models import Pause, PhoneCall, Ramal, ReceivedCall
from tvdesk.core.phone import digits_only, format_for_display
from tvdesk.core.vocabulary import CallStatus


@dataclass(frozen=True)
class CallTotals:
    calls: int
    answered: int
    talk_seconds: int  # of the answered calls

    @classmethod
    def of(cls, calls: Iterable[ReceivedCall]) -> CallTotals:
        count = answered = talk = 0
        for c in calls:
            count += 1
            if CallStatus.of(c.status) is CallStatus.ANSWERED:
                answered += 1
                talk += c.seconds
        return cls(count, answered, talk)


@dataclass(frozen=True)
class CallsFilter:
    """What the agent typed in the search box and picked in the status filter.

    Digits match anywhere in the caller's number, whatever the punctuation typed; other text
    matches the number as shown, or ``private_label`` for a withheld one.
    """

    text: str = ""
    status: CallStatus | None = None
    private_label: str = ""

    def predicate(self) -> Callable[[ReceivedCall], bool] | None:
        """The test for one call; None when nothing is filtered."""
        digits = digits_only(self.text)
        words = self.text.strip().lower()
        status = self.status
        private = self.private_label.lower()
        if not words and not status:
            return None

        def accept(call: ReceivedCall) -> bool:
            if status and CallStatus.of(call.status) != status:
                return False
            if not words:
                return True
            if digits:
                return digits in digits_only(call.caller or "")
            shown = format_for_display(call.caller) if call.caller else private
            return words in shown.lower()

        return accept


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
