"""Who to call back: missed calls whose customer was not reached since (no call to or from
the number answered, no "Done"), from the API's rows and the phone's own; a call back
nobody answered keeps the number, counted (issue 21)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from tvdesk.core.dates import BRASILIA
from tvdesk.core.history_store import HistoryStore
from tvdesk.core.models import PhoneCall, RamalRef, ReceivedCall

T0 = datetime(2026, 10, 20, 9, 0, tzinfo=BRASILIA)
ROW = ReceivedCall(id=1, started_at=T0, recording_url=None, caller="48999990001",
                   status="não atendida", seconds=0, duration="00:00:00",
                   price=Decimal("0"), ramal=RamalRef(1234, "4000", "a@b.c"))


def received(n: int, caller: str, minutes: int, status: str = "não atendida") -> ReceivedCall:
    return replace(ROW, id=n, caller=caller, status=status,
                   started_at=T0 + timedelta(minutes=minutes))


def made(number: str, minutes: int, outcome: str = "not_answered") -> PhoneCall:
    return PhoneCall("out", number, T0 + timedelta(minutes=minutes), outcome)


@pytest.fixture
def store(tmp_path):
    s = HistoryStore(tmp_path / "h.sqlite3", tz=BRASILIA)
    yield s
    s.close()


def test_the_call_back_list(store):
    day = T0.date()
    store.save_calls([
        received(1, "48999990001", 0),               # A: missed, called back: no answer
        received(9, "48999990006", 2),               # F: missed, called back: reached
        received(2, "(48) 99999-0002", 5),           # B: missed, then answered from B
        received(3, "48999990002", 20, "atendida"),
        received(4, "+55 48 99999-0003", 10),        # C: missed twice
        received(5, "48999990003", 30, "ocupado"),
        received(6, "48999990005", 40),              # E: missed, still to call back
        received(7, "4001", 45),                     # an extension: never listed
    ], day, day, T0 + timedelta(days=2))
    store.record_phone_call(made("+5548999990001", 15))  # A: nobody answered, twice
    store.record_phone_call(made("+5548999990001", 25))
    store.record_phone_call(made("+5548999990006", 16, "answered"))  # F: reached
    # D: rang on the phone and was missed; the API does not report it (yet)
    store.record_phone_call(PhoneCall("in", "48999990004", T0 + timedelta(minutes=50),
                                      "missed"))
    # E's missed call, also seen ringing on the phone: one call, not two
    store.record_phone_call(PhoneCall("in", "48999990005", T0 + timedelta(minutes=40,
                                                                             seconds=20),
                                      "missed"))
    listed = {c.number[-4:]: c for c in store.to_call_back()}
    assert set(listed) == {"0001", "0003", "0004", "0005"}
    assert listed["0003"].times == 2 and listed["0005"].times == 1
    # the tries that did not reach A: how many, and the last one's time
    assert (listed["0001"].attempts, listed["0001"].last_attempt) == (
        2, T0 + timedelta(minutes=25))
    assert listed["0003"].attempts == 0 and listed["0003"].last_attempt is None
    assert [c.number[-4:] for c in store.to_call_back()] == ["0004", "0005", "0003", "0001"]
    # A answers at last: off the list
    store.record_phone_call(made("48999990001", 35, "answered"))
    assert "0001" not in {c.number[-4:] for c in store.to_call_back()}
    assert listed["0003"].last_missed == T0 + timedelta(minutes=30)
    # "Done" clears one; a new missed call after it brings it back
    store.call_back_done("48 99999-0003", T0 + timedelta(minutes=60))
    assert "0003" not in {c.number[-4:] for c in store.to_call_back()}
    store.save_calls([received(8, "48999990003", 70)], day, day, T0 + timedelta(days=2))
    again = {c.number[-4:]: c for c in store.to_call_back()}
    assert again["0003"].times == 1
    # only what was missed since a given time
    assert [c.number[-4:] for c in store.to_call_back(T0 + timedelta(minutes=45))] == [
        "0003", "0004"]
    # it survives a restart (it is the database)
    path = store.path
    store.close()
    reopened = HistoryStore(path, tz=BRASILIA)
    try:
        assert {c.number[-4:] for c in reopened.to_call_back()} == {"0003", "0004", "0005"}
    finally:
        reopened.close()
