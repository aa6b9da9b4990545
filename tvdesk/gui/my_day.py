"""My day: the agent's figures for the period shown (today, by default): calls received,
answered and missed, the answer rate, talk time and its average, calls made, pause time by
reason, and calls per hour as a chart; exported as CSV.

The figures are computed off the GUI thread (``core.period``); this screen only words them.
The chart (QtCharts) is built the first time the screen is shown.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tvdesk.core.export import write_table_csv
from tvdesk.core.my_day import DayFigures
from tvdesk.core.period import Period
from tvdesk.core.vocabulary import MessageKind
from tvdesk.gui.formatting import fmt_date, fmt_duration, fmt_percent
from tvdesk.gui.icons import icon
from tvdesk.gui.models.pauses_model import reason_text
from tvdesk.gui.widgets.bar_chart import make_chart_view, show_stacked_bars


class Figure(QFrame):
    """One figure: a big value over its caption."""

    def __init__(self, caption: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setStyleSheet("#figure { border:1px solid #d5dbe1; border-radius:6px; "
                           "background:palette(base); }")
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color:#5b6670;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setAccessibleName(caption)

    def set_value(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleDescription(text)


class MyDayScreen(QWidget):
    message = Signal(str, str)  # text, a MessageKind

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._figures: DayFigures | None = None
        self._span: tuple[date, date] | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.export = QPushButton(icon("export"), self.tr("Export CSV…"))
        self.export.setToolTip(self.tr("Save these figures for a spreadsheet"))
        self.received = Figure(self.tr("Calls received"))
        self.answered = Figure(self.tr("Answered"))
        self.missed = Figure(self.tr("Not answered"))
        self.rate = Figure(self.tr("Answer rate"))
        self.talk = Figure(self.tr("Talk time"))
        self.average = Figure(self.tr("Average talk"))
        self.made = Figure(self.tr("Calls made"))
        self.paused = Figure(self.tr("Pause time"))
        self.cards = [self.received, self.answered, self.missed, self.rate, self.talk,
                      self.average, self.made, self.paused]
        grid = QGridLayout()
        grid.setSpacing(8)
        for n, card in enumerate(self.cards):
            grid.addWidget(card, n // 4, n % 4)
        self.reasons = QLabel()
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reasons.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.reasons.setMinimumWidth(180)
        self.chart_host = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_host)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_view = None
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.export)
        lower = QHBoxLayout()
        lower.addWidget(self.chart_host, 3)
        lower.addWidget(self.reasons, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(lower, 1)
        self.export.clicked.connect(self.ask_export)
        self._csv_separator = "auto"
        self.show_period(None, None)

    # ------------------------------------------------------------------ data in
    def show_period(self, period: Period | None, span: tuple[date, date] | None) -> None:
        self._figures = period.figures if period else None
        self._span = span
        self.title.setText(self._title(span))
        f = self._figures
        self.export.setEnabled(f is not None)
        if f is None:
            for card in self.cards:
                card.set_value("—")
            self.reasons.setText("")
        else:
            self.received.set_value(QLocale().toString(f.received))
            self.answered.set_value(QLocale().toString(f.answered))
            self.missed.set_value(QLocale().toString(f.missed))
            self.rate.set_value(fmt_percent(f.answer_rate))
            self.talk.set_value(fmt_duration(f.talk_seconds))
            self.average.set_value("—" if f.average_talk_seconds is None
                                   else fmt_duration(f.average_talk_seconds))
            self.made.set_value(QLocale().toString(f.made))
            self.paused.set_value(fmt_duration(f.pause_seconds))
            self.reasons.setText(self._reasons_html(f))
        # the reasons' column is as wide as its longest line: never cut, the chart gives way
        self.reasons.setMinimumWidth(max(180, self.reasons.sizeHint().width()))
        if self.chart_view is not None:
            self._fill_chart()

    @property
    def figures(self) -> DayFigures | None:
        return self._figures

    def _title(self, span: tuple[date, date] | None) -> str:
        if span is None:
            return self.tr("My day")
        first, last = span
        if first == last == date.today():
            return self.tr("My day: today, {day}").format(day=fmt_date(first))
        if first == last:
            return self.tr("My day: {day}").format(day=fmt_date(first))
        return self.tr("My figures: {first} to {last}").format(first=fmt_date(first),
                                                               last=fmt_date(last))

    def _reasons_html(self, f: DayFigures) -> str:
        if not f.pause_by_reason:
            return self.tr("No pauses.")
        rows = "".join(f"<tr><td>{_escape(reason_text(reason))}</td>"
                       f"<td align='right'>&nbsp;&nbsp;{fmt_duration(seconds)}</td></tr>"
                       for reason, seconds in f.pause_by_reason)
        title = self.tr("Pause time by reason")
        return f"<b>{_escape(title)}</b><table>{rows}</table>"

    # ------------------------------------------------------------------ the chart
    def showEvent(self, event) -> None:
        if self.chart_view is None:
            self._build_chart()
        super().showEvent(event)

    def _build_chart(self) -> None:
        self.chart_view = make_chart_view(160)
        self.chart_layout.addWidget(self.chart_view)
        self._fill_chart()

    def _fill_chart(self) -> None:
        hours = self._figures.busiest_hours() if self._figures else []
        bars = [(self.tr("Received"), "#0b6bcb", [r for _, r, _ in hours]),
                (self.tr("Made"), "#1f8a3b", [m for _, _, m in hours])]
        # every hour's name ("09h"): the chart shows those its width has room for (at a
        # 1280x720 screen's, each hour of a 12-hour day, every second one of 24)
        show_stacked_bars(self.chart_view, self.tr("Calls per hour"), bars,
                          [f"{h:02d}h" for h, _, _ in hours],
                          top=max(1, *(r + m for _, r, m in hours)) if hours else 1)

    # ------------------------------------------------------------------ export
    def set_csv_separator(self, separator: str) -> None:
        self._csv_separator = separator

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export my figures"),
                                              str(Path.home() / self.tr("my-day.csv")),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def csv_rows(self, spreadsheet: bool) -> list[tuple[str, str]]:
        """(figure, value) rows: the figures, pause time by reason, calls per hour."""
        f = self._figures
        if f is None:
            return []
        rate = "" if f.answer_rate is None else f"{f.answer_rate * 100:.1f}"
        first, last = self._span or (None, None)
        day = "%d/%m/%Y" if spreadsheet else "%Y-%m-%d"
        rows = [(self.tr("From"), first.strftime(day) if first else ""),
                (self.tr("To"), last.strftime(day) if last else ""),
                (self.tr("Calls received"), str(f.received)),
                (self.tr("Answered"), str(f.answered)),
                (self.tr("Not answered"), str(f.missed)),
                (self.tr("Answer rate (%)"), rate.replace(".", ",") if spreadsheet else rate),
                (self.tr("Talk time"), fmt_duration(f.talk_seconds)),
                (self.tr("Average talk"), "" if f.average_talk_seconds is None
                 else fmt_duration(f.average_talk_seconds)),
                (self.tr("Calls made"), str(f.made)),
                (self.tr("Calls made and answered"), str(f.made_answered)),
                (self.tr("Pauses"), str(f.pauses)),
                (self.tr("Pause time"), fmt_duration(f.pause_seconds))]
        rows += [(self.tr("Pause time: {reason}").format(reason=reason_text(reason)),
                  fmt_duration(seconds)) for reason, seconds in f.pause_by_reason]
        for hour, received, made in f.per_hour:
            if received or made:
                rows.append((self.tr("Received {hour:02d}h–{next:02d}h").format(
                    hour=hour, next=(hour + 1) % 24), str(received)))
                rows.append((self.tr("Made {hour:02d}h–{next:02d}h").format(
                    hour=hour, next=(hour + 1) % 24), str(made)))
        return rows

    @property
    def csv_separator(self) -> str:
        if self._csv_separator != "auto":
            return self._csv_separator
        return ";" if QLocale().language() == QLocale.Language.Portuguese else ","

    def export_to(self, path: Path) -> bool:
        separator = self.csv_separator
        try:
            write_table_csv(path, (self.tr("Figure"), self.tr("Value")),
                            self.csv_rows(separator == ";"), separator=separator)
        except OSError as exc:
            self.message.emit(self.tr("Could not save {path}: {error}").format(
                path=path, error=exc.strerror or exc), MessageKind.ERROR)
            return False
        self.message.emit(self.tr("Figures exported to {path}.").format(path=path),
                          MessageKind.INFO)
        return True


def _escape(text: str) -> str:
    import html

    return html.escape(text)
