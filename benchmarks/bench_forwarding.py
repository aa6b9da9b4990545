"""A click on a tel: link: ``tvdesk dial N`` to a running tvdesk until its webphone dials.

Measured from spawning ``tvdesk dial 4001`` until the simulator's webphone log has the
dial, against ``python -c pass`` (spawn to exit) in the same run. Targets: <= 0.3 s, and
<= 4x Python's own start.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _simproc import TVDESK, isolated_env


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=15)
    args = p.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = isolated_env()
    tvdesk = TVDESK
    sim = f"http://127.0.0.1:{port}"
    running = subprocess.Popen([tvdesk, "--demo", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{sim}/_sim/webphone/registrations", timeout=1).json():
                    break
            except requests.RequestException:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("the running tvdesk never registered its webphone")
        time.sleep(1.0)
        http = requests.Session()

        def dials() -> int:
            log = http.get(f"{sim}/_sim/webphone/log", timeout=5).json()
            return sum(1 for e in log if e["message"] == "chamaNumero")

        forwarded, client_only = [], []
        for _ in range(args.runs):
            before = dials()
            t0 = time.perf_counter()
            client = subprocess.Popen([tvdesk, "dial", "4001"], env=env)
            give_up = time.monotonic() + 10
            while dials() == before:
                if time.monotonic() > give_up:
                    tail = http.get(f"{sim}/_sim/webphone/log", timeout=5).json()[-3:]
                    raise RuntimeError(f"the dial never reached the simulator: {tail}")
                time.sleep(0.0005)
            forwarded.append(time.perf_counter() - t0)
            client.wait()
            client_only.append(time.perf_counter() - t0)
            http.post(f"{sim}/_sim/webphone/hangup", json={"ramal": "4000"}, timeout=5)
            time.sleep(0.5)  # the call ends; the phone is idle again
        python = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            python.append(time.perf_counter() - t0)
    finally:
        running.terminate()
        running.wait(timeout=15)
    f, c, py = (statistics.median(x) for x in (forwarded, client_only, python))
    print(f"tvdesk dial to a running tvdesk, median of {args.runs}:")
    print(f"    python -c pass                  : {py * 1000:6.1f} ms")
    print(f"    tvdesk dial, spawn to exit      : {c * 1000:6.1f} ms")
    print(f"    tvdesk dial, spawn to dial logged: {f * 1000:6.1f} ms (worst "
          f"{max(forwarded) * 1000:.1f})  target <= 300 ms  {'OK' if f <= 0.3 else 'MISSED'};"
          f"  {f / py:4.2f}x Python's start (target <= 4)  {'OK' if f / py <= 4 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
