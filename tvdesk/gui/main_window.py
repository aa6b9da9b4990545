"""The window an agent keeps open all day: their extension, received calls, pauses.

It composes the screens and wires them to :class:`AgentData`; it never calls the API
client itself. Loading shows pages fetched of the total and can be cancelled (Esc).

The frame (menus, extension card, period, dial box) shows first; the call and pause
screens are built in the next turn of the event loop, while the card still says
"connecting", so the window appears without waiting for them.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tvdesk import __version__
from tvdesk.core.api import ApiError, AuthenticationError
from tvdesk.core.phone import InvalidNumberError, format_for_display, normalize
from tvdesk.core.phone import warm_up as phone_warm_up
from tvdesk.core.session import PhoneLine, Session
from tvdesk.core.settings import Settings
from tvdesk.gui.agent_data import AgentData
from tvdesk.gui.background import Background
from tvdesk.gui.extension_card import ExtensionCard
from tvdesk.gui.extensions_admin import ExtensionsAdmin
from tvdesk.gui.icons import icon
from tvdesk.gui.messages import describe, not_allowed_text
from tvdesk.gui.widgets.banner import Banner
from tvdesk.gui.widgets.range_bar import RangeBar


class MainWindow(QMainWindow):
    dialRequested = Signal(str)    # E.164 number or extension digits
    signOutRequested = Signal()
    authFailed = Signal(object)

    sessionAttached = Signal(object)  # Session
    phoneStarted = Signal(object)     # WebphoneController
    hiddenToTray = Signal()

    def __init__(self, background: Background, settings: Settings,
                 save_settings: Callable[[Settings], None], *, today: date | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.background = background
        self.session: Session | None = None
        self.data: AgentData | None = None
        self.admin: ExtensionsAdmin | None = None
        self.settings = settings
        self._save_settings = save_settings
        self.close_to_tray = False  # set by the app when a tray exists and it is wanted
        self.tray = None            # the app's Tray, for notifications
        self.quitting = False
        self.setWindowTitle("tvdesk")
        self.resize(1180, 760)

        self.card = ExtensionCard()
        self.card.set_connecting(self.tr("Connecting to TotalVoice…"))
        self.range_bar = RangeBar(today)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Reload the period (F5)"))
        self.dial_box = QLineEdit()
        self.dial_box.setPlaceholderText(self.tr("Number or extension to dial (Ctrl+D)"))
        self.dial_box.setClearButtonEnabled(True)
        self.dial_box.setMinimumWidth(240)
        self.dial_button = QPushButton(icon("dial"), self.tr("Dial"))
        self.refresh_button.setIcon(icon("refresh"))
        self.banner = Banner()
        self.calls = None   # ReceivedCallsScreen: see _build_screens
        self._shown_range = None  # the period whose rows are on screen
        self.pauses = None  # PausesScreen
        self.supervisor = None  # SupervisorScreen, built when the mode is on
        self.tabs = QTabWidget()

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setFormat(self.tr("page %v of %m"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop loading (Esc)"))
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_loading(False)

        bar = QHBoxLayout()
        bar.addWidget(self.range_bar)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.dial_box)
        bar.addWidget(self.dial_button)
        self.incoming = None  # IncomingCallBanner, with the webphone
        self.phone = None     # WebphoneController, built when the webphone starts
        self.phone_area = QWidget()
        self.phone_area.setLayout(QVBoxLayout())
        self.phone_area.layout().setContentsMargins(0, 0, 0, 0)
        self.phone_area.hide()
        self.floating = None
        self.hidden_host = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.phone_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(self.card)
        layout.addWidget(self.banner)
        self._incoming_slot = layout.count()
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._central_layout = layout
        self.setCentralWidget(central)
        self._build_menus()

        self.range_bar.rangeChanged.connect(lambda *_: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.banner.retryRequested.connect(self.refresh)
        self.dial_box.returnPressed.connect(self._dial_from_box)
        self.dial_button.clicked.connect(self._dial_from_box)

        self.auto_refresh = QTimer(self)
        self.auto_refresh.timeout.connect(self._auto_refresh)
        self._restore_layout()
        self._set_ready(False)
        if not settings.webphone_autostart:
            QTimer.singleShot(0, self._build_screens)
        # else the phone comes first: the screens are built when it is connected (attach)

    def _build_screens(self) -> None:
        if self.calls is not None:
            return
        from tvdesk.gui.pauses import PausesScreen
        from tvdesk.gui.received_calls import ReceivedCallsScreen

        self.calls = ReceivedCallsScreen()
        self.calls.csv_separator = self.settings.csv_separator
        self.pauses = PausesScreen()
        self.tabs.addTab(self.calls, self.tr("Received calls"))
        self.tabs.addTab(self.pauses, self.tr("Pause history"))
        self.calls.dialRequested.connect(self.request_dial)
        self.calls.message.connect(self.show_message)
        self._restore_columns()

    def _set_ready(self, ready: bool) -> None:
        for w in (self.range_bar, self.refresh_button, self.tabs, self.dial_box,
                  self.dial_button):
            w.setEnabled(ready)
        self.refresh_action.setEnabled(ready)
        self.export_action.setEnabled(ready)

    def attach(self, session: Session) -> None:
        """The agent is signed in: load their extension and history."""
        self._build_screens()
        self.session = session
        self.background.executor.submit(phone_warm_up)  # before the first rows arrive
        self.data = d = AgentData(session, self.background, self)
        self.admin = ExtensionsAdmin(session, self.background, self)
        self.setWindowTitle(self.tr("tvdesk — extension {number}").format(
            number=session.ramal.ramal))
        self.card.set_ramal(session.ramal)
        d.callsPage.connect(self.calls.add_page)
        d.callsLoaded.connect(lambda report: self.calls.finish_loading(report.calls))
        d.pausesLoaded.connect(lambda report: self.pauses.show_report(report,
                                                                      self.range_bar.range()))
        d.ramalLoaded.connect(self.card.set_ramal)
        d.progress.connect(self._progress)
        d.loadingChanged.connect(self._set_loading)
        d.failed.connect(self._failed)
        d.cancelled.connect(self._cancelled)
        d.callsLoaded.connect(self._loaded)
        self._set_ready(True)
        self.set_supervisor_mode(self.settings.supervisor)
        self.set_refresh_minutes(self.settings.refresh_minutes)
        self.sessionAttached.emit(session)
        wanted = self.phone is not None or self.settings.webphone_autostart
        started_now = False
        if self.phone is not None:  # started early: the app waited for it before this
            if self.phone.extension_checked(session.ramal):
                self.phone.line = session.line  # the same client, the extension's id now
        elif self.settings.webphone_autostart and session.ramal.webphone:
            self.start_webphone()
            started_now = True
        from tvdesk.core.webphone.phone_state import Registration

        if started_now and self.phone.state.registration is Registration.LOADING:
            # the phone first: the history loads once it is connected (or 1.5 s passed),
            # so the two do not compete for the machine while the agent waits to work
            self._first_load = QTimer(self)
            self._first_load.setSingleShot(True)
            self._first_load.timeout.connect(self._load_first)
            self._first_load.start(1500)
            self.phone.stateChanged.connect(self._load_first_when_connected)
        else:
            self._load_first()
        if wanted and not session.ramal.webphone:  # (after the load, which clears the banner)
            self.show_message(not_allowed_text(), "warning")

    def _load_first_when_connected(self) -> None:
        from tvdesk.core.webphone.phone_state import Registration

        if self.phone.state.registration in (Registration.CONNECTED, Registration.ERROR):
            self._load_first()

    def _load_first(self) -> None:
        if getattr(self, "_first_done", False):
            return
        self._first_done = True
        if getattr(self, "_first_load", None) is not None:
            self._first_load.stop()
        self.range_bar.set_preset(self.settings.range_preset)  # triggers the first load

    # ------------------------------------------------------------------ menus and keys
    def _build_menus(self) -> None:
        def action(text: str, keys, slot, menu) -> QAction:
            act = QAction(text, self)
            if keys:
                act.setShortcuts(keys if isinstance(keys, list) else [keys])
            act.triggered.connect(slot)
            menu.addAction(act)
            self.addAction(act)
            return act

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.export_action = action(self.tr("Export calls to CSV…"), QKeySequence("Ctrl+E"),
                                    lambda: self.calls and self.calls._ask_export(), file_menu)
        file_menu.addSeparator()
        action(self.tr("Sign out"), None, self.signOutRequested.emit, file_menu)
        action(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close, file_menu)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.refresh_action = action(self.tr("Refresh"),
                                     [QKeySequence(Qt.Key.Key_F5), QKeySequence("Ctrl+R")],
                                     self.refresh, view)
        action(self.tr("Search calls"), QKeySequence.StandardKey.Find, self.focus_search, view)
        action(self.tr("Dial a number"), QKeySequence("Ctrl+D"), self.focus_dial, view)
        action(self.tr("Dial the copied number"), QKeySequence("Ctrl+Shift+D"),
               self.dial_clipboard, view)
        action(self.tr("Stop loading"), QKeySequence(Qt.Key.Key_Escape), self.cancel_loading,
               view)
        view.addSeparator()
        for n, title in enumerate((self.tr("Received calls"), self.tr("Pause history"))):
            action(title, QKeySequence(f"Ctrl+{n + 1}"),
                   lambda _=False, i=n: self.tabs.setCurrentIndex(i), view)
        phone = self.menuBar().addMenu(self.tr("&Phone"))
        self.mode_actions = {}
        group = QActionGroup(self)
        for mode, title in (("embedded", self.tr("Webphone in this window")),
                            ("floating", self.tr("Webphone in its own window")),
                            ("hidden", self.tr("tvdesk's own phone controls"))):
            act = QAction(title, self, checkable=True)
            act.setChecked(mode == self.settings.webphone_mode)
            act.triggered.connect(lambda _=False, m=mode: self.set_webphone_mode(m))
            group.addAction(act)
            phone.addAction(act)
            self.mode_actions[mode] = act
        phone.addSeparator()
        self.pause_action = action(self.tr("Pause in the queues"), QKeySequence("Ctrl+P"),
                                   lambda: self.phone and self.phone.pause(), phone)
        self.unpause_action = action(self.tr("Resume in the queues"),
                                     QKeySequence("Ctrl+Shift+P"),
                                     lambda: self.phone and self.phone.unpause(), phone)
        phone.addSeparator()
        self.show_floating_action = action(self.tr("Show the webphone window"), None,
                                           self._show_floating, phone)
        action(self.tr("Reconnect the webphone"), None,
               lambda: self.phone and self.phone.reconnect(), phone)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        action(self.tr("Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings,
               tools)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        action(self.tr("About tvdesk"), None, self._about, help_menu)

    def focus_search(self) -> None:
        if self.calls is None:
            return
        self.tabs.setCurrentWidget(self.calls)
        self.calls.search.setFocus()
        self.calls.search.selectAll()

    def focus_dial(self) -> None:
        self.dial_box.setFocus()
        self.dial_box.selectAll()

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        if self.data is None:
            return
        self.banner.hide()
        span = self.range_bar.range()
        same_period = span == self._shown_range
        self.calls.start_loading(keep=same_period)
        if not same_period:
            self.pauses.show_report(None, None)
        self._shown_range = span
        self.data.refresh(*span)

    def cancel_loading(self) -> None:
        if self.data is not None:
            self.data.cancel()

    def _auto_refresh(self) -> None:
        if self.data is not None and not self.data.loading and self.isVisible():
            self.refresh()

    def set_refresh_minutes(self, minutes: int) -> None:
        self.auto_refresh.stop()
        if minutes > 0:
            self.auto_refresh.start(minutes * 60_000)

    def _set_loading(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)
        if loading:
            self.status.setText(self.tr("Loading…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1) if total else 0)
        self.progress.setValue(done)

    def _loaded(self, _report) -> None:
        self.status.setText(self.tr("Updated at {time}").format(
            time=datetime.now().strftime("%H:%M")))

    def _failed(self, exc: ApiError) -> None:
        self.calls.stop_loading()
        if isinstance(exc, AuthenticationError):
            self.authFailed.emit(exc)
            return
        self.status.setText(self.tr("Not updated"))
        self.banner.show_message(describe(exc, self.session.base_url), "error", retry=True)

    def _cancelled(self) -> None:
        kept = self.calls._keep
        self.calls.stop_loading()
        self.status.setText(self.tr("Loading cancelled"))
        if kept:
            text = self.tr("Loading was cancelled: the list is as it was before.")
        else:
            text = self.tr("Loading was cancelled: the list shows only what had arrived.")
        self.banner.show_message(text, "warning", retry=True)

    def show_message(self, text: str, kind: str = "info") -> None:
        self.banner.show_message(text, kind)

    # ------------------------------------------------------------------ dialing
    def _dial_from_box(self) -> None:
        text = self.dial_box.text()
        if self.request_dial(text):
            self.dial_box.clear()

    def dial_clipboard(self) -> QMessageBox | None:
        """Dial the number the agent copied, after asking (the clipboard may surprise)."""
        from PySide6.QtGui import QClipboard, QGuiApplication

        from tvdesk.core.links import from_clipboard

        board = QGuiApplication.clipboard()
        target = from_clipboard(board.text())
        if target is None and board.supportsSelection():
            target = from_clipboard(board.text(QClipboard.Mode.Selection))
        if target is None:
            self.banner.show_message(self.tr("The copied text has no phone number or "
                                              "extension."), "warning")
            return None
        shown = format_for_display(target.value) or target.value
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Dial the copied number"),
                          self.tr("Dial {number}?").format(number=shown),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes
                             and self.request_dial(target.value))
        self.clipboard_box = box
        self.show()
        self.raise_()
        box.open()
        return box

    def request_dial(self, text: str) -> bool:
        try:
            target = normalize(text)
        except InvalidNumberError as exc:
            self.banner.show_message(
                self.tr("Type a number to dial.") if exc.reason == "empty" else
                self.tr("“{text}” is not a phone number or an extension. Use a number with "
                        "area code, e.g. (48) 99999-9999, or a 3-4 digit extension.")
                .format(text=text.strip()), "warning")
            return False
        self.statusBar().showMessage(self.tr("Dialing {number}…").format(
            number=format_for_display(target.value)), 5000)
        self.dialRequested.emit(target.value)
        if self.phone is None and self.session is not None:
            self.start_webphone()
        if self.phone is not None:  # (it may have started before the sign-in finished)
            self.phone.dial(target.value)
        return True

    # ------------------------------------------------------------------ the webphone
    def start_webphone(self, line: PhoneLine | Callable[[], PhoneLine] | None = None,
                       url_prefetch=None) -> None:
        """Load the webphone (QtWebEngine is imported here, on first use): the signed-in
        extension's, or ``line``'s when it starts before the sign-in has finished (with
        its first URL from ``url_prefetch``, if given)."""
        if self.phone is not None:
            return
        if line is None:
            if self.session is None:
                return
            line = self.session.line
        from tvdesk.gui.webphone.controller import WebphoneController
        from tvdesk.gui.webphone.incoming import IncomingCallBanner

        self.phone = WebphoneController(line, self.background, self.settings, self,
                                        url_prefetch=url_prefetch)
        self.incoming = IncomingCallBanner()
        self._central_layout.insertWidget(self._incoming_slot, self.incoming)
        self.incoming.answerRequested.connect(self.phone.answer)
        self.incoming.rejectRequested.connect(self.phone.hangup)
        self.phone.stateChanged.connect(self._phone_changed)
        self.phone.incomingCall.connect(self._incoming_call)
        self.phone.problem.connect(self.show_message)
        self.phone.closeRequested.connect(self._close_requested)
        if self.session is None or self.phone.extension_checked(self.session.ramal):
            self.phone.start()  # first: its URL request and page start while the UI is made
            for w in (self.dial_box, self.dial_button):  # a dial waits for the phone
                w.setEnabled(True)
        else:
            self.show_message(not_allowed_text(), "warning")
        self._show_phone_ui()
        self.phoneStarted.emit(self.phone)

    def stop_webphone(self) -> None:
        """Unload the webphone (its registration ends) and release its views first."""
        if self.phone is None:
            return
        if self.floating is not None:
            self.settings.webphone_geometry = self.floating.geometry_text()
        self.phone.stop()  # views let go of the page, then the page goes
        for name in ("floating", "hidden_host"):
            widget = getattr(self, name)
            if widget is not None:
                widget.close()
                widget.deleteLater()
                setattr(self, name, None)

    def set_webphone_mode(self, mode: str) -> None:
        if self.phone is not None and not self.phone.set_mode(mode):
            self.mode_actions[self.phone.mode].setChecked(True)  # refused: a call is on
            return
        self.settings.webphone_mode = mode
        self._save_settings(self.settings)
        if self.phone is not None:
            self._show_phone_ui()

    def _show_phone_ui(self) -> None:
        from tvdesk.gui.webphone.phone_controls import PhoneControls
        from tvdesk.gui.webphone.views import EmbeddedPanel, FloatingWindow, HiddenHost

        layout = self.phone_area.layout()
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        mode = self.phone.mode
        if mode == "embedded":
            self.embedded = EmbeddedPanel(self.phone)
            layout.addWidget(self.embedded)
        else:
            self.controls = PhoneControls(self.phone)
            layout.addWidget(self.controls)
        if mode == "hidden" and self.hidden_host is None:
            self.hidden_host = HiddenHost(self.phone, self)
        elif mode != "hidden" and self.hidden_host is not None:
            self.hidden_host.close()
            self.hidden_host.deleteLater()
            self.hidden_host = None
        if not self.phone_area.isVisible():
            self.phone_area.show()
            width = 380 if mode == "embedded" else 300
            self.splitter.setSizes([max(400, self.splitter.width() - width), width])
        if mode == "floating":
            if self.floating is None:
                self.floating = FloatingWindow(
                    self.phone, always_on_top=self.settings.webphone_always_on_top,
                    geometry=self.settings.webphone_geometry, parent=self)
                self.floating.on_top.toggled.connect(self._floating_on_top)
            self.floating.show()
        elif self.floating is not None:
            self.floating.close()
            self.floating.deleteLater()
            self.floating = None
        self.show_floating_action.setEnabled(mode == "floating")

    def _show_floating(self) -> None:
        if self.floating is not None:
            self.floating.show()
            self.floating.raise_()

    def _floating_on_top(self, on: bool) -> None:
        self.settings.webphone_always_on_top = on
        self._save_settings(self.settings)

    def _phone_changed(self) -> None:
        from tvdesk.core.webphone.phone_state import CallPhase
        from tvdesk.gui.webphone.phone_controls import pause_text, state_text

        text = state_text(self.phone)
        pause = pause_text(self.phone)
        self.card.state.setText(text + (f"  ·  {pause}" if pause else ""))
        call = self.phone.state.call
        if self.incoming is not None and (call is None or call.phase is not CallPhase.RINGING):
            self.incoming.hide()
        for act in self.mode_actions.values():
            act.setEnabled(call is None)

    def _incoming_call(self, call) -> None:
        history = self.calls.model.all_rows() if self.calls is not None else []
        self.incoming.show_call(call.number, history)
        self._notify(self.incoming.title.text(), self.incoming.history.text())
        QApplication.alert(self)
        if self.settings.raise_on_incoming:
            self.showNormal() if self.isMinimized() else self.show()
            self.raise_()
            self.activateWindow()

    def _notify(self, title: str, text: str) -> None:
        """A desktop notification, through the tray where the desktop has one (the in-app
        banner and the taskbar alert are there in any case)."""
        if self.tray is not None:
            self.tray.notify(title, text)

    def _close_requested(self) -> None:
        """fechar_fim: the call ended: the floating window closes, the panel collapses."""
        if self.phone is None:
            return
        if self.phone.mode == "floating" and self.floating is not None:
            self.floating.close()
        elif self.phone.mode == "embedded":
            self.splitter.setSizes([1, 0])

    # ------------------------------------------------------------------ settings, layout
    def set_supervisor_mode(self, on: bool) -> None:
        if on and self.supervisor is None and self.admin is not None:
            from tvdesk.gui.supervisor import SupervisorScreen

            self.supervisor = SupervisorScreen(self.admin)
            self.supervisor.message.connect(self.show_message)
            self.supervisor.authFailed.connect(self.authFailed)
            self.tabs.addTab(self.supervisor, self.tr("Extensions (supervisor)"))
        elif not on and self.supervisor is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.supervisor))
            self.supervisor.deleteLater()
            self.supervisor = None

    def open_settings(self):
        from tvdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self._apply_settings(dialog.result_settings()))
        dialog.open()
        return dialog

    def _apply_settings(self, new: Settings) -> None:
        language_changed = new.language != self.settings.language
        self.settings = new
        if self.calls is not None:
            self.calls.csv_separator = new.csv_separator
        self.set_refresh_minutes(new.refresh_minutes)
        self.set_supervisor_mode(new.supervisor)
        if self.phone is not None:
            self.phone.settings = new  # fechar_fim applies from the next load
        self.close_to_tray = bool(self.tray and self.tray.available and new.close_to_tray)
        self._save_settings(new)
        if language_changed:
            self.show_message(self.tr("The new language applies the next time tvdesk starts."),
                              "info")

    def _restore_layout(self) -> None:
        for text, restore in ((self.settings.window_geometry, self.restoreGeometry),
                              (self.settings.window_state, self.restoreState)):
            if text:
                with contextlib.suppress(ValueError):
                    restore(QByteArray(base64.b64decode(text)))

    def _restore_columns(self) -> None:
        if self.settings.calls_columns:
            with contextlib.suppress(ValueError):
                self.calls.table.horizontalHeader().restoreState(
                    QByteArray(base64.b64decode(self.settings.calls_columns)))

    def _remember_layout(self) -> None:
        def b64(data: QByteArray) -> str:
            return base64.b64encode(bytes(data)).decode("ascii")

        self.settings.window_geometry = b64(self.saveGeometry())
        self.settings.window_state = b64(self.saveState())
        if self.calls is not None:
            self.settings.calls_columns = b64(self.calls.table.horizontalHeader().saveState())
        self.settings.range_preset = self.range_bar.current_preset()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_to_tray and not self.quitting:
            event.ignore()  # tvdesk stays in the tray: the phone keeps working
            self.hide()
            self.hiddenToTray.emit()
            return
        self.cancel_loading()
        self.stop_webphone()
        if self.calls is not None and self.calls.player is not None:
            self.calls.player.stop()  # no recording left decoding while the window goes
        self._remember_layout()
        with contextlib.suppress(OSError, ValueError):  # never block closing on a file
            self._save_settings(self.settings)
        super().closeEvent(event)

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About tvdesk"),
                          self.tr("tvdesk {version}\nThe desktop for TotalVoice (Zenvia Voice) "
                                  "call-center agents.").format(version=__version__),
                          QMessageBox.StandardButton.Ok, self)
        box.open()
