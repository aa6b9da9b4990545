"""The main window's layout kept across days: its geometry and toolbars, the calls table's
columns and the period it showed (base64 of Qt's own state blobs, in the settings)."""

from __future__ import annotations

import base64
import contextlib

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow, QWidget

from tvdesk.core.settings import Settings


def _bytes(text: str) -> QByteArray | None:
    if not text:
        return None
    try:
        return QByteArray(base64.b64decode(text, validate=True))
    except ValueError:
        return None


def _text(data: QByteArray) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


def restore_window(window: QMainWindow, settings: Settings) -> None:
    """Where the window was, as it was; a damaged value is ignored."""
    for text, restore in ((settings.window_geometry, window.restoreGeometry),
                          (settings.window_state, window.restoreState)):
        data = _bytes(text)
        if data is not None:
            with contextlib.suppress(ValueError):
                restore(data)


#: room the window manager's frame takes beyond the client area, before it is known: a
#: title bar and borders (openbox, KDE, GNOME and Windows all fit in this)
FRAME = (16, 48)


#: the window's first size on a laptop's screen; a bigger screen gives it a share of itself
SMALLEST_DEFAULT = (1180, 760)
DEFAULT_SHARE = (0.8, 0.85)


def default_size(window: QWidget) -> tuple[int, int]:
    """The size of a first start (nothing saved): 1180x760 on a 1366x768 laptop (less, to
    fit), and on a bigger monitor most of it (1536x884 on 1920x1080), not a small window
    in the middle of a desk's screen an agent looks at all day."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return SMALLEST_DEFAULT
    area: QRect = screen.availableGeometry()
    width = max(SMALLEST_DEFAULT[0], round(area.width() * DEFAULT_SHARE[0]))
    height = max(SMALLEST_DEFAULT[1], round(area.height() * DEFAULT_SHARE[1]))
    return (min(width, area.width() - FRAME[0]), min(height, area.height() - FRAME[1]))


def fit_to_screen(window: QWidget) -> None:
    """Keep the window on the screen it is on, frame and all: never larger than the screen's
    available area (taskbar excluded), never outside it. A size saved on a bigger monitor,
    or the default size on a 1366x768 laptop, shrinks to fit."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area: QRect = screen.availableGeometry()
    width = min(window.width(), area.width() - FRAME[0])
    height = min(window.height(), area.height() - FRAME[1])
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 1), max(height, 1))
    x = min(max(window.x(), area.left()), area.right() - width - FRAME[0] + 1)
    y = min(max(window.y(), area.top()), area.bottom() - height - FRAME[1] + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, area.left()), max(y, area.top()))


def restore_columns(header: QHeaderView, settings: Settings) -> None:
    data = _bytes(settings.call_log_columns)
    if data is not None:
        with contextlib.suppress(ValueError):
            header.restoreState(data)


def window_layout(window: QMainWindow, header: QHeaderView | None, preset: str) -> dict:
    """The settings that keep this layout: give them to the settings model's ``update``."""
    changes = {"window_geometry": _text(window.saveGeometry()),
               "window_state": _text(window.saveState()), "range_preset": preset}
    if header is not None:
        changes["call_log_columns"] = _text(header.saveState())
    return changes
