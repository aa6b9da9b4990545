"""The simulated webphone page in a real browser engine (QtWebEngine, fake audio device).

A small host page, standing in for the app's, frames the webphone as the vendor's samples do
and relays the postMessage protocol; the simulator's command log is the other witness.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from tests.helpers.simulator import AGENT, AGENT_ID, make_client, make_sim
from tests.helpers.webphone import HostPage, dispose
from tvdesk.simulator.webphone import WebphoneConfig

pytestmark = pytest.mark.webengine

# a secure context (loopback): getUserMedia in a frame needs every ancestor to be secure
HOST_ORIGIN = "http://localhost:47001"
FRAMED = """<!doctype html><html><body>
<iframe id="wp" allow="microphone; autoplay" src="{url}" width="320" height="520"></iframe>
<script>
  window.__events = [];
  window.addEventListener('message', e => window.__events.push({{origin: e.origin, data: e.data}}));
  window.send = cmd => document.getElementById('wp').contentWindow.postMessage(cmd, '{origin}');
</script></body></html>"""
HIDDEN = """<!doctype html><html><body>
<div id="widget-evoline-api-container"></div>
<script>
  window.__events = [];
  window.addEventListener('message', e => window.__events.push({{origin: e.origin, data: e.data}}));
  window.send = cmd => document.querySelector('#widget-evoline-api-container iframe')
      .contentWindow.postMessage(cmd, '{origin}');
</script>
<script src="{url}"></script></body></html>"""


class Harness:
    def __init__(self, qtbot, sim, *, tipo="embedded", mic=True, **url_kw) -> None:
        self.qtbot, self.sim = qtbot, sim
        with make_client(sim) as client:
            self.url = client.webphone_url(ramal=AGENT, tipo=tipo, **url_kw)
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.url))
        self.view = QWebEngineView()
        self.page = HostPage(self.origin if mic else None)
        self.view.setPage(self.page)
        self.view.resize(420, 600)
        self.view.show()
        template = HIDDEN if tipo == "hidden" else FRAMED
        self.view.setHtml(template.format(url=self.url, origin=self.origin),
                          QUrl(HOST_ORIGIN + "/host.html"))

    def js(self, code: str):
        box = []
        self.page.runJavaScript(code, 0, box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=5000)
        return box[0]

    def events(self) -> list[dict]:
        raw = self.js("JSON.stringify(window.__events || [])")
        return json.loads(raw) if raw else []

    def messages(self) -> list[dict]:
        return [e["data"] for e in self.events()]

    def wait_event(self, timeout=10000, **match) -> dict:
        found = []

        def check():
            for msg in self.messages():
                if all(msg.get(k) == v for k, v in match.items()):
                    found.append(msg)
                    return True
            return False

        self.qtbot.waitUntil(check, timeout=timeout)
        return found[0]

    def wait_count(self, n, timeout=10000, **match) -> None:
        self.qtbot.waitUntil(
            lambda: len([m for m in self.messages()
                         if all(m.get(k) == v for k, v in match.items())]) >= n,
            timeout=timeout)

    def send(self, **command) -> None:
        self.js(f"window.send({json.dumps(command)})")

    def log(self, message=None) -> list[dict]:
        return [e for e in self.sim.hub.log() if message is None or e["message"] == message]

    def close(self) -> None:
        dispose(self.view, self.page)


@pytest.fixture
def wsim():
    sim = make_sim(webphone=WebphoneConfig(answer_delay_ms=150, keepalive_ms=300,
                                           stats_interval_ms=400))
    yield sim
    sim.stop()


@pytest.fixture
def harness(qtbot, wsim):
    made = []

    def make(**kw) -> Harness:
        h = Harness(qtbot, wsim, **kw)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


def test_embedded_connects_dials_once_and_hangs_up(harness, wsim):
    h = harness()
    h.wait_event(message="status", status="conectado")
    assert h.page.permission_log == [(h.origin, True)]
    assert {e["origin"] for e in h.events()} == {h.origin}
    assert wsim.hub.registrations(AGENT)[0]["connected"]

    h.send(message="chamaNumero", numero="+5548999990000")
    h.wait_event(message="status", status="conversando")
    dials = h.log("chamaNumero")
    assert len(dials) == 1
    assert dials[0]["numero"] == "+5548999990000"
    assert dials[0]["origin"] == HOST_ORIGIN and dials[0]["accepted"]
    assert h.wait_event(message="chamada_id")["chamada_id"] == dials[0]["chamada_id"]
    statuses = [m["status"] for m in h.messages() if m["message"] == "status"]
    assert statuses == ["conectado", "chamando", "conversando"]
    # once per call, when it starts: not again when the far end answers
    assert [m["message"] for m in h.messages()].count("chamada_id") == 1

    h.send(message="hangup")
    h.wait_event(message="status", status="encerrada")
    assert [e["message"] for e in h.log()] == ["chamaNumero", "hangup"]


def test_call_controls_and_queues_reach_the_simulator(harness):
    h = harness()
    h.wait_event(message="status", status="conectado")
    h.send(message="pausarNaFila", filaId=3)
    assert h.wait_event(message="pausou_na_fila")["filaId"] == 3
    h.send(message="despausarNaFila")
    assert h.wait_event(message="despausou_na_fila")["filaId"] is None  # all queues
    h.send(message="entrarNaFila", filaId=5)
    h.wait_event(message="entrou_na_fila")
    h.send(message="sairDaFila", filaId=5)
    h.wait_event(message="saiu_da_fila")

    h.send(message="chamaNumero", numero="4001")
    h.wait_event(message="status", status="conversando")
    for cmd in ({"message": "enviaDTMF", "dtmf": "7"}, {"message": "enviaDTMF", "dtmf": "x"},
                {"message": "mute"}, {"message": "recStart"}, {"message": "recStop"},
                {"message": "transferirConsulta", "numeroTelefone": "4002"},
                {"message": "transferir", "numeroTelefone": "4003"}):
        h.send(**cmd)
    h.wait_event(message="status", status="encerrada")  # a blind transfer ends our leg
    h.qtbot.waitUntil(lambda: len(h.log()) == 12, timeout=5000)
    got = [(e["message"], e.get("dtmf") or e.get("numeroTelefone") or e.get("filaId"),
            e["accepted"]) for e in h.log()]
    assert got == [
        ("pausarNaFila", 3, True), ("despausarNaFila", None, True),
        ("entrarNaFila", 5, True), ("sairDaFila", 5, True), ("chamaNumero", None, True),
        ("enviaDTMF", "7", True), ("enviaDTMF", "x", False), ("mute", None, True),
        ("recStart", None, True), ("recStop", None, True),
        ("transferirConsulta", "4002", True), ("transferir", "4003", True),
    ]
    stats = h.wait_event(message="stats_webphone")
    # plain values, as the vendor's samples print them
    assert isinstance(stats["internet"], int) and isinstance(stats["computador"], int)


def test_commands_out_of_place_are_refused_and_logged(harness):
    h = harness()
    h.wait_event(message="status", status="conectado")
    h.send(message="hangup")
    h.send(message="answer")
    h.send(message="chamaNumero", numero="nem-um-numero")
    h.send(message="voar")
    h.qtbot.waitUntil(lambda: len(h.log()) == 4, timeout=5000)
    assert [(e["message"], e["accepted"]) for e in h.log()] == [
        ("hangup", False), ("answer", False), ("chamaNumero", False), ("voar", False)]
    assert not [m for m in h.messages() if m.get("status") == "chamando"]


def test_incoming_call_answered_then_hung_up_by_the_caller(harness, wsim):
    h = harness()
    h.wait_event(message="status", status="conectado")
    before = len(wsim.store.calls[AGENT_ID])
    offer = wsim.hub.incoming_call(AGENT, "48999991111")
    assert offer["ok"]
    ring = h.wait_event(message="chegandoChamada")
    assert ring["numeroChegando"] == "48999991111"
    assert ring["numeroDestino"] == AGENT
    assert ring["chamadaRecebidaId"] == offer["chamadaRecebidaId"]
    h.send(message="answer")
    h.wait_event(message="status", status="conversando")
    wsim.hub.remote(AGENT, "hangup")
    h.wait_event(message="status", status="encerrada")
    calls = wsim.store.calls[AGENT_ID]
    assert len(calls) == before + 1
    assert (calls[-1].caller, calls[-1].status) == ("48999991111", "atendida")


def test_hidden_mode_script_creates_the_frame_in_the_container(harness):
    h = harness(tipo="hidden")
    assert urlsplit(h.url).path == "/w3/" and "tipo=hidden" in h.url  # the vendor's form
    h.wait_event(message="status", status="conectado")
    assert h.js("document.querySelectorAll('#widget-evoline-api-container iframe').length") == 1
    # id="webphone": the vendor's sample functions post through that global
    assert h.js("webphone.allow") == "microphone; autoplay"
    assert h.js("webphone === document.querySelector('#widget-evoline-api-container iframe')")
    h.send(message="chamaNumero", numero="+5511988887777")
    h.wait_event(message="status", status="chamando")
    assert [e["numero"] for e in h.log("chamaNumero")] == ["+5511988887777"]


def test_ligar_para_dials_once_on_load(harness, wsim):
    h = harness(ligar_para="+5548999992222")
    h.wait_event(message="status", status="conversando")
    h.qtbot.wait(400)
    dials = h.log("chamaNumero")
    assert [(d["numero"], d["source"]) for d in dials] == [("+5548999992222", "ligar_para")]


def test_microphone_denied_is_a_final_error(harness, wsim):
    h = harness(mic=False)
    err = h.wait_event(message="status_erro")
    assert err == {"message": "status_erro", "status_erro": "Permissão de microfone negada"}
    assert h.page.permission_log == [(h.origin, False)]
    assert wsim.hub.registrations(AGENT) == []
    assert not [m for m in h.messages() if m.get("status") == "conectado"]


def test_expired_signed_url_is_reported(qtbot):
    sim = make_sim(webphone=WebphoneConfig(signed_ttl_s=-5))  # issued already expired
    try:
        h = Harness(qtbot, sim)
        try:
            assert "signature=" in h.url
            err = h.wait_event(message="status_erro")
            assert err == {"message": "status_erro", "status_erro": "URL do webphone expirada"}
        finally:
            h.close()
    finally:
        sim.stop()


def test_forced_disconnect_and_page_unload_end_the_registration(harness, wsim):
    h = harness()
    h.wait_event(message="status", status="conectado")
    assert len(wsim.hub.registrations(AGENT)) == 1
    wsim.hub.remote(AGENT, "disconnect")
    h.wait_event(message="status", status="desconectado")
    h.qtbot.waitUntil(lambda: wsim.hub.registrations(AGENT) == [], timeout=5000)

    h.send(message="conectar")
    h.wait_count(2, message="status", status="conectado")
    assert len(wsim.hub.registrations(AGENT)) == 1
    h.view.setHtml("<p>elsewhere</p>", QUrl(HOST_ORIGIN + "/other.html"))
    h.qtbot.waitUntil(lambda: wsim.hub.registrations(AGENT) == [], timeout=5000)


def test_fechar_fim_closes_a_top_level_webphone(qtbot, wsim):
    """Opened as its own window (the vendor's floating popup), the page closes itself."""
    with make_client(wsim) as client:
        url = client.webphone_url(ramal=AGENT, tipo="floating", fechar_fim=True)
    view = QWebEngineView()
    page = HostPage("{0.scheme}://{0.netloc}".format(urlsplit(url)))
    view.setPage(page)
    view.show()
    view.load(QUrl(url))
    try:
        def state():
            box = []
            page.runJavaScript("window.__webphoneState && window.__webphoneState()", 0,
                               box.append)
            qtbot.waitUntil(lambda: bool(box), timeout=5000)
            return json.loads(box[0]) if box[0] else {}

        qtbot.waitUntil(lambda: state().get("state") == "conectado", timeout=10000)
        page.runJavaScript("document.getElementById('number').value = '4001';"
                           "document.getElementById('btn-call').click()", 0)
        qtbot.waitUntil(lambda: state().get("state") == "conversando", timeout=5000)
        with qtbot.waitSignal(page.windowCloseRequested, timeout=5000):
            page.runJavaScript("document.getElementById('btn-hangup').click()", 0)
        assert [(e["message"], e["source"]) for e in wsim.hub.log()] == [
            ("chamaNumero", "ui"), ("hangup", "ui")]
    finally:
        dispose(view, page)
