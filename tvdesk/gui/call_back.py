"""The numbers to call back: missed calls with nothing since (see the history database).
Call back dials the number (it leaves the list once the customer answers; a try nobody
answered is counted beside it); Done clears it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.models import CallBack
from tvdesk.gui.icons import icon
from tvdesk.gui.models.call_back_model import CallBackModel
from tvdesk.gui.widgets.hold_still import HoldStill


class CallBackScreen(QWidget):
    dialRequested = Signal(str)  # the number to call back
    doneRequested = Signal(str)  # the number the agent dealt with otherwise

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = CallBackModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Numbers to call back"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()  # every title whole: the number takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.call_back = QPushButton(icon("callback"), self.tr("Call back"))
        self.done = QPushButton(self.tr("Done"))
        self.call_back.setToolTip(self.tr("Call this number back (Enter)"))
        self.done.setToolTip(self.tr("Take it off the list without calling"))
        self.empty = QLabel(self.tr("Nobody to call back: every missed call of the last "
                                    "days has been dealt with."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.call_back)
        buttons.addWidget(self.done)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.call_back.clicked.connect(self._call_back)
        self.done.clicked.connect(self._done)
        self.table.doubleClicked.connect(lambda _index: self._call_back())
        self.table.activated.connect(lambda _index: self._call_back())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.hold = HoldStill(self.table)
        self.set_rows([])

    @property
    def count(self) -> int:
        return len(self.model.all_rows())

    def set_rows(self, rows: list[CallBack]) -> None:
        """The list as it is now; while the pointer is over it, when the pointer leaves
        (a call that ends never moves a row under the mouse)."""
        self.hold.drop()  # (only the newest list matters)
        self.hold.run(lambda: self._show_rows(rows))

    def _show_rows(self, rows: list[CallBack]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        if chosen is not None:  # the agent's place stays where it can
            row = next((n for n, c in enumerate(self.model.visible_rows())
                        if c.number == chosen.number), None)
            if row is not None:
                self.table.selectRow(row)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._update_buttons()

    def selected(self) -> CallBack | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.call_back.setEnabled(chosen)
        self.done.setEnabled(chosen)

    def _call_back(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.dialRequested.emit(chosen.number)

    def _done(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.doneRequested.emit(chosen.number)
