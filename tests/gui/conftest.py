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

from tests.helpers.simulator import ANCHOR, TOKEN
from tvdesk.core.credentials import SERVICE, CredentialStore
from tvdesk.core.settings import Settings, SettingsStore
from tvdesk.gui.controller import AppController
from tvdesk.gui.tasks import Tasks


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps passwords in this process only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.passwords:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.passwords[(service, username)]


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


@pytest.fixture(scope="session")
def qt_loop(qapp):
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    return loop  # never stopped: that would quit the QApplication for later tests


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
        controller = AppController(settings_store=store, credentials=CredentialStore(),
                                   tasks=tasks, today=ANCHOR,
                                   client_options={"timeout": 3.0, "backoff": 0.01}, **kw)
        made.append(controller)
        return controller

    yield make
    for c in made:
        for w in (c.main_window, c.sign_in_window):
            if w is not None:
                w.close()  # stops the webphone: views let go of its page first
                w.deleteLater()
        if c.session is not None:
            c.session.close()
    # delete now, in this test's teardown, not during the next test's event processing
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def remembered(sim, **kw) -> Settings:
    kw.setdefault("webphone_autostart", False)  # the webphone tests turn it on
    return Settings(base_url=sim.base_url, ramal="4000", remember=True, **kw)


def store_token(backend: MemoryKeyring, sim, token: str = TOKEN) -> None:
    backend.set_password(SERVICE, sim.base_url, token)
