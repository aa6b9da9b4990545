"""The period the agent looks at: presets (today, yesterday, 7 days…) or custom dates."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

PRESETS = ("today", "yesterday", "7days", "30days", "month", "custom")


def preset_range(preset: str, today: date) -> tuple[date, date] | None:
    if preset == "today":
        return today, today
    if preset == "yesterday":
        y = today - timedelta(days=1)
        return y, y
    if preset == "7days":
        return today - timedelta(days=6), today
    if preset == "30days":
        return today - timedelta(days=29), today
    if preset == "month":
        return today.replace(day=1), today
    return None


class RangeBar(QWidget):
    rangeChanged = Signal(object, object)  # start, end (dates)

    def __init__(self, today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self._today = today  # (tests fix it; otherwise the calendar's)
        self.preset = QComboBox()
        labels = {
            "today": self.tr("Today"), "yesterday": self.tr("Yesterday"),
            "7days": self.tr("Last 7 days"), "30days": self.tr("Last 30 days"),
            "month": self.tr("This month"), "custom": self.tr("Custom…"),
        }
        for key in PRESETS:
            self.preset.addItem(labels[key], key)
        self.start = QDateEdit(calendarPopup=True)
        self.end = QDateEdit(calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
        self.preset.setAccessibleName(self.tr("Period"))
        self.start.setAccessibleName(self.tr("First day of the period"))
        self.end.setAccessibleName(self.tr("Last day of the period"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Period:")))
        layout.addWidget(self.preset)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.start.dateChanged.connect(lambda: self._dates_edited(self.start))
        self.end.dateChanged.connect(lambda: self._dates_edited(self.end))
        self._applying = False
        self.set_preset("today")

    def today(self) -> date:
        return self._today or date.today()

    def set_preset(self, preset: str) -> None:
        index = self.preset.findData(preset if preset in PRESETS else "today")
        if index == self.preset.currentIndex():
            self._preset_changed(index)
        else:
            self.preset.setCurrentIndex(index)

    def current_preset(self) -> str:
        return self.preset.currentData()

    def range(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def set_range(self, start: date, end: date) -> None:
        start, end = min(start, end), max(start, end)
        self._applying = True
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))
        self._applying = False
        self.rangeChanged.emit(*self.range())

    def _preset_changed(self, _index: int) -> None:
        span = preset_range(self.current_preset(), self.today())
        custom = span is None
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if custom:
            return
        self._applying = True
        self.start.setDate(QDate(span[0]))
        self.end.setDate(QDate(span[1]))
        self._applying = False
        self.rangeChanged.emit(*span)

    def _dates_edited(self, edited) -> None:
        if self._applying or self.current_preset() != "custom":
            return
        if self.start.date() > self.end.date():
            # the other end follows, where the agent sees it: never swapped behind their back
            self._applying = True
            other = self.end if edited is self.start else self.start
            other.setDate(edited.date())
            self._applying = False
        self.rangeChanged.emit(*self.range())
