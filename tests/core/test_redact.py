"""The token and webphone URLs never reach logs, reprs or exception texts."""

import logging
import traceback
from datetime import timedelta

import pytest

from tests.helpers.simulator import AGENT, AGENT_ID, ANCHOR, TOKEN, make_client
from tvdesk.core.api import ApiError, TotalVoiceClient
from tvdesk.core.redact import MASK, RedactingFilter, install_log_redaction, redact


def exercise(client, sim) -> list[str]:
    """Run every kind of call, good and bad; return the texts of what went wrong."""
    texts = []
    client.get_ramal(AGENT_ID)
    client.received_calls(AGENT_ID, ANCHOR - timedelta(days=3), ANCHOR)
    client.pauses(AGENT_ID, ANCHOR - timedelta(days=3), ANCHOR)
    url = client.webphone_url(ramal=AGENT, tipo="embedded")
    for kind in ("server_error", "malformed_json", "truncated", "auth", "drop"):
        sim.add_fault(kind, count=20)
        try:
            client.get_ramal(AGENT_ID)
        except ApiError as exc:
            texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
        sim.clear_faults()
    return [*texts, repr(client), url]


def test_token_and_webphone_url_never_logged(sim, caplog):
    caplog.set_level(logging.DEBUG)  # everything: urllib3's own debug lines included
    with make_client(sim) as client:
        texts = exercise(client, sim)
    url = texts.pop()
    logged = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    assert logged  # there was logging to inspect
    assert TOKEN not in logged
    assert url not in logged
    key = sim.store.ramais[AGENT_ID].webphone_key
    assert key not in logged
    for text in texts:
        assert TOKEN not in text
        assert key not in text


def test_the_token_travels_only_in_the_header(sim):
    with make_client(sim) as client:
        client.get_ramal(AGENT_ID)
        client.received_calls(AGENT_ID, ANCHOR, ANCHOR)
    for request in sim.requests_log():
        assert TOKEN not in request["path"]
        assert all(TOKEN not in str(v) for v in request["query"].values())


def test_client_repr_has_no_token(sim):
    c = TotalVoiceClient("s3cr3t-token-value", sim.base_url)
    assert "s3cr3t-token-value" not in repr(c)
    assert "s3cr3t-token-value" not in repr(c.__dict__)
    c.close()


def test_server_messages_echoing_secrets_are_masked(client, sim):
    """A server that echoes the webphone key in its message cannot leak it through us."""
    url = client.webphone_url(ramal=AGENT)
    from tvdesk.core.api.transport import classify

    key = client.get_ramal(AGENT_ID).webphone_key
    error = classify(405, 11, f"bad request for {url}; key was {key}")
    assert url not in str(error)
    assert key not in str(error)
    assert key not in repr(error)
    assert MASK in error.mensagem


@pytest.mark.parametrize(
    "text",
    [
        "GET /w3/?key=abcdef0123456789&pop=1",
        "Access-Token: abcdefgh12345",
        "https://x/w3/phone.php?tipo=hidden&key=abcdef0123456789&signature=0a1b2c3d",
        # a recording link, as FFmpeg prints it: its access value opens the recording
        "Input #0, wav, from 'https://api.evoline.com.br/rec/?id=123445&x=abcdef0123456789"
        "&cid=1':",
    ],
)
def test_redaction_by_shape(text):
    cleaned = redact(text)
    assert "abcdef0123456789" not in cleaned
    assert "abcdefgh12345" not in cleaned
    assert "0a1b2c3d" not in cleaned


def test_log_filter_masks_formatted_records(caplog):
    logger = logging.getLogger("tvdesk.test.redaction")
    handler = logging.StreamHandler()
    logger.addHandler(handler)
    try:
        install_log_redaction(logger)
        assert any(isinstance(f, RedactingFilter) for f in handler.filters)
        record = logging.LogRecord("x", logging.INFO, __file__, 1,
                                   "loading %s", ("http://h/w3/?key=zzzz9999&pop=1",), None)
        handler.filters[0].filter(record)
        assert "zzzz9999" not in record.getMessage()
    finally:
        logger.removeHandler(handler)


def test_tracebacks_in_logs_are_masked_too():
    import io

    from tvdesk.core.redact import register_secret

    secret = "https://webphone.example.invalid/w3/?key=9f8e7d6c5b4a3928"
    register_secret(secret)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("tvdesk.test.tracebacks")
    logger.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"could not load {secret}")
        except RuntimeError as exc:
            logger.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "RuntimeError" in text and "Traceback" in text
    assert secret not in text and "9f8e7d6c5b4a3928" not in text
