"""The one call log from the history database: received (the API's) and made (tvdesk's)
together, a call that rang listed once, search across all stored history; pause reasons
matched to the API's rows; the figures of "my day"."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from tvdesk.core.call_log import LogEntry, LogFilter, LogTotals, call_log
from tvdesk.core.dates import BRASILIA
from tvdesk.core.history_store import HistoryStore
from tvdesk.core.models import Pause, PhoneCall, RamalRef, ReceivedCall
from tvdesk.core.my_day import day_figures
from tvdesk.core.pause_reasons import PauseReason, clean_reasons, with_reasons
from tvdesk.core.vocabulary import CallDirection, CallStatus

T0 = datetime(2026, 10, 20, 9, 0, tzinfo=BRASILIA)
ROW = ReceivedCall(id=1, started_at=T0, recording_url="https://rec/1.mp3", caller="48999990001",
                   status="atendida", seconds=60, duration="00:01:00",
                   price=Decimal("0.12"), ramal=RamalRef(1234, "4000", "a@b.c"))


def received(n: int, caller: str | None, minutes: int, status: str = "atendida",
             seconds: int = 60) -> ReceivedCall:
    return replace(ROW, id=n, caller=caller, status=status, seconds=seconds,
                   started_at=T0 + timedelta(minutes=minutes))


def phone(direction: str, number: str, minutes: float, outcome: str, talk: int = 0,
          origin: str | None = None) -> PhoneCall:
    return PhoneCall(direction, number, T0 + timedelta(minutes=minutes), outcome, talk, origin)


@pytest.fixture
def store(tmp_path):
    s = HistoryStore(tmp_path / "h.sqlite3", tz=BRASILIA)
    yield s
    s.close()


def test_received_and_made_in_one_log_and_a_rung_call_listed_once(store):
    day = T0.date()
    store.save_calls([received(1, "48999990001", 0), received(2, None, 10, "não atendida", 0)],
                     day, day, T0 + timedelta(days=2))
    for call in (phone("out", "+5548988887777", 5, "answered", 42, "dial_box"),
                 phone("out", "4001", 6, "not_answered", 0, "link"),
                 # the API's call 1, as the phone saw it ring a second later: not twice
                 phone("in", "+5548999990001", 0.02, "answered", 58),
                 # rang, rejected, not in the API's report (yet): listed from the phone
                 phone("in", "48977776666", 30, "rejected")):
        store.record_phone_call(call)
    log = sorted(store.call_log(day, day), key=lambda e: e.started_at)
    assert [(e.direction, e.number, e.result) for e in log] == [
        (CallDirection.IN, "48999990001", CallStatus.ANSWERED),
        (CallDirection.OUT, "+5548988887777", CallStatus.ANSWERED),
        (CallDirection.OUT, "4001", CallStatus.NOT_ANSWERED),
        (CallDirection.IN, None, CallStatus.MISSED),
        (CallDirection.IN, "48977776666", CallStatus.REJECTED)]
    first, made = log[0], log[1]
    assert first.has_recording and first.price == Decimal("0.12") and first.received.id == 1
    assert not made.has_recording and made.price is None
    assert made.seconds == 42 and made.origin == "dial_box"
    assert len({e.key for e in log}) == 5
    # the next day holds none of them
    assert store.call_log(day + timedelta(days=1), day + timedelta(days=1)) == []

    totals = LogTotals.of(log)
    assert (totals.calls, totals.received, totals.answered, totals.made,
            totals.talk_seconds) == (5, 3, 1, 2, 60 + 42)
    # filters: direction, result, digits whatever the punctuation, a withheld number
    def shown(f: LogFilter) -> list:
        p = f.predicate()
        return [e.number for e in log if p(e)]
    assert shown(LogFilter(direction=CallDirection.OUT)) == ["+5548988887777", "4001"]
    assert shown(LogFilter(status=CallStatus.REJECTED)) == ["48977776666"]
    assert shown(LogFilter(text="(48) 98888")) == ["+5548988887777"]
    assert shown(LogFilter(text="priv", private_label="Private number")) == [None]
    assert LogFilter().predicate() is None


def test_search_spans_every_stored_day_both_ways_newest_first(store):
    old = T0.date() - timedelta(days=90)
    store.save_calls([replace(received(7, "11955554444", 0),
                              started_at=T0 - timedelta(days=90))], old, old, T0)
    store.save_calls([received(8, "11955554444", 0, "não atendida", 0),
                      received(9, "21911112222", 1)], T0.date(), T0.date(), T0 + timedelta(2))
    store.record_phone_call(phone("out", "+55 11 95555-4444", 20, "answered", 10))
    found = store.search_log("955554")
    assert [(e.direction, e.started_at.date()) for e in found] == [
        (CallDirection.OUT, T0.date()), (CallDirection.IN, T0.date()),
        (CallDirection.IN, old)]
    assert store.search_log("") == [] and store.search_log("abc") == []
    assert [e.number for e in store.search_log("2222")] == ["21911112222"]


def test_pause_reasons_are_kept_and_matched_to_the_apis_rows_by_time(store):
    lunch = T0 + timedelta(hours=3)
    store.pause_began(lunch, "Almoço")
    store.pause_ended(lunch, lunch + timedelta(minutes=58))
    store.pause_began(T0 + timedelta(hours=6), "Treinamento")  # not over, as tvdesk saw
    reasons = store.pause_reasons(T0.date(), T0.date())
    assert [(r.reason, r.end is not None) for r in reasons] == [("Almoço", True),
                                                                 ("Treinamento", False)]
    assert store.pause_reasons(T0.date() + timedelta(1), T0.date() + timedelta(1)) == []
    api = [Pause(T0 + timedelta(hours=1), T0 + timedelta(hours=1, minutes=5), 300, None),
           # the API's clock a little off the agent's
           Pause(lunch + timedelta(seconds=40), lunch + timedelta(minutes=59), 3500, None),
           Pause(T0 + timedelta(hours=6, seconds=-30), None, 600, None)]
    labelled = with_reasons(api, reasons)
    assert [p.reason for p in labelled] == [None, "Almoço", "Treinamento"]
    # a reason serves one pause: two pauses near it, the nearer one gets it
    twice = [Pause(lunch + timedelta(seconds=90), None, 10, None),
             Pause(lunch + timedelta(seconds=5), None, 10, None)]
    assert [p.reason for p in with_reasons(twice, reasons)] == ["Almoço", None]
    # the forgotten history takes the reasons too
    store.forget()
    assert store.pause_reasons(T0.date(), T0.date()) == []


def test_an_edited_list_of_reasons_is_cleaned():
    assert clean_reasons(["  Almoço ", "almoço", "", 3, "Café  da   manhã", "x" * 80]) == (
        "Almoço", "Café da manhã", "x" * 40)
    assert len(clean_reasons(str(n) for n in range(50))) == 20


def test_the_figures_of_a_day():
    log = call_log([received(1, "48999990001", 0, seconds=100),
                    received(2, "48999990002", 70, "não atendida", 0),
                    received(3, "48999990003", 75, seconds=50),
                    received(4, None, 200, "ocupado", 0)],
                   [phone("out", "4001", 5, "answered", 30),
                    phone("out", "4002", 80, "not_answered")])
    pauses = with_reasons(
        [Pause(T0, None, 600, None), Pause(T0 + timedelta(hours=2), None, 3600, None),
         Pause(T0 + timedelta(hours=4), None, 300, None)],
        [PauseReason(T0 + timedelta(hours=2), None, "Almoço"),
         PauseReason(T0 + timedelta(hours=4), None, "Café")])
    f = day_figures(log, pauses, BRASILIA)
    assert (f.received, f.answered, f.missed, f.made, f.made_answered) == (4, 2, 2, 2, 1)
    assert f.answer_rate == 0.5 and f.talk_seconds == 180 and f.average_talk_seconds == 60
    assert (f.pauses, f.pause_seconds) == (3, 4500)
    assert f.pause_by_reason == [("Almoço", 3600), (None, 600), ("Café", 300)]
    per_hour = {h: (r, m) for h, r, m in f.per_hour}
    assert per_hour[9] == (1, 1) and per_hour[10] == (2, 1) and per_hour[12] == (1, 0)
    assert sum(r for r, _ in per_hour.values()) == 4
    assert [h for h, _, _ in f.busiest_hours()] == [9, 10, 11, 12]
    empty = day_figures([], [])
    assert empty.answer_rate is None and empty.average_talk_seconds is None
    assert empty.busiest_hours() == []


def test_an_entry_of_the_api_keeps_the_vendors_unknown_status():
    entry = LogEntry.of_received(received(5, "48999990001", 0, "transbordada"))
    assert entry.result is None and entry.status == "transbordada"


def test_a_long_call_is_one_call_whichever_end_the_report_stamps():
    """17 minutes: the phone's record begins when it rang; the API's row at the call's
    start (as data_inicio says), after a queue wait, or (an older simulator) at its end."""
    talk = 17 * 60
    rung = phone("in", "+5548999990001", 0, "answered", talk)
    for minutes in (0, -4, 17.1):  # the start; 4 minutes of queue before it rang; the end
        row = received(9, "48999990001", 0, seconds=talk + 5)
        row = replace(row, started_at=T0 + timedelta(minutes=minutes))
        log = call_log([row], [rung])
        assert len(log) == 1 and log[0].received is row and log[0].phone == rung, minutes
        assert LogTotals.of(log).talk_seconds == talk + 5  # counted once
        assert day_figures(log, []).answered == 1


def test_calls_are_matched_one_to_one_by_call_id_first():
    # the same caller twice in five minutes: each row is its own call
    first = phone("in", "48999990001", 0, "missed")
    second = phone("in", "48999990001", 5, "answered", 60)
    rows = [received(1, "48999990001", 0, "não atendida", 0),
            received(2, "48999990001", 5, seconds=62)]
    log = call_log(rows, [first, second])
    assert sorted((e.received.id, e.phone.outcome) for e in log) == [
        (1, "missed"), (2, "answered")]
    # the call id the phone heard decides, whatever the times say
    by_id = replace(second, chamada_id="1")
    log = call_log(rows, [by_id])
    assert [(e.received.id, e.phone is not None) for e in log] == [(1, True), (2, False)]
    # another caller's row is never the same call
    assert len(call_log([received(3, "48911112222", 0)], [first])) == 2


def test_a_rejected_call_is_logged_as_rejected():
    """The API says only "not answered"; the phone heard the agent decline it."""
    rejected = phone("in", "48999990001", 0, "rejected")
    log = call_log([received(1, "48999990001", 0, "não atendida", 0)], [rejected])
    assert [(e.result, e.received.id) for e in log] == [(CallStatus.REJECTED, 1)]
    assert not log[0].answered
