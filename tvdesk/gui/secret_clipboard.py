"""Copying a secret (an extension's password): marked as such for clipboard managers and
cleared after a while if it is still there.

The marks are the ones the platforms define: ``x-kde-passwordManagerHint: secret`` (KDE's
Klipper and the managers that follow it on Linux), and on Windows the formats that keep the
data out of clipboard history, cloud sync and clipboard monitors. (macOS's
``org.nspasteboard.ConcealedType`` cannot be set through Qt's pasteboard mapping.)
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 45_000
SECRET_MARK = "x-kde-passwordManagerHint"  # noqa: S105 (a MIME type, not a password)
_WINDOWS = 'application/x-qt-windows-mime;value="{}"'
_NOT_IN_HISTORY = {
    _WINDOWS.format("ExcludeClipboardContentFromMonitorProcessing"): b"\x00\x00\x00\x00",
    _WINDOWS.format("CanIncludeInClipboardHistory"): b"\x00\x00\x00\x00",
    _WINDOWS.format("CanUploadToCloudClipboard"): b"\x00\x00\x00\x00",
}


def copy_secret(text: str, clear_after_ms: int | None = None) -> None:
    """Put ``text`` on the clipboard as a secret; clear it later unless replaced."""
    data = QMimeData()
    data.setText(text)
    data.setData(SECRET_MARK, b"secret")
    for mime, value in _NOT_IN_HISTORY.items():
        data.setData(mime, value)
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(data)
    delay = CLEAR_AFTER_MS if clear_after_ms is None else clear_after_ms
    QTimer.singleShot(delay, QGuiApplication.instance(), lambda: _clear_if_unchanged(text))


def _clear_if_unchanged(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(SECRET_MARK) and data.text() == text:
        clipboard.clear()
