"""The webphone's browser side in real QtWebEngine: only its origin gets the microphone,
navigates inside the app and is heard by the bridge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePermission

from tests.helpers.desktop import open_phone
from tests.helpers.simulator import AGENT
from tvdesk.core.webphone.phone_state import Registration
from tvdesk.gui.webphone.host import HOST_URL, origin_of, permission_allowed

pytestmark = pytest.mark.webengine


def test_the_microphone_is_for_the_webphone_origin_only(qtbot, make_controller, sim,
                                                        memory_keyring):
    _, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    decided = []
    phone.page.microphoneDecided.connect(lambda origin, ok: decided.append((origin, ok)))
    # tvdesk's own host page (another origin) asks: refused (Chromium reports AbortError)
    result = []
    phone.page.runJavaScript(
        "navigator.mediaDevices.getUserMedia({audio: true})"
        ".then(() => window.__mic = 'granted', e => window.__mic = e.name)", 0)
    qtbot.waitUntil(lambda: bool(decided), timeout=5000)
    assert decided == [(origin_of(HOST_URL), False)]
    qtbot.waitUntil(lambda: (phone.page.runJavaScript("window.__mic || ''", 0, result.append),
                             bool(result) and result[-1] != "")[1], timeout=5000)
    assert result[-1] in ("AbortError", "NotAllowedError")
    webphone = origin_of(sim.base_url)
    kind = QWebEnginePermission.PermissionType
    assert permission_allowed(kind.MediaAudioCapture, webphone, webphone)
    assert not permission_allowed(kind.MediaAudioCapture, "http://127.0.0.1:1", webphone)
    assert not permission_allowed(kind.MediaVideoCapture, webphone, webphone)
    assert not permission_allowed(kind.Geolocation, webphone, webphone)


class UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot(QUrl)
    def open(self, url):
        self.urls.append(url.toString())


def test_outside_navigation_is_refused_and_links_open_outside(qtbot, make_controller, sim,
                                                              memory_keyring):
    _main, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    refused = []
    phone.page.navigationRefused.connect(lambda url: refused.append(url.toString()))
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        phone.page.runJavaScript(
            "var f = document.createElement('iframe');"
            "f.src = 'https://elsewhere.tvdesk.invalid/'; document.body.appendChild(f);", 0)
        qtbot.waitUntil(lambda: any("elsewhere" in u for u in refused), timeout=5000)
        phone.page.runJavaScript(
            "var a = document.createElement('a'); a.href = 'https://docs.tvdesk.invalid/';"
            "document.body.appendChild(a); a.click();", 0)
        qtbot.waitUntil(lambda: "https://docs.tvdesk.invalid/" in catcher.urls, timeout=5000)
        phone.page.runJavaScript("window.open('https://popup.tvdesk.invalid/')", 0)
        qtbot.wait(300)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert "https://popup.tvdesk.invalid/" not in catcher.urls  # not user-initiated
    assert phone.state.registration is Registration.CONNECTED  # the phone is untouched
    assert len(sim.hub.registrations(AGENT)) == 1


def test_events_from_a_foreign_origin_are_ignored(qtbot, make_controller, sim, memory_keyring):
    _, phone = open_phone(qtbot, make_controller, sim, memory_keyring)
    # the host page itself (another origin) posts a fake "disconnected" and an incoming call
    phone.page.runJavaScript(
        "window.postMessage({message: 'status', status: 'desconectado'}, '*');"
        "window.postMessage({message: 'chegandoChamada', numeroChegando: '1'}, '*');", 0)
    qtbot.waitUntil(lambda: len(phone.page.bridge.rejected_origins) >= 2, timeout=5000)
    assert set(phone.page.bridge.rejected_origins) == {origin_of(HOST_URL)}
    assert phone.state.registration is Registration.CONNECTED and phone.state.call is None
