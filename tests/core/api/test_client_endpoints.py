"""Every endpoint of the seeds through the client, against the simulator over loopback."""

from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.helpers.simulator import AGENT, AGENT_ID, ANCHOR
from tvdesk.core.api import NotFoundError, TotalVoiceClient, ValidationError
from tvdesk.core.api.hosts import DEFAULT_BASE_URL, KNOWN_HOSTS, resolve_base_url


def test_get_ramal(client):
    r = client.get_ramal(AGENT_ID)
    assert r.id == AGENT_ID and r.ramal == AGENT
    assert r.login.endswith("@demo.tvdesk.app")
    assert r.webphone is True


def test_create_get_update_list_delete_roundtrip(client):
    created = client.create_ramal(ramal="4321", login="nova.agente@demo.tvdesk.app",
                                  senha="Segura2024", ligacao_externa=True, webphone=True)
    assert created.ramal == "4321" and created.senha == "Segura2024"
    assert created.webphone_key

    fetched = client.get_ramal(created.id)
    assert fetched.login == "nova.agente@demo.tvdesk.app" and fetched.ligacao_externa

    client.update_ramal(created.id, bina="4833334444", voicemail=True, ura_id=12)
    updated = client.get_ramal(created.id)
    assert (updated.bina, updated.voicemail, updated.ura_id) == ("4833334444", True, 12)
    assert updated.login == fetched.login  # partial update leaves the rest alone

    assert created.id in {r.id for r in client.list_ramais()}

    client.delete_ramal(created.id)
    with pytest.raises(NotFoundError):
        client.get_ramal(created.id)
    assert created.id not in {r.id for r in client.list_ramais()}


def test_create_with_no_fields_at_all(client):
    r = client.create_ramal()
    assert r.ramal and len(r.ramal) == 4 and r.login and r.senha


def test_list_ramais_filters_by_creation_date(client, sim):
    everyone = client.list_ramais()
    assert len(everyone) == len(sim.store.ramais)
    none = client.list_ramais(date(2011, 1, 1), date(2011, 12, 31))
    assert none == []


def test_find_ramal_by_number(client):
    assert client.find_ramal(AGENT).id == AGENT_ID
    assert client.find_ramal("9999") is None


def test_received_calls_are_every_call_of_the_period(client, sim):
    start, end = ANCHOR - timedelta(days=29), ANCHOR
    report = client.received_calls(AGENT_ID, start, end)
    expected = [c.id for c in sim.store.calls[AGENT_ID]
                if start <= c.started_at.date() <= end]
    assert [c.id for c in report.calls] == expected
    assert report.total == len(expected) > 0
    call = report.calls[0]
    assert call.ramal.ramal == AGENT and isinstance(call.price, Decimal)
    assert call.started_at.utcoffset() == timedelta(hours=-3)


def test_the_last_day_of_a_range_is_not_lost(client, sim):
    """A bare-date data_fim means midnight on the server: the client must not send one."""
    last_day = [c for c in sim.store.calls[AGENT_ID] if c.started_at.date() == ANCHOR]
    assert last_day, "the generated account has calls on its last day"
    report = client.received_calls(AGENT_ID, ANCHOR, ANCHOR)
    assert [c.id for c in report.calls] == [c.id for c in last_day]
    # and the pitfall is real on this server: a bare date drops the whole day
    raw = requests.get(f"{sim.base_url}/ramal/{AGENT_ID}/relatorio",
                       params={"data_inicio": ANCHOR.isoformat(), "data_fim": ANCHOR.isoformat()},
                       headers={"Access-Token": sim.token}, timeout=5).json()
    assert raw["dados"]["total"] == 0


def test_recordings_are_served_as_playable_audio(client, sim):
    report = client.received_calls(AGENT_ID, ANCHOR - timedelta(days=10), ANCHOR)
    with_recording = [c for c in report.calls if c.has_recording]
    assert with_recording
    audio = requests.get(with_recording[0].recording_url, timeout=5)
    assert audio.status_code == 200
    assert audio.headers["Content-Type"] == "audio/wav"
    assert audio.content[:4] == b"RIFF" and audio.content[8:12] == b"WAVE"


def test_pauses_with_totals(client, sim):
    start, end = ANCHOR - timedelta(days=13), ANCHOR
    report = client.pauses(AGENT_ID, start, end)
    expected = [p for p in sim.store.pauses[AGENT_ID] if start <= p.start.date() <= end]
    assert len(report.pauses) == report.total == len(expected) > 0
    assert report.total_seconds == sum(p.seconds for p in report.pauses)
    assert report.ramal == AGENT
    h, m, s = (int(x) for x in report.total_duration.split(":"))
    assert h * 3600 + m * 60 + s == report.total_seconds


@pytest.mark.parametrize("tipo", ["floating", "embedded", "hidden"])
def test_webphone_url_for_each_type(client, sim, tipo):
    url = client.webphone_url(ramal=AGENT, tipo=tipo, ligar_para="+5548999999999",
                              fechar_fim=True)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == sim.base_url
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["tipo"] == tipo
    assert query["ligar_para"] == "+5548999999999"
    assert query["fechar_fim"] == "true"
    assert query["key"] == sim.store.ramais[AGENT_ID].webphone_key
    assert parts.path == "/w3/"  # hidden too: the form on the vendor's record
    page = requests.get(url, timeout=5)
    assert page.status_code == 200
    assert ("javascript" if tipo == "hidden" else "html") in page.headers["Content-Type"]


def test_webphone_url_by_id_and_its_parameters(client, sim):
    url = client.webphone_url(id_ramal=AGENT_ID, fechar_fim=False)
    query = parse_qs(urlsplit(url).query)
    assert query["tipo"] == ["floating"] and query["fechar_fim"] == ["false"]
    with pytest.raises(ValueError, match="exactly one"):
        client.webphone_url()
    with pytest.raises(ValueError, match="exactly one"):
        client.webphone_url(ramal=AGENT, id_ramal=AGENT_ID)
    with pytest.raises(ValueError, match="tipo"):
        client.webphone_url(ramal=AGENT, tipo="popup")


def test_webphone_validation_from_the_server(client):
    with pytest.raises(ValidationError, match="ligar_para"):
        client.webphone_url(ramal=AGENT, ligar_para="abc")
    with pytest.raises(NotFoundError):
        client.webphone_url(ramal="9876")


def test_hosts():
    assert resolve_base_url(None) == DEFAULT_BASE_URL == "https://voice-api.zenvia.com"
    assert resolve_base_url("totalvoice-api2") == "https://api2.totalvoice.com.br"
    assert resolve_base_url("totalvoice") == "https://api.totalvoice.com.br"
    assert resolve_base_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    for bad in ("ftp://x", "voice-api.zenvia.com", "https://h/?a=1"):
        with pytest.raises(ValueError):
            resolve_base_url(bad)
    assert set(KNOWN_HOSTS) == {"zenvia", "totalvoice-api2", "totalvoice"}
    assert TotalVoiceClient("t", "totalvoice").base_url == "https://api.totalvoice.com.br"


def test_client_refuses_blank_tokens_and_bad_arguments(client):
    with pytest.raises(ValueError):
        TotalVoiceClient("  ")
    for typo in ("abc def", "tokén€", "ab\x00c"):
        with pytest.raises(ValueError, match="Access-Token"):
            TotalVoiceClient(typo)
    assert TotalVoiceClient("  padded-token  ").get_ramal  # surrounding blanks are trimmed
    with pytest.raises(TypeError):
        client.create_ramal(cor="azul")
    with pytest.raises(ValueError):
        client.update_ramal(AGENT_ID)
    with pytest.raises(TypeError):
        from datetime import datetime

        client.received_calls(AGENT_ID, datetime(2024, 1, 1), datetime(2024, 1, 2))
