"""The extension's password, copied: marked secret for clipboard managers, cleared after a
while if the agent has not copied anything else since."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from tests.helpers.desktop import open_main
from tvdesk.gui import secret_clipboard


def test_a_copied_password_is_marked_secret_and_cleared_later(
        qtbot, make_controller, sim, memory_keyring, monkeypatch):
    monkeypatch.setattr(secret_clipboard, "CLEAR_AFTER_MS", 300)
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    card = main.card
    qtbot.waitUntil(card.copy_password.isEnabled, timeout=10000)
    card.copy_password.click()
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    password = sim.store.ramais[1234].senha
    assert data.text() == password
    assert bytes(data.data("x-kde-passwordManagerHint")) == b"secret"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)  # cleared

    card.copy_password.click()
    clipboard.setText("48999990000")  # the agent copied something else meanwhile
    qtbot.wait(600)
    assert clipboard.text() == "48999990000"  # theirs is left alone
