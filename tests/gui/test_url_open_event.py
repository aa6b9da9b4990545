"""macOS's way of passing a clicked link: a QFileOpenEvent to the running application."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from tvdesk.gui.instance_server import UrlOpenFilter


def test_tel_links_from_the_url_open_event_become_requests(qapp):
    url_filter = UrlOpenFilter()
    opened = []
    url_filter.linkOpened.connect(opened.append)
    qapp.installEventFilter(url_filter)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(QUrl("tel:+5548999999999")))
        QApplication.sendEvent(qapp, QFileOpenEvent(QUrl("file:///tmp/report.pdf")))
        QApplication.sendEvent(qapp, QFileOpenEvent(QUrl("callto:4001")))
    finally:
        qapp.removeEventFilter(url_filter)
    assert opened == ["tel:+5548999999999", "callto:4001"]
