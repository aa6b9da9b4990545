"""The agent's own extension at a glance: number, login, caller id, permissions, password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.models import Ramal
from tvdesk.core.phone import format_for_display

STATE_WIDTH = 300
PAUSED_STYLE = ("QLabel { background:#efe3f7; color:#5b2a86; font-weight:600;"
                " border:1px solid #c9a7e0; border-radius:8px; padding:1px 8px; }")


class FlagChip(QLabel):
    ON = "background:#dff3e3; color:#1d6b2c; border:1px solid #b7e0c0;"
    OFF = "background:#eef0f2; color:#6b7580; border:1px solid #d9dde1;"

    def __init__(self, text: str, parent=None) -> None:
        super().__init__(parent)
        self._text = text
        self.set_on(False)

    def set_on(self, on: bool) -> None:
        self.on = on
        self.setText(("✓ " if on else "✗ ") + self._text)
        style = self.ON if on else self.OFF
        self.setStyleSheet(f"QLabel {{ {style} border-radius:9px; padding:1px 8px; }}")
        self.setAccessibleName(f"{self._text}: {'yes' if on else 'no'}")


class ExtensionCard(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("extensionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("—")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.login = QLabel()
        self.login.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bina = QLabel()
        self.ura = QLabel()
        self.state = QLabel()  # the webphone's state, once it is hosted
        # a fixed room: the card never moves when the state's text changes length
        self.state.setFixedWidth(STATE_WIDTH)
        self.state.setMinimumHeight(self.state.fontMetrics().height() + 8)
        self._state_text = ""
        self.chips = {
            "ligacao_externa": FlagChip(self.tr("External calls")),
            "ligacao_celular": FlagChip(self.tr("Mobile calls")),
            "gravar_audio": FlagChip(self.tr("Recording")),
            "acesso_gravacoes": FlagChip(self.tr("Access to recordings")),
            "webphone": FlagChip(self.tr("Webphone")),
            "voicemail": FlagChip(self.tr("Voicemail")),
        }
        self.password = QLineEdit()
        self.password.setReadOnly(True)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(160)
        self.password.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.password.setAccessibleName(self.tr("Extension password"))
        self.show_password = QToolButton()
        self.show_password.setText(self.tr("Show"))
        self.show_password.setCheckable(True)
        self.show_password.toggled.connect(self._toggle_password)
        self.copy_password = QToolButton()
        self.copy_password.setText(self.tr("Copy"))
        self.copy_password.clicked.connect(self._copy_password)

        title = QVBoxLayout()
        title.addWidget(self.number)
        title.addWidget(self.state)
        details = QGridLayout()
        details.addWidget(QLabel(self.tr("Login:")), 0, 0)
        details.addWidget(self.login, 0, 1)
        details.addWidget(QLabel(self.tr("Caller ID:")), 1, 0)
        details.addWidget(self.bina, 1, 1)
        details.addWidget(QLabel(self.tr("IVR:")), 2, 0)
        details.addWidget(self.ura, 2, 1)
        pw = QHBoxLayout()
        pw.addWidget(self.password)
        pw.addWidget(self.show_password)
        pw.addWidget(self.copy_password)
        pw.addStretch(1)
        details.addWidget(QLabel(self.tr("Password:")), 3, 0)
        details.addLayout(pw, 3, 1)
        chips = QGridLayout()
        chips.setHorizontalSpacing(6)
        for n, chip in enumerate(self.chips.values()):
            chips.addWidget(chip, n // 3, n % 3)
        self.chips_box = chips_box = QWidget()
        chips_box.setLayout(chips)
        row = QHBoxLayout(self)
        row.addLayout(title)
        row.addSpacing(16)
        row.addLayout(details)
        row.addSpacing(16)
        row.addWidget(chips_box)
        row.addStretch(1)
        self._senha = ""

    def set_phone_state(self, text: str, *, paused: bool = False) -> None:
        """The phone's state under the number; a pause stands out (the agent must not
        forget it), the full text in the tooltip when it does not fit."""
        self._state_text = text
        metrics = self.state.fontMetrics()
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, STATE_WIDTH - 20)
        self.state.setText(shown)
        self.state.setToolTip(text if shown != text else "")
        self.state.setStyleSheet(PAUSED_STYLE if paused else "")

    def phone_state_text(self) -> str:
        return self._state_text

    def set_connecting(self, text: str) -> None:
        self._connecting_text = text
        self.number.setText("—")
        self.set_phone_state(text)
        for chip in self.chips.values():
            chip.set_on(False)
        # not known yet: no permission shown as refused, no password to show or copy
        self.chips_box.hide()
        self.copy_password.setEnabled(False)
        self.show_password.setEnabled(False)

    def set_ramal(self, ramal: Ramal) -> None:
        if self._state_text == getattr(self, "_connecting_text", None):
            self.set_phone_state("")  # the phone's own state, once shown, stays
        self.number.setText(self.tr("Extension {number}").format(number=ramal.ramal or "?"))
        self.login.setText(ramal.login or "—")
        self.bina.setText(format_for_display(ramal.bina) or self.tr("not set"))
        self.ura.setText(str(ramal.ura_id) if ramal.ura_id else self.tr("none"))
        for name, chip in self.chips.items():
            chip.set_on(bool(getattr(ramal, name)))
        self.chips_box.show()
        self._senha = ramal.senha or ""
        self.password.setText(self._senha)
        self.copy_password.setEnabled(bool(self._senha))
        self.show_password.setEnabled(bool(self._senha))

    def _toggle_password(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                  else QLineEdit.EchoMode.Password)
        self.show_password.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _copy_password(self) -> None:
        from tvdesk.gui.secret_clipboard import copy_secret

        copy_secret(self._senha)
