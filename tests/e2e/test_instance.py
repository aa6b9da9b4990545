"""One tvdesk per user, tel: links and the command line, with real processes end to end:
a demo tvdesk (simulator and webphone inside), then `tvdesk dial`, `tvdesk tel:…` and
`xdg-open tel:…` reaching it; a crashed instance's leftovers taken over."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import requests

from tests.helpers.processes import BIN

pytestmark = pytest.mark.webengine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1",
            "QTWEBENGINE_CHROMIUM_FLAGS": "--use-fake-device-for-media-stream",
            "TVDESK_CONFIG_DIR": str(tmp_path / "config"),
            "TVDESK_DATA_DIR": str(tmp_path / "data"),
            "TVDESK_INSTANCE_NAME": str(tmp_path / "instance.sock"),
            "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
            "XDG_CONFIG_HOME": str(tmp_path / "xdg-config")}


def until(check, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


class Desktop:
    """A `tvdesk --demo` process, its simulator reachable on a known port."""

    def __init__(self, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([str(BIN / "tvdesk"), "--demo", "--port", str(self.port)],
                                     env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        until(lambda: requests.get(f"{self.base}/_sim/webphone/registrations", timeout=2)
              .json(), 60, "the demo's webphone to register")

    def dials(self) -> list[str]:
        log = requests.get(f"{self.base}/_sim/webphone/log", timeout=5).json()
        return [e["numero"] for e in log if e["message"] == "chamaNumero" and e["accepted"]]

    def hang_up(self) -> None:
        requests.post(f"{self.base}/_sim/webphone/hangup", json={"ramal": "4000"}, timeout=5)
        time.sleep(0.5)

    def stop(self, sig=signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def tvdesk(env, *args, timeout=30) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "tvdesk"), *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_a_second_tvdesk_hands_its_dial_to_the_running_one(env):
    desktop = Desktop(env)
    try:
        started = time.monotonic()
        result = tvdesk(env, "dial", "4001")
        assert result.returncode == 0, result.stderr
        assert time.monotonic() - started < 5  # it left at once: no second desktop
        until(lambda: desktop.dials() == ["4001"], 20, "the dial in the running tvdesk")
        desktop.hang_up()
        assert tvdesk(env, "tel:+55-48-99999-0000").returncode == 0
        until(lambda: desktop.dials() == ["4001", "+5548999990000"], 20, "the tel: dial")
        desktop.hang_up()
        assert tvdesk(env, "callto://+5511988887777").returncode == 0
        until(lambda: desktop.dials()[-1:] == ["+5511988887777"], 20, "the callto: dial")
        time.sleep(1)
        assert len(desktop.dials()) == 3  # each request dialled once
        assert desktop.proc.poll() is None
    finally:
        desktop.stop()


def test_a_crashed_instance_is_taken_over(env, tmp_path):
    first = Desktop(env)
    first.stop(signal.SIGKILL)  # leaves its socket and lock file behind
    assert (tmp_path / "instance.sock").exists()
    second = Desktop(env)
    try:
        assert tvdesk(env, "dial", "4002").returncode == 0
        until(lambda: second.dials() == ["4002"], 20, "the dial in the new instance")
    finally:
        second.stop()


@pytest.mark.skipif(not shutil.which("xdg-open"), reason="needs Debian's xdg-utils")
def test_register_handler_then_xdg_open_dials_in_the_running_instance(env, tmp_path):
    result = tvdesk(env, "--register-handler")
    assert result.returncode == 0, result.stderr
    desktop_file = tmp_path / "xdg-data" / "applications" / "tvdesk.desktop"
    text = desktop_file.read_text()
    assert "MimeType=x-scheme-handler/tel;x-scheme-handler/callto;" in text
    assert f"Exec={BIN / 'tvdesk'} %u" in text
    query = subprocess.run(["xdg-mime", "query", "default", "x-scheme-handler/tel"],
                           env=env, capture_output=True, text=True, check=True)
    assert query.stdout.strip() == "tvdesk.desktop"
    desktop = Desktop(env)
    try:
        # xdg-open consults scheme handlers only in a graphical session (DISPLAY set), as on
        # an agent's desktop; the tvdesk it starts only forwards and never opens a display
        subprocess.run(["xdg-open", "tel:+55%2048%2099999-1111"], env={**env, "DISPLAY": ":0"},
                       timeout=30, check=True, capture_output=True)
        until(lambda: desktop.dials() == ["+5548999991111"], 20, "xdg-open's dial")
    finally:
        desktop.stop()
    assert tvdesk(env, "--unregister-handler").returncode == 0
    assert not desktop_file.exists()
    mimeapps = tmp_path / "xdg-config" / "mimeapps.list"
    assert "tvdesk.desktop" not in (mimeapps.read_text() if mimeapps.exists() else "")


def test_command_line_usage(env):
    bad = tvdesk(env, "dial")
    assert bad.returncode == 2 and "dial needs a number" in bad.stderr
    bad = tvdesk(env, "ligar", "4001")
    assert bad.returncode == 2 and "unknown request" in bad.stderr
    helped = tvdesk(env, "--help")
    assert helped.returncode == 0
    for words in ("dial NUMBER", "tel:", "--register-handler", "--demo"):
        assert words in helped.stdout


def test_with_no_tvdesk_running_a_dial_starts_one_and_dials_when_connected(env):
    port = free_port()
    proc = subprocess.Popen([str(BIN / "tvdesk"), "--demo", "--port", str(port), "dial",
                             "tel:+5548999995555"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        def dialled():
            log = requests.get(f"{base}/_sim/webphone/log", timeout=2).json()
            return [e["numero"] for e in log if e["message"] == "chamaNumero"]

        until(lambda: dialled() == ["+5548999995555"], 60, "the dial of the new instance")
        time.sleep(1)
        assert dialled() == ["+5548999995555"]  # once
        # a plain `tvdesk` now only brings the running one forward, and leaves at once
        started = time.monotonic()
        assert tvdesk(env).returncode == 0
        assert time.monotonic() - started < 5
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_inputs_at_the_limits_get_a_message_not_a_traceback(env):
    result = tvdesk(env, "dial", "9" * 5000)
    assert result.returncode == 2
    assert "too long" in result.stderr and "Traceback" not in result.stderr
    result = tvdesk(env, "dial", "")
    assert result.returncode == 2 and "needs a number" in result.stderr


def test_a_socket_folder_open_to_others_stops_tvdesk_and_says_why(env, tmp_path):
    import pty

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # as if another user had made it first, open to all
    env = {**env, "TVDESK_INSTANCE_NAME": str(shared / "instance.sock")}
    master, slave = pty.openpty()  # a terminal: the reason is printed, no dialog
    try:
        result = subprocess.run([str(BIN / "tvdesk"), "dial", "4001"], env=env, stderr=slave,
                                stdout=subprocess.DEVNULL, timeout=60)
        os.close(slave)
        said = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(master, 4096):
                said += chunk
    finally:
        os.close(master)
    text = said.decode("utf-8", "replace")
    assert result.returncode == 2
    assert "will not start" in text and str(shared) in text and "open to other users" in text
    assert "Traceback" not in text
    assert not (shared / "instance.sock").exists()  # nothing was created there
