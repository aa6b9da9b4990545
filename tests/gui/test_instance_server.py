"""The running tvdesk's end of "one instance per user": only this user's processes are
heard (the peer's user id, checked on every connection)."""

from __future__ import annotations

import os
import socket
import threading

from tvdesk.core import instance
from tvdesk.gui.instance_server import InstanceServer


def ask(path: str, results: list) -> None:
    """A raw client in a thread (the server answers on the GUI thread's event loop)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(5)
            s.connect(path)
            s.sendall(instance.encode("dial", ["4001"]))
            results.append(s.recv(512))
    except OSError as exc:
        results.append(exc)


def test_this_users_request_is_heard_and_another_users_is_refused(qtbot, tmp_path,
                                                                  monkeypatch):
    path = str(tmp_path / "instance.sock")
    server = InstanceServer(path, str(tmp_path / "instance.lock"))
    assert server.start()
    heard: list = []
    server.commandReceived.connect(lambda command, args: heard.append((command, args)))
    try:
        replies: list = []
        threading.Thread(target=ask, args=(path, replies)).start()
        qtbot.waitUntil(lambda: bool(replies) and bool(heard), timeout=5000)
        assert b'"ok": true' in replies[0] and heard == [("dial", ["4001"])]

        real_uid = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: real_uid + 4321)  # the peer is not "us"
        replies.clear()
        threading.Thread(target=ask, args=(path, replies)).start()
        qtbot.waitUntil(lambda: bool(replies), timeout=5000)
        qtbot.wait(200)
        assert replies[0] in (b"",) or isinstance(replies[0], OSError)  # closed, no answer
        assert heard == [("dial", ["4001"])]  # nothing more was done
    finally:
        server.stop()
