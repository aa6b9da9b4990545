"""``tvdesk-sim``: run the TotalVoice simulator on loopback."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from datetime import date

from tvdesk import __version__
from tvdesk.simulator.server import PAGING_MODES, Simulator
from tvdesk.simulator.store import DataSpec
from tvdesk.simulator.webphone import HIDDEN_FORMS, WebphoneConfig

DEFAULT_PORT = 8765


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tvdesk-sim",
        description="A local TotalVoice (Zenvia Voice) API and webphone, for demos and tests.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    p.add_argument("--port", type=int, default=None,
                   help=f"port (0 picks a free one; default {DEFAULT_PORT}, or a free one "
                        "when that is taken)")
    p.add_argument("--token", default=None,
                   help="the Access-Token clients must send (default: $TVDESK_SIM_TOKEN or "
                        "'demo-token')")
    p.add_argument("--seed", type=int, default=7, help="seed of the generated account")
    p.add_argument("--calls-per-ramal", type=int, default=3000,
                   help="received calls generated per agent (default 3000)")
    p.add_argument("--days", type=int, default=120, help="days of history (default 120)")
    p.add_argument("--extra-agents", type=int, default=0, help="more agent ramais (4100…)")
    p.add_argument("--anchor", type=date.fromisoformat, default=None,
                   help="last day of the generated history (default: today)")
    p.add_argument("--paging", choices=PAGING_MODES, default="offset",
                   help="'offset': posicao is 0-based; 'seed': the seed note's reading (201)")
    p.add_argument("--signed-urls", type=int, metavar="TTL", default=None,
                   help="sign webphone URLs and refuse them TTL seconds after issue")
    p.add_argument("--hidden-form", choices=HIDDEN_FORMS, default="script",
                   help="what a hidden webphone URL serves: a script that builds the frame "
                        "(default) or a page to frame directly")
    p.add_argument("--answer-delay-ms", type=int, default=1500,
                   help="how long the far end takes to answer an outgoing call")
    p.add_argument("--latency-ms", type=int, default=0, help="latency added to every API call")
    p.add_argument("--exit-with-parent", action="store_true",
                   help="stop when the process that started it ends (for scripts)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    token = args.token or os.environ.get("TVDESK_SIM_TOKEN") or "demo-token"
    sim = Simulator(
        token,
        host=args.host,
        port=DEFAULT_PORT if args.port is None else args.port,
        data=DataSpec(seed=args.seed, calls_per_ramal=args.calls_per_ramal, days=args.days,
                      anchor=args.anchor, extra_agents=args.extra_agents),
        paging=args.paging,
        webphone=WebphoneConfig(answer_delay_ms=args.answer_delay_ms,
                                signed_ttl_s=args.signed_urls,
                                hidden_form=args.hidden_form),
    )
    if args.latency_ms:
        sim.add_fault("latency", latency_ms=args.latency_ms)
    try:
        sim.start()
    except OSError as exc:
        if args.port is not None:
            print(f"tvdesk-sim: cannot listen on {args.host}:{args.port}: {exc.strerror}",
                  file=sys.stderr)
            return 2
        sim.port = 0  # the default port is taken: any free one will do
        sim.start()
    summary = sim.summary()
    agents = ", ".join(f"{r['ramal']} (id {r['id']})" for r in summary["ramais"])
    print(f"TotalVoice simulator on {sim.base_url}", flush=True)
    print(f"  token: {token}   ramais: {agents}", flush=True)
    print(f"  {summary['total_calls']} received calls; control interface at "
          f"{sim.base_url}/_sim/", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sim.stop())
    if args.exit_with_parent:
        _stop_with_parent(sim)
    try:
        sim.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


def _stop_with_parent(sim: Simulator) -> None:
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        sim.stop()  # the parent is gone (its orphan was re-parented)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
