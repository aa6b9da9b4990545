"""The agent's history on screen against the simulator: a period's calls and pauses load, with
totals, progress and cancel; errors and retry; a refresh keeps the agent's place."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.helpers.desktop import open_main, remembered, store_token, truth
from tests.helpers.simulator import AGENT_ID, ANCHOR, make_sim
from tvdesk.core.reports import seconds_per_day
from tvdesk.simulator.store import DataSpec


def test_received_calls_load_with_totals(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    start, end = main.range_bar.range()
    assert (start, end) == (ANCHOR - timedelta(days=29), ANCHOR)
    expected = truth(sim, start, end)
    shown = main.calls.model.visible_rows()
    assert sorted(c.received.id for c in shown) == sorted(c.id for c in expected)
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
        # pages done of the pages known (the 30 days stored are not fetched again: the
        # older 30 days and today are, each range with its own pages)
        qtbot.waitUntil(lambda: bool(progress) and progress[-1][0] >= 2
                        and progress[-1][1] > 5, timeout=10000)
        # (shown at most every 100 ms: the bar catches up with the last one)
        qtbot.waitUntil(lambda: (main.progress.value(), main.progress.maximum())
                        == progress[-1], timeout=1000)
        assert main.progress.isVisible() and main.cancel_button.isVisible()
        qtbot.mouseClick(main.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not controller.history.loading, timeout=5000)
        assert "cancelled" in main.banner.text()
        partial = main.calls.totals_now().calls
        assert 0 < partial < len(truth(big, start, end))
        assert not main.progress.isVisible()
    finally:
        big.stop()


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
    assert calls.selected().key == chosen.key
    assert calls.model.row_at(0).caller == "48999997777"


def test_a_30_day_pause_chart_keeps_its_day_labels_legible(qtbot, make_controller, sim,
                                                           memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring,
                                  range_preset="30days")
    main.tabs.setCurrentWidget(main.pauses)
    qtbot.waitUntil(lambda: main.pauses.chart_view is not None
                    and bool(main.pauses.chart_view.chart().axes()), timeout=5000)
    names = main.pauses.chart_view.category_names  # (every day a bar, some named)
    qtbot.waitUntil(lambda: names.step > 0, timeout=5000)
    shown = names.shown()
    assert len(names.labels) == 30 and 8 <= len(shown) <= 30
    assert shown[-1][0] == 29  # the last day is always named
    assert names.axis.labelsAngle() == 0  # lying flat, whole (see test_small_screens)
