"""``tvdesk-sim`` and ``tvdesk`` as installed console scripts, in real subprocesses."""

import os
import re
import signal
import socket
import subprocess
import time

import pytest
import requests

from tests.helpers.processes import script
from tvdesk import __version__


def start_sim(*args: str) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([script("tvdesk-sim"), "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env)
    deadline = time.monotonic() + 30
    for line in proc.stdout:
        match = re.search(r"TotalVoice simulator on (http://\S+)", line)
        if match:
            return proc, match.group(1)
        if time.monotonic() > deadline:
            break
    proc.kill()
    pytest.fail("tvdesk-sim did not announce its address")


def test_tvdesk_sim_serves_the_api_and_stops_on_sigterm():
    proc, base = start_sim("--token", "cli-token", "--calls-per-ramal", "50", "--days", "10")
    try:
        r = requests.get(f"{base}/ramal/1234", headers={"Access-Token": "cli-token"}, timeout=5)
        assert r.json()["dados"]["ramal"] == "4000"
        bad = requests.get(f"{base}/ramal/1234", headers={"Access-Token": "x"}, timeout=5)
        assert bad.status_code == 403
        assert requests.get(f"{base}/_sim/health", timeout=5).json() == {"ok": True}
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0


def test_tvdesk_sim_options_reach_the_server():
    proc, base = start_sim("--paging", "seed", "--signed-urls", "30", "--latency-ms", "20",
                           "--calls-per-ramal", "10", "--days", "5")
    try:
        summary = requests.get(f"{base}/_sim/", timeout=5).json()
        assert summary["paging"] == "seed"
        assert summary["signed_urls"] is True
        faults = requests.get(f"{base}/_sim/faults", timeout=5).json()
        assert faults[0]["kind"] == "latency" and faults[0]["latency_ms"] == 20
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_tvdesk_sim_reports_a_busy_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = subprocess.run([script("tvdesk-sim"), "--port", str(port)],
                                capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "cannot listen" in result.stderr


@pytest.mark.parametrize("name", ["tvdesk", "tvdesk-sim"])
def test_version(name):
    result = subprocess.run([script(name), "--version"], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_default_port_falls_back_to_a_free_one_when_taken():
    from tvdesk.simulator.cli import DEFAULT_PORT

    blocker = socket.socket()
    try:
        blocker.bind(("127.0.0.1", DEFAULT_PORT))
        blocker.listen()
    except OSError:
        pass  # already taken by something else: the fallback is exercised all the same
    try:
        proc = subprocess.Popen([script("tvdesk-sim"), "--calls-per-ramal", "5", "--days", "2"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            for line in proc.stdout:
                match = re.search(r"TotalVoice simulator on (http://\S+)", line)
                if match:
                    break
            assert not match.group(1).endswith(f":{DEFAULT_PORT}")
            assert requests.get(f"{match.group(1)}/_sim/health", timeout=5).ok
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    finally:
        blocker.close()
