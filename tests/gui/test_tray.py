"""The tray against the simulator's webphone. Offscreen there is no system tray, so the no-tray
behaviour is tested as it is; the tray behaviour by turning close-to-tray on, as the app
does on a desktop that has one."""

from __future__ import annotations

import pytest

from tests.helpers.desktop import signed_in
from tests.helpers.simulator import AGENT
from tests.helpers.webphone import log
from tvdesk.core.webphone.phone_state import Registration
from tvdesk.gui.tray import state_icon

pytestmark = pytest.mark.webengine


def test_without_a_system_tray_closing_the_window_quits_as_usual(qtbot, make_controller, sim,
                                                                 memory_keyring, tray):
    controller, main, _ = signed_in(qtbot, make_controller, sim, memory_keyring)
    assert tray.available is False  # offscreen: no tray
    controller.set_tray(tray)
    assert main.closes_to_tray is False
    with qtbot.waitSignal(controller.quitting, timeout=5000):
        main.close()
    assert not main.isVisible()
    assert [e["message"] for e in log(sim)][-1:] == ["desconectar"]
    qtbot.waitUntil(lambda: sim.hub.registrations(AGENT) == [], timeout=5000)


def test_with_a_tray_closing_hides_and_the_phone_keeps_working(qtbot, make_controller, sim,
                                                               memory_keyring, tray):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    controller.set_tray(tray)
    main.set_close_to_tray(True)  # what set_tray does where a tray exists
    main.close()
    assert not main.isVisible()
    qtbot.wait(500)
    assert len(sim.hub.registrations(AGENT)) == 1
    assert phone.state.registration is Registration.CONNECTED
    sim.hub.incoming_call(AGENT, "48999993333")
    qtbot.waitUntil(main.isVisible, timeout=5000)  # an incoming call brings it back
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    tray.toggle_action.trigger()  # hide from the tray
    assert not main.isVisible()
    tray.toggle_action.trigger()  # and show again
    assert main.isVisible()
    with qtbot.waitSignal(controller.quitting, timeout=5000):
        tray.quit_action.trigger()  # the tray's Quit: ends tvdesk for real
    assert not main.isVisible()
    qtbot.waitUntil(lambda: sim.hub.registrations(AGENT) == [], timeout=5000)


def test_the_tray_follows_the_phone_and_its_actions_reach_it(qtbot, make_controller, sim,
                                                             memory_keyring, tray):
    controller, _, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    controller.set_tray(tray)
    assert tray.state == "ready"
    assert "Webphone ready" in tray.icon.toolTip() and "4000" in tray.icon.toolTip()
    tray.pause_action.trigger()
    qtbot.waitUntil(lambda: controller.pause_reasons.dialog is not None, timeout=3000)
    controller.pause_reasons.dialog.pause_button.click()  # why: the first reason
    qtbot.waitUntil(lambda: tray.state == "paused", timeout=5000)
    assert tray.unpause_action.isEnabled() and not tray.pause_action.isEnabled()
    tray.unpause_action.trigger()
    qtbot.waitUntil(lambda: tray.state == "ready", timeout=5000)
    assert [e["message"] for e in log(sim)][-2:] == ["pausarNaFila", "despausarNaFila"]
    phone.dial("4001")
    qtbot.waitUntil(lambda: tray.state == "call", timeout=5000)
    assert not state_icon("call").isNull()


def test_signing_out_resets_the_tray(qtbot, make_controller, sim, memory_keyring, tray):
    controller, main, _ = signed_in(qtbot, make_controller, sim, memory_keyring)
    controller.set_tray(tray)
    assert tray.state == "ready"
    main.menu_actions.sign_out.trigger()
    qtbot.waitUntil(lambda: controller.sign_in_window is not None, timeout=5000)
    assert tray.state == "off" and "4000" not in tray.icon.toolTip()


def test_the_ringing_balloon_goes_when_the_call_is_answered_and_a_pause_shows(
        qtbot, make_controller, sim, memory_keyring, tray):
    """Seen on a real tray: "Call arriving" stayed up over the call the agent had answered;
    and the tooltip said "ready" during a pause (issue 21)."""
    controller, _main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    tray.available = True  # (offscreen there is none: Qt's balloon is what is watched)
    shown = []
    tray.icon.showMessage = lambda title, text, *_rest: shown.append(title)
    controller.set_tray(tray)
    sim.hub.incoming_call(AGENT, "48999991111")
    qtbot.waitUntil(lambda: bool(shown) and shown[-1].startswith("Call arriving"),
                    timeout=5000)
    phone.answer()
    qtbot.waitUntil(lambda: shown[-1] == "", timeout=5000)  # taken back
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    # a missed call's news stays: it is not the ringing one
    sim.hub.incoming_call(AGENT, "48999992222")
    qtbot.waitUntil(lambda: shown[-1].startswith("Call arriving"), timeout=5000)
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: shown[-1].startswith("Missed call"), timeout=5000)
    qtbot.wait(300)
    assert shown[-1].startswith("Missed call")
    # paused: the tooltip says so, and for how long
    controller.dock.pause()
    qtbot.waitUntil(lambda: controller.pause_reasons.dialog is not None, timeout=3000)
    controller.pause_reasons.dialog.pause_button.click()
    qtbot.waitUntil(lambda: "Paused for" in tray.icon.toolTip(), timeout=5000)
