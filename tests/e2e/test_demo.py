"""The real tvdesk --demo, as installed."""

import os
import subprocess

from tests.helpers.processes import script


def test_tvdesk_demo_reaches_the_main_window(tmp_path):
    """The real program, end to end: demo simulator in-process, signed in, window shown."""
    env = {**os.environ, "TVDESK_CONFIG_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([script("tvdesk"), "--demo", "--quit-when-shown"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "main window shown after" in result.stdout
    assert list(tmp_path.iterdir()) == []  # the demo never writes the agent's settings
