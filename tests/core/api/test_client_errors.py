"""Every error class and every injected fault, through the real HTTP stack."""

import socket
import threading
import time
from datetime import timedelta

import pytest

from tests.helpers.simulator import AGENT, AGENT_ID, ANCHOR, make_client
from tvdesk.core.api import (
    ApiError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    TransportError,
    ValidationError,
)


def api_requests(sim, method=None, path_part=""):
    return [r for r in sim.requests_log()
            if (method is None or r["method"] == method) and path_part in r["path"]]


# --------------------------------------------------------------------- server answers
def test_wrong_token_is_an_authentication_error(sim):
    with make_client(sim, token="not-the-token") as bad:
        with pytest.raises(AuthenticationError) as info:
            bad.get_ramal(AGENT_ID)
    assert (info.value.status, info.value.motivo) == (403, 40)
    assert info.value.mensagem == "access token inválido"


def test_no_permission(client, sim):
    no_webphone = sim.store.by_number("4005")
    with pytest.raises(PermissionDeniedError) as info:
        client.webphone_url(ramal=no_webphone.ramal)
    assert (info.value.status, info.value.motivo) == (403, 8)


def test_not_found(client):
    with pytest.raises(NotFoundError) as info:
        client.get_ramal(999999)
    assert (info.value.status, info.value.motivo) == (404, 60)
    assert info.value.mensagem == "ramal não encontrado"


@pytest.mark.parametrize(
    ("fields", "motivo", "words"),
    [
        ({"ramal": "12"}, 11, "3 ou 4 dígitos"),
        ({"ramal": "12345"}, 11, "3 ou 4 dígitos"),
        ({"senha": "curta"}, 11, "senha"),
        ({"senha": "semmaiusculas"}, 11, "senha"),
        ({"ramal": "4000"}, 20, "duplicado"),
        ({"login": "ANA.SOUZA@demo.tvdesk.app"}, 20, "login duplicado"),
        ({"webphone": "sim"}, 11, "webphone"),
    ],
)
def test_validation_errors_carry_the_servers_message(client, fields, motivo, words):
    with pytest.raises(ValidationError) as info:
        client.create_ramal(**fields)
    assert info.value.status == 405 and info.value.motivo == motivo
    assert words in info.value.mensagem


def test_update_validation(client, sim):
    admin = next(r for r in sim.store.ramais.values() if r.admin)
    with pytest.raises(ValidationError, match="administrador"):
        client.update_ramal(admin.id, senha="NovaSenha1")
    with pytest.raises(NotFoundError):
        client.update_ramal(424242, bina="4833334444")


def test_a_429_is_retried_honouring_retry_after(client, sim):
    sim.add_fault("rate_limit", path=r"^/ramal/\d+$", count=1, retry_after=1)
    started = time.monotonic()
    assert client.get_ramal(AGENT_ID).ramal == AGENT
    assert time.monotonic() - started >= 0.95  # waited as told, not the tiny backoff
    assert [r["fault"] for r in api_requests(sim, "GET", "/ramal/")] == ["rate_limit", None]


def test_persistent_429_is_a_rate_limited_error(client, sim):
    sim.add_fault("rate_limit", path=r"^/ramal/\d+$", retry_after=0)
    with pytest.raises(RateLimitedError) as info:
        client.get_ramal(AGENT_ID)
    assert info.value.status == 429 and info.value.retry_after == 0
    assert len(api_requests(sim, "GET")) == 4  # the first try and three retries


def test_a_long_retry_after_is_not_slept_through(sim):
    with make_client(sim, max_retry_after=5) as c:
        sim.add_fault("rate_limit", path="^/ramal/", retry_after=3600)
        started = time.monotonic()
        with pytest.raises(RateLimitedError) as info:
            c.get_ramal(AGENT_ID)
    assert time.monotonic() - started < 2
    assert info.value.retry_after == 3600


@pytest.mark.parametrize("kind", ["server_error", "html_502", "drop"])
def test_transient_failures_of_a_get_are_retried(client, sim, kind):
    sim.add_fault(kind, path=r"^/ramal/\d+$", count=2)
    assert client.get_ramal(AGENT_ID).id == AGENT_ID
    assert [r["fault"] for r in api_requests(sim, "GET")] == [kind, kind, None]


def test_persistent_server_error(client, sim):
    sim.add_fault("server_error", path="^/ramal/")
    with pytest.raises(ServerError) as info:
        client.get_ramal(AGENT_ID)
    assert (info.value.status, info.value.motivo) == (500, 50)


def test_html_502_page_is_a_server_error(client, sim):
    sim.add_fault("html_502", path="^/ramal/")
    with pytest.raises(ServerError) as info:
        client.get_ramal(AGENT_ID)
    assert info.value.status == 502


@pytest.mark.parametrize("kind", ["server_error", "drop", "rate_limit"])
def test_post_is_never_retried_blindly(client, sim, kind):
    sim.add_fault(kind, path="^/ramal$", method="POST", retry_after=0)
    with pytest.raises(ApiError):
        client.create_ramal(ramal="4555")
    assert len(api_requests(sim, "POST")) == 1
    sim.clear_faults()
    assert client.create_ramal(ramal="4555").ramal == "4555"  # it was not created twice


@pytest.mark.parametrize("kind", ["malformed_json", "no_envelope", "wrong_types"])
def test_malformed_responses(client, sim, kind):
    sim.add_fault(kind)
    for call in (lambda: client.get_ramal(AGENT_ID),
                 lambda: client.received_calls(AGENT_ID, ANCHOR, ANCHOR),
                 lambda: client.webphone_url(ramal=AGENT)):
        with pytest.raises(MalformedResponseError):
            call()


def test_truncated_body_is_a_transport_error(client, sim):
    sim.add_fault("truncated", path=r"^/ramal/\d+$")
    with pytest.raises(TransportError) as info:
        client.get_ramal(AGENT_ID)
    assert info.value.kind == "interrupted"


def test_dropped_connections_after_retries(client, sim):
    sim.add_fault("drop")
    with pytest.raises(TransportError) as info:
        client.get_ramal(AGENT_ID)
    assert info.value.kind == "interrupted"


def test_revoked_token_mid_session(client, sim):
    assert client.get_ramal(AGENT_ID)
    sim.add_fault("auth")
    with pytest.raises(AuthenticationError):
        client.received_calls(AGENT_ID, ANCHOR - timedelta(days=5), ANCHOR)


# --------------------------------------------------------------------- transport failures
def test_connection_refused():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: connections are refused
        from tvdesk.core.api import TotalVoiceClient

        with TotalVoiceClient("t", f"http://127.0.0.1:{port}", retries=1, backoff=0) as c, \
                pytest.raises(TransportError) as info:
            c.get_ramal(1)
    assert info.value.kind == "refused"


def test_timeout(sim):
    sim.add_fault("latency", latency_ms=1500)
    with make_client(sim, timeout=0.3, retries=0) as c, pytest.raises(TransportError) as info:
        c.get_ramal(AGENT_ID)
    assert info.value.kind == "timeout"


def test_a_silent_server_is_given_up_after_two_read_timeouts(sim):
    """Connected, and no answer: a GET is tried twice (not four times), each waiting the
    read timeout; the clock is not what the test judges, the attempts are."""
    sim.add_fault("silent", path="^/ramal/")
    with make_client(sim, timeout=(2.0, 0.3)) as c, pytest.raises(TransportError) as info:
        c.get_ramal(AGENT_ID)
    assert info.value.kind == "timeout"
    assert [r["fault"] for r in api_requests(sim, "GET")] == ["silent", "silent"]
    sim.clear_faults()  # the server is back
    with make_client(sim) as c:
        assert c.get_ramal(AGENT_ID).id == AGENT_ID


def test_by_default_a_silent_server_is_noticed_within_twenty_seconds():
    from tvdesk.core.api import TotalVoiceClient

    with TotalVoiceClient("t", "http://127.0.0.1:9") as c:
        assert c.silent_seconds <= 20
    with TotalVoiceClient("t", "http://127.0.0.1:9", timeout=30.0, read_retries=3) as c:
        assert c.silent_seconds > 120  # what it was: four 30-s tries


def test_dns_failure(monkeypatch):
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    from tvdesk.core.api import TotalVoiceClient

    with TotalVoiceClient("t", "https://voice-api.zenvia.invalid", retries=0) as c, \
            pytest.raises(TransportError) as info:
        c.get_ramal(1)
    assert info.value.kind == "dns"
    assert "voice-api.zenvia.invalid" in str(info.value)


def test_tls_failure():
    """An https URL whose server does not speak TLS: the handshake fails."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    stop = threading.Event()

    def answer_garbage():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=answer_garbage, daemon=True)
    thread.start()
    try:
        from tvdesk.core.api import TotalVoiceClient

        url = f"https://127.0.0.1:{server.getsockname()[1]}"
        with TotalVoiceClient("t", url, retries=0, timeout=2) as c, \
                pytest.raises(TransportError) as info:
            c.get_ramal(1)
        assert info.value.kind == "tls"
    finally:
        stop.set()
        thread.join()
        server.close()


def test_errors_keep_status_motivo_and_mensagem_and_nothing_else_escapes(client, sim):
    sim.add_fault("server_error", count=10)
    try:
        client.pauses(AGENT_ID, ANCHOR, ANCHOR)
    except ApiError as exc:
        assert (exc.status, exc.motivo, exc.mensagem) == (500, 50, "erro interno")
        assert "HTTP 500" in str(exc) and "motivo 50" in str(exc)
    else:
        pytest.fail("no error raised")
