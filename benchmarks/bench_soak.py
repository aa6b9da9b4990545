"""A sped-up working day: does tvdesk's memory level off?

tvdesk runs as an agent's does (token in the keyring, extension remembered, the webphone in
the window, the API in another process, the history refreshed every minute) while the day
goes by fast: a call arrives every few seconds (the caller gives up: a missed call, the
banner, the tray), and every ``--dial-every`` seconds a number is dialled from the command
line (``tvdesk dial``, forwarded to the running tvdesk), answered by the far end and hung up.
Every ``--sample`` seconds the resident memory of the main process and of each QtWebEngine
process (by its ``--type``) is printed; at the end, the growth per minute over the first and
the second half of the run after warm-up. Both should be near zero once warm.

``--baseline`` runs the same day against a bare QWebEngineView showing the simulator's
webphone page directly (no tvdesk window, host page or bridge), in the same run: where the
renderer grows in both, it is the simulator's page; only in tvdesk's, tvdesk's host page or
its bridge.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _simproc import TVDESK, children_by_parent, isolated_env, simulator_process
from bench_webphone import SAME_PAGE, remembered_env


def processes(root: int) -> dict[str, int]:
    """KiB of resident memory of ``root`` ("main") and each descendant by its kind
    (QtWebEngine's ``--type=renderer``, ``gpu-process``, ``utility``…), summed per kind."""
    children = children_by_parent()
    out: dict[str, int] = {}
    todo = [(root, "main")]
    while todo:
        pid, kind = todo.pop()
        try:
            rss = next(int(line.split()[1]) for line in
                       Path(f"/proc/{pid}/status").read_text().splitlines()
                       if line.startswith("VmRSS:"))
            # (a zygote rewrites its command line as one string: split on spaces too)
            cmd = re.split(rb"[\0 ]", Path(f"/proc/{pid}/cmdline").read_bytes())
        except (OSError, StopIteration):
            continue
        if pid != root and kind != "renderer":
            kind = next((a.split(b"=", 1)[1].decode() for a in cmd
                         if a.startswith(b"--type=")), "other")
            if kind == "utility":
                kind = next((a.split(b"=", 1)[1].decode() for a in cmd
                             if a.startswith(b"--utility-sub-type=")), kind).split(".")[0]
        out[kind] = out.get(kind, 0) + rss
        # a zygote's children are renderers forked from it (they keep its command line)
        todo.extend((c, "renderer" if kind == "zygote" else "") for c in children.get(pid, []))
    return out


def control(base: str, what: str, body: dict) -> None:
    request = urllib.request.Request(f"{base}/_sim/webphone/{what}",  # noqa: S310 (loopback)
                                     data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=5):  # noqa: S310 (our loopback simulator)
        pass


def day(name: str, proc: subprocess.Popen, base: str, env: dict, args) -> None:
    """Drive the day on ``proc`` and print its memory over time."""
    start = time.monotonic()
    samples: list[tuple[float, dict[str, int]]] = []
    next_call = next_dial = next_sample = start + args.warmup_seconds / 2
    caller = 0
    print(f"--- {name}: pid {proc.pid}, {args.minutes} min")
    while time.monotonic() - start < args.minutes * 60 and proc.poll() is None:
        now = time.monotonic()
        if now >= next_call:
            caller += 1
            try:
                control(base, "incoming", {"ramal": "4000", "numero": f"4899999{caller:04d}"})
                time.sleep(1.0)
                control(base, "hangup", {"ramal": "4000"})  # the caller gave up
            except OSError:
                pass
            next_call = now + args.call_every
        if args.dial_every and now >= next_dial and name == "tvdesk":
            subprocess.run([TVDESK, "dial", "4001"], env=env, timeout=20, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(2.0)
            with contextlib.suppress(OSError):
                control(base, "hangup", {"ramal": "4000"})
            next_dial = now + args.dial_every
        if now >= next_sample:
            mem = processes(proc.pid)
            samples.append((now - start, mem))
            kinds = sorted(mem, key=lambda k: (k != "main", k))
            print(f"    {now - start:6.0f} s  " + "  ".join(
                f"{k} {mem[k] / 1024:6.1f}" for k in kinds) +
                f"  | total {sum(mem.values()) / 1024:6.1f} MiB", flush=True)
            next_sample = now + args.sample
        time.sleep(0.2)
    warm = [(t, m) for t, m in samples if t >= args.warmup_seconds]
    if len(warm) < 4:
        print("    (too short to tell growth)")
        return
    half = len(warm) // 2
    for kind in ("main", "renderer", "total"):
        def value(m, kind=kind):
            return sum(m.values()) if kind == "total" else m.get(kind, 0)

        rates = []
        for part in (warm[:half + 1], warm[half:]):
            (t0, m0), (t1, m1) = part[0], part[-1]
            rates.append((value(m1) - value(m0)) / 1024 / max((t1 - t0) / 60, 1e-9))
        print(f"    growth {kind:8s}: {rates[0]:+6.2f} MiB/min first half, "
              f"{rates[1]:+6.2f} MiB/min second half (after {args.warmup_seconds} s warm-up)")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--warmup-seconds", type=int, default=90)
    p.add_argument("--call-every", type=float, default=6)
    p.add_argument("--dial-every", type=float, default=20)
    p.add_argument("--sample", type=float, default=15)
    p.add_argument("--baseline", action="store_true",
                   help="also a bare view on the simulator's webphone page, same day")
    p.add_argument("--baseline-only", action="store_true",
                   help="only the bare view (is the simulator's page what grows?)")
    args = p.parse_args()
    with simulator_process("--calls-per-ramal", "300", "--days", "30",
                           "--answer-delay-ms", "300") as base:
        env = remembered_env(base)
        settings = Path(env["TVDESK_CONFIG_DIR"]) / "settings.json"
        data = json.loads(settings.read_text())
        data["refresh_minutes"] = 1  # the busiest automatic refresh an agent can choose
        settings.write_text(json.dumps(data))
        if not args.baseline_only:
            proc = subprocess.Popen([TVDESK], env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            try:
                day("tvdesk", proc, base, env, args)
            finally:
                proc.terminate()
                proc.wait(30)
        if args.baseline or args.baseline_only:
            from tvdesk.core.api import TotalVoiceClient

            with TotalVoiceClient("bench-token", base) as client:
                url = client.webphone_url(ramal="4000", tipo="embedded")
            bare_env = isolated_env()
            bare = subprocess.Popen([sys.executable, "-c", SAME_PAGE.replace(
                "QTimer.singleShot(1500, app.quit)", "pass"), url], env=bare_env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                day("bare view, same webphone page", bare, base, bare_env, args)
            finally:
                bare.terminate()
                bare.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
