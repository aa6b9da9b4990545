"""Python's collector runs on the GUI thread only, from tvdesk's timer: never in a worker
that happens to cross the allocation threshold (issue 21: the suite hung inside such a
collection about once in ten full runs)."""

from __future__ import annotations

import gc
import threading

from tvdesk.gui.garbage import GuiThreadCollector


def churn() -> None:
    """Reference cycles, well past every generation's threshold."""
    for _ in range(60_000):
        cycle: list = []
        cycle.append(cycle)


def test_collections_happen_on_the_gui_thread_only(qtbot):
    threads: list[str] = []

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    was_enabled = gc.isenabled()
    gc.enable()  # Python's own collector, as in a process without tvdesk's
    gc.callbacks.append(seen)
    try:
        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert "worker" in threads  # what happens without it: collections on the worker
        threads.clear()
        collector = GuiThreadCollector(interval_ms=50)
        try:
            worker = threading.Thread(target=churn, name="worker")
            worker.start()
            worker.join()
            assert threads == []  # the worker collected nothing
            qtbot.waitUntil(lambda: bool(threads), timeout=3000)
            assert set(threads) == {threading.main_thread().name}
            assert collector.collections[0] + collector.collections[1] >= 1
        finally:
            collector.stop()
        assert gc.isenabled()  # as it was before
    finally:
        gc.callbacks.remove(seen)
        if not was_enabled:
            gc.disable()
