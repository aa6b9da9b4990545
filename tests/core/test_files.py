"""Files are written whole or not at all: a failed write leaves the old file as it was."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

from tvdesk.core.files import write_atomic

# A disk that fills up half-way, for real: the kernel refuses writes past a size limit
# (RLIMIT_FSIZE, with SIGXFSZ ignored: the write fails with EFBIG instead of killing).
FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
""")


def run_on_a_full_disk(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", FULL_DISK + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))


def test_replaces_and_keeps_the_permissions_a_file_had(tmp_path):
    target = tmp_path / "a.csv"
    write_atomic(target, "one")
    assert target.read_text() == "one"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    write_atomic(target, "two")
    assert target.read_text() == "two" and stat.S_IMODE(target.stat().st_mode) == 0o640
    write_atomic(tmp_path / "secret.json", "{}", private=True)
    assert stat.S_IMODE((tmp_path / "secret.json").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "secret.json"]


def test_a_csv_export_that_fails_half_way_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "chamadas.csv"
    target.write_text("the export of yesterday\n")
    result = run_on_a_full_disk(f"""
        from datetime import datetime, timezone
        from decimal import Decimal
        from tvdesk.core.export import write_calls_csv
        from tvdesk.core.models import RamalRef, ReceivedCall
        calls = [ReceivedCall(i, datetime(2026, 10, 1, tzinfo=timezone.utc), None,
                              "48999990000", "atendida", 60, "00:01:00", Decimal("0.10"),
                              RamalRef(1, "4000", "a@b.c")) for i in range(2000)]
        try:
            write_calls_csv({str(target)!r}, calls)
        except OSError as exc:
            print("failed:", exc.errno)
    """)
    assert "failed: 27" in result.stdout, result.stderr  # EFBIG: the disk is "full"
    assert target.read_text() == "the export of yesterday\n"
    assert [p.name for p in tmp_path.iterdir()] == ["chamadas.csv"]  # no leftover


def test_settings_that_fail_to_save_leave_the_old_ones(tmp_path):
    path = tmp_path / "settings.json"
    result = run_on_a_full_disk(f"""
        from pathlib import Path
        from tvdesk.core.settings import Settings, SettingsStore
        store = SettingsStore(Path({str(path)!r}))
        store.save(Settings(ramal="4000"))
        try:
            store.save(Settings(ramal="4000", window_geometry="y" * 10000))
        except OSError as exc:
            print("failed:", exc.errno)
        print("kept:", store.load().ramal)
    """)
    assert "failed: 27" in result.stdout and "kept: 4000" in result.stdout, result.stderr


def test_a_new_export_is_the_users_alone_an_existing_one_keeps_its_mode(tmp_path):
    """Exports hold customers' numbers: a new one is 0600, as the history database is (it
    was 0644 by the umask); one the agent made readable to others keeps that."""
    from tvdesk.core.export import write_table_csv

    new = tmp_path / "minhas.csv"
    write_table_csv(new, ["a"], [["1"]])
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    shared = tmp_path / "compartilhado.csv"
    shared.write_text("old")
    shared.chmod(0o644)
    write_table_csv(shared, ["a"], [["1"]])
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
