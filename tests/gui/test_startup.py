"""An agent whose token is remembered: the window shows at once, the webphone starts before
the sign-in has finished and the window fills in once it is connected; what happens when the
sign-in then says no."""

from __future__ import annotations

import pytest

from tests.helpers.desktop import remembered, store_token
from tests.helpers.simulator import AGENT, AGENT_ID
from tvdesk.core.webphone.phone_state import Registration
from tvdesk.gui import startup

pytestmark = pytest.mark.webengine


def start(qtbot, make_controller, sim, memory_keyring, **settings):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, webphone_autostart=True,
                                            range_preset="7days", **settings))
    seen = {}
    controller.signedIn.connect(
        lambda _s: seen.setdefault("phone at sign-in",
                                   controller.dock.controller.state.registration))
    controller.open_first_window()
    seen["window before the loop"] = controller.main_window is not None
    controller.start()
    return controller, seen


def api_paths(sim) -> list[str]:
    return [r["path"] for r in sim.requests_log() if not r["path"].startswith("/w3/")]


def test_the_phone_starts_before_the_sign_in_and_the_window_fills_in_after(
        qtbot, make_controller, sim, memory_keyring):
    controller, seen = start(qtbot, make_controller, sim, memory_keyring)
    assert seen["window before the loop"]  # "connecting", before any request
    card = controller.main_window.card
    # nothing known yet: no permission shown as refused, no password to copy
    assert not card.chips_box.isVisibleTo(card) and not card.copy_password.isEnabled()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=20000)
    assert card.chips_box.isVisibleTo(card) and card.copy_password.isEnabled()
    phone = controller.dock.controller
    # the webphone's URL was the first request; the sign-in's came after it
    paths = api_paths(sim)
    assert paths[0] == "/webphone"
    assert paths.index("/webphone") < paths.index(f"/ramal/{AGENT_ID}")
    first = next(r for r in sim.requests_log() if r["path"] == "/webphone")
    assert first["query"]["ramal"] == AGENT and "id_ramal" not in first["query"]
    # the window waited for the phone before filling in
    assert seen["phone at sign-in"] is Registration.CONNECTED
    assert len(sim.hub.registrations(AGENT)) == 1
    # later loads use the extension's id, which the sign-in found
    phone.reconnect()
    qtbot.waitUntil(lambda: len([r for r in sim.requests_log()
                                 if r["path"] == "/webphone"]) == 2, timeout=10000)
    second = [r for r in sim.requests_log() if r["path"] == "/webphone"][1]
    assert second["query"]["id_ramal"] == str(AGENT_ID)
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                    timeout=20000)
    # the old page went first; the simulator hears of it by the page's unload beacon,
    # which a busy machine may deliver a moment after the new page registered
    qtbot.waitUntil(lambda: len(sim.hub.registrations(AGENT)) == 1, timeout=5000)


def test_a_remembered_id_is_used_from_the_first_load(qtbot, make_controller, sim,
                                                     memory_keyring):
    controller, _ = start(qtbot, make_controller, sim, memory_keyring, ramal_id=AGENT_ID)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=20000)
    first = next(r for r in sim.requests_log() if r["path"] == "/webphone")
    assert first["query"]["id_ramal"] == str(AGENT_ID)


def test_an_extension_without_the_webphone_stops_it_and_says_so(qtbot, make_controller, sim,
                                                                 memory_keyring):
    sim.store.update(AGENT_ID, {"webphone": False})
    controller, _ = start(qtbot, make_controller, sim, memory_keyring)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=20000)
    main = controller.main_window
    qtbot.waitUntil(lambda: "may not use the webphone" in main.banner.text(), timeout=5000)
    assert controller.dock.controller.page is None and not controller.dock.controller.allowed
    assert sim.hub.registrations(AGENT) == []
    main.banner.hide()
    assert controller.dialer.dial("4001")  # a valid number: the phone says why it cannot
    assert "may not use the webphone" in main.banner.text()
    assert [r for r in sim.requests_log() if "ligar_para" in r["query"]] == []


def test_a_refused_token_ends_the_early_phone_and_returns_to_sign_in(
        qtbot, make_controller, sim, memory_keyring):
    sim.add_fault("auth")  # every request: the token was revoked overnight
    controller, _ = start(qtbot, make_controller, sim, memory_keyring)
    qtbot.waitUntil(lambda: controller.sign_in_window is not None
                    and controller.sign_in_window.error.isVisible(), timeout=20000)
    assert "token was refused" in controller.sign_in_window.error.text()
    assert controller.main_window is None
    assert sim.hub.registrations(AGENT) == []


def test_a_slow_webphone_does_not_hold_the_window_back(qtbot, make_controller, sim,
                                                       memory_keyring, monkeypatch):
    monkeypatch.setattr(startup, "PHONE_FIRST_SECONDS", 0.5)
    sim.add_fault("latency", path="^/webphone$", latency_ms=2500, count=1)
    controller, seen = start(qtbot, make_controller, sim, memory_keyring)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=20000)
    # filled in without waiting for the slow phone (its URL takes 2.5 s, the start waits
    # 0.5 s): said by the phone's state at that moment, not by a clock
    assert seen["phone at sign-in"] is Registration.LOADING
    phone = controller.dock.controller
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                    timeout=20000)
    assert len(sim.hub.registrations(AGENT)) == 1


def test_no_token_in_the_keyring_after_all_shows_the_sign_in(qtbot, make_controller, sim,
                                                            memory_keyring):
    controller = make_controller(remembered(sim, webphone_autostart=True))
    controller.open_first_window()
    assert controller.main_window is not None  # shown while the keyring answers
    controller.start()
    qtbot.waitUntil(lambda: controller.sign_in_window is not None
                    and controller.sign_in_window.isVisible(), timeout=20000)
    assert controller.main_window is None
    assert [r for r in sim.requests_log() if r["path"] == "/webphone"] == []


def test_the_agent_can_dial_before_the_sign_in_has_finished(qtbot, make_controller, sim,
                                                            memory_keyring):
    from PySide6.QtCore import Qt

    sim.add_fault("latency", path="^/ramal", latency_ms=3000)  # a slow sign-in
    controller, _ = start(qtbot, make_controller, sim, memory_keyring)
    main = controller.main_window
    qtbot.waitUntil(lambda: controller.dock.controller is not None
                    and controller.dock.controller.state.registration
                    is Registration.CONNECTED,
                    timeout=20000)
    assert controller.session is None and main.dial_box.isEnabled()
    qtbot.keyClicks(main.dial_box, "(48) 99999-4321")
    qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [e["numero"] for e in sim.hub.log()
                             if e["message"] == "chamaNumero"] == ["+5548999994321"],
                    timeout=10000)
    assert controller.session is None  # still signing in


class WatchedKeyring:
    """Wraps the test keyring: what the phone's state was when the app first read it."""

    def __init__(self, backend, controller_of):
        self.backend, self.controller_of, self.phone_at_first_read = backend, controller_of, []
        self.original = backend.get_password

    def __call__(self, service, username):
        dock = self.controller_of().dock
        phone = dock.controller if dock is not None else None
        self.phone_at_first_read.append(phone.state.registration if phone else None)
        return self.original(service, username)


def helper_for(sim, tmp_path, tipo="embedded", **env):
    from tests.helpers.process_keyring import process_env
    from tvdesk.core.webphone.url_prefetch import UrlPrefetch, UrlRequest

    request = UrlRequest(sim.base_url, AGENT, None, tipo, False)
    prefetch = UrlPrefetch.start(request, env=process_env(tmp_path / "helper", sim.base_url,
                                                          **env))
    assert prefetch is not None
    return prefetch


def test_the_first_url_comes_from_the_helper_before_the_app_reads_the_keyring(
        qtbot, make_controller, sim, memory_keyring, tmp_path, monkeypatch):
    # the start waits for the phone however slow the machine (by default 1.5 s, then the
    # keyring is read anyway: on a loaded machine the phone had not connected by then)
    monkeypatch.setattr(startup, "PHONE_FIRST_SECONDS", 60.0)
    store_token(memory_keyring, sim)
    prefetch = helper_for(sim, tmp_path)
    made = []
    watch = WatchedKeyring(memory_keyring, lambda: made[0])
    monkeypatch.setattr(memory_keyring, "get_password", watch)
    controller = make_controller(remembered(sim, webphone_autostart=True,
                                            range_preset="7days"), url_prefetch=prefetch)
    made.append(controller)
    controller.open_first_window()
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=20000)
    assert not prefetch.pending  # taken by the first load
    # the phone had connected on the helper's URL before the app's own line existed
    assert watch.phone_at_first_read[0] is Registration.CONNECTED
    assert len([r for r in sim.requests_log() if r["path"] == "/webphone"]) == 1
    assert len(sim.hub.registrations(AGENT)) == 1


@pytest.mark.parametrize("case", ["helper failed", "another mode"])
def test_without_the_helpers_url_the_app_fetches_its_own(qtbot, make_controller, sim,
                                                         memory_keyring, tmp_path, case):
    store_token(memory_keyring, sim)
    if case == "helper failed":  # its keyring would not answer
        prefetch = helper_for(sim, tmp_path,
                              PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    else:  # fetched for the floating window; the agent has since chosen the panel
        prefetch = helper_for(sim, tmp_path, tipo="floating")
    controller = make_controller(remembered(sim, webphone_autostart=True,
                                            range_preset="7days"), url_prefetch=prefetch)
    controller.open_first_window()
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=20000)
    phone = controller.dock.controller
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                    timeout=20000)
    assert not prefetch.pending
    (asked,) = [r for r in sim.requests_log() if r["path"] == "/webphone"]
    assert asked["query"]["tipo"] == "embedded"
    assert len(sim.hub.registrations(AGENT)) == 1
