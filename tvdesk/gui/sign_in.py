"""Sign-in: the Access-Token (masked), the agent's extension, the API host, remember me.

The window only collects and shows; the controller checks the token against the API.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QAction, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.api.hosts import DEFAULT_BASE_URL, KNOWN_HOSTS, host_risk, resolve_base_url
from tvdesk.core.models import Ramal
from tvdesk.gui.messages import describe

CUSTOM = "custom"


class SignInWindow(QWidget):
    signInRequested = Signal(str, str, str, bool)  # token, base URL, extension, remember
    extensionsRequested = Signal(str, str)         # token, base URL
    cancelRequested = Signal()                     # stop waiting for the server
    demoRequested = Signal()                       # try tvdesk without an account
    closedByAgent = Signal()  # the agent closed it (not tvdesk, once signed in)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.done = False  # tvdesk is closing it (signed in): not the agent
        self.accepted_hosts: set[str] = set()  # odd hosts the agent chose to send a token to
        self.host_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Sign in"))  # (the desktop adds " — tvdesk")
        self.setMinimumWidth(460)
        heading = QLabel(self.tr("Sign in to TotalVoice"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(self.tr("Paste the account's access token (TotalVoice panel → "
                              "Minha conta → Token) and type your extension."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#56606c;")

        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Access token"))
        self.token.setAccessibleName(self.tr("Access token"))
        self.reveal = QAction(self.tr("Show"), self.token)
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._toggle_token)
        self.token.addAction(self.reveal, QLineEdit.ActionPosition.TrailingPosition)
        self.reveal.setIcon(self.style().standardIcon(
            self.style().StandardPixmap.SP_FileDialogContentsView))
        self.reveal.setToolTip(self.tr("Show or hide the token"))

        self.extension = QLineEdit()
        self.extension.setPlaceholderText(self.tr("e.g. 4000"))
        self.extension.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}")))
        self.extension.setAccessibleName(self.tr("Your extension"))
        self.pick = QPushButton(self.tr("Choose…"))
        self.pick.setToolTip(self.tr("List the account's extensions (supervisors)"))
        ext_row = QHBoxLayout()
        ext_row.addWidget(self.extension, 1)
        ext_row.addWidget(self.pick)

        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setChecked(True)
        self.remember.setToolTip(self.tr("The token is kept in the system's keyring, never in "
                                         "a file."))

        self.advanced = QCheckBox(self.tr("Advanced: API host"))
        self.advanced_box = QWidget()
        self.host = QComboBox()
        self.host.addItem(self.tr("Zenvia Voice (default)"), KNOWN_HOSTS["zenvia"])
        self.host.addItem(self.tr("TotalVoice, legacy (api2)"), KNOWN_HOSTS["totalvoice-api2"])
        self.host.addItem(self.tr("TotalVoice, legacy (api)"), KNOWN_HOSTS["totalvoice"])
        self.host.addItem(self.tr("Custom address…"), CUSTOM)
        self.custom_url = QLineEdit()
        self.custom_url.setPlaceholderText("https://…")
        adv = QFormLayout(self.advanced_box)
        adv.setContentsMargins(24, 0, 0, 0)
        adv.addRow(self.tr("Host:"), self.host)
        adv.addRow(self.tr("Address:"), self.custom_url)
        self.host.currentIndexChanged.connect(self._host_changed)
        self.advanced.toggled.connect(self._advanced_toggled)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b3261e;")
        self.error.hide()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#6b4e00;")
        self.notice.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.demo_hint = QLabel(self.tr("No TotalVoice account yet? Try tvdesk with a "
                                        "simulated phone system: nothing you do reaches a "
                                        "real one."))
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("color:#56606c;")
        self.demo = QPushButton(self.tr("Try the demo"))
        self.demo.setToolTip(self.tr("Restarts tvdesk as `tvdesk --demo`"))
        self.demo.clicked.connect(self.demoRequested)
        self.submit = QPushButton(self.tr("Sign in"))
        self.submit.setDefault(True)
        self.submit.setAutoDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop waiting for the server (Esc)"))
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancelRequested)

        form = QFormLayout()
        form.addRow(self.tr("Access token:"), self.token)
        form.addRow(self.tr("Your extension:"), ext_row)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.advanced)
        layout.addWidget(self.advanced_box)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.busy)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_hint, 1)
        demo_row.addWidget(self.demo)
        layout.addLayout(demo_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)
        # the window's minimum follows what it shows: an error or a notice makes it taller,
        # never squashes the fields
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

        self.submit.clicked.connect(self._submit)
        self.token.returnPressed.connect(self._submit)
        self.extension.returnPressed.connect(self._submit)
        self.pick.clicked.connect(self._ask_extensions)
        self._advanced_toggled(False)
        self._host_changed()
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    # ------------------------------------------------------------------ values
    def show_demo_hint(self, shown: bool) -> None:
        """The newcomer's way in (first start: nothing remembered yet)."""
        self.demo_hint.setVisible(shown)
        self.demo.setVisible(shown)

    def prefill(self, *, token: str = "", base_url: str = DEFAULT_BASE_URL,
                extension: str = "", remember: bool = True) -> None:
        self.token.setText(token)
        self.extension.setText(extension)
        self.remember.setChecked(remember)
        index = self.host.findData(base_url)
        if index >= 0:
            self.host.setCurrentIndex(index)
            self.advanced.setChecked(index != 0)
        else:
            self.host.setCurrentIndex(self.host.findData(CUSTOM))
            self.custom_url.setText(base_url)
            self.advanced.setChecked(True)

    def base_url(self) -> str:
        data = self.host.currentData()
        if data == CUSTOM:
            return self.custom_url.text().strip()
        return data

    def _toggle_token(self, shown: bool) -> None:
        self.token.setEchoMode(QLineEdit.EchoMode.Normal if shown
                               else QLineEdit.EchoMode.Password)

    def _host_changed(self) -> None:
        self.custom_url.setEnabled(self.host.currentData() == CUSTOM)

    def _advanced_toggled(self, on: bool) -> None:
        self.advanced_box.setVisible(on)
        if not on:
            self.host.setCurrentIndex(0)
        self.adjustSize()

    def _validated(self, then=None) -> tuple[str, str] | None:
        """The token and the base URL, or None (and why, on screen). A host the token
        should not be sent to without a second thought is asked about first; ``then``
        runs again once the agent accepts it."""
        token = self.token.text().strip()
        if not token:
            self.show_error(self.tr("Paste the access token first."))
            self.token.setFocus()
            return None
        try:
            base_url = resolve_base_url(self.base_url())
        except ValueError as exc:
            self.show_error(describe(exc))  # (the host's own words, translated)
            self.custom_url.setFocus()
            return None
        risk = host_risk(base_url)
        if risk is not None and base_url not in self.accepted_hosts:
            self._ask_about_host(base_url, risk, then)
            return None
        return token, base_url

    def _ask_about_host(self, base_url: str, risk: str, then) -> None:
        host = urlsplit(base_url).netloc
        if risk == "plain_http":
            text = self.tr("{host} is reached without encryption (http): anyone on the network "
                           "could read your access token on its way. Use an https address "
                           "unless your administrator told you otherwise.").format(host=host)
        else:
            text = self.tr("{host} is an address of a private or local network, not the "
                           "phone service's. Send your access token to it only if your "
                           "administrator gave you this address.").format(host=host)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Send the token to this server?"),
                          text, QMessageBox.StandardButton.Cancel, self)
        send = box.addButton(self.tr("Send it anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result) -> None:
            if box.clickedButton() is send:
                self.accepted_hosts.add(base_url)
                if then is not None:
                    then()
            else:
                self.custom_url.setFocus()

        box.finished.connect(answered)
        self.host_box = box
        box.open()

    def _submit(self) -> None:
        checked = self._validated(then=self._submit)
        if checked is None:
            return
        number = self.extension.text().strip()
        if len(number) < 3:
            self.show_error(self.tr("Type your extension: 3 or 4 digits."))
            self.extension.setFocus()
            return
        self.signInRequested.emit(checked[0], checked[1], number, self.remember.isChecked())

    def _ask_extensions(self) -> None:
        checked = self._validated(then=self._ask_extensions)
        if checked is not None:
            self.extensionsRequested.emit(*checked)

    # ------------------------------------------------------------------ feedback
    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel.setVisible(busy)
        for w in (self.submit, self.pick, self.token, self.extension, self.advanced):
            w.setEnabled(not busy)
        if busy:
            self.error.hide()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._fit()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """Grow (never shrink) to show all of it: the fields keep their height."""
        self.layout().activate()
        hint = self.sizeHint()
        if self.height() < hint.height() or self.width() < hint.width():
            self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def offer_extensions(self, ramais: list[Ramal]) -> QMenu:
        menu = QMenu(self)
        if not ramais:
            menu.addAction(self.tr("No extensions in this account")).setEnabled(False)
        for r in ramais:
            action = menu.addAction(f"{r.ramal}  —  {r.login or ''}")
            action.triggered.connect(lambda _=False, n=r.ramal: self.extension.setText(n))
        menu.popup(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        return menu

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.busy.isVisible():
            self.cancelRequested.emit()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        super().closeEvent(event)
        if event.isAccepted() and not self.done:
            self.closedByAgent.emit()


class TokenDialog(QDialog):
    """A new Access-Token during the day, over the main window: the phone, a call in
    progress and everything on screen stay while the agent pastes it."""

    tokenEntered = Signal(str, bool)  # token, remember

    def __init__(self, remember: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Access token"))
        self.setModal(False)
        text = QLabel(self.tr("The TotalVoice server refused the access token. Paste the "
                              "current one (TotalVoice panel → Minha conta → Token); your "
                              "calls and the phone are not interrupted."))
        text.setWordWrap(True)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Access token"))
        self.token.setAccessibleName(self.tr("Access token"))
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setChecked(remember)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.token)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _submit(self) -> None:
        token = self.token.text().strip()
        if not token:
            self.show_error(self.tr("Paste the access token first."))
            return
        self.set_busy(True)
        self.tokenEntered.emit(token, self.remember.isChecked())

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.token.setEnabled(not busy)
        if busy:
            self.error.hide()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its wrapped texts need at its width: a dialog keeps the height of its
        first show, and the error's lines were taken from the sentence above it."""
        layout = self.layout()
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() \
            else layout.totalSizeHint().height()
        self.setMinimumHeight(need)
        if self.height() < need:
            self.resize(self.width(), need)
