"""The account's extensions, for the supervisor screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q

from tvdesk.core.phone import format_for_display
from tvdesk.core.reports import extension_order
from tvdesk.gui.models.table import ALIGN_CENTER, Column, RowTableModel


def _mark(flag: bool) -> str:
    return "✓" if flag else "—"


def _flag_column(title, attribute: str) -> Column:
    return Column(title, lambda r: _mark(getattr(r, attribute)),
                  lambda r: getattr(r, attribute), align=ALIGN_CENTER)


class ExtensionsModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(lambda: Q.translate("ExtensionsModel", "Extension"),
                   lambda r: r.ramal or "", extension_order),
            Column(lambda: Q.translate("ExtensionsModel", "Login"),
                   lambda r: r.login or "", lambda r: r.login or ""),
            Column(lambda: Q.translate("ExtensionsModel", "Caller ID"),
                   lambda r: format_for_display(r.bina) if r.bina else "",
                   lambda r: r.bina or ""),
            _flag_column(lambda: Q.translate("ExtensionsModel", "Webphone"), "webphone"),
            _flag_column(lambda: Q.translate("ExtensionsModel", "Recording"), "gravar_audio"),
            _flag_column(lambda: Q.translate("ExtensionsModel", "External"), "ligacao_externa"),
        ], parent)
