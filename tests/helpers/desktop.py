"""Opening tvdesk's desktop in a test as an agent does: remembered settings, the token in the
test keyring, then the main window loaded or the phone connected."""

from __future__ import annotations

import keyring
import keyring.backend

from tests.helpers.simulator import AGENT_ID, TOKEN
from tvdesk.core.credentials import SERVICE
from tvdesk.core.settings import Settings
from tvdesk.core.webphone.phone_state import Registration


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps passwords in this process only; ``locked`` makes
    it answer as a locked Secret Service does."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("the collection is locked")

    def get_password(self, service, username):
        self._check()
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self._check()
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self._check()
        if (service, username) not in self.passwords:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.passwords[(service, username)]


def remembered(sim, **kw) -> Settings:
    kw.setdefault("webphone_autostart", False)  # the webphone tests turn it on
    return Settings(base_url=sim.base_url, ramal="4000", remember=True, **kw)


def store_token(backend: MemoryKeyring, sim, token: str = TOKEN) -> None:
    backend.set_password(SERVICE, sim.base_url, token)


def open_main(qtbot, make_controller, sim, memory_keyring, **settings):
    store_token(memory_keyring, sim)
    settings.setdefault("range_preset", "30days")
    controller = make_controller(remembered(sim, **settings))
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(lambda: controller.history.loading is False and main.status.text().startswith(
        "Updated"), timeout=15000)
    return controller, main


def truth(sim, start, end, rid=AGENT_ID):
    return [c for c in sim.store.calls[rid]
            if start <= c.started_at.astimezone().date() <= end]


def open_phone(qtbot, make_controller, sim, memory_keyring, mode="embedded", **settings):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True,
                                            webphone_mode=mode, range_preset="7days",
                                            **settings))
    controller.start()
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.dock.controller is not None, timeout=10000)
    qtbot.waitUntil(lambda: controller.dock.controller.state.registration
                    is Registration.CONNECTED and controller.session is not None,
                    timeout=20000)
    return controller, controller.dock.controller


def signed_in(qtbot, make_controller, sim, memory_keyring, **kw):
    """Signed in with the webphone connected; ``kw`` for the controller (``today``)."""
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True,
                                            range_preset="today"), **kw)
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None
                    and controller.main_window is not None
                    and controller.dock.controller is not None
                    and controller.dock.controller.state.registration
                    is Registration.CONNECTED, timeout=20000)
    return controller, controller.main_window, controller.dock.controller
