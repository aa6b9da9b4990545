"""Dialing from the history, the dial box and the clipboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from tests.helpers.desktop import open_main, signed_in
from tests.helpers.webphone import log
from tvdesk.gui.models.call_log_model import COL_CALLER


def test_call_back_and_the_dial_box_emit_dial_requests(qtbot, make_controller, sim,
                                                        memory_keyring):
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    row = next(n for n, c in enumerate(main.calls.model.visible_rows()) if c.caller)
    call = main.calls.model.row_at(row)
    index = main.calls.model.index(row, COL_CALLER)
    main.calls.table.scrollTo(index)
    rect = main.calls.table.visualRect(index)
    with qtbot.waitSignal(controller.dialer.dialed, timeout=3000) as sig:
        # a double-click is a press, a release, then the double-click
        qtbot.mouseClick(main.calls.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        qtbot.mouseDClick(main.calls.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert sig.args == ["+55" + call.caller]
    with qtbot.waitSignal(controller.dialer.dialed, timeout=3000) as sig:
        main.calls.select_row(row)
        main.calls.call_back.click()
    assert sig.args == ["+55" + call.caller]
    with qtbot.waitSignal(controller.dialer.dialed, timeout=3000) as sig:
        qtbot.keyClicks(main.dial_box, "(48) 3333-4444")
        qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    assert sig.args == ["+554833334444"]
    assert main.dial_box.text() == ""
    with qtbot.assertNotEmitted(controller.dialer.dialed):
        qtbot.keyClicks(main.dial_box, "12ab")
        qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    assert "is not a phone number" in main.banner.text()
    assert main.dial_box.text() == "12ab"  # kept, to be corrected


def test_dial_the_copied_number_after_confirmation(qtbot, make_controller, sim,
                                                   memory_keyring, tray):
    controller, main, _ = signed_in(qtbot, make_controller, sim, memory_keyring)
    controller.set_tray(tray)
    QGuiApplication.clipboard().setText("nada para ligar aqui")
    assert controller.dialer.dial_clipboard() is None
    assert "no phone number" in main.banner.text()
    QGuiApplication.clipboard().setText("Cliente Maria — (48) 99999-2222 — retornar")
    tray.dial_action.trigger()  # from the tray: asks first
    box = controller.dialer.clipboard_box
    assert "(48) 99999-2222" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(300)
    assert log(sim, "chamaNumero") == []  # cancelled: nothing dialled
    box = controller.dialer.dial_clipboard()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(log(sim, "chamaNumero")) == 1, timeout=5000)
    assert log(sim, "chamaNumero")[0]["numero"] == "+5548999992222"
