"""The main window's layout kept across days: its geometry and toolbars, the calls table's
columns and the period it showed (base64 of Qt's own state blobs, in the settings)."""

from __future__ import annotations

import base64
import contextlib

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHeaderView, QMainWindow

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


def restore_columns(header: QHeaderView, settings: Settings) -> None:
    data = _bytes(settings.calls_columns)
    if data is not None:
        with contextlib.suppress(ValueError):
            header.restoreState(data)


def window_layout(window: QMainWindow, header: QHeaderView | None, preset: str) -> dict:
    """The settings that keep this layout: give them to the settings model's ``update``."""
    changes = {"window_geometry": _text(window.saveGeometry()),
               "window_state": _text(window.saveState()), "range_preset": preset}
    if header is not None:
        changes["calls_columns"] = _text(header.saveState())
    return changes
