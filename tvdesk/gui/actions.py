"""The main window's menus and keyboard shortcuts, as named actions.

The actions only exist and say what they are; whoever owns a feature connects to the ones
that concern it (the history to Refresh, the dialing to Dial the copied number, the phone's
dock to the modes…). Every action is also added to the window, so its shortcut works
wherever the focus is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from tvdesk.core.vocabulary import WebphoneMode


def on_trigger(action: QAction, slot: Callable[[], object]) -> None:
    """``slot()`` at every trigger, without ``triggered(bool)``'s argument: a slot with a
    default parameter (``pause(queue=None)``) would take ``checked=False`` for it and send
    ``filaId: false`` to the phone."""
    action.triggered.connect(lambda _checked=False: slot())


#: what a text field keeps for itself even where the window has a shortcut for the key
_EDITING = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut,
            QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Undo,
            QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.SelectAll)


class WindowKeysFirst(QObject):
    """The window's shortcuts win over a text field's own Ctrl keys: a QLineEdit takes
    Ctrl+E (end of line) and Ctrl+D (delete) on X11, so Export did nothing from the dial
    box. Editing keys (copy, paste, undo…) stay the field's."""

    def __init__(self, window: QMainWindow, *fields: QWidget) -> None:
        super().__init__(window)
        self._window = window
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or \
                not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        pressed = QKeySequence(event.keyCombination())
        if any(event.matches(key) for key in _EDITING):
            return False
        for act in self._window.actions():
            if act.isEnabled() and any(
                    pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch
                    for k in act.shortcuts()):
                event.ignore()  # not the field's: the window's shortcut fires
                return True
        return False


class WindowActions(QObject):
    def __init__(self, window: QMainWindow, mode: str) -> None:
        """Fill ``window``'s menu bar; ``mode``: the webphone mode shown checked."""
        super().__init__(window)
        self._window = window
        bar = window.menuBar()
        menu = bar.addMenu(self.tr("&File"))
        self.export = self._add(self.tr("Export calls to CSV…"), QKeySequence("Ctrl+E"), menu)
        menu.addSeparator()
        self.sign_out = self._add(self.tr("Sign out"), None, menu)
        self.quit = self._add(self.tr("Quit"), QKeySequence.StandardKey.Quit, menu)

        menu = bar.addMenu(self.tr("&View"))
        self.refresh = self._add(self.tr("Refresh"), [QKeySequence(Qt.Key.Key_F5),
                                                      QKeySequence("Ctrl+R")], menu)
        self.search = self._add(self.tr("Search calls"), QKeySequence.StandardKey.Find, menu)
        self.dial = self._add(self.tr("Dial a number"), QKeySequence("Ctrl+D"), menu)
        self.dial_clipboard = self._add(self.tr("Dial the copied number"),
                                        QKeySequence("Ctrl+Shift+D"), menu)
        self.stop_loading = self._add(self.tr("Stop loading"), QKeySequence(Qt.Key.Key_Escape),
                                      menu)
        menu.addSeparator()
        self.tabs = [self._add(title, QKeySequence(f"Ctrl+{n + 1}"), menu) for n, title in
                     enumerate((self.tr("Calls"), self.tr("Pause history"),
                                self.tr("To call back"), self.tr("My day")))]

        menu = bar.addMenu(self.tr("&Phone"))
        self.modes: dict[WebphoneMode, QAction] = {}
        group = QActionGroup(window)
        for m, title in ((WebphoneMode.EMBEDDED, self.tr("Webphone in this window")),
                         (WebphoneMode.FLOATING, self.tr("Webphone in its own window")),
                         (WebphoneMode.HIDDEN, self.tr("tvdesk's own phone controls"))):
            act = QAction(title, window, checkable=True)
            group.addAction(act)
            menu.addAction(act)
            self.modes[m] = act
        self.check_mode(mode)
        menu.addSeparator()
        self.answer = self._add(self.tr("Answer"), QKeySequence("Ctrl+Shift+A"), menu)
        self.hangup = self._add(self.tr("Hang up"), QKeySequence("Ctrl+Shift+H"), menu)
        self.mute = self._add(self.tr("Mute or unmute"), QKeySequence("Ctrl+Shift+M"), menu)
        self.tones = self._add(self.tr("Send tones (DTMF)…"), QKeySequence("Ctrl+Shift+T"),
                               menu)
        menu.addSeparator()
        self.pause = self._add(self.tr("Pause in the queues"), QKeySequence("Ctrl+P"), menu)
        self.unpause = self._add(self.tr("Resume in the queues"), QKeySequence("Ctrl+Shift+P"),
                                 menu)
        menu.addSeparator()
        self.show_floating = self._add(self.tr("Show the webphone window"), None, menu)
        self.reconnect = self._add(self.tr("Reconnect the webphone"), None, menu)

        menu = bar.addMenu(self.tr("&Tools"))
        self.settings = self._add(self.tr("Settings…"), QKeySequence.StandardKey.Preferences,
                                  menu)
        menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts = self._add(self.tr("Keyboard shortcuts"), QKeySequence("F1"), menu)
        self.about = self._add(self.tr("About tvdesk"), None, menu)

    def _add(self, text: str, keys, menu: QMenu) -> QAction:
        act = QAction(text, self._window)
        if keys:
            act.setShortcuts(keys if isinstance(keys, list) else [keys])
        menu.addAction(act)
        self._window.addAction(act)  # its shortcut works wherever the focus is
        return act

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(what, keys) of every action that has keys, in menu order (for Help)."""
        out = []
        for act in self._window.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in act.shortcuts())
            if keys:
                out.append((act.text().replace("&", "").rstrip("…"), keys))
        return out

    def check_mode(self, mode: str) -> None:
        """Show ``mode`` as the phone's (after a switch, or a refused one)."""
        self.modes[WebphoneMode.of(mode)].setChecked(True)

    def allow_mode_change(self, allowed: bool) -> None:
        for act in self.modes.values():
            act.setEnabled(allowed)
