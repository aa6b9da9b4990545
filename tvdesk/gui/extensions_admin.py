"""The supervisor's operations on the account's extensions, run in the background."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from tvdesk.core.models import Ramal
from tvdesk.core.reports import extension_order
from tvdesk.core.session import Session
from tvdesk.gui.tasks import Tasks


class ExtensionsAdmin(QObject):
    def __init__(self, session: Session, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks

    async def list(self) -> list[Ramal]:
        rows = await self.tasks.run(self.session.client.list_ramais)
        return sorted(rows, key=extension_order)

    async def create(self, fields: dict[str, Any]) -> Ramal:
        return await self.tasks.run(self.session.client.create_ramal, **fields)

    async def update(self, ramal_id: int, fields: dict[str, Any]) -> Ramal:
        client = self.session.client
        await self.tasks.run(client.update_ramal, ramal_id, **fields)
        return await self.tasks.run(client.get_ramal, ramal_id)

    async def delete(self, ramal_id: int) -> None:
        await self.tasks.run(self.session.client.delete_ramal, ramal_id)
