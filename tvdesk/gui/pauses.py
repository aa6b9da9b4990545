"""The agent's pause history: the pauses with the reason the agent gave (when paused from
tvdesk), the report's totals and pause time per day, by reason.

The chart (QtCharts) is built the first time the screen is shown, not at startup.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.models import PauseReport
from tvdesk.core.pause_reasons import ReasonedPause
from tvdesk.core.reports import seconds_per_day
from tvdesk.gui.formatting import fmt_day_short, fmt_duration
from tvdesk.gui.models.pauses_model import PausesModel, reason_text
from tvdesk.gui.widgets.bar_chart import make_chart_view, show_stacked_bars

#: the reasons' colours in the chart (no reason: grey)
REASON_COLOURS = ("#0b6bcb", "#1f8a3b", "#c77700", "#8e44ad", "#c0392b", "#16a085")


class PausesScreen(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = PausesModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Pauses"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.totals = QLabel()
        self.chart_host = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_host)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_view = None
        self._report: PauseReport | None = None
        self._rows: list[ReasonedPause] = []
        self._range: tuple[date, date] | None = None
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart_host)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.totals)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        self.show_report(None, None)

    def show_report(self, report: PauseReport | None, span: tuple[date, date] | None,
                    reasoned: list[ReasonedPause] | None = None) -> None:
        """The API's pauses; ``reasoned``: the same with their reasons."""
        if report is not None and reasoned is None:
            reasoned = [ReasonedPause(p, None) for p in report.pauses]
        self._report, self._range = report, span
        self._rows = reasoned or []
        self.model.set_rows(self._rows)
        if report is None:
            self.totals.setText(self.tr("No pauses loaded."))
        else:
            self.totals.setText(
                self.tr("%n pause(s) · total pause time {total}", "", report.total).format(
                    total=report.total_duration or fmt_duration(report.total_seconds)))
        if self.chart_view is not None:
            self._fill_chart()

    def showEvent(self, event) -> None:
        if self.chart_view is None:
            self._build_chart()
        super().showEvent(event)

    def _build_chart(self) -> None:
        self.chart_view = make_chart_view(200)
        self.chart_layout.addWidget(self.chart_view)
        self._fill_chart()

    def per_day(self) -> list[tuple[date, int]]:
        if not self._report or not self._range:
            return []
        return list(seconds_per_day(self._report.pauses, *self._range).items())

    def per_day_by_reason(self) -> dict[str | None, list[int]]:
        """Seconds per day of each reason (None: none given), the days of :meth:`per_day`."""
        if not self._report or not self._range:
            return {}
        out: dict[str | None, list[int]] = {}
        for reason in sorted({p.reason for p in self._rows}, key=lambda r: (r is None, r)):
            pauses = [p.pause for p in self._rows if p.reason == reason]
            out[reason] = list(seconds_per_day(pauses, *self._range).values())
        return out

    def _fill_chart(self) -> None:
        days = self.per_day()
        by_reason = self.per_day_by_reason() if days else {}
        # one colour per reason, stacked in each day's bar (no reason: grey)
        bars = [(reason_text(reason),
                 REASON_COLOURS[n % len(REASON_COLOURS)] if reason else "#9aa5b1",
                 [round(value / 60, 1) for value in seconds])
                for n, (reason, seconds) in enumerate(by_reason.items())]
        # every day's name ("16/11"): the chart shows those its width has room for
        show_stacked_bars(self.chart_view, self.tr("Pause time per day (minutes)"), bars,
                          [fmt_day_short(d) for d, _ in days],
                          top=max(1.0, max((s for _, s in days), default=0) / 60 * 1.1),
                          legend=len(by_reason) > 1)
