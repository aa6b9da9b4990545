"""Settings the agent can change: language, automatic refresh, CSV format, supervisor mode,
how long the call history is kept (and forgetting it), the reasons offered when pausing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from tvdesk.core.pause_reasons import clean_reasons
from tvdesk.core.settings import Settings


class SettingsDialog(QDialog):
    forgetRequested = Signal()  # "Forget my history…" (the history asks to confirm)

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "auto")
        self.language.addItem("Português (Brasil)", "pt_BR")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.refresh = QSpinBox()
        self.refresh.setRange(0, 240)
        self.refresh.setSuffix(self.tr(" min"))
        self.refresh.setSpecialValueText(self.tr("off"))
        self.refresh.setValue(settings.refresh_minutes)
        self.csv = QComboBox()
        self.csv.addItem(self.tr("As spreadsheets in my language expect"), "auto")
        self.csv.addItem(self.tr("Comma (,) — plain CSV"), ",")
        self.csv.addItem(self.tr("Semicolon (;) — spreadsheets in Portuguese"), ";")
        self.csv.setCurrentIndex(max(0, self.csv.findData(settings.csv_separator)))
        self.supervisor = QCheckBox(self.tr("Show the supervisor's extensions screen"))
        self.supervisor.setChecked(settings.supervisor)
        self.raise_on_incoming = QCheckBox(self.tr("Bring tvdesk to the front on incoming "
                                                   "calls"))
        self.raise_on_incoming.setChecked(settings.raise_on_incoming)
        self.close_at_end = QCheckBox(self.tr("Close the webphone when a call ends"))
        self.close_at_end.setToolTip(self.tr("The floating window closes and the panel "
                                             "collapses at the end of each call."))
        self.close_at_end.setChecked(settings.webphone_close_at_end)
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps tvdesk in the tray"))
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.history_days = QSpinBox()
        self.history_days.setRange(7, 3650)
        self.history_days.setSuffix(self.tr(" days"))
        self.history_days.setValue(settings.history_days)
        self.history_days.setAccessibleName(self.tr("Keep my call history for"))
        self.forget = QPushButton(self.tr("Forget my history…"))
        self.forget.setToolTip(self.tr("Delete the call history kept on this computer"))
        self.forget.clicked.connect(self.forgetRequested)
        from tvdesk.gui.pause_reasons import default_reasons

        self._default_reasons = default_reasons()
        self.pause_reasons = QPlainTextEdit(
            "\n".join(settings.pause_reasons or self._default_reasons))
        self.pause_reasons.setTabChangesFocus(True)
        self.pause_reasons.setAccessibleName(self.tr("Pause reasons, one per line"))
        self.pause_reasons.setToolTip(self.tr("Offered when you pause from tvdesk; one per "
                                              "line. Empty: the standard list."))
        lines = self.pause_reasons.fontMetrics().lineSpacing()
        self.pause_reasons.setFixedHeight(lines * 5 + 12)
        history = QHBoxLayout()
        history.addWidget(self.history_days)
        history.addWidget(self.forget)
        history.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Refresh automatically every:"), self.refresh)
        form.addRow(self.tr("CSV separator:"), self.csv)
        form.addRow("", self.supervisor)
        form.addRow("", self.raise_on_incoming)
        form.addRow("", self.close_at_end)
        form.addRow("", self.close_to_tray)
        form.addRow(self.tr("Keep my call history for:"), history)
        form.addRow(self.tr("Pause reasons:"), self.pause_reasons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def result_settings(self) -> Settings:
        return self._settings.but(
            language=self.language.currentData(), refresh_minutes=self.refresh.value(),
            csv_separator=self.csv.currentData(), supervisor=self.supervisor.isChecked(),
            raise_on_incoming=self.raise_on_incoming.isChecked(),
            webphone_close_at_end=self.close_at_end.isChecked(),
            close_to_tray=self.close_to_tray.isChecked(),
            history_days=self.history_days.value(), pause_reasons=self.chosen_reasons())

    def chosen_reasons(self) -> tuple[str, ...] | None:
        """The edited list; None when it is the standard one (it follows the language)."""
        reasons = clean_reasons(self.pause_reasons.toPlainText().splitlines())
        return None if not reasons or reasons == self._default_reasons else reasons
