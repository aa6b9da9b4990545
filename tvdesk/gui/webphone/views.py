"""Where the webphone shows: a panel in the main window, its own window, or nowhere (hidden,
with tvdesk's native controls)."""

from __future__ import annotations

import base64
import contextlib

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tvdesk.gui.webphone.controller import WebphoneController
from tvdesk.gui.window_state import FRAME, fit_to_screen


class WebphoneView(QWebEngineView):
    """Shows whatever page the controller has now (a new one after each reconnect)."""

    def __init__(self, controller: WebphoneController, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(280, 320)  # (a 1280x720 screen has room for no more)
        controller.pageChanged.connect(self._page_changed)
        if controller.page is not None:
            self.setPage(controller.page)

    def _page_changed(self, page) -> None:
        if page is None:
            self.setPage(None)
        else:
            self.setPage(page)


class HiddenHost(WebphoneView):
    """Hidden mode: a view that Qt and Chromium consider shown, never on screen.

    A page no view shows has a 0x0 viewport, so its frames count as off-screen and
    Chromium slows their timers to about once a second: the webphone's keep-alives would
    lapse. This view gives the page a real size and visibility without a window.
    """

    def __init__(self, controller: WebphoneController, parent=None) -> None:
        super().__init__(controller, parent)
        # a window of its own (owned by ``parent``, deleted with it), never on screen
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.resize(360, 560)
        self.show()


class EmbeddedPanel(QWidget):
    """The vendor's webphone inside the main window."""

    def __init__(self, controller: WebphoneController, parent=None) -> None:
        super().__init__(parent)
        self.view = WebphoneView(controller)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)


class FloatingWindow(QWidget):
    """The webphone in a window of its own; closing it hides it, the phone keeps working."""

    geometryChanged = Signal(str)  # base64, for the settings

    def __init__(self, controller: WebphoneController, *, always_on_top: bool,
                 geometry: str = "", parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)  # owned by the main window
        self.controller = controller
        self.setWindowTitle(self.tr("Webphone"))  # (the desktop adds " — tvdesk")
        self.view = WebphoneView(controller)
        self.on_top = QCheckBox(self.tr("Always on top"))
        self.on_top.setChecked(always_on_top)
        self.on_top.toggled.connect(self.set_always_on_top)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Webphone")))
        bar.addStretch(1)
        bar.addWidget(self.on_top)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.resize(340, 560)
        restored = False
        if geometry:
            with contextlib.suppress(ValueError):
                restored = self.restoreGeometry(QByteArray(base64.b64decode(geometry)))
        if not restored:  # first time: at the screen's right edge, beside the main window
            screen = (parent.screen() if parent is not None else None) or self.screen()
            if screen is not None:
                area = screen.availableGeometry()
                self.move(area.right() - self.width() - FRAME[0], area.top())
        fit_to_screen(self)  # never partly off the screen (a smaller one than last time)
        self.set_always_on_top(always_on_top)
        controller.closeRequested.connect(self.close)

    def set_always_on_top(self, on: bool) -> None:
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if visible:
            self.show()

    def geometry_text(self) -> str:
        return base64.b64encode(bytes(self.saveGeometry())).decode("ascii")

    def closeEvent(self, event) -> None:
        self.geometryChanged.emit(self.geometry_text())
        page = self.controller.page
        if page is not None:
            page.keep_visible()  # no view now: keep the phone's timers at full rate
        super().closeEvent(event)
