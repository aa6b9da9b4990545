"""Sign-in, the remembered token in the keyring, sign-out and a token refused mid-day."""

from __future__ import annotations

import json
import logging
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.desktop import remembered, store_token
from tests.helpers.simulator import TOKEN
from tvdesk.core.credentials import SERVICE
from tvdesk.gui.sign_in import CUSTOM


def sign_in_window(qtbot, controller):
    controller.start()
    qtbot.waitUntil(lambda: controller.sign_in_window is not None
                    and controller.sign_in_window.isVisible(), timeout=5000)
    return controller.sign_in_window


def fill(qtbot, w, *, token=TOKEN, url="", extension="4000", remember=True):
    w.token.setText(token)
    w.extension.setText(extension)
    w.remember.setChecked(remember)
    if url:
        w.advanced.setChecked(True)
        w.host.setCurrentIndex(w.host.findData(CUSTOM))
        w.custom_url.setText(url)


def all_titles() -> str:
    return " ".join(w.windowTitle() for w in QApplication.topLevelWidgets())


def test_good_token_is_checked_remembered_in_the_keyring_and_never_in_a_file(
        qtbot, make_controller, sim, memory_keyring, config, caplog):
    caplog.set_level(logging.DEBUG)
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    assert w.token.echoMode() == w.token.EchoMode.Password
    fill(qtbot, w, url=sim.base_url)
    qtbot.mouseClick(w.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    assert main.card.number.text().endswith("4000")
    # the token was checked against the API before being accepted
    assert any(r["path"] == "/ramal/relatorio" for r in sim.requests_log())
    assert memory_keyring.passwords == {(SERVICE, sim.base_url): TOKEN}
    saved = json.loads((config / "settings.json").read_text())
    assert saved["ramal"] == "4000" and saved["base_url"] == sim.base_url
    for path in config.rglob("*"):
        if path.is_file():
            assert TOKEN not in path.read_text(errors="replace")
    assert TOKEN not in all_titles()
    assert TOKEN not in caplog.text


def test_wrong_token_is_refused_with_a_clear_message(qtbot, make_controller, sim,
                                                      memory_keyring):
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    fill(qtbot, w, token="wrong-token", url=sim.base_url)
    w.submit.click()
    qtbot.waitUntil(w.error.isVisible, timeout=10000)
    assert "token was refused" in w.error.text()
    assert controller.main_window is None and controller.session is None
    assert memory_keyring.passwords == {}
    assert w.token.text() == "wrong-token"  # nothing the agent typed is lost


def test_unknown_extension(qtbot, make_controller, sim, memory_keyring):
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    fill(qtbot, w, url=sim.base_url, extension="4999")
    w.submit.click()
    qtbot.waitUntil(w.error.isVisible, timeout=10000)
    assert "4999" in w.error.text() and "does not exist" in w.error.text()


def test_no_permission_and_no_network(qtbot, make_controller, sim, memory_keyring):
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    sim.add_fault("no_permission", path="^/ramal")
    fill(qtbot, w, url=sim.base_url)
    w.submit.click()
    qtbot.waitUntil(w.error.isVisible, timeout=10000)
    assert "may not use" in w.error.text()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
        w.error.hide()
        fill(qtbot, w, url=closed)
        w.submit.click()
        qtbot.waitUntil(w.error.isVisible, timeout=15000)
    assert "Could not reach" in w.error.text()


def test_without_a_keyring_the_token_is_kept_for_the_session_only(
        qtbot, make_controller, sim, no_keyring, config):
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    qtbot.waitUntil(w.notice.isVisible, timeout=5000)
    assert "no password keyring" in w.notice.text()
    fill(qtbot, w, url=sim.base_url, remember=True)
    w.submit.click()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(main.banner.isVisible, timeout=5000)
    assert "cannot be remembered" in main.banner.text()
    for path in config.rglob("*"):
        assert TOKEN not in path.read_text(errors="replace")


def test_a_remembered_token_signs_in_without_asking(qtbot, make_controller, sim,
                                                    memory_keyring):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim))
    shown = []
    controller.flow.signInShown.connect(shown.append)
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    assert shown == []  # never asked
    assert controller.main_window.isVisible()


def test_sign_out_forgets_the_token_and_keeps_the_settings(qtbot, make_controller, sim,
                                                          memory_keyring, config):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, csv_separator=";"))
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    controller.main_window.signOutRequested.emit()
    qtbot.waitUntil(lambda: controller.sign_in_window is not None
                    and controller.sign_in_window.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: memory_keyring.passwords == {}, timeout=5000)
    assert controller.main_window is None
    saved = json.loads((config / "settings.json").read_text())
    assert (saved["ramal"], saved["csv_separator"]) == ("4000", ";")
    assert controller.sign_in_window.extension.text() == "4000"
    assert controller.sign_in_window.token.text() == ""


def test_extension_picker_lists_the_account(qtbot, make_controller, sim, memory_keyring):
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    fill(qtbot, w, url=sim.base_url, extension="")
    menus = []
    original = w.offer_extensions
    w.offer_extensions = lambda ramais: menus.append(original(ramais))
    w.pick.click()
    qtbot.waitUntil(lambda: bool(menus), timeout=10000)
    actions = [a.text() for a in menus[0].actions()]
    assert any(a.startswith("4000") for a in actions)
    next(a for a in menus[0].actions() if a.text().startswith("4002")).trigger()
    assert w.extension.text() == "4002"
    menus[0].close()


def test_a_server_that_does_not_answer_is_given_up_with_a_clear_message(
        qtbot, make_controller, sim, memory_keyring, monkeypatch):
    import time

    from tvdesk.gui.session_flow import SessionFlow

    monkeypatch.setattr(SessionFlow, "SIGN_IN_SECONDS", 1.5)
    sim.add_fault("latency", path="^/ramal", latency_ms=8000)
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    fill(qtbot, w, url=sim.base_url)
    t0 = time.monotonic()
    w.submit.click()
    qtbot.waitUntil(w.error.isVisible, timeout=5000)
    assert time.monotonic() - t0 < 4
    assert "did not answer within 2 seconds" in w.error.text()
    assert w.submit.isEnabled() and w.token.text() == TOKEN  # nothing typed is lost


def test_a_slow_sign_in_can_be_cancelled(qtbot, make_controller, sim, memory_keyring):
    from PySide6.QtCore import Qt

    sim.add_fault("latency", path="^/ramal", latency_ms=8000)
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    fill(qtbot, w, url=sim.base_url)
    w.submit.click()
    qtbot.waitUntil(w.cancel.isVisible, timeout=3000)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "cancelled" in w.error.text(), timeout=3000)
    assert w.submit.isEnabled() and not w.cancel.isVisible()
    assert controller.session is None


def test_messages_never_squash_the_fields(qtbot, make_controller, sim, memory_keyring):
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    height = w.token.height()
    w.show_error("A long explanation of what went wrong. " * 6)
    w.show_notice("And a notice about the keyring, which is also long. " * 4)
    qtbot.wait(100)
    assert w.token.height() >= height
    assert w.token.height() >= w.token.minimumSizeHint().height()
    assert w.height() >= w.layout().minimumSize().height()


def test_a_locked_keyring_is_not_no_keyring(qtbot, make_controller, sim, memory_keyring):
    store_token(memory_keyring, sim)
    memory_keyring.locked = True  # the agent dismissed the unlock prompt this morning
    controller = make_controller(remembered(sim))
    controller.start()
    qtbot.waitUntil(lambda: controller.sign_in_window is not None
                    and controller.sign_in_window.notice.isVisible(), timeout=10000)
    notice = controller.sign_in_window.notice.text()
    assert "locked" in notice and "Unlock it" in notice
    assert "no password keyring" not in notice


def test_signing_out_with_a_locked_keyring_says_the_token_stayed(qtbot, make_controller, sim,
                                                                 memory_keyring):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim))
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    memory_keyring.locked = True
    controller.main_window.signOutRequested.emit()
    qtbot.waitUntil(lambda: controller.sign_in_window is not None
                    and controller.sign_in_window.notice.isVisible(), timeout=10000)
    assert "could not be removed" in controller.sign_in_window.notice.text()
    assert memory_keyring.passwords  # indeed still there


def test_closing_the_sign_in_with_no_main_window_quits(qtbot, make_controller, sim,
                                                       memory_keyring, tray):
    """A tray would keep a phoneless tvdesk running: closing the sign-in ends it."""
    controller = make_controller()
    controller.set_tray(tray)
    w = sign_in_window(qtbot, controller)
    with qtbot.waitSignal(controller.quitting, timeout=5000):
        w.close()


def test_a_newcomer_is_shown_the_demo(qtbot, make_controller, sim, memory_keyring):
    controller = make_controller()  # first start: nothing remembered
    w = sign_in_window(qtbot, controller)
    assert w.demo.isVisible() and "simulated phone system" in w.demo_hint.text()
    with qtbot.waitSignal(controller.quitting, timeout=5000):
        w.demo.click()  # this tvdesk ends, and app.run starts `tvdesk --demo` after it
    assert controller.restart_as_demo


def test_an_agent_who_signed_in_before_is_not_shown_the_demo(qtbot, make_controller, sim,
                                                             memory_keyring):
    controller = make_controller(remembered(sim))  # remembered, but no token any more
    w = sign_in_window(qtbot, controller)
    assert not w.demo.isVisible()


def test_a_host_with_a_query_and_a_token_with_spaces_get_the_right_message(
        qtbot, make_controller, sim, memory_keyring):
    controller = make_controller()
    w = sign_in_window(qtbot, controller)
    fill(qtbot, w, url=sim.base_url + "/?x=1")
    w.submit.click()
    assert "without \"?\" or \"#\" parts" in w.error.text()
    fill(qtbot, w, url="ftp://example.invalid")
    w.submit.click()
    assert "must start with https://" in w.error.text()
    fill(qtbot, w, token="abc déf", url=sim.base_url)
    w.submit.click()
    qtbot.waitUntil(lambda: "not an access token" in w.error.text(), timeout=5000)
    assert "only letters, digits and punctuation" in w.error.text()
    assert sim.requests_log() == []  # such a token never left the machine


@pytest.mark.parametrize(("url", "said"), [
    ("http://10.20.30.40:8080", "without encryption"),
    ("http://voice-api.example.com", "without encryption"),
    ("https://192.168.0.10", "private or local network"),
    ("https://[fe80::1]", "private or local network"),
])
def test_a_token_goes_to_a_plain_http_or_private_host_only_after_a_warning(qtbot, url, said):
    from PySide6.QtWidgets import QMessageBox

    from tvdesk.gui.sign_in import SignInWindow

    w = SignInWindow()
    qtbot.addWidget(w)
    sent: list = []
    w.signInRequested.connect(lambda *args: sent.append(args))
    w.show()
    fill(qtbot, w, url=url)
    w.submit.click()
    assert w.host_box is not None and w.host_box.isVisible()
    assert said in w.host_box.text() and sent == []
    w.host_box.button(QMessageBox.StandardButton.Cancel).click()  # the default
    assert sent == []
    w.submit.click()  # asked again: nothing was accepted
    assert w.host_box.isVisible()
    send = next(b for b in w.host_box.buttons()
                if w.host_box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    send.click()
    qtbot.waitUntil(lambda: bool(sent), timeout=2000)
    assert sent[0][1] == url
    w.host_box = None
    w.submit.click()  # accepted once: not asked again this time
    assert w.host_box is None and len(sent) == 2


def test_the_vendors_host_and_the_local_simulator_need_no_warning(qtbot, sim):
    from tvdesk.core.api.hosts import DEFAULT_BASE_URL, host_risk

    assert host_risk(DEFAULT_BASE_URL) is None
    assert host_risk(sim.base_url) is None  # http, but loopback
    assert host_risk("http://localhost:8080") is None
    assert host_risk("https://api.totalvoice.com.br") is None


def test_the_token_dialogs_sentences_are_never_clipped_when_its_error_shows(qtbot):
    from PySide6.QtWidgets import QLabel

    from tvdesk.gui.sign_in import TokenDialog

    dialog = TokenDialog(True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_error("The access token was refused. Copy it again from the TotalVoice "
                      "panel (Minha conta → Token) and sign in again. " * 2)
    qtbot.wait(50)
    wrapped = [label for label in dialog.findChildren(QLabel)
               if label.isVisible() and label.wordWrap()]
    assert len(wrapped) == 2  # the reassuring sentence and the error
    for label in wrapped:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
