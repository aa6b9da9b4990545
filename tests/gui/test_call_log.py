"""The calls of the agent's own phone go into the history database, from the webphone's
real events against the simulator: made (and how they were started), rung (answered,
missed, rejected), with talk time and chamada_id (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.helpers.desktop import signed_in
from tests.helpers.simulator import AGENT
from tvdesk.core.webphone.phone_state import CallPhase

pytestmark = pytest.mark.webengine


def test_every_call_on_the_phone_is_logged_with_how_it_began_and_ended(
        qtbot, make_controller, sim, memory_keyring):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    qtbot.waitUntil(lambda: controller.history.data.store is not None, timeout=10000)
    store = controller.history.data.store

    def talking() -> bool:
        return phone.state.call is not None and phone.state.call.phase is CallPhase.TALKING

    def idle() -> bool:
        return phone.state.call is None

    # typed in the dial box, answered by the far end, hung up after a while
    main.dial_box.setText("4001")
    main.dialSubmitted.emit(main.dial_box.text())
    qtbot.waitUntil(talking, timeout=10000)
    qtbot.wait(1100)
    phone.hangup()
    qtbot.waitUntil(idle, timeout=5000)
    # a tel: link clicked elsewhere; the far end hangs up
    controller.handle_request("dial", ["tel:+55-48-99999-0000"])
    qtbot.waitUntil(talking, timeout=10000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(idle, timeout=5000)
    # rang: the caller gave up; the agent rejected one; the agent answered one
    sim.hub.incoming_call(AGENT, "48988887777")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(idle, timeout=5000)
    sim.hub.incoming_call(AGENT, "48977776666")
    qtbot.waitUntil(controller.dock.banner.reject.isVisible, timeout=5000)
    controller.dock.banner.reject.click()
    qtbot.waitUntil(idle, timeout=5000)
    sim.hub.incoming_call(AGENT, "48966665555")
    qtbot.waitUntil(controller.dock.banner.answer.isVisible, timeout=5000)
    controller.dock.banner.answer.click()
    qtbot.waitUntil(talking, timeout=5000)
    phone.hangup()
    qtbot.waitUntil(idle, timeout=5000)

    today = date.today()
    qtbot.waitUntil(lambda: len(store.phone_calls(today, today)) == 5, timeout=5000)
    log = store.phone_calls(today, today)
    assert [(c.direction, c.number, c.outcome, c.origin) for c in log] == [
        ("out", "4001", "answered", "dial_box"),
        ("out", "+5548999990000", "answered", "link"),
        ("in", "48988887777", "missed", None),
        ("in", "48977776666", "rejected", None),
        ("in", "48966665555", "answered", None),
    ]
    assert log[0].talk_seconds >= 1 and log[0].chamada_id
    assert log[2].talk_seconds == 0
    assert [c.started_at for c in log] == sorted(c.started_at for c in log)
    # the number the agent called rings back: the banner knows the call made to it
    sim.hub.incoming_call(AGENT, "48999990000")
    qtbot.waitUntil(controller.dock.banner.answer.isVisible, timeout=5000)
    assert "you called; answered" in controller.dock.banner.history.text()
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(idle, timeout=5000)


def test_the_banner_knows_a_callers_calls_from_before_the_period_shown(
        qtbot, make_controller, sim, memory_keyring):
    from datetime import timedelta

    from tests.helpers.simulator import AGENT_ID, ANCHOR

    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    qtbot.waitUntil(lambda: not controller.history.loading
                    and main.status.text().startswith("Updated"), timeout=15000)
    assert main.range_bar.range() == (ANCHOR, ANCHOR)  # today only
    old = next(c for c in sim.store.calls[AGENT_ID] if c.caller and
               ANCHOR - timedelta(days=40) < c.started_at.astimezone().date()
               < ANCHOR - timedelta(days=20))
    main.range_bar.set_range(ANCHOR - timedelta(days=40), ANCHOR)  # stored once, then back
    qtbot.waitUntil(lambda: not controller.history.loading
                    and main.status.text().startswith("Updated"), timeout=15000)
    main.range_bar.set_range(ANCHOR, ANCHOR)
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=15000)
    sim.hub.incoming_call(AGENT, old.caller)
    qtbot.waitUntil(controller.dock.banner.answer.isVisible, timeout=5000)
    assert "earlier call" in controller.dock.banner.history.text()
    assert "No earlier" not in controller.dock.banner.history.text()
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)


def test_missed_calls_wait_in_the_call_back_list_until_called_back_or_done(
        qtbot, make_controller, sim, memory_keyring):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    qtbot.waitUntil(lambda: not controller.history.loading
                    and main.status.text().startswith("Updated"), timeout=15000)
    screen = main.call_backs

    def listed() -> list[str]:
        return [c.number for c in screen.model.all_rows()]

    # the days the list covers come by themselves (the period shown is one day)
    qtbot.waitUntil(lambda: not controller.history.data.filling, timeout=10000)
    with qtbot.waitSignal(controller.history.callBacksChanged, timeout=5000):
        controller.history.refresh_call_backs()  # (the list as it stands, read once)
    before = listed()
    for number in ("48911112222", "48933334444"):  # two callers give up
        sim.hub.incoming_call(AGENT, number)
        qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
        sim.hub.remote(AGENT, "hangup")
        qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    qtbot.waitUntil(lambda: {"48911112222", "48933334444"} <= set(listed()), timeout=5000)
    count = len(listed())
    assert count == len(before) + 2
    assert f"To call back ({count})" == main.tabs.tabText(main.tabs.indexOf(screen))
    assert main.windowTitle().startswith("Extension 4000 (")  # the name first
    assert f"{count} to call back)" in main.windowTitle()
    # called back from the list: it goes once the call is made
    screen.select_row(listed().index("48911112222"))
    screen.call_back.click()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    phone.hangup()
    qtbot.waitUntil(lambda: "48911112222" not in listed(), timeout=5000)
    # "Done" without calling
    screen.select_row(listed().index("48933334444"))
    screen.done.click()
    qtbot.waitUntil(lambda: "48933334444" not in listed(), timeout=5000)
    assert len(listed()) == len(before)
    # a third one stays across a restart: it is in the database
    sim.hub.incoming_call(AGENT, "48955556666")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: "48955556666" in listed(), timeout=5000)
    main.close_for_quit()
    again = make_controller(controller.settings.current)
    again.start()
    qtbot.waitUntil(lambda: again.main_window is not None
                    and again.main_window.call_backs is not None
                    and "48955556666" in [c.number for c in
                                          again.main_window.call_backs.model.all_rows()],
                    timeout=15000)


def pointer(widget, inside: bool) -> None:
    """The agent's pointer enters or leaves ``widget`` (as the window system says it)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QEnterEvent
    from PySide6.QtWidgets import QApplication

    event = QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)) if inside else \
        QEvent(QEvent.Type.Leave)
    QApplication.sendEvent(widget, event)


def test_a_call_back_nobody_answered_keeps_the_number_and_rows_hold_still_under_the_mouse(
        qtbot, make_controller, sim, memory_keyring, monkeypatch):
    from tvdesk.gui.widgets.hold_still import HoldStill

    sim.hub.config.answer_delay_ms = 600_000  # the customer does not pick up
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring,
                                        today=date.today())
    qtbot.waitUntil(lambda: not controller.history.loading
                    and not controller.history.data.filling, timeout=15000)
    screen = main.call_backs

    def listed() -> list[str]:
        return [c.number for c in screen.model.all_rows()]

    def caller_gives_up(number: str) -> None:
        sim.hub.incoming_call(AGENT, number)
        qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
        sim.hub.remote(AGENT, "hangup")
        qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)

    caller_gives_up("48911112222")
    qtbot.waitUntil(lambda: "48911112222" in listed(), timeout=5000)
    screen.select_row(listed().index("48911112222"))
    screen.call_back.click()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.DIALING, timeout=10000)
    phone.hangup()  # nobody answered: still to call back, with the try counted
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    qtbot.waitUntil(lambda: any(c.number == "48911112222" and c.attempts == 1
                                for c in screen.model.all_rows()), timeout=5000)
    row = listed().index("48911112222")
    model = screen.model
    tries = next(n for n in range(model.columnCount()) if
                 model.headerData(n, Qt.Orientation.Horizontal) == "Tries")
    assert model.data(model.index(row, tries)) == "1"
    assert model.data(model.index(row, tries + 1))  # the last try's time
    # the pointer over the list: a call that ends moves no row under it
    main.tabs.setCurrentWidget(screen)
    shown = [c.number for c in screen.model.visible_rows()]
    pointer(screen.table.viewport(), True)
    caller_gives_up("48977778888")
    qtbot.waitUntil(lambda: f"To call back ({len(shown) + 1})"
                    == main.tabs.tabText(main.tabs.indexOf(screen)), timeout=5000)
    assert [c.number for c in screen.model.visible_rows()] == shown  # held still
    pointer(screen.table.viewport(), False)  # gone: the list as it is now
    assert screen.model.visible_rows()[0].number == "48977778888"
    # the call log too: the new call waits for the pointer to leave
    main.tabs.setCurrentWidget(main.calls)
    log_rows = [e.key for e in main.calls.model.visible_rows()]
    pointer(main.calls.table.viewport(), True)
    caller_gives_up("48966665555")
    qtbot.wait(500)
    assert [e.key for e in main.calls.model.visible_rows()] == log_rows
    pointer(main.calls.table.viewport(), False)
    qtbot.waitUntil(lambda: len(main.calls.model.visible_rows()) == len(log_rows) + 1,
                    timeout=5000)
    # a mouse parked over the list does not keep the calls from showing for ever
    monkeypatch.setattr(HoldStill, "REST_SECONDS", 0.5)
    pointer(main.calls.table.viewport(), True)
    shown = len(main.calls.model.visible_rows())
    caller_gives_up("48955554444")
    qtbot.waitUntil(lambda: len(main.calls.model.visible_rows()) == shown + 1, timeout=5000)
