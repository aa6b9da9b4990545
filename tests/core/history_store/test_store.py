"""The local history database: real rows from the simulator's API, stored, read back,
kept safe through crashes, corruption, old versions, retention and "forget"."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime, timedelta

import pytest

from tests.helpers.simulator import AGENT, AGENT_ID, ANCHOR, TOKEN
from tvdesk.core.dates import BRASILIA
from tvdesk.core.history_store import HistoryStore, store_path
from tvdesk.core.history_store.schema import V1, VERSION

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
FIRST, LAST = ANCHOR - timedelta(days=13), ANCHOR  # two weeks of the simulator's account
AFTER = datetime(2026, 11, 2, 12, 0, tzinfo=BRASILIA)  # every one of those days is over


@pytest.fixture
def store(tmp_path):
    s = HistoryStore(tmp_path / "h.sqlite3", tz=BRASILIA)
    yield s
    s.close()


@pytest.fixture
def api(client):
    return {"calls": client.received_calls(AGENT_ID, FIRST, LAST).calls,
            "pauses": client.pauses(AGENT_ID, FIRST, LAST).pauses}


def test_what_the_api_reported_reads_back_the_same(store, api):
    store.save_calls(api["calls"], FIRST, LAST, AFTER)
    store.save_pauses(api["pauses"], FIRST, LAST, AFTER)
    assert api["calls"] and api["pauses"]
    assert store.calls(FIRST, LAST) == sorted(api["calls"], key=lambda c: (c.started_at, c.id))
    assert store.pauses(FIRST, LAST) == sorted(api["pauses"], key=lambda p: p.start)
    one_day = store.calls(LAST, LAST)
    assert one_day and all(c.started_at.astimezone(BRASILIA).date() == LAST for c in one_day)
    # merged by id: the same rows again change nothing
    store.save_calls(api["calls"], FIRST, LAST, AFTER)
    assert len(store.calls(FIRST, LAST)) == len(api["calls"])


def test_complete_days_are_never_fetched_again_and_gaps_and_today_are(store, api):
    middle = FIRST + timedelta(days=5)
    store.save_calls([c for c in api["calls"]
                      if c.started_at.astimezone(BRASILIA).date() < middle],
                     FIRST, middle - timedelta(days=1), AFTER)
    today = LAST
    # fetched during the last day itself: that day is not complete yet
    during = datetime.combine(today, datetime.min.time(), BRASILIA) + timedelta(hours=15)
    store.save_calls([c for c in api["calls"]
                      if c.started_at.astimezone(BRASILIA).date() == today],
                     today, today, during)
    ranges = store.missing_ranges("calls", FIRST, LAST, today)
    assert ranges == [(middle, today)]  # the gap, and today (fetched, not complete)
    # a day fetched only in the grace hours after it ended is not complete either
    grace = datetime.combine(today + timedelta(days=1), datetime.min.time(), BRASILIA) + \
        timedelta(hours=1)
    store.save_calls([], today, today, grace)
    assert store.missing_ranges("calls", today, today, today) == [(today, today)]
    store.save_calls([], today, today, AFTER + timedelta(days=1))
    assert store.missing_ranges("calls", today, today, today + timedelta(days=1)) == []
    # nothing after today is ever asked for
    assert store.missing_ranges("pauses", today, today + timedelta(days=9), today) == [
        (today, today)]


def test_a_kill_mid_sync_loses_nothing_already_stored(tmp_path, sim):
    """A real crash: the process is killed while it saves a big range."""
    path = tmp_path / "h.sqlite3"
    code = textwrap.dedent(f"""
        import sys, copy
        from datetime import date, datetime, timedelta
        from dataclasses import replace
        sys.path.insert(0, {ROOT!r})
        from tests.helpers.simulator import make_client
        from tvdesk.core.dates import BRASILIA
        from tvdesk.core.history_store import HistoryStore
        from tvdesk.simulator import Simulator
        store = HistoryStore({str(path)!r}, tz=BRASILIA)
        after = datetime(2026, 12, 1, tzinfo=BRASILIA)
        from tvdesk.core.api import TotalVoiceClient
        client = TotalVoiceClient({TOKEN!r}, {sim.base_url!r})
        calls = client.received_calls({AGENT_ID}, date(2026, 10, 1), date(2026, 10, 10)).calls
        store.save_calls(calls, date(2026, 10, 1), date(2026, 10, 10), after)
        print(len(calls), flush=True)
        many = [replace(calls[i % len(calls)], id=10_000_000 + i) for i in range(300_000)]
        print("saving", flush=True)
        store.save_calls(many, date(2026, 10, 11), date(2026, 10, 20), after)
        print("saved", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    first = int(proc.stdout.readline())
    assert proc.stdout.readline().strip() == "saving"
    wal = tmp_path / "h.sqlite3-wal"
    start = wal.stat().st_size if wal.exists() else 0
    deadline = time.monotonic() + 60
    # the transaction spills its pages to the write-ahead log long before it commits
    while (not wal.exists() or wal.stat().st_size < start + 8_000_000) and \
            proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert "saved" not in proc.stdout.read(), "the save ended before the kill: no test"
    store = HistoryStore(path, tz=BRASILIA)
    try:
        kept = store.calls(date(2026, 10, 1), date(2026, 10, 20))
        marked = store.complete_days("calls", date(2026, 10, 11), date(2026, 10, 20))
        assert store.recovered is None
        # killed mid-transaction: the first range intact, nothing of the second, and
        # none of its days marked complete
        assert len(kept) == first and marked == set()
        assert len(store.complete_days("calls", date(2026, 10, 1), date(2026, 10, 10))) == 10
    finally:
        store.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "newer"])
def test_an_unreadable_file_is_moved_aside_and_a_new_one_started(tmp_path, api, damage):
    path = tmp_path / "h.sqlite3"
    s = HistoryStore(path, tz=BRASILIA)
    s.save_calls(api["calls"], FIRST, LAST, AFTER)
    s.close()
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 500)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[:100] + b"\0" * 4000 + data[4100:6000])
    else:  # written by a newer tvdesk
        db = sqlite3.connect(path)
        db.execute("PRAGMA user_version = 99")
        db.commit()
        db.close()
    s = HistoryStore(path, tz=BRASILIA)
    try:
        assert s.recovered is not None and s.recovered.exists()
        assert s.calls(FIRST, LAST) == []  # the API refills it
        s.save_calls(api["calls"][:3], FIRST, LAST, AFTER)
        assert len(s.calls(FIRST, LAST)) == 3
    finally:
        s.close()


def test_a_database_of_the_previous_version_is_migrated_with_its_data(tmp_path, api):
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(V1 + "PRAGMA user_version = 1;")
    call = api["calls"][0]
    db.execute("INSERT INTO received_calls (id, started_ts, started_at, day, caller, "
               "caller_digits, status, seconds, duration, price, recording_url, ramal_id, "
               "ramal, ramal_login) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (call.id, int(call.started_at.timestamp()), call.started_at.isoformat(),
                call.started_at.astimezone(BRASILIA).date().isoformat(), call.caller,
                "".join(ch for ch in call.caller or "" if ch.isdigit()), call.status,
                call.seconds, call.duration, str(call.price), call.recording_url,
                call.ramal.id, call.ramal.ramal, call.ramal.login))
    db.commit()
    db.close()
    s = HistoryStore(path, tz=BRASILIA)
    try:
        assert s.recovered is None
        day = call.started_at.astimezone(BRASILIA).date()
        assert s.calls(day, day) == [call]
        version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
        assert version == VERSION == 3
        # the number index (version 3) holds the rows from before it existed
        digits = "".join(ch for ch in call.caller or "" if ch.isdigit())
        assert [e.received for e in s.search_log(digits[-7:-2])] == [call]
    finally:
        s.close()


def test_the_number_index_follows_every_change_and_matches_a_scan(store, api):
    """Search through the FTS5 index gives what a scan of every row gives: after saves,
    a changed row (merged by id), retention and new calls of the phone."""
    from dataclasses import replace

    from tvdesk.core.history_store.schema import has_number_index
    from tvdesk.core.models import PhoneCall

    assert has_number_index(store._reader)  # this SQLite has FTS5: the index is used
    calls = api["calls"]
    store.save_calls(calls, FIRST, LAST, AFTER)
    moved = replace(calls[0], caller="21987650000")  # the API corrected a caller
    store.save_calls([moved], FIRST, FIRST, AFTER)
    store.record_phone_call(PhoneCall("out", "+55 21 98765-0000", AFTER, "answered", 5))
    store.apply_retention(10, LAST)  # the first days go

    def scanned(wanted: str) -> set:
        rows = store.calls(FIRST - timedelta(days=400), LAST)
        found = {("received", c.id) for c in rows if wanted in (c.caller or "")}
        found |= {("phone", c.local_id, c.started_at) for c in
                  store.phone_calls(FIRST - timedelta(days=400), LAST + timedelta(days=400))
                  if wanted in "".join(ch for ch in c.number if ch.isdigit())}
        return found

    for c in calls[:40:4]:
        for wanted in ((c.caller or "")[-8:-3], (c.caller or "")[:4]):
            if len(wanted) >= 3:
                assert {e.key for e in store.search_log(wanted)} == scanned(wanted), wanted
    assert {e.key for e in store.search_log("98765000")} == scanned("98765000")
    assert len(store.search_log("98765000")) == (2 if moved.started_at.astimezone(
        BRASILIA).date() >= LAST - timedelta(days=10) else 1)
    store.forget()
    assert store.search_log("98765000") == []


def test_the_file_is_the_users_alone_and_holds_no_token_or_webphone_key(tmp_path, client,
                                                                        sim, api):
    path = store_path(tmp_path, sim.base_url, AGENT)
    assert path.parent.name == "history" and AGENT in path.name
    s = HistoryStore(path, tz=BRASILIA)
    s.save_calls(api["calls"], FIRST, LAST, AFTER)
    s.save_pauses(api["pauses"], FIRST, LAST, AFTER)
    client.webphone_url(ramal=AGENT)  # the key exists on the account
    key = sim.store.ramais[AGENT_ID].webphone_key
    everything = b"".join(p.read_bytes() for p in path.parent.iterdir())
    s.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert TOKEN.encode() not in everything and key.encode() not in everything


def test_search_spans_all_stored_history_and_retention_and_forget(store, api):
    store.save_calls(api["calls"], FIRST, LAST, AFTER)
    store.save_pauses(api["pauses"], FIRST, LAST, AFTER)
    caller = next(c.caller for c in api["calls"] if c.caller)
    digits = "".join(ch for ch in caller if ch.isdigit())
    found = [e.received for e in store.search_log(digits[-6:])]
    assert found and all(digits[-6:] in "".join(ch for ch in c.caller if ch.isdigit())
                         for c in found)
    assert [c.started_at for c in found] == sorted((c.started_at for c in found), reverse=True)
    store.apply_retention(7, LAST)  # keep a week
    kept = store.calls(FIRST, LAST)
    assert kept and min(c.started_at.astimezone(BRASILIA).date() for c in kept) >= \
        LAST - timedelta(days=7)
    assert store.complete_days("calls", FIRST, LAST - timedelta(days=8)) == set()
    store.forget()
    assert store.calls(FIRST, LAST) == [] and store.pauses(FIRST, LAST) == []
    assert store.search_log(digits) == []


def test_the_days_of_a_store_follow_the_reports_zone(tmp_path, api):
    del api
    s = HistoryStore(tmp_path / "h.sqlite3", tz=BRASILIA)
    try:
        assert s.missing_ranges("calls", date(2026, 10, 1), date(2026, 10, 3),
                                date(2026, 10, 2)) == [(date(2026, 10, 1), date(2026, 10, 2))]
    finally:
        s.close()
