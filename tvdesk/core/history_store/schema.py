"""The history database's versions. Each migration takes a database of the version before
to the next one; ``PRAGMA user_version`` says where a file is. Never edit a released step:
add one."""

from __future__ import annotations

import sqlite3

#: version 1: what the API reports (received calls, pauses) and which days are complete
V1 = """
CREATE TABLE received_calls (
    id           INTEGER PRIMARY KEY,   -- the API's id
    started_ts   INTEGER NOT NULL,      -- Unix seconds: ranges and order
    started_at   TEXT    NOT NULL,      -- ISO 8601 as the API gave it (its offset kept)
    day          TEXT    NOT NULL,      -- the day it belongs to (the reports' days)
    caller       TEXT,
    caller_digits TEXT   NOT NULL,      -- digits only: search by number
    status       TEXT,
    seconds      INTEGER NOT NULL,
    duration     TEXT,
    price        TEXT    NOT NULL,      -- a decimal, exactly
    recording_url TEXT,
    ramal_id     INTEGER,
    ramal        TEXT,
    ramal_login  TEXT
);
CREATE INDEX received_calls_by_time ON received_calls (started_ts);
CREATE INDEX received_calls_by_day ON received_calls (day);
CREATE INDEX received_calls_by_number ON received_calls (caller_digits);

CREATE TABLE pauses (
    day        TEXT    NOT NULL,
    start_ts   INTEGER NOT NULL,
    start_at   TEXT    NOT NULL,
    end_at     TEXT,                    -- NULL while the pause runs
    seconds    INTEGER NOT NULL,
    duration   TEXT
);
CREATE INDEX pauses_by_day ON pauses (day, start_ts);

-- a day of a kind ("calls", "pauses") fetched whole; complete once fetched after it ended
-- (and the grace for late records): never fetched again
CREATE TABLE fetched_days (
    kind       TEXT    NOT NULL,
    day        TEXT    NOT NULL,
    fetched_ts INTEGER NOT NULL,
    complete   INTEGER NOT NULL,
    PRIMARY KEY (kind, day)
);
"""

#: version 2: what tvdesk itself sees (calls made and rung on this phone, pause reasons),
#: and a caller's calls found by their national number (the last ten digits) at once
V2 = """
CREATE INDEX received_calls_by_national ON received_calls (substr(caller_digits, -10));

CREATE TABLE phone_calls (
    local_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    direction    TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    number       TEXT    NOT NULL,
    number_digits TEXT   NOT NULL,
    started_ts   INTEGER NOT NULL,
    origin       TEXT,                  -- out: dial box, call back, link, command line
    outcome      TEXT    NOT NULL,      -- answered, missed, rejected, not answered, failed
    talk_seconds INTEGER NOT NULL DEFAULT 0,
    chamada_id   TEXT,
    called_back  INTEGER NOT NULL DEFAULT 0   -- a missed call the agent dealt with
);
CREATE INDEX phone_calls_by_time ON phone_calls (started_ts);
CREATE INDEX phone_calls_by_national ON phone_calls (substr(number_digits, -10));

-- "Done" on the call-back list: missed calls from this national number up to then are dealt with
CREATE TABLE call_backs_done (
    national   TEXT    PRIMARY KEY,
    done_ts    INTEGER NOT NULL
);

CREATE TABLE pause_reasons (
    start_ts   INTEGER PRIMARY KEY,     -- when the agent paused from tvdesk
    end_ts     INTEGER,
    reason     TEXT    NOT NULL
);
"""

#: version 3: numbers found by any part of them through an index (FTS5's trigram
#: tokenizer: a search over 100,000 stored calls took ~25 ms scanning them all). Kept up
#: to date by triggers; on an SQLite without FTS5 the version has no such table and a
#: search scans (``has_number_index``).
_NUMBER_INDEX = """
CREATE VIRTUAL TABLE {index} USING fts5({column}, content='{table}', content_rowid='{key}',
                                         tokenize='trigram');
CREATE TRIGGER {index}_added AFTER INSERT ON {table} BEGIN
    INSERT INTO {index} (rowid, {column}) VALUES (new.{key}, new.{column});
END;
CREATE TRIGGER {index}_removed AFTER DELETE ON {table} BEGIN
    INSERT INTO {index} ({index}, rowid, {column}) VALUES ('delete', old.{key}, old.{column});
END;
CREATE TRIGGER {index}_changed AFTER UPDATE OF {column} ON {table}
WHEN old.{column} IS NOT new.{column} BEGIN  -- (a refetched day re-saves its rows)
    INSERT INTO {index} ({index}, rowid, {column}) VALUES ('delete', old.{key}, old.{column});
    INSERT INTO {index} (rowid, {column}) VALUES (new.{key}, new.{column});
END;
INSERT INTO {index} ({index}) VALUES ('rebuild');
"""
NUMBER_INDEXES = {  # index: (table, its key, the digits column)
    "received_numbers": ("received_calls", "id", "caller_digits"),
    "phone_numbers": ("phone_calls", "local_id", "number_digits"),
}


def fts5_trigram_available(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    connection.execute("DROP TABLE temp.probe")
    return True


def v3(connection: sqlite3.Connection) -> str:  # (made for this SQLite)
    if not fts5_trigram_available(connection):
        return ""
    return "".join(_NUMBER_INDEX.format(index=index, table=table, key=key, column=column)
                   for index, (table, key, column) in NUMBER_INDEXES.items())


def has_number_index(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'received_numbers'"
                              ).fetchone() is not None


MIGRATIONS = [V1, V2, v3]  # a text, or what makes it for this SQLite
VERSION = len(MIGRATIONS)


class NewerSchemaError(sqlite3.DatabaseError):
    """The file was written by a newer tvdesk: this one must not touch it."""


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the database (a connection in autocommit mode) to :data:`VERSION`, one step
    per transaction; returns the version it had."""
    found = connection.execute("PRAGMA user_version").fetchone()[0]
    if found > VERSION:
        raise NewerSchemaError(f"history database version {found}, newer than {VERSION}")
    for version in range(found, VERSION):
        try:  # each step whole or not at all
            step = MIGRATIONS[version]
            script = step(connection) if callable(step) else step
            connection.executescript("BEGIN IMMEDIATE;" + script +
                                     f"PRAGMA user_version = {version + 1}; COMMIT;")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    return found
