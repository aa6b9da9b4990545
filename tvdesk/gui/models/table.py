"""A table model over a list of domain objects, sorted and filtered in Python.

A QSortFilterProxyModel would call back into Python for every comparison (hundreds of
thousands of ``data()`` calls to sort 10,000 calls); sorting here is one ``list.sort`` with
a key, and rows stream in page by page without resetting the view.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DECORATION = Qt.ItemDataRole.DecorationRole


@dataclass(frozen=True)
class Column:
    title: Callable[[], str]  # called when shown: follows the language
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any]
    align: Qt.AlignmentFlag = ALIGN_LEFT
    tooltip: Callable[[Any], str] | None = None
    decoration: Callable[[Any], Any] | None = None
    extra: dict = field(default_factory=dict)


class RowTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    rowsChanged = Signal()  # the visible rows changed: totals, buttons

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._all: list[Any] = []
        self._visible: list[Any] = []
        self._predicate: Callable[[Any], bool] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        # each column's answer to each role (multiData: a dict look-up per role asked)
        self._getters = [self._role_getters(col) for col in columns]

    def _role_getters(self, col: Column) -> dict[int, Callable[[Any], Any]]:
        align = int(col.align.value)
        getters: dict[int, Callable[[Any], Any]] = {
            int(_DISPLAY.value): col.display, int(_ALIGNMENT.value): lambda _row: align,
            int(self.RowRole): lambda row: row, int(self.SortRole): col.sort_key}
        if col.tooltip:
            getters[int(_TOOLTIP.value)] = col.tooltip
        if col.decoration:
            getters[int(_DECORATION.value)] = col.decoration
        return getters

    # ------------------------------------------------------------------ Qt interface
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        row = self._visible[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and col.decoration:
            return col.decoration(row)
        if role == self.RowRole:
            return row
        if role == self.SortRole:
            return col.sort_key(row)
        return None

    def multiData(self, index: QModelIndex, roles) -> None:
        """Every role a view asks of a cell, in one call: a table's paint asks ~7 per cell
        (display, alignment, font, colours, check state…), each one a call from C++ into
        Python that must take the GIL back, and while workers parse a report each take
        waited for them (10,000 calls stalled the GUI 350 ms, seen waiting for the GIL)."""
        # (a delegate hands the same span from cell to cell: every role is set or cleared)
        if not index.isValid() or index.row() >= len(self._visible):
            for role_data in roles:
                role_data.clearData()
            return
        row = self._visible[index.row()]
        getters = self._getters[index.column()]
        for role_data in roles:
            get = getters.get(role_data.role())
            if get is None:
                role_data.clearData()
            else:
                role_data.setData(get(row))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self._columns[section].align.value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._relayout(self._ordered(self._visible))

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._visible = self._ordered(self._filtered(self._all))
        self.endResetModel()
        self.rowsChanged.emit()

    def append_rows(self, rows: Iterable[Any]) -> None:
        """Add rows (a page as it arrives) keeping the order, without resetting the view."""
        batch = list(rows)
        if not batch:
            return
        self._all.extend(batch)
        fresh = self._ordered(self._filtered(batch))
        if not fresh:
            return
        if self._sort_column < 0:
            self._insert_block(len(self._visible), fresh)
        else:
            key = self._key()
            lo = bisect.bisect_left(self._visible, key(fresh[0]), key=key)
            hi = bisect.bisect_right(self._visible, key(fresh[-1]), key=key)
            if lo == hi:  # the whole page goes in one place (pages by date: the usual case)
                self._insert_block(lo, fresh)
            else:
                self._relayout(self._ordered(self._visible + fresh))
        self.rowsChanged.emit()

    def _insert_block(self, at: int, rows: list[Any]) -> None:
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._visible[at:at] = rows
        self.endInsertRows()

    def set_filter(self, predicate: Callable[[Any], bool] | None) -> None:
        self._predicate = predicate
        self._relayout(self._ordered(self._filtered(self._all)))
        self.rowsChanged.emit()

    def visible_rows(self) -> list[Any]:
        return list(self._visible)

    def all_rows(self) -> list[Any]:
        return list(self._all)

    def row_at(self, row: int) -> Any:
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def index_of(self, item: Any) -> int:
        try:
            return self._visible.index(item)
        except ValueError:
            return -1

    # ------------------------------------------------------------------ helpers
    def _filtered(self, rows: list[Any]) -> list[Any]:
        p = self._predicate
        return list(rows) if p is None else [r for r in rows if p(r)]

    def _key(self):
        key = self._columns[self._sort_column].sort_key
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            return lambda r: _Reversed(key(r))
        return key

    def _ordered(self, rows: list[Any]) -> list[Any]:
        if self._sort_column < 0:
            return list(rows)
        key = self._columns[self._sort_column].sort_key
        return sorted(rows, key=key,
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def _relayout(self, new_rows: list[Any]) -> None:
        """Swap in a new order or subset, keeping selections on the same objects."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        items = [self._visible[i.row()] if i.row() < len(self._visible) else None
                 for i in old]
        self._visible = new_rows
        where = {id(r): n for n, r in enumerate(new_rows)}
        new = []
        for index, item in zip(old, items, strict=True):
            n = where.get(id(item)) if item is not None else None
            new.append(self.index(n, index.column()) if n is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()


class _Reversed:
    """Wraps a sort key so ``bisect`` works on a descending list."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Reversed) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and other.key == self.key

    __hash__ = None


__all__ = ["ALIGN_CENTER", "ALIGN_LEFT", "ALIGN_RIGHT", "Column", "QPersistentModelIndex",
           "RowTableModel"]
