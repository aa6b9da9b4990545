"""Loads the agent's extension, received calls and pauses for a period, in the background.

Screens never call the API client; they connect to these signals. Rows stream in page by
page (``callsPage``); a newer refresh cancels the one in flight.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tvdesk.core.api import ApiError, CancelledError
from tvdesk.core.api.paging import PageProgress
from tvdesk.gui.lifetime import alive
from tvdesk.gui.tasks import Tasks

if TYPE_CHECKING:
    import asyncio

    from tvdesk.core.session import Session

log = logging.getLogger(__name__)


class AgentData(QObject):
    ramalLoaded = Signal(object)    # Ramal
    callsPage = Signal(list)        # the page's new ReceivedCall rows
    callsLoaded = Signal(object)    # ReceivedCallsReport, complete
    pausesLoaded = Signal(object)   # PauseReport
    progress = Signal(int, int)     # pages done, pages known in all (0: unknown yet)
    loadingChanged = Signal(bool)
    failed = Signal(object)         # the ApiError
    cancelled = Signal()

    def __init__(self, session: Session, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._flag: threading.Event | None = None
        self._task: asyncio.Task | None = None
        self._pages: dict[str, tuple[int, int]] = {}

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    def refresh(self, start: date, end: date) -> asyncio.Task:
        self.cancel()
        flag = self.tasks.cancel_flag()
        self._flag = flag
        self._task = self.tasks.spawn(self._load(start, end, flag), owner=self)
        return self._task

    def cancel(self) -> None:
        if self._flag is not None:
            self._flag.set()

    async def _load(self, start: date, end: date, flag: threading.Event) -> None:
        import asyncio

        bg, client, ramal_id = self.tasks, self.session.client, self.session.ramal.id
        self._pages = {"calls": (0, 0), "pauses": (0, 0)}
        self.loadingChanged.emit(True)
        self.progress.emit(0, 0)

        def current() -> bool:
            return alive(self) and flag is self._flag and not flag.is_set()

        def on_page(kind: str):
            def handle(p: PageProgress) -> None:
                if not current():
                    return
                if kind == "calls":
                    self.callsPage.emit(p.new_rows)
                self._pages[kind] = (p.pages_done, p.pages_total or p.pages_done)
                done = sum(d for d, _ in self._pages.values())
                total = sum(t for _, t in self._pages.values())
                self.progress.emit(done, total)
            return bg.relay(handle)

        jobs = [
            bg.run(client.get_ramal, ramal_id),
            bg.run(client.received_calls, ramal_id, start, end, progress=on_page("calls"),
                   cancel=flag),
            bg.run(client.pauses, ramal_id, start, end, progress=on_page("pauses"),
                   cancel=flag),
        ]
        try:
            ramal, calls, pauses = await asyncio.gather(*jobs)
        except CancelledError:
            if alive(self) and flag is self._flag:
                self.cancelled.emit()
        except ApiError as exc:
            flag.set()  # the other report stops too
            if alive(self) and flag is self._flag:
                log.info("loading failed: %s", type(exc).__name__)
                self.failed.emit(exc)
        else:
            if current():
                self.session.ramal_reloaded(ramal)
                self.ramalLoaded.emit(ramal)
                self.callsLoaded.emit(calls)
                self.pausesLoaded.emit(pauses)
        finally:
            self.tasks.release(flag)
            if alive(self) and flag is self._flag:
                self.loadingChanged.emit(False)
