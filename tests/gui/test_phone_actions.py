"""The Phone menu's actions and the tray's reach the webphone as the agent meant: nothing of
Qt's ``triggered(bool)`` goes with them (Ctrl+P sent ``filaId: false`` and the status bar said
"Paused in queue False"), each against the simulator's real webphone page (issue 21)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers.desktop import signed_in
from tests.helpers.simulator import AGENT
from tvdesk.core.webphone.phone_state import CallPhase

pytestmark = pytest.mark.webengine

COMMAND_ARGS = ("filaId", "numero", "numeroTelefone", "dtmf")


def commands(sim, since: int) -> list[dict]:
    return [e for e in sim.hub.log(since) if e["accepted"]]


def assert_no_flags(entries: list[dict]) -> None:
    """No command carried a bool where the protocol has a queue, a number or a digit."""
    for entry in entries:
        for arg in COMMAND_ARGS:
            assert not isinstance(entry.get(arg), bool), entry


def last_seq(sim) -> int:
    entries = sim.hub.log()
    return entries[-1]["seq"] if entries else 0


def keys(qtbot, main, modifiers) -> None:
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=3000)
    qtbot.keyClick(main.focusWidget() or main, Qt.Key.Key_P, modifiers)


def pause_from(qtbot, controller, trigger) -> None:
    trigger()
    qtbot.waitUntil(lambda: controller.pause_reasons.dialog is not None, timeout=3000)
    controller.pause_reasons.dialog.pause_button.click()


@pytest.mark.parametrize("where", ["menu", "shortcut", "tray"])
def test_pause_and_resume_are_for_every_queue(qtbot, make_controller, sim, memory_keyring,
                                              tray, where):
    controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    controller.set_tray(tray)
    acts = main.menu_actions
    pause, resume = {
        "menu": (acts.pause.trigger, acts.unpause.trigger),
        # the keys, as typed into the window
        "shortcut": (lambda: keys(qtbot, main, Qt.KeyboardModifier.ControlModifier),
                     lambda: keys(qtbot, main, Qt.KeyboardModifier.ControlModifier
                                  | Qt.KeyboardModifier.ShiftModifier)),
        "tray": (tray.pause_action.trigger, tray.unpause_action.trigger),
    }[where]
    since = last_seq(sim)
    pause_from(qtbot, controller, pause)
    qtbot.waitUntil(lambda: phone.state.paused, timeout=5000)
    (sent,) = [e for e in commands(sim, since) if e["message"] == "pausarNaFila"]
    assert "filaId" not in sent  # all queues
    qtbot.waitUntil(lambda: main.statusBar().currentMessage() == "Paused in the queues.",
                    timeout=3000)
    resume()
    qtbot.waitUntil(lambda: not phone.state.paused, timeout=5000)
    (sent,) = [e for e in commands(sim, since) if e["message"] == "despausarNaFila"]
    assert "filaId" not in sent
    qtbot.waitUntil(lambda: main.statusBar().currentMessage() == "Back in the queues.",
                    timeout=3000)
    assert_no_flags(commands(sim, since))


def test_every_call_action_of_the_phone_menu_sends_only_its_command(
        qtbot, make_controller, sim, memory_keyring):
    _controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    acts = main.menu_actions
    since = last_seq(sim)
    sim.hub.incoming_call(AGENT, "48999991111")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    acts.answer.trigger()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=5000)
    acts.mute.trigger()
    qtbot.waitUntil(lambda: phone.state.call.muted, timeout=3000)
    acts.mute.trigger()
    qtbot.waitUntil(lambda: not phone.state.call.muted, timeout=3000)
    acts.hangup.trigger()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    acts.reconnect.trigger()  # a fresh page: it registers once again
    qtbot.waitUntil(lambda: phone.state.idle, timeout=20000)
    sent = [e["message"] for e in commands(sim, since)]
    for message in ("answer", "mute", "hangup"):
        assert message in sent
    assert sent.count("mute") == 2
    assert_no_flags(commands(sim, since))


def test_enter_in_the_dial_box_after_tones_asks_for_nothing(qtbot, make_controller, sim,
                                                            memory_keyring):
    """During a call the dial box sends tones as they are typed (and empties); Enter then
    has nothing to dial, and must not say "Type a number to dial"."""
    _controller, main, phone = signed_in(qtbot, make_controller, sim, memory_keyring)
    sim.hub.incoming_call(AGENT, "48999991111")
    qtbot.waitUntil(lambda: phone.state.call is not None, timeout=5000)
    phone.answer()
    qtbot.waitUntil(lambda: phone.state.call.phase is CallPhase.TALKING, timeout=5000)
    main.dial_box.setFocus()
    qtbot.keyClicks(main.dial_box, "12")
    qtbot.waitUntil(lambda: len([e for e in sim.hub.log() if e["message"] == "enviaDTMF"])
                    == 2, timeout=5000)
    assert main.dial_box.text() == ""
    qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert not (main.banner.isVisible() and "number" in main.banner.text())
    phone.hangup()
    qtbot.waitUntil(lambda: phone.state.call is None, timeout=5000)
    qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)  # no call: an empty box is said
    assert "Type a number to dial" in main.banner.text()
