"""Why the agent pauses: pausing from tvdesk (the Phone menu, Ctrl+P, the tray, the native
phone controls) first asks for a reason from the agent's list (Settings), then pauses; when
the webphone confirms the pause the reason goes into the history database, and its end
when the pause ends. The pause history shows it beside the phone system's rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.pause_reasons import DEFAULT_REASONS, MAX_REASON_LENGTH
from tvdesk.gui.settings_model import SettingsModel
from tvdesk.gui.tasks import Tasks

if TYPE_CHECKING:  # (the database is opened later: not imported at start)
    from tvdesk.core.history_store import HistoryStore

log = logging.getLogger(__name__)


def default_reasons() -> tuple[str, ...]:
    """The list an agent starts with, in their language."""
    return tuple(Q.translate("PauseReasons", text) for text in DEFAULT_REASONS)


def _lupdate_sees_these() -> None:  # never called: lists the words for translation
    Q.translate("PauseReasons", "Lunch")
    Q.translate("PauseReasons", "Break")
    Q.translate("PauseReasons", "Training")
    Q.translate("PauseReasons", "Feedback")
    Q.translate("PauseReasons", "Restroom")


def reasons_of(settings: SettingsModel) -> tuple[str, ...]:
    return settings.current.pause_reasons or default_reasons()


class PauseReasonDialog(QDialog):
    """Which reason: one of the list (Enter or a double-click pauses with it; the first is
    chosen to begin with), or another typed for this once."""

    def __init__(self, reasons: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pause"))
        self.reasons = QListWidget()
        self.reasons.addItems(list(reasons))
        self.reasons.setCurrentRow(0)
        self.reasons.setAccessibleName(self.tr("Reason for the pause"))
        rows = max(3, min(len(reasons), 8))
        self.reasons.setFixedHeight(self.reasons.sizeHintForRow(0) * rows
                                    + 2 * self.reasons.frameWidth() + 4)
        label = QLabel(self.tr("Why are you pausing?"))
        label.setBuddy(self.reasons)
        self.other = QLineEdit()
        self.other.setMaxLength(MAX_REASON_LENGTH)
        self.other.setPlaceholderText(self.tr("Another reason (this time only)"))
        self.other.setAccessibleName(self.tr("Another reason"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pause_button = buttons.addButton(self.tr("Pause"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.pause_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reasons)
        layout.addWidget(self.other)
        layout.addWidget(buttons)
        self.reasons.itemActivated.connect(lambda _item: self.accept())
        self.other.textChanged.connect(self._update)
        self.reasons.currentRowChanged.connect(self._update)
        self.setMinimumWidth(320)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.reasons.setFocus()

    def _update(self) -> None:
        self.pause_button.setEnabled(bool(self.chosen()))

    def chosen(self) -> str:
        typed = " ".join(self.other.text().split())
        if typed:
            return typed
        item = self.reasons.currentItem()
        return item.text() if item is not None else ""


class PauseReasons(QObject):
    recorded = Signal()  # a reason (or the end of its pause) is in the history database

    #: a pause confirmed this long after the agent asked is still theirs
    CONFIRM_SECONDS = 30

    def __init__(self, settings: SettingsModel, tasks: Tasks, parent=None, *,
                 window: Callable[[], QWidget | None] = lambda: None,
                 clock: Callable[[], datetime] = lambda: datetime.now().astimezone()) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tasks = tasks
        self._window = window
        self._clock = clock
        self._store: HistoryStore | None = None
        self._waiting: list[Callable[[HistoryStore], None]] = []  # before the store opened
        self._asked: tuple[str, datetime] | None = None  # the reason given, when
        self._current: datetime | None = None  # the start of the pause with a reason
        self.dialog: PauseReasonDialog | None = None

    def use_store(self, store: HistoryStore | None) -> None:
        self._store = store
        if store is None:
            self._waiting = []  # signed out: another agent's database comes next
            return
        waiting, self._waiting = self._waiting, []
        for write in waiting:
            self._save(write)

    # ------------------------------------------------------------------ asking
    def ask(self, pause: Callable[[], None]) -> PauseReasonDialog:
        """Ask why, then ``pause()`` (nothing if the agent cancels)."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        parent = self._window()
        dialog = PauseReasonDialog(reasons_of(self._settings),
                                   parent if parent is not None and parent.isVisible()
                                   else None)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and dialog.chosen():
                self._asked = (dialog.chosen(), self._clock())
                pause()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ recording
    def paused_changed(self, paused: bool) -> None:
        """The webphone confirmed a pause, or its end."""
        now = self._clock()
        if paused:
            asked, self._asked = self._asked, None
            if self._current is not None or asked is None:
                return  # already recorded, or paused elsewhere (no reason known)
            reason, when = asked
            if (now - when).total_seconds() > self.CONFIRM_SECONDS:
                return
            self._current = now
            self._save(lambda store: store.pause_began(now, reason))
        elif self._current is not None:
            start, self._current = self._current, None
            self._save(lambda store: store.pause_ended(start, now))

    def _save(self, write: Callable[[HistoryStore], None]) -> None:
        store = self._store
        if store is None:  # kept until the database is open (the first load opens it)
            self._waiting.append(write)
            return

        def done(job) -> None:
            if job.exception() is None:
                self.recorded.emit()
            else:
                log.warning("a pause reason was not kept: %s", type(job.exception()).__name__)

        self._tasks.submit(write, store, owner=self, done=done)
