"""GUI fixtures: one session-wide qasync loop, an in-memory keyring, isolated settings.

The windows are the real ones, driven with pytest-qt against the simulator over loopback.
"""

from __future__ import annotations

import asyncio
import os
import time

import keyring
import keyring.backend
import pytest
import qasync
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, QEvent

from tests.helpers.desktop import MemoryKeyring
from tests.helpers.simulator import ANCHOR, make_sim
from tvdesk.core.credentials import CredentialStore
from tvdesk.core.settings import Settings, SettingsStore
from tvdesk.gui.controller import AppController
from tvdesk.gui.tasks import Tasks
from tvdesk.simulator.webphone import WebphoneConfig


@pytest.fixture(scope="session", autouse=True)
def brasilia_time():
    """Local time is Brasília's, as for the agents: dates in views and CSV are stable."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/Sao_Paulo"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The app's English, as it starts on an English system (its plural forms)."""
    from tvdesk.gui.i18n import install_translations

    return install_translations(qapp, "en")


@pytest.fixture(scope="session")
def qt_loop(qapp):
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    return loop  # never stopped: that would quit the QApplication for later tests


@pytest.fixture
def sim():
    """The simulator with a quick far end and frequent keep-alives (the webphone's tests)."""
    s = make_sim(webphone=WebphoneConfig(answer_delay_ms=200, keepalive_ms=250,
                                         stats_interval_ms=500))
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def webphone_data(tmp_path, monkeypatch):
    """The webphone's browser storage in the test's own folder."""
    monkeypatch.setenv("TVDESK_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def tray(qapp):
    """The app's tray (offscreen there is no system tray: ``available`` is False)."""
    from tvdesk.gui.tray import Tray

    t = Tray()
    yield t
    t.dispose()


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("TVDESK_CONFIG_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def tasks(qapp):
    t = Tasks()
    yield t
    t.shutdown()


@pytest.fixture
def make_controller(qt_loop, qtbot, tasks, config, sim):
    made = []

    def make(settings: Settings | None = None, **kw) -> AppController:
        store = SettingsStore(config / "settings.json")
        if settings is not None:
            store.save(settings)
        kw.setdefault("today", ANCHOR)  # the simulator's data end there
        controller = AppController(settings_store=store, credentials=CredentialStore(),
                                   tasks=tasks,
                                   client_options={"timeout": 3.0, "backoff": 0.01}, **kw)
        made.append(controller)
        return controller

    yield make
    for c in made:
        if c.main_window is not None:
            c.main_window.close_for_quit()  # stops the webphone: views let go of its page
            c.main_window.deleteLater()
        c.flow.close_sign_in()  # (tvdesk closes it: not the agent, which would quit)
        if c.session is not None:
            c.session.close()
    # delete now, in this test's teardown, not during the next test's event processing
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_unexpected_errors(request):
    """Every GUI test fails if an error reached the app's error hook (``tasks``), unless it
    asks for them with the ``unexpected_errors`` fixture."""
    from tvdesk.gui.tasks import add_error_listener

    seen: list[BaseException] = []
    stop = add_error_listener(seen.append)
    request.node.unexpected_errors = seen
    yield
    stop()
    if "unexpected_errors" not in request.fixturenames:
        assert seen == [], f"unexpected errors reached the error hook: {seen!r}"


@pytest.fixture
def unexpected_errors(request):
    """The errors that reached the error hook during this test (they do not fail it)."""
    return request.node.unexpected_errors
