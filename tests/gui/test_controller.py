"""The app's controller: the settings dialog's changes reach every part and the file."""

from __future__ import annotations

from tests.helpers.desktop import open_main


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
