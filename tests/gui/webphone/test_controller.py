"""The webphone controller against the simulator's webphone: dials sent once, waiting for the
page or loading one, reconnecting with one registration, expired URLs."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from tests.helpers.desktop import open_phone, remembered, store_token
from tests.helpers.simulator import AGENT, make_sim
from tests.helpers.webphone import log
from tvdesk.core.webphone.phone_state import CallPhase, Registration
from tvdesk.gui.webphone.host import HOST_URL, origin_of
from tvdesk.simulator.webphone import WebphoneConfig

pytestmark = pytest.mark.webengine


def test_a_dial_reaches_the_simulator_once_with_the_right_number(qtbot, make_controller,
                                                                  sim, memory_keyring, caplog):
    caplog.set_level(logging.DEBUG)  # everything, the page's console lines included
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, _dock = controller.main_window, controller.dock
    qtbot.keyClicks(main.dial_box, "(48) 99999-4321")
    qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    dials = log(sim, "chamaNumero")
    assert [(d["numero"], d["origin"], d["accepted"]) for d in dials] == [
        ("+5548999994321", origin_of(HOST_URL), True)]
    assert "In a call with (48) 99999-4321" in main.card.phone_state_text()
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    assert len(log(sim, "chamaNumero")) == 1
    # the webphone URL logs in: neither it nor its key is in any log line or window title
    key = sim.store.ramais[1234].webphone_key
    assert caplog.records and key not in caplog.text
    assert key not in main.windowTitle() and key not in main.card.phone_state_text()


def test_a_dial_while_loading_waits_and_a_dial_with_no_phone_loads_one(
        qtbot, make_controller, sim, memory_keyring):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True))
    controller.start()
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.dock.controller is not None, timeout=10000)
    phone = controller.dock.controller
    assert phone.state.registration is Registration.LOADING
    phone.dial("4001")  # the page is still loading
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 1, timeout=20000)
    qtbot.wait(500)
    assert [(d["numero"], d["source"]) for d in log(sim, "chamaNumero")] == [
        ("4001", "postMessage")]
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    phone.stop()
    qtbot.waitUntil(lambda: sim.hub.registrations(AGENT) == [], timeout=5000)
    phone.dial("+5511988887777")  # no page: a fresh one dials it on load
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 2, timeout=20000)
    qtbot.wait(500)
    last = log(sim, "chamaNumero")[-1]
    assert (last["numero"], last["source"]) == ("+5511988887777", "ligar_para")
    assert len(log(sim, "chamaNumero")) == 2
    assert len(sim.hub.registrations(AGENT)) == 1


def test_reconnects_after_a_forced_disconnect_with_one_registration(qtbot, make_controller,
                                                                     sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, _dock = controller.main_window, controller.dock
    first = sim.hub.registrations(AGENT)[0]["session"]
    sim.hub.remote(AGENT, "disconnect")
    qtbot.waitUntil(lambda: phone.state.registration is not Registration.CONNECTED,
                    timeout=5000)
    assert "reconnecting" in main.banner.text()
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                    timeout=15000)
    regs = sim.hub.registrations(AGENT)
    assert len(regs) == 1 and regs[0]["session"] != first


def test_an_expired_url_is_replaced_by_a_fresh_one(qtbot, make_controller, memory_keyring):
    expiring = make_sim(webphone=WebphoneConfig(signed_ttl_s=-5, keepalive_ms=250))
    try:
        store_token(memory_keyring, expiring)
        controller = make_controller(remembered(expiring, webphone_autostart=True))
        controller.start()
        qtbot.waitUntil(lambda: controller.main_window is not None
                        and controller.dock.controller is not None, timeout=10000)
        phone = controller.dock.controller
        qtbot.waitUntil(lambda: phone.state.error is not None, timeout=15000)
        assert "sign-in link expired" in controller.main_window.banner.text()
        expiring.hub.config.signed_ttl_s = 60  # URLs fetched from now on are valid
        qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                        timeout=20000)
        assert len(expiring.hub.registrations(AGENT)) == 1
    finally:
        expiring.stop()


@pytest.fixture
def quick_watchdogs(monkeypatch):
    from tvdesk.gui.webphone.controller import WebphoneController

    monkeypatch.setattr(WebphoneController, "CONNECT_TIMEOUT_MS", 2500)
    monkeypatch.setattr(WebphoneController, "DIAL_TIMEOUT_MS", 1500)


def test_a_page_that_never_connects_is_replaced_and_a_waiting_dial_survives(
        qtbot, make_controller, sim, memory_keyring, quick_watchdogs):
    # a proxy's error page instead of the webphone, once: it never says conectado
    sim.add_fault("html_502", path="^/w3/$", count=1)
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True))
    controller.start()
    qtbot.waitUntil(lambda: controller.dock is not None
                    and controller.dock.controller is not None, timeout=10000)
    phone, main = controller.dock.controller, controller.main_window
    phone.dial("4001")  # typed while it is (not) connecting: not lost
    qtbot.waitUntil(lambda: "did not connect" in main.banner.text(), timeout=10000)
    assert "Trying again" in main.banner.text()
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED, timeout=20000)
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 1, timeout=10000)
    assert log(sim, "chamaNumero")[0]["numero"] == "4001"
    assert "did not connect" not in main.banner.text()  # back: the message went with it
    assert len(sim.hub.registrations(AGENT)) == 1
    urls = [r for r in sim.requests_log() if r["path"] == "/webphone"]
    assert len(urls) == 2  # a fresh URL for the second page


def test_a_refused_webphone_url_is_retried_and_its_message_stays_until_the_phone_is_back(
        qtbot, make_controller, sim, memory_keyring):
    sim.add_fault("no_permission", path="^/webphone$", count=2)  # 403/8, twice
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True))
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(lambda: "may not use this feature" in main.banner.text(), timeout=10000)
    assert "Trying again" in main.banner.text()
    controller.history.refresh()  # a refresh meanwhile does not hide it
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    phone = controller.dock.controller
    if phone.state.registration is not Registration.CONNECTED:
        assert "may not use this feature" in main.banner.text()
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED, timeout=20000)
    assert "may not use this feature" not in main.banner.text()


def test_a_dial_the_webphone_refuses_returns_the_phone_to_idle(
        qtbot, make_controller, sim, memory_keyring, quick_watchdogs):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main = controller.main_window
    phone.dial("12")  # the webphone refuses it, and says nothing
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=10000)
    assert "did not start the call to 12" in main.banner.text()
    assert "Webphone ready" in main.card.phone_state_text()
    phone.dial("4001")  # dialing is not wedged
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    phone.hangup()


@pytest.mark.parametrize("typed", ["４００１", "٤٠٠١", "(48) ９９９９９-４３２１"])
def test_digits_of_any_script_reach_the_webphone_as_ascii(qtbot, make_controller, sim,
                                                         memory_keyring, typed):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    assert controller.dialer.dial(typed)
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 1, timeout=10000)
    sent = log(sim, "chamaNumero")[0]
    assert sent["numero"] in ("4001", "+5548999994321") and sent["accepted"]
    assert sent["numero"].isascii()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    phone.hangup()
