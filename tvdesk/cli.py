"""``tvdesk``: the agent's desktop. Until the desktop lands, ``--demo`` runs the simulator."""

from __future__ import annotations

import argparse
import sys

from tvdesk import __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tvdesk",
        description="Desktop for call-center agents on TotalVoice (Zenvia Voice).",
    )
    p.add_argument("--demo", action="store_true",
                   help="run against a local TotalVoice simulator, no account needed")
    p.add_argument("--port", type=int, default=None,
                   help="simulator port in demo mode (default 8765, or a free one)")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.demo:
        from tvdesk.simulator.cli import main as sim_main

        return sim_main([] if args.port is None else ["--port", str(args.port)])
    build_parser().print_help()
    print("\nThe desktop is not built yet; try: tvdesk --demo", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
