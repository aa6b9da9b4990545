"""Fetch 10,000 received calls (50 pages of 200) with 40 ms of latency per request.

Prints tvdesk's time, a plain sequential page-by-page fetch measured in the same run, and
the floor ``ceil(pages / concurrency) x latency``. Targets: within 1.3x of the floor and at
least 4x faster than sequential.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _simproc import simulator_process

from tvdesk.core.api import TotalVoiceClient
from tvdesk.core.dates import local_range

TOKEN = "bench-token"
ANCHOR = date(2026, 10, 31)
START = date(2026, 7, 4)  # 120 days up to the anchor
RAMAL_ID = 1234


def sequential(base: str) -> tuple[float, int]:
    """The baseline: one page after the other with a plain requests session."""
    data_inicio, data_fim = local_range(START, ANCHOR)
    rows = 0
    started = time.perf_counter()
    with requests.Session() as s:
        s.headers["Access-Token"] = TOKEN
        posicao, total = 0, None
        while total is None or posicao < total:
            body = s.get(f"{base}/ramal/{RAMAL_ID}/relatorio", timeout=30, params={
                "data_inicio": data_inicio, "data_fim": data_fim,
                "posicao": posicao, "limite": 200}).json()
            page = body["dados"]
            total = page["total"]
            rows += len(page["relatorio"])
            posicao += 200
    return time.perf_counter() - started, rows


def tvdesk(base: str, concurrency: int) -> tuple[float, int]:
    with TotalVoiceClient(TOKEN, base, max_in_flight=concurrency) as client:
        started = time.perf_counter()
        report = client.received_calls(RAMAL_ID, START, ANCHOR)
        return time.perf_counter() - started, report.total


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--latency-ms", type=int, default=40)
    p.add_argument("--concurrency", type=int, default=6)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    latency = args.latency_ms / 1000
    with simulator_process("--calls-per-ramal", "10000", "--days", "120",
                           "--anchor", ANCHOR.isoformat(), "--latency-ms",
                           str(args.latency_ms)) as base:
        tvdesk(base, args.concurrency)  # warm-up: connections, imports, caches
        ours = [tvdesk(base, args.concurrency) for _ in range(args.runs)]
        seq = [sequential(base) for _ in range(2)]
    rows = {n for _, n in ours} | {n for _, n in seq}
    pages = math.ceil(10_000 / 200)
    floor = math.ceil(pages / args.concurrency) * latency
    t_ours = statistics.median(t for t, _ in ours)
    t_seq = statistics.median(t for t, _ in seq)
    vs_floor, speedup = t_ours / floor, t_seq / t_ours
    print(f"rows fetched            : {sorted(rows)} (expected [10000])")
    print(f"pages x latency         : {pages} x {args.latency_ms} ms, "
          f"concurrency {args.concurrency}")
    print(f"tvdesk (median of {args.runs})    : {t_ours * 1000:7.0f} ms  "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t, _ in ours)})")
    print(f"sequential baseline     : {t_seq * 1000:7.0f} ms")
    print(f"floor ceil(p/c) x lat   : {floor * 1000:7.0f} ms")
    print(f"tvdesk / floor          : {vs_floor:7.2f}x  (target <= 1.30)  "
          f"{'OK' if vs_floor <= 1.3 else 'MISSED'}")
    print(f"sequential / tvdesk     : {speedup:7.2f}x  (target >= 4.00)  "
          f"{'OK' if speedup >= 4 else 'MISSED'}")
    return 0 if rows == {10_000} else 1


if __name__ == "__main__":
    sys.exit(main())
