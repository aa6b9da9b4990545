"""What the desktop process's environment may not change about tvdesk's rules.

- Chromium switches that bypass the webphone's rules (``--use-fake-ui-for-media-stream``
  grants the microphone to every page without asking tvdesk; others turn off the same-origin
  checks) are removed from ``QTWEBENGINE_CHROMIUM_FLAGS``, unless
  ``TVDESK_TEST_ALLOW_UNSAFE_CHROMIUM_FLAGS=1`` says a test wants them.
- With no session bus, nothing autolaunches one: libdbus would start a ``dbus-daemon`` for
  Qt's or Chromium's first D-Bus call, and that daemon outlives tvdesk.
- V8's ``gc`` is exposed (``--js-flags=--expose-gc``): the webphone's page allocates a
  little garbage with every request it makes, which Chromium, seeing a tiny JavaScript
  heap, collected only now and then (its renderer grew ~1.5-2 MiB a minute all day); the
  webphone's controller has it collected every few minutes while the phone is idle.
All must happen before Qt and QtWebEngine start.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS"
TEST_SWITCH = "TVDESK_TEST_ALLOW_UNSAFE_CHROMIUM_FLAGS"
UNSAFE_SWITCHES = frozenset({
    "--use-fake-ui-for-media-stream",       # every page gets the microphone, unasked
    "--auto-accept-camera-and-microphone-capture",
    "--disable-web-security",               # no same-origin policy
    "--unsafely-treat-insecure-origin-as-secure",
    "--allow-running-insecure-content",
    "--remote-debugging-port",              # anyone local could drive the webphone
    "--remote-debugging-pipe",
})
EXPOSE_GC = "--js-flags=--expose-gc"
#: where libdbus finds no bus and autolaunches none (a path that never exists)
NO_SESSION_BUS = "unix:path=/nonexistent/tvdesk-no-session-bus"


def without_unsafe_switches(flags: str) -> tuple[str, list[str]]:
    """``flags`` without the switches tvdesk refuses; and those it removed."""
    kept, removed = [], []
    for flag in flags.split():
        (removed if flag.split("=", 1)[0] in UNSAFE_SWITCHES else kept).append(flag)
    return " ".join(kept), removed


def secure_environment(environ: dict | None = None) -> None:
    environ = os.environ if environ is None else environ
    if environ.get(TEST_SWITCH) != "1" and environ.get(FLAGS):
        environ[FLAGS], removed = without_unsafe_switches(environ[FLAGS])
        if removed:
            log.warning("ignored Chromium switches that would bypass tvdesk's rules: %s",
                        " ".join(removed))
    flags = environ.get(FLAGS, "")
    if "--js-flags" not in flags:  # (a developer's own V8 flags are left as they are)
        environ[FLAGS] = (flags + " " + EXPOSE_GC).strip()
    if sys.platform.startswith("linux") and not environ.get("DBUS_SESSION_BUS_ADDRESS"):
        environ["DBUS_SESSION_BUS_ADDRESS"] = NO_SESSION_BUS
