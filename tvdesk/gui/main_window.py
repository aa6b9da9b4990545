"""The window an agent keeps open all day: the frame that holds the day's screens.

It composes the extension card, the message banner, the period and dial bar, the tabs (the
call log, pauses, to call back, my day, the supervisor's screen), the phone's panel beside
them and the status bar; it shows what it is told and says what the agent asked for,
through intent methods and signals. The features live elsewhere and connect to it:
``history`` (the period's data), ``dialing``, ``webphone.dock`` (the phone), ``pause_reasons``,
``controller`` (sign-out, quit, settings).

The frame shows first; the call and pause screens are built in the next turn of the event
loop (or once the phone is connected), so the window appears without waiting for them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tvdesk import __version__
from tvdesk.core.models import Ramal
from tvdesk.core.vocabulary import MessageKind
from tvdesk.gui.actions import WindowActions, WindowKeysFirst, on_trigger
from tvdesk.gui.extension_card import ExtensionCard
from tvdesk.gui.icons import icon
from tvdesk.gui.settings_model import SettingsModel
from tvdesk.gui.widgets.banner import Banner
from tvdesk.gui.widgets.range_bar import RangeBar
from tvdesk.gui.window_state import (
    default_size,
    fit_to_screen,
    restore_columns,
    restore_window,
    window_layout,
)


class MainWindow(QMainWindow):
    dialSubmitted = Signal(str)   # the dial box's text, as typed
    signOutRequested = Signal()
    quitRequested = Signal()
    settingsRequested = Signal()
    closing = Signal()            # closed for good (not to the tray): let go of what it holds
    messageActionRequested = Signal(str)  # the banner's own button: the message's source
    hiddenToTray = Signal()
    screensBuilt = Signal()
    activated = Signal()          # the window came to the front (the agent looks at it)

    def __init__(self, settings: SettingsModel, *, today: date | None = None,
                 screens_now: bool = True, parent=None) -> None:
        """``screens_now`` False: the call and pause screens wait for :meth:`build_screens`
        (the phone connects first)."""
        super().__init__(parent)
        self._settings = settings
        self._close_to_tray = False
        self._quitting = False
        self._title = "tvdesk"
        self._missed = 0
        self._call_backs = 0
        self.setWindowTitle("tvdesk")
        self.resize(*default_size(self))  # (a saved geometry replaces it, below)

        self.card = ExtensionCard()
        self.card.set_connecting(self.tr("Connecting to TotalVoice…"))
        self.range_bar = RangeBar(today)
        self.shortcuts_box = None
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Reload the period (F5)"))
        self.dial_box = QLineEdit()
        self.dial_box.setPlaceholderText(self.tr("Number or extension to dial (Ctrl+D)"))
        self.dial_box.setClearButtonEnabled(True)
        self.dial_box.setMinimumWidth(240)
        self.dial_box.setAccessibleName(self.tr("Number or extension to dial"))
        self.dial_button = QPushButton(icon("dial"), self.tr("Dial"))
        self.banner = Banner()
        self._message_source = ""
        self._sticky: dict[str, tuple[str, str, str]] = {}  # source: text, kind, action
        self.banner.dismissed.connect(self._dismissed)
        self.banner.actionRequested.connect(
            lambda: self.messageActionRequested.emit(self._message_source))
        self.calls = None       # CallLogScreen: see build_screens
        self.pauses = None      # PausesScreen
        self.call_backs = None  # CallBackScreen
        self.my_day = None      # MyDayScreen
        self.supervisor = None  # SupervisorScreen, while the setting is on
        self.tabs = QTabWidget()
        self.preview_range = None      # the period the stored preview showed (stored_preview)
        self.history_started = False   # the history has taken over the screens

        self.progress = QProgressBar()
        self._progress_wanted = (0, 0)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(100)
        self._progress_timer.timeout.connect(self._show_progress)
        self.progress.setMaximumWidth(260)
        self.progress.setFormat(self.tr("page %v of %m"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop loading (Esc)"))
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.set_loading(False)

        bar = QHBoxLayout()
        bar.addWidget(self.range_bar)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.dial_box)
        bar.addWidget(self.dial_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setCollapsible(0, False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        # nothing moves under the agent's mouse: a call arriving takes the card's place (the
        # same room), and messages have a strip of their own that is always there
        self.top = QStackedWidget()
        self.top.addWidget(self.card)
        layout.addWidget(self.top)
        self.message_strip = QWidget()
        strip = QVBoxLayout(self.message_strip)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addWidget(self.banner)
        self.message_strip.setFixedHeight(self.banner.reserved_height())
        layout.addWidget(self.message_strip)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._central_layout = layout
        self.setCentralWidget(central)
        self.menu_actions = acts = WindowActions(self, settings.current.webphone_mode)

        acts.sign_out.triggered.connect(self.signOutRequested)
        acts.quit.triggered.connect(self.quitRequested)
        acts.settings.triggered.connect(self.settingsRequested)
        on_trigger(acts.about, self._about)
        on_trigger(acts.shortcuts, self.show_shortcuts)
        on_trigger(acts.search, self.focus_search)
        on_trigger(acts.dial, self.focus_dial)
        acts.export.triggered.connect(lambda: self.calls and self.calls.ask_export())
        for n, act in enumerate(acts.tabs):
            act.triggered.connect(lambda _=False, i=n: self.tabs.setCurrentIndex(i))
        self.dial_box.returnPressed.connect(self._dial_submitted)
        WindowKeysFirst(self, self.dial_box)
        self.dial_button.clicked.connect(self._dial_submitted)
        settings.changed.connect(self._settings_changed)
        restore_window(self, settings.current)
        fit_to_screen(self)
        self.set_ready(False)
        if screens_now:
            QTimer.singleShot(0, self.build_screens)

    # ------------------------------------------------------------------ the frame
    def build_screens(self) -> None:
        """The received calls, pause history and call-back tabs (once)."""
        if self.calls is not None:
            return
        from tvdesk.gui.call_back import CallBackScreen
        from tvdesk.gui.call_log import CallLogScreen
        from tvdesk.gui.my_day import MyDayScreen
        from tvdesk.gui.pauses import PausesScreen

        self.calls = CallLogScreen()
        self.pauses = PausesScreen()
        self.call_backs = CallBackScreen()
        self.my_day = MyDayScreen()
        self.tabs.addTab(self.calls, self.tr("Calls"))
        self.tabs.addTab(self.pauses, self.tr("Pause history"))
        self.tabs.addTab(self.call_backs, self.tr("To call back"))
        self.tabs.addTab(self.my_day, self.tr("My day"))
        for screen in (self.calls, self.my_day):
            screen.set_csv_separator(self._settings.current.csv_separator)
            screen.message.connect(self.show_message)
        restore_columns(self.calls.table.horizontalHeader(), self._settings.current)
        WindowKeysFirst(self, self.calls.search)
        self.screensBuilt.emit()

    def set_ready(self, ready: bool) -> None:
        """Signed in: the period, the tabs and what acts on them work."""
        for w in (self.range_bar, self.refresh_button, self.tabs, self.dial_box,
                  self.dial_button):
            w.setEnabled(ready)
        self.menu_actions.refresh.setEnabled(ready)
        self.menu_actions.export.setEnabled(ready)

    def show_saved_history(self) -> None:
        """The stored history is on screen, the phone system not reached yet."""
        self.show_status(self.tr("Saved history: connecting…"))

    def allow_browsing(self) -> None:
        """Not signed in yet (the API does not answer): the stored history on screen can
        be scrolled, searched and filtered meanwhile."""
        self.tabs.setEnabled(True)

    def allow_dialing(self) -> None:
        """The phone exists before the sign-in has finished: the dial box works already."""
        for w in (self.dial_box, self.dial_button):
            w.setEnabled(True)

    def show_remembered_extension(self, number: str) -> None:
        """Before the sign-in (maybe long, offline): the title names the extension already,
        so the taskbar shows whose window it is."""
        self._title = self.tr("Extension {number}").format(number=number)
        self._show_title()
        self.card.set_number(number)

    def show_extension(self, ramal: Ramal) -> None:
        # (the desktop adds " — tvdesk", the application's name, where it shows titles)
        self._title = self.tr("Extension {number}").format(number=ramal.ramal)
        self._show_title()
        self.card.set_ramal(ramal)

    def set_missed_count(self, count: int) -> None:
        """Missed calls the agent has not seen, in the title (the taskbar shows it)."""
        self._missed = count
        self._show_title()

    def set_call_back_count(self, count: int) -> None:
        """Numbers to call back: in their tab's name and in the title."""
        self._call_backs = count
        if self.call_backs is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.call_backs),
                                 self.tr("To call back (%n)", "", count) if count
                                 else self.tr("To call back"))
        self._show_title()

    def _show_title(self) -> None:
        """The name first, the counts after it: a taskbar cuts a title at its end, and
        "(1 missed) (3 to call back)…" left no name to find the window by."""
        counts = []
        if self._missed:
            counts.append(self.tr("%n missed", "", self._missed))
        if self._call_backs:
            counts.append(self.tr("%n to call back", "", self._call_backs))
        self.setWindowTitle(self._title + (f" ({', '.join(counts)})" if counts else ""))

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.activated.emit()
        super().changeEvent(event)

    def show_phone_state(self, text: str, *, paused: bool = False) -> None:
        self.card.set_phone_state(text, paused=paused)

    def set_supervisor_screen(self, screen: QWidget | None) -> None:
        """Add the supervisor's tab (``screen``), or remove it (None)."""
        if self.supervisor is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.supervisor))
            self.supervisor.deleteLater()
        self.supervisor = screen
        if screen is not None:
            self.tabs.addTab(screen, self.tr("Extensions (supervisor)"))

    def place_phone(self, panel: QWidget, banner: QWidget) -> None:
        """Room for the phone: its panel beside the tabs, its banner in the card's place."""
        self.top.addWidget(banner)
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(1, 1)

    def show_phone_banner(self, shown: bool) -> None:
        """A call arriving (or missed) in the card's place; the card again after it."""
        self.top.setCurrentIndex(1 if shown and self.top.count() > 1 else 0)

    def size_phone_panel(self, width: int) -> None:
        self.splitter.setSizes([max(400, self.splitter.width() - width), width])

    def collapse_phone_panel(self) -> None:
        self.splitter.setSizes([1, 0])

    # ------------------------------------------------------------------ messages and loading
    # messages that stay until their source takes them back (a refresh does not hide them):
    # the phone is down, the token was refused
    STICKY = frozenset({"phone", "token", "offline", "signin"})

    def show_message(self, text: str, kind: str = MessageKind.INFO, *, retry: bool = False,
                     action: str = "", source: str = "app") -> None:
        """In the banner. ``source``: who said it (see :meth:`hide_message`); ``action``:
        a button that emits ``messageActionRequested(source)``. A sticky message covered
        by another comes back when that one goes."""
        if source in self.STICKY:
            self._sticky[source] = (text, kind, action)
        self._message_source = source
        self.banner.show_message(text, kind, retry=retry, action=action)

    def hide_message(self, source: str | None = None) -> None:
        """Take back the message ``source`` said; without ``source``, the message shown,
        unless a sticky source said it."""
        if source in self.STICKY:
            self._sticky.pop(source, None)
        current = self._message_source
        if (source is None and current in self.STICKY) or \
                (source is not None and source != current):
            return
        self.banner.hide()
        self._message_source = ""
        self._show_sticky()

    def _show_sticky(self) -> None:
        for source, (text, kind, action) in self._sticky.items():
            self._message_source = source
            self.banner.show_message(text, kind, action=action)
            return

    def _dismissed(self) -> None:
        """The agent closed the banner: a sticky message stays closed; a message that
        covered one lets it show again."""
        self._sticky.pop(self._message_source, None)
        self._message_source = ""
        self._show_sticky()

    @property
    def message_source(self) -> str:
        return self._message_source if self.banner.isVisible() else ""

    def show_status(self, text: str, seconds: int = 0) -> None:
        """In the status bar: for good, or for ``seconds`` over the standing text."""
        if seconds:
            self.statusBar().showMessage(text, seconds * 1000)
        else:
            self.status.setText(text)

    def set_loading(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)
        if loading:
            self.status.setText(self.tr("Loading…"))

    def set_progress(self, done: int, total: int) -> None:
        """Pages done of the total, shown at most every 100 ms: QProgressBar repaints at
        once on every value, and with it whatever else waits to be painted (the call log
        filling with a page), which stalled the window while a long period loaded."""
        self._progress_wanted = (done, total)
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _show_progress(self) -> None:
        done, total = self._progress_wanted
        # QProgressBar.setValue repaints at once, and a synchronous paint flushes the
        # whole window's pending paints with it: drawn in the next paint instead
        bar = self.progress
        bar.setUpdatesEnabled(False)
        bar.setRange(0, max(total, 1) if total else 0)
        bar.setValue(done)
        bar.setUpdatesEnabled(True)
        bar.update()

    # ------------------------------------------------------------------ focus and dialing
    def focus_search(self) -> None:
        if self.calls is None:
            return
        self.tabs.setCurrentWidget(self.calls)
        self.calls.search.setFocus()
        self.calls.search.selectAll()

    def focus_dial(self) -> None:
        self.dial_box.setFocus()
        self.dial_box.selectAll()

    def clear_dial_box(self) -> None:
        self.dial_box.clear()

    def _dial_submitted(self) -> None:
        self.dialSubmitted.emit(self.dial_box.text())

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ settings, closing
    def _settings_changed(self, names: frozenset) -> None:
        if "csv_separator" in names and self.calls is not None:
            for screen in (self.calls, self.my_day):
                screen.set_csv_separator(self._settings.current.csv_separator)

    def set_close_to_tray(self, on: bool) -> None:
        """Closing hides the window in the tray (there is one, and the agent wants it)."""
        self._close_to_tray = on

    @property
    def closes_to_tray(self) -> bool:
        return self._close_to_tray

    def close_for_quit(self) -> None:
        """Close for real, tray or not (Quit, sign-out), without asking."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting:
            event.ignore()
            if self._close_to_tray:  # tvdesk stays in the tray: the phone keeps working
                self.hide()
                self.hiddenToTray.emit()
            else:  # closing would end tvdesk: that is Quit (it asks during a call)
                self.quitRequested.emit()
            return
        self.closing.emit()  # the phone, the loading, a playing recording let go now
        header = self.calls.table.horizontalHeader() if self.calls is not None else None
        self._settings.update(**window_layout(self, header, self.range_bar.current_preset()))
        super().closeEvent(event)

    def show_shortcuts(self) -> QMessageBox:
        """Help → Keyboard shortcuts: every action that has keys, and the table's own."""
        rows = [*self.menu_actions.shortcut_list(),
                (self.tr("Call back the selected call"), self.tr("Enter")),
                (self.tr("Tones during a call"), self.tr("digits in the dial box"))]
        table = "".join(f"<tr><td>{what}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>"
                        for what, keys in rows)
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          f"<table>{table}</table>", QMessageBox.StandardButton.Close, self)
        box.open()
        self.shortcuts_box = box
        return box

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About tvdesk"),
                          self.tr("tvdesk {version}\nThe desktop for TotalVoice (Zenvia Voice) "
                                  "call-center agents.").format(version=__version__),
                          QMessageBox.StandardButton.Ok, self)
        box.open()
