"""The call log screen: search (across all stored history), direction and result filters,
sorting, CSV of the rows shown, recordings."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt

from tests.helpers.desktop import open_main, remembered, store_token
from tests.helpers.simulator import ANCHOR, make_sim
from tvdesk.core.dates import BRASILIA
from tvdesk.core.vocabulary import CallStatus, is_answered
from tvdesk.gui.models.call_log_model import COL_CALLER
from tvdesk.simulator.store import DataSpec


def test_search_and_status_filters(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    everyone = main.calls.model.visible_rows()
    caller = next(c.caller for c in everyone if c.caller)
    with qtbot.waitSignal(main.calls.searchShown, timeout=5000):
        qtbot.keyClicks(main.calls.search, f"({caller[:2]}) {caller[2:7]}")
    assert main.calls.searching_history and main.calls.scope.isVisible()
    shown = main.calls.model.visible_rows()
    assert shown and all(caller[:7] in c.caller for c in shown)
    assert len(shown) == len([c for c in everyone if caller[:7] in (c.caller or "")])
    main.calls.search.clear()
    assert not main.calls.searching_history and not main.calls.scope.isVisible()
    assert sorted(e.key for e in main.calls.model.visible_rows()) == sorted(
        e.key for e in main.calls.period_entries())
    main.calls.status.setCurrentIndex(main.calls.status.findData(CallStatus.ANSWERED))
    answered = main.calls.model.visible_rows()
    assert answered and all(is_answered(c.status) for c in answered)
    assert main.calls.totals_now().calls == main.calls.totals_now().answered
    main.calls.status.setCurrentIndex(main.calls.status.findData(CallStatus.MISSED))
    assert all(c.status == "não atendida" for c in main.calls.model.visible_rows())


def test_sorting_by_caller(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    main.calls.table.sortByColumn(COL_CALLER, Qt.SortOrder.AscendingOrder)
    digits = [c.caller or "" for c in main.calls.model.visible_rows()]
    assert digits == sorted(digits)


@pytest.fixture
def exact_sim():
    """An extension with exactly three known calls on the anchor day."""
    sim = make_sim(data=DataSpec(seed=2, calls_per_ramal=0, days=3, anchor=ANCHOR))
    rec = sim.store.create({"ramal": "4321", "login": "csv@demo.tvdesk.app",
                            "gravar_audio": True})
    day = datetime(ANCHOR.year, ANCHOR.month, ANCHOR.day, tzinfo=BRASILIA)
    sim.store.add_received_call(rec.id, "48999990001", "atendida", 369,
                                at=day + timedelta(hours=9, minutes=5, seconds=30))
    sim.store.add_received_call(rec.id, "", "atendida", 61, at=day + timedelta(hours=8))
    sim.store.add_received_call(rec.id, "11987654321", "não atendida", 0,
                                at=day + timedelta(hours=16, minutes=45))
    yield sim
    sim.stop()


@pytest.mark.parametrize(("separator", "expected"), [
    (",", "Date,Time,Call,Number,Result,Duration,Seconds,Price,Recording\r\n"
          "2026-10-31,16:45:00,received,(11) 98765-4321,Missed,00:00:00,0,0.00,no\r\n"
          "2026-10-31,09:05:30,received,(48) 99999-0001,Answered,00:06:09,369,0.00,yes\r\n"
          "2026-10-31,08:00:00,received,private,Answered,00:01:01,61,0.00,yes\r\n"),
    (";", "\ufeffDate;Time;Call;Number;Result;Duration;Seconds;Price;Recording\r\n"
          "31/10/2026;16:45:00;received;(11) 98765-4321;Missed;00:00:00;0;0,00;no\r\n"
          "31/10/2026;09:05:30;received;(48) 99999-0001;Answered;00:06:09;369;0,00;yes\r\n"
          "31/10/2026;08:00:00;received;private;Answered;00:01:01;61;0,00;yes\r\n"),
])
def test_csv_has_exactly_the_rows_shown(qtbot, make_controller, exact_sim, memory_keyring,
                                        tmp_path, separator, expected):
    store_token(memory_keyring, exact_sim)
    settings = remembered(exact_sim, range_preset="today", csv_separator=separator)
    settings = settings.but(ramal="4321")
    controller = make_controller(settings)
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(lambda: main.calls.totals_now().calls == 3, timeout=10000)
    out = tmp_path / "calls.csv"
    assert main.calls.export_to(out) == 3
    assert out.read_bytes().decode("utf-8") == expected
    # filtered: only what is shown
    main.calls.status.setCurrentIndex(main.calls.status.findData(CallStatus.MISSED))
    main.calls.export_to(out)
    assert out.read_bytes().decode("utf-8-sig").count("\r\n") == 2


def test_a_recording_plays_inside_the_app_and_its_link_is_printed_nowhere(
        qtbot, make_controller, sim, memory_keyring, capfd, caplog):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    row = next(n for n, c in enumerate(main.calls.model.visible_rows()) if c.has_recording)
    url = main.calls.model.visible_rows()[row].recording_url
    access = parse_qs(urlsplit(url).query)["x"][0]
    main.calls.select_row(row)
    assert main.calls.play.isEnabled()
    main.calls.play.click()
    player = main.calls.player
    assert player is not None and player.isVisible()
    qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=10000)
    assert 1500 <= player.player.duration() <= 2500  # the simulator's 2 s recording
    assert player.time.text().endswith("/ 00:00:02")  # its length, shown
    # this machine has no sound output: the agent is told (and can open it elsewhere)
    from tvdesk.gui.recording_player import audio_output_available

    if not audio_output_available():
        assert "no sound output" in main.banner.text()
    player.stop()
    # FFmpeg names what it opens on stderr, by itself: not the recording's link, not its
    # access value (file descriptor 2 itself is read here, not Python's sys.stderr)
    err = capfd.readouterr().err
    assert access not in err and "/rec/?" not in err
    assert access not in caplog.text
    from tvdesk.core.redact import redact

    assert access not in redact(f"opening {access}")  # registered as a secret


def test_enter_on_a_row_calls_back_and_tab_leaves_the_table(qtbot, make_controller, sim,
                                                            memory_keyring):
    from PySide6.QtCore import Qt

    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    table = main.calls.table
    row = next(n for n, c in enumerate(main.calls.model.visible_rows()) if c.caller)
    main.calls.select_row(row)
    table.setFocus()
    with qtbot.waitSignal(controller.dialer.dialed, timeout=3000) as sig:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert sig.args == ["+55" + main.calls.model.row_at(row).caller]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()


def test_csv_follows_the_agents_language_unless_chosen(qtbot, make_controller, sim,
                                                      memory_keyring):
    from PySide6.QtCore import QLocale

    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    calls = main.calls
    assert calls.csv_separator == ","  # English: plain CSV
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    try:
        assert calls.csv_separator == ";"  # Portuguese: what its spreadsheets open
        calls.set_csv_separator(",")  # the agent chose
        assert calls.csv_separator == ","
    finally:
        QLocale.setDefault(previous)


def test_digits_search_every_stored_day_not_only_the_period(qtbot, make_controller, sim,
                                                           memory_keyring):
    from tvdesk.core.phone import digits_only

    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)  # 30 days
    stored = main.calls.period_entries()
    main.range_bar.set_range(ANCHOR, ANCHOR)  # today alone on screen
    qtbot.waitUntil(lambda: not controller.history.loading
                    and main.status.text().startswith("Updated"), timeout=10000)
    today = {e.number for e in main.calls.period_entries()}
    old = next(e for e in stored if e.number and e.number not in today
               and e.started_at.astimezone(BRASILIA).date() < ANCHOR - timedelta(days=5))
    wanted = digits_only(old.number)[-8:]
    with qtbot.waitSignal(main.calls.searchShown, timeout=5000):
        qtbot.keyClicks(main.calls.search, wanted)
    found = main.calls.model.visible_rows()
    assert old.key in {e.key for e in found}
    assert {e.key for e in found} == {e.key for e in stored
                                      if wanted in digits_only(e.number or "")}
    assert "from all your stored history" in main.calls.scope.text()
    # a period loaded meanwhile does not push the matches off the screen
    controller.history.refresh()
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    assert {e.key for e in main.calls.model.visible_rows()} == {e.key for e in found}
    # no match anywhere: said so
    main.calls.search.clear()
    with qtbot.waitSignal(main.calls.searchShown, timeout=5000):
        main.calls.search.setText("000000000000")
    assert main.calls.model.rowCount() == 0
    assert main.calls.empty.isVisible() and "No call with this number" in main.calls.empty.text()
    # words (not digits) filter the period shown, as before
    main.calls.search.setText("private")
    assert not main.calls.searching_history
    assert all(e.number is None for e in main.calls.model.visible_rows())
