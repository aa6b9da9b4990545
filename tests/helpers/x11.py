"""A real X display for end-to-end tests: Debian's Xvfb at a call-center screen size, with a
window manager (openbox), and helpers to find, inspect and photograph windows on it."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time

import pytest

SCREEN = (1366, 768)


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:  # .ci/install-system-deps installs them: their absence is a broken set-up
        pytest.fail(f"missing programs {missing}: run .ci/install-system-deps")


class XSession:
    """Xvfb on a free display number, and openbox on it unless ``window_manager`` is off."""

    def __init__(self, size: tuple[int, int] = SCREEN, window_manager: bool = True,
                 tray: bool = False) -> None:
        need("Xvfb", "xdotool", "xwininfo", *(["openbox"] if window_manager else []),
             *(["trayer"] if tray else []))
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24",
             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.xvfb.kill()
            pytest.fail("Xvfb did not start")
        self.display = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        self.wm = self.tray = None
        if window_manager:
            self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)
        if tray:  # a system tray, docked at the top right, as on an agent's desktop
            self.tray = subprocess.Popen(["trayer", "--edge", "top", "--align", "right",
                                          "--height", "24", "--widthtype", "pixel",
                                          "--width", "120"], env=self.env,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)

    def close(self) -> None:
        for proc in (self.tray, self.wm, self.xvfb):
            if proc is not None:
                proc.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(5)
                if proc.poll() is None:
                    proc.kill()

    def __enter__(self) -> XSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ windows
    def find(self, name: str, timeout: float = 30.0) -> str:
        """The id of a visible window whose title contains ``name``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                                 env=self.env, capture_output=True, text=True).stdout.split()
            if out:
                return out[0]
            time.sleep(0.2)
        raise AssertionError(f"no window named {name!r} on {self.display}")

    def info(self, window: str) -> dict[str, str]:
        """What ``xwininfo`` says of a window (Map State, Width, Height, Absolute…)."""
        out = subprocess.run(["xwininfo", "-id", window], env=self.env, capture_output=True,
                             text=True, check=True).stdout
        fields = {}
        for line in out.splitlines():
            key, sep, value = line.strip().partition(":")
            if sep:
                fields[key.strip()] = value.strip()
        return fields

    def key(self, window: str, keys: str) -> None:
        subprocess.run(["xdotool", "windowactivate", "--sync", window, "key", "--clearmodifiers",
                        keys], env=self.env, check=True, capture_output=True)

    def colours(self, window: str) -> int:
        """How many different colours the window shows (a blank window shows one or two):
        photographed from the X server itself, through Qt's xcb screen grab."""
        code = ("import sys; from PySide6.QtGui import QGuiApplication; "
                "app = QGuiApplication(sys.argv); "
                f"img = app.primaryScreen().grabWindow({int(window)}).toImage(); "
                "step = 3; seen = {img.pixel(x, y) for x in range(0, img.width(), step) "
                "for y in range(0, img.height(), step)}; print(len(seen))")
        out = subprocess.run([sys.executable, "-c", code], env=self.env, capture_output=True,
                             text=True, timeout=60)
        assert out.returncode == 0, out.stderr[-1000:]
        return int(out.stdout.split()[-1])
