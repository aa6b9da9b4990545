"""Report arithmetic, without Qt: the call log's totals and filter over the API's rows, pause
time per day, a caller's earlier calls, the order of extensions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from tvdesk.core.call_log import LogEntry, LogFilter, LogTotals
from tvdesk.core.dates import BRASILIA
from tvdesk.core.models import Pause, Ramal, RamalRef, ReceivedCall
from tvdesk.core.reports import earlier_calls, extension_order, seconds_per_day
from tvdesk.core.vocabulary import CallStatus

DAY = datetime(2026, 10, 30, 9, 0, tzinfo=BRASILIA)


def call(n: int, caller: str | None, status: str, seconds: int, hours: float = 0) -> ReceivedCall:
    return ReceivedCall(id=n, started_at=DAY + timedelta(hours=hours), recording_url=None,
                        caller=caller, status=status, seconds=seconds, duration=None,
                        price=Decimal("0"), ramal=RamalRef(1, "4000", None))


CALLS = [call(1, "48999990001", "atendida", 60, 0), call(2, "48999990001", "não atendida", 0, 1),
         call(3, None, "atendida", 30, 2), call(4, "1133334444", "ocupado", 0, 3),
         call(5, "4833335555", "estranho", 5, 4)]


ENTRIES = [LogEntry.of_received(c) for c in CALLS]


def ids(predicate) -> list[int]:
    return [e.received.id for e in ENTRIES if predicate(e)]


def test_totals_count_talk_time_of_answered_calls_only():
    assert LogTotals.of(ENTRIES) == LogTotals(calls=5, received=5, answered=2, made=0,
                                              talk_seconds=90)
    assert LogTotals.of([]) == LogTotals(0, 0, 0, 0, 0)


def test_filter_by_digits_whatever_the_punctuation_typed():
    assert ids(LogFilter("(48) 99999-0001").predicate()) == [1, 2]
    assert LogFilter("").predicate() is None


def test_filter_by_status_and_by_words():
    assert ids(LogFilter(status=CallStatus.ANSWERED).predicate()) == [1, 3]
    assert ids(LogFilter("priv", private_label="Private number").predicate()) == [3]
    # a status as the combo box gives it back (the plain word) works as well
    assert ids(LogFilter(status="missed").predicate()) == [2]


def test_pause_seconds_per_day_with_empty_days():
    start = DAY - timedelta(days=1)
    pauses = [Pause(DAY, DAY + timedelta(minutes=10), 600, None),
              Pause(DAY + timedelta(hours=3), None, 120, None),
              Pause(DAY - timedelta(days=5), None, 999, None)]  # outside the range
    days = seconds_per_day(pauses, start.date(), date(2026, 10, 31))
    assert list(days.items()) == [(date(2026, 10, 29), 0), (date(2026, 10, 30), 720),
                                  (date(2026, 10, 31), 0)]


def test_earlier_calls_match_the_national_number_newest_first():
    found = earlier_calls("+55 48 99999-0001", CALLS)
    assert [c.id for c in found] == [2, 1]
    assert earlier_calls("4000", CALLS) == []  # an extension is nobody's history
    assert earlier_calls("", CALLS) == []


def test_extensions_are_listed_by_number_shorter_first():
    rows = [Ramal(3, "4000"), Ramal(1, "999"), Ramal(2, "1000"), Ramal(4, None)]
    assert [r.id for r in sorted(rows, key=extension_order)] == [4, 1, 2, 3]
