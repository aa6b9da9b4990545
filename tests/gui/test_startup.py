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
