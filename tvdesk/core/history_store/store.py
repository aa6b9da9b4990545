"""The history database: one SQLite file per API host and extension, under the platform's
data folder, readable by the user alone (0600). WAL mode: readers never wait for a sync.

It holds what the API reports (received calls by id, pauses by day) and which days are
complete (``days.py``). A crash or a cancel mid-sync loses nothing already stored: each
fetched range is saved in one transaction, rows and "day complete" marks together. A file
that cannot be read (corrupt, not a database, written by a newer tvdesk) is moved aside
and a new one started (``recovered`` says where the old one went); the API refills it.
No token, webphone URL or key is ever written here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path

from tvdesk.core.call_log import QUEUE_WAIT_SECONDS, SAME_CALL_SECONDS, LogEntry, call_log
from tvdesk.core.dates import parse_api_datetime
from tvdesk.core.history_store import days as day_rules
from tvdesk.core.history_store.schema import has_number_index, migrate
from tvdesk.core.models import CallBack, Pause, PhoneCall, RamalRef, ReceivedCall
from tvdesk.core.pause_reasons import PauseReason
from tvdesk.core.reports import CallerHistory

log = logging.getLogger(__name__)

_NOT_DIGITS = re.compile(r"\D")
CALLS, PAUSES = "calls", "pauses"


@dataclass(frozen=True)
class OwnRecord:
    """What tvdesk itself saw over a period (the API reports none of it): the calls on the
    agent's phone and the reasons of the pauses begun from tvdesk."""

    phone_calls: list[PhoneCall] = field(default_factory=list)
    pause_reasons: list[PauseReason] = field(default_factory=list)


class StoreUnavailableError(RuntimeError):
    """The history database can be neither opened nor made anew (no disk space, no
    permission): the app runs on the API alone."""


def store_path(data_dir: Path, base_url: str, ramal: str) -> Path:
    """One database per API host and extension: ``history/<host>-<port>-<ramal>.sqlite3``."""
    from urllib.parse import urlsplit

    parts = urlsplit(base_url)
    host = re.sub(r"[^A-Za-z0-9.-]", "_", (parts.hostname or "host").lower())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    number = re.sub(r"\D", "", ramal) or "0"
    return data_dir / "history" / f"{host}-{port}-{number}.sqlite3"


_OPEN: list[HistoryStore] = []  # every store not closed yet (see HistoryStore.__init__)


def digits(text: str | None) -> str:
    return _NOT_DIGITS.sub("", text or "")


class HistoryStore:
    """Thread-safe: one connection, one lock; every method is short."""

    def __init__(self, path: Path, *, tz: tzinfo | None = None, clock=time.time,
                 recover: bool = True) -> None:
        """``recover`` False: an unreadable file is left where it is
        (:class:`StoreUnavailableError`), for a reader that must not decide that."""
        self.path = Path(path)
        self._recover = recover
        self.tz = tz  # the reports' days (the API client's zone; None: this machine's)
        self._clock = clock
        self._lock = threading.Lock()
        self.recovered: Path | None = None  # where an unreadable file was moved
        self._db = self._open()
        # reads on a connection of their own: in WAL mode they never wait for a sync's
        # transaction (a search while 10,000 calls are being saved)
        self._read_lock = threading.Lock()
        self._reader = sqlite3.connect(self.path, isolation_level=None,
                                       check_same_thread=False)
        self._reader.execute("PRAGMA busy_timeout = 5000")
        self._number_index = has_number_index(self._reader)
        # never closed by the garbage collector: a connection dealt with in the middle of
        # a collection, while workers wait for the interpreter, was one suspect of a hang
        # seen in the test suite; stores are few (one per signed-in session)
        _OPEN.append(self)

    # ------------------------------------------------------------------ opening
    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return self._connect()
        except sqlite3.DatabaseError as exc:  # corrupt, not a database, a newer version
            if not self._recover:
                raise StoreUnavailableError(type(exc).__name__) from exc
            log.warning("history database unreadable (%s): starting a new one",
                        type(exc).__name__)
            self.recovered = self._move_aside()
            try:
                return self._connect()
            except (sqlite3.Error, OSError) as again:
                raise StoreUnavailableError(str(again)) from again
        except OSError as exc:
            raise StoreUnavailableError(str(exc)) from exc

    def _connect(self) -> sqlite3.Connection:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)  # the user's alone
        os.close(fd)
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.path) + suffix)
            if src.exists():
                os.replace(src, Path(str(aside) + suffix))
        return aside

    def close(self) -> None:
        with self._lock, self._read_lock:
            self._reader.close()
            self._db.close()
        with contextlib.suppress(ValueError):
            _OPEN.remove(self)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, args: Iterable | dict = ()) -> list[tuple]:
        with self._read_lock:
            return self._reader.execute(
                sql, args if isinstance(args, dict) else tuple(args)).fetchall()

    # ------------------------------------------------------------------ days
    def _day(self, moment: datetime) -> str:
        return (moment.astimezone(self.tz) if self.tz else moment.astimezone()).date(
        ).isoformat()

    def complete_days(self, kind: str, start: date, end: date) -> set[date]:
        rows = self._query("SELECT day FROM fetched_days WHERE kind = ? AND complete = 1 "
                           "AND day BETWEEN ? AND ?", (kind, start.isoformat(),
                                                       end.isoformat()))
        return {date.fromisoformat(r[0]) for r in rows}

    def missing_ranges(self, kind: str, start: date, end: date, today: date
                       ) -> list[tuple[date, date]]:
        """The ranges of days still to fetch for ``start``..``end``: today, gaps."""
        return day_rules.missing_ranges(start, end, self.complete_days(kind, start, end),
                                        today)

    def last_fetched(self, kind: str, start: date, end: date) -> datetime | None:
        """When the newest data of ``start``..``end`` was fetched (None: never)."""
        row = self._query("SELECT max(fetched_ts) FROM fetched_days WHERE kind = ? "
                          "AND day BETWEEN ? AND ?", (kind, start.isoformat(), end.isoformat()))
        return datetime.fromtimestamp(row[0][0]).astimezone() if row and row[0][0] else None

    def _mark_fetched(self, db: sqlite3.Connection, kind: str, start: date, end: date,
                      fetched: datetime | None, today: date | None) -> None:
        fetched = fetched or datetime.now().astimezone()
        today = today or (fetched.astimezone(self.tz) if self.tz else fetched).date()
        ts = int(fetched.timestamp())
        db.executemany(
            "INSERT INTO fetched_days (kind, day, fetched_ts, complete) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (kind, day) DO UPDATE SET fetched_ts = excluded.fetched_ts, "
            "complete = max(complete, excluded.complete)",
            [(kind, d.isoformat(), ts, int(day_rules.is_complete(d, fetched, self.tz, today)))
             for d in day_rules.days_of(start, end)])

    # ------------------------------------------------------------------ received calls
    def save_calls(self, calls: Iterable[ReceivedCall], start: date, end: date,
                   fetched: datetime | None = None, today: date | None = None) -> None:
        """Everything the API reported for the whole days ``start``..``end``, fetched at
        ``fetched`` (now) on ``today`` (the app's): merged by id, and the days marked, in
        one transaction."""
        rows = [self._call_row(c) for c in calls]
        with self._transaction() as db:
            # the rows go in as JSON texts, each read by one statement: SQLite works through
            # them with the interpreter let go the whole time. Row by row (executemany) it
            # took the interpreter back at every row, and a GUI thread painting the call
            # log (a Python call per cell) waited ~1 ms a cell: 100-350 ms stalls while
            # 10,000 calls were saved (benchmarks/bench_desktop.py). In chunks: json.dumps
            # is one C call that holds the interpreter throughout (40 ms for 10,000 rows
            # here: the GUI thread's longest wait)
            for first in range(0, len(rows), self.SAVE_CHUNK):
                chunk = rows[first:first + self.SAVE_CHUNK]
                db.execute(self._SAVE_CALLS, (json.dumps(chunk),))
            self._mark_fetched(db, CALLS, start, end, fetched, today)

    #: rows per statement when saving calls (a JSON text of ~2 ms to make)
    SAVE_CHUNK = 500

    # an upsert, not a REPLACE: a replaced row's delete would not reach the number
    # index's trigger ("WHERE true": SQLite's rule for an upsert on INSERT … SELECT)
    _SAVE_CALLS = (
        "INSERT INTO received_calls (id, started_ts, started_at, day, caller, caller_digits, "
        "status, seconds, duration, price, recording_url, ramal_id, ramal, ramal_login) "
        "SELECT "
        "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, "
        "'$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'), "
        "json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, "
        "'$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), "
        "json_extract(value, '$[10]'), json_extract(value, '$[11]'), json_extract(value, "
        "'$[12]'), json_extract(value, '$[13]') "
        "FROM json_each(?) WHERE true "
        "ON CONFLICT (id) DO UPDATE SET started_ts = excluded.started_ts, "
        "started_at = excluded.started_at, day = excluded.day, "
        "caller = excluded.caller, caller_digits = excluded.caller_digits, "
        "status = excluded.status, seconds = excluded.seconds, "
        "duration = excluded.duration, price = excluded.price, "
        "recording_url = excluded.recording_url, ramal_id = excluded.ramal_id, "
        "ramal = excluded.ramal, ramal_login = excluded.ramal_login")

    def _call_row(self, c: ReceivedCall) -> tuple:
        return (c.id, int(c.started_at.timestamp()), c.started_at.isoformat(),
                self._day(c.started_at), c.caller, digits(c.caller), c.status, c.seconds,
                c.duration, str(c.price), c.recording_url, c.ramal.id, c.ramal.ramal,
                c.ramal.login)

    _CALLS_OF_DAYS = ("SELECT id, started_at, recording_url, caller, status, seconds, "
                      "duration, price, ramal_id, ramal, ramal_login FROM received_calls "
                      "WHERE day BETWEEN ? AND ? ORDER BY started_ts, id")
    _CALLS_FROM = ("SELECT id, started_at, recording_url, caller, status, seconds, duration, "
                   "price, ramal_id, ramal, ramal_login FROM received_calls "
                   "WHERE instr(caller_digits, ?) > 0 ORDER BY started_ts DESC LIMIT ?")

    @staticmethod
    def _calls_of(rows: list[tuple]) -> list[ReceivedCall]:
        """Rows as calls. A period can hold 10,000: positional arguments, the standard
        library's C date parser (the text was written by ``isoformat()``), and one
        ``RamalRef`` per extension rather than one per row."""
        refs: dict[tuple, RamalRef] = {}
        parse, price = datetime.fromisoformat, Decimal
        out = []
        for r in rows:
            key = (r[8], r[9], r[10])
            ref = refs.get(key)
            if ref is None:
                ref = refs[key] = RamalRef(*key)
            out.append(ReceivedCall(r[0], parse(r[1]), r[2], r[3], r[4], r[5], r[6],
                                    price(r[7]), ref))
        return out

    def calls(self, start: date, end: date) -> list[ReceivedCall]:
        """The stored calls of the whole days ``start``..``end``, oldest first."""
        rows = self._query(self._CALLS_OF_DAYS, (start.isoformat(), end.isoformat()))
        return self._calls_of(rows)

    # ------------------------------------------------------------------ pauses
    def save_pauses(self, pauses: Iterable[Pause], start: date, end: date,
                    fetched: datetime | None = None, today: date | None = None) -> None:
        """The API's pauses for the whole days ``start``..``end``: they replace the stored
        ones of those days (pauses have no id, and a running one changes)."""
        rows = [(self._day(p.start), int(p.start.timestamp()), p.start.isoformat(),
                 p.end.isoformat() if p.end else None, p.seconds, p.duration)
                for p in pauses]
        with self._transaction() as db:
            db.execute("DELETE FROM pauses WHERE day BETWEEN ? AND ?",
                       (start.isoformat(), end.isoformat()))
            db.executemany("INSERT INTO pauses (day, start_ts, start_at, end_at, seconds, "
                           "duration) VALUES (?,?,?,?,?,?)", rows)
            self._mark_fetched(db, PAUSES, start, end, fetched, today)

    def pauses(self, start: date, end: date) -> list[Pause]:
        rows = self._query("SELECT start_at, end_at, seconds, duration FROM pauses "
                           "WHERE day BETWEEN ? AND ? ORDER BY start_ts",
                           (start.isoformat(), end.isoformat()))
        return [Pause(parse_api_datetime(r[0]), parse_api_datetime(r[1]) if r[1] else None,
                      r[2], r[3]) for r in rows]

    # ------------------------------------------------------------------ the phone's calls
    def record_phone_call(self, call: PhoneCall) -> None:
        """A call that rang on, or was made from, the agent's phone (tvdesk's own record)."""
        with self._transaction() as db:
            db.execute("INSERT INTO phone_calls (direction, number, number_digits, started_ts, "
                       "origin, outcome, talk_seconds, chamada_id, called_back) "
                       "VALUES (?,?,?,?,?,?,?,?,?)",
                       (call.direction, call.number, digits(call.number),
                        int(call.started_at.timestamp()), call.origin, call.outcome,
                        call.talk_seconds, call.chamada_id, int(call.called_back)))

    def phone_calls(self, start: date, end: date) -> list[PhoneCall]:
        """The phone's calls of the whole days ``start``..``end``, oldest first."""
        first = day_rules.day_ended_at(start - timedelta(days=1), self.tz) - day_rules.GRACE
        last = day_rules.day_ended_at(end, self.tz) - day_rules.GRACE
        rows = self._query(f"SELECT {self._PHONE_COLUMNS} FROM phone_calls "  # noqa: S608
                           "WHERE started_ts >= ? AND started_ts < ? ORDER BY started_ts",
                           (int(first.timestamp()), int(last.timestamp())))
        return [self._phone_call(r) for r in rows]

    _PHONE_COLUMNS = ("local_id, direction, number, started_ts, origin, outcome, talk_seconds, "
                      "chamada_id, called_back")

    def _phone_call(self, r: tuple) -> PhoneCall:
        zone = self.tz
        return PhoneCall(direction=r[1], number=r[2],
                         started_at=datetime.fromtimestamp(r[3], zone).astimezone(zone),
                         outcome=r[5], talk_seconds=r[6], origin=r[4], chamada_id=r[7],
                         local_id=r[0], called_back=bool(r[8]))

    def own_record(self, start: date, end: date) -> OwnRecord:
        return OwnRecord(self.phone_calls(start, end), self.pause_reasons(start, end))

    # ------------------------------------------------------------------ the call log
    def call_log(self, start: date, end: date) -> list[LogEntry]:
        """The call log of the whole days ``start``..``end``: received and made (unsorted)."""
        return call_log(self.calls(start, end), self.phone_calls(start, end))

    _RECEIVED_COLUMNS = ("id, started_at, recording_url, caller, status, seconds, duration, "
                         "price, ramal_id, ramal, ramal_login")

    def search_log(self, number: str, limit: int = 500) -> list[LogEntry]:
        """Calls with a number containing these digits across all stored history, received
        and made, newest first (at most ``limit`` of each). Three digits or more go
        through the number index (when this SQLite has FTS5); fewer match so many calls
        that the newest ``limit`` are found at once by time."""
        wanted = digits(number)
        if not wanted:
            return []
        if len(wanted) >= 3 and self._number_index:
            term = f'"{wanted}"'  # digits only: a phrase, nothing to escape
            received = self._calls_of(self._query(
                f"SELECT {self._RECEIVED_COLUMNS} FROM received_calls "  # noqa: S608
                "WHERE id IN (SELECT rowid FROM received_numbers WHERE received_numbers "
                "MATCH ?) ORDER BY started_ts DESC LIMIT ?", (term, limit)))
            phone_rows = self._query(
                f"SELECT {self._PHONE_COLUMNS} FROM phone_calls "  # noqa: S608
                "WHERE local_id IN (SELECT rowid FROM phone_numbers WHERE phone_numbers "
                "MATCH ?) ORDER BY started_ts DESC LIMIT ?", (term, limit))
        else:
            received = self._calls_of(self._query(self._CALLS_FROM, (wanted, limit)))
            phone_rows = self._query(
                f"SELECT {self._PHONE_COLUMNS} FROM phone_calls "  # noqa: S608
                "WHERE instr(number_digits, ?) > 0 ORDER BY started_ts DESC LIMIT ?",
                (wanted, limit))
        phone = [self._phone_call(r) for r in phone_rows]
        return sorted(call_log(received, phone), key=lambda e: e.started_at, reverse=True)

    def caller_history(self, number: str, limit: int = 200) -> CallerHistory:
        """Every stored call with this number: received (the API's) and made (tvdesk's),
        matched on the national number, newest first. Indexed: instant at ring time."""
        national = digits(number)[-10:]
        if len(national) < 8:
            return CallerHistory([], [])
        received = self._calls_of(self._query(
            "SELECT id, started_at, recording_url, caller, status, seconds, duration, price, "
            "ramal_id, ramal, ramal_login FROM received_calls "
            "WHERE substr(caller_digits, -10) = ? ORDER BY started_ts DESC LIMIT ?",
            (national, limit)))
        zone = self.tz
        made = [PhoneCall(direction="out", number=r[0],
                          started_at=datetime.fromtimestamp(r[1], zone).astimezone(zone),
                          outcome=r[2], talk_seconds=r[3], origin=r[4])
                for r in self._query(
                    "SELECT number, started_ts, outcome, talk_seconds, origin FROM phone_calls "
                    "WHERE direction = 'out' AND substr(number_digits, -10) = ? "
                    "ORDER BY started_ts DESC LIMIT ?", (national, limit))]
        return CallerHistory(received, made)

    # ------------------------------------------------------------------ pause reasons
    def pause_began(self, start: datetime, reason: str) -> None:
        """The agent paused from tvdesk, for ``reason`` (the webphone confirmed it)."""
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO pause_reasons (start_ts, end_ts, reason) "
                       "VALUES (?, NULL, ?)", (int(start.timestamp()), reason))

    def pause_ended(self, start: datetime, end: datetime) -> None:
        with self._transaction() as db:
            db.execute("UPDATE pause_reasons SET end_ts = ? WHERE start_ts = ?",
                       (int(end.timestamp()), int(start.timestamp())))

    def pause_reasons(self, start: date, end: date) -> list[PauseReason]:
        """The reasons of the pauses begun in the whole days ``start``..``end``; a margin
        either side, for an API row that began just over midnight."""
        first = day_rules.day_ended_at(start - timedelta(days=1), self.tz) - day_rules.GRACE
        last = day_rules.day_ended_at(end, self.tz) - day_rules.GRACE
        zone = self.tz

        def moment(ts: int | None) -> datetime | None:
            return None if ts is None else datetime.fromtimestamp(ts, zone).astimezone(zone)

        return [PauseReason(moment(r[0]), moment(r[1]), r[2]) for r in self._query(
            "SELECT start_ts, end_ts, reason FROM pause_reasons WHERE start_ts BETWEEN ? AND ? "
            "ORDER BY start_ts", (int(first.timestamp()) - 300, int(last.timestamp()) + 300))]

    # ------------------------------------------------------------------ to call back
    # Only the missed calls since the list's start are read, and only their numbers are
    # looked up (by the national-number indexes): the whole history was scanned before,
    # ~490 ms over 100,000 calls, holding up a search typed meanwhile.
    _TO_CALL_BACK = """
        WITH missed AS (
            SELECT substr(caller_digits, -10) AS national, caller AS number, started_ts
            FROM received_calls
            WHERE started_ts >= :since AND status IS NOT NULL
              AND lower(trim(status)) <> 'atendida' AND length(caller_digits) >= 8
            UNION ALL
            SELECT substr(number_digits, -10), number, started_ts FROM phone_calls p
            WHERE started_ts >= :since AND direction = 'in' AND outcome IN ('missed', 'rejected')
              AND length(number_digits) >= 8
              AND NOT EXISTS (  -- the same call, as the API reports it too (call_log's
                  SELECT 1 FROM received_calls r  -- match: times overlap, a queue wait)
                  WHERE substr(r.caller_digits, -10) = substr(p.number_digits, -10)
                    AND r.started_ts <= p.started_ts + p.talk_seconds + :same
                    AND r.started_ts + r.seconds >= p.started_ts - :queue - 2 * :same)),
        numbers AS (SELECT DISTINCT national FROM missed),
        dealt AS (  -- the last time each of those numbers was dealt with: the customer
            SELECT n.national, max(  -- reached (either way), or "Done"
                coalesce((SELECT max(started_ts) FROM phone_calls
                          WHERE substr(number_digits, -10) = n.national
                            AND outcome = 'answered'), 0),
                coalesce((SELECT max(started_ts) FROM received_calls
                          WHERE substr(caller_digits, -10) = n.national
                            AND lower(trim(status)) = 'atendida'), 0),
                coalesce((SELECT done_ts FROM call_backs_done
                          WHERE national = n.national), 0)) AS ts
            FROM numbers n)
        SELECT m.national, max(m.started_ts) AS last_ts, count(*) AS times,
               (SELECT number FROM missed m2 WHERE m2.national = m.national
                ORDER BY started_ts DESC LIMIT 1),
               -- calls made to it since, none answered: tries that did not reach them
               (SELECT count(*) FROM phone_calls a
                WHERE substr(a.number_digits, -10) = m.national AND a.direction = 'out'
                  AND a.started_ts > d.ts AND a.started_ts >= :since),
               (SELECT max(a.started_ts) FROM phone_calls a
                WHERE substr(a.number_digits, -10) = m.national AND a.direction = 'out'
                  AND a.started_ts > d.ts AND a.started_ts >= :since)
        FROM missed m JOIN dealt d ON d.national = m.national
        WHERE m.started_ts > d.ts
        GROUP BY m.national
        ORDER BY last_ts DESC"""

    def to_call_back(self, since: datetime | None = None) -> list[CallBack]:
        """The numbers to call back (missed since ``since``), the latest first: a missed
        call is dealt with once the customer was reached (a later call made to the number
        or from it, answered) or the agent said "Done". A call back nobody answered keeps
        the number, counted in ``attempts``."""
        first = int(since.timestamp()) if since else 0
        zone = self.tz

        def moment(ts: int | None) -> datetime | None:
            return None if ts is None else datetime.fromtimestamp(ts, zone).astimezone(zone)

        return [CallBack(number=r[3], last_missed=moment(r[1]), times=r[2], attempts=r[4],
                         last_attempt=moment(r[5]))
                for r in self._query(self._TO_CALL_BACK, {
                    "since": first, "same": SAME_CALL_SECONDS, "queue": QUEUE_WAIT_SECONDS})]

    def call_back_done(self, number: str, when: datetime | None = None) -> None:
        """The agent dealt with this number's missed calls (up to ``when``, now)."""
        national = digits(number)[-10:]
        ts = int((when or datetime.now().astimezone()).timestamp())
        with self._transaction() as db:
            db.execute("INSERT INTO call_backs_done (national, done_ts) VALUES (?, ?) "
                       "ON CONFLICT (national) DO UPDATE SET done_ts = "
                       "max(done_ts, excluded.done_ts)", (national, ts))

    # ------------------------------------------------------------------ keeping
    def forget(self) -> None:
        """Everything, at the agent's request."""
        with self._transaction() as db:
            for table in ("received_calls", "pauses", "fetched_days", "phone_calls",
                          "pause_reasons", "call_backs_done"):
                db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
        with self._lock:
            self._db.execute("VACUUM")

    def apply_retention(self, keep_days: int, today: date) -> None:
        """Drop what is older than ``keep_days`` days before ``today``."""
        first_day = today - timedelta(days=keep_days)
        first = first_day.isoformat()
        cutoff = int((day_rules.day_ended_at(first_day - timedelta(days=1), self.tz)
                      - day_rules.GRACE).timestamp())  # the first kept day's midnight
        with self._transaction() as db:
            db.execute("DELETE FROM received_calls WHERE day < ?", (first,))
            db.execute("DELETE FROM pauses WHERE day < ?", (first,))
            db.execute("DELETE FROM fetched_days WHERE day < ?", (first,))
            db.execute("DELETE FROM phone_calls WHERE started_ts < ?", (cutoff,))
            db.execute("DELETE FROM pause_reasons WHERE start_ts < ?", (cutoff,))
