"""Reading what the simulator's webphone saw, and a plain browser page to frame it in."""

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEnginePermission
from PySide6.QtWebEngineWidgets import QWebEngineView

from tvdesk.core.redact import redact


def log(sim, message=None) -> list[dict]:
    """The commands the simulated webphone received (of one ``message``, or all)."""
    return [e for e in sim.hub.log() if message is None or e["message"] == message]


class HostPage(QWebEnginePage):
    """Grants the microphone to one origin only; console lines go through redaction."""

    def __init__(self, mic_origin: str | None, profile=None) -> None:
        super().__init__(profile) if profile else super().__init__()
        self.mic_origin = mic_origin
        self.permission_log: list[tuple[str, bool]] = []
        self.console: list[str] = []
        self.permissionRequested.connect(self._on_permission)

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        origin = permission.origin().toString().rstrip("/")
        audio = permission.permissionType() == QWebEnginePermission.PermissionType.MediaAudioCapture
        allowed = audio and origin == self.mic_origin
        self.permission_log.append((origin, allowed))
        permission.grant() if allowed else permission.deny()

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802
        self.console.append(redact(message))



def dispose(view: QWebEngineView, page: QWebEnginePage) -> None:
    """Delete the page now: a page outliving its profile makes Qt warn at exit."""
    view.close()
    view.setPage(None)
    page.deleteLater()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
