"""The webphone's browser side: profile, page rules, the QWebChannel bridge, the host page.

Rules, all keyed on the webphone's origin (scheme, host, port of the URL the API gave):
- only it gets the microphone; every other permission request is denied;
- only it loads inside the app: other navigations are refused, and links the agent clicks
  open in the system browser; pages never open windows of their own;
- the bridge accepts events only from its frame and origin, and posts only to it.
Console lines are logged redacted (Chromium puts frame URLs, with their key, in them).
"""

from __future__ import annotations

import html
import json
import logging
from functools import cache

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QFile,
    QIODevice,
    QObject,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineProfileBuilder,
    QWebEngineScript,
)

from tvdesk.core.redact import redact
from tvdesk.core.settings import data_dir
from tvdesk.core.vocabulary import WebphoneMode
from tvdesk.resources import resource_path

log = logging.getLogger(__name__)

#: tvdesk's host page lives at this origin: https, so a secure context (the webphone's
#: getUserMedia needs every ancestor frame to be one), and .invalid, so never a real host.
HOST_URL = "https://webphone-host.tvdesk.invalid/"
MAX_EVENT_BYTES = 65536


def origin_of(url: str | QUrl) -> str:
    q = QUrl(url) if isinstance(url, str) else url
    port = q.port()
    default = {"http": 80, "https": 443}.get(q.scheme())
    host = q.host().lower()
    return f"{q.scheme()}://{host}" + (f":{port}" if port not in (-1, default) else "")


@cache
def webphone_profile() -> QWebEngineProfile:
    """One persistent profile for the webphone, under the platform's data folder; it lives
    as long as the process (pages are deleted before it)."""
    base = data_dir() / "webphone"
    builder = QWebEngineProfileBuilder()
    builder.setPersistentStoragePath(str(base / "storage"))
    builder.setCachePath(str(base / "cache"))
    builder.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.AllowPersistentCookies)
    # decide every time: a stored grant would outlive the origin check
    builder.setPersistentPermissionsPolicy(
        QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime)
    profile = builder.createProfile("tvdesk-webphone")
    profile.setHttpUserAgent(profile.httpUserAgent() + " tvdesk")
    return profile


def release_webphone_profile(wind_down_ms: int = 100) -> None:
    """At the process's end, after the pages: the profile goes before the application
    (the order QtWebEngine asks for), and Qt's event loop runs ``wind_down_ms`` more so
    Chromium finishes taking it down (its windows are already closed: nobody waits).
    Left to the interpreter's exit, QtWebEngine's "NetworkService" thread crashed (SIGSEGV,
    seen under gdb) about once in 40-80 quits made within a second of the start, while the
    phone still loaded; deleting the profile alone left it at 1 in 80; with the wind-down,
    0 in 240."""
    if webphone_profile.cache_info().currsize == 0:
        return  # never made
    from PySide6.QtCore import QEventLoop, QTimer

    profile = webphone_profile()
    webphone_profile.cache_clear()
    profile.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    loop = QEventLoop()
    QTimer.singleShot(wind_down_ms, loop.quit)
    loop.exec()


def permission_allowed(kind, origin: str, webphone_origin: str) -> bool:
    """The microphone, for the webphone's origin; nothing else, for no one."""
    return (kind == QWebEnginePermission.PermissionType.MediaAudioCapture
            and origin == webphone_origin)


class WebphoneBridge(QObject):
    """Published to the host page's isolated world as ``bridge``."""

    command = Signal(str)        # to the page: a JSON command for the webphone frame
    eventReceived = Signal(dict)  # from the webphone, origin already checked twice
    readyChanged = Signal(bool)
    frameFound = Signal()         # the page holds the webphone's frame (hidden mode's check)

    def __init__(self, origin: str, parent=None) -> None:
        super().__init__(parent)
        self.origin = origin
        self.is_ready = False
        self.rejected_origins: list[str] = []
        self._pending: list[str] = []

    def expect(self, origin: str) -> None:
        """A new host document for a webphone at ``origin``: not ready until its side of
        the bridge says so."""
        self.origin = origin
        self.is_ready = False

    def send(self, command: dict) -> None:
        text = json.dumps(command)
        if self.is_ready:
            self.command.emit(text)
        else:
            self._pending.append(text)

    @Slot()
    def ready(self) -> None:
        self.is_ready = True
        pending, self._pending = self._pending, []
        for text in pending:
            self.command.emit(text)
        self.readyChanged.emit(True)

    @Slot(str, str)
    def event(self, text: str, origin: str) -> None:
        if origin != self.origin or len(text) > MAX_EVENT_BYTES:
            self.rejected_origins.append(origin)
            return
        try:
            data = json.loads(text)
        except ValueError:
            return
        if isinstance(data, dict):
            self.eventReceived.emit(data)

    @Slot(str)
    def rejected(self, origin: str) -> None:
        self.rejected_origins.append(origin)
        log.info("ignored a message from %s", redact(origin))

    @Slot()
    def framed(self) -> None:
        self.frameFound.emit()

    @Slot(str)
    def undelivered(self, text: str) -> None:
        log.info("webphone frame missing: command not delivered")


class WebphonePage(QWebEnginePage):
    """A page that only the webphone's origin may use."""

    microphoneDecided = Signal(str, bool)  # origin, granted
    externalLinkOpened = Signal(QUrl)
    navigationRefused = Signal(QUrl)

    def __init__(self, webphone_origin: str = "", profile: QWebEngineProfile | None = None,
                 parent=None) -> None:
        """``webphone_origin``: "" until :meth:`load_webphone` knows it (nothing allowed)."""
        super().__init__(profile or webphone_profile(), parent)
        self.webphone_origin = webphone_origin
        self._keep_visible = False
        self.loadStarted.connect(self._assert_visible)
        self.loadFinished.connect(self._assert_visible)
        self.permissionRequested.connect(self._permission)
        self.newWindowRequested.connect(self._new_window)
        self.bridge = WebphoneBridge(webphone_origin, self)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self.setWebChannel(self.channel, QWebEngineScript.ScriptWorldId.ApplicationWorld)
        for script in _bridge_scripts():
            self.scripts().insert(script)

    def keep_visible(self, on: bool = True) -> None:
        """Shown by no view, a page counts as hidden and Chromium slows its timers to about
        once a second (the webphone's keep-alives with them). Call for a page no view shows;
        it holds across loads (visibility only applies once a renderer exists)."""
        self._keep_visible = on
        self._assert_visible()

    def _assert_visible(self, *_args) -> None:
        if self._keep_visible and not self.isVisible():
            self.setVisible(True)

    # ------------------------------------------------------------------ loading
    def warm_up(self) -> None:
        """Start the page's renderer now, on a blank host page, while the URL is fetched."""
        self.setHtml("<!doctype html><title></title>", QUrl(HOST_URL))

    def load_webphone(self, url: str, mode: WebphoneMode, *, as_script: bool = True) -> None:
        """Load tvdesk's host page holding the webphone ``url`` the way ``mode`` wants; its
        origin is the only one the page's rules allow from now on. A hidden URL is loaded
        as the vendor's sample does (``<script src>``, which builds the frame) or, with
        ``as_script=False``, framed directly (some hidden URLs are a page, not a script)."""
        self.webphone_origin = origin_of(url)
        self.bridge.expect(self.webphone_origin)
        attr = html.escape(url, quote=True)
        frame = f'<iframe id="webphone" allow="microphone; autoplay" src="{attr}"></iframe>'
        if mode is WebphoneMode.HIDDEN and as_script:
            body = ('<div id="widget-evoline-api-container"></div>\n'
                    f'<script src="{attr}"></script>')
        elif mode is WebphoneMode.HIDDEN:
            body = f'<div id="widget-evoline-api-container">{frame}</div>'
        else:
            body = frame
        template = resource_path("web", "host", "webphone-host.html").read_text("utf-8")
        page = template.format(origin=html.escape(self.webphone_origin, quote=True),
                               mode=html.escape(str(mode)), body=body)
        self.setHtml(page, QUrl(HOST_URL))

    def collect_garbage(self) -> None:
        """A full collection in the page's renderer (the webphone's frame shares it), where
        the process exposes V8's ``gc`` (see ``process_environment``); else nothing."""
        self.runJavaScript("typeof gc === 'function' && gc();",
                           QWebEngineScript.ScriptWorldId.ApplicationWorld)

    # ------------------------------------------------------------------ rules
    def _permission(self, permission: QWebEnginePermission) -> None:
        origin = origin_of(permission.origin())
        kind = permission.permissionType()
        allowed = permission_allowed(kind, origin, self.webphone_origin)
        if allowed:
            permission.grant()
        else:
            permission.deny()
        if kind in (QWebEnginePermission.PermissionType.MediaAudioCapture,
                    QWebEnginePermission.PermissionType.MediaAudioVideoCapture,
                    QWebEnginePermission.PermissionType.MediaVideoCapture):
            self.microphoneDecided.emit(origin, allowed)
        log.info("permission %s for %s: %s", kind.name, redact(origin),
                 "granted" if allowed else "denied")

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:
        scheme = url.scheme()
        if is_main_frame:
            # tvdesk's own loads of its host page (setHtml): typed, which no page can fake
            if nav_type == QWebEnginePage.NavigationType.NavigationTypeTyped and \
                    scheme in ("data", "about", "https") and (
                    scheme != "https" or url.toString().startswith(HOST_URL)):
                return True
            allowed = False
        else:
            allowed = (scheme in ("about", "data") or
                       (scheme in ("http", "https") and
                        origin_of(url) == self.webphone_origin))
        if not allowed:
            self.navigationRefused.emit(url)
            if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and \
                    scheme in ("http", "https", "mailto", "tel"):
                self._open_outside(url)
        return allowed

    def createWindow(self, _type):  # popups never open windows of their own
        return None

    def _new_window(self, request) -> None:
        url = request.requestedUrl()
        if url.scheme() in ("http", "https") and origin_of(url) != self.webphone_origin \
                and request.isUserInitiated():
            self._open_outside(url)

    def _open_outside(self, url: QUrl) -> None:
        self.externalLinkOpened.emit(url)
        QDesktopServices.openUrl(url)

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:
        log.debug("webphone console: %s", redact(message))


def _bridge_scripts() -> list[QWebEngineScript]:
    scripts = []
    channel_js = QFile(":/qtwebchannel/qwebchannel.js")
    if not channel_js.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from this Qt installation")
    sources = [("qwebchannel", bytes(channel_js.readAll()).decode("utf-8"),
                QWebEngineScript.InjectionPoint.DocumentCreation),
               ("tvdesk-bridge", resource_path("web", "host", "host-bridge.js").read_text(
                   "utf-8"), QWebEngineScript.InjectionPoint.DocumentReady)]
    channel_js.close()
    for name, source, point in sources:
        script = QWebEngineScript()
        script.setName(name)
        script.setSourceCode(source)
        script.setInjectionPoint(point)
        script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
        script.setRunsOnSubFrames(False)
        scripts.append(script)
    return scripts
