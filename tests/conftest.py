"""Shared fixtures: a simulator on a free loopback port and a client for it.

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

from datetime import date  # noqa: E402

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

# QtWebEngine needs this before the QApplication exists (pytest-qt creates it lazily)
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

import pytest  # noqa: E402

from tests.process_keyring import TOKEN  # noqa: E402  (the simulator's test token)
from tvdesk.core.api import TotalVoiceClient  # noqa: E402
from tvdesk.simulator import Simulator  # noqa: E402
from tvdesk.simulator.store import DataSpec  # noqa: E402
from tvdesk.simulator.webphone import WebphoneConfig  # noqa: E402

ANCHOR = date(2026, 10, 31)  # a fixed last day: the generated account is the same every run
AGENT_ID = 1234  # ramal 4000, the seeds' example id
AGENT = "4000"


def make_sim(**kw) -> Simulator:
    data = kw.pop("data", None) or DataSpec(seed=11, calls_per_ramal=kw.pop("calls", 400),
                                            days=kw.pop("days", 60), anchor=ANCHOR)
    webphone = kw.pop("webphone", None) or WebphoneConfig(answer_delay_ms=150,
                                                          keepalive_ms=500)
    return Simulator(kw.pop("token", TOKEN), data=data, webphone=webphone, **kw).start()


def make_client(sim: Simulator, **kw) -> TotalVoiceClient:
    kw.setdefault("timeout", 3.0)
    kw.setdefault("backoff", 0.01)
    return TotalVoiceClient(kw.pop("token", TOKEN), sim.base_url, **kw)


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
