"""The calls the agent received: search, status filter, totals, call back, recordings, CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.export import CsvLabels, write_calls_csv
from tvdesk.core.models import ReceivedCall
from tvdesk.core.reports import CallsFilter, CallTotals
from tvdesk.core.vocabulary import MessageKind
from tvdesk.gui.formatting import fmt_duration, status_choices, status_label
from tvdesk.gui.icons import icon
from tvdesk.gui.models.calls_model import COL_WHEN, CallsModel, caller_text, private_label
from tvdesk.gui.recording_player import audio_output_available, multimedia_available


class ReceivedCallsScreen(QWidget):
    dialRequested = Signal(str)  # the number as the history has it
    message = Signal(str, str)   # text, a MessageKind

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = CallsModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a number…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search calls by number"))
        # its hint stays readable when the embedded phone narrows the table's side
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 36)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for key, label in status_choices():
            self.status.addItem(label, key)
        self.call_back = QPushButton(icon("callback"), self.tr("Call back"))
        self.play = QPushButton(icon("play"), self.tr("Play recording"))
        self.open_recording = QPushButton(self.tr("Open recording"))
        self.export = QPushButton(icon("export"), self.tr("Export CSV…"))
        self._csv_separator = "auto"

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Received calls"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any form
        self.table.installEventFilter(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the caller
        header.setStretchLastSection(False)
        for col, width in enumerate((150, 170, 110, 80, 80, 80)):
            self.table.setColumnWidth(col, width)
        self.totals = QLabel()
        self.empty = QLabel(self.tr("No calls in this period."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#6b7580; padding:12px;")
        self.player = None
        self.player_box = QVBoxLayout()

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status)
        top.addStretch(1)
        for button in (self.call_back, self.play, self.open_recording, self.export):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.player_box)
        layout.addWidget(self.totals)

        self.search.textChanged.connect(self._apply_filter)
        self.status.currentIndexChanged.connect(self._apply_filter)
        # totals follow the rows, at most every 150 ms while pages stream in
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(150)
        self._totals_timer.timeout.connect(self._update_totals)
        self.model.rowsChanged.connect(self._totals_soon)
        self.model.modelReset.connect(self._totals_soon)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.call_back.clicked.connect(self.call_back_selected)
        self.play.clicked.connect(self.play_selected)
        self.open_recording.clicked.connect(self.open_selected)
        self.export.clicked.connect(self.ask_export)
        self._loading = False
        self._loaded = False
        self._keep = False
        self._first_page = False
        self._update_totals()

    # ------------------------------------------------------------------ data in
    def start_loading(self, keep: bool = False) -> None:
        """A load begins. A new period streams in page by page. ``keep``: the same period
        again (a refresh): the rows shown stay, with the agent's selection and scroll
        position, and the new list replaces them when complete; a failed or cancelled
        refresh leaves them as they were."""
        self._loading = True
        self._keep = keep
        self._first_page = True
        if not keep:
            self._loaded = False
            self.model.set_rows([])

    def show_stored(self, calls: list[ReceivedCall]) -> None:
        """What the agent's history database holds for the period, at once. The load goes
        on (today, gaps) and its complete list replaces this one, keeping the agent's
        place, as a refresh does."""
        if not self._keep:
            self.model.set_rows(calls)
        self._keep = True
        self._first_page = False
        self._update_totals()

    def add_page(self, rows: list[ReceivedCall]) -> None:
        if self._keep:
            return  # the complete list arrives with finish_loading
        if self._first_page:
            self._first_page = False
            self.model.set_rows(rows)
        else:
            self.model.append_rows(rows)

    def finish_loading(self, calls: list[ReceivedCall]) -> None:
        self._loading = False
        self._loaded = True
        self._totals_timer.stop()
        if self._keep:
            self._replace_keeping_place(calls)
        elif self._first_page or [c.id for c in self.model.all_rows()] != [c.id for c in calls]:
            self.model.set_rows(calls)  # no page came, or the pager filled a gap
        self._first_page = False
        self._update_totals()

    def _replace_keeping_place(self, calls: list[ReceivedCall]) -> None:
        if [c.id for c in self.model.all_rows()] == [c.id for c in calls]:
            return  # nothing new: leave the view alone
        chosen = self.selected()
        bar = self.table.verticalScrollBar()
        at_top, position = bar.value() == 0, bar.value()
        self.model.set_rows(calls)
        if chosen is not None:
            row = next((n for n, c in enumerate(self.model.visible_rows())
                        if c.id == chosen.id), -1)
            if row >= 0:
                self.table.selectRow(row)
        # at the top the agent sees new calls arrive; elsewhere they stay where they were
        bar.setValue(0 if at_top else position)

    def stop_playing(self) -> None:
        """No recording left decoding (the window is closing)."""
        if self.player is not None:
            self.player.stop()

    def stop_loading(self) -> None:
        """The load failed or was cancelled: what is shown stays, never called empty."""
        self._loading = False
        self._totals_timer.stop()
        self._update_totals()

    # ------------------------------------------------------------------ selection
    def selected(self) -> ReceivedCall | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        call = self.selected()
        self.call_back.setEnabled(bool(call and call.caller))
        self.play.setEnabled(bool(call and call.has_recording))
        self.open_recording.setEnabled(bool(call and call.has_recording))

    def _double_clicked(self, index: QModelIndex) -> None:
        call = self.model.row_at(index.row())
        if call is not None:
            self._dial(call)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.table and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.call_back_selected()  # Enter on a row calls back
            return True
        return super().eventFilter(watched, event)

    def call_back_selected(self) -> None:
        call = self.selected()
        if call is not None:
            self._dial(call)

    def _dial(self, call: ReceivedCall) -> None:
        if not call.caller:
            self.message.emit(self.tr("This caller withheld the number: it cannot be called "
                                      "back."), MessageKind.WARNING)
            return
        self.dialRequested.emit(call.caller)

    # ------------------------------------------------------------------ filters and totals
    def _apply_filter(self) -> None:
        f = CallsFilter(self.search.text(), self.status.currentData(), private_label())
        self.model.set_filter(f.predicate())

    def _totals_soon(self) -> None:
        if self._loading:
            if not self._totals_timer.isActive():
                self._totals_timer.start()
        else:
            self._update_totals()

    def totals_now(self) -> CallTotals:
        return CallTotals.of(self.model.visible_rows())

    def _update_totals(self) -> None:
        t = self.totals_now()
        # each count through Qt's plural forms: "1 chamada", "2 chamadas"
        self.totals.setText(" · ".join((
            self.tr("%n call(s)", "", t.calls), self.tr("%n answered", "", t.answered),
            self.tr("talk time {talk}").format(talk=fmt_duration(t.talk_seconds)))))
        # "no calls" only once a load has said so: not while connecting, loading or failed
        self.empty.setVisible(t.calls == 0 and self._loaded and not self._loading)
        self.export.setEnabled(t.calls > 0)
        self._update_buttons()

    # ------------------------------------------------------------------ recordings
    def play_selected(self) -> None:
        call = self.selected()
        if not call or not call.has_recording:
            return
        if self.player is None:
            if not multimedia_available():
                self.message.emit(self.tr("Recordings cannot be played inside tvdesk on this "
                                          "system; opening it in your player."),
                                  MessageKind.WARNING)
                self.open_selected()
                return
            from tvdesk.gui.recording_player import RecordingPlayer

            self.player = RecordingPlayer(self)
            self.player.failed.connect(
                lambda text: self.message.emit(
                    self.tr("The recording could not be played: {error}").format(error=text),
                    MessageKind.ERROR))
            self.player_box.addWidget(self.player)
        self.player.play(call.recording_url, caller_text(call))
        if not audio_output_available():
            self.message.emit(self.tr("This computer has no sound output (speakers or "
                                      "headset): the recording plays without sound. Connect "
                                      "one, or use Open recording."), MessageKind.WARNING)

    def open_selected(self) -> None:
        call = self.selected()
        if call and call.has_recording:
            QDesktopServices.openUrl(QUrl(call.recording_url))

    # ------------------------------------------------------------------ export
    def set_csv_separator(self, separator: str) -> None:
        self._csv_separator = separator

    @property
    def csv_separator(self) -> str:
        """The separator an export uses: "auto" is the agent's language's (Portuguese
        spreadsheets want ";", BOM, dd/mm/aaaa and decimal commas)."""
        if self._csv_separator != "auto":
            return self._csv_separator
        from PySide6.QtCore import QLocale

        return ";" if QLocale().language() == QLocale.Language.Portuguese else ","

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export calls"),
                                              str(Path.home() / self.tr("calls.csv")),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def csv_labels(self) -> CsvLabels:
        return CsvLabels(
            headers=(self.tr("Date"), self.tr("Time"), self.tr("Caller"), self.tr("Status"),
                     self.tr("Duration"), self.tr("Seconds"), self.tr("Price"),
                     self.tr("Recording")),
            yes=self.tr("yes"), no=self.tr("no"), private=self.tr("private"))

    def export_to(self, path: Path) -> int:
        """Write the rows shown (filtered, in view order) to ``path``; returns how many."""
        rows = self.model.visible_rows()
        try:
            write_calls_csv(path, rows, separator=self.csv_separator, labels=self.csv_labels(),
                            status_text=status_label)
        except OSError as exc:
            self.message.emit(self.tr("Could not save {path}: {error}").format(
                path=path, error=exc.strerror or exc), MessageKind.ERROR)
            return 0
        self.message.emit(self.tr("%n call(s) exported to {path}.", "", len(rows)).format(
            path=path), MessageKind.INFO)
        return len(rows)
