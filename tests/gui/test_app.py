"""macOS's way of passing a clicked link: a QFileOpenEvent to the running application."""

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent

from tvdesk.gui.instance_server import phone_link_of


def test_phone_links_of_url_open_events():
    assert phone_link_of(QFileOpenEvent(QUrl("tel:+5548999999999"))) == "tel:+5548999999999"
    assert phone_link_of(QFileOpenEvent(QUrl("callto:4001"))) == "callto:4001"
    assert phone_link_of(QFileOpenEvent(QUrl("file:///tmp/report.pdf"))) is None
    assert phone_link_of(QEvent(QEvent.Type.Show)) is None
