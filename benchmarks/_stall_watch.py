"""Where the GUI thread is while it stalls: a watcher thread samples the main thread's stack
whenever the heartbeat has not ticked for ``threshold_ms``, and reports the most frequent
frames afterwards (a poor man's profiler of long stalls only, for ``--why``)."""

from __future__ import annotations

import collections
import sys
import threading
import time
import traceback


class StallWatch:
    def __init__(self, threshold_ms: float = 30.0, every_ms: float = 2.0) -> None:
        self.threshold = threshold_ms / 1000
        self.every = every_ms / 1000
        self.last_tick = time.perf_counter()
        self.samples: collections.Counter = collections.Counter()
        self.timeline: list[tuple[float, str]] = []  # (when, where) of every sample
        self.ticks: list[float] = []
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-watch", daemon=True)

    def tick(self) -> None:
        self.last_tick = time.perf_counter()
        self.ticks.append(self.last_tick)

    def start(self) -> None:
        self.last_tick = time.perf_counter()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)

    def _run(self) -> None:
        import os
        import subprocess

        spy = os.environ.get("STALL_PY_SPY")  # a py-spy to dump native stacks with
        dumped_for = None
        while not self._stop.wait(self.every):
            if time.perf_counter() - self.last_tick < self.threshold:
                continue
            if spy and dumped_for != self.last_tick and \
                    time.perf_counter() - self.last_tick > 0.1:
                dumped_for = self.last_tick
                native = ["--native"] if os.environ.get("STALL_NATIVE") else []
                out = subprocess.run([spy, "dump", *native, "--pid", str(os.getpid())],
                                     check=False, capture_output=True, text=True).stdout
                print("---- stacks during a stall ----")
                print(out[:12000])
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            # the innermost tvdesk frame and the innermost frame of all
            ours = [f for f in stack if "/tvdesk/" in f.filename]
            key = (f"{ours[-1].filename.split('/tvdesk/')[-1]}:{ours[-1].lineno} "
                   f"{ours[-1].name}" if ours else "-",
                   f"{stack[-1].filename.rsplit('/', 1)[-1]}:{stack[-1].lineno} "
                   f"{stack[-1].name}")
            self.samples[key] += 1
            self.timeline.append((time.perf_counter(), " ".join(key)))

    def longest(self) -> None:
        """What the GUI thread did through the longest stall, in order."""
        if len(self.ticks) < 2:
            return
        gap, start = max((b - a, a) for a, b in zip(self.ticks, self.ticks[1:], strict=False))
        print(f"    the longest stall ({gap * 1000:.0f} ms), sample by sample:")
        last = None
        for when, where in self.timeline:
            if start <= when <= start + gap and where != last:
                print(f"      +{(when - start) * 1000:5.0f} ms  {where}")
                last = where

    def report(self, top: int = 12) -> None:
        self.longest()
        total = sum(self.samples.values())
        print(f"    where the GUI thread was while stalled ({total} samples of "
              f"{self.every * 1000:.0f} ms):")
        for (ours, inner), n in self.samples.most_common(top):
            print(f"      {n:5d}  {ours}  [{inner}]")
