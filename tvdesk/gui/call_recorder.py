"""Every call that ends on the agent's phone goes into the history database: the calls the
agent made (the API reports none of them) and the calls that rang, with how each ended."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tvdesk.core.models import PhoneCall
from tvdesk.core.webphone.phone_state import Call
from tvdesk.gui.tasks import Tasks

if TYPE_CHECKING:  # (the database is opened later: not imported at start)
    from tvdesk.core.history_store import HistoryStore

log = logging.getLogger(__name__)


def phone_call_of(call: Call) -> PhoneCall | None:
    """The call log's entry for a call that ended (None for one that never began)."""
    if call.began_at is None:
        return None
    began = call.began_at if call.began_at.tzinfo else call.began_at.astimezone()
    return PhoneCall(direction=call.direction, number=call.number or "", started_at=began,
                     outcome=call.outcome, talk_seconds=call.talk_seconds(),
                     origin=call.origin, chamada_id=call.call_id)


class CallRecorder(QObject):
    recorded = Signal(object)  # the PhoneCall, once it is stored

    def __init__(self, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._store: HistoryStore | None = None
        self._waiting: list[PhoneCall] = []  # calls that ended before the store opened

    def use_store(self, store: HistoryStore | None) -> None:
        self._store = store
        if store is None:
            return
        waiting, self._waiting = self._waiting, []
        for entry in waiting:
            self._save(entry)

    def record(self, call: Call) -> None:
        entry = phone_call_of(call)
        if entry is None:
            return
        if self._store is None:
            self._waiting.append(entry)
        else:
            self._save(entry)

    def _save(self, entry: PhoneCall) -> None:
        def done(job) -> None:
            if job.exception() is None:
                self.recorded.emit(entry)
            else:  # (the database went away: sign-out, a full disk) the call is not lost
                log.warning("a call could not be logged: %s", type(job.exception()).__name__)

        self._tasks.submit(self._store.record_phone_call, entry, owner=self, done=done)
