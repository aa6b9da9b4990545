"""The supervisor's extensions screen: list, create, validation beside the field, edit,
delete after confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.helpers.desktop import remembered, store_token
from tvdesk.gui.supervisor import field_for_message


def open_supervisor(qtbot, make_controller, sim, memory_keyring):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim, supervisor=True))
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    assert main.supervisor is not None
    main.tabs.setCurrentWidget(main.supervisor)
    screen = main.supervisor
    qtbot.waitUntil(lambda: screen.model.rowCount() == len(sim.store.ramais), timeout=10000)
    return main, screen


def test_the_screen_is_behind_a_setting(qtbot, make_controller, sim, memory_keyring):
    store_token(memory_keyring, sim)
    controller = make_controller(remembered(sim))
    controller.start()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    main = controller.main_window
    assert main.supervisor is None
    assert main.tabs.count() == 4  # calls, pauses, to call back, my day
    controller.settings.update(supervisor=True)
    assert main.supervisor is not None and main.tabs.count() == 5


def test_list_shows_every_extension(qtbot, make_controller, sim, memory_keyring):
    _, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    assert {r.ramal for r in screen.model.visible_rows()} == {
        r.ramal for r in sim.store.ramais.values()}


def test_create_with_a_bad_number_then_a_good_one(qtbot, make_controller, sim,
                                                    memory_keyring):
    main, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    screen.start_new()
    screen.fields["ramal"].setText("12")
    screen.fields["login"].setText("nova@demo.tvdesk.app")
    screen.fields["senha"].setText("SenhaBoa1")
    screen.fields["gravar_audio"].setChecked(True)
    screen.save_button.click()
    qtbot.waitUntil(screen.errors["ramal"].isVisible, timeout=10000)
    assert "3 ou 4 dígitos" in screen.errors["ramal"].text()  # the server's own words
    assert not screen.errors["login"].isVisible()
    # nothing typed is lost
    assert (screen.fields["ramal"].text(), screen.fields["login"].text(),
            screen.fields["senha"].text()) == ("12", "nova@demo.tvdesk.app", "SenhaBoa1")

    screen.fields["ramal"].setText("4777")
    screen.save_button.click()
    qtbot.waitUntil(lambda: sim.store.by_number("4777") is not None, timeout=10000)
    created = sim.store.by_number("4777")
    assert (created.login, created.senha, created.gravar_audio) == (
        "nova@demo.tvdesk.app", "SenhaBoa1", True)
    qtbot.waitUntil(lambda: any(r.ramal == "4777" for r in screen.model.visible_rows()),
                    timeout=10000)
    assert "4777 created" in main.banner.text()


def test_weak_password_and_duplicate_login_go_beside_their_fields(qtbot, make_controller,
                                                                   sim, memory_keyring):
    _, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    screen.start_new()
    screen.fields["senha"].setText("fraca")
    screen.save_button.click()
    qtbot.waitUntil(screen.errors["senha"].isVisible, timeout=10000)
    screen.fields["senha"].clear()
    screen.fields["login"].setText("ana.souza@demo.tvdesk.app")
    screen.save_button.click()
    qtbot.waitUntil(screen.errors["login"].isVisible, timeout=10000)
    assert "duplicado" in screen.errors["login"].text()


def test_edit_sends_only_the_changes(qtbot, make_controller, sim, memory_keyring):
    _, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    target = sim.store.by_number("4002")
    screen.select_id(target.id)
    assert screen.fields["ramal"].text() == "4002"
    screen.fields["bina"].setText("(48) 3333-4444")
    screen.fields["voicemail"].setChecked(True)
    screen.fields["ura_id"].setText("12")
    # the caller id goes in E.164, as the vendor documents it
    assert screen.changes() == {"bina": "+554833334444", "voicemail": True, "ura_id": 12}
    screen.save_button.click()
    qtbot.waitUntil(lambda: sim.store.ramais[target.id].voicemail, timeout=10000)
    rec = sim.store.ramais[target.id]
    assert (rec.bina, rec.ura_id) == ("+554833334444", 12)
    puts = [r for r in sim.requests_log() if r["method"] == "PUT"]
    assert len(puts) == 1


def test_a_caller_id_is_checked_before_sending_and_the_same_number_is_no_change(
        qtbot, make_controller, sim, memory_keyring):
    _, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    target = sim.store.by_number("4002")
    screen.select_id(target.id)
    assert target.bina == "4830000000"
    screen.fields["bina"].setText("+55 48 3000-0000")  # the stored number, in E.164
    assert "bina" not in screen.changes()
    screen.fields["bina"].setText("4001")  # an extension is no caller id
    screen.save_button.click()
    qtbot.waitUntil(screen.errors["bina"].isVisible, timeout=5000)
    assert "area code" in screen.errors["bina"].text()
    qtbot.wait(300)
    assert [r for r in sim.requests_log() if r["method"] in ("PUT", "POST")] == []  # unsent
    assert screen.fields["bina"].text() == "4001"  # what was typed stays


def test_admin_password_change_is_refused_beside_the_field(qtbot, make_controller, sim,
                                                            memory_keyring):
    _, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    admin = next(r for r in sim.store.ramais.values() if r.admin)
    screen.select_id(admin.id)
    screen.fields["senha"].setText("OutraSenha9")
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.errors["senha"].isVisible()
                    or screen.form_error.isVisible(), timeout=10000)
    assert "administrador" in (screen.errors["senha"].text() + screen.form_error.text())


def test_delete_asks_first(qtbot, make_controller, sim, memory_keyring):
    _, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    target = sim.store.by_number("4006")
    screen.select_id(target.id)
    screen.delete_button.click()
    box = screen.confirm_box
    assert box is not None and "4006" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert target.id in sim.store.ramais  # cancelled: still there
    screen.select_id(target.id)
    screen.delete_button.click()
    screen.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: target.id not in sim.store.ramais, timeout=10000)
    qtbot.waitUntil(lambda: all(r.id != target.id for r in screen.model.visible_rows()),
                    timeout=10000)


def test_field_for_message():
    assert field_for_message("ramal inválido, informe o ramal com 3 ou 4 dígitos") == "ramal"
    assert field_for_message("login duplicado") == "login"
    assert field_for_message("senha inválida: use 8 caracteres") == "senha"
    assert field_for_message("não é possível alterar o login/senha do ramal administrador") \
        in ("login", "senha")
    assert field_for_message("erro desconhecido") is None


def test_logins_are_readable_in_a_1280_window(qtbot, make_controller, sim, memory_keyring):
    main, screen = open_supervisor(qtbot, make_controller, sim, memory_keyring)
    main.resize(1280, 680)
    qtbot.wait(100)
    metrics = screen.table.fontMetrics()
    longest = max(metrics.horizontalAdvance(r.login or "") for r in sim.store.ramais.values())
    assert screen.table.columnWidth(1) >= longest  # not cut to "…"
