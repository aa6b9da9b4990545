"""The simulator speaks the seeds' API exactly: raw HTTP, envelopes, statuses and motivos."""

import io
import wave

import pytest
import requests

from tests.helpers.simulator import AGENT, AGENT_ID, ANCHOR, TOKEN

ENVELOPE_KEYS = {"status", "sucesso", "motivo", "mensagem", "dados"}
RAMAL_KEYS = {"id", "ramal", "login", "senha", "bina", "webphone_key", "ligacao_externa",
              "ligacao_celular", "gravar_audio", "acesso_gravacoes", "webphone", "ura_id",
              "voicemail", "tags"}
CALL_KEYS = {"id", "data_inicio", "url_gravacao", "numero_origem", "status",
             "duracao_segundos", "duracao", "preco", "ramal"}
PERIOD = {"data_inicio": "2026-09-01T00:00:00-03:00", "data_fim": "2026-10-31T23:59:59-03:00"}


def call(sim, method, path, *, token=TOKEN, **kw):
    headers = {"Access-Token": token} if token is not None else {}
    r = requests.request(method, sim.base_url + path, headers=headers, timeout=5, **kw)
    body = r.json()
    assert set(body) == ENVELOPE_KEYS
    assert body["status"] == r.status_code
    return r.status_code, body


def test_get_ramal_has_the_seeds_shape_and_types(sim):
    status, body = call(sim, "GET", f"/ramal/{AGENT_ID}")
    assert status == 200
    assert (body["sucesso"], body["motivo"]) == (True, 0)
    assert body["mensagem"] == "dados retornados com sucesso"
    dados = body["dados"]
    assert set(dados) == RAMAL_KEYS
    assert dados["ramal"] == AGENT  # a string here
    assert isinstance(dados["id"], int) and isinstance(dados["webphone"], bool)
    assert dados["tags"] == ""


def test_create_has_the_create_examples_quirks(sim):
    status, body = call(sim, "POST", "/ramal", json={"ramal": "4777"})
    assert status == 200 and body["mensagem"] == "ramal criado com sucesso"
    dados = body["dados"]
    assert dados["ramal"] == 4777  # a number in the create example
    assert dados["bina"] is None and dados["tags"] is None and dados["ura_id"] is None
    assert len(dados["senha"]) >= 8
    status, body = call(sim, "GET", f"/ramal/{dados['id']}")
    assert body["dados"]["ramal"] == "4777"


def test_update_and_delete_return_null_dados(sim):
    status, body = call(sim, "PUT", f"/ramal/{AGENT_ID}", json={"bina": "4833334444"})
    assert (status, body["mensagem"], body["dados"]) == (200, "dados atualizados com sucesso",
                                                         None)
    status, body = call(sim, "PUT", f"/ramal/{AGENT_ID}", json={})
    assert (status, body["motivo"], body["mensagem"]) == (405, 10, "nada para atualizar")
    status, body = call(sim, "DELETE", "/ramal/60686")
    assert (status, body["mensagem"], body["dados"]) == (200, "Ramal Removido", None)
    status, body = call(sim, "DELETE", "/ramal/60686")
    assert (status, body["motivo"]) == (404, 60)


@pytest.mark.parametrize(
    ("method", "path", "kw", "status", "motivo"),
    [
        ("GET", f"/ramal/{AGENT_ID}/relatorio", {"params": {"data_fim": "2026-10-02"}}, 405, 10),
        ("GET", f"/ramal/{AGENT_ID}/relatorio", {"params": {"data_inicio": "2026-10-02"}},
         405, 10),
        ("GET", f"/ramal/{AGENT_ID}/pausas", {"params": {**PERIOD, "limite": "201"}}, 405, 11),
        ("GET", f"/ramal/{AGENT_ID}/pausas", {"params": {**PERIOD, "limite": "0"}}, 405, 11),
        ("GET", f"/ramal/{AGENT_ID}/pausas", {"params": {**PERIOD, "posicao": "-1"}}, 405, 11),
        ("GET", "/ramal/relatorio", {"params": {"data_inicio": "ontem", "data_fim": "hoje"}},
         405, 11),
        ("GET", "/ramal/999/relatorio", {"params": PERIOD}, 404, 60),
        ("GET", "/ramal/999/pausas", {"params": PERIOD}, 404, 60),
        ("POST", "/ramal", {"json": {"ramal": "40000"}}, 405, 11),
        ("POST", "/ramal", {"json": {"senha": "abcdefgh"}}, 405, 11),
        ("POST", "/ramal", {"json": {"login": "ana.souza@demo.tvdesk.app"}}, 405, 20),
        ("POST", "/ramal", {"data": b"{not json"}, 400, 100),
        ("GET", "/webphone", {"params": {}}, 405, 10),
        ("GET", "/webphone", {"params": {"ramal": "4000", "tipo": "popup"}}, 405, 11),
        ("GET", "/webphone", {"params": {"ramal": "4000", "ligar_para": "x"}}, 405, 11),
        ("GET", "/webphone", {"params": {"ramal": "4000", "fechar_fim": "talvez"}}, 405, 11),
        ("GET", "/webphone", {"params": {"ramal": "4999"}}, 404, 60),
        ("GET", "/webphone", {"params": {"ramal": "4005"}}, 403, 8),
        ("GET", "/naoexiste", {}, 404, 90),
    ],
)
def test_errors_have_the_documented_status_and_motivo(sim, method, path, kw, status, motivo):
    kw = dict(kw)
    got_status, body = call(sim, method, path, **kw)
    assert (got_status, body["sucesso"], body["motivo"]) == (status, False, motivo)
    assert body["mensagem"]


@pytest.mark.parametrize("token", [None, "", "wrong"])
def test_bad_token_is_403_motivo_40(sim, token):
    status, body = call(sim, "GET", f"/ramal/{AGENT_ID}", token=token)
    assert (status, body["motivo"], body["mensagem"]) == (403, 40, "access token inválido")


def test_report_echoes_paging_and_pages_as_documented(sim):
    params = {**PERIOD, "posicao": "0", "limite": "50"}
    _, first = call(sim, "GET", f"/ramal/{AGENT_ID}/relatorio", params=params)
    dados = first["dados"]
    assert (dados["posicao"], dados["limite"]) == (0, 50)
    assert len(dados["relatorio"]) == 50 and dados["total"] > 100
    assert set(dados["relatorio"][0]) == CALL_KEYS
    assert set(dados["relatorio"][0]["ramal"]) == {"id", "ramal", "login"}
    _, second = call(sim, "GET", f"/ramal/{AGENT_ID}/relatorio",
                     params={**params, "posicao": "50"})
    ids = [c["id"] for c in dados["relatorio"]] + [c["id"] for c in second["dados"]["relatorio"]]
    assert len(set(ids)) == 100  # 0-based: the second page starts right after the first
    _, default = call(sim, "GET", f"/ramal/{AGENT_ID}/relatorio", params=PERIOD)
    assert default["dados"]["limite"] == 100  # the documented default


def test_seed_paging_mode_reads_posicao_201_as_row_200(sim):
    sim.paging = "seed"
    params = {**PERIOD, "limite": "200"}
    _, first = call(sim, "GET", f"/ramal/{AGENT_ID}/relatorio", params={**params, "posicao": 0})
    _, second = call(sim, "GET", f"/ramal/{AGENT_ID}/relatorio",
                     params={**params, "posicao": 201})
    assert second["dados"]["relatorio"][0]["id"] not in {
        c["id"] for c in first["dados"]["relatorio"]}
    rows = sim.store.calls_between(AGENT_ID, *_period())
    assert second["dados"]["relatorio"][0]["id"] == rows[200].id


def _period():
    from datetime import datetime

    return (datetime.fromisoformat(PERIOD["data_inicio"]),
            datetime.fromisoformat(PERIOD["data_fim"]))


def test_pause_report_shape(sim):
    _, body = call(sim, "GET", f"/ramal/{AGENT_ID}/pausas", params=PERIOD)
    dados = body["dados"]
    assert set(dados) == {"total", "duracao_total", "duracao_total_segundos", "ramal",
                          "posicao", "limite", "relatorio"}
    assert set(dados["relatorio"][0]) == {"pausa_inicio", "pausa_fim", "tempo_segundos",
                                          "tempo"}
    assert dados["ramal"] == AGENT


def test_ramal_list_has_only_relatorio_like_the_seed(sim):
    _, body = call(sim, "GET", "/ramal/relatorio",
                   params={"data_inicio": "2020-01-01", "data_fim": "2030-01-01"})
    assert set(body["dados"]) == {"relatorio"}
    assert {r["ramal"] for r in body["dados"]["relatorio"]} >= {"1000", AGENT}


def test_recording_is_a_playable_wav_and_checks_its_key(sim):
    call_rec = next(c for c in sim.store.calls[AGENT_ID] if c.recording_x)
    r = requests.get(f"{sim.base_url}/rec/", params={"id": call_rec.id, "x": call_rec.recording_x,
                                                    "cid": 1}, timeout=5)
    with wave.open(io.BytesIO(r.content)) as w:
        assert w.getnframes() / w.getframerate() >= 1.0
    bad = requests.get(f"{sim.base_url}/rec/", params={"id": call_rec.id, "x": "nope"},
                       timeout=5)
    assert bad.status_code == 404


# --------------------------------------------------------------------- control interface
def control(sim, method, route, **kw):
    return requests.request(method, f"{sim.base_url}/_sim{route}", timeout=5, **kw)


def test_control_faults_over_http(sim):
    r = control(sim, "POST", "/faults", json={"kind": "server_error", "path": "^/ramal/",
                                              "count": 1})
    assert r.status_code == 200 and r.json()["kind"] == "server_error"
    assert len(control(sim, "GET", "/faults").json()) == 1
    status, _ = call(sim, "GET", f"/ramal/{AGENT_ID}")
    assert status == 500
    assert control(sim, "GET", "/faults").json() == []  # used up
    assert call(sim, "GET", f"/ramal/{AGENT_ID}")[0] == 200
    r = control(sim, "POST", "/faults", json={"kind": "meteor"})
    assert r.status_code == 400
    control(sim, "POST", "/faults", json={"kind": "latency", "latency_ms": 5})
    assert control(sim, "DELETE", "/faults").json() == {"ok": True}
    assert control(sim, "GET", "/faults").json() == []


def test_control_request_log_and_summary(sim):
    call(sim, "GET", f"/ramal/{AGENT_ID}")
    log = control(sim, "GET", "/requests").json()
    assert log[-1]["path"] == f"/ramal/{AGENT_ID}" and log[-1]["status"] == 200
    summary = control(sim, "GET", "/").json()
    assert {r["ramal"] for r in summary["ramais"]} >= {AGENT, "1000"}
    assert control(sim, "GET", "/health").json() == {"ok": True}


def test_control_webphone_needs_a_live_registration(sim):
    r = control(sim, "POST", "/webphone/incoming", json={"ramal": AGENT})
    assert r.status_code == 409
    assert control(sim, "POST", "/webphone/incoming", json={}).status_code == 400
    assert control(sim, "GET", "/webphone/registrations").json() == []
    assert control(sim, "GET", "/webphone/log").json() == []


def test_webphone_registration_and_signed_urls():
    from tests.helpers.simulator import make_client, make_sim
    from tvdesk.simulator.webphone import WebphoneConfig

    sim = make_sim(webphone=WebphoneConfig(signed_ttl_s=60))
    try:
        with make_client(sim) as client:
            url = client.webphone_url(ramal=AGENT, tipo="embedded")
        assert "signature=" in url and "expires=" in url
        from urllib.parse import parse_qsl, urlsplit

        query = dict(parse_qsl(urlsplit(url).query))
        register = f"{sim.base_url}/w3/api/register"
        ok = requests.post(register, json={"query": query}, timeout=5)
        assert ok.status_code == 200 and ok.json()["ramal"] == AGENT
        tampered = requests.post(register, json={"query": {**query, "tipo": "hidden"}},
                                 timeout=5)
        assert tampered.status_code == 403 and "assinatura" in tampered.json()["error"]
        sim.hub.config.signed_ttl_s = -10  # URLs issued now are already expired
        with make_client(sim) as client:
            expired_url = client.webphone_url(ramal=AGENT)
        expired = requests.post(register, json={"query": dict(parse_qsl(urlsplit(
            expired_url).query))}, timeout=5)
        assert expired.status_code == 403 and "expirada" in expired.json()["error"]
    finally:
        sim.stop()


def test_received_calls_anchor_is_deterministic():
    from tests.helpers.simulator import make_sim

    a, b = make_sim(), make_sim()
    try:
        assert [(c.id, c.caller, c.started_at) for c in a.store.calls[AGENT_ID]] == \
               [(c.id, c.caller, c.started_at) for c in b.store.calls[AGENT_ID]]
        assert a.store.calls[AGENT_ID][-1].started_at.date() <= ANCHOR
    finally:
        a.stop()
        b.stop()


def test_bina_takes_e164_as_the_vendor_documents_and_national_digits_too(sim):
    for bina in ("+554833334444", "4833334444"):
        status, _ = call(sim, "PUT", f"/ramal/{AGENT_ID}", json={"bina": bina})
        assert status == 200
        assert call(sim, "GET", f"/ramal/{AGENT_ID}")[1]["dados"]["bina"] == bina
    status, body = call(sim, "POST", "/ramal", json={"ramal": "4778", "login": "e164@x.com",
                                                     "bina": "+5510888888888"})
    assert status == 200
    for bad in ("+0123", "48-3333", "+55 48 3333 4444"):
        status, body = call(sim, "PUT", f"/ramal/{AGENT_ID}", json={"bina": bad})
        assert (status, body["mensagem"]) == (405, "número da bina inválido, formato E.164")


@pytest.mark.parametrize("form", ["script", "page"])
def test_a_hidden_url_has_the_vendors_form_and_serves_a_script_or_a_page(form):
    from tests.helpers.simulator import make_sim
    from tvdesk.simulator.webphone import WebphoneConfig

    sim = make_sim(webphone=WebphoneConfig(hidden_form=form))
    try:
        url = call(sim, "GET", "/webphone", params={"ramal": AGENT, "tipo": "hidden"}
                   )[1]["dados"]["url"]
        assert url.startswith(sim.base_url + "/w3/?") and "tipo=hidden" in url
        r = requests.get(url, timeout=5)
        if form == "script":
            assert r.headers["Content-Type"].startswith("application/javascript")
            assert "frame.id = 'webphone'" in r.text and "/w3/phone.php?" in r.text
        else:
            assert r.headers["Content-Type"].startswith("text/html")
            assert "/w3/static/webphone.js" in r.text
        # the page itself answers at /w3/phone.php in either form
        page = requests.get(url.replace("/w3/?", "/w3/phone.php?"), timeout=5)
        assert page.headers["Content-Type"].startswith("text/html")
    finally:
        sim.stop()
