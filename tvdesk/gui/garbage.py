"""Python's cyclic garbage collector, run on the GUI thread only, at moments tvdesk picks.

Left automatic, a collection starts in whichever thread crosses the allocation threshold:
a worker parsing a report page could collect Qt wrappers (a page, a player, a timer) whose
C++ side belongs to the GUI thread, and run their finalizers there; the test suite hung
inside such a collection about once in ten full runs. Calibre and pyqtgraph (and
novelWriter since 2026) turn the automatic collector off and collect from a GUI-thread
timer: the young generations whenever their thresholds are crossed, the oldest as rarely as
Python would. This is that timer.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    #: how often the thresholds are looked at: garbage waits at most this long
    INTERVAL_MS = 500
    #: a full collection at most this often: Python holds one back until a quarter of the
    #: long-lived objects are new (not visible from Python); a day's data makes them costly
    FULL_EVERY_S = 30.0

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = [0, 0, 0]  # how many of each generation, for tests and benches
        self._last_full = time.monotonic()
        self._was_enabled = gc.isenabled()
        gc.disable()  # no collection starts on a worker from now on
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect what Python would have by now (on this, the GUI, thread)."""
        counts = gc.get_count()
        t0, t1, t2 = self.threshold
        if counts[0] <= t0:
            return
        generation = 0
        if counts[1] > t1:
            generation = 1
            now = time.monotonic()
            if counts[2] > t2 and now - self._last_full >= self.FULL_EVERY_S:
                generation, self._last_full = 2, now
        gc.collect(generation)
        self.collections[generation] += 1

    def stop(self) -> None:
        """Back to the collector as it was (the process is ending, or a test is over)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
