"""The phone's dock: each mode loads and registers once, a hidden page keeps its timers, mode
switches (refused in a call), fechar_fim, the incoming-call banner."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.helpers.desktop import open_phone, remembered, signed_in, store_token
from tests.helpers.simulator import AGENT
from tests.helpers.webphone import log
from tvdesk.core.vocabulary import CallStatus
from tvdesk.core.webphone.phone_state import CallPhase, Registration

pytestmark = pytest.mark.webengine


@pytest.mark.parametrize("mode", ["embedded", "floating", "hidden"])
def test_each_mode_loads_and_registers_once(qtbot, make_controller, sim, memory_keyring, mode):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode=mode)
    main, dock = controller.main_window, controller.dock
    regs = sim.hub.registrations(AGENT)
    assert len(regs) == 1 and regs[0]["tipo"] == mode
    assert "Webphone ready" in main.card.phone_state_text()
    if mode == "embedded":
        assert dock.embedded.view.page() is phone.page and dock.embedded.isVisible()
    elif mode == "floating":
        assert dock.floating.isVisible() and dock.floating.view.page() is phone.page
        # the webphone's own window has the dial pad: the main window's controls do not
        assert dock.controls.isVisible() and not dock.controls.keypad.isVisible()
    else:
        assert dock.controls.isVisible() and dock.controls.keypad.isVisible()
        assert phone.page.isVisible()  # no view, yet not throttled as a hidden page


def test_a_hidden_webphone_is_not_throttled(qtbot, make_controller, sim, memory_keyring):
    _, _phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="hidden")
    before = sim.hub.registrations(AGENT)[0]["keepalives"]
    qtbot.wait(3000)
    after = sim.hub.registrations(AGENT)[0]["keepalives"]
    # every 250 ms: about 12 in 3 s; a throttled page (1 Hz) manages 3
    assert after - before >= 8


def test_hangup_from_the_card_banner_path_and_mode_switch_refused_in_a_call(
        qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, dock = controller.main_window, controller.dock
    phone.dial("4001")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    dock.set_mode("hidden")
    assert phone.mode == "embedded" and main.menu_actions.modes["embedded"].isChecked()
    assert "Finish the call" in main.banner.text()
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    assert log(sim, "hangup")[0]["accepted"]
    dock.set_mode("hidden")
    qtbot.waitUntil(lambda: phone.mode == "hidden"
                    and phone.state.registration is Registration.CONNECTED, timeout=20000)
    qtbot.waitUntil(lambda: len(sim.hub.registrations(AGENT)) == 1, timeout=5000)


def test_fechar_fim_closes_the_floating_window(qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="floating",
                             webphone_close_at_end=True)
    _main, dock = controller.main_window, controller.dock
    assert dock.floating.isVisible()
    phone.dial("4001")
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: not dock.floating.isVisible(), timeout=5000)
    assert phone.state.registration is Registration.CONNECTED  # the phone itself stays


def test_an_incoming_call_raises_the_banner_with_the_callers_history(
        qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, dock = controller.main_window, controller.dock
    qtbot.waitUntil(lambda: main.calls.totals_now().calls > 0, timeout=10000)
    known = next(c for c in main.calls.model.all_rows() if c.caller)
    sim.hub.incoming_call(AGENT, known.caller)
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)
    assert "Call arriving from" in dock.banner.title.text()
    assert "earlier call" in dock.banner.history.text()
    qtbot.mouseClick(dock.banner.answer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=5000)
    assert not dock.banner.isVisible()
    assert log(sim, "answer")[0]["accepted"]
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    qtbot.waitUntil(lambda: main.calls.totals_now().calls > 0, timeout=5000)


def test_a_call_that_rang_unanswered_leaves_a_trace(qtbot, make_controller, sim,
                                                    memory_keyring, tray):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, dock = controller.main_window, controller.dock
    controller.set_tray(tray)
    notified = []
    tray.notify = lambda title, text: notified.append(title)
    sim.hub.incoming_call(AGENT, "48999991111")
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)
    sim.hub.remote(AGENT, "hangup")  # the caller gave up
    qtbot.waitUntil(lambda: dock.banner.missed, timeout=10000)
    assert dock.banner.isVisible()
    assert "Missed call from (48) 99999-1111 at" in dock.banner.title.text()
    assert dock.banner.call_back.isVisible() and not dock.banner.answer.isVisible()
    assert notified[-1].startswith("Missed call from")
    assert main.windowTitle().startswith("Extension 4000 (1 missed")  # name first
    assert tray.missed == 1 and "Missed calls: 1" in tray.icon.toolTip()
    # a second one counts
    sim.hub.incoming_call(AGENT, "48999992222")
    qtbot.waitUntil(lambda: "Call arriving" in dock.banner.title.text(), timeout=10000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: "(2 missed calls)" in dock.banner.title.text(), timeout=10000)
    assert main.windowTitle().startswith("Extension 4000 (2 missed")
    # calling back clears the count and dials the number
    dock.banner.call_back.click()
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 1, timeout=10000)
    assert log(sim, "chamaNumero")[0]["numero"] == "+5548999992222"
    assert not dock.banner.isVisible() and tray.missed == 0
    assert "missed" not in main.windowTitle()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    phone.hangup()


def test_a_call_the_agent_rejected_is_logged_as_rejected_not_announced_as_missed(
        qtbot, make_controller, sim, memory_keyring, tray):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring,
                                        today=date.today())
    dock = controller.dock
    controller.set_tray(tray)
    notified = []
    tray.notify = lambda title, text: notified.append(title)
    recorded = []
    controller.recorder.recorded.connect(recorded.append)
    sim.hub.incoming_call(AGENT, "48999991111")
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)
    dock.banner.reject.click()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=10000)
    qtbot.waitUntil(lambda: bool(recorded), timeout=10000)
    assert recorded[0].outcome == "rejected" and recorded[0].number == "48999991111"
    assert not dock.banner.isVisible() and not dock.banner.missed
    assert dock.missed_unseen == 0 and tray.missed == 0
    assert not any(t.startswith("Missed call") for t in notified)
    assert "missed" not in main.windowTitle()
    # in the call log as rejected, once, even after the API reports it ("não atendida")
    controller.history.refresh()
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    qtbot.waitUntil(lambda: any(e.number and e.number.endswith("48999991111")
                                for e in main.calls.period_entries()), timeout=10000)
    mine = [e for e in main.calls.period_entries()
            if e.number and e.number.endswith("48999991111")]
    assert [e.result for e in mine] == [CallStatus.REJECTED]


def test_an_answered_call_is_not_missed_and_dismiss_clears_the_count(
        qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, dock = controller.main_window, controller.dock
    sim.hub.incoming_call(AGENT, "48999991111")
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)
    dock.banner.answer.click()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=10000)
    assert not dock.banner.isVisible() and dock.missed_unseen == 0
    sim.hub.incoming_call(AGENT, "48999993333")
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: dock.banner.missed, timeout=10000)
    assert main.windowTitle().startswith("Extension 4000 (1 missed")
    dock.banner.dismiss.click()
    assert not dock.banner.isVisible() and dock.missed_unseen == 0
    assert "missed" not in main.windowTitle()


@pytest.mark.parametrize("mode", ["embedded", "floating", "hidden"])
def test_without_the_microphone_every_mode_says_so_and_offers_to_retry(
        qtbot, make_controller, sim, memory_keyring, monkeypatch, mode):
    from tvdesk.gui.webphone import host

    monkeypatch.setattr(host, "permission_allowed", lambda *_a: False)  # refused
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True, webphone_mode=mode))
    controller.start()
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(lambda: "microphone" in main.banner.text(), timeout=20000)
    assert main.banner.action.isVisible() and main.banner.action.text() == "Reconnect"
    monkeypatch.setattr(host, "permission_allowed", lambda kind, origin, webphone:
                        origin == webphone)  # the agent plugged a headset in
    main.banner.action.click()
    phone = controller.dock.controller
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED, timeout=20000)
    assert "microphone" not in main.banner.text()


def test_reconnect_never_ends_a_call_in_progress(qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main = controller.main_window
    phone.dial("4001")
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    session = sim.hub.registrations(AGENT)[0]["session"]
    main.menu_actions.reconnect.trigger()  # Phone → Reconnect the webphone, mid-call
    qtbot.wait(500)
    assert "Finish the call before reconnecting" in main.banner.text()
    assert phone.state.call is not None and log(sim, "hangup") == []
    assert sim.hub.registrations(AGENT)[0]["session"] == session  # the same page
    phone.hangup()
