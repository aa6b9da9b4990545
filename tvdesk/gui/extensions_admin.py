"""The supervisor's operations on the account's extensions, run in the background."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from tvdesk.core.models import Ramal
from tvdesk.core.session import Session
from tvdesk.gui.background import Background


class ExtensionsAdmin(QObject):
    def __init__(self, session: Session, background: Background, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.background = background

    async def list(self) -> list[Ramal]:
        rows = await self.background.run(self.session.client.list_ramais)
        return sorted(rows, key=lambda r: (len(r.ramal or ""), r.ramal or "", r.id))

    async def create(self, fields: dict[str, Any]) -> Ramal:
        return await self.background.run(self.session.client.create_ramal, **fields)

    async def update(self, ramal_id: int, fields: dict[str, Any]) -> Ramal:
        client = self.session.client
        await self.background.run(client.update_ramal, ramal_id, **fields)
        return await self.background.run(client.get_ramal, ramal_id)

    async def delete(self, ramal_id: int) -> None:
        await self.background.run(self.session.client.delete_ramal, ramal_id)
