"""Rows that hold still under the mouse.

A call that ends changes a list (the call log gains a row at its top, the call-back list
drops a number or gains one): applied at once, every row under the agent's pointer moves
one place, and the click meant for one number lands on the next. While the pointer is over
the view, such an update waits, and is applied when the pointer leaves it, or when it has
rested there for :data:`HoldStill.REST_SECONDS` (a mouse parked over the list all day must
not keep new calls from showing; a click that long after is aimed anew).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView


class HoldStill(QObject):
    REST_SECONDS = 4.0

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._pending: list[Callable[[], None]] = []
        self._inside = False
        self._moved = 0.0  # (monotonic) the pointer's last move over the view
        self._rest = QTimer(self)
        self._rest.setInterval(250)
        self._rest.timeout.connect(self._check_rest)
        view.viewport().setMouseTracking(True)  # its moves, not only its presses
        view.viewport().installEventFilter(self)

    def pointer_inside(self) -> bool:
        return self._inside and self._view.isVisible()

    def run(self, update: Callable[[], None]) -> None:
        """``update()`` now, or when the pointer has left the view."""
        if self.pointer_inside():
            self._pending.append(update)
            if not self._rest.isActive():
                self._rest.start()
        else:
            update()

    def drop(self) -> None:
        """What waits is made moot (the whole list was replaced)."""
        self._pending = []
        self._rest.stop()

    def release(self) -> None:
        self._rest.stop()
        pending, self._pending = self._pending, []
        for update in pending:
            update()

    def _check_rest(self) -> None:
        if time.monotonic() - self._moved >= self.REST_SECONDS or not self.pointer_inside():
            self.release()

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        kind = event.type()
        if kind in (QEvent.Type.Enter, QEvent.Type.MouseMove, QEvent.Type.HoverEnter):
            self._inside = True
            self._moved = time.monotonic()
        elif kind in (QEvent.Type.Leave, QEvent.Type.HoverLeave, QEvent.Type.Hide):
            self._inside = False
            self.release()
        return False
