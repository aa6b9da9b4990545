"""Reports: every row once, under either reading of ``posicao``, concurrently, cancellable."""

import threading
import time
from datetime import timedelta

import pytest

from tests.helpers.simulator import AGENT_ID, ANCHOR, make_client, make_sim
from tvdesk.core.api import CancelledError
from tvdesk.core.api.paging import fetch_all_pages
from tvdesk.core.models import ReportPage
from tvdesk.simulator.store import DataSpec

PAGING_MODES = ["offset", "seed"]


def report_requests(sim):
    return [r for r in sim.requests_log() if r["path"].endswith("/relatorio")]


@pytest.fixture(scope="module")
def sim_350():
    sim = make_sim(data=DataSpec(seed=3, calls_per_ramal=350, days=30, anchor=ANCHOR))
    yield sim
    sim.stop()


@pytest.fixture(scope="module")
def sim_10k():
    sim = make_sim(data=DataSpec(seed=5, calls_per_ramal=10_000, days=120, anchor=ANCHOR))
    yield sim
    sim.stop()


@pytest.mark.parametrize("mode", PAGING_MODES)
def test_the_seeds_350_rows_example(sim_350, mode):
    sim_350.paging = mode
    with make_client(sim_350) as client:
        report = client.received_calls(AGENT_ID, ANCHOR - timedelta(days=29), ANCHOR)
    truth = [c.id for c in sim_350.store.calls[AGENT_ID]]
    assert len(truth) == 350
    assert [c.id for c in report.calls] == truth  # every row, once, in order
    posicoes = sorted(int(r["query"]["posicao"]) for r in report_requests(sim_350)[-2:])
    assert posicoes == [0, 200]
    assert all(r["query"]["limite"] == "200" for r in report_requests(sim_350))


@pytest.mark.parametrize("mode", PAGING_MODES)
def test_ten_thousand_rows(sim_10k, mode):
    sim_10k.paging = mode
    before = len(report_requests(sim_10k))
    pages = []
    with make_client(sim_10k, max_in_flight=6) as client:
        report = client.received_calls(AGENT_ID, ANCHOR - timedelta(days=119), ANCHOR,
                                       progress=pages.append)
    truth = [c.id for c in sim_10k.store.calls[AGENT_ID]]
    assert len(truth) == 10_000
    ids = [c.id for c in report.calls]
    assert len(ids) == len(set(ids)) == 10_000
    assert ids == truth
    # 50 pages; under the seed's 1-based reading the last row is one page further
    assert len(report_requests(sim_10k)) - before == (50 if mode == "offset" else 51)
    # progress: one report per page, counting up to the total, rows in order
    assert [p.pages_done for p in pages][:50] == list(range(1, 51))
    assert {p.pages_total for p in pages[:50]} == {50}
    assert pages[-1].rows_done == pages[-1].rows_total == 10_000
    assert [c.id for p in pages for c in p.new_rows] == truth


def test_pages_after_the_first_are_fetched_concurrently_and_bounded(sim_10k):
    sim_10k.paging = "offset"
    sim_10k.peak_inflight = 0
    fault = sim_10k.add_fault("latency", latency_ms=40)
    try:
        with make_client(sim_10k, max_in_flight=4) as client:
            client.received_calls(AGENT_ID, ANCHOR - timedelta(days=119), ANCHOR)
    finally:
        sim_10k.faults.clear(fault.id)
    # seen from the server: four pages at once, never more
    assert sim_10k.peak_inflight == 4


def test_cancellation_stops_a_long_report(sim_10k):
    sim_10k.paging = "offset"
    fault = sim_10k.add_fault("latency", latency_ms=100)
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p)
        if p.pages_done == 3:
            cancel.set()

    before = len(report_requests(sim_10k))
    try:
        with make_client(sim_10k, max_in_flight=2) as client:
            with pytest.raises(CancelledError):
                client.received_calls(AGENT_ID, ANCHOR - timedelta(days=119), ANCHOR,
                                      progress=progress, cancel=cancel)
            time.sleep(0.3)  # pages in flight at the cancel finish; no new ones start
    finally:
        sim_10k.faults.clear(fault.id)
    assert [p.pages_done for p in seen] == [1, 2, 3]
    # of the 50 pages, only those done or in flight when the cancel came were requested
    assert len(report_requests(sim_10k)) - before <= 3 + 2


def test_cancel_before_the_first_page(client):
    flag = threading.Event()
    flag.set()
    with pytest.raises(CancelledError):
        client.received_calls(AGENT_ID, ANCHOR, ANCHOR, cancel=flag)


def test_pause_reports_page_too(sim_10k):
    with make_client(sim_10k) as client:
        report = client.pauses(AGENT_ID, ANCHOR - timedelta(days=119), ANCHOR)
    truth = sim_10k.store.pauses[AGENT_ID]
    assert report.total == len(truth) > 200  # several pages
    assert [p.start for p in report.pauses] == [p.start for p in truth]


def test_ramal_list_without_total_is_read_to_the_short_page():
    sim = make_sim(data=DataSpec(seed=1, calls_per_ramal=0, days=5, anchor=ANCHOR,
                                 extra_agents=250))
    try:
        with make_client(sim) as client:
            ramais = client.list_ramais()
        assert len(ramais) == len(sim.store.ramais) == 259
        assert len({r.id for r in ramais}) == 259
        assert len([r for r in sim.requests_log() if "relatorio" in r["path"]]) == 2
    finally:
        sim.stop()


def test_an_error_on_any_page_fails_the_report(sim_10k):
    sim_10k.paging = "offset"
    fault = sim_10k.add_fault("server_error", path="/relatorio")
    try:
        with make_client(sim_10k, retries=0) as client, pytest.raises(Exception) as info:
            client.received_calls(AGENT_ID, ANCHOR - timedelta(days=119), ANCHOR)
    finally:
        sim_10k.faults.clear(fault.id)
    from tvdesk.core.api import ServerError

    assert isinstance(info.value, ServerError)


# --------------------------------------------------------------------- other servers
class FakeServer:
    """A report source with a chosen paging behaviour, to pin the pager's rules."""

    def __init__(self, n, *, cap=200, one_based=False, with_total=True, lie_total=None):
        self.rows = list(range(1, n + 1))
        self.cap, self.one_based, self.with_total = cap, one_based, with_total
        self.lie_total = lie_total
        self.calls = []

    def __call__(self, posicao, limite):
        self.calls.append(posicao)
        limite = min(limite, self.cap)
        start = max(posicao - 1, 0) if self.one_based else posicao
        total = self.lie_total if self.lie_total is not None else len(self.rows)
        return ReportPage(self.rows[start:start + limite], total if self.with_total else None,
                          posicao, limite if self.with_total else None)


@pytest.mark.parametrize("n", [0, 1, 199, 200, 201, 350, 400, 401, 1000])
@pytest.mark.parametrize("one_based", [False, True])
@pytest.mark.parametrize("cap", [200, 100, 37])
@pytest.mark.parametrize("with_total", [True, False])
def test_pager_reads_every_row_once(n, one_based, cap, with_total):
    server = FakeServer(n, cap=cap, one_based=one_based, with_total=with_total)
    result = fetch_all_pages(server, key=lambda r: r, max_in_flight=3)
    assert result.rows == server.rows


def test_pager_fills_gaps_when_the_server_pages_inconsistently():
    """First page 200 rows, later pages silently capped at 100: rows 301-400 would be lost."""
    server = FakeServer(500)

    def fetch(posicao, limite):
        return server(posicao, limite if posicao == 0 else min(limite, 100))

    result = fetch_all_pages(fetch, key=lambda r: r)
    assert result.rows == server.rows
    assert len(server.calls) > 3  # the planned pages, then the gap-filling crawl


def test_pager_without_total_makes_one_probe_after_a_short_first_page():
    server = FakeServer(9, with_total=False)
    assert fetch_all_pages(server, key=lambda r: r).rows == server.rows
    assert server.calls == [0, 9]
