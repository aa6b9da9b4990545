"""The running tvdesk's end of "one instance per user" (the client is tvdesk.core.instance).

A QLockFile decides which process serves: a lock left by a crashed process is stale (its PID
is gone) and taken over, and the socket it left is removed before listening again.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QEvent, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from tvdesk.core import instance
from tvdesk.core.vocabulary import is_phone_link

log = logging.getLogger(__name__)


class InstanceServer(QObject):
    commandReceived = Signal(str, list)

    def __init__(self, name: str | None = None, lock_path: str | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.name = name or instance.server_name()
        self._lock = QLockFile(lock_path or instance.lock_path())
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def start(self) -> bool:
        """Become the instance; False when another live tvdesk already is."""
        if not self._lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.name)  # a socket a crash left behind
        if not self._server.listen(self.name):
            log.warning("cannot listen for other tvdesk processes: %s",
                        self._server.errorString())
            self._lock.unlock()
            return False
        return True

    def stop(self) -> None:
        self._server.close()
        self._lock.unlock()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if not same_user(sock.socketDescriptor()):
                log.warning("refused a request from another user's process")
                sock.abort()
                sock.deleteLater()
                continue
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))

    def _read(self, sock: QLocalSocket) -> None:
        data = self._buffers.get(sock, b"") + bytes(sock.readAll())
        if b"\n" not in data and len(data) <= instance.MAX_MESSAGE:
            self._buffers[sock] = data
            return
        line = data.split(b"\n", 1)[0]
        message = instance.decode(line)
        sock.write((json.dumps({"ok": message is not None}) + "\n").encode())
        sock.flush()
        sock.disconnectFromServer()
        self._buffers.pop(sock, None)
        if message is not None:
            self.commandReceived.emit(*message)

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()


def same_user(descriptor: int) -> bool:
    """The process at the other end of an accepted connection is this user's (checked with
    ``SO_PEERCRED`` where the system has it; the socket's directory is private anyway)."""
    if sys.platform == "win32" or descriptor < 0:
        return sys.platform == "win32"
    with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as dup:
        uid = instance.peer_uid(dup)
    return uid is None or uid == os.getuid()


def cannot_start_text(exc: instance.UnsafeInstanceError) -> str:
    what = {
        "not_a_directory": Q.translate("Instance", "is a link or a file, not a folder of its "
                                                   "own"),
        "other_owner": Q.translate("Instance", "belongs to another user"),
        "open_to_others": Q.translate("Instance", "is open to other users"),
        "other_user_process": Q.translate("Instance", "is served by another user's program"),
    }.get(exc.reason, exc.reason)
    return Q.translate("Instance", "tvdesk will not start: {path} {problem}, so another user "
                                   "of this computer could see the numbers you dial. Remove "
                                   "it (or ask your administrator) and start tvdesk again."
                       ).format(path=exc.path, problem=what)


def tell_cannot_start(text: str) -> None:
    """On stderr, and in a dialog unless a terminal shows stderr (a link click has none)."""
    sys.stderr.write(text + "\n")
    if sys.stderr.isatty():
        return
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "tvdesk", text)


def refuse_to_start(exc: instance.UnsafeInstanceError) -> None:
    """The command line's way: the application (and its language) only to say why."""
    from PySide6.QtWidgets import QApplication

    from tvdesk.core.settings import SettingsStore, config_dir
    from tvdesk.gui.app import make_application
    from tvdesk.gui.i18n import choose_language, install_translations

    app = QApplication.instance() or make_application(sys.argv[:1])
    language = choose_language(SettingsStore(config_dir() / "settings.json").load().language)
    translators = install_translations(app, language)  # noqa: F841 (kept alive)
    tell_cannot_start(cannot_start_text(exc))


def become_the_instance(request: tuple[str, list[str]]
                        ) -> tuple[InstanceServer | None, int]:
    """This process's server, or None and the exit code: 0 when the request went to the
    running tvdesk, 1 or 2 when tvdesk must not start (said why)."""
    try:
        server = InstanceServer()
        if server.start():
            return server, 0
        if instance.send_to_running(*request):  # another tvdesk started in between
            return None, 0
        text = Q.translate("Instance", "Another tvdesk holds this computer's tvdesk lock but "
                                       "does not answer. Wait a moment and try again; if it "
                                       "keeps happening, close the other tvdesk.")
        code = 1
    except instance.UnsafeInstanceError as exc:
        text, code = cannot_start_text(exc), 2
    log.error("%s", text)
    tell_cannot_start(text)
    return None, code


def phone_link_of(event) -> str | None:
    """The ``tel:``/``callto:`` link of a QFileOpenEvent (how macOS hands a clicked link to
    a running app, instead of argv), else None."""
    if event.type() != QEvent.Type.FileOpen:
        return None
    url = event.url().toString() or event.file()
    return url if is_phone_link(url) else None
