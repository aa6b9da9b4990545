"""Loads the agent's extension, received calls and pauses for a period, in the background.

Screens never call the API client; they connect to these signals. With the agent's history
database (``core.history_store``), what is stored shows at once (``storedLoaded``) and only
the days not complete yet are fetched; without it, rows stream in page by page
(``callsPage``). A newer refresh cancels the one in flight.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tvdesk.core.api import ApiError, CancelledError
from tvdesk.core.api.paging import PageProgress
from tvdesk.core.history_store import HistoryStore, StoreUnavailableError
from tvdesk.core.history_store.days import without
from tvdesk.core.history_store.store import CALLS, PAUSES
from tvdesk.core.models import PauseReport, ReceivedCallsReport
from tvdesk.core.period import Period, build_period
from tvdesk.gui.lifetime import alive
from tvdesk.gui.tasks import Tasks

if TYPE_CHECKING:
    import asyncio

    from tvdesk.core.session import Session

log = logging.getLogger(__name__)


class AgentData(QObject):
    ramalLoaded = Signal(object)    # Ramal
    storedLoaded = Signal(object)   # Period: what the history database holds, at once
    periodLoaded = Signal(object)   # Period: complete (the API's rows and tvdesk's own)
    callsPage = Signal(list)        # the page's new ReceivedCall rows
    callsLoaded = Signal(object)    # ReceivedCallsReport, complete
    pausesLoaded = Signal(object)   # PauseReport
    progress = Signal(int, int)     # pages done, pages known in all (0: unknown yet)
    loadingChanged = Signal(bool)
    failed = Signal(object)         # the ApiError
    cancelled = Signal()
    storeProblem = Signal(str)      # "recovered" (an unreadable file was set aside)
    storeOpened = Signal(object)    # the HistoryStore, once open
    filled = Signal()               # days no screen showed were fetched into the store

    def __init__(self, session: Session, tasks: Tasks, parent=None, *,
                 store_factory: Callable[[], HistoryStore] | None = None,
                 today: Callable[[], date] = date.today,
                 keep_days: Callable[[], int] = lambda: 180) -> None:
        """``store_factory``: opens the agent's history database (on a worker, at the first
        load); without one, or if it cannot be opened, every period comes from the API."""
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._today = today
        self._keep_days = keep_days  # the history database's retention, in days
        self._store_factory = store_factory
        self.store: HistoryStore | None = None
        self._flag: threading.Event | None = None
        self._task: asyncio.Task | None = None
        self._pages: dict[object, tuple[int, int]] = {}
        self._filling = False

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

    @property
    def filling(self) -> bool:
        """Days for the call-back list are being fetched."""
        return self._filling

    def fill(self, start: date, end: date, skip: tuple[date, date] | None = None) -> None:
        """The received calls of ``start``..``end`` the history database lacks, fetched
        into it in the background (no screen shows them): what the call-back list covers
        is there whatever period the agent looked at. ``skip``: days just fetched."""
        if self.store is None or self._filling:
            return
        self._filling = True
        self.tasks.spawn(self._fill(self.store, start, end, skip), owner=self)

    async def _fill(self, store: HistoryStore, start: date, end: date,
                    skip: tuple[date, date] | None) -> None:
        bg, client, ramal_id = self.tasks, self.session.client, self.session.ramal.id
        today = self._today()
        flag = bg.cancel_flag()
        fetched = False
        try:
            ranges = await bg.run(store.missing_ranges, CALLS, start, end, today)
            for first, last in without(ranges, skip):
                await bg.run(_fetch_calls, client, ramal_id, store, first, last, today, flag)
                fetched = True
        except (ApiError, StoreUnavailableError, sqlite3.Error) as exc:
            log.info("days for the call-back list not fetched: %s", type(exc).__name__)
        finally:
            bg.release(flag)
            if alive(self):
                self._filling = False
        if fetched and alive(self):
            self.filled.emit()

    def _open_store(self) -> HistoryStore | None:
        """On a worker: the history database, once; None when there is none to be had."""
        if self.store is None and self._store_factory is not None:
            factory, self._store_factory = self._store_factory, None
            try:
                store = factory()
                store.apply_retention(self._keep_days(), self._today())
                self.store = store
            except (StoreUnavailableError, sqlite3.Error) as exc:
                log.warning("history database unavailable (%s): using the API alone",
                            type(exc).__name__)
        return self.store

    async def _load(self, start: date, end: date, flag: threading.Event) -> None:
        import asyncio

        bg, client, ramal_id = self.tasks, self.session.client, self.session.ramal.id
        self._pages = {}
        self.loadingChanged.emit(True)
        self.progress.emit(0, 0)

        def current() -> bool:
            return alive(self) and flag is self._flag and not flag.is_set()

        def on_page(key: object, stream: bool):
            self._pages[key] = (0, 0)

            def handle(p: PageProgress) -> None:
                if not current():
                    return
                if stream:
                    self.callsPage.emit(p.new_rows)
                self._pages[key] = (p.pages_done, p.pages_total or p.pages_done)
                done = sum(d for d, _ in self._pages.values())
                total = sum(t for _, t in self._pages.values())
                self.progress.emit(done, total)
            return bg.relay(handle)

        try:
            opened = self.store is None
            store = await bg.run(self._open_store)
            if store is not None and opened and alive(self):
                self.storeOpened.emit(store)
            if store is not None and store.recovered is not None and current():
                self.storeProblem.emit("recovered")
                store.recovered = None  # said once
            if store is None:  # the API alone, as it always was
                jobs = [bg.run(client.get_ramal, ramal_id),
                        bg.run(client.received_calls, ramal_id, start, end,
                               progress=on_page("calls", True), cancel=flag),
                        bg.run(client.pauses, ramal_id, start, end,
                               progress=on_page("pauses", False), cancel=flag)]
                ramal, calls, pauses = await asyncio.gather(*jobs)
                period = await bg.run(build_period, calls, pauses, None,
                                      self.session.client.tz)
            else:
                ramal, period = await self._sync(store, start, end, flag, on_page, current)
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
                self.periodLoaded.emit(period)
            await asyncio.sleep(0)  # each screen's share in its own turn: no long stall
            if current():
                self.callsLoaded.emit(period.calls)
                self.pausesLoaded.emit(period.pauses)
        finally:
            self.tasks.release(flag)
            if alive(self) and flag is self._flag:
                self.loadingChanged.emit(False)

    async def _sync(self, store: HistoryStore, start: date, end: date,
                    flag: threading.Event, on_page, current):
        """Stored rows at once; then only the days not complete yet (today, gaps), each
        range fetched concurrently and saved whole; then the period, from the store."""
        import asyncio

        bg, client, ramal_id = self.tasks, self.session.client, self.session.ramal.id
        today = self._today()
        stored = await bg.run(self._read, store, start, end, False)  # figures after
        if current() and (stored.log or stored.pauses.pauses):
            self.storedLoaded.emit(stored)
        shown = bool(stored.log)

        def fetch_pauses(first: date, last: date, progress) -> None:
            report = client.pauses(ramal_id, first, last, progress=progress, cancel=flag)
            store.save_pauses(report.pauses, first, last, today=today)

        jobs = [bg.run(client.get_ramal, ramal_id)]
        for n, (first, last) in enumerate(store.missing_ranges(CALLS, start, end, today)):
            jobs.append(bg.run(_fetch_calls, client, ramal_id, store, first, last, today, flag,
                               on_page(("calls", n), not shown)))
        for n, (first, last) in enumerate(store.missing_ranges(PAUSES, start, end, today)):
            jobs.append(bg.run(fetch_pauses, first, last, on_page(("pauses", n), False)))
        ramal, *_ = await asyncio.gather(*jobs)
        period = await bg.run(self._read, store, start, end)
        return ramal, period

    def _read(self, store: HistoryStore, start: date, end: date, figures: bool = True
              ) -> Period:
        """On a worker: the period from the history database, ready to show (``figures``
        False: without "my day"'s, which the history counts next)."""
        calls = store.calls(start, end)
        pauses = store.pauses(start, end)
        return build_period(ReceivedCallsReport(total=len(calls), calls=calls),
                            PauseReport(ramal=self.session.ramal.ramal, total=len(pauses),
                                        total_seconds=sum(p.seconds for p in pauses),
                                        total_duration=None, pauses=pauses),
                            store.own_record(start, end), self.session.client.tz,
                            figures=figures)


def _fetch_calls(client, ramal_id: int, store: HistoryStore, first: date, last: date,
                 today: date, cancel: threading.Event, progress=None) -> None:
    """On a worker: the received calls of ``first``..``last`` from the API, saved whole."""
    report = client.received_calls(ramal_id, first, last, progress=progress, cancel=cancel)
    store.save_calls(report.calls, first, last, today=today)
