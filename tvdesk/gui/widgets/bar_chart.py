"""A stacked bar chart (QtCharts), as the pause history and My day draw theirs: made when its
screen is first shown, redrawn whole with new bars.

The categories' names lie flat and whole under their bars, as many as the chart's width
holds: every bar's when there is room, else every second, third… bar's, counted back from the
last (today, the last hour), so that no name is ever cut to "…" or laid over its neighbour.
QtCharts' own category axis gives each name only its bar's width (30 days at a 1280x720
screen's width leave ~22 px: "16/11" became "…", even standing up), so the names are put on a
value axis, at the bars they name, and chosen again when the plot's width changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

#: the free room between two names, in pixels
LABEL_GAP = 12


def make_chart_view(min_height: int):
    """A chart view without animation (its data changes all day), the legend above the bars
    (at the right it took a fifth of the width the bars' names need)."""
    from PySide6.QtCharts import QChart, QChartView

    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    view = QChartView(chart)
    view.setMinimumHeight(min_height)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def show_stacked_bars(view, title: str, bars: Sequence[tuple[str, str, Sequence[float]]],
                      labels: Sequence[str], *, top: float, legend: bool = True) -> None:
    """Replace what ``view`` shows: ``bars`` (label, colour, one value per category) stacked
    over the categories ``labels`` (each bar's name; those the width holds are shown), the
    value axis from 0 to ``top`` (rounded up nicely). No categories: the title alone."""
    from PySide6.QtCharts import QBarSet, QStackedBarSeries, QValueAxis

    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    old = getattr(view, "category_names", None)
    if old is not None:
        chart.plotAreaChanged.disconnect(old.fit)
        old.deleteLater()
        view.category_names = None
    chart.setTitle(title)
    chart.legend().setVisible(legend and bool(labels))
    if not labels:
        return
    series = QStackedBarSeries()
    for label, colour, values in bars:
        bar_set = QBarSet(label)
        bar_set.setColor(colour)
        for value in values:
            bar_set.append(value)
        series.append(bar_set)
    chart.addSeries(series)
    names = CategoryNames(chart, labels)
    view.category_names = names
    y = QValueAxis()
    y.setRange(0, top)
    y.setLabelFormat("%d")
    y.applyNiceNumbers()
    chart.addAxis(names.axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names.axis)
    series.attachAxis(y)
    names.fit()


class CategoryNames(QObject):
    """The x axis of a bar chart: the bars at 0, 1, 2…, the names of those the plot's width
    has room for under them (see the module's text)."""

    def __init__(self, chart, labels: Sequence[str]) -> None:
        from PySide6.QtCharts import QCategoryAxis

        super().__init__(chart)
        self.chart = chart
        self.labels = list(labels)
        self.step = 0
        self.axis = QCategoryAxis()
        self.axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.axis.setGridLineVisible(False)
        self.axis.setStartValue(-0.5)
        self.axis.setRange(-0.5, len(self.labels) - 0.5)
        chart.plotAreaChanged.connect(self.fit)

    def step_for(self, plot_width: float) -> int:
        """Name every n-th bar: the smallest n whose bars are far enough apart for the
        widest name and a gap."""
        metrics = QFontMetricsF(self.axis.labelsFont())
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0.0)
        bar = plot_width / max(1, len(self.labels))
        step = 1
        while step < len(self.labels) and step * bar < widest + LABEL_GAP:
            step += 1
        return step

    def shown(self) -> list[tuple[int, str]]:
        """The bars named now: (index, name)."""
        last = len(self.labels) - 1
        return [(i, self.labels[i]) for i in range(len(self.labels))
                if self.step and (last - i) % self.step == 0]

    def fit(self) -> None:
        width = self.chart.plotArea().width()
        if width <= 0:
            return
        step = self.step_for(width)
        if step == self.step:
            return
        self.step = step
        for name in self.axis.categoriesLabels():
            self.axis.remove(name)
        seen: set[str] = set()
        for index, label in self.shown():
            name = label
            while name in seen:  # (an axis' names are unique: a year's "16/11" twice)
                name += "\u200b"
            seen.add(name)
            self.axis.append(name, index)
        self.axis.setStartValue(-0.5)
        self.axis.setRange(-0.5, len(self.labels) - 0.5)
