"""Fetch every row of a paged report.

The vendor documents ``posicao`` as a 0-based offset but also says the second page of 350
rows starts at ``posicao`` 201. Pages are requested at 0, step, 2*step… and rows are
de-duplicated by key, so that either server behaviour neither loses nor repeats a row. The
step is the page size the server really used (a server may cap ``limite`` below what was
asked). Once the first page gives ``total``, the other pages are fetched concurrently with a
bounded number in flight; without ``total`` pages are read one by one until a short page.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Protocol

from tvdesk.core.api.errors import CancelledError
from tvdesk.core.models import ReportPage

MAX_PAGE_SIZE = 200
_CANCEL_POLL_S = 0.05


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class PageProgress:
    """Reported after each page: counts so far and the page's new (de-duplicated) rows."""

    pages_done: int
    pages_total: int | None
    rows_done: int
    rows_total: int | None
    new_rows: list[Any]


@dataclass(frozen=True, slots=True)
class PagedResult:
    rows: list[Any]
    first_page: ReportPage
    pages_fetched: int


FetchPage = Callable[[int, int], ReportPage]  # (posicao, limite) -> page


def fetch_all_pages(
    fetch_page: FetchPage,
    key: Callable[[Any], Hashable],
    *,
    page_size: int = MAX_PAGE_SIZE,
    max_in_flight: int = 6,
    progress: Callable[[PageProgress], None] | None = None,
    cancel: CancelFlag | None = None,
) -> PagedResult:
    """Every row of a report, in server order, each once.

    ``progress`` is called on the calling thread; ``cancel.is_set()`` is polled between
    pages and while pages are in flight, and ends the fetch with :class:`CancelledError`.
    """
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    seen: set[Hashable] = set()
    rows: list[Any] = []
    positions: list[int] = []  # where the server had each row: rows end in server order

    def absorb(page: ReportPage, offset: int) -> list[Any]:
        fresh = []
        for index, row in enumerate(page.rows):
            k = key(row)
            if k not in seen:
                seen.add(k)
                fresh.append(row)
                positions.append(offset + index)
        rows.extend(fresh)
        return fresh

    def result() -> PagedResult:
        if any(a > b for a, b in itertools.pairwise(positions)):
            order = sorted(range(len(rows)), key=positions.__getitem__)
            rows[:] = [rows[i] for i in order]
        return PagedResult(rows, first, pages_done)

    def check_cancel() -> None:
        if cancel is not None and cancel.is_set():
            raise CancelledError()

    check_cancel()
    first = fetch_page(0, page_size)
    fresh = absorb(first, 0)
    total = first.total
    # the step is what the server actually served per page, never more than asked
    served = first.limite if first.limite and first.limite > 0 else page_size
    step = min(page_size, served)
    if total is not None and len(first.rows) < total and 0 < len(first.rows) < step:
        step = len(first.rows)

    pages_total = math.ceil(total / step) if total else (1 if total == 0 else None)
    pages_done = 1
    if progress:
        progress(PageProgress(pages_done, pages_total, len(rows), total, fresh))

    def fetch_one(offset: int) -> ReportPage:
        nonlocal pages_done
        check_cancel()
        page = fetch_page(offset, page_size)
        new = absorb(page, offset)
        pages_done += 1
        if progress:
            shown_total = None if total is None else max(pages_done, pages_total or 0)
            progress(PageProgress(pages_done, shown_total, len(rows), total, new))
        return page

    if total is None:
        # No total (the ramal list): one page at a time, advancing by the rows each page
        # really had, until an empty page or one shorter than the server's page size.
        offset, biggest, last = len(first.rows), len(first.rows), first
        while last.rows:
            before = len(rows)
            last = fetch_one(offset)
            if len(rows) == before or len(last.rows) < biggest:
                break
            biggest = max(biggest, len(last.rows))
            offset += len(last.rows)
        return result()

    offsets = list(range(step, total, step))
    pages_done += _fetch_concurrently(
        fetch_page, offsets, page_size, max_in_flight, absorb, check_cancel,
        lambda done, fresh_rows: progress and progress(
            PageProgress(done + 1, pages_total, len(rows), total, fresh_rows)
        ),
    )

    # The planned pages did not deliver `total` rows. Under the seed's 1-based reading the
    # last row sits one page past the plan when total is a multiple of the page size: read
    # there first. Then, for a server that paged inconsistently, crawl from the start,
    # advancing by the rows each page really had, until complete or past the end.
    if len(rows) < total:
        fetch_one(offsets[-1] + step if offsets else step)
    offset = len(first.rows)
    while len(rows) < total and 0 < offset < total + step:
        page = fetch_one(offset)
        if not page.rows:
            break
        offset += len(page.rows)
    return result()


def _fetch_concurrently(fetch_page, offsets, page_size, max_in_flight, absorb, check_cancel,
                        on_page) -> int:
    """Fetch ``offsets`` with at most ``max_in_flight`` requests; absorb pages in offset order.

    Pages are absorbed in order (a finished later page waits for the earlier ones) so that the
    rows come out in the server's order and progress always reports a prefix.
    """
    if not offsets:
        return 0
    executor = ThreadPoolExecutor(max_workers=max(1, max_in_flight),
                                  thread_name_prefix="tvdesk-page")
    futures: dict[int, Future] = {}
    done_count = 0
    try:
        for off in offsets:
            futures[off] = executor.submit(fetch_page, off, page_size)
        next_index = 0
        pending = set(futures.values())
        while next_index < len(offsets):
            check_cancel()
            head = futures[offsets[next_index]]
            if not head.done():
                finished, pending = wait(pending, timeout=_CANCEL_POLL_S,
                                         return_when=FIRST_COMPLETED)
                # an error anywhere ends the report now, not after the pages before it
                for fut in finished:
                    if fut.exception() is not None:
                        raise fut.exception()
                continue
            pending.discard(head)
            fresh = absorb(head.result(), offsets[next_index])
            done_count += 1
            next_index += 1
            on_page(done_count, fresh)
        return done_count
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
