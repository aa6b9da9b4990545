"""The agent's own extension at a glance: number, login, caller id, permissions, password,
and the phone's state under the number."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
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

#: the phone state's room under the number: fixed, so that the card never moves or grows when
#: the text changes; "In a call with (48) 99999-1111 · 12:34 · muted · recording" and a
#: pause beside it take three lines of it (the room the number and the details leave)
STATE_WIDTH = 300
STATE_LINES = 3
NBSP = "\u00a0"
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
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setMaximumWidth(STATE_WIDTH)
        # a fixed room (the card never moves when the state's text changes length), the
        # label at its top, as wide as its text (a pause's colour is as long as its words)
        self.state_box = QWidget()
        box = QVBoxLayout(self.state_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.state, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.state_box.setFixedSize(STATE_WIDTH, self._state_room_height())
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
        title.addWidget(self.state_box)
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

    def _state_room_height(self) -> int:
        """:data:`STATE_LINES` lines of the state in its tallest look (a pause's)."""
        self.state.setStyleSheet(PAUSED_STYLE)
        self.state.ensurePolished()
        margins = self.state.contentsMargins()
        height = STATE_LINES * self.state.fontMetrics().lineSpacing() + margins.top() + \
            margins.bottom() + 2
        self.state.setStyleSheet("")
        return height

    def set_phone_state(self, text: str, *, paused: bool = False) -> None:
        """The phone's state under the number, in :data:`STATE_LINES` lines at most; a pause
        stands out (the agent must not forget it). Whole, or cut at its end with "…" and the
        full text in the tooltip; a screen reader always has it whole."""
        self._state_text = text
        self.state.setStyleSheet(PAUSED_STYLE if paused else "")
        self.state.ensurePolished()  # the pause's bolder font and padding, to measure with
        margins = self.state.contentsMargins()
        shown, cut = fit_lines(text, self.state.font(),
                               STATE_WIDTH - margins.left() - margins.right(), STATE_LINES)
        self.state.setText(shown)
        self.state.setToolTip(text if cut else "")
        self.state.setAccessibleName(text)

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

    def set_number(self, number: str) -> None:
        """The remembered extension before the API has said more (nothing else known)."""
        self.number.setText(self.tr("Extension {number}").format(number=number))

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


def fit_lines(text: str, font: QFont, width: int, lines: int) -> tuple[str, bool]:
    """``text`` in at most ``lines`` lines of ``width`` pixels (joined with newlines), the
    last one cut with "…" when the rest does not fit; and whether it was cut. Lines break
    at the " · " between the state's parts ("mudo", "Em pausa há 00:12:34" stay whole),
    between words inside a part only when it is wider than a line."""
    metrics = QFontMetrics(font)
    # the spaces inside a part that fits a line do not break (no-break spaces, put back after)
    parts = re.split(r"(\s*·\s*)", text)
    glued = "".join(part if "·" in part or metrics.horizontalAdvance(part) > width
                    else part.replace(" ", NBSP) for part in parts)
    layout = QTextLayout(glued, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    utf16 = glued.encode("utf-16-le")  # (the layout counts UTF-16 units, not characters)
    out: list[str] = []
    cut = False
    layout.beginLayout()
    while len(out) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = 2 * line.textStart()
        if len(out) == lines - 1:  # the last line: what is left, cut if need be
            rest = utf16[start:].decode("utf-16-le").replace(NBSP, " ").strip()
            cut = metrics.horizontalAdvance(rest) > width
            out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        else:
            end = start + 2 * line.textLength()
            out.append(utf16[start:end].decode("utf-16-le").replace(NBSP, " ").strip())
    layout.endLayout()
    return "\n".join(part for part in out if part), cut
