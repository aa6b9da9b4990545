"""The agent's history on screen: the period the window shows ↔ the data ↔ the screens.

It loads the period (``AgentData``, the API side) when it changes, on Refresh (F5), from the
banner's *Try again* and every N minutes (the setting); shows pages fetched of the total and
stops on Esc; puts rows into the received-calls screen as they arrive and the pauses into
theirs. A refresh of the same period keeps what is on screen until the new list is complete.
It keeps the calls of the period shown, so the incoming-call banner can name a caller's
earlier calls without reading them back out of a table.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from tvdesk.core.api import ApiError, AuthenticationError, TransportError
from tvdesk.core.call_log import LogEntry, in_report
from tvdesk.core.history_store.days import CALL_BACK_DAYS, call_backs_since
from tvdesk.core.history_store.store import CALLS, OwnRecord
from tvdesk.core.models import PhoneCall, ReceivedCall
from tvdesk.core.period import Period, build_period, with_figures
from tvdesk.core.reports import CallerHistory, earlier_calls
from tvdesk.core.session import Session
from tvdesk.core.vocabulary import MessageKind
from tvdesk.gui.actions import on_trigger
from tvdesk.gui.agent_data import AgentData
from tvdesk.gui.formatting import fmt_day_short
from tvdesk.gui.main_window import MainWindow
from tvdesk.gui.messages import describe
from tvdesk.gui.settings_model import SettingsModel
from tvdesk.gui.tasks import Tasks

log = logging.getLogger(__name__)



class History(QObject):
    tokenRefused = Signal(object)  # the AuthenticationError a load met
    callsLoaded = Signal(object)   # ReceivedCallsReport, complete
    callBacksChanged = Signal(int)  # how many numbers there are to call back

    def __init__(self, window: MainWindow, session: Session, tasks: Tasks,
                 settings: SettingsModel, store_factory=None) -> None:
        """``store_factory``: opens the agent's history database (see ``AgentData``)."""
        super().__init__(window)
        window.build_screens()
        self._window = w = window
        self._tasks = tasks
        self._session = session
        self._settings = settings
        # whose rows are on screen: the stored preview's, when it showed them
        window.history_started = True
        self._shown_range: tuple[date, date] | None = window.preview_range
        self._keep = False  # this load refreshes the period shown: its rows stay meanwhile
        self._calls: list[ReceivedCall] = []  # the period's calls, for the incoming banner
        self._period: Period | None = None  # the period shown (for "my day" and new calls)
        self._started = False
        self.data = d = AgentData(session, tasks, self, store_factory=store_factory,
                                  today=w.range_bar.today,
                                  keep_days=lambda: settings.current.history_days)
        d.storedLoaded.connect(self._stored)
        d.periodLoaded.connect(self._period_loaded)
        d.storeOpened.connect(self._store_opened)
        w.calls.searchRequested.connect(self._search)
        w.messageActionRequested.connect(
            lambda source: source == "offline" and not self.loading and self.refresh())
        d.callsLoaded.connect(lambda _report: self.refresh_call_backs())
        d.callsLoaded.connect(lambda _report: self._fill_call_back_days())
        d.filled.connect(self.refresh_call_backs)
        w.call_backs.doneRequested.connect(self.call_back_done)
        d.storeProblem.connect(self._store_problem)
        d.callsPage.connect(self._page)
        d.callsLoaded.connect(self._calls_loaded)
        d.ramalLoaded.connect(w.show_extension)
        d.progress.connect(w.set_progress)
        d.loadingChanged.connect(w.set_loading)
        d.failed.connect(self._failed)
        d.cancelled.connect(self._cancelled)
        w.range_bar.rangeChanged.connect(lambda *_: self.refresh())
        w.refresh_button.clicked.connect(self.refresh)
        on_trigger(w.menu_actions.refresh, self.refresh)
        w.cancel_button.clicked.connect(self.cancel)
        on_trigger(w.menu_actions.stop_loading, self.cancel)
        w.banner.retryRequested.connect(self.refresh)
        w.closing.connect(self.cancel)
        self._retry = QTimer(self)  # offline: the next try, by itself
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._retry_offline)
        self.auto_refresh = QTimer(self)
        self.auto_refresh.timeout.connect(self._auto_refresh)
        settings.changed.connect(self._settings_changed)
        self._follow_refresh_minutes()

    @property
    def loading(self) -> bool:
        return self.data.loading

    def start(self) -> None:
        """The first load: the period the agent looked at last (once)."""
        if not self._started:
            self._started = True
            self._window.range_bar.set_preset(self._settings.current.range_preset)

    def refresh(self) -> None:
        w = self._window
        w.hide_message()
        span = w.range_bar.range()
        self._keep = span == self._shown_range
        w.calls.start_loading(keep=self._keep)
        if not self._keep:
            w.pauses.show_report(None, None)
            w.my_day.show_period(None, span)
            self._calls = []
            self._period = None
        self._shown_range = span
        self.data.refresh(*span)

    def cancel(self) -> None:
        self.data.cancel()

    def caller_calls(self, number: str) -> CallerHistory:
        """The caller's earlier calls: from the whole history database (received and made)
        when there is one (an indexed look-up), else those of the period shown."""
        store = self.data.store
        if store is not None:
            return store.caller_history(number)
        return CallerHistory(earlier_calls(number, self._calls), [])

    # ------------------------------------------------------------------ data in
    def _page(self, rows: list[ReceivedCall]) -> None:
        if not self._keep:
            self._calls.extend(rows)
        self._window.calls.add_page(rows)

    def _stored(self, period: Period) -> None:
        """The period as the history database has it: on screen at once."""
        w = self._window
        self._calls = list(period.calls.calls)
        w.calls.show_stored(period.log)
        self._show_period(period)

    def _period_loaded(self, period: Period) -> None:
        self._show_period(period)

    def _show_period(self, period: Period) -> None:
        w = self._window
        self._period = period
        span = w.range_bar.range()
        w.pauses.show_report(period.pauses, span, period.reasoned_pauses)
        if period.figures is not None:
            w.my_day.show_period(period, span)
            return

        def counted(job) -> None:  # the rows first, "my day"'s figures a moment later
            if job.exception() is None and self._period is period:
                self._period = job.result()
                w.my_day.show_period(self._period, span)

        self._tasks.submit(with_figures, period, self._session.client.tz, owner=self,
                           done=counted)

    # ------------------------------------------------------------------ the phone's calls
    def phone_call_recorded(self, call: PhoneCall) -> None:
        """A call that just ended on the phone: into the log and "my day" if the period
        shown holds its day (its figures are counted again on a worker)."""
        period, span = self._period, self._shown_range
        if period is None or span is None:
            return
        day = call.started_at.astimezone(self._session.client.tz).date()
        if not span[0] <= day <= span[1]:
            return
        own = OwnRecord([*period.own.phone_calls, call], period.own.pause_reasons)
        if not in_report(call, period.calls.calls):  # else the API's row is listed already
            self._window.calls.add_entry(LogEntry.of_phone(call))
        self._refigure(own)

    def refresh_own(self) -> None:
        """What tvdesk saw changed (a pause reason kept): the period's own record read
        again, and the pauses and figures with it (on a worker)."""
        store, period, span = self.data.store, self._period, self._shown_range
        if store is None or period is None or span is None:
            return
        self._refigure(lambda: store.own_record(*span))

    def _refigure(self, own) -> None:
        """The period shown again with ``own`` (an OwnRecord, or what reads one)."""
        period = self._period
        tz = self._session.client.tz

        def work() -> Period:
            record = own() if callable(own) else own
            return build_period(period.calls, period.pauses, record, tz)

        def done(job) -> None:
            if job.exception() is None and self._period is period:
                self._show_period(job.result())

        self._tasks.submit(work, owner=self, done=done)

    # ------------------------------------------------------------------ search
    def _store_opened(self, store) -> None:
        self._window.calls.history_search = True

    def _search(self, wanted: str) -> None:
        """Digits typed in the call log's search: the matches of every stored day (on a
        worker; the screen shows them if they are still what the box asks for)."""
        store = self.data.store
        if store is None:
            return

        def done(job) -> None:
            if job.exception() is None:
                self._window.calls.show_search_results(wanted, job.result())

        self._tasks.submit(store.search_log, wanted, owner=self, done=done)

    OFFLINE_RETRY_MS = 30_000

    def _retry_offline(self) -> None:
        if not self.loading:
            self.refresh()

    def _offline_notice(self) -> bool:
        """No connection, and the history database has the period:
        say what is shown and which days may be missing, and try again by ourselves."""
        store = self.data.store
        span = self._shown_range
        if store is None or span is None:
            return False
        start, end = span
        today = self._window.range_bar.today()
        missing = store.missing_ranges(CALLS, start, end, today)
        fetched = store.last_fetched(CALLS, start, end)
        if fetched is None:
            return False  # nothing stored of it: the ordinary message
        days = ", ".join(fmt_day_short(a) if a == b else
                         f"{fmt_day_short(a)}–{fmt_day_short(b)}" for a, b in missing)
        text = self.tr("Offline: showing your history as of {time}.").format(
            time=fetched.strftime("%H:%M"))
        if days:
            text += " " + self.tr("Not complete: {days}.").format(days=days)
        text += " " + self.tr("tvdesk keeps trying.")
        self._window.show_message(text, MessageKind.WARNING, action=self.tr("Try now"),
                                  source="offline")  # stays while retries fail: no flicker
        self._retry.start(self.OFFLINE_RETRY_MS)
        return True

    # ------------------------------------------------------------------ to call back
    def refresh_call_backs(self) -> None:
        """The call-back list again, from the history database (on a worker)."""
        store = self.data.store
        if store is None:
            return
        since = call_backs_since(self._window.range_bar.today())
        self._tasks.submit(store.to_call_back, since, owner=self, done=self._call_backs)

    def _call_back_days(self) -> tuple[date, date]:
        today = self._window.range_bar.today()
        return today - timedelta(days=CALL_BACK_DAYS), today

    def _fill_call_back_days(self) -> None:
        """The days the call-back list covers, fetched whatever period is on screen: its
        count is the same after a look at "Yesterday" as before (3 became 9)."""
        self.data.fill(*self._call_back_days(), skip=self._shown_range)

    def _call_backs(self, job) -> None:
        if job.exception() is not None:
            log.warning("call-back list not read: %s", type(job.exception()).__name__)
            return
        rows = job.result()
        self._window.call_backs.set_rows(rows)
        self._window.set_call_back_count(len(rows))
        self.callBacksChanged.emit(len(rows))

    def call_back_done(self, number: str) -> None:
        store = self.data.store
        if store is not None:
            self._tasks.submit(store.call_back_done, number, owner=self,
                               done=lambda _job: self.refresh_call_backs())

    def _store_problem(self, what: str) -> None:
        self._window.show_message(self.tr(
            "Your call history on this computer could not be read. It was set aside and is "
            "being rebuilt from the phone system."), MessageKind.WARNING)

    def _calls_loaded(self, report) -> None:
        self._retry.stop()
        self._window.hide_message("offline")  # back online
        self._calls = list(report.calls)
        period = self._period
        self._window.calls.finish_loading(period.log if period else
                                          [LogEntry.of_received(c) for c in report.calls])
        self._window.show_status(self.tr("Updated at {time}").format(
            time=datetime.now().strftime("%H:%M")))
        self.callsLoaded.emit(report)

    def _failed(self, exc: ApiError) -> None:
        w = self._window
        w.calls.stop_loading()
        w.show_status(self.tr("Not updated"))  # whatever the reason: not "Loading…" still
        if isinstance(exc, AuthenticationError):
            self.tokenRefused.emit(exc)
            return
        if isinstance(exc, TransportError) and self._offline_notice():
            return
        w.show_message(describe(exc, self._session.base_url), MessageKind.ERROR, retry=True)

    def _cancelled(self) -> None:
        w = self._window
        w.calls.stop_loading()
        w.show_status(self.tr("Loading cancelled"))
        if self._keep:
            text = self.tr("Loading was cancelled: the list is as it was before.")
        else:
            text = self.tr("Loading was cancelled: the list shows only what had arrived.")
        w.show_message(text, MessageKind.WARNING, retry=True)

    # ------------------------------------------------------------------ automatic refresh
    def _auto_refresh(self) -> None:
        if not self.data.loading and self._window.isVisible():
            self.refresh()

    # ------------------------------------------------------------------ keeping
    def ask_forget(self, parent) -> QMessageBox:
        """"Forget my history": asked first (Cancel by default)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Forget my history"),
                          self.tr("Delete the call history kept on this computer: the calls "
                                  "you made, the list to call back and the stored reports? "
                                  "The phone system's own reports are not touched."),
                          QMessageBox.StandardButton.Cancel, parent)
        forget = box.addButton(self.tr("Forget"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: box.clickedButton() is forget and self._forget())
        self.forget_box = box
        box.open()
        return box

    def _forget(self) -> None:
        store = self.data.store
        if store is None:
            return
        self.cancel()

        def done(job) -> None:
            if job.exception() is not None:
                log.warning("history not forgotten: %s", type(job.exception()).__name__)
                return
            self._window.show_status(self.tr("Your call history on this computer was "
                                             "forgotten."), 10)
            self._shown_range = None  # the screens fill again from the phone system
            self.refresh()

        self._tasks.submit(store.forget, owner=self, done=done)

    def _settings_changed(self, names: frozenset) -> None:
        store = self.data.store
        if "history_days" in names and store is not None:
            self._tasks.submit(store.apply_retention, self._settings.current.history_days,
                               self._window.range_bar.today())
        if "refresh_minutes" in names:
            self._follow_refresh_minutes()

    def _follow_refresh_minutes(self) -> None:
        minutes = self._settings.current.refresh_minutes
        self.auto_refresh.stop()
        if minutes > 0:
            self.auto_refresh.start(minutes * 60_000)
