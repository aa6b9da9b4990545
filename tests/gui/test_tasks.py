"""The one way work leaves the GUI thread, and the one error hook every failure reaches."""

from __future__ import annotations

import asyncio
import sys
import threading

import pytest
from PySide6.QtCore import QObject, QTimer

from tests.helpers.desktop import remembered, store_token
from tvdesk.gui import tasks as tasks_module


def test_run_awaits_a_blocking_call_made_on_a_worker(qtbot, qt_loop, tasks):
    got = []

    async def job():
        got.append(await tasks.run(lambda x: (x * 2, threading.current_thread().name), 21))

    tasks.spawn(job())
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    value, thread = got[0]
    assert value == 42 and thread != threading.main_thread().name


def test_submit_calls_back_on_the_gui_thread_without_an_event_loop(qtbot, tasks):
    release = threading.Event()
    seen = []
    tasks.submit(lambda: (release.wait(5), 7)[1],
                 done=lambda f: seen.append((f.result(), threading.current_thread())))
    release.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(7, threading.main_thread())]


def test_submit_drops_the_callback_of_an_owner_that_is_gone(qtbot, tasks):
    owner = QObject()
    release = threading.Event()
    seen = []
    job = tasks.submit(release.wait, 5, owner=owner, done=seen.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not tasks_module.alive(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(job.done, timeout=5000)
    qtbot.wait(100)
    assert seen == []


def test_on_done_of_a_finished_job_calls_back_at_once(qtbot, tasks):
    job = tasks.submit(lambda: 3)
    qtbot.waitUntil(job.done, timeout=5000)
    seen = []
    tasks.on_done(job, lambda f: seen.append(f.result()))
    assert seen == [3]  # in place: not a turn of the event loop later


def test_an_exception_in_a_spawned_task_reaches_the_error_hook(qtbot, qt_loop, tasks,
                                                                 unexpected_errors):
    async def broken():
        await asyncio.sleep(0)
        raise KeyError("nothing handles this")

    tasks.spawn(broken())
    qtbot.waitUntil(lambda: bool(unexpected_errors), timeout=5000)
    assert isinstance(unexpected_errors[0], KeyError)


def test_a_spawned_task_ends_with_its_owner(qtbot, qt_loop, tasks):
    owner = QObject()
    steps = []

    async def long():
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            steps.append("cancelled")
            raise

    task = tasks.spawn(long(), owner=owner)
    qtbot.wait(50)
    owner.deleteLater()
    qtbot.waitUntil(task.done, timeout=5000)
    assert steps == ["cancelled"] and task.cancelled()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_reaches_the_hook(qtbot, unexpected_errors):
    previous = sys.excepthook
    tasks_module.install_error_hook()
    try:
        def slot():
            raise ValueError("a slot went wrong")

        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: bool(unexpected_errors), timeout=5000)
    finally:
        sys.excepthook = previous
    assert isinstance(unexpected_errors[0], ValueError)


def test_the_event_loops_own_errors_reach_the_hook(qtbot, qt_loop, unexpected_errors):
    previous = qt_loop.get_exception_handler()
    tasks_module.attach_loop(qt_loop)
    try:
        qt_loop.call_soon(lambda: 1 / 0)
        qtbot.waitUntil(lambda: bool(unexpected_errors), timeout=5000)
    finally:
        qt_loop.set_exception_handler(previous)
    assert isinstance(unexpected_errors[0], ZeroDivisionError)


def test_the_agent_is_told_and_the_app_keeps_running(qtbot, make_controller, sim,
                                                      memory_keyring, unexpected_errors):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim))
    stop = tasks_module.add_error_listener(controller.report_unexpected)
    try:
        controller.start()
        qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)

        async def broken():
            raise RuntimeError("secret-looking text that must not be shown")

        controller.tasks.spawn(broken())
        banner = controller.main_window.banner
        qtbot.waitUntil(lambda: "unexpected" in banner.text(), timeout=5000)
        assert "RuntimeError" in banner.text() and "secret" not in banner.text()
        controller.history.refresh()  # still working
        qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    finally:
        stop()
