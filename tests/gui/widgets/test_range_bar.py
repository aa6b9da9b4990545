"""The period bar: presets, and a custom period whose end comes before its start."""

from datetime import date

from PySide6.QtCore import QDate

from tvdesk.gui.widgets.range_bar import RangeBar


def test_an_end_before_the_start_is_corrected_where_the_agent_sees_it(qtbot):
    bar = RangeBar(today=date(2026, 10, 31))
    qtbot.addWidget(bar)
    bar.set_range(date(2026, 10, 10), date(2026, 10, 20))
    seen = []
    bar.rangeChanged.connect(lambda s, e: seen.append((s, e)))
    bar.start.setDate(QDate(2026, 10, 25))  # after the end: the end follows, visibly
    assert bar.end.date() == QDate(2026, 10, 25)
    assert seen[-1] == (date(2026, 10, 25), date(2026, 10, 25))
    bar.end.setDate(QDate(2026, 10, 1))  # before the start: the start follows
    assert bar.start.date() == QDate(2026, 10, 1)
    assert seen[-1] == (date(2026, 10, 1), date(2026, 10, 1))


def test_presets(qtbot):
    bar = RangeBar(today=date(2026, 10, 31))
    qtbot.addWidget(bar)
    bar.set_preset("7days")
    assert bar.range() == (date(2026, 10, 25), date(2026, 10, 31))
    bar.set_preset("month")
    assert bar.range() == (date(2026, 10, 1), date(2026, 10, 31))
