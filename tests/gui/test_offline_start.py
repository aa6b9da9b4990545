"""A bad morning: the remembered agent's API is unreachable, failing or silent at start.
The main window stays with the stored history to browse, says so and tries again by
itself; when the API answers the phone registers and the day loads with nothing done by the
agent. Only a token refused twice sends them to the sign-in form (issue 21)."""

from __future__ import annotations

import pytest

from tests.helpers.desktop import open_main, remembered
from tests.helpers.simulator import AGENT
from tvdesk.core.webphone.phone_state import Registration
from tvdesk.gui import session_flow
from tvdesk.gui.session_flow import SessionFlow

pytestmark = pytest.mark.webengine

#: every API path (the webphone's page, /w3/, is another host for the vendor)
API = r"^/(?!w3/)"


@pytest.fixture
def quick_retries(monkeypatch):
    monkeypatch.setattr(session_flow, "sign_in_retry_delay", lambda attempt: 0.5,
                        raising=False)  # (raising: the test fails for what it checks)
    monkeypatch.setattr(SessionFlow, "SIGN_IN_SECONDS", 2.0)


def yesterday_stored(qtbot, make_controller, sim, memory_keyring) -> list:
    """A day's work stored: the period the agent looked at last."""
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring,
                                  range_preset="7days")
    stored = sorted(e.key for e in main.calls.period_entries())
    assert stored
    main.close_for_quit()
    return stored


def main_tab_text(window, screen) -> str:
    return window.tabs.tabText(window.tabs.indexOf(screen))


def next_morning(make_controller, sim):
    again = make_controller(remembered(sim, range_preset="7days", webphone_autostart=True))
    again.open_first_window()
    window = again.main_window
    again.start()
    return again, window


@pytest.mark.parametrize("fault", ["drop", "server_error", "silent"])
def test_an_unreachable_api_keeps_the_window_and_signs_in_when_it_is_back(
        qtbot, make_controller, sim, memory_keyring, quick_retries, fault):
    stored = yesterday_stored(qtbot, make_controller, sim, memory_keyring)
    sim.add_fault(fault, path=API)
    again, window = next_morning(make_controller, sim)
    qtbot.waitUntil(lambda: "signs you in by itself" in window.banner.text(), timeout=15000)
    assert again.main_window is window and again.sign_in_window is None
    assert window.status.text() == "Saved history: connecting…"
    assert window.windowTitle().startswith("Extension 4000")  # whose, in the taskbar
    assert window.card.number.text() == "Extension 4000"  # (and nothing else claimed)
    assert not window.card.chips_box.isVisibleTo(window.card)
    # the numbers to call back are there too, from the database
    assert window.call_backs.count > 0
    assert main_tab_text(window, window.call_backs) == \
        f"To call back ({window.call_backs.count})"
    # the stored history can be browsed: its rows, the tabs, the search and the filters
    assert sorted(e.key for e in window.calls.period_entries()) == stored
    assert window.tabs.isEnabled() and window.calls.isEnabled()
    some = window.calls.model.visible_rows()[0]
    window.calls.search.setText(some.number[-4:])
    qtbot.waitUntil(lambda: 0 < len(window.calls.model.visible_rows()) < len(stored),
                    timeout=3000)
    assert all(some.number[-4:] in e.number for e in window.calls.model.visible_rows())
    window.calls.search.clear()
    # it keeps trying by itself, and the message does not flicker away meanwhile
    tries = len([r for r in sim.requests_log() if r["fault"]])
    qtbot.waitUntil(lambda: len([r for r in sim.requests_log() if r["fault"]]) > tries + 2,
                    timeout=15000)
    assert again.sign_in_window is None and again.main_window is window
    assert window.banner.isVisible()
    phone = again.dock.controller
    assert phone.state.registration is not Registration.CONNECTED  # (no URL to be had)
    sim.clear_faults()  # the network is back: nothing for the agent to do
    qtbot.waitUntil(lambda: again.session is not None, timeout=20000)
    qtbot.waitUntil(lambda: not again.history.loading
                    and window.status.text().startswith("Updated"), timeout=20000)
    assert "signs you in" not in window.banner.text() or not window.banner.isVisible()
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                    timeout=40000)
    assert len(sim.hub.registrations(AGENT)) == 1
    assert window.range_bar.isEnabled()


def test_try_now_tries_at_once(qtbot, make_controller, sim, memory_keyring, monkeypatch):
    monkeypatch.setattr(session_flow, "sign_in_retry_delay", lambda attempt: 3600.0)
    yesterday_stored(qtbot, make_controller, sim, memory_keyring)
    sim.add_fault("drop", path=API)
    again, window = next_morning(make_controller, sim)
    qtbot.waitUntil(lambda: "signs you in by itself" in window.banner.text(), timeout=15000)
    sim.clear_faults()
    window.banner.action.click()  # Try now (the next try was an hour away)
    qtbot.waitUntil(lambda: again.session is not None, timeout=15000)


def test_a_token_refused_once_is_asked_again_before_the_form(qtbot, make_controller, sim,
                                                             memory_keyring, quick_retries):
    yesterday_stored(qtbot, make_controller, sim, memory_keyring)
    sim.add_fault("auth", path=r"^/ramal", count=1)  # a hiccup, not a revoked token
    again, window = next_morning(make_controller, sim)
    qtbot.waitUntil(lambda: again.session is not None, timeout=15000)
    assert again.main_window is window and again.sign_in_window is None


def test_a_token_refused_twice_goes_to_the_sign_in_form(qtbot, make_controller, sim,
                                                         memory_keyring, quick_retries):
    yesterday_stored(qtbot, make_controller, sim, memory_keyring)
    sim.add_fault("auth", path=API)  # revoked overnight
    again, _window = next_morning(make_controller, sim)
    qtbot.waitUntil(lambda: again.sign_in_window is not None
                    and again.sign_in_window.error.isVisible(), timeout=15000)
    assert "token was refused" in again.sign_in_window.error.text()
    assert again.main_window is None
    assert len([r for r in sim.requests_log() if r["fault"] == "auth"
                and r["path"].startswith("/ramal")]) >= 2


def test_a_token_refused_during_a_call_waits_for_the_call_to_end(
        qtbot, make_controller, sim, memory_keyring, quick_retries, monkeypatch):
    """The remembered sign-in may wait for the API for hours while the phone is up: a call
    taken meanwhile is never ended by the sign-in saying no at last."""
    monkeypatch.setattr(session_flow, "sign_in_retry_delay", lambda attempt: 3600.0,
                        raising=False)
    yesterday_stored(qtbot, make_controller, sim, memory_keyring)
    sim.add_fault("drop", path=r"^/ramal")  # the sign-in's API down, the phone's URL not
    again, window = next_morning(make_controller, sim)
    qtbot.waitUntil(lambda: "signs you in by itself" in window.banner.text(), timeout=15000)
    phone = again.dock.controller
    qtbot.waitUntil(lambda: phone.state.registration is Registration.CONNECTED,
                    timeout=20000)
    sim.hub.incoming_call(AGENT, "48999991111")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    phone.answer()
    qtbot.waitUntil(lambda: phone.state.call is not None and phone.state.call.answered,
                    timeout=5000)
    sim.clear_faults()
    sim.add_fault("auth", path=r"^/ramal")  # the token was revoked meanwhile
    window.banner.action.click()  # Try now
    qtbot.waitUntil(lambda: "call goes on" in window.banner.text(), timeout=15000)
    qtbot.wait(500)
    assert again.main_window is window and phone.state.call is not None  # still talking
    assert not [e for e in sim.hub.log() if e["message"] in ("hangup", "desconectar")]
    phone.hangup()  # the agent ends it: now the sign-in
    qtbot.waitUntil(lambda: again.main_window is None, timeout=10000)
    assert again.sign_in_window is not None and again.sign_in_window.isVisible()
