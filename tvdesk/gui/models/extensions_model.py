"""The account's extensions, for the supervisor screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tvdesk.core.models import Ramal
from tvdesk.gui.models.table import ALIGN_CENTER, Column, RowTableModel


def tr(text: str) -> str:
    return QCoreApplication.translate("ExtensionsModel", text)


def _mark(flag: bool) -> str:
    return "✓" if flag else "—"


def _number_key(r: Ramal):
    return (len(r.ramal or ""), r.ramal or "", r.id)


class ExtensionsModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(lambda: tr("Extension"), lambda r: r.ramal or "", _number_key),
            Column(lambda: tr("Login"), lambda r: r.login or "", lambda r: r.login or ""),
            Column(lambda: tr("Caller ID"), lambda r: r.bina or "", lambda r: r.bina or ""),
            Column(lambda: tr("Webphone"), lambda r: _mark(r.webphone), lambda r: r.webphone,
                   align=ALIGN_CENTER),
            Column(lambda: tr("Recording"), lambda r: _mark(r.gravar_audio),
                   lambda r: r.gravar_audio, align=ALIGN_CENTER),
            Column(lambda: tr("External"), lambda r: _mark(r.ligacao_externa),
                   lambda r: r.ligacao_externa, align=ALIGN_CENTER),
        ], parent)
