"""The main window's frame: menus and shortcuts."""

from __future__ import annotations

from tests.helpers.desktop import open_main


def test_keyboard_shortcuts(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    shortcuts = {a.text(): [k.toString() for k in a.shortcuts()] for a in main.actions()}
    assert "F5" in shortcuts["Refresh"]
    assert "Ctrl+D" in shortcuts["Dial a number"]
    assert "Ctrl+F" in shortcuts["Search calls"]
    main.focus_search()
    assert main.tabs.currentWidget() is main.calls
