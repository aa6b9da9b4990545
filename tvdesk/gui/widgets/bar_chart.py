"""A stacked bar chart (QtCharts), as the pause history and My day draw theirs: made when its
screen is first shown, redrawn whole with new bars."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter


def make_chart_view(min_height: int):
    """A chart view without animation (its data changes all day), legend at the right."""
    from PySide6.QtCharts import QChart, QChartView

    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    view = QChartView(chart)
    view.setMinimumHeight(min_height)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def show_stacked_bars(view, title: str, bars: Sequence[tuple[str, str, Sequence[float]]],
                      labels: Sequence[str], *, top: float, legend: bool = True,
                      labels_angle: int = 0) -> None:
    """Replace what ``view`` shows: ``bars`` (label, colour, one value per category) stacked
    over the categories ``labels``, the value axis from 0 to ``top`` (rounded up nicely).
    No categories: the title alone."""
    from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QStackedBarSeries, QValueAxis

    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
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
    x = QBarCategoryAxis()
    x.append(list(labels))
    if labels_angle:
        x.setLabelsAngle(labels_angle)
    y = QValueAxis()
    y.setRange(0, top)
    y.setLabelFormat("%d")
    y.applyNiceNumbers()
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
