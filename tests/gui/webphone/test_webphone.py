"""The webphone in real QtWebEngine against the simulator's webphone (fake audio device):
modes, microphone, navigation, dialing, incoming calls, commands, foreign events,
reconnecting and fechar_fim."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePermission

from tests.gui.conftest import remembered, store_token
from tests.helpers.simulator import AGENT, make_sim
from tests.helpers.webphone import log
from tvdesk.core.webphone.phone_state import CallPhase, Registration
from tvdesk.gui.webphone.host import HOST_URL, origin_of, permission_allowed
from tvdesk.simulator.webphone import WebphoneConfig

pytestmark = pytest.mark.webengine


def open_phone(qtbot, make_controller, sim, memory_keyring, mode="embedded", **settings):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True,
                                            webphone_mode=mode, range_preset="7days",
                                            **settings))
    controller.start()
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.dock.controller is not None, timeout=10000)
    qtbot.waitUntil(lambda: controller.dock.controller.state.registration
                    is Registration.CONNECTED and controller.session is not None,
                    timeout=20000)
    return controller, controller.dock.controller


@pytest.mark.parametrize("mode", ["embedded", "floating", "hidden"])
def test_each_mode_loads_and_registers_once(qtbot, make_controller, sim, memory_keyring, mode):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode=mode)
    main, dock = controller.main_window, controller.dock
    regs = sim.hub.registrations(AGENT)
    assert len(regs) == 1 and regs[0]["tipo"] == mode
    assert "Webphone ready" in main.card.state.text()
    if mode == "embedded":
        assert dock.embedded.view.page() is phone.page and dock.embedded.isVisible()
    elif mode == "floating":
        assert dock.floating.isVisible() and dock.floating.view.page() is phone.page
    else:
        assert dock.controls.isVisible()
        assert phone.page.isVisible()  # no view, yet not throttled as a hidden page


def test_a_hidden_webphone_is_not_throttled(qtbot, make_controller, sim, memory_keyring):
    _, _phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="hidden")
    before = sim.hub.registrations(AGENT)[0]["keepalives"]
    qtbot.wait(3000)
    after = sim.hub.registrations(AGENT)[0]["keepalives"]
    # every 250 ms: about 12 in 3 s; a throttled page (1 Hz) manages 3
    assert after - before >= 8


def test_the_microphone_is_for_the_webphone_origin_only(qtbot, make_controller, sim,
                                                        memory_keyring):
    _, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    decided = []
    phone.page.microphoneDecided.connect(lambda origin, ok: decided.append((origin, ok)))
    # tvdesk's own host page (another origin) asks: refused (Chromium reports AbortError)
    result = []
    phone.page.runJavaScript(
        "navigator.mediaDevices.getUserMedia({audio: true})"
        ".then(() => window.__mic = 'granted', e => window.__mic = e.name)", 0)
    qtbot.waitUntil(lambda: bool(decided), timeout=5000)
    assert decided == [(origin_of(HOST_URL), False)]
    qtbot.waitUntil(lambda: (phone.page.runJavaScript("window.__mic || ''", 0, result.append),
                             bool(result) and result[-1] != "")[1], timeout=5000)
    assert result[-1] in ("AbortError", "NotAllowedError")
    webphone = origin_of(sim.base_url)
    kind = QWebEnginePermission.PermissionType
    assert permission_allowed(kind.MediaAudioCapture, webphone, webphone)
    assert not permission_allowed(kind.MediaAudioCapture, "http://127.0.0.1:1", webphone)
    assert not permission_allowed(kind.MediaVideoCapture, webphone, webphone)
    assert not permission_allowed(kind.Geolocation, webphone, webphone)


class UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot(QUrl)
    def open(self, url):
        self.urls.append(url.toString())


def test_outside_navigation_is_refused_and_links_open_outside(qtbot, make_controller, sim,
                                                              memory_keyring):
    _main, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    refused = []
    phone.page.navigationRefused.connect(lambda url: refused.append(url.toString()))
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        phone.page.runJavaScript(
            "var f = document.createElement('iframe');"
            "f.src = 'https://elsewhere.tvdesk.invalid/'; document.body.appendChild(f);", 0)
        qtbot.waitUntil(lambda: any("elsewhere" in u for u in refused), timeout=5000)
        phone.page.runJavaScript(
            "var a = document.createElement('a'); a.href = 'https://docs.tvdesk.invalid/';"
            "document.body.appendChild(a); a.click();", 0)
        qtbot.waitUntil(lambda: "https://docs.tvdesk.invalid/" in catcher.urls, timeout=5000)
        phone.page.runJavaScript("window.open('https://popup.tvdesk.invalid/')", 0)
        qtbot.wait(300)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert "https://popup.tvdesk.invalid/" not in catcher.urls  # not user-initiated
    assert phone.state.registration is Registration.CONNECTED  # the phone is untouched
    assert len(sim.hub.registrations(AGENT)) == 1


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
    assert "In a call with (48) 99999-4321" in main.card.state.text()
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    assert len(log(sim, "chamaNumero")) == 1
    # the webphone URL logs in: neither it nor its key is in any log line or window title
    key = sim.store.ramais[1234].webphone_key
    assert caplog.records and key not in caplog.text
    assert key not in main.windowTitle() and key not in main.card.state.text()


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


def test_an_incoming_call_raises_the_banner_with_the_callers_history(
        qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, dock = controller.main_window, controller.dock
    qtbot.waitUntil(lambda: main.calls.totals_now().calls > 0, timeout=10000)
    known = next(c for c in main.calls.model.all_rows() if c.caller)
    sim.hub.incoming_call(AGENT, known.caller)
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)
    assert "Incoming call" in dock.banner.title.text()
    assert "earlier call" in dock.banner.history.text()
    qtbot.mouseClick(dock.banner.answer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=5000)
    assert not dock.banner.isVisible()
    assert log(sim, "answer")[0]["accepted"]
    sim.hub.remote(AGENT, "hangup")
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    qtbot.waitUntil(lambda: main.calls.totals_now().calls > 0, timeout=5000)


def test_commands_from_the_native_controls_reach_the_simulator(qtbot, make_controller, sim,
                                                               memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="hidden")
    main, dock = controller.main_window, controller.dock
    ui = dock.controls
    ui.queue_id.setText("3")
    ui.pause_button.click()
    qtbot.waitUntil(lambda: phone.state.paused, timeout=5000)
    assert "Paused for" in main.card.state.text()
    ui.unpause_button.click()
    qtbot.waitUntil(lambda: not phone.state.paused, timeout=5000)
    ui.number.setText("4002")
    ui.call_button.click()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    ui.keys["5"].click()
    ui.mute_button.click()
    ui.record_button.click()
    ui.transfer_to.setText("4003")
    ui.attended.click()
    ui.blind.click()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    qtbot.waitUntil(lambda: len(log(sim)) >= 8, timeout=5000)
    got = [(e["message"], e.get("dtmf") or e.get("numeroTelefone") or e.get("filaId")
            or e.get("numero"), e["accepted"]) for e in log(sim)]
    assert got == [("pausarNaFila", "3", True), ("despausarNaFila", "3", True),
                   ("chamaNumero", "4002", True), ("enviaDTMF", "5", True),
                   ("mute", None, True), ("recStart", None, True),
                   ("transferirConsulta", "4003", True), ("transferir", "4003", True)]


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


def test_events_from_a_foreign_origin_are_ignored(qtbot, make_controller, sim, memory_keyring):
    _, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    # the host page itself (another origin) posts a fake "disconnected" and an incoming call
    phone.page.runJavaScript(
        "window.postMessage({message: 'status', status: 'desconectado'}, '*');"
        "window.postMessage({message: 'chegandoChamada', numeroChegando: '1'}, '*');", 0)
    qtbot.waitUntil(lambda: len(phone.page.bridge.rejected_origins) >= 2, timeout=5000)
    assert set(phone.page.bridge.rejected_origins) == {origin_of(HOST_URL)}
    assert phone.state.registration is Registration.CONNECTED and phone.state.call is None


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
        assert phone.state.error.code == "url_expirada"
        expiring.hub.config.signed_ttl_s = 60  # URLs fetched from now on are valid
        qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                        timeout=20000)
        assert len(expiring.hub.registrations(AGENT)) == 1
    finally:
        expiring.stop()


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
