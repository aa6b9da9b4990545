"""Shared fixtures: a simulator on a free loopback port and a client for it (made by
``tests.helpers.simulator``).

Qt runs headless; QtWebEngine gets a fake audio device (never the fake *UI* flag, so that the
permission code is exercised) and no sandbox (tests run as root in CI).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
_flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
if "--use-fake-device-for-media-stream" not in _flags:
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        _flags + " --use-fake-device-for-media-stream --disable-background-networking"
    ).strip()

import tempfile  # noqa: E402

# this run's own single-instance socket: no running tvdesk, and no other run, can take
# the requests of the processes these tests start
os.environ["TVDESK_INSTANCE_NAME"] = os.path.join(
    tempfile.mkdtemp(prefix="tvdesk-tests-"), "instance.sock")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

# QtWebEngine needs this before the QApplication exists (pytest-qt creates it lazily)
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

import pytest  # noqa: E402

from tests.helpers.simulator import make_client, make_sim  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _garbage_collected_between_tests():
    """The cyclic garbage collector runs between tests, not in the middle of one.

    Three times (two last stop, one this stop, in ~20 full runs) the suite hung with the
    main thread "Garbage-collecting" inside a Qt call (a window being built, a wait) while
    workers and simulator threads waited: a finalizer run by a collection at that moment
    never returned. The cause is not found (FFmpeg's log callback and history databases
    closed by the collector were two suspects, removed). The app itself freezes its
    start-up objects out of full collections (``gui.app.settle_garbage_collector``); here,
    with hundreds of windows, simulators and threads made and unmade in one process, the
    collector runs at each test's end, when that test's threads and windows are gone."""
    import gc

    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_the_test():
    yield
    import gc

    gc.collect()


@pytest.fixture
def sim():
    simulator = make_sim()
    yield simulator
    simulator.stop()


@pytest.fixture
def client(sim):
    c = make_client(sim)
    yield c
    c.close()
