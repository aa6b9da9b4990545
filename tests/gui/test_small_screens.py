"""1280x720 and 1366x768 screens (issue 21): the extension card's phone line shows whole
(or cut with "…", the whole in its tooltip and for a screen reader) and never moves or grows
the card; the pause history's and My day's charts name their bars legibly: flat, whole and
apart, as many as the width holds."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QGraphicsTextItem, QLabel, QLineEdit, QToolButton, QWidget

from tvdesk.core.models import Pause, PauseReport, Ramal
from tvdesk.core.my_day import DayFigures

RAMAL = Ramal(id=1, ramal="4000", login="ana.souza@demo.tvdesk.app", senha="s3nh4-forte",
              bina="4830000000", webphone_key=None, ligacao_externa=True,
              ligacao_celular=True, gravar_audio=True, acesso_gravacoes=True, webphone=True,
              ura_id=None, voicemail=False, tags=None)

#: the phone's line as the tester saw it, the same with a pause, and longer than any
CALL = "Em ligação com (48) 99999-1111 · 12:34 · mudo · gravando"
PAUSED = CALL + "  ·  Em pausa há 00:12:34"
TOO_LONG = "Em ligação com +55 (48) 99999-1111, ramal 4000 · " * 4 + "fim"


def card_places(card) -> dict[str, tuple]:
    """Where the card's details and chips are (they must not move)."""
    widgets = [w for w in card.findChildren(QWidget)
               if isinstance(w, QLabel | QLineEdit | QToolButton)
               and w is not card.state and w.isVisible()]
    return {f"{type(w).__name__} {n}": (w.mapTo(card, w.rect().topLeft()).toTuple(),
                                        w.size().toTuple()) for n, w in enumerate(widgets)}


def shown_whole(label) -> bool:
    """The label's lines fit in it, none cut off."""
    room = label.contentsRect()
    need = label.fontMetrics().boundingRect(room.adjusted(0, 0, 10_000, 10_000), 0,
                                            label.text())
    return need.width() <= room.width() and need.height() <= room.height()


def words(text: str) -> list[str]:
    return text.replace("\n", " ").split()


@pytest.fixture
def card(qtbot):
    from tvdesk.gui.extension_card import ExtensionCard

    c = ExtensionCard()
    qtbot.addWidget(c)
    c.set_ramal(RAMAL)
    c.resize(1260, c.sizeHint().height())  # a 1366x768 screen's window
    c.show()
    qtbot.waitExposed(c)
    return c


def test_the_call_line_shows_whole_and_the_card_holds_still(qtbot, card):
    card.set_phone_state("Webphone pronto")
    qtbot.wait(20)
    height, before = card.sizeHint().height(), card_places(card)
    for text, paused in ((CALL, False), (PAUSED, True), ("Webphone pronto", False)):
        card.set_phone_state(text, paused=paused)
        qtbot.wait(20)
        assert words(card.state.text()) == words(text), text  # every word, none cut
        assert shown_whole(card.state), text
        assert card.state.accessibleName() == text and card.state.toolTip() == ""
        assert card.phone_state_text() == text
        assert (card.sizeHint().height(), card.height()) == (height, height)
        assert card_places(card) == before, text


def test_a_pause_stays_whole_on_its_line(qtbot, card):
    """Lines break between the line's parts: "Em pausa há" and its time stay together."""
    card.set_phone_state(PAUSED, paused=True)
    qtbot.wait(20)
    assert any("Em pausa há 00:12:34" in line for line in card.state.text().split("\n"))


def test_a_line_longer_than_its_room_is_cut_with_the_whole_in_the_tooltip(qtbot, card):
    card.set_phone_state("Webphone pronto")
    qtbot.wait(20)
    height, before = card.height(), card_places(card)
    card.set_phone_state(TOO_LONG, paused=True)
    qtbot.wait(20)
    assert card.state.text().endswith("…") and shown_whole(card.state)
    assert card.state.toolTip() == TOO_LONG and card.state.accessibleName() == TOO_LONG
    assert card.height() == height and card_places(card) == before


# ---------------------------------------------------------------------- the charts
def axis_names(view) -> list[QGraphicsTextItem]:
    """The chart's texts on screen, left to right."""
    items = [it for it in view.scene().items()
             if isinstance(it, QGraphicsTextItem) and it.isVisible() and it.toPlainText()]
    return sorted(items, key=lambda it: it.sceneBoundingRect().x())


def assert_legible(view, names: list[str]) -> list[str]:
    """The bars' names shown: flat, whole, apart; returns them, left to right."""
    texts = axis_names(view)
    assert not [t.toPlainText() for t in texts if "…" in t.toPlainText()
                or "..." in t.toPlainText()], "a name cut to …"
    shown = [t for t in texts if t.toPlainText().strip("\u200b") in names]
    assert all(t.rotation() == 0 for t in shown)  # lying flat: read without a tilted head
    boxes = [t.sceneBoundingRect() for t in shown]
    for left, right in itertools.pairwise(boxes):
        assert left.right() + 4 <= right.left(), "two names touch"
    return [t.toPlainText().strip("\u200b") for t in shown]


def thirty_days() -> tuple[PauseReport, tuple[date, date]]:
    end = date(2026, 12, 4)
    start = end - timedelta(days=29)
    pauses = []
    for i in range(30):
        day = start + timedelta(days=i)
        begun = datetime(day.year, day.month, day.day, 14).astimezone()
        pauses.append(Pause(begun, begun + timedelta(minutes=20 + i), (20 + i) * 60, None))
    return PauseReport("4000", 30, sum(p.seconds for p in pauses), None, pauses), (start, end)


def shown_at(qtbot, screen, width: int, height: int):
    """``screen`` on screen at ``width`` x ``height``."""
    qtbot.addWidget(screen)
    screen.resize(width, height)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.mark.parametrize("width", [560, 775, 1100])  # narrower; a 1280x720 window's; wide
def test_the_30_day_pause_chart_names_its_days_legibly(qtbot, width):
    from tvdesk.gui.formatting import fmt_day_short
    from tvdesk.gui.pauses import PausesScreen

    screen = shown_at(qtbot, PausesScreen(), width, 420)
    report, span = thirty_days()
    screen.show_report(report, span)
    qtbot.wait(50)
    days = [fmt_day_short(span[0] + timedelta(days=i)) for i in range(30)]
    shown = assert_legible(screen.chart_view, days)
    assert len(shown) >= 6, shown  # a name every few days at most
    assert shown[-1] == days[-1]  # the last day (today) is always named
    steps = {days.index(b) - days.index(a) for a, b in itertools.pairwise(shown)}
    assert len(steps) == 1, shown  # evenly


@pytest.mark.parametrize("width", [560, 775])
def test_my_days_hours_are_named_legibly(qtbot, width):
    from tvdesk.gui.my_day import MyDayScreen

    screen = shown_at(qtbot, MyDayScreen(), width, 460)
    per_hour = [(h, (h * 7) % 13 + 1 if 7 <= h <= 21 else 0, h % 3 if 7 <= h <= 21 else 0)
                for h in range(24)]
    figures = DayFigures(received=100, answered=80, missed=20, made=10, made_answered=8,
                         talk_seconds=3600, pause_seconds=1200, pauses=3,
                         pause_by_reason=[(None, 1200)], per_hour=per_hour)
    screen.show_period(SimpleNamespace(figures=figures), (date.today(), date.today()))
    qtbot.wait(50)
    hours = [f"{h:02d}h" for h in range(7, 22)]
    shown = assert_legible(screen.chart_view, hours)
    assert len(shown) >= 5 and shown[-1] == "21h", shown
