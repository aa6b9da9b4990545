"""An inline message strip at the top of a window: errors with a retry, notices."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from tvdesk.core.vocabulary import MessageKind


class Banner(QFrame):
    retryRequested = Signal()
    actionRequested = Signal()  # the message's own button (e.g. "Enter the token…")
    dismissed = Signal()        # the agent closed it (✕)

    STYLES: ClassVar[dict[MessageKind, str]] = {
        MessageKind.ERROR: "background:#fbe4e4; color:#7a1c1c; border:1px solid #e9b3b3;",
        MessageKind.WARNING: "background:#fff4d6; color:#6b4e00; border:1px solid #ecd590;",
        MessageKind.INFO: "background:#e4f0fb; color:#12426f; border:1px solid #b5d2ee;",
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        # no text may widen the window (a long unbroken word would): it wraps in the room
        # the window has, and never asks for more
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # it grows in height as it wraps
        self.label.setSizePolicy(policy)
        self.label.setMinimumWidth(120)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.clicked.connect(self.retryRequested)
        self.action = QPushButton()
        self.action.clicked.connect(self.actionRequested)
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setFixedWidth(28)
        self.close_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.retry)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, kind: str = MessageKind.ERROR, *,
                     retry: bool = False, action: str = "") -> None:
        """``retry``: offer *Try again*; ``action``: the label of the message's own button."""
        style = self.STYLES[MessageKind(kind)]
        self.setStyleSheet(f"QFrame#banner {{ {style} border-radius:4px; }}")
        self.label.setText(text)
        self.retry.setVisible(retry)
        self.action.setText(action)
        self.action.setVisible(bool(action))
        self.show()

    def reserved_height(self) -> int:
        """The room to keep for it (two lines of text, or its buttons), so that showing a
        message never moves what is below it."""
        margins = self.layout().contentsMargins()
        text = 2 * self.label.fontMetrics().lineSpacing()
        buttons = self.retry.sizeHint().height()
        return max(text, buttons) + margins.top() + margins.bottom() + 2

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
