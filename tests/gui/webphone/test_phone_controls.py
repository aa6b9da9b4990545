"""tvdesk's own phone controls: every command reaches the simulator's webphone."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from tests.helpers.desktop import open_phone
from tests.helpers.simulator import AGENT
from tests.helpers.webphone import log
from tvdesk.core.webphone.phone_state import Call, CallPhase, PhoneState, Registration

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


def test_the_record_button_says_it_records_and_how_to_stop(qtbot, make_controller, sim,
                                                            memory_keyring):
    """Issue 21: "Record" stayed "Record" while recording; on, it says "Stop recording", for
    a screen reader too, looks on, and neither it nor Mute beside it changes size."""
    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring, mode="hidden")
    ui = controller.dock.controls
    record = ui.record_button
    ui.number.setText("4002")
    ui.call_button.click()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase is CallPhase.TALKING, timeout=10000)
    assert (record.text(), record.accessibleName(), record.isChecked()) == (
        "Record", "Record", False)
    before = (record.geometry(), ui.mute_button.geometry())
    record.click()
    qtbot.waitUntil(lambda: phone.state.call.recording, timeout=5000)
    assert record.isChecked()
    assert record.text().endswith("Stop recording") and record.text() != "Stop recording"
    assert record.accessibleName() == "Stop recording"  # (without the "●")
    assert "recorded" in record.accessibleDescription() and record.toolTip()
    assert record.styleSheet()  # on: its own colours (the native checked look was not seen)
    assert (record.geometry(), ui.mute_button.geometry()) == before
    record.click()  # and clicking it stops
    qtbot.waitUntil(lambda: not phone.state.call.recording, timeout=5000)
    assert (record.text(), record.accessibleName(), record.isChecked()) == (
        "Record", "Record", False)
    qtbot.waitUntil(lambda: [(e["message"], e["accepted"]) for e in log(sim)][-2:]
                    == [("recStart", True), ("recStop", True)], timeout=5000)
    phone.hangup()



class StillController(QObject):
    """Just enough of a WebphoneController for the controls to lay themselves out."""

    stateChanged = Signal()  # noqa: N815 (the controller's own name)

    def __init__(self) -> None:
        super().__init__()
        self.state = PhoneState(registration=Registration.CONNECTED)

    def __getattr__(self, name):  # every command: nothing happens
        return lambda *args, **kwargs: None


def hosted_controls(qtbot, width: int):
    """The native controls as the dock hosts them, in a panel ``width`` pixels wide."""
    from PySide6.QtWidgets import QScrollArea

    from tvdesk.gui.webphone.phone_controls import PhoneControls

    controller = StillController()
    controls = PhoneControls(controller)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(controls)
    qtbot.addWidget(scroll)
    scroll.resize(width, 700)
    scroll.show()
    qtbot.waitExposed(scroll)
    qtbot.wait(20)
    controls.host = scroll  # (kept alive with the controls)
    return controller, controls


def places(controls) -> dict[str, tuple]:
    """Where each button and field of the controls is (and its size), by name."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLineEdit, QPushButton

    widgets = {name: w for name, w in vars(controls).items()
               if isinstance(w, QPushButton | QLineEdit)}
    widgets.update({f"key {k}": b for k, b in controls.keys.items()})
    return {name: (w.mapTo(controls, QPoint(0, 0)).toTuple(), w.size().toTuple())
            for name, w in widgets.items() if w.isVisible()}


def shows_whole(label) -> bool:
    """The label's text fits in it, word-wrapped (none of it cut off below)."""
    room = label.contentsRect()
    need = label.fontMetrics().boundingRect(room.adjusted(0, 0, 0, 10_000),
                                            Qt.TextFlag.TextWordWrap, label.text())
    return need.height() <= room.height() and need.width() <= room.width()


@pytest.mark.parametrize("width", [280, 360, 430])  # narrow; a 1280x720 screen's; 1366x768's
def test_nothing_moves_when_an_error_or_a_longer_state_shows(qtbot, width):
    """Issue 21: the error line appeared and pushed every button 23 px down (a click meant
    for Transfer started a recording); the state line growing to two lines did the same."""
    controller, ui = hosted_controls(qtbot, width)
    before = places(ui)
    assert {"call_button", "record_button", "blind", "key 5"} <= set(before)
    ui.join_button.click()  # no queue typed
    assert ui.error.text() == "Type the queue number." and shows_whole(ui.error)
    assert places(ui) == before
    ui.number.setText("abc")
    ui.call_button.click()
    assert ui.error.text() == "Not a phone number or extension." and shows_whole(ui.error)
    assert places(ui) == before
    ui.number.setText("4002")
    ui.call_button.click()  # the message goes
    assert ui.error.text() == "" and places(ui) == before
    # a call: the state line grows from one line to two
    now = time.monotonic()
    controller.state.call = Call("out", "48999991111", CallPhase.TALKING, started=now,
                                 answered=now)
    controller.stateChanged.emit()
    qtbot.wait(20)
    talking = places(ui)
    assert talking == before
    controller.state.call.muted = controller.state.call.recording = True
    controller.stateChanged.emit()
    qtbot.wait(20)
    assert ui.status.text().endswith("muted · recording") and shows_whole(ui.status)
    assert places(ui) == talking
    ui.blind.click()  # no number to transfer to: the longest message, whole, nothing moved
    assert ui.error.text() == "Type the number or extension to transfer to."
    assert shows_whole(ui.error) and places(ui) == talking


def test_the_queue_field_says_what_to_type_and_it_fits(qtbot):
    """Issue 21: "queue id (empty: all)" read badly (and its Portuguese worse); the words
    say what to type, and fit in the field at a 1280x720 screen's panel width."""
    from PySide6.QtWidgets import QStyle

    _controller, ui = hosted_controls(qtbot, 360)
    field = ui.queue_id
    assert field.placeholderText() == "Queue number (blank: all queues)"
    assert field.accessibleName() == field.placeholderText()
    frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, field)
    room = field.width() - 2 * (frame + 2) - field.textMargins().left() \
        - field.textMargins().right()
    metrics = field.fontMetrics()
    # the English, and the Portuguese proposed for it (the translations are made apart)
    for text in (field.placeholderText(), "Nº da fila (em branco: todas as filas)"):
        assert metrics.horizontalAdvance(text) <= room, (text, room)


def test_a_ringing_call_moves_no_button_and_mute_says_how_to_unmute(qtbot):
    """Answer appeared between Call and Hang up when a call rang, and Hang up moved; Mute
    kept its label through a muted call."""
    controller, ui = hosted_controls(qtbot, 360)
    before = places(ui)
    assert not ui.answer_button.isEnabled()
    now = time.monotonic()
    controller.state.call = Call("in", "48999991111", CallPhase.RINGING, started=now)
    controller.stateChanged.emit()
    qtbot.wait(20)
    assert ui.answer_button.isEnabled() and places(ui) == before
    controller.state.call.phase, controller.state.call.answered = CallPhase.TALKING, now
    controller.state.call.muted = True
    controller.stateChanged.emit()
    qtbot.wait(20)
    assert ui.mute_button.text() == "Unmute" and ui.mute_button.isChecked()
    assert ui.mute_button.accessibleName() == "Unmute" and places(ui) == before
    controller.state.call.muted = False
    controller.stateChanged.emit()
    assert ui.mute_button.text() == "Mute" and not ui.mute_button.isChecked()
