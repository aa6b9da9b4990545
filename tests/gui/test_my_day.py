"""The agent's own day, from the webphone's real events against the simulator: a call made
shows in the one call log at once (direction filter, search across all stored history);
pausing from tvdesk asks why, keeps the reason and shows it beside the phone system's pause
row and in its chart; "my day" counts it all and exports CSV (issue 15)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from tests.helpers.desktop import signed_in
from tvdesk.core.vocabulary import CallDirection
from tvdesk.core.webphone.phone_state import CallPhase

pytestmark = pytest.mark.webengine


def loaded(controller, main) -> bool:
    return not controller.history.loading and main.status.text().startswith("Updated")


def show_today(qtbot, controller, main) -> None:
    """The real today (the calls and pauses of these tests happen now, not on the
    simulator's anchor day: the app's today is the real one here)."""
    today = date.today()
    main.range_bar.set_range(today - timedelta(days=1), today)
    qtbot.waitUntil(lambda: loaded(controller, main), timeout=15000)
    main.range_bar.set_range(today, today)
    qtbot.waitUntil(lambda: loaded(controller, main), timeout=15000)


def test_a_call_made_is_in_the_log_and_in_my_day_at_once(qtbot, make_controller, sim,
                                                          memory_keyring, tmp_path):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring,
                                         today=date.today())
    qtbot.waitUntil(lambda: loaded(controller, main), timeout=15000)
    show_today(qtbot, controller, main)
    before = main.my_day.figures
    assert before is not None and before.made == 0
    main.dial_box.setText("4001")
    main.dialSubmitted.emit(main.dial_box.text())
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    qtbot.wait(1100)
    phone.hangup()
    # no refresh: the log and the figures take it as soon as it is stored
    qtbot.waitUntil(lambda: any(e.direction == CallDirection.OUT
                                for e in main.calls.model.visible_rows()), timeout=5000)
    made = next(e for e in main.calls.model.visible_rows() if e.direction == CallDirection.OUT)
    assert made.number == "4001" and made.seconds >= 1 and made.origin == "dial_box"
    assert made.received is None and not made.has_recording
    qtbot.waitUntil(lambda: main.my_day.figures.made == 1, timeout=5000)
    assert main.my_day.figures.made_answered == 1
    assert main.my_day.figures.talk_seconds >= made.seconds
    assert main.my_day.made.value.text() == "1"
    # the direction filter
    calls = main.calls
    calls.direction.setCurrentIndex(calls.direction.findData(CallDirection.OUT))
    assert [e.number for e in calls.model.visible_rows()] == ["4001"]
    calls.direction.setCurrentIndex(calls.direction.findData(CallDirection.IN))
    assert all(e.direction == CallDirection.IN for e in calls.model.visible_rows())
    calls.direction.setCurrentIndex(0)
    # the log's CSV says which way each call went; my day's has the figures
    out = tmp_path / "log.csv"
    assert calls.export_to(out) == len(calls.model.visible_rows())
    assert ",made,4001,Answered," in out.read_text("utf-8")
    figures = tmp_path / "day.csv"
    assert main.my_day.export_to(figures)
    text = figures.read_bytes().decode("utf-8")
    assert "Calls made,1\r\n" in text and text.startswith("Figure,Value\r\n")
    hour = made.started_at.astimezone().hour
    assert f"Made {hour:02d}h–{(hour + 1) % 24:02d}h,1\r\n" in text
    # and the next start has it, from the database
    main.close_for_quit()
    again = make_controller(controller.settings.current, today=date.today())
    again.start()
    qtbot.waitUntil(lambda: again.main_window is not None and again.history is not None
                    and again.main_window.calls is not None, timeout=15000)
    w = again.main_window
    show_today(qtbot, again, w)
    assert [e.number for e in w.calls.model.visible_rows()
            if e.direction == CallDirection.OUT] == ["4001"]


def test_pausing_asks_why_and_the_reason_shows_beside_the_pause(qtbot, make_controller, sim,
                                                                 memory_keyring):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring,
                                         today=date.today())
    qtbot.waitUntil(lambda: loaded(controller, main), timeout=15000)
    store = controller.history.data.store
    asked = controller.pause_reasons

    def sent(name: str) -> int:
        return sum(1 for e in sim.hub.log() if e["message"] == name and e["accepted"])

    # asked, and cancelled: no pause at all
    main.menu_actions.pause.trigger()
    qtbot.waitUntil(lambda: asked.dialog is not None and asked.dialog.isVisible(), timeout=3000)
    dialog = asked.dialog
    assert [dialog.reasons.item(i).text() for i in range(dialog.reasons.count())] == [
        "Lunch", "Break", "Training", "Feedback", "Restroom"]
    assert dialog.chosen() == "Lunch"  # Enter pauses with the first
    dialog.reject()
    qtbot.wait(300)
    assert sent("pausarNaFila") == 0 and not phone.state.paused
    # the agent's own list (Settings) and a reason chosen from it
    controller.settings.update(pause_reasons=("Almoço", "Treinamento"))
    main.menu_actions.pause.trigger()
    qtbot.waitUntil(lambda: asked.dialog is not None, timeout=3000)
    dialog = asked.dialog
    assert dialog.reasons.count() == 2
    dialog.reasons.setCurrentRow(1)
    dialog.pause_button.click()
    qtbot.waitUntil(lambda: phone.state.paused, timeout=5000)
    today = date.today()
    qtbot.waitUntil(lambda: [r.reason for r in store.pause_reasons(today, today)]
                    == ["Treinamento"], timeout=5000)
    qtbot.wait(1100)
    main.menu_actions.unpause.trigger()  # resuming asks nothing
    qtbot.waitUntil(lambda: not phone.state.paused, timeout=5000)
    qtbot.waitUntil(lambda: store.pause_reasons(today, today)[0].end is not None, timeout=5000)
    assert sent("pausarNaFila") == 1
    # the phone system's row of that pause, with the reason beside it
    show_today(qtbot, controller, main)
    rows = main.pauses.model.visible_rows()
    assert [(p.reason, p.end is not None) for p in rows] == [("Treinamento", True)]
    assert main.pauses.model.data(main.pauses.model.index(0, 3)) == "Treinamento"
    main.tabs.setCurrentWidget(main.pauses)  # the chart, by reason
    assert list(main.pauses.per_day_by_reason()) == ["Treinamento"]
    qtbot.waitUntil(lambda: main.pauses.chart_view is not None, timeout=3000)
    series = main.pauses.chart_view.chart().series()
    assert [s.label() for s in series[0].barSets()] == ["Treinamento"]
    # my day: pause time by reason
    main.tabs.setCurrentWidget(main.my_day)
    figures = main.my_day.figures
    assert figures.pauses == 1 and [r for r, _ in figures.pause_by_reason] == ["Treinamento"]
    assert "Treinamento" in main.my_day.reasons.text()
    # a pause begun elsewhere (not from tvdesk) has no reason: nothing is made up
    sim.store.add_pause(controller.session.ramal.id,
                        rows[0].start - timedelta(hours=1), rows[0].start - timedelta(minutes=50))
    controller.history.refresh()
    qtbot.waitUntil(lambda: len(main.pauses.model.visible_rows()) == 2, timeout=10000)
    assert sorted(str(p.reason) for p in main.pauses.model.visible_rows()) == [
        "None", "Treinamento"]


def test_the_tray_and_the_phone_controls_ask_too(qtbot, make_controller, sim, memory_keyring):
    controller, _main, phone = signed_in(qtbot, make_controller, sim, memory_keyring,
                                         today=date.today())
    asked = controller.pause_reasons
    controller.dock.pause("7")  # the native controls' Pause, for queue 7
    qtbot.waitUntil(lambda: asked.dialog is not None, timeout=3000)
    asked.dialog.other.setText("Reunião com a supervisão")  # typed, for this once
    asked.dialog.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: phone.state.paused, timeout=5000)
    entry = next(e for e in sim.hub.log() if e["message"] == "pausarNaFila")
    assert entry.get("filaId") == "7"
    today = date.today()
    # (paused perhaps before the history database opened: the reason waited for it)
    qtbot.waitUntil(lambda: controller.history.data.store is not None, timeout=10000)
    store = controller.history.data.store
    qtbot.waitUntil(lambda: [r.reason for r in store.pause_reasons(today, today)]
                    == ["Reunião com a supervisão"], timeout=5000)
