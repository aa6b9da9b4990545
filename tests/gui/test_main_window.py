"""The main window's frame: menus and shortcuts, and a size that fits the screens call centers
use (1366x768, 1280x720 with a taskbar) whatever it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.desktop import open_main


def test_keyboard_shortcuts(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    shortcuts = {a.text(): [k.toString() for k in a.shortcuts()] for a in main.actions()}
    assert "F5" in shortcuts["Refresh"]
    assert "Ctrl+D" in shortcuts["Dial a number"]
    assert "Ctrl+F" in shortcuts["Search calls"]
    main.focus_search()
    assert main.tabs.currentWidget() is main.calls


FITS = (1280, 680)  # a 1280x720 screen less a 40 px taskbar


def fits(window) -> bool:
    hint = window.minimumSizeHint()
    return hint.width() <= FITS[0] and hint.height() <= FITS[1]


def test_the_window_fits_the_screens_call_centers_use_in_every_state(
        qtbot, make_controller, sim, memory_keyring):
    from tests.helpers.desktop import open_phone

    controller, phone = open_phone(qtbot, make_controller, sim, memory_keyring,
                                   supervisor=True)
    main, dock = controller.main_window, controller.dock
    assert fits(main), ("embedded", main.minimumSizeHint())
    for mode in ("hidden", "floating", "embedded"):
        dock.set_mode(mode)
        qtbot.waitUntil(lambda: phone.state.registration.name == "CONNECTED", timeout=20000)
        assert fits(main), (mode, main.minimumSizeHint())
    main.tabs.setCurrentWidget(main.supervisor)
    qtbot.wait(200)
    assert fits(main), ("supervisor", main.minimumSizeHint())
    main.tabs.setCurrentWidget(main.pauses)
    qtbot.waitUntil(lambda: main.pauses.chart_view is not None, timeout=5000)
    assert fits(main), ("pause chart", main.minimumSizeHint())
    sim.hub.incoming_call("4000", "48999990000")
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)
    assert fits(main), ("incoming call", main.minimumSizeHint())
    dock.answer()
    qtbot.waitUntil(lambda: phone.state.call is not None
                    and phone.state.call.phase.name == "TALKING", timeout=10000)
    assert fits(main), ("in a call", main.minimumSizeHint())
    dock.hangup()


def test_no_text_widens_the_window(qtbot, make_controller, sim, memory_keyring):
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring)
    width = main.width()
    qtbot.keyClicks(main.dial_box, "9" * 500)
    qtbot.keyClick(main.dial_box, Qt.Key.Key_Return)
    qtbot.waitUntil(main.banner.isVisible, timeout=3000)
    qtbot.wait(100)
    assert fits(main), main.minimumSizeHint()
    assert main.width() == width
    assert len(main.banner.text()) < 300  # the message quotes the start of it, not all



def test_messages_and_calls_never_move_the_controls(qtbot, make_controller, sim,
                                                    memory_keyring):
    from tests.helpers.desktop import open_phone

    controller, _phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    main, dock = controller.main_window, controller.dock
    watched = (main.dial_box, main.refresh_button, main.range_bar, main.tabs)

    def places():
        return [w.mapTo(main, w.rect().topLeft()) for w in watched]

    before = places()
    main.show_message("A message that takes a line. " * 3, "error", retry=True)
    qtbot.wait(50)
    assert places() == before
    sim.hub.incoming_call("4000", "48999990000")
    qtbot.waitUntil(dock.banner.isVisible, timeout=10000)  # in the card's place
    assert places() == before
    sim.hub.remote("4000", "hangup")
    qtbot.waitUntil(lambda: dock.banner.missed, timeout=10000)
    assert places() == before
    dock.banner.dismiss.click()
    main.hide_message()
    qtbot.wait(50)
    assert places() == before and main.card.isVisible()

