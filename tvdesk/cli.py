"""``tvdesk``: the agent's desktop.

    tvdesk                       open (or bring forward) the desktop
    tvdesk --demo                the same against a local simulator, no account needed
    tvdesk dial NUMBER           dial a number or an extension
    tvdesk tel:… | callto:…      what the desktop passes for a clicked phone link

A running tvdesk takes the request and this process leaves at once. This module stays free
of Qt until the desktop itself must start, so a click on a link dials quickly.
"""

from __future__ import annotations

import sys

from tvdesk import __version__
from tvdesk.core.vocabulary import is_phone_link


def build_parser():
    import argparse

    p = argparse.ArgumentParser(
        prog="tvdesk",
        description="Desktop for call-center agents on TotalVoice (Zenvia Voice).",
        epilog="Examples: tvdesk dial '(48) 99999-9999'   tvdesk tel:+5548999999999",
    )
    p.add_argument("request", nargs="*", metavar="dial NUMBER | tel:… | callto:…",
                   help="dial a number, an extension or a phone link")
    p.add_argument("--demo", action="store_true",
                   help="run against a local TotalVoice simulator, no account needed")
    p.add_argument("--port", type=int, default=None,
                   help="the demo simulator's port (default: a free one)")
    p.add_argument("--register-handler", action="store_true",
                   help="make tvdesk open tel: and callto: links for this user, and exit")
    p.add_argument("--unregister-handler", action="store_true",
                   help="stop tvdesk from opening tel: and callto: links, and exit")
    p.add_argument("-v", "--verbose", action="store_true", help="log in detail (no secrets)")
    p.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quit-when-loaded", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quit-when-phone-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quit-when-rows", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


#: longer than any number or link an agent dials (E.164 has 15 digits; a link adds a little)
MAX_TARGET = 200


def too_long(request: tuple[str, list[str]] | None) -> bool:
    return request is not None and any(len(a) > MAX_TARGET for a in request[1])


def request_of(words: list[str], parser) -> tuple[str, list[str]]:
    """``("dial", [target])`` or ``("show", [])`` from the positional words."""
    if not words:
        return "show", []
    first = words[0]
    if first == "dial":
        target = " ".join(words[1:]).strip()
        if not target:
            parser.error("dial needs a number, e.g. tvdesk dial 4001")
        return "dial", [target]
    if is_phone_link(first) and len(words) == 1:
        return "dial", [first]
    parser.error(f"unknown request: {' '.join(words)} (use: dial NUMBER, or a tel: link)")
    raise AssertionError  # parser.error exits


def fast_request(argv: list[str]) -> tuple[str, list[str]] | None:
    """``dial N`` or one link, recognised without argparse: the path a click on a link
    takes, where every millisecond of start-up shows."""
    if len(argv) >= 2 and argv[0] == "dial" and not any(a.startswith("-") for a in argv):
        return "dial", [" ".join(argv[1:])]
    if len(argv) == 1 and is_phone_link(argv[0]):
        return "dial", [argv[0]]
    return None


def delivered(request: tuple[str, list[str]]) -> bool:
    """The running tvdesk took the request. Where processes meet is not the user's alone:
    tvdesk says why and ends (never hands a number to, or waits on, someone else)."""
    from tvdesk.core import instance

    try:
        return instance.send_to_running(*request)
    except instance.UnsafeInstanceError as exc:
        from tvdesk.gui.instance_server import refuse_to_start

        refuse_to_start(exc)
        raise SystemExit(2) from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) == 1 and argv[0].startswith("--webphone-"):  # (never a link's path)
        from tvdesk.core.webphone import url_prefetch

        if argv[0] == url_prefetch.URL_HELPER_FLAG:  # started by a starting tvdesk
            return url_prefetch.helper_main()
    fast = fast_request(argv)
    if too_long(fast):
        sys.stderr.write(f"tvdesk: that is too long to be a phone number or a link "
                         f"({len(fast[1][0])} characters)\n")
        return 2
    if fast is not None and delivered(fast):
        return 0  # the running tvdesk has it
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.register_handler or args.unregister_handler:
        from tvdesk.desktop_integration import register, unregister

        return register() if args.register_handler else unregister()
    command, words = request_of(args.request, parser)
    if too_long((command, words)):
        parser.error(f"that is too long to be a phone number or a link "
                     f"({len(words[0])} characters)")
    milestones = args.quit_when_shown or args.quit_when_loaded or args.quit_when_phone_ready \
        or args.quit_when_rows
    if not milestones and fast is None and delivered((command, words)):
        return 0  # the running tvdesk has it
    prefetch = None
    if not args.demo:  # on the other core, while Qt starts
        from tvdesk.core.webphone.url_prefetch import start_for_saved_settings

        prefetch = start_for_saved_settings()
    from tvdesk.gui.app import run

    return run(demo=args.demo, demo_port=args.port, quit_when_shown=args.quit_when_shown,
               quit_when_loaded=args.quit_when_loaded,
               quit_when_phone_ready=args.quit_when_phone_ready,
               quit_when_rows=args.quit_when_rows, verbose=args.verbose,
               request=(command, words), url_prefetch=prefetch)


if __name__ == "__main__":
    sys.exit(main())
