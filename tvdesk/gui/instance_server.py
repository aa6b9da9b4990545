"""The running tvdesk's end of "one instance per user" (the client is tvdesk.core.instance).

A QLockFile decides which process serves: a lock left by a crashed process is stale (its PID
is gone) and taken over, and the socket it left is removed before listening again.
"""

from __future__ import annotations

import json
import logging

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


def phone_link_of(event) -> str | None:
    """The ``tel:``/``callto:`` link of a QFileOpenEvent (how macOS hands a clicked link to
    a running app, instead of argv), else None."""
    if event.type() != QEvent.Type.FileOpen:
        return None
    url = event.url().toString() or event.file()
    return url if is_phone_link(url) else None
