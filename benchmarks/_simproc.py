"""Run ``tvdesk-sim`` in its own process for benchmarks (a real server is not in our GIL)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

TVDESK = str(Path(sys.executable).parent / "tvdesk")


def compile_tvdesk() -> None:
    """tvdesk's modules as bytecode, as an installed tvdesk has them (pip compiles at install
    time; a bundle carries .pyc). A checkout run with PYTHONDONTWRITEBYTECODE set, as on
    these machines, would otherwise compile every module from source at every start."""
    import compileall

    import tvdesk

    compileall.compile_dir(Path(tvdesk.__file__).parent, quiet=1)


def isolated_env() -> dict[str, str]:
    """An environment for spawned tvdesk processes: headless; their own settings, data and
    single-instance socket (no running tvdesk takes their requests); QtWebEngine, which the
    demo starts for its webphone, unsandboxed (these machines run as root) with a fake
    microphone."""
    compile_tvdesk()
    base = tempfile.mkdtemp(prefix="tvdesk-bench-")
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1",
            "QTWEBENGINE_CHROMIUM_FLAGS": "--use-fake-device-for-media-stream",
            "TVDESK_CONFIG_DIR": base, "TVDESK_DATA_DIR": base,
            "TVDESK_INSTANCE_NAME": os.path.join(base, "instance.sock")}


@contextmanager
def simulator_process(*args: str, token: str = "bench-token"):
    # --exit-with-parent: it ends with the benchmark, even one that dies without cleaning up
    cmd = [sys.executable, "-m", "tvdesk.simulator", "--port", "0", "--token", token,
           "--exit-with-parent", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        base = None
        for line in proc.stdout:
            match = re.search(r"TotalVoice simulator on (http://\S+)", line)
            if match:
                base = match.group(1)
                break
            if time.monotonic() > deadline:
                break
        if base is None:
            raise RuntimeError("the simulator did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from Linux's /proc (for memory of a process tree)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    return children
