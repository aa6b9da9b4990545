"""The app's controller: the settings dialog's changes reach every part and the file; Quit
ends tvdesk (the phone unregisters first) and asks before it ends a call."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.helpers.desktop import open_main, signed_in
from tests.helpers.simulator import AGENT, AGENT_ID, TOKEN
from tests.helpers.webphone import log
from tvdesk.core.webphone.phone_state import CallPhase


def test_settings_dialog_applies_and_saves(qtbot, make_controller, sim, memory_keyring,
                                           config):
    import json

    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    dialog = controller.open_settings()
    dialog.refresh.setValue(15)
    dialog.csv.setCurrentIndex(dialog.csv.findData(";"))
    dialog.supervisor.setChecked(True)
    dialog.raise_on_incoming.setChecked(False)
    dialog.close_at_end.setChecked(True)
    dialog.accept()
    timer = controller.history.auto_refresh
    assert timer.isActive() and timer.interval() == 15 * 60_000
    assert main.calls.csv_separator == ";"
    assert main.supervisor is not None
    saved = json.loads((config / "settings.json").read_text())
    assert (saved["refresh_minutes"], saved["csv_separator"], saved["supervisor"],
            saved["raise_on_incoming"], saved["webphone_close_at_end"]) == (
        15, ";", True, False, True)
    dialog = controller.open_settings()
    dialog.refresh.setValue(0)
    dialog.accept()
    assert not controller.history.auto_refresh.isActive()
    # the pause reasons: the standard list is not saved (it follows the language); an
    # edited one is, cleaned; emptied, the standard list comes back
    assert saved["pause_reasons"] is None
    dialog = controller.open_settings()
    assert dialog.pause_reasons.toPlainText().splitlines()[0] == "Lunch"
    dialog.pause_reasons.setPlainText("Almoço\n\n  Café   da tarde \nalmoço\nTreinamento")
    dialog.accept()
    saved = json.loads((config / "settings.json").read_text())
    assert saved["pause_reasons"] == ["Almoço", "Café da tarde", "Treinamento"]
    dialog = controller.open_settings()
    dialog.pause_reasons.setPlainText("")
    dialog.accept()
    assert controller.settings.current.pause_reasons is None


def test_quit_with_a_tray_ends_tvdesk_and_unregisters_the_phone(qtbot, make_controller, sim,
                                                                memory_keyring, tray):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    controller.set_tray(tray)
    main.set_close_to_tray(True)  # as on a desktop with a tray
    with qtbot.waitSignal(controller.quitting, timeout=5000):
        main.menu_actions.quit.trigger()  # File → Quit (Ctrl+Q)
    assert not main.isVisible()
    assert "desconectar" in [e["message"] for e in log(sim)]
    assert phone.page is None
    qtbot.waitUntil(lambda: sim.hub.registrations(AGENT) == [], timeout=5000)


@pytest.mark.parametrize("how", ["quit", "close without a tray", "tray quit", "sign out"])
def test_ending_tvdesk_during_a_call_asks_first_and_no_keeps_the_call(
        qtbot, make_controller, sim, memory_keyring, tray, how):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    controller.set_tray(tray)
    phone.dial("4001")
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)

    def ask():
        if how == "quit":
            main.menu_actions.quit.trigger()
        elif how == "close without a tray":
            main.close()
        elif how == "tray quit":
            tray.quit_action.trigger()
        else:
            main.menu_actions.sign_out.trigger()

    ask()
    box = controller.confirm_box
    assert box is not None and box.isVisible()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert "End the call" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.wait(300)
    assert main.isVisible() and phone.state.call is not None  # nothing ended
    assert len(sim.hub.registrations(AGENT)) == 1
    ask()
    controller.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: sim.hub.registrations(AGENT) == [], timeout=5000)
    if how == "sign out":
        qtbot.waitUntil(lambda: controller.sign_in_window is not None
                        and controller.sign_in_window.isVisible(), timeout=5000)
    else:
        qtbot.waitUntil(lambda: not main.isVisible(), timeout=5000)


def test_a_token_refused_during_a_call_keeps_the_window_the_phone_and_the_call(
        qtbot, make_controller, sim, memory_keyring):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    phone.dial("4001")
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    sim.add_fault("auth", path="^/ramal")  # the token was revoked: every API call says 403
    controller.history.refresh()
    qtbot.waitUntil(lambda: "token was refused" in main.banner.text(), timeout=10000)
    assert main.banner.action.isVisible() and main.isVisible()
    assert controller.sign_in_window is None  # no sign-in screen in the agent's face
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    assert main.status.text() == "Not updated"  # the status bar is true, not "Loading…"
    assert phone.state.call is not None and phone.state.call.phase is CallPhase.TALKING
    assert len(sim.hub.registrations(AGENT)) == 1 and log(sim, "hangup") == []
    assert memory_keyring.passwords  # kept until a new one is saved or the agent signs out
    # the agent pastes a wrong one, then the right one: checked before it is used
    sim.clear_faults()
    main.banner.action.click()
    dialog = controller.flow.token_dialog
    dialog.token.setText("not-the-token")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "refused" in dialog.error.text()
    dialog.token.setText(TOKEN)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "token was refused" not in main.banner.text(), timeout=10000)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    assert phone.state.call is not None  # the call went on all along
    phone.hangup()


def test_a_single_refusal_is_confirmed_before_anything_is_done(qtbot, make_controller, sim,
                                                               memory_keyring):
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    sim.add_fault("auth", path="/relatorio", count=1)  # one 403, then the token works
    controller.history.refresh()
    qtbot.waitUntil(lambda: len([r for r in sim.requests_log()
                                 if r["path"] == f"/ramal/{AGENT_ID}"]) >= 2, timeout=10000)
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    qtbot.wait(300)
    assert "token was refused" not in main.banner.text()
    assert main.status.text().startswith("Updated")
