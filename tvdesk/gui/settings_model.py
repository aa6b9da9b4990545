"""The settings, held once: the only settings object of a running tvdesk.

Everyone reads :attr:`SettingsModel.current` (a frozen snapshot) and subscribes to
:attr:`SettingsModel.changed`; a change goes through :meth:`SettingsModel.update`, which saves
the file and tells the subscribers which settings changed. Nobody else writes settings.
"""

from __future__ import annotations

import logging
from dataclasses import fields
from typing import Any

from PySide6.QtCore import QObject, Signal

from tvdesk.core.settings import Settings, SettingsStore

log = logging.getLogger(__name__)

_NAMES = frozenset(f.name for f in fields(Settings))


class SettingsModel(QObject):
    changed = Signal(frozenset)  # the names of the settings that changed

    def __init__(self, store: SettingsStore | None, *, persist: bool = True,
                 initial: Settings | None = None, parent=None) -> None:
        """``store``: where the settings come from and go to. ``persist`` False (the demo)
        keeps changes in memory only: the agent's real settings are never touched."""
        super().__init__(parent)
        self._store = store
        self._persist = persist and store is not None
        if initial is not None:
            self._current = initial
        else:
            self._current = store.load() if store is not None else Settings()

    @property
    def current(self) -> Settings:
        return self._current

    def update(self, **changes: Any) -> frozenset[str]:
        """Apply ``changes`` (setting names and values), save, and say what changed."""
        unknown = set(changes) - _NAMES
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        new = self._current.but(**changes)
        names = frozenset(n for n in changes if getattr(new, n) != getattr(self._current, n))
        if not names:
            return names
        self._current = new
        self._save()
        self.changed.emit(names)
        return names

    def replace_all(self, settings: Settings) -> frozenset[str]:
        """Take a whole edited snapshot (the settings dialog's)."""
        return self.update(**{f.name: getattr(settings, f.name) for f in fields(Settings)})

    def _save(self) -> None:
        if not self._persist:
            return
        try:
            self._store.save(self._current)
        except (OSError, ValueError) as exc:  # never lose the running app over a file
            log.warning("settings not saved: %s", exc)
