"""One tvdesk per user: a second ``tvdesk …`` hands its request to the running one.

This is the client side and the message format, on the standard library only: clicking a
``tel:`` link starts a Python process that must connect, send and exit in milliseconds
(no Qt here). The running app listens with QLocalServer (``tvdesk.gui.instance_server``):
a Unix domain socket at :func:`server_name` on Linux and macOS, a named pipe on Windows.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import sys

PROTOCOL_VERSION = 1
COMMANDS = ("show", "dial")
MAX_MESSAGE = 4096


class UnsafeInstanceError(OSError):
    """The place where tvdesk processes meet is not the user's alone: someone else could
    read the numbers dialled or keep tvdesk from starting. ``reason`` says what is wrong:
    "not_a_directory", "other_owner", "open_to_others", "other_user_process"."""

    def __init__(self, path: str, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


def server_name() -> str:
    """Per user. An absolute socket path on POSIX, in a directory only the user can enter
    (:func:`private_dir`); a pipe name on Windows."""
    override = os.environ.get("TVDESK_INSTANCE_NAME")
    if sys.platform == "win32":
        return override or f"tvdesk-{_user()}"
    if override and os.path.isabs(override):
        private_dir(os.path.dirname(override))
        return override
    return os.path.join(private_dir(), override or "instance.sock")


def private_dir(path: str | None = None) -> str:
    """The user's own directory for the socket and its lock: ``$XDG_RUNTIME_DIR`` (or the
    temporary directory) ``/tvdesk-<uid>``, created 0700 and checked every time: a
    directory, not a link, owned by this user, closed to everyone else. Raises
    :class:`UnsafeInstanceError` otherwise (another user made it first, say)."""
    if path is None:
        base = os.environ.get("XDG_RUNTIME_DIR") or _tempdir()
        path = os.path.join(base, f"tvdesk-{_user()}")
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, 0o700)
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeInstanceError(path, "not_a_directory")
    if info.st_uid != os.getuid():  # type: ignore[attr-defined]
        raise UnsafeInstanceError(path, "other_owner")
    if info.st_mode & 0o077:
        raise UnsafeInstanceError(path, "open_to_others")
    return path


def _tempdir() -> str:
    import tempfile  # only without XDG_RUNTIME_DIR: it costs milliseconds on a link click

    return tempfile.gettempdir()


def lock_path() -> str:
    """The lock that makes one instance the server (a file path on every platform)."""
    name = server_name()
    if sys.platform != "win32":
        return name + ".lock"
    return os.path.join(_tempdir(), name + ".lock")


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end of a Unix socket (Linux), else None."""
    peercred = getattr(socket, "SO_PEERCRED", None)
    if peercred is None:
        return None
    import struct

    creds = sock.getsockopt(socket.SOL_SOCKET, peercred, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


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
        path = server_name()  # (raises UnsafeInstanceError: not caught here)
        _check_owner(path)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(path)
            uid = peer_uid(s)
            if uid is not None and uid != os.getuid():
                raise UnsafeInstanceError(path, "other_user_process")
            s.sendall(data)
            reply = b""
            while not reply.endswith(b"\n") and len(reply) < MAX_MESSAGE:
                chunk = s.recv(512)
                if not chunk:
                    break
                reply += chunk
    except UnsafeInstanceError:
        raise  # never "nobody there": the caller says why and does not start
    except OSError:
        return False  # no server, or a stale socket a crash left behind
    return _ok(reply)


def _check_owner(path: str) -> None:
    """Only a socket of this user's gets the request (it carries the number to dial)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return  # nobody there: connecting fails, and tvdesk starts
    if info.st_uid != os.getuid():  # type: ignore[attr-defined]
        raise UnsafeInstanceError(path, "other_owner")


def unsafe_text(exc: UnsafeInstanceError) -> str:
    """Why tvdesk will not start, in English (the command line's; the GUI translates)."""
    what = {"not_a_directory": "is a link or a file, not a directory of its own",
            "other_owner": "belongs to another user",
            "open_to_others": "is open to other users",
            "other_user_process": "is served by another user's program"}.get(exc.reason,
                                                                             exc.reason)
    return (f"tvdesk will not start: {exc.path} {what}, so another user of this computer "
            f"could see the numbers you dial. Remove it (or ask your administrator) and "
            f"start tvdesk again.")


def _send_pipe(data: bytes) -> bool:  # pragma: no cover (Windows)
    with open(rf"\\.\pipe\{server_name()}", "r+b", buffering=0) as pipe:
        pipe.write(data)
        return _ok(pipe.readline())


def _ok(reply: bytes) -> bool:
    try:
        return json.loads(reply.decode("utf-8")).get("ok") is True
    except (UnicodeDecodeError, ValueError, AttributeError):
        return False
