"""The agent's one call log, Qt-free: the calls received (the API's report) and the calls on
the agent's own phone (tvdesk's record: the calls made, which the API never reports, and
calls that rang), as one list of entries; its filter and its totals.

A call that rang on the phone is usually in the API's report too: it is listed once, as the
API has it (with its recording and price); tvdesk's record of it shows only until the API
reports it (a missed call seconds ago, a day offline).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from tvdesk.core.models import PhoneCall, ReceivedCall
from tvdesk.core.phone import digits_only, format_for_display
from tvdesk.core.vocabulary import CallDirection, CallStatus

#: a call on the phone and a row of the API's report, same number: one call when their times
#: overlap, give or take this (the two clocks, the ring before the answer)
SAME_CALL_SECONDS = 120
#: and the API's row may begin this much earlier: the caller waited in a queue first
QUEUE_WAIT_SECONDS = 600


def national(number: str | None) -> str:
    """The national number (the last ten digits): ``+55`` and trunk prefixes aside."""
    return digits_only(number or "")[-10:]


@dataclass(slots=True)
class LogEntry:
    """One call of the log. ``received``: the API's row (recording, price, the vendor's
    status); ``phone``: tvdesk's record (how a made call was started, its talk time).
    Not changed once made (not frozen only because a period holds 10,000 of them, made in
    one go, and a frozen dataclass takes three times as long to make)."""

    direction: CallDirection
    started_at: datetime
    number: str | None        # the other party (None: a withheld number)
    result: CallStatus | None  # None: a vendor status tvdesk does not know (``status``)
    seconds: int              # the call's duration (received) or its talk time (phone)
    status: str | None = None  # the vendor's text, as the API wrote it
    received: ReceivedCall | None = None
    phone: PhoneCall | None = None
    #: identifies the entry across reloads (the API's id, or the database's); made with
    #: the entry, off the GUI thread, as the screens compare 10,000 of them
    key: tuple = ()

    @classmethod
    def of_received(cls, call: ReceivedCall) -> LogEntry:
        return cls(CallDirection.IN, call.started_at, call.caller, CallStatus.of(call.status),
                   call.seconds, call.status, call, None, ("received", call.id))

    @classmethod
    def of_phone(cls, call: PhoneCall) -> LogEntry:
        return cls(CallDirection(call.direction), call.started_at, call.number or None,
                   CallStatus.of_phone(call.outcome), call.talk_seconds, call.outcome,
                   None, call, ("phone", call.local_id, call.started_at))

    @property
    def caller(self) -> str | None:
        """The other party's number (the API's word for it; for a made call, the number
        dialled)."""
        return self.number

    @property
    def answered(self) -> bool:
        return self.result is CallStatus.ANSWERED

    @property
    def recording_url(self) -> str | None:
        return self.received.recording_url if self.received else None

    @property
    def has_recording(self) -> bool:
        return bool(self.recording_url)

    @property
    def price(self) -> Decimal | None:
        return self.received.price if self.received else None

    @property
    def origin(self) -> str | None:
        return self.phone.origin if self.phone else None


def call_log(received: Iterable[ReceivedCall], phone: Iterable[PhoneCall]) -> list[LogEntry]:
    """One list: every received call, every call made, and the calls that rang on the phone
    that the API has not reported (yet). A call both have is one entry: the API's row
    (recording, price), with tvdesk's record beside it (a rejection is tvdesk's word: the
    API says only "not answered"). Not sorted."""
    received = list(received)
    phone = list(phone)
    matched = match_calls(received, phone) if any(
        call.direction == CallDirection.IN for call in phone) else {}
    by_row = {id(row): call for call, row in matched.items()}
    entries = []
    for row in received:
        entry = LogEntry.of_received(row)
        own = by_row.get(id(row))
        if own is not None:
            entry.phone = own
            if own.outcome == CallStatus.REJECTED and not entry.answered:
                entry.result = CallStatus.REJECTED
        entries.append(entry)
    entries.extend(LogEntry.of_phone(call) for call in phone if call not in matched)
    return entries


def in_report(call: PhoneCall, received: Iterable[ReceivedCall]) -> bool:
    """Whether the API's report has this call of the phone (see :func:`match_calls`)."""
    return call in match_calls(list(received), [call])


def match_calls(received: list[ReceivedCall], phone: list[PhoneCall]
                ) -> dict[PhoneCall, ReceivedCall]:
    """Which API row is which call that rang on the phone, one to one: the same call id
    where the phone heard one, else the same national number with times that overlap (the
    API's row may begin up to :data:`QUEUE_WAIT_SECONDS` earlier, for a queue wait; either
    clock :data:`SAME_CALL_SECONDS` off), the nearest start first. A 17-minute call is one
    call, whichever end of it the report's time stamps."""
    by_id = {str(row.id): row for row in received}
    by_number: dict[str, list[tuple[float, float, ReceivedCall]]] = defaultdict(list)
    for row in received:
        if row.caller:
            start = row.started_at.timestamp()
            by_number[national(row.caller)].append((start, start + max(0, row.seconds), row))
    taken: set[int] = set()
    out: dict[PhoneCall, ReceivedCall] = {}
    rung = sorted((c for c in phone if c.direction == CallDirection.IN),
                  key=lambda c: c.started_at)
    for call in rung:  # by id first: a number-and-time guess never takes another's row
        row = by_id.get(str(call.chamada_id)) if call.chamada_id else None
        if row is not None and id(row) not in taken and \
                national(row.caller) == national(call.number):
            taken.add(id(row))
            out[call] = row
    for call in rung:
        if call in out:
            continue
        ps = call.started_at.timestamp()
        pe = ps + max(0, call.talk_seconds)
        best, best_gap = None, None
        for start, end, row in by_number.get(national(call.number), ()):
            if id(row) in taken:
                continue
            if start <= pe + SAME_CALL_SECONDS and \
                    ps - QUEUE_WAIT_SECONDS - SAME_CALL_SECONDS <= end + SAME_CALL_SECONDS:
                gap = abs(start - ps)
                if best_gap is None or gap < best_gap:
                    best, best_gap = row, gap
        if best is not None:
            taken.add(id(best))
            out[call] = best
    return out


@dataclass(frozen=True)
class LogFilter:
    """What the agent typed in the search box and picked in the filters.

    Digits match anywhere in the number, whatever the punctuation typed; other text matches
    the number as shown, or ``private_label`` for a withheld one.
    """

    text: str = ""
    status: CallStatus | None = None
    direction: CallDirection | None = None
    private_label: str = ""

    def predicate(self) -> Callable[[LogEntry], bool] | None:
        """The test for one entry; None when nothing is filtered."""
        digits = digits_only(self.text)
        words = self.text.strip().lower()
        status, direction = self.status, self.direction
        private = self.private_label.lower()
        if not words and not status and not direction:
            return None

        def accept(entry: LogEntry) -> bool:
            if direction and entry.direction != direction:
                return False
            if status and entry.result != status:
                return False
            if not words:
                return True
            if digits:
                return digits in digits_only(entry.number or "")
            shown = format_for_display(entry.number) if entry.number else private
            return words in shown.lower()

        return accept


@dataclass(frozen=True)
class LogTotals:
    calls: int
    received: int
    answered: int      # received and answered
    made: int
    talk_seconds: int  # of every answered call, both ways

    @classmethod
    def of(cls, entries: Iterable[LogEntry]) -> LogTotals:
        calls = received = answered = made = talk = 0
        for e in entries:
            calls += 1
            if e.direction == CallDirection.IN:
                received += 1
                answered += e.answered
            else:
                made += 1
            if e.answered:
                talk += e.seconds
        return cls(calls, received, answered, made, talk)
