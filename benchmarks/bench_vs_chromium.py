"""tvdesk against what an agent would otherwise use: the vendor's page in a Chromium app
window (``chromium --app=URL``, Debian's package), on a real X display (issue 21).

Both talk to the same simulator, in its own process, in interleaved rounds (the order
alternates, so neither always runs on the other's warm caches):

- Chromium: a fresh webphone URL for extension 4000, fetched as tvdesk fetches it
  (``tipo=embedded``), opened with ``chromium --app=URL`` and a fresh ``--user-data-dir``,
  with a fake microphone that needs no dialog;
- tvdesk: an agent's morning (token in the keyring, a stand-in backend, ``_bench_keyring``;
  extension remembered; yesterday's browser profile on disk), ``--quit-when-phone-ready``.

For each: (a) time from spawn until the simulator sees the webphone's registration
connected (its event stream open), polled on the simulator's control API; (b) memory of the
whole process tree (PSS, from ``/proc/PID/smaps_rollup``: shared pages counted once across
the tree, as the machine pays for them), 1 s after the phone registered.
Targets: time ratio tvdesk/Chromium <= 1.0, memory ratio < 1.0.

The display is real: ``$DISPLAY`` if set, else an Xvfb at 1366x768 with openbox, started
here and stopped at the end; tvdesk runs on Qt's xcb platform, not offscreen. Without
``/usr/bin/chromium`` it says how to install it and exits 0.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _simproc import TVDESK, simulator_process
from bench_webphone import remembered_env

CHROMIUM = "/usr/bin/chromium"
#: what libdbus finds no bus at, so nothing autolaunches one (as tvdesk does itself)
NO_SESSION_BUS = "unix:path=/nonexistent/bench-no-session-bus"
#: how long after the phone registered its process tree's memory is read
SETTLE_S = 1.0  # (tvdesk's --quit-when-phone-ready stays 1.5 s after conectado)
RAMAL = "4000"


# ---------------------------------------------------------------------------- display
def _wait_for_window_manager(env: dict[str, str], timeout: float = 10.0) -> None:
    xprop = shutil.which("xprop")
    if xprop is None:
        time.sleep(1.0)
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run([xprop, "-root", "_NET_SUPPORTING_WM_CHECK"], env=env,
                             capture_output=True, text=True, check=False).stdout
        if "window id" in out:
            return
        time.sleep(0.05)


@contextmanager
def real_display():
    """``$DISPLAY``, or an Xvfb with openbox started for the benchmark; yields the name."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"], "the session's display"
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("no $DISPLAY and no Xvfb: apt-get install xvfb openbox")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    wm = None
    try:
        with os.fdopen(read) as ready:  # Xvfb writes its display number once it listens
            number = ready.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        display = f":{number}"
        env = {**os.environ, "DISPLAY": display}
        openbox = shutil.which("openbox")
        if openbox is not None:
            wm = subprocess.Popen([openbox], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
            _wait_for_window_manager(env)
        yield display, f"Xvfb {display} 1366x768x24" + (" + openbox" if wm else "")
    finally:
        for proc in (wm, server):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


# ---------------------------------------------------------------------------- processes
def _processes() -> dict[int, tuple[int, int, str]]:
    """pid: (ppid, session, state), from Linux's /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                table[int(entry)] = (int(fields[1]), int(fields[3]), fields[0])
    return table


def tree(root: int) -> list[int]:
    """``root``, its descendants, and anything left in its session (``root`` was started
    in a session of its own: a helper that re-parented itself still counts)."""
    table = _processes()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _sid, _state) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo.extend(children.get(pid, []))
    found |= {pid for pid, (_p, sid, _s) in table.items() if sid == root}
    return sorted(p for p in found if p in table and table[p][2] != "Z")


def pss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        with suppress(OSError, ValueError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
    return total


def end_tree(proc: subprocess.Popen, *, grace: float = 10.0) -> None:
    """SIGTERM to the process and what it started; SIGKILL for what is left after
    ``grace``; returns once all of them are gone (the next round starts on an idle
    machine)."""
    pids = tree(proc.pid)
    for pid in pids:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=grace)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        alive = [p for p in pids if _alive(p)]
        if not alive:
            break
        time.sleep(0.05)
    for pid in pids:
        if _alive(pid):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    proc.wait()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


# ---------------------------------------------------------------------------- simulator
class Registrations:
    """The simulator's live registrations of the extension, on a kept-alive connection."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self._host, self._port = parts.hostname, parts.port
        self._conn: http.client.HTTPConnection | None = None

    def sessions(self) -> dict[str, bool]:
        """session id: connected (its event stream open)."""
        for attempt in range(2):
            try:
                if self._conn is None:
                    self._conn = http.client.HTTPConnection(self._host, self._port, timeout=5)
                self._conn.request("GET", f"/_sim/webphone/registrations?ramal={RAMAL}")
                regs = json.loads(self._conn.getresponse().read())
                return {r["session"]: bool(r["connected"]) for r in regs}
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt:
                    raise
        return {}

    def wait_new(self, before: set[str], t0: float, proc: subprocess.Popen,
                 timeout: float = 60.0) -> float:
        """Seconds from ``t0`` until a registration not in ``before`` is connected."""
        while True:
            now = time.perf_counter()
            if any(ok for s, ok in self.sessions().items() if s not in before):
                return now - t0 if now - t0 > 0 else 0.0
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args[0]} ended (status {proc.returncode}) before "
                                   "the phone registered")
            if now - t0 > timeout:
                raise RuntimeError(f"{proc.args[0]}: no registration within {timeout:.0f} s")
            time.sleep(0.004)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def fresh_url(base_url: str) -> str:
    """A webphone URL for the extension, as tvdesk's phone asks for one."""
    from tvdesk.core.api import TotalVoiceClient

    with TotalVoiceClient("bench-token", base_url) as client:
        return client.webphone_url(ramal=RAMAL, tipo="embedded", fechar_fim=False)


# ---------------------------------------------------------------------------- the two
class Run:
    def __init__(self, seconds: float, pss: int, processes: int,
                 milestones: dict[str, float] | None = None) -> None:
        self.seconds, self.pss, self.processes = seconds, pss, processes
        self.milestones = milestones or {}


def chromium_flags(url: str, profile: str) -> list[str]:
    flags = [f"--app={url}", f"--user-data-dir={profile}",
             # a microphone with no device and no permission prompt
             "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
             # nothing but the page: no first-run UI, no background traffic or updates
             "--no-first-run", "--no-default-browser-check", "--disable-sync",
             "--disable-background-networking", "--disable-component-update",
             "--disable-default-apps", "--password-store=basic", "--disable-gpu"]
    if os.geteuid() == 0:  # Chromium's sandbox refuses to run as root
        flags.append("--no-sandbox")
    return flags


def run_chromium(base_url: str, regs: Registrations, env: dict[str, str],
                 profile: str | None = None) -> Run:
    url = fresh_url(base_url)
    own_profile = profile is None
    profile = profile or tempfile.mkdtemp(prefix="bench-chromium-")
    before = set(regs.sessions())
    t0 = time.perf_counter()
    proc = subprocess.Popen([CHROMIUM, *chromium_flags(url, profile)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        took = regs.wait_new(before, t0, proc)
        time.sleep(SETTLE_S)
        pids = tree(proc.pid)
        pss = pss_kib(pids)
    finally:
        end_tree(proc)
        if own_profile:
            shutil.rmtree(profile, ignore_errors=True)
    return Run(took, pss, len(pids))


def run_tvdesk(regs: Registrations, env: dict[str, str]) -> Run:
    before = set(regs.sessions())
    milestones: dict[str, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen([TVDESK, "--quit-when-phone-ready"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)

    def read() -> None:  # "main window shown after 0.123 s": when it reached us
        for line in proc.stdout:
            name = line.split(" after ")[0].strip()
            milestones.setdefault(name, time.perf_counter() - t0)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        took = regs.wait_new(before, t0, proc)
        time.sleep(SETTLE_S)
        pids = tree(proc.pid)
        pss = pss_kib(pids)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=20)  # it quits by itself, unregistering its phone
    finally:
        end_tree(proc)
        reader.join(timeout=5)
    if proc.returncode not in (0, -signal.SIGTERM):
        raise RuntimeError(f"tvdesk ended with status {proc.returncode}")
    return Run(took, pss, len(pids), milestones)


# ---------------------------------------------------------------------------- report
def _ms(x: float) -> str:
    return f"{x * 1000:6.0f} ms"


def _mib(kib: float) -> str:
    return f"{kib / 1024:6.1f} MiB"


def report(chromium: list[Run], ours: list[Run], warm: list[Run]) -> None:
    print("per round (spawn to registered; PSS of the process tree 1 s later):")
    for i, (c, o) in enumerate(zip(chromium, ours, strict=True), 1):
        shown = o.milestones.get("main window shown")
        extra = f"; its window shown at {shown * 1000:.0f} ms" if shown else ""
        print(f"  round {i}: chromium {_ms(c.seconds)} {_mib(c.pss)} ({c.processes} proc)"
              f"   tvdesk {_ms(o.seconds)} {_mib(o.pss)} ({o.processes} proc){extra}")
    ct = statistics.median(r.seconds for r in chromium)
    ot = statistics.median(r.seconds for r in ours)
    cm = statistics.median(r.pss for r in chromium)
    om = statistics.median(r.pss for r in ours)
    print(f"medians of {len(ours)} rounds:")
    print(f"  chromium --app, fresh profile : {_ms(ct)}  {_mib(cm)}")
    if warm:
        wt = statistics.median(r.seconds for r in warm)
        wm = statistics.median(r.pss for r in warm)
        print(f"  chromium --app, kept profile  : {_ms(wt)}  {_mib(wm)}   (yesterday's "
              f"profile, as tvdesk's)")
    print(f"  tvdesk, an agent's morning    : {_ms(ot)}  {_mib(om)}")
    print(f"  time   ratio tvdesk/chromium  : {ot / ct:5.2f}x  (target <= 1.00)  "
          f"{'OK' if ot / ct <= 1.0 else 'MISSED'}")
    print(f"  memory ratio tvdesk/chromium  : {om / cm:5.2f}x  (target <  1.00)  "
          f"{'OK' if om / cm < 1.0 else 'MISSED'}")
    if warm:
        print(f"  against the kept profile      : time {ot / wt:4.2f}x, memory {om / wm:4.2f}x")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--kept-profile", action="store_true",
                   help="also time Chromium with one profile kept across rounds")
    args = p.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        print(f"bench_vs_chromium: skipped, {CHROMIUM} is missing "
              "(Debian: apt-get install chromium)")
        return 0
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                             check=False).stdout.strip()
    chromium, ours, warm = [], [], []
    kept = tempfile.mkdtemp(prefix="bench-chromium-kept-")
    with real_display() as (display, described), \
            simulator_process("--calls-per-ramal", "100", "--days", "10") as base:
        print(f"tvdesk against {version} --app, on {described}")
        regs = Registrations(base)
        morning = remembered_env(base)
        morning.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
        browser_env = {**os.environ, "DISPLAY": display,
                       "DBUS_SESSION_BUS_ADDRESS": os.environ.get("DBUS_SESSION_BUS_ADDRESS",
                                                                  NO_SESSION_BUS)}
        # untimed: yesterday's tvdesk (it leaves its settings and browser profile) and a
        # first Chromium (its files into the page cache, as on a machine used every day)
        run_tvdesk(regs, morning)
        run_chromium(base, regs, browser_env, kept if args.kept_profile else None)
        for i in range(args.rounds):
            steps = [lambda: chromium.append(run_chromium(base, regs, browser_env)),
                     lambda: ours.append(run_tvdesk(regs, morning))]
            if args.kept_profile:
                steps.append(lambda: warm.append(run_chromium(base, regs, browser_env,
                                                              kept)))
            if i % 2:
                steps.reverse()
            for step in steps:
                step()
                time.sleep(0.3)
        regs.close()
    shutil.rmtree(kept, ignore_errors=True)
    report(chromium, ours, warm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
