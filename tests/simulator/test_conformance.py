"""The simulator's conformance test: its webphone, driven the vendor's way.

``vendor_page.html`` is an integrator's page written from the vendor's docs and samples (a
global ``webphone`` frame, ``webphone.contentWindow.postMessage({message: …}, '*')``, events
read from ``e.data``'s documented fields). In real QtWebEngine it drives the simulator's
webphone through every documented command and checks every documented event, embedded and
in both hidden forms. It uses neither tvdesk's host page nor its bridge.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from tests.helpers.simulator import AGENT, make_client, make_sim
from tests.helpers.webphone import HostPage, dispose
from tvdesk.simulator.webphone import COMMANDS, WebphoneConfig

pytestmark = pytest.mark.webengine

PAGE_ORIGIN = "http://localhost:47002"  # the integrator's site (loopback: a secure context)
FRAMES = {
    "embedded": '<iframe id="webphone" allow="microphone" src="{url}"></iframe>',
    "hidden script": '<div id="widget-evoline-api-container"></div>\n'
                     '<script src="{url}"></script>',
    "hidden page": '<div id="widget-evoline-api-container"><iframe id="webphone" '
                   'allow="microphone" src="{url}"></iframe></div>',
}


class VendorPage:
    def __init__(self, qtbot, sim, form: str) -> None:
        self.qtbot, self.sim = qtbot, sim
        tipo = "embedded" if form == "embedded" else "hidden"
        with make_client(sim) as client:
            url = client.webphone_url(ramal=AGENT, tipo=tipo)
        self.view = QWebEngineView()
        self.page = HostPage("{0.scheme}://{0.netloc}".format(urlsplit(url)))
        self.view.setPage(self.page)
        self.view.resize(400, 600)
        self.view.show()
        text = Template((Path(__file__).with_name("vendor_page.html")).read_text("utf-8"))
        html = text.substitute(frame=FRAMES[form].format(url=url.replace("&", "&amp;")))
        self.view.setHtml(html, QUrl(PAGE_ORIGIN + "/integracao.html"))

    def js(self, code: str):
        box = []
        self.page.runJavaScript(code, 0, box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=5000)
        return box[0]

    def seen(self) -> list[str]:
        return json.loads(self.js("JSON.stringify(registro)") or "[]")

    def wait(self, line: str, count: int = 1, timeout: int = 10000) -> None:
        self.qtbot.waitUntil(lambda: self.seen().count(line) >= count, timeout=timeout)

    def wait_match(self, pattern: str) -> str:
        found = []

        def check() -> bool:
            found[:] = [s for s in self.seen() if re.fullmatch(pattern, s)]
            return bool(found)

        self.qtbot.waitUntil(check, timeout=10000)
        return found[0]

    def call(self, code: str) -> None:
        self.js(code + "; true")


@pytest.fixture
def vendor_page(qtbot):
    made: list[tuple[VendorPage, object]] = []

    def make(form: str) -> VendorPage:
        config = WebphoneConfig(answer_delay_ms=200, keepalive_ms=300, stats_interval_ms=400,
                                hidden_form="page" if form == "hidden page" else "script")
        sim = make_sim(webphone=config)
        page = VendorPage(qtbot, sim, form)
        made.append((page, sim))
        return page

    yield make
    for page, sim in made:
        dispose(page.view, page.page)
        sim.stop()


@pytest.mark.parametrize("form", list(FRAMES))
def test_every_documented_command_and_event_the_vendors_way(vendor_page, form):
    p = vendor_page(form)
    hub = p.sim.hub
    p.wait("status: conectado")
    assert p.js("typeof webphone === 'object' && webphone.tagName") == "IFRAME"

    # an outgoing call, with a number as a JS number (as the samples send it)
    p.call("chamaNumero(4001)")
    p.wait("status: chamando")
    p.wait("status: conversando")
    p.call("enviaDTMF('5'); mudo(); mudo(); gravar(); pararGravacao();"
           "transferirConsulta('4002')")
    p.qtbot.waitUntil(lambda: len(hub.log()) == 7, timeout=5000)
    p.call("desligar()")
    p.wait("status: encerrada")
    # chamada_id: once per call, when it starts
    first = [s for s in p.seen() if s.startswith("chamada_id: ")]
    assert len(first) == 1 and re.fullmatch(r"chamada_id: \d+", first[0])

    # an incoming call: the documented fields, answered, then a blind transfer
    offer = hub.incoming_call(AGENT, "48999991111")
    p.wait(f"chegando: 48999991111 para {AGENT} id {offer['chamadaRecebidaId']}")
    p.call("atender()")
    p.wait("status: conversando", count=2)
    p.call("transferir('4003')")
    p.wait("status: encerrada", count=2)
    ids = [s for s in p.seen() if s.startswith("chamada_id: ")]
    assert len(ids) == 2 and ids[0] != ids[1]

    # queues: with an id, and without (all queues)
    p.call("pausarNaFila(3); despausarNaFila(); entrarNaFila(5); sairDaFila(5)")
    for event in ("pausou_na_fila", "despausou_na_fila", "entrou_na_fila", "saiu_da_fila"):
        p.wait(event)

    # stats as the samples print them: plain values, not "[object Object]"
    assert re.fullmatch(r"Internet: \d+ e computador: \d+",
                        p.wait_match(r"Internet: .* e computador: .*"))

    # unregister and register again
    p.call("desconectar()")
    p.wait("status: desconectado")
    p.qtbot.waitUntil(lambda: hub.registrations(AGENT) == [], timeout=5000)
    p.call("conectar()")
    p.wait("status: conectado", count=2)

    # the PBX reports an error: a text, read as e.data.status_erro
    hub.remote(AGENT, "error", status_erro="Falha na central")
    p.wait("erro: Falha na central")

    # every documented command arrived, from the integrator's page, and was accepted
    log = hub.log()
    assert {e["message"] for e in log} == set(COMMANDS)
    assert all(e["accepted"] and e["origin"] == PAGE_ORIGIN for e in log), [
        (e["message"], e["reason"]) for e in log if not e["accepted"]]
    assert [e["numero"] for e in log if e["message"] == "chamaNumero"] == [4001]
    assert not [s for s in p.seen() if s.startswith("outro: ")]


def test_without_the_microphone_the_page_says_so_in_text(qtbot, vendor_page):
    p = vendor_page("hidden script")
    p.page.mic_origin = None  # the integrator's browser refuses the microphone (it has
    # not been asked yet: the page loads when the event loop runs)
    p.wait("erro: Permissão de microfone negada")
    assert "status: conectado" not in p.seen()
