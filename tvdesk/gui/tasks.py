"""The one way work leaves the GUI thread, and the one place an unexpected error ends up.

Screens never block the GUI thread and never make threads of their own: they use
:class:`Tasks` (one per app), as Anki's screens use its operations.

- ``await tasks.run(fn, *args)``: a blocking call on a worker, awaited by a coroutine;
- ``tasks.submit(fn, *args, owner=w, done=cb)``: a blocking call whose result reaches
  ``cb(future)`` on the GUI thread, dropped if ``w`` is gone meanwhile; it needs no asyncio
  event loop, so the start-up uses it before one exists;
- ``tasks.spawn(coro, owner=w)``: a coroutine run on the event loop, cancelled when ``w``
  goes; its unexpected exception reaches the error hook instead of vanishing.

The error hook (:func:`install_error_hook`) takes ``sys.excepthook`` (exceptions in Qt slots
land there) and the event loop's exception handler: an unexpected error is logged (through
the log's redaction) and the agent is told, in their language, that tvdesk keeps running.

The thread pool is private to this module: a lint rule (ruff's TID251) bans
``ThreadPoolExecutor``, ``asyncio.ensure_future`` and ``qasync.asyncSlot`` elsewhere.
asyncio and the pool are brought in on first use: the first window shows before either.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import logging
import sys
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from tvdesk.gui.lifetime import alive

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

T = TypeVar("T")


class _GuiThread(QObject):
    """Runs callables on the thread it was made on (the GUI thread): emitted from a worker,
    the call is queued there; emitted on the GUI thread, it runs at once."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:
            report_unexpected(exc)


class Tasks:
    """The app's worker threads and its running coroutines. Make it on the GUI thread."""

    def __init__(self, max_workers: int = 4) -> None:
        self._max_workers = max_workers
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._gui = _GuiThread()
        self._flags: set[threading.Event] = set()
        self._running: set[asyncio.Task] = set()  # a task nobody references may be collected
        self._closed = False

    # ------------------------------------------------------------------ blocking calls
    def _pool(self) -> concurrent.futures.ThreadPoolExecutor:
        if self._executor is None:
            self._executor = concurrent.futures.ThreadPoolExecutor(
                max_workers=self._max_workers, thread_name_prefix="tvdesk-task")
        return self._executor

    def submit(self, fn: Callable[..., T], *args: Any, owner: QObject | None = None,
               done: Callable[[concurrent.futures.Future[T]], None] | None = None,
               **kwargs: Any) -> concurrent.futures.Future[T]:
        """Run ``fn`` on a worker now. ``done(future)`` follows on the GUI thread (see
        :meth:`on_done`). Usable before the event loop exists."""
        future = self._pool().submit(fn, *args, **kwargs)
        if done is not None:
            self.on_done(future, done, owner=owner)
        return future

    def on_done(self, future: concurrent.futures.Future[T],
                done: Callable[[concurrent.futures.Future[T]], None], *,
                owner: QObject | None = None) -> None:
        """``done(future)`` on the GUI thread once ``future`` has finished: at once if it
        already has, else when it does; not at all if ``owner`` was deleted meanwhile."""

        def deliver() -> None:
            if owner is None or alive(owner):
                done(future)

        def finished(_future: concurrent.futures.Future) -> None:
            if threading.current_thread() is threading.main_thread():
                deliver()
            elif not self._closed:
                with contextlib.suppress(RuntimeError):  # the app is going: nobody to tell
                    self._gui.call.emit(deliver)

        future.add_done_callback(finished)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Await a blocking call made on a worker."""
        import asyncio

        return await asyncio.wrap_future(self._pool().submit(fn, *args, **kwargs))

    def relay(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """``callback`` made safe to call from a worker: it runs on the GUI thread."""

        def from_worker(value: Any) -> None:
            if not self._closed:
                self._gui.call.emit(functools.partial(callback, value))

        return from_worker

    # ------------------------------------------------------------------ coroutines
    def spawn(self, coro: Coroutine[Any, Any, T] | Awaitable[T], *,
              owner: QObject | None = None) -> asyncio.Task[T]:
        """Run a coroutine on the event loop. It is cancelled if ``owner`` is deleted; an
        exception it does not handle reaches the error hook."""
        import asyncio

        task = asyncio.ensure_future(coro)
        self._running.add(task)
        cancel = None
        if owner is not None:
            def cancel(*_args) -> None:
                task.cancel()

            owner.destroyed.connect(cancel)

        def finished(t: asyncio.Task) -> None:
            self._running.discard(t)
            if cancel is not None and alive(owner):
                with contextlib.suppress(RuntimeError, TypeError):
                    owner.destroyed.disconnect(cancel)
            if not t.cancelled() and t.exception() is not None:
                report_unexpected(t.exception())

        task.add_done_callback(finished)
        return task

    # ------------------------------------------------------------------ cancelling
    def cancel_flag(self) -> threading.Event:
        """A flag a long call polls (the API client's reports do); set at shutdown."""
        flag = threading.Event()
        self._flags.add(flag)
        return flag

    def release(self, flag: threading.Event) -> None:
        self._flags.discard(flag)

    def shutdown(self) -> None:
        """Cancel what can be cancelled; calls in flight end by their own timeouts."""
        self._closed = True
        for flag in list(self._flags):
            flag.set()
        for task in list(self._running):
            task.cancel()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------------------- the error hook
_listeners: list[Callable[[BaseException], None]] = []


def unexpected_text(exc: BaseException) -> str:
    """What the agent reads: no exception text (it could carry anything), only its kind."""
    return QCoreApplication.translate(
        "Tasks", "Something unexpected went wrong inside tvdesk ({error}). tvdesk keeps "
                 "running; if this happens again, restart it when you are not on a call.").format(
        error=type(exc).__name__)


def report_unexpected(exc: BaseException) -> None:
    """An error no code expected: logged with its traceback, then every listener hears of it
    (the app shows the agent a message)."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    for listener in list(_listeners):
        try:
            listener(exc)
        except Exception:  # a listener that fails must not hide the first error
            log.exception("error listener failed")


def add_error_listener(listener: Callable[[BaseException], None]) -> Callable[[], None]:
    """Hear of every unexpected error; returns the function that stops it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def install_error_hook() -> None:
    """Unexpected errors in Qt slots (``sys.excepthook``) go to :func:`report_unexpected`;
    :func:`attach_loop` does the same for the event loop once it exists."""

    def hook(kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        report_unexpected(exc if exc is not None else kind())

    sys.excepthook = hook


def attach_loop(loop) -> None:
    """The event loop's unhandled errors (callbacks, tasks nobody awaited) reach the hook."""

    def handler(_loop, context: dict) -> None:
        exc = context.get("exception")
        if exc is None:
            log.error("event loop: %s", context.get("message", "unknown problem"))
            return
        report_unexpected(exc)

    loop.set_exception_handler(handler)
