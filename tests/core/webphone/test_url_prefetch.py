"""The helper process that fetches a remembered agent's first webphone URL: a real
``python -m tvdesk --webphone-url-helper`` against the simulator, its token in a keyring
of the helper's own (tests/process_keyring.py), never passed to it."""

from __future__ import annotations

import os
import sys
import time

import pytest

from tests.helpers.process_keyring import process_env
from tests.helpers.simulator import AGENT, AGENT_ID
from tvdesk.core.redact import redact
from tvdesk.core.settings import Settings
from tvdesk.core.webphone.url_prefetch import UrlPrefetch, UrlRequest, request_for


def webphone_requests(sim) -> list[dict]:
    return [r for r in sim.requests_log() if r["path"] == "/webphone"]


def request(sim, **kw) -> UrlRequest:
    fields = {"base_url": sim.base_url, "ramal": AGENT, "ramal_id": None,
              "tipo": "embedded", "fechar_fim": False} | kw
    return UrlRequest(**fields)


def start(sim, tmp_path, req: UrlRequest | None = None, account: str | None = None,
          **env) -> UrlPrefetch:
    prefetch = UrlPrefetch.start(req or request(sim),
                                 env=process_env(tmp_path, account or sim.base_url, **env))
    assert prefetch is not None and prefetch.pending
    return prefetch


def test_the_helper_fetches_the_url_for_the_extension_with_the_keyring_token(sim, tmp_path):
    prefetch = start(sim, tmp_path)
    url = prefetch.url_for("embedded", False)
    assert url is not None and url.startswith(sim.base_url)
    (asked,) = webphone_requests(sim)
    assert asked["query"]["ramal"] == AGENT and asked["query"]["tipo"] == "embedded"
    assert "id_ramal" not in asked["query"] and "ligar_para" not in asked["query"]
    # the URL logs in: masked wherever the app might print it
    assert url not in redact(f"loading {url}")
    # taken once: a later load fetches its own
    assert not prefetch.pending and prefetch.url_for("embedded", False) is None


def test_a_remembered_id_and_the_close_at_end_choice_are_asked_for(sim, tmp_path):
    prefetch = start(sim, tmp_path, request(sim, ramal_id=AGENT_ID, tipo="floating",
                                            fechar_fim=True))
    assert prefetch.url_for("floating", True) is not None
    (asked,) = webphone_requests(sim)
    assert asked["query"]["id_ramal"] == str(AGENT_ID) and "ramal" not in asked["query"]
    assert asked["query"]["tipo"] == "floating" and asked["query"]["fechar_fim"] == "true"


def test_a_url_for_another_mode_is_not_used(sim, tmp_path):
    prefetch = start(sim, tmp_path)
    assert prefetch.url_for("hidden", False) is None  # the agent changed mode meanwhile
    assert not prefetch.pending


@pytest.mark.parametrize("case", ["no token", "refused token", "no keyring"])
def test_a_helper_without_a_url_leaves_the_fetch_to_the_app(sim, tmp_path, case):
    env = {}
    account = None
    if case == "no token":
        account = "https://api2.totalvoice.com.br"  # a token for another address only
    elif case == "refused token":
        sim.add_fault("auth")
    else:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    prefetch = start(sim, tmp_path, account=account, **env)
    assert prefetch.url_for("embedded", False) is None
    expected = 1 if case == "refused token" else 0
    assert len(webphone_requests(sim)) == expected


def test_a_helper_that_cannot_start_is_no_helper(sim, tmp_path):
    assert UrlPrefetch.start(request(sim), command=[str(tmp_path / "missing")]) is None


def test_a_helper_that_prints_nonsense_gives_no_url(sim, tmp_path):
    code = "import sys; sys.stdin.read(); print('{\"url\": \"javascript:alert(1)\"}')"
    prefetch = UrlPrefetch.start(request(sim), command=[sys.executable, "-c", code])
    assert prefetch is not None and prefetch.url_for("embedded", False) is None


def test_a_helper_that_takes_too_long_is_ended(sim, tmp_path):
    sim.add_fault("latency", path="^/webphone$", latency_ms=5000)
    prefetch = start(sim, tmp_path)
    pid = prefetch._process.pid
    t0 = time.monotonic()
    assert prefetch.url_for("embedded", False, timeout=0.5) is None
    assert time.monotonic() - t0 < 3.0
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left running
        os.kill(pid, 0)


def test_cancel_ends_the_helper(sim, tmp_path):
    sim.add_fault("latency", path="^/webphone$", latency_ms=5000)
    prefetch = start(sim, tmp_path)
    pid = prefetch._process.pid
    prefetch.cancel()
    assert not prefetch.pending and prefetch.url_for("embedded", False) is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_only_a_remembered_agent_whose_phone_starts_by_itself_gets_a_helper():
    base = {"base_url": "https://voice-api.zenvia.com", "ramal": "4000", "remember": True,
            "webphone_autostart": True}
    assert request_for(Settings(**base)) == UrlRequest(
        "https://voice-api.zenvia.com", "4000", None, Settings().webphone_mode, False)
    assert request_for(Settings(**base, ramal_id=AGENT_ID)).ramal_id == AGENT_ID
    assert request_for(Settings(**base | {"remember": False})) is None
    assert request_for(Settings(**base | {"webphone_autostart": False})) is None
    assert request_for(Settings(**base | {"ramal": ""})) is None


def test_cancel_releases_a_load_waiting_for_the_helper(sim, tmp_path):
    import threading

    sim.add_fault("latency", path="^/webphone$", latency_ms=10000)
    prefetch = start(sim, tmp_path)
    pid = prefetch._process.pid
    got = []
    waiter = threading.Thread(target=lambda: got.append(prefetch.url_for("embedded", False)))
    waiter.start()
    time.sleep(0.3)  # waiting in url_for by now
    t0 = time.monotonic()
    prefetch.cancel()  # the agent quit
    waiter.join(timeout=5)
    assert not waiter.is_alive() and got == [None] and time.monotonic() - t0 < 2.0
    assert prefetch.cancelled
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
