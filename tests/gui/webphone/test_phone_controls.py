"""tvdesk's own phone controls: every command reaches the simulator's webphone."""

from __future__ import annotations

import pytest

from tests.helpers.desktop import open_phone
from tests.helpers.simulator import AGENT
from tests.helpers.webphone import log
from tvdesk.core.webphone.phone_state import CallPhase

pytestmark = pytest.mark.webengine


@pytest.mark.parametrize("hidden_form", ["script", "page"])
def test_commands_from_the_native_controls_reach_the_simulator(qtbot, make_controller, sim,
                                                               memory_keyring, monkeypatch,
                                                               hidden_form):
    from tvdesk.gui.webphone.controller import WebphoneController

    monkeypatch.setattr(WebphoneController, "HIDDEN_FRAME_TIMEOUT_MS", 1500)
    sim.hub.config.hidden_form = hidden_form  # both forms of hidden URL seen in the wild
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="hidden")
    main, dock = controller.main_window, controller.dock
    ui = dock.controls
    ui.queue_id.setText("3")
    ui.pause_button.click()
    qtbot.waitUntil(lambda: controller.pause_reasons.dialog is not None, timeout=3000)
    controller.pause_reasons.dialog.pause_button.click()  # asked why first
    qtbot.waitUntil(lambda: phone.state.paused, timeout=5000)
    assert "Paused for" in main.card.phone_state_text()
    assert main.card.state.styleSheet()  # prominent: not small grey text
    assert "Paused in queue 3" in main.statusBar().currentMessage()  # confirmed
    ui.unpause_button.click()
    qtbot.waitUntil(lambda: not phone.state.paused, timeout=5000)
    ui.number.setText("4002")
    ui.call_button.click()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    ui.keys["5"].click()
    ui.mute_button.click()
    ui.record_button.click()
    ui.transfer_to.setText("4003")
    ui.attended.click()
    ui.blind.click()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    qtbot.waitUntil(lambda: len(log(sim)) >= 8, timeout=5000)
    got = [(e["message"], e.get("dtmf") or e.get("numeroTelefone") or e.get("filaId")
            or e.get("numero"), e["accepted"]) for e in log(sim)]
    assert got == [("pausarNaFila", "3", True), ("despausarNaFila", "3", True),
                   ("chamaNumero", "4002", True), ("enviaDTMF", "5", True),
                   ("mute", None, True), ("recStart", None, True),
                   ("transferirConsulta", "4003", True), ("transferir", "4003", True)]


def test_the_keyboard_answers_sends_tones_mutes_and_hangs_up(qtbot, make_controller, sim,
                                                             memory_keyring):
    from PySide6.QtCore import Qt

    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main = controller.main_window
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=5000)
    sim.hub.incoming_call(AGENT, "48999990000")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=10000)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(main.dial_box, Qt.Key.Key_A, mods)  # answer, whatever has the focus
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    main.dial_box.setFocus()
    qtbot.keyClicks(main.dial_box, "5#")  # digits during a call are tones, not a number
    qtbot.keyClick(main.dial_box, Qt.Key.Key_M, mods)
    qtbot.waitUntil(lambda: [e["message"] for e in log(sim)][-3:]
                    == ["enviaDTMF", "enviaDTMF", "mute"], timeout=5000)
    assert [e["dtmf"] for e in log(sim, "enviaDTMF")] == ["5", "#"]
    assert main.dial_box.text() == ""
    qtbot.keyClick(main.calls.table, Qt.Key.Key_H, mods)  # hang up, from the table
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    assert log(sim, "hangup")[0]["accepted"]
    box = main.show_shortcuts()
    for what in ("Answer", "Hang up", "Mute or unmute", "Send tones (DTMF)", "Refresh"):
        assert what in box.text()
    box.close()
