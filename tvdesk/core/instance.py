"""One tvdesk per user: a second ``tvdesk …`` hands its request to the running one.

This is the client side and the message format, on the standard library only: clicking a
``tel:`` link starts a Python process that must connect, send and exit in milliseconds
(no Qt here). The running app listens with QLocalServer (``tvdesk.gui.instance_server``):
a Unix domain socket at :func:`server_name` on Linux and macOS, a named pipe on Windows.
"""

from __future__ import annotations

import json
import os
import socket
import sys

PROTOCOL_VERSION = 1
COMMANDS = ("show", "dial")
MAX_MESSAGE = 4096


def server_name() -> str:
    """Per user. An absolute socket path on POSIX; a pipe name on Windows."""
    override = os.environ.get("TVDESK_INSTANCE_NAME")
    if sys.platform == "win32":
        return override or f"tvdesk-{_user()}"
    if override and os.path.isabs(override):
        return override
    base = os.environ.get("XDG_RUNTIME_DIR") or _tempdir()
    return os.path.join(base, override or f"tvdesk-{_user()}.sock")


def _tempdir() -> str:
    import tempfile  # only without XDG_RUNTIME_DIR: it costs milliseconds on a link click

    return tempfile.gettempdir()


def lock_path() -> str:
    """The lock that makes one instance the server (a file path on every platform)."""
    name = server_name()
    if sys.platform != "win32":
        return name + ".lock"
    return os.path.join(_tempdir(), name + ".lock")


def _user() -> str:
    try:
        return str(os.getuid())  # type: ignore[attr-defined]
    except AttributeError:  # Windows
        import getpass

        return "".join(c for c in getpass.getuser() if c.isalnum()) or "user"


def encode(command: str, args: list[str]) -> bytes:
    if command not in COMMANDS:
        raise ValueError(command)
    message = json.dumps({"v": PROTOCOL_VERSION, "command": command, "args": list(args)})
    data = (message + "\n").encode("utf-8")
    if len(data) > MAX_MESSAGE:
        raise ValueError("message too long")
    return data


def decode(data: bytes) -> tuple[str, list[str]] | None:
    """``(command, args)`` of a well-formed message of this version, else None."""
    if len(data) > MAX_MESSAGE:
        return None
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(message, dict) or message.get("v") != PROTOCOL_VERSION:
        return None
    command, args = message.get("command"), message.get("args", [])
    if command not in COMMANDS or not isinstance(args, list) or \
            not all(isinstance(a, str) for a in args):
        return None
    return command, args


def send_to_running(command: str, args: list[str], timeout: float = 2.0) -> bool:
    """Deliver the request to a running tvdesk; False when none answers (start one)."""
    data = encode(command, args)
    try:
        if sys.platform == "win32":
            return _send_pipe(data)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(server_name())
            s.sendall(data)
            reply = b""
            while not reply.endswith(b"\n") and len(reply) < MAX_MESSAGE:
                chunk = s.recv(512)
                if not chunk:
                    break
                reply += chunk
    except OSError:
        return False  # no server, or a stale socket a crash left behind
    return _ok(reply)


def _send_pipe(data: bytes) -> bool:  # pragma: no cover (Windows)
    with open(rf"\\.\pipe\{server_name()}", "r+b", buffering=0) as pipe:
        pipe.write(data)
        return _ok(pipe.readline())


def _ok(reply: bytes) -> bool:
    try:
        return json.loads(reply.decode("utf-8")).get("ok") is True
    except (UnicodeDecodeError, ValueError, AttributeError):
        return False
