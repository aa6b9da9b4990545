"""tvdesk against every variant the vendor's record leaves open: both forms of hidden URL,
a main world that is not to be trusted, status_erro as a bare text, ligar_para in E.164."""

from __future__ import annotations

import pytest

from tests.helpers.desktop import open_phone
from tests.helpers.simulator import AGENT
from tests.helpers.webphone import log
from tvdesk.core.webphone.phone_state import CallPhase, Registration

pytestmark = pytest.mark.webengine


@pytest.fixture
def quick_frame_check(monkeypatch):
    from tvdesk.gui.webphone.controller import WebphoneController

    monkeypatch.setattr(WebphoneController, "HIDDEN_FRAME_TIMEOUT_MS", 1500)


def url_requests(sim) -> list[dict]:
    return [r for r in sim.requests_log() if r["path"] == "/webphone"]


@pytest.mark.parametrize("form", ["script", "page"])
def test_hidden_mode_works_with_either_form_of_hidden_url(
        qtbot, make_controller, sim, memory_keyring, quick_frame_check, form):
    sim.hub.config.hidden_form = form
    _, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="hidden")
    regs = sim.hub.registrations(AGENT)
    assert len(regs) == 1 and regs[0]["tipo"] == "hidden"
    # the vendor's way first (<script src>); a page is framed directly, with a fresh URL
    assert len(url_requests(sim)) == (1 if form == "script" else 2)
    phone.dial("4001")
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    sim.hub.incoming_call(AGENT, "48999990000")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    phone.answer()
    qtbot.waitUntil(lambda: phone.state.call.phase is CallPhase.TALKING, timeout=5000)
    assert [e["accepted"] for e in log(sim, "answer")] == [True]
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    # what was learnt holds: a reconnect frames the page at once (no second try)
    before = len(url_requests(sim))
    phone.reconnect()
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED
                    and len(sim.hub.registrations(AGENT)) == 1, timeout=20000)
    assert len(url_requests(sim)) == before + 1


def test_the_bridge_trusts_neither_synthetic_events_nor_a_decoy_frame(
        qtbot, make_controller, sim, memory_keyring):
    _, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="hidden")
    # the page's main world, where the vendor's script runs: a decoy frame first in the
    # container, and a forged event claiming to come from the webphone's frame
    phone.page.runJavaScript("""
        var decoy = document.createElement('iframe');
        decoy.srcdoc = '<p>decoy</p>';
        var box = document.getElementById('widget-evoline-api-container');
        box.insertBefore(decoy, box.firstChild);
        window.dispatchEvent(new MessageEvent('message', {
            data: {message: 'chegandoChamada', numeroChegando: '11999998888'},
            origin: new URL(webphone.src).origin, source: webphone.contentWindow}));
    """, 0)
    qtbot.waitUntil(lambda: len(phone.page.bridge.rejected_origins) >= 1, timeout=5000)
    assert phone.state.call is None  # no fake incoming call
    sim.hub.incoming_call(AGENT, "48999990000")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    assert phone.state.call.number == "48999990000"
    phone.answer()  # reaches the webphone, not the decoy
    qtbot.waitUntil(lambda: phone.state.call.phase is CallPhase.TALKING, timeout=5000)
    assert [e["accepted"] for e in log(sim, "answer")] == [True]


def test_an_unknown_error_reloads_once_then_waits_for_the_agent(
        qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main = controller.main_window
    first = sim.hub.registrations(AGENT)[0]["session"]
    sim.hub.remote(AGENT, "error", status_erro="Ramal bloqueado pela central")
    qtbot.waitUntil(lambda: "Ramal bloqueado pela central" in main.banner.text(),
                    timeout=5000)
    assert "Trying again" in main.banner.text()
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED
                    and sim.hub.registrations(AGENT)[0]["session"] != first, timeout=20000)
    assert len(url_requests(sim)) == 2  # a fresh URL
    sim.hub.remote(AGENT, "error", status_erro="Ramal bloqueado pela central")
    qtbot.waitUntil(lambda: "again" in main.banner.text(), timeout=5000)
    assert main.banner.action.isVisible() and main.banner.action.text() == "Reconnect"
    qtbot.wait(3000)
    assert len(url_requests(sim)) == 2  # no loop
    main.banner.action.click()  # the agent tries once more
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED
                    and len(url_requests(sim)) == 3, timeout=20000)


def test_an_error_during_a_call_leaves_the_call_and_reloads_after_it(
        qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    session = sim.hub.registrations(AGENT)[0]["session"]
    phone.dial("4001")
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    sim.hub.remote(AGENT, "error", status_erro="Falha de áudio")
    qtbot.waitUntil(lambda: "Falha de áudio" in controller.main_window.banner.text(),
                    timeout=5000)
    qtbot.wait(2500)
    assert phone.state.call is not None and log(sim, "hangup") == []
    assert sim.hub.registrations(AGENT)[0]["session"] == session  # the same page
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED
                    and sim.hub.registrations(AGENT)[0]["session"] != session,
                    timeout=20000)


def test_a_microphone_text_asks_the_agent_and_does_not_reload(
        qtbot, make_controller, sim, memory_keyring):
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    sim.hub.remote(AGENT, "error", status_erro="Nenhum microfone encontrado")
    qtbot.waitUntil(lambda: "No microphone was found" in controller.main_window.banner.text(),
                    timeout=5000)
    qtbot.wait(2500)
    assert len(url_requests(sim)) == 1 and phone.state.registration is Registration.ERROR


def test_ligar_para_carries_e164_and_an_extension_waits_for_the_page(
        qtbot, make_controller, sim, memory_keyring):
    _, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    phone.stop()
    qtbot.waitUntil(lambda: sim.hub.registrations(AGENT) == [], timeout=5000)
    phone.dial("4001")  # no page: an extension is not put in ligar_para
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 1, timeout=20000)
    assert (log(sim, "chamaNumero")[0]["numero"], log(sim, "chamaNumero")[0]["source"]) == (
        "4001", "postMessage")
    assert "ligar_para" not in url_requests(sim)[-1]["query"]
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    phone.stop()
    qtbot.waitUntil(lambda: sim.hub.registrations(AGENT) == [], timeout=5000)
    phone.dial("+5548999990000")
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 2, timeout=20000)
    assert log(sim, "chamaNumero")[-1]["source"] == "ligar_para"
    assert url_requests(sim)[-1]["query"]["ligar_para"] == "+5548999990000"
