"""The agent's window against the simulator: loading, filters, totals, CSV, pauses, errors,
retry, cancellation, dialing and recordings."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import remembered, store_token
from tests.helpers.simulator import AGENT_ID, ANCHOR, make_sim
from tvdesk.core.dates import BRASILIA
from tvdesk.core.reports import seconds_per_day
from tvdesk.core.vocabulary import CallStatus, is_answered
from tvdesk.gui.models.calls_model import COL_CALLER
from tvdesk.simulator.store import DataSpec


def open_main(qtbot, make_controller, sim, memory_keyring, **settings):
    store_token(memory_keyring, sim)
    settings.setdefault("range_preset", "30days")
    controller = make_controller(remembered(sim, **settings))
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(lambda: controller.history.loading is False and main.status.text().startswith(
        "Updated"), timeout=15000)
    return controller, main


def truth(sim, start, end, rid=AGENT_ID):
    return [c for c in sim.store.calls[rid]
            if start <= c.started_at.astimezone().date() <= end]


def test_received_calls_load_with_totals(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    start, end = main.range_bar.range()
    assert (start, end) == (ANCHOR - timedelta(days=29), ANCHOR)
    expected = truth(sim, start, end)
    shown = main.calls.model.visible_rows()
    assert sorted(c.id for c in shown) == sorted(c.id for c in expected)
    # newest first
    assert [c.started_at for c in shown] == sorted((c.started_at for c in shown),
                                                   reverse=True)
    answered = [c for c in expected if c.status == "atendida"]
    t = main.calls.totals_now()
    assert (t.calls, t.answered, t.talk_seconds) == (
        len(expected), len(answered), sum(c.seconds for c in answered))
    assert f"{len(expected)} calls" in main.calls.totals.text()
    assert main.card.number.text() == "Extension 4000"
    assert "4000" in main.windowTitle()


def test_search_and_status_filters(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    everyone = main.calls.model.visible_rows()
    caller = next(c.caller for c in everyone if c.caller)
    qtbot.keyClicks(main.calls.search, f"({caller[:2]}) {caller[2:7]}")
    shown = main.calls.model.visible_rows()
    assert shown and all(caller[:7] in c.caller for c in shown)
    assert len(shown) == len([c for c in everyone if caller[:7] in (c.caller or "")])
    main.calls.search.clear()
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
    (",", "Date,Time,Caller,Status,Duration,Seconds,Price,Recording\r\n"
          "2026-10-31,16:45:00,(11) 98765-4321,Missed,00:00:00,0,0.00,no\r\n"
          "2026-10-31,09:05:30,(48) 99999-0001,Answered,00:06:09,369,0.00,yes\r\n"
          "2026-10-31,08:00:00,private,Answered,00:01:01,61,0.00,yes\r\n"),
    (";", "\ufeffDate;Time;Caller;Status;Duration;Seconds;Price;Recording\r\n"
          "31/10/2026;16:45:00;(11) 98765-4321;Missed;00:00:00;0;0,00;no\r\n"
          "31/10/2026;09:05:30;(48) 99999-0001;Answered;00:06:09;369;0,00;yes\r\n"
          "31/10/2026;08:00:00;private;Answered;00:01:01;61;0,00;yes\r\n"),
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


def test_pause_history_totals_and_chart(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring, range_preset="7days")
    start, end = main.range_bar.range()
    expected = [p for p in sim.store.pauses[AGENT_ID]
                if start <= p.start.astimezone().date() <= end]
    pauses = main.pauses.model.visible_rows()
    assert len(pauses) == len(expected) > 0
    total = sum(int((p.end - p.start).total_seconds()) for p in expected)
    h, rest = divmod(total, 3600)
    assert f"{len(expected)} pauses" in main.pauses.totals.text()
    assert f"{h:02d}:{rest // 60:02d}:{rest % 60:02d}" in main.pauses.totals.text()
    main.tabs.setCurrentWidget(main.pauses)
    qtbot.waitUntil(lambda: main.pauses.chart_view is not None, timeout=3000)
    per_day = main.pauses.per_day()
    assert [d for d, _ in per_day] == [start + timedelta(days=i) for i in range(7)]
    assert dict(per_day) == dict(seconds_per_day(pauses, start, end))
    series = main.pauses.chart_view.chart().series()[0]
    bars = series.barSets()[0]
    assert [round(bars.at(i), 1) for i in range(bars.count())] == [
        round(s / 60, 1) for _, s in per_day]


def test_server_error_shows_a_message_and_retry_recovers(qtbot, make_controller, sim,
                                                           memory_keyring):
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    before = main.calls.totals_now().calls
    sim.add_fault("server_error", path="/relatorio")
    controller.history.refresh()
    qtbot.waitUntil(main.banner.isVisible, timeout=15000)
    assert "server had a problem" in main.banner.text()
    assert main.banner.retry.isVisible()
    # what the agent was looking at is still there, and not called empty
    assert main.calls.totals_now().calls == before
    assert not main.calls.empty.isVisible()
    assert main.status.text() == "Not updated"
    sim.clear_faults()
    qtbot.mouseClick(main.banner.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not controller.history.loading and not main.banner.isVisible()
                    and main.calls.totals_now().calls == before, timeout=15000)


def test_loading_shows_progress_and_can_be_cancelled(qtbot, make_controller, memory_keyring):
    big = make_sim(data=DataSpec(seed=4, calls_per_ramal=3000, days=60, anchor=ANCHOR))
    try:
        store_token(memory_keyring, big)
        controller = make_controller(remembered(big, range_preset="30days"),)
        controller.client_options["max_in_flight"] = 1
        controller.start()
        qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
        main = controller.main_window
        qtbot.waitUntil(lambda: not controller.history.loading, timeout=20000)
        big.add_fault("latency", path="/relatorio", latency_ms=250)
        start, end = ANCHOR - timedelta(days=59), ANCHOR
        progress = []
        controller.history.data.progress.connect(lambda done, total: progress.append((done, total)))
        main.range_bar.set_range(start, end)
        qtbot.waitUntil(lambda: bool(progress) and progress[-1][0] >= 2, timeout=10000)
        assert progress[-1][1] > 5  # pages done of the pages known
        assert (main.progress.value(), main.progress.maximum()) == progress[-1]
        assert main.progress.isVisible() and main.cancel_button.isVisible()
        qtbot.mouseClick(main.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not controller.history.loading, timeout=5000)
        assert "cancelled" in main.banner.text()
        partial = main.calls.totals_now().calls
        assert 0 < partial < len(truth(big, start, end))
        assert not main.progress.isVisible()
    finally:
        big.stop()


def test_call_back_and_the_dial_box_emit_dial_requests(qtbot, make_controller, sim,
                                                        memory_keyring):
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    row = next(n for n, c in enumerate(main.calls.model.visible_rows()) if c.caller)
    call = main.calls.model.row_at(row)
    index = main.calls.model.index(row, COL_CALLER)
    main.calls.table.scrollTo(index)
    rect = main.calls.table.visualRect(index)
    with qtbot.waitSignal(controller.dialer.dialed, timeout=3000) as sig:
        # a double-click is a press, a release, then the double-click
        qtbot.mouseClick(main.calls.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        qtbot.mouseDClick(main.calls.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert sig.args == ["+55" + call.caller]
    with qtbot.waitSignal(controller.dialer.dialed, timeout=3000) as sig:
        main.calls.select_row(row)
        main.calls.call_back.click()
    assert sig.args == ["+55" + call.caller]
    with qtbot.waitSignal(controller.dialer.dialed, timeout=3000) as sig:
        qtbot.keyClicks(main.dial_box, "(48) 3333-4444")
        qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    assert sig.args == ["+554833334444"]
    assert main.dial_box.text() == ""
    with qtbot.assertNotEmitted(controller.dialer.dialed):
        qtbot.keyClicks(main.dial_box, "12ab")
        qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    assert "is not a phone number" in main.banner.text()
    assert main.dial_box.text() == "12ab"  # kept, to be corrected


def test_a_recording_plays_inside_the_app(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    row = next(n for n, c in enumerate(main.calls.model.visible_rows()) if c.has_recording)
    main.calls.select_row(row)
    assert main.calls.play.isEnabled()
    main.calls.play.click()
    player = main.calls.player
    assert player is not None and player.isVisible()
    qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=10000)
    assert 1500 <= player.player.duration() <= 2500  # the simulator's 2 s recording
    player.stop()


def test_keyboard_shortcuts(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    shortcuts = {a.text(): [k.toString() for k in a.shortcuts()] for a in main.actions()}
    assert "F5" in shortcuts["Refresh"]
    assert "Ctrl+D" in shortcuts["Dial a number"]
    assert "Ctrl+F" in shortcuts["Search calls"]
    main.focus_search()
    assert main.tabs.currentWidget() is main.calls


def test_settings_dialog_applies_and_saves(qtbot, make_controller, sim, memory_keyring,
                                           config):
    import json

    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    dialog = controller.open_settings()
    dialog.refresh.setValue(15)
    dialog.csv.setCurrentIndex(dialog.csv.findData(";"))
    dialog.supervisor.setChecked(True)
    dialog.raise_on_incoming.setChecked(False)
    dialog.close_at_end.setChecked(True)
    dialog.accept()
    timer = controller.history.auto_refresh
    assert timer.isActive() and timer.interval() == 15 * 60_000
    assert main.calls.csv_separator == ";"
    assert main.supervisor is not None
    saved = json.loads((config / "settings.json").read_text())
    assert (saved["refresh_minutes"], saved["csv_separator"], saved["supervisor"],
            saved["raise_on_incoming"], saved["webphone_close_at_end"]) == (
        15, ";", True, False, True)
    dialog = controller.open_settings()
    dialog.refresh.setValue(0)
    dialog.accept()
    assert not controller.history.auto_refresh.isActive()


def test_a_refresh_keeps_the_agents_selection_and_adds_new_calls(qtbot, make_controller, sim,
                                                                memory_keyring):
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring, range_preset="7days")
    calls = main.calls
    calls.select_row(5)
    chosen = calls.selected()
    before = calls.totals_now().calls
    # a new call arrives at the PBX, then the automatic refresh runs
    newest = max(c.started_at for c in calls.model.visible_rows())
    sim.store.add_received_call(AGENT_ID, "48999997777", "atendida", 42,
                                at=newest + timedelta(minutes=1))
    resets = []
    calls.model.modelReset.connect(lambda: resets.append(calls.selected()))
    controller.history._auto_refresh()
    qtbot.waitUntil(lambda: calls.totals_now().calls == before + 1, timeout=10000)
    assert len(resets) == 1  # swapped once, at the end, not page by page
    assert calls.selected().id == chosen.id
    assert calls.model.row_at(0).caller == "48999997777"
