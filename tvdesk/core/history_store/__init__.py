"""The agent's own history, kept locally: an embedded SQLite database the app reads from.

API → store → Qt models → views. ``store.py`` is the database (one per API host and
extension), ``schema.py`` its versions and migrations, ``days.py`` which days are complete
and which must still be fetched.
"""

from tvdesk.core.history_store.store import HistoryStore, StoreUnavailableError, store_path

__all__ = ["HistoryStore", "StoreUnavailableError", "store_path"]
