"""Background work: the one way screens run blocking calls off the GUI thread.

A coroutine awaits :meth:`Background.run`; the call runs in a thread pool; progress
callbacks made on the worker thread are relayed to the GUI thread. Cancellation is a
``threading.Event`` the call polls (the API client's reports do).

asyncio and the thread pool are brought in on first use: the first window is on screen
before either is needed.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Background:
    def __init__(self, max_workers: int = 4) -> None:
        self._max_workers = max_workers
        self._executor = None
        self._flags: set[threading.Event] = set()

    @property
    def executor(self):
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=self._max_workers,
                                                thread_name_prefix="tvdesk-bg")
        return self._executor

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        import asyncio

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(fn, *args, **kwargs))

    @staticmethod
    def relay(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """Wrap a GUI-thread callback so a worker thread may call it."""
        import asyncio

        loop = asyncio.get_running_loop()

        def from_worker(value: Any) -> None:
            loop.call_soon_threadsafe(callback, value)

        return from_worker

    def cancel_flag(self) -> threading.Event:
        flag = threading.Event()
        self._flags.add(flag)
        return flag

    def release(self, flag: threading.Event) -> None:
        self._flags.discard(flag)

    def shutdown(self) -> None:
        """Cancel what can be cancelled; calls in flight end by their own timeouts."""
        for flag in list(self._flags):
            flag.set()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
