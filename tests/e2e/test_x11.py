"""tvdesk on a real X display (Debian's Xvfb with a window manager), as an agent sees it:
Qt's X11 plugin has every library it needs, and ``tvdesk --demo`` puts a real window on the
screen, mapped, inside a 1366x768 screen, showing the demo's data."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from pathlib import Path

import PySide6

from tests.helpers.processes import script
from tests.helpers.x11 import SCREEN, XSession

QT = Path(PySide6.__file__).parent / "Qt"


def test_qts_x11_plugin_finds_every_library_it_links_against():
    """What a fresh Debian lacks shows as "not found" (.ci/install-system-deps installs it)."""
    for binary in (QT / "plugins" / "platforms" / "libqxcb.so",
                   QT / "lib" / "libQt6XcbQpa.so.6"):
        assert binary.exists(), binary
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True,
                             check=True).stdout
        assert "not found" not in out, out
    # loaded at run time (ldd cannot see it), and the plugin refuses to start without it
    libraries = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    assert "libxcb-cursor.so.0" in libraries


@contextlib.contextmanager
def demo_on(x: XSession, tmp_path):
    """The real ``tvdesk --demo`` on ``x``'s display; killed at the end if still running."""
    env = {**x.env, "TVDESK_CONFIG_DIR": str(tmp_path / "c"),
           "TVDESK_DATA_DIR": str(tmp_path / "d"),
           "TVDESK_INSTANCE_NAME": str(tmp_path / "instance.sock"),
           "QTWEBENGINE_CHROMIUM_FLAGS": "--use-fake-device-for-media-stream"}
    app = subprocess.Popen([script("tvdesk"), "--demo"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        yield app, env
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)


def test_the_demo_shows_a_real_window_with_its_data(tmp_path):
    with XSession() as x, demo_on(x, tmp_path) as (app, _env):
        # the title names the extension once the demo has signed in and loaded it
        window = x.find("Extension 4000", timeout=60)
        info = x.info(window)
        assert info["Map State"] == "IsViewable"
        width, height = int(info["Width"]), int(info["Height"])
        left, top = int(info["Absolute upper-left X"]), int(info["Absolute upper-left Y"])
        assert left >= 0 and left + width <= SCREEN[0], info
        assert top >= 0 and top + height <= SCREEN[1], info
        assert x.colours(window) > 20  # a drawn window, not a blank rectangle
        x.key(window, "ctrl+q")  # File → Quit
        assert app.wait(20) == 0
    assert os.path.exists(tmp_path / "d")  # it really ran: its webphone storage is there


def test_with_a_system_tray_close_hides_and_quit_ends_tvdesk(tmp_path):
    """With a tray, closing the window keeps tvdesk running there; File → Quit ends it."""
    with XSession(tray=True) as x, demo_on(x, tmp_path) as (app, env):
        window = x.find("Extension 4000", timeout=60)
        x.key(window, "alt+F4")  # the window manager's close: to the tray
        deadline = time.monotonic() + 10
        while x.info(window)["Map State"] == "IsViewable" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert x.info(window)["Map State"] != "IsViewable"
        assert app.poll() is None  # still running, in the tray
        subprocess.run([script("tvdesk")], env=env, check=True, timeout=20)  # show it
        window = x.find("Extension 4000", timeout=20)
        x.key(window, "ctrl+q")  # File → Quit
        assert app.wait(20) == 0


def dbus_processes() -> set[int]:
    out = subprocess.run(["pgrep", "-f", "dbus-launch --autolaunch|dbus-daemon --syslog-only"],
                         capture_output=True, text=True).stdout
    return {int(pid) for pid in out.split()}


def test_with_no_session_bus_no_dbus_daemon_outlives_tvdesk(tmp_path):
    """libdbus autolaunches a session bus (dbus-launch, from dbus-x11) for the first D-Bus
    call of Qt or Chromium when there is none; that daemon would outlive tvdesk."""
    assert shutil.which("dbus-launch"), "dbus-x11 (.ci/install-system-deps installs it)"
    before = dbus_processes()
    with XSession(tray=True) as x:
        x.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        with demo_on(x, tmp_path) as (app, _env):
            window = x.find("Extension 4000", timeout=60)
            x.key(window, "ctrl+q")
            assert app.wait(20) == 0
    time.sleep(1)
    assert dbus_processes() - before == set()


def test_the_windows_shortcuts_work_from_the_dial_box(tmp_path):
    """On X11 a text field takes Ctrl+E (end of line) for itself: from the dial box, the
    window's Ctrl+E (export) did nothing. Real keys on a real display (issue 21)."""
    with XSession() as x, demo_on(x, tmp_path) as (app, _env):
        window = x.find("Extension 4000", timeout=60)
        time.sleep(1)  # (the demo's first load)
        x.key(window, "ctrl+d")  # the dial box has the focus
        for key in ("4", "0", "0", "1", "ctrl+e"):
            x.key(window, key)
        dialog = x.find("Export calls", timeout=20)  # the export's file dialog
        x.key(dialog, "Escape")
        x.key(window, "ctrl+q")
        assert app.wait(20) == 0


def test_on_a_big_screen_the_first_window_takes_most_of_it(tmp_path):
    """1920x1080: it opened at 1180 px in the middle of the screen (issue 21)."""
    with XSession(size=(1920, 1080)) as x, demo_on(x, tmp_path) as (app, _env):
        window = x.find("Extension 4000", timeout=60)
        info = x.info(window)
        width, height = int(info["Width"]), int(info["Height"])
        assert width >= 1500 and height >= 850, info
        left, top = int(info["Absolute upper-left X"]), int(info["Absolute upper-left Y"])
        assert left >= 0 and left + width <= 1920 and top >= 0 and top + height <= 1080
        x.key(window, "ctrl+q")
        assert app.wait(20) == 0
