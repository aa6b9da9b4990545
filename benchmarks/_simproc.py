"""Run ``tvdesk-sim`` in its own process for benchmarks (a real server is not in our GIL)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from contextlib import contextmanager


@contextmanager
def simulator_process(*args: str, token: str = "bench-token"):
    cmd = [sys.executable, "-m", "tvdesk.simulator", "--port", "0", "--token", token, *args]
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
