"""The agent's call log: received and made calls together, with direction and status
filters, search by number across all stored history, totals, call back, recordings, CSV.

The period's calls (``show_stored``, pages, ``finish_loading``) are what it shows; digits
in the search box, with the history database, show the matches of every stored day
instead (the history runs the search: ``searchRequested`` → ``show_search_results``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.call_log import LogEntry, LogFilter, LogTotals
from tvdesk.core.export import CsvLabels, write_calls_csv
from tvdesk.core.models import ReceivedCall
from tvdesk.core.phone import digits_only
from tvdesk.core.vocabulary import CallDirection, MessageKind
from tvdesk.gui.formatting import fmt_duration, result_label, status_choices
from tvdesk.gui.icons import icon
from tvdesk.gui.models.call_log_model import (
    COL_CALLER,
    COL_WHEN,
    CallLogModel,
    number_text,
    private_label,
)
from tvdesk.gui.recording_player import audio_output_available, multimedia_available
from tvdesk.gui.widgets.hold_still import HoldStill


class CallLogScreen(QWidget):
    dialRequested = Signal(str)  # the number as the log has it
    message = Signal(str, str)   # text, a MessageKind
    searchRequested = Signal(str)  # digits to find across all stored history
    searchShown = Signal(str)      # the matches of these digits are on screen

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = CallLogModel(self)
        self.history_search = False  # digits search the history database (it exists)
        self._period: list[LogEntry] = []  # the period's calls (shown unless searching)
        self._searching = ""  # the digits whose matches are shown
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a number…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search calls by number"))
        # its hint stays readable when the embedded phone narrows the table's side
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 36)
        self.direction = QComboBox()
        self.direction.setAccessibleName(self.tr("Which calls"))
        self.direction.setToolTip(self.tr("Received, made, or both"))
        self.direction.addItem(self.tr("All calls"), None)
        self.direction.addItem(icon("incoming"), self.tr("Received"), CallDirection.IN)
        self.direction.addItem(icon("outgoing"), self.tr("Made"), CallDirection.OUT)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Result"))
        self.status.setToolTip(self.tr("Only the calls with this result"))
        self.status.addItem(self.tr("Any result"), None)
        for key, label in status_choices():
            self.status.addItem(label, key)
        self.call_back = QPushButton(icon("callback"), self.tr("Call back"))
        # one button for recordings (play here; its menu opens it in the agent's player):
        # the toolbar fits beside the phone at 1366x768
        self.play = QToolButton()
        self.play.setIcon(icon("play"))
        self.play.setText(self.tr("Play recording"))
        self.play.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.play.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.open_recording = QAction(self.tr("Open recording in my player"), self)
        self.play.addAction(self.open_recording)
        # an icon (the File menu has it in words, Ctrl+E): the bar fits beside the phone
        # (pt_BR: 717 px at least, 819 with every button in words)
        self.export = QToolButton()
        self.export.setIcon(icon("export"))
        self.export.setText(self.tr("Export CSV…"))
        self.export.setToolTip(self.tr("Export the calls shown as CSV…"))
        self.export.setAccessibleName(self.tr("Export CSV…"))
        self.export.setAutoRaise(False)
        self._csv_separator = "auto"

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Call log"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any form
        self.table.installEventFilter(self)
        self.table.setModel(self.model)
        self.hold = HoldStill(self.table)  # rows stay put under the mouse
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
        header.setSectionResizeMode(COL_CALLER, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for col, width in enumerate((100, 150, 170, 110, 80, 80, 80)):
            self.table.setColumnWidth(col, width)
        self.scope = QLabel()  # says when the rows are matches from all stored history
        self.scope.setStyleSheet("color:#0b4f96;")
        self.scope.hide()
        self.totals = QLabel()
        self.empty = QLabel(self.tr("No calls in this period."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#6b7580; padding:12px;")
        self.player = None
        self.player_box = QVBoxLayout()

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.direction)
        top.addWidget(self.status)
        top.addStretch(1)
        for combo in (self.direction, self.status):  # long words are cut; the list is whole
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for button in (self.call_back, self.play, self.export):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.player_box)
        bottom = QHBoxLayout()  # the scope shares the totals' line: nothing above moves
        bottom.addWidget(self.totals)
        bottom.addStretch(1)
        bottom.addWidget(self.scope)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._search_changed)
        self.direction.currentIndexChanged.connect(self._apply_filter)
        self.status.currentIndexChanged.connect(self._apply_filter)
        # totals follow the rows, at most every 150 ms while pages stream in
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.timeout.connect(self._update_totals)
        self.model.rowsChanged.connect(self._totals_soon)
        self.model.modelReset.connect(self._totals_soon)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.call_back.clicked.connect(self.call_back_selected)
        self.play.clicked.connect(self.play_selected)
        self.open_recording.triggered.connect(self.open_selected)
        self.export.clicked.connect(self.ask_export)
        self._loading = False
        self._loaded = False
        self._keep = False
        self._first_page = False
        # pages into the table a few times a second, not one by one: every insert is a
        # repaint of the table, dozens of calls from Qt into Python that each wait for the
        # interpreter while the workers parse the next pages
        self._pending_rows: list[LogEntry] = []
        self._pages_timer = QTimer(self)
        self._pages_timer.setSingleShot(True)
        self._pages_timer.setInterval(self.PAGES_EVERY_MS)
        self._pages_timer.timeout.connect(self._show_pending_rows)
        self._update_totals()

    PAGES_EVERY_MS = 250

    def _show_pending_rows(self) -> None:
        rows, self._pending_rows = self._pending_rows, []
        if rows and not self._searching:
            self.model.append_rows(rows)

    def _drop_pending_rows(self) -> None:
        """The whole list goes into the table now: what waited is in it."""
        self._pending_rows = []
        self._pages_timer.stop()

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
            self._set_period([])

    def show_stored(self, entries: list[LogEntry]) -> None:
        """What the agent's history database holds for the period, at once. The load goes
        on (today, gaps) and its complete list replaces this one, keeping the agent's
        place, as a refresh does."""
        if not self._keep:
            self._set_period(entries)
        self._keep = True
        self._first_page = False
        self._update_totals()

    def add_page(self, rows: list[ReceivedCall]) -> None:
        """A page of the API's report as it arrives (no history database)."""
        if self._keep:
            return  # the complete list arrives with finish_loading
        entries = [LogEntry.of_received(c) for c in rows]
        if self._first_page:
            self._first_page = False
            self._set_period(entries)
        else:
            self._period.extend(entries)
            self._pending_rows.extend(entries)
            if not self._pages_timer.isActive():
                self._pages_timer.start()

    def finish_loading(self, entries: list[LogEntry]) -> None:
        self._loading = False
        self._loaded = True
        self._totals_timer.stop()
        if self._keep:
            self._replace_keeping_place(entries)
        elif self._first_page or [e.key for e in self._period] != [e.key for e in entries]:
            self._set_period(entries)  # no page came, or the pager filled a gap
        else:
            self._pages_timer.stop()
            self._show_pending_rows()
        self._first_page = False
        self._update_totals()

    def add_entry(self, entry: LogEntry) -> None:
        """A call that just ended on the agent's phone, in the period shown."""
        self._period.append(entry)
        if not self._searching:  # (under the mouse: when it leaves, see HoldStill)
            self.hold.run(lambda: None if self._searching else self.model.append_rows([entry]))

    def period_entries(self) -> list[LogEntry]:
        return list(self._period)

    def _set_period(self, entries: list[LogEntry]) -> None:
        self._period = list(entries)
        self.hold.drop()  # (what waited is in the new list)
        self._drop_pending_rows()
        if not self._searching:
            self.model.set_rows(self._period)

    def _replace_keeping_place(self, entries: list[LogEntry]) -> None:
        if [(e.key, e.result) for e in self._period] == [(e.key, e.result) for e in entries]:
            return  # nothing new (a row the phone has now named rejected is new): as it is
        self._period = list(entries)
        self.hold.drop()
        if self._searching:
            return
        self.hold.run(lambda: None if self._searching else
                      self._show_keeping_place(self._period))

    def _show_keeping_place(self, entries: list[LogEntry]) -> None:
        self._drop_pending_rows()
        chosen = self.selected()
        bar = self.table.verticalScrollBar()
        at_top, position = bar.value() == 0, bar.value()
        self.model.set_rows(entries)
        if chosen is not None:
            row = next((n for n, e in enumerate(self.model.visible_rows())
                        if e.key == chosen.key), -1)
            if row >= 0:
                self.table.selectRow(row)
        # at the top the agent sees new calls arrive; elsewhere they stay where they were
        bar.setValue(0 if at_top else position)

    # ------------------------------------------------------------------ search
    def _search_changed(self) -> None:
        wanted = digits_only(self.search.text())
        if self.history_search and wanted:
            self.searchRequested.emit(wanted)  # the matches come to show_search_results
        elif self._searching:
            self._searching = ""
            self._show_keeping_place(self._period)
            self._apply_filter()
            self._update_totals()  # the scope's line goes now, not a turn later
            return
        self._apply_filter()

    def show_search_results(self, wanted: str, entries: list[LogEntry]) -> None:
        """The matches of ``wanted`` across all stored history (if it is still what the
        search box asks for)."""
        if wanted != digits_only(self.search.text()) or not self.history_search:
            return
        self._searching = wanted
        self.model.set_rows(entries)
        self._update_totals()
        self.searchShown.emit(wanted)

    @property
    def searching_history(self) -> bool:
        return bool(self._searching)

    def stop_playing(self) -> None:
        """No recording left decoding (the window is closing)."""
        if self.player is not None:
            self.player.stop()

    def stop_loading(self) -> None:
        """The load failed or was cancelled: what is shown stays, never called empty."""
        self._loading = False
        self._pages_timer.stop()
        self._show_pending_rows()  # (what had arrived)
        self._totals_timer.stop()
        self._update_totals()

    # ------------------------------------------------------------------ selection
    def selected(self) -> LogEntry | None:
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

    def _dial(self, entry: LogEntry) -> None:
        if not entry.number:
            self.message.emit(self.tr("This caller withheld the number: it cannot be called "
                                      "back."), MessageKind.WARNING)
            return
        self.dialRequested.emit(entry.number)

    # ------------------------------------------------------------------ filters and totals
    def _apply_filter(self) -> None:
        f = LogFilter(self.search.text(), self.status.currentData(),
                      self.direction.currentData(), private_label())
        self.model.set_filter(f.predicate())

    def _totals_soon(self) -> None:
        """The totals follow the rows: once per turn of the event loop (a reset and its
        rowsChanged count 10,000 rows once), every 150 ms while pages stream in."""
        self._totals_timer.setInterval(150 if self._loading else 0)
        if not self._totals_timer.isActive():
            self._totals_timer.start()

    def totals_now(self) -> LogTotals:
        return LogTotals.of(self.model.visible_rows())

    def _update_totals(self) -> None:
        self._totals_timer.stop()  # (counted now: a pending count would count the same)
        t = self.totals_now()
        # each count through Qt's plural forms: "1 chamada", "2 chamadas"
        parts = [self.tr("%n call(s)", "", t.calls)]
        if t.made:  # received and made: each counted
            parts.append(self.tr("%n received", "", t.received))
        parts.append(self.tr("%n answered", "", t.answered))
        if t.made:
            parts.append(self.tr("%n made", "", t.made))
        parts.append(self.tr("talk time {talk}").format(talk=fmt_duration(t.talk_seconds)))
        self.totals.setText(" · ".join(parts))
        if self._searching:
            self.scope.setText(self.tr("Numbers containing {digits}, from all your stored "
                                       "history").format(digits=self._searching))
            self.empty.setText(self.tr("No call with this number in your stored history."))
        else:
            self.empty.setText(self.tr("No calls in this period."))
        self.scope.setVisible(bool(self._searching))
        # "no calls" only once a load has said so: not while connecting, loading or failed
        self.empty.setVisible(t.calls == 0 and (bool(self._searching) or (
            self._loaded and not self._loading)))
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
        self.player.play(call.recording_url, number_text(call))
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
            headers=(self.tr("Date"), self.tr("Time"), self.tr("Call"), self.tr("Number"),
                     self.tr("Result"), self.tr("Duration"), self.tr("Seconds"),
                     self.tr("Price"), self.tr("Recording")),
            yes=self.tr("yes"), no=self.tr("no"), private=self.tr("private"),
            received=self.tr("received"), made=self.tr("made"))

    def export_to(self, path: Path) -> int:
        """Write the rows shown (filtered, in view order) to ``path``; returns how many."""
        rows = self.model.visible_rows()
        try:
            write_calls_csv(path, rows, separator=self.csv_separator, labels=self.csv_labels(),
                            status_text=lambda e: result_label(e.result, e.status))
        except OSError as exc:
            self.message.emit(self.tr("Could not save {path}: {error}").format(
                path=path, error=exc.strerror or exc), MessageKind.ERROR)
            return 0
        self.message.emit(self.tr("%n call(s) exported to {path}.", "", len(rows)).format(
            path=path), MessageKind.INFO)
        return len(rows)
