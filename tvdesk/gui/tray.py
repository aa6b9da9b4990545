"""The system tray: the phone's state at a glance, and the day's few actions.

With no system tray (some desktops, or none at all) nothing changes: closing the window
quits as usual. With one, closing the window keeps tvdesk running there (configurable).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from tvdesk.gui.actions import on_trigger
from tvdesk.resources import resource_path

STATE_COLORS = {
    "off": "#9aa3ad", "connecting": "#e0a800", "ready": "#2ecc71", "call": "#0b6bcb",
    "ringing": "#ff8c00", "problem": "#d93025", "paused": "#8e44ad",
}


def state_icon(state: str, missed: int = 0, size: int = 64) -> QIcon:
    """The app icon with a coloured dot for the phone's state, and a red badge with the
    count of unseen missed calls."""
    pixmap = QIcon(str(resource_path("icons", "tvdesk.svg"))).pixmap(size, size)
    if pixmap.isNull():
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor("#0b6bcb"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("white"))
    painter.setBrush(QColor(STATE_COLORS.get(state, STATE_COLORS["off"])))
    d = size * 0.42
    painter.drawEllipse(QRectF(size - d - 1, size - d - 1, d, d))
    if missed:
        badge = QRectF(0, 0, size * 0.5, size * 0.5)
        painter.setBrush(QColor("#d93025"))
        painter.drawEllipse(badge)
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(int(size * 0.32))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(missed) if missed < 10
                         else "9+")
    painter.end()
    return QIcon(pixmap)


def _notifications_through_dbus() -> bool:
    """Whether Qt's tray icon speaks to a StatusNotifier host over D-Bus (its messages are
    the desktop's notifications) rather than drawing its own balloon."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() not in ("xcb", "offscreen"):
        return True  # (Windows, macOS: the system's own)
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    return bus.isConnected() and bus.interface().isServiceRegistered(
        "org.kde.StatusNotifierWatcher").value()


class Tray(QObject):
    showRequested = Signal()
    hideRequested = Signal()
    dialClipboardRequested = Signal()
    pauseRequested = Signal()
    unpauseRequested = Signal()
    quitRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.state = "off"
        self.missed = 0
        self._text = ""
        self.disposed = False  # off the tray for good: later news changes nothing
        self.notified = ""  # the title of the balloon shown last (until withdrawn)
        self.icon = QSystemTrayIcon(state_icon("off"), self)
        self.menu = QMenu()
        self.toggle_action = QAction(self.tr("Show tvdesk"), self.menu)
        self.dial_action = QAction(self.tr("Dial the copied number"), self.menu)
        self.pause_action = QAction(self.tr("Pause in the queues"), self.menu)
        self.unpause_action = QAction(self.tr("Resume in the queues"), self.menu)
        self.quit_action = QAction(self.tr("Quit tvdesk"), self.menu)
        for act in (self.toggle_action, self.dial_action):
            self.menu.addAction(act)
        self.menu.addSeparator()
        self.menu.addAction(self.pause_action)
        self.menu.addAction(self.unpause_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        on_trigger(self.toggle_action, self._toggle)
        self.dial_action.triggered.connect(self.dialClipboardRequested)
        self.pause_action.triggered.connect(self.pauseRequested)
        self.unpause_action.triggered.connect(self.unpauseRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        self.icon.activated.connect(self._activated)
        self.menu.aboutToShow.connect(self._update_toggle)
        self._window_visible = lambda: False
        self.set_state("off", self.tr("tvdesk"))
        if self.available:
            self.icon.show()

    def set_window_query(self, window_visible) -> None:
        """How the tray asks whether the main window is on screen (Show or Hide)."""
        self._window_visible = window_visible

    def _update_toggle(self) -> None:
        visible = self._window_visible()
        self.toggle_action.setText(self.tr("Hide tvdesk") if visible else self.tr("Show tvdesk"))

    def set_state(self, state: str, text: str, *, paused: bool = False) -> None:
        if self.disposed:
            return
        shown = "paused" if paused and state == "ready" else state
        if shown != self.state:
            self.state = shown
            self.icon.setIcon(state_icon(shown, self.missed))
        self._text = text
        self._show_tooltip()
        self.pause_action.setEnabled(state in ("ready", "call", "ringing") and not paused)
        self.unpause_action.setEnabled(paused)

    def set_missed(self, count: int) -> None:
        """Missed calls the agent has not seen: a badge on the icon, a line in the tip."""
        if not self.disposed and count != self.missed:
            self.missed = count
            self.icon.setIcon(state_icon(self.state, count))
            self._show_tooltip()

    def _show_tooltip(self) -> None:
        text = self._text
        if self.missed:
            text += "\n" + self.tr("Missed calls: %n", "", self.missed)
        self.icon.setToolTip(text)

    def notify(self, title: str, text: str) -> None:
        if self.available and not self.disposed:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
            self.notified = title

    def withdraw(self, title: str) -> None:
        """Take back the balloon shown (the call it announced was answered, or is over).
        Qt's own balloon (an X11 tray) goes with an empty message; a desktop's notification
        service (a StatusNotifier tray) would show the empty message as a new one, and
        expires the old one by itself."""
        if self.notified != title or self.disposed or not self.available:
            return  # (another, newer news is up: a missed call's)
        self.notified = ""
        if not _notifications_through_dbus():
            self.icon.showMessage("", "", QSystemTrayIcon.MessageIcon.NoIcon, 1)

    def _toggle(self) -> None:
        (self.hideRequested if self._window_visible() else self.showRequested).emit()

    def _activated(self, reason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._toggle()

    def dispose(self) -> None:
        """Take the icon off the tray (idempotent)."""
        from tvdesk.gui.lifetime import alive

        self.disposed = True
        if alive(self.icon):
            self.icon.hide()
        if alive(self.menu):
            self.menu.deleteLater()
