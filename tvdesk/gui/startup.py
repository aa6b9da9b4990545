"""The start of an agent's day, in order: the window and the phone at once, the phone first,
then the sign-in, then the history.

1. **The early phone.** When the extension is known before the sign-in (the demo's, or a
   remembered agent's), the main window shows at once ("connecting") and the webphone starts
   on a line made on a worker (the simulator, or the token from the keyring, first); its
   first URL may already be on its way from a helper process (``url_prefetch``).
2. **Phone first.** QtWebEngine's browser side runs on the GUI thread: the phone connects
   soonest with that thread idle. So until it is connected (or has failed, or
   :data:`PHONE_FIRST_SECONDS` have passed) only Qt's own event loop runs
   (:class:`PhoneFirst`, before asyncio is even imported), and the sign-in waits too.
3. **The sign-in**, on the early line's client, then the window fills in.
4. **The first-load gate.** A phone that only starts at the sign-in gets the same head
   start: the history loads once it is connected, or after the same time.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication

from tvdesk.core.credentials import KeyringLockedError, KeyringUnavailableError
from tvdesk.gui.tasks import Tasks

if TYPE_CHECKING:
    from tvdesk.core.webphone.url_prefetch import UrlPrefetch
    from tvdesk.gui.controller import AppController
    from tvdesk.gui.demo import Demo
    from tvdesk.gui.webphone.dock import PhoneDock

#: how long the rest of the start waits for the webphone to connect
PHONE_FIRST_SECONDS = 1.5
#: how long it waits for the stored history to be on screen (a local read: milliseconds)
STORED_FIRST_SECONDS = 0.3
#: how long the window's first paint may wait for it
STORED_WAIT_SECONDS = 0.05


def _open_line(*args, **kw):
    from tvdesk.core.session import open_line  # the HTTP client: imported on the worker

    return open_line(*args, **kw)


def _remembered_line(credentials, base_url: str, extension: str, extension_id: int | None,
                     **client_kw):
    """On a worker: the remembered token and a line for it; (None, None) without one,
    (token, None) for a token that cannot be used (the sign-in says why)."""
    token = credentials.load(base_url)
    if not token:
        return None, None
    try:
        return token, _open_line(token, base_url, extension, extension_id, **client_kw)
    except ValueError:
        return token, None


def _request_for(settings):
    from tvdesk.core.webphone.url_prefetch import request_for  # (subprocess: only if used)

    return request_for(settings)


class EarlyLine:
    """An early start's ``(first, line)``: the demo or the remembered token, and the phone's
    line; made on a worker when first needed, by the phone for its URL or by the sign-in."""

    def __init__(self, tasks: Tasks, make: Callable) -> None:
        self._tasks = tasks
        self._make = make
        self._job: concurrent.futures.Future | None = None
        self._lock = threading.Lock()  # the phone asks from a worker

    def job(self) -> concurrent.futures.Future:
        with self._lock:
            if self._job is None:
                self._job = self._tasks.submit(self._make)
            return self._job

    def line(self):
        """The phone's line (blocks: on a worker)."""
        try:
            line = self.job().result()[1]
        except KeyringUnavailableError:
            line = None
        if line is None:
            raise ValueError("no usable token")
        return line

    def close(self) -> None:
        """Not needed after all: its client closes once made."""
        with self._lock:
            job = self._job
        if job is not None:
            job.add_done_callback(_close_line)


def _close_line(job: concurrent.futures.Future) -> None:
    with contextlib.suppress(Exception):
        line = job.result()[1]
        if line is not None:
            line.client.close()


class Startup:
    """Runs steps 1-3 for the app's controller (whose intent methods it uses)."""

    def __init__(self, controller: AppController, *, demo_source=None,
                 url_prefetch: UrlPrefetch | None = None) -> None:
        self._app = controller
        self._demo_source = demo_source
        self.demo: Demo | None = demo_source if _is_demo(demo_source) else None
        self._url_prefetch = url_prefetch
        self._early: EarlyLine | None = None
        self._phone_first_until = 0.0  # monotonic time until which the start waits for it
        self._preview_pending = False  # the stored preview is being read
        self._preview_waiter: Callable[[], None] | None = None

    def begin(self) -> None:
        """Step 1, before the event loop exists: with the extension known, the window shows
        ("connecting") and the phone starts."""
        if self._early is not None:
            return
        app = self._app
        prefetch, self._url_prefetch = self._url_prefetch, None
        opts = app.flow.client_options
        s = app.settings.current
        if self._demo_source is not None:
            def make_line():  # the simulator, then a line to it
                demo = self.demo if self.demo is not None else self._demo_source()
                return demo, _open_line(demo.token, demo.base_url, demo.extension, **opts)
        elif s.remember and s.ramal:
            make_line = functools.partial(_remembered_line, app.credentials, s.base_url,
                                          s.ramal, s.ramal_id, **opts)
        else:
            make_line = None
        if prefetch is not None and (make_line is None or self._demo_source is not None or
                                     prefetch.request != _request_for(s)):
            prefetch.cancel()  # not this start's URL
            prefetch = None
        if make_line is None:
            return
        dock = app.open_main_window()
        if self._demo_source is None:
            app.main_window.show_remembered_extension(s.ramal)
        # (read once the window is made: a worker importing and reading meanwhile would
        # take the interpreter from the window's making)
        preview = self._preview_stored(s, opts.get("tz")) if self._demo_source is None \
            else None
        if preview is not None:
            # a local read, nearly always done by now: the window's first paint has the
            # agent's rows (a slow disk delays that paint by STORED_WAIT_SECONDS at most)
            with contextlib.suppress(concurrent.futures.TimeoutError):
                preview.result(timeout=STORED_WAIT_SECONDS)
            if preview.done():
                self._preview_done(preview)
        early = self._early = EarlyLine(app.tasks, make_line)
        if prefetch is None:
            early.job()  # the phone's URL needs the line: it is made now
        if s.webphone_autostart:
            dock.start(early.line, url_prefetch=prefetch)
            self._phone_first_until = time.monotonic() + PHONE_FIRST_SECONDS
            app.dialer.flush()  # a dial from the command line goes to the phone now

    def _preview_stored(self, settings, tz) -> concurrent.futures.Future | None:
        """The remembered agent's last period from the history database, on screen before
        the sign-in (see ``stored_preview``; read on a worker, modules and all)."""
        from datetime import date

        from tvdesk.gui.widgets.range_bar import preset_range

        span = preset_range(settings.range_preset, self._app.today or date.today())
        if span is None:  # a custom period: the window knows it (restored), not the preset
            return None

        def read():
            from tvdesk.core.history_store.days import call_backs_since
            from tvdesk.core.settings import data_dir
            from tvdesk.gui.stored_preview import read_remembered

            return read_remembered(settings, data_dir(), *span, tz,
                                   call_backs_since(self._app.today or date.today()))

        self._preview_pending = True
        self._preview_span = (settings.range_preset, span)
        return self._app.tasks.submit(read, done=self._preview_done)

    def _preview_done(self, job: concurrent.futures.Future) -> None:
        """The stored preview read: on screen (once: at the window's first paint, or when
        the event loop delivers it)."""
        from tvdesk.gui.stored_preview import show_preview

        if not self._preview_pending:
            return
        self._preview_pending = False
        window = self._app.main_window
        preset, span = self._preview_span
        if job.exception() is None and window is not None:
            window.range_bar.set_preset(preset)
            if window.range_bar.range() == span:
                show_preview(window, span, job.result())
        waiter, self._preview_waiter = self._preview_waiter, None
        if waiter is not None:
            waiter()

    def stored_first(self, then: Callable[[], None]) -> bool:
        """Whether the stored preview is still being read; if so ``then()`` follows it."""
        if self._preview_pending:
            self._preview_waiter = then
        return self._preview_pending

    def phone_first(self) -> tuple[PhoneDock | None, float]:
        """The phone the start waits for, and how many more seconds it waits for it to
        connect; ``(None, 0.0)`` when nothing waits for it."""
        dock = self._app.dock
        if dock is None or dock.controller is None or not self._phone_first_until:
            return None, 0.0
        return dock, max(0.0, self._phone_first_until - time.monotonic())

    async def run(self) -> None:
        """Steps 2-3, on the event loop."""
        import asyncio

        app = self._app
        self.begin()
        early = self._early
        if early is not None:
            window = app.main_window
            dock, seconds = self.phone_first()
            if dock is not None:
                self._phone_first_until = 0.0
                await dock.controller.settled(seconds)
                if app.main_window is not window:  # closed meanwhile (sign-out, quit)
                    early.close()
                    return
            locked = None
            try:
                first, line = await asyncio.wrap_future(early.job())
            except KeyringLockedError as exc:
                first, line, locked = None, None, exc
            except KeyringUnavailableError:
                first, line = None, None
            if self._demo_source is not None:
                self.demo = demo = first
                await app.flow.sign_in(demo.token, demo.base_url, demo.extension,
                                       remember=False, client=line.client)
                return
            s = app.settings.current
            if first:  # the remembered token (an unreachable API: the window stays)
                await app.flow.sign_in_remembered(first, s.base_url, s.ramal,
                                                  client=line and line.client)
                return
            app.close_main_window()  # no token after all: the agent signs in
            if locked is not None:  # not "no keyring": unlocking it brings the token back
                from tvdesk.gui.messages import describe

                app.flow.show_sign_in().show_notice(describe(locked))
                return
        app.flow.show_sign_in()
        await app.flow.say_if_no_keyring()


def _is_demo(source) -> bool:
    from tvdesk.gui.demo import Demo

    return isinstance(source, Demo)


def load_after_phone(dock: PhoneDock, load: Callable[[], None], owner: QObject) -> None:
    """Step 4: ``load()`` once the phone that is loading now has connected or failed, or
    after :data:`PHONE_FIRST_SECONDS`; at once if it is not loading."""
    if not dock.is_loading():
        load()
        return
    done = []

    def once() -> None:
        if not done:
            done.append(True)
            timer.stop()
            with contextlib.suppress(RuntimeError, TypeError):
                dock.stateChanged.disconnect(changed)
            load()

    def changed() -> None:
        if not dock.is_loading():
            once()

    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(once)
    timer.start(int(PHONE_FIRST_SECONDS * 1000))
    dock.stateChanged.connect(changed)


class PhoneFirst:
    """Step 2 before asyncio: Qt's own event loop runs alone until the early phone has
    connected or failed, or the time is up; then until the stored history is on screen
    (:data:`STORED_FIRST_SECONDS` at most). Qt quits neither for ``quit()`` nor for a closed
    last window outside ``QApplication.exec()``: :meth:`quit` and :meth:`run`'s result say
    so."""

    def __init__(self, startup: Startup, controller: AppController) -> None:
        self._startup = startup
        self._app = controller
        self.loop: QEventLoop | None = None
        self.quit_requested = False

    def run(self) -> bool:
        """False if tvdesk should end now (quit, or its window closed, meanwhile)."""
        dock, seconds = self._startup.phone_first()
        if dock is not None and seconds > 0:
            self.loop = QEventLoop()

            def changed() -> None:
                if not dock.is_loading():
                    self.loop.quit()

            dock.stateChanged.connect(changed)
            QTimer.singleShot(int(seconds * 1000), self.loop.quit)
            changed()
            self.loop.exec()
            self.loop = None
            dock.stateChanged.disconnect(changed)
        loop = QEventLoop()
        if not self.quit_requested and self._startup.stored_first(loop.quit):
            # the agent's stored rows before asyncio and the sign-in: a local read
            self.loop = loop
            QTimer.singleShot(int(STORED_FIRST_SECONDS * 1000), loop.quit)
            loop.exec()
            self.loop = None
        window = self._app.main_window
        return not self.quit_requested and (window is None or window.isVisible())

    def quit(self) -> None:
        if self.loop is None:
            QApplication.quit()
        else:
            self.quit_requested = True
            self.loop.quit()
