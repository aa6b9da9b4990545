"""tvdesk against what an agent would otherwise use: the vendor's page in a Chromium app
window (``chromium --app=URL``, Debian's package), on a real X display (issue 21).

Both talk to the same simulator, in its own process, in interleaved rounds (the order
alternates, so neither always runs on the other's warm caches):

- Chromium: a fresh webphone URL for extension 4000, fetched as tvdesk fetches it
  (``tipo=embedded``), opened with ``chromium --app=URL`` and a fresh ``--user-data-dir``,
  with a fake microphone that needs no dialog and without OpenGL (``--disable-gpu``); also
  (not targets) with one profile kept across the rounds, as tvdesk keeps its own, and with
  OpenGL allowed, as tvdesk's Qt composites its web view (on Xvfb: Mesa's llvmpipe, in
  software);
- tvdesk: an agent's morning (token in the keyring, a stand-in backend, ``_bench_keyring``;
  extension remembered; yesterday's browser profile and history on disk),
  ``--quit-when-phone-ready``;
- (not a target) a bare QWebEngineView loading the same page: the floor for any
  PySide6 + QtWebEngine app on this machine.

For each: (a) time from spawn until the simulator sees the webphone's registration
connected (its event stream open), polled on the simulator's control API; (b) memory of the
whole process tree 1 s after that: PSS, from ``/proc/PID/smaps`` (a page shared by n
processes counts 1/n in each: the tree's shared libraries once, if nothing else maps them),
and beside it every page the tree maps counted once (from its physical frame: the same
whatever else runs, where PSS reads lower while other processes map the same libraries).
Targets: time ratio tvdesk/Chromium <= 1.0, memory (PSS) ratio < 1.0.

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
from array import array
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _simproc import TVDESK, simulator_process
from bench_webphone import SAME_PAGE, remembered_env

CHROMIUM = "/usr/bin/chromium"
#: where libdbus finds no bus and autolaunches none (as tvdesk does for itself)
NO_SESSION_BUS = "unix:path=/nonexistent/bench-no-session-bus"
#: how long after the phone registered the process tree's memory is read (tvdesk's
#: --quit-when-phone-ready keeps it 1.5 s after ``conectado``)
SETTLE_S = 1.0
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


def _stop(proc: subprocess.Popen | None) -> None:
    if proc is None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def real_display():
    """``$DISPLAY``, or an Xvfb with openbox started for the benchmark: (name, what)."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"], f"the session's display {os.environ['DISPLAY']}"
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("no $DISPLAY and no Xvfb: apt-get install xvfb openbox")
    read, write = os.pipe()
    # -displayfd: Xvfb takes a free display and writes its number once it listens
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    wm = None
    try:
        with os.fdopen(read) as ready:
            number = ready.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        display = f":{number}"
        openbox = shutil.which("openbox")
        if openbox is not None:
            env = {**os.environ, "DISPLAY": display}
            wm = subprocess.Popen([openbox], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
            _wait_for_window_manager(env)
        yield display, f"Xvfb {display} 1366x768x24" + (" with openbox" if wm else "")
    finally:
        _stop(wm)
        _stop(server)


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
    """``root``, its descendants, and whatever else is in its session (``root`` leads a
    session of its own: a helper that re-parented itself still counts)."""
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
    found |= {pid for pid, (_ppid, sid, _state) in table.items() if sid == root}
    return sorted(p for p in found if p in table and table[p][2] != "Z")


def memory_kib(pids: list[int]) -> tuple[int, int]:
    """(PSS, pages counted once) summed over ``pids``, in KiB.

    PSS counts a page that n processes map as 1/n in each, wherever they are: another
    process that maps the same libraries (a second tvdesk, a test's) lowers the tree's PSS.
    The second figure does not depend on them: every page of the tree once, known by its
    physical frame (``/proc/PID/pagemap``, root only) in the mappings that share any;
    the others' pages are their own."""
    pss = private = 0
    shared: dict[int, list[tuple[int, int]]] = {}  # pid: the mappings that share pages
    for pid in pids:  # every process's figures first, then the frames (slower)
        maps: list[list[int]] = []  # [start, end, private KiB, shared KiB]
        with suppress(OSError, ValueError):
            for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
                head = line.split(" ", 1)[0]
                if "-" in head and not head.endswith(":"):  # a mapping's first line
                    maps.append([*(int(x, 16) for x in head.split("-")), 0, 0])
                    continue
                name, _, value = line.partition(":")
                if name in MEMORY_FIELDS and maps:
                    kib = int(value.split()[0])
                    if name == "Pss":
                        pss += kib
                    else:
                        maps[-1][2 if name.startswith("Private") else 3] += kib
        private += sum(m[2] for m in maps if not m[3])
        shared[pid] = [(m[0], m[1]) for m in maps if m[3]]
    frames: set[int] = set()
    for pid, ranges in shared.items():
        with suppress(OSError):
            frames |= _frames(pid, ranges)
    return pss, private + len(frames) * PAGE // 1024


MEMORY_FIELDS = frozenset({"Pss", "Private_Clean", "Private_Dirty", "Shared_Clean",
                           "Shared_Dirty"})
PAGE = os.sysconf("SC_PAGE_SIZE")
PRESENT, PFN_MASK = 1 << 63, (1 << 55) - 1


def _frames(pid: int, ranges: list[tuple[int, int]]) -> set[int]:
    """The physical frames of the pages present in ``ranges`` of ``pid``'s memory."""
    found: set[int] = set()
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for start, end in ranges:
            entries = array("Q")
            with suppress(OSError, ValueError):  # ([vsyscall] has no entries)
                pagemap.seek(start // PAGE * 8)
                entries.frombytes(pagemap.read((end - start) // PAGE * 8))
            found.update(e & PFN_MASK for e in entries if e & PRESENT)
    found.discard(0)  # (frames read as 0 without CAP_SYS_ADMIN)
    return found


def sharers(pids: list[int]) -> int:
    """Processes outside ``pids`` that map QtWebEngine or Chromium (a test's tvdesk, another
    browser): the measured tree's PSS is split with them, and reads lower."""
    mine = set(pids) | {os.getpid()}
    count = 0
    for pid, (_ppid, _sid, state) in _processes().items():
        if pid in mine or state == "Z":
            continue
        with suppress(OSError):
            maps = Path(f"/proc/{pid}/maps").read_text()
            if "libQt6WebEngineCore" in maps or "/usr/lib/chromium/chromium" in maps:
                count += 1
    return count


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def end_tree(proc: subprocess.Popen, *, grace: float = 10.0) -> None:
    """SIGTERM to the process and everything it started, SIGKILL to what is left after
    ``grace``; returns once all are gone (the next run starts on an idle machine)."""
    pids = tree(proc.pid)
    for pid in pids:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=grace)
    deadline = time.monotonic() + grace
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in pids:
        if _alive(pid):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    proc.wait()


# ---------------------------------------------------------------------------- simulator
class Registrations:
    """The simulator's live registrations of the extension (its control API), polled on
    one kept-alive connection."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self._host, self._port = parts.hostname, parts.port
        self._conn: http.client.HTTPConnection | None = None

    def sessions(self) -> dict[str, bool]:
        """session id: connected (the page's event stream is open)."""
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
                return now - t0
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args[0]} ended (status {proc.returncode}) "
                                   "before its phone registered")
            if now - t0 > timeout:
                raise RuntimeError(f"{proc.args[0]}: no registration in {timeout:.0f} s")
            time.sleep(0.004)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def fresh_url(base_url: str) -> str:
    """A webphone URL for the extension, asked for as tvdesk's phone asks (embedded)."""
    from tvdesk.core.api import TotalVoiceClient

    with TotalVoiceClient("bench-token", base_url) as client:
        return client.webphone_url(ramal=RAMAL, tipo="embedded", fechar_fim=False)


# ---------------------------------------------------------------------------- the runs
@dataclass
class Run:
    seconds: float = 0.0
    pss: int = 0
    once: int = 0
    processes: int = 0
    sharers: int = 0
    milestones: dict[str, float] = field(default_factory=dict)


def measure(cmd: list[str], env: dict[str, str], regs: Registrations, *,
            quits_by_itself: bool = False) -> Run:
    """Spawn ``cmd``; time to its phone's registration; its tree's memory SETTLE_S later;
    then it ends (by itself, unregistering its phone, or by SIGTERM)."""
    run = Run()
    before = set(regs.sessions())
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, start_new_session=True)

    def read() -> None:  # tvdesk's milestones ("main window shown after …"), on arrival
        for line in proc.stdout:
            run.milestones.setdefault(line.split(" after ")[0].strip(),
                                      time.perf_counter() - t0)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        run.seconds = regs.wait_new(before, t0, proc)
        time.sleep(SETTLE_S)
        pids = tree(proc.pid)
        run.pss, run.once = memory_kib(pids)
        if proc.poll() is not None:
            raise RuntimeError(f"{cmd[0]} ended before its memory was read")
        run.processes, run.sharers = len(pids), sharers(pids)
        if quits_by_itself:
            with suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=20)
    finally:
        end_tree(proc)
        reader.join(timeout=5)
    if quits_by_itself and proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} ended with status {proc.returncode}")
    return run


def chromium_command(url: str, profile: str, *, gl: bool = False) -> list[str]:
    """``gl``: let Chromium composite with the display's OpenGL, as tvdesk's Qt does (on
    Xvfb that is Mesa's software llvmpipe); by default it does without."""
    flags = [f"--app={url}", f"--user-data-dir={profile}",
             # a microphone: a fake device, granted with no prompt
             "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
             # the page and nothing else: no first-run UI, no background traffic or updates,
             # no keyring (tvdesk's stand-in keyring answers at once)
             "--no-first-run", "--no-default-browser-check", "--disable-sync",
             "--disable-background-networking", "--disable-component-update",
             "--disable-default-apps", "--password-store=basic"]
    if not gl:
        flags.append("--disable-gpu")
    if os.geteuid() == 0:  # Chromium's sandbox cannot run as root
        flags.append("--no-sandbox")
    return [CHROMIUM, *flags]


class Bench:
    def __init__(self, base_url: str, display: str) -> None:
        self.base = base_url
        self.regs = Registrations(base_url)
        self.morning = remembered_env(base_url)
        self.morning.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
        self.browser_env = {**os.environ, "DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS":
                            os.environ.get("DBUS_SESSION_BUS_ADDRESS", NO_SESSION_BUS)}
        self.kept_profile = tempfile.mkdtemp(prefix="bench-chromium-kept-")

    def chromium(self, *, kept: bool = False, gl: bool = False) -> Run:
        url = fresh_url(self.base)
        profile = self.kept_profile if kept else tempfile.mkdtemp(prefix="bench-chromium-")
        try:
            return measure(chromium_command(url, profile, gl=gl), self.browser_env, self.regs)
        finally:
            if not kept:
                shutil.rmtree(profile, ignore_errors=True)

    def tvdesk(self) -> Run:
        return measure([TVDESK, "--quit-when-phone-ready"], self.morning, self.regs,
                       quits_by_itself=True)

    def bare_view(self) -> Run:
        url = fresh_url(self.base)
        return measure([sys.executable, "-c", SAME_PAGE, url], self.morning, self.regs,
                       quits_by_itself=True)

    def close(self) -> None:
        self.regs.close()
        shutil.rmtree(self.kept_profile, ignore_errors=True)
        shutil.rmtree(self.morning["TVDESK_DATA_DIR"], ignore_errors=True)


# ---------------------------------------------------------------------------- report
def _ms(x: float) -> str:
    return f"{x * 1000:5.0f} ms"


def _mib(kib: float) -> str:
    return f"{kib / 1024:5.1f} MiB"


def report(runs: dict[str, list[Run]]) -> None:
    chromium, ours = runs["chromium"], runs["tvdesk"]
    print("per round: spawn to registered; memory of the process tree 1 s later, PSS "
          "(and pages counted once)")
    for i, (c, o) in enumerate(zip(chromium, ours, strict=True), 1):
        shown = o.milestones.get("main window shown")
        print(f"  round {i}: chromium {_ms(c.seconds)} {_mib(c.pss)} ({_mib(c.once)}, "
              f"{c.processes} proc)   tvdesk {_ms(o.seconds)} {_mib(o.pss)} "
              f"({_mib(o.once)}, {o.processes} proc)"
              + (f", its window shown at {shown * 1000:.0f} ms" if shown else ""))
    med = {name: (statistics.median(r.seconds for r in rs),
                  statistics.median(r.pss for r in rs),
                  statistics.median(r.once for r in rs)) for name, rs in runs.items() if rs}
    labels = {"chromium": "chromium --app, fresh profile", "tvdesk": "tvdesk, an agent's morning",
              "kept": "chromium --app, kept profile", "gl": "chromium --app with OpenGL",
              "bare": "bare QWebEngineView, same page"}
    print(f"medians of {len(ours)} rounds:            registered     PSS   pages once")
    for name in ("chromium", "tvdesk", "kept", "gl", "bare"):
        if name in med:
            t, pss, once = med[name]
            print(f"  {labels[name]:31s}:  {_ms(t)}  {_mib(pss)}  {_mib(once)}")
    (ct, cm, co), (ot, om, oo) = med["chromium"], med["tvdesk"]
    print(f"  time   ratio tvdesk/chromium   : {ot / ct:4.2f}x  (target <= 1.00)  "
          f"{'OK' if ot / ct <= 1.0 else 'MISSED'}")
    print(f"  memory ratio tvdesk/chromium   : {om / cm:4.2f}x  (target <  1.00)  "
          f"{'OK' if om / cm < 1.0 else 'MISSED'}  (pages once: {oo / co:4.2f}x)")
    if "kept" in med:
        kt, km, _ = med["kept"]
        print(f"  against Chromium's kept profile: time {ot / kt:4.2f}x, memory {om / km:4.2f}x")
    if "gl" in med:
        gt, gm, _ = med["gl"]
        print(f"  against Chromium with OpenGL   : time {ot / gt:4.2f}x, memory {om / gm:4.2f}x")
    if "bare" in med:
        bt, bm, _ = med["bare"]
        print(f"  tvdesk against the bare view   : time {ot / bt:4.2f}x, memory {om / bm:4.2f}x")
    shared = max(r.sharers for rs in runs.values() for r in rs)
    if shared:
        print(f"  note: {shared} other processes mapping QtWebEngine or Chromium were running: "
              "the PSS figures are split with them (pages once are not)")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--only-targets", action="store_true",
                   help="only Chromium with a fresh profile and tvdesk (not Chromium with a "
                        "kept profile or with OpenGL, nor the bare view)")
    args = p.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        print(f"bench_vs_chromium: skipped, {CHROMIUM} is missing "
              "(on Debian: apt-get install chromium)")
        return 0
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                             check=False).stdout.strip()
    names = ["chromium", "tvdesk"] + ([] if args.only_targets else ["kept", "gl", "bare"])
    runs: dict[str, list[Run]] = {name: [] for name in names}
    with real_display() as (display, described), \
            simulator_process("--calls-per-ramal", "100", "--days", "10") as base:
        print(f"tvdesk (Qt xcb) against {version} --app, on {described}")
        bench = Bench(base, display)
        take = {"chromium": bench.chromium, "tvdesk": bench.tvdesk,
                "kept": lambda: bench.chromium(kept=True), "gl": lambda: bench.chromium(gl=True),
                "bare": bench.bare_view}
        try:
            # untimed: yesterday's tvdesk (it leaves its settings, browser profile and
            # history) and a first Chromium (its files in the page cache, as on a machine
            # used every day; its kept profile made)
            bench.tvdesk()
            bench.chromium(kept=True)
            for i in range(args.rounds):
                for name in names if i % 2 == 0 else names[::-1]:
                    runs[name].append(take[name]())
                    time.sleep(0.3)
        finally:
            bench.close()
    report(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
