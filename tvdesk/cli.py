"""``tvdesk``: the agent's desktop. ``--demo`` runs it against a local simulator.

Kept free of Qt imports so that ``--help`` and ``--version`` answer at once.
"""

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
                   help="the demo simulator's port (default: a free one)")
    p.add_argument("-v", "--verbose", action="store_true", help="log in detail (no secrets)")
    p.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quit-when-loaded", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quit-when-phone-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from tvdesk.gui.app import run

    return run(demo=args.demo, demo_port=args.port, quit_when_shown=args.quit_when_shown,
               quit_when_loaded=args.quit_when_loaded,
               quit_when_phone_ready=args.quit_when_phone_ready, verbose=args.verbose)


if __name__ == "__main__":
    sys.exit(main())
