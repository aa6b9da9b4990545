"""The supervisor's screen: the account's extensions; create, edit every field, delete.

The server's validation messages are shown beside the field they are about, and the form
keeps what was typed when the server refuses it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.api import ApiError, AuthenticationError, ValidationError
from tvdesk.core.models import Ramal
from tvdesk.core.phone import InvalidNumberError, normalize
from tvdesk.core.vocabulary import MessageKind
from tvdesk.gui.extensions_admin import ExtensionsAdmin
from tvdesk.gui.lifetime import alive
from tvdesk.gui.messages import describe
from tvdesk.gui.models.extensions_model import ExtensionsModel
from tvdesk.gui.tasks import Tasks

BOOL_FIELDS = ("ligacao_externa", "ligacao_celular", "gravar_audio", "acesso_gravacoes",
               "webphone", "voicemail")
# which form field a server message is about (the vendor names the field in Portuguese)
FIELD_WORDS = [("senha", "senha"), ("login", "login"), ("bina", "bina"), ("ura", "ura_id"),
               ("ramal", "ramal"), *[(f, f) for f in BOOL_FIELDS]]


def bina_e164(text: str | None) -> str | None:
    """A caller id as the vendor documents it (E.164, ``+5548…``), from whatever was typed;
    None when empty. Raises InvalidNumberError for what is not a phone number."""
    text = (text or "").strip()
    if not text:
        return None
    target = normalize(text)
    if target.is_extension:
        raise InvalidNumberError(text)
    return target.value


def _same_bina(a: str | None, b: str | None) -> bool:
    try:
        return bina_e164(a) == bina_e164(b)
    except InvalidNumberError:
        return a == b


def field_for_message(message: str) -> str | None:
    low = (message or "").lower()
    for word, name in FIELD_WORDS:
        if re.search(rf"\b{word}", low):
            return name
    return None


class SupervisorScreen(QWidget):
    message = Signal(str, str)     # text, a MessageKind
    tokenRefused = Signal(object)  # the AuthenticationError an operation met

    def __init__(self, admin: ExtensionsAdmin, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.admin = admin
        self._tasks = tasks
        self.model = ExtensionsModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("The account's extensions"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, self.table.horizontalHeader().sortIndicatorOrder())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # short columns as wide as their content; the login (an e-mail) keeps room to be
        # read and scrolls sideways in a narrow window rather than shrink to "…"
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 200)
        self.new_button = QPushButton(self.tr("New extension"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.reload_button = QPushButton(self.tr("Reload"))

        self.fields: dict[str, Any] = {
            "ramal": QLineEdit(), "login": QLineEdit(), "senha": QLineEdit(),
            "bina": QLineEdit(), "ura_id": QLineEdit(),
        }
        self.fields["ramal"].setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,4}")))
        self.fields["ura_id"].setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,9}")))
        self.fields["senha"].setEchoMode(QLineEdit.EchoMode.Password)
        labels = {
            "ligacao_externa": self.tr("May call outside numbers"),
            "ligacao_celular": self.tr("May call mobile numbers"),
            "gravar_audio": self.tr("Record calls"),
            "acesso_gravacoes": self.tr("May listen to recordings"),
            "webphone": self.tr("May use the webphone"),
            "voicemail": self.tr("Voicemail instead of ringing"),
        }
        for name in BOOL_FIELDS:
            self.fields[name] = QCheckBox(labels[name])
        self.errors = {name: QLabel() for name in self.fields}
        for label in self.errors.values():
            label.setStyleSheet("color:#b3261e;")
            label.setWordWrap(True)
            label.hide()
        self.form_error = QLabel()
        self.form_error.setStyleSheet("color:#b3261e;")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        self.form_title = QLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.discard_button = QPushButton(self.tr("Discard changes"))

        form = QFormLayout()
        titles = {"ramal": self.tr("Extension (3-4 digits)"), "login": self.tr("Login (e-mail)"),
                  "senha": self.tr("Password"), "bina": self.tr("Caller ID"),
                  "ura_id": self.tr("IVR id")}
        for name, title in titles.items():
            form.addRow(title, self._with_error(name))
            self.fields[name].setAccessibleName(title)
        for name in BOOL_FIELDS:
            form.addRow("", self._with_error(name))
        self.fields["senha"].setPlaceholderText(self.tr("unchanged"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.form_title)
        rl.addLayout(form)
        rl.addWidget(self.form_error)
        rl.addLayout(buttons)
        rl.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.reload_button)
        ll.addLayout(row)
        ll.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        form_scroll = QScrollArea()  # the form is taller than a small screen's window
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(right)
        splitter.addWidget(form_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

        self.editing: Ramal | None = None
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.ask_delete)
        self.reload_button.clicked.connect(self.reload)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(lambda: self._fill(self.editing))
        self.confirm_box: QMessageBox | None = None
        self.start_new()
        self._loaded = False

    def _with_error(self, name: str) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(self.fields[name])
        v.addWidget(self.errors[name])
        return box

    def showEvent(self, event) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()
        super().showEvent(event)

    # ------------------------------------------------------------------ list
    async def _run(self, operation, button: QPushButton | None = None):
        """Await an admin call with ``button`` disabled. ``(True, result)``, or
        ``(False, None)`` when it failed (the message is shown: a validation message beside
        its field) or when this screen closed meanwhile."""
        if button is not None:
            button.setEnabled(False)
        try:
            result = await operation
        except ValidationError as exc:
            if alive(self):
                self.show_field_error(exc.mensagem or describe(exc))
            return False, None
        except ApiError as exc:
            if alive(self):
                self._failed(exc)
            return False, None
        finally:
            if button is not None and alive(self):
                button.setEnabled(True)
        return alive(self), result

    def reload(self) -> None:
        self._tasks.spawn(self._reload(), owner=self)

    async def _reload(self) -> None:
        ok, rows = await self._run(self.admin.list(), self.reload_button)
        if not ok:
            return
        keep = self.editing.id if self.editing else None
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(1)  # every login readable (up to a limit)
        self.table.setColumnWidth(1, min(max(self.table.columnWidth(1), 160), 360))
        if keep is not None:
            self.select_id(keep)

    def select_id(self, ramal_id: int) -> None:
        for n, r in enumerate(self.model.visible_rows()):
            if r.id == ramal_id:
                self.table.selectRow(n)
                return

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        ramal = self.model.row_at(rows[0].row()) if rows else None
        self.delete_button.setEnabled(ramal is not None)
        if ramal is not None:
            self._fill(ramal)

    # ------------------------------------------------------------------ form
    def start_new(self) -> None:
        self.table.clearSelection()
        self._fill(None)

    def _fill(self, ramal: Ramal | None) -> None:
        self.editing = ramal
        self._clear_errors()
        self.form_title.setText(self.tr("Editing extension {number}").format(
            number=ramal.ramal) if ramal else self.tr("New extension"))
        self.fields["ramal"].setText(ramal.ramal if ramal else "")
        self.fields["login"].setText(ramal.login or "" if ramal else "")
        self.fields["senha"].clear()
        self.fields["senha"].setPlaceholderText(self.tr("unchanged") if ramal
                                                else self.tr("generated if empty"))
        self.fields["bina"].setText(ramal.bina or "" if ramal else "")
        self.fields["ura_id"].setText(str(ramal.ura_id) if ramal and ramal.ura_id else "")
        for name in BOOL_FIELDS:
            default = name == "webphone"
            self.fields[name].setChecked(bool(getattr(ramal, name)) if ramal else default)
        self.delete_button.setEnabled(ramal is not None)

    def form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "ramal": self.fields["ramal"].text().strip(),
            "login": self.fields["login"].text().strip(),
            "senha": self.fields["senha"].text(),
            "bina": self._bina(),
            "ura_id": int(self.fields["ura_id"].text()) if self.fields["ura_id"].text()
            else None,
        }
        for name in BOOL_FIELDS:
            values[name] = self.fields[name].isChecked()
        return values

    def _bina(self) -> str | None:
        text = self.fields["bina"].text().strip()
        try:
            return bina_e164(text)
        except InvalidNumberError:
            return text  # refused before anything is sent (see _save)

    def changes(self) -> dict[str, Any]:
        """What to send: every filled field for a new extension, the edits for an old one."""
        values = self.form_values()
        if self.editing is None:
            return {k: v for k, v in values.items() if v not in ("", None)}
        out = {}
        for name, value in values.items():
            if name == "senha":
                if value:
                    out[name] = value
            elif name == "bina" and _same_bina(value, self.editing.bina):
                continue  # the same number, written another way
            elif value != getattr(self.editing, name):
                out[name] = value
        return out

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.form_error.hide()

    def show_field_error(self, message: str) -> str | None:
        name = field_for_message(message)
        label = self.errors.get(name) if name else None
        if label is None:
            self.form_error.setText(message)
            self.form_error.show()
        else:
            label.setText(message)
            label.show()
            self.fields[name].setFocus()
        return name

    def save(self) -> None:
        self._tasks.spawn(self._save(), owner=self)

    async def _save(self) -> None:
        self._clear_errors()
        try:
            bina_e164(self.fields["bina"].text())
        except InvalidNumberError:
            label = self.errors["bina"]
            label.setText(self.tr("Enter the caller ID as a phone number with its area code, "
                                  "for example (48) 3333-4444."))
            label.show()
            self.fields["bina"].setFocus()
            return
        changes = self.changes()
        if self.editing is not None and not changes:
            self.message.emit(self.tr("Nothing to save: no field was changed."), MessageKind.INFO)
            return
        if self.editing is None:
            operation = self.admin.create(changes)
            note = self.tr("Extension {number} created. Its password is {password}.")
        else:
            operation = self.admin.update(self.editing.id, changes)
            note = self.tr("Extension {number} saved.")
        ok, saved = await self._run(operation, self.save_button)
        if not ok:
            return
        self.message.emit(note.format(number=saved.ramal, password=saved.senha or "—"),
                          MessageKind.INFO)
        self.editing = saved
        await self._reload()
        if alive(self):
            self.select_id(saved.id)

    # ------------------------------------------------------------------ delete
    def ask_delete(self) -> None:
        ramal = self.editing
        if ramal is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete extension"),
                          self.tr("Delete extension {number} ({login})? This cannot be undone.")
                          .format(number=ramal.ramal, login=ramal.login or "—"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._delete_answer(result, ramal))
        self.confirm_box = box
        box.open()

    def _delete_answer(self, result: int, ramal: Ramal) -> None:
        self.confirm_box = None
        if result == QMessageBox.StandardButton.Yes:
            self.delete(ramal)

    def delete(self, ramal: Ramal) -> None:
        self._tasks.spawn(self._delete(ramal), owner=self)

    async def _delete(self, ramal: Ramal) -> None:
        ok, _ = await self._run(self.admin.delete(ramal.id), self.delete_button)
        if not ok:
            return
        self.message.emit(self.tr("Extension {number} deleted.").format(number=ramal.ramal),
                          MessageKind.INFO)
        self.start_new()
        await self._reload()

    def _failed(self, exc: ApiError) -> None:
        if isinstance(exc, AuthenticationError):
            self.tokenRefused.emit(exc)
        else:
            self.message.emit(describe(exc), MessageKind.ERROR)
