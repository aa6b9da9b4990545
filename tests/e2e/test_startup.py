"""The real program starting: what it loads before the first window."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_start_up_does_not_load_webengine_multimedia_charts_or_the_http_stack(tmp_path):
    code = """
import json, sys
import tvdesk.gui.app as app
from tvdesk.gui import controller
loaded = {}
def shown(self, *a, **kw):
    loaded.update({m: m in sys.modules for m in (
        "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtMultimedia",
        "PySide6.QtCharts", "requests", "keyring", "phonenumbers", "tvdesk.simulator")})
    return original(self, *a, **kw)
original = controller.MainWindow.show
controller.MainWindow.show = shown
app.run(demo=True, quit_when_shown=True)
print("LOADED " + json.dumps(loaded))
"""
    env = {**os.environ, "TVDESK_CONFIG_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED "))
    loaded = json.loads(line[len("LOADED "):])
    assert loaded and not any(loaded.values()), loaded


def test_without_a_microphone_the_agent_is_told_what_to_do(tmp_path):
    """The real program on a machine with no audio input (no fake device this time)."""
    env = {**os.environ, "TVDESK_CONFIG_DIR": str(tmp_path / "c"),
           "TVDESK_DATA_DIR": str(tmp_path / "d"), "QT_QPA_PLATFORM": "offscreen",
           "QTWEBENGINE_DISABLE_SANDBOX": "1", "QTWEBENGINE_CHROMIUM_FLAGS": ""}
    tvdesk = os.path.join(os.path.dirname(sys.executable), "tvdesk")
    proc = subprocess.Popen([tvdesk, "--demo", "--quit-when-phone-ready"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)
    try:
        for line in proc.stdout:
            if line.startswith("webphone error:"):
                break
        else:
            line = ""
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert "No microphone was found" in line
    assert "Reconnect" in line  # and what to do about it


def test_a_remembered_agents_phone_connects_on_the_helpers_url_before_the_sign_in(tmp_path):
    """The real ``tvdesk`` of an agent whose sign-in is remembered: the first webphone URL
    is fetched by the helper process (the first to read the keyring), and the phone
    connects before the sign-in runs."""
    from tests.helpers.process_keyring import process_env
    from tests.helpers.simulator import AGENT, make_sim
    from tvdesk.core.settings import Settings, SettingsStore

    sim = make_sim()
    try:
        SettingsStore(tmp_path / "config" / "settings.json").save(Settings(
            base_url=sim.base_url, ramal=AGENT, remember=True, webphone_autostart=True,
            range_preset="7days"))
        reads = tmp_path / "keyring-reads"
        env = process_env(tmp_path, sim.base_url, TVDESK_TEST_KEYRING_LOG=str(reads))
        tvdesk = os.path.join(os.path.dirname(sys.executable), "tvdesk")
        app = subprocess.Popen([tvdesk, "--quit-when-phone-ready"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
        stdout, stderr = app.communicate(timeout=90)
        assert app.returncode == 0, stderr[-2000:]
        said = [line.split(" after ")[0] for line in stdout.splitlines()]
        assert "webphone connected" in said and "signed in" in said, stdout
        assert said.index("webphone connected") < said.index("signed in")
        readers = [int(x) for x in reads.read_text().split()]
        assert readers[0] != app.pid and app.pid in readers  # the helper, then the app
        paths = [r["path"] for r in sim.requests_log() if not r["path"].startswith("/w3/")]
        assert paths.count("/webphone") == 1 and paths[0] == "/webphone"
    finally:
        sim.stop()


def test_quitting_while_the_helper_waits_leaves_no_process_behind(tmp_path):
    from tests.helpers.process_keyring import process_env
    from tests.helpers.simulator import AGENT, make_sim
    from tvdesk.core.settings import Settings, SettingsStore

    sim = make_sim()
    sim.add_fault("latency", path="^/webphone$", latency_ms=30000)  # a stuck network
    try:
        SettingsStore(tmp_path / "config" / "settings.json").save(Settings(
            base_url=sim.base_url, ramal=AGENT, remember=True, webphone_autostart=True))
        tvdesk = os.path.join(os.path.dirname(sys.executable), "tvdesk")
        app = subprocess.Popen([tvdesk, "--quit-when-shown"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               env=process_env(tmp_path, sim.base_url))
        stdout, stderr = app.communicate(timeout=20)
        assert app.returncode == 0, stderr[-2000:]
        assert "main window shown" in stdout
        helpers = subprocess.run(["pgrep", "-f", "--", "--webphone-url-helper"],
                                 capture_output=True, text=True).stdout.split()
        # this app's helpers only (another test run on the machine may have its own)
        mine = str(tmp_path / "config").encode()
        assert [pid for pid in helpers if mine in _environ(pid)] == []
    finally:
        sim.stop()


def _environ(pid: str) -> bytes:
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            return f.read()
    except OSError:  # gone meanwhile
        return b""
