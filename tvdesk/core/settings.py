"""The user's settings, as JSON under the platform's config folder. Never the token.

A damaged file is set aside (``settings.json.bad``) rather than lost or fatal, and writes
are atomic so a crash mid-save leaves the previous settings.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from tvdesk.core.api.hosts import DEFAULT_BASE_URL
from tvdesk.core.files import write_atomic
from tvdesk.core.pause_reasons import clean_reasons
from tvdesk.core.redact import redact
from tvdesk.core.vocabulary import WebphoneMode

log = logging.getLogger(__name__)

LANGUAGES = ("auto", "pt_BR", "en")
#: "auto": what a spreadsheet in the agent's language opens (";" and decimal commas in
#: Portuguese, "," in English)
CSV_SEPARATORS = ("auto", ",", ";")


def config_dir() -> Path:
    override = os.environ.get("TVDESK_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("tvdesk", appauthor=False))


def data_dir() -> Path:
    """Where tvdesk keeps data that is not settings (the webphone's browser storage)."""
    override = os.environ.get("TVDESK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("tvdesk", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """One snapshot of the settings; the GUI's settings model holds the current one and
    replaces it on every change (nobody edits a snapshot in place)."""

    base_url: str = DEFAULT_BASE_URL
    ramal: str = ""  # the agent's extension number
    ramal_id: int | None = None
    remember: bool = True
    language: str = "auto"
    refresh_minutes: int = 5  # 0: no automatic refresh
    range_preset: str = "today"
    csv_separator: str = "auto"
    supervisor: bool = False
    webphone_mode: str = WebphoneMode.EMBEDDED.value
    webphone_autostart: bool = True  # load the webphone when signed in
    webphone_close_at_end: bool = False  # the API's fechar_fim
    webphone_always_on_top: bool = False  # the floating window
    webphone_geometry: str = ""  # base64 of the floating window's geometry
    raise_on_incoming: bool = True
    close_to_tray: bool = True  # where a system tray exists
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""
    # base64 of the call log's header state (a new name: the received-calls table's saved
    # columns, "calls_columns", do not fit the log's)
    call_log_columns: str = ""
    history_days: int = 180  # how long the history database keeps what it holds
    #: the reasons offered when the agent pauses from tvdesk (None: the default list, in
    #: the agent's language)
    pause_reasons: tuple[str, ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def normalised(self) -> Settings:
        """Values out of range fall back to their defaults (a hand-edited file)."""
        d = Settings()
        fixed: dict[str, Any] = {}
        if self.language not in LANGUAGES:
            fixed["language"] = d.language
        if self.webphone_mode not in set(WebphoneMode):
            fixed["webphone_mode"] = d.webphone_mode
        if self.csv_separator not in CSV_SEPARATORS:
            fixed["csv_separator"] = d.csv_separator
        if not isinstance(self.refresh_minutes, int) or isinstance(self.refresh_minutes, bool) \
                or not 0 <= self.refresh_minutes <= 240:
            fixed["refresh_minutes"] = d.refresh_minutes
        if not isinstance(self.history_days, int) or isinstance(self.history_days, bool) \
                or not 7 <= self.history_days <= 3650:
            fixed["history_days"] = d.history_days
        if self.pause_reasons is not None:
            cleaned = clean_reasons(self.pause_reasons) \
                if isinstance(self.pause_reasons, list | tuple) else ()
            if cleaned != self.pause_reasons:
                fixed["pause_reasons"] = cleaned or None
        return replace(self, **fixed) if fixed else self

    def but(self, **changes: Any) -> Settings:
        """A copy with ``changes``, normalised."""
        return replace(self, **changes).normalised()


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable (%s); starting from defaults", exc)
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".json.bad"))
            return Settings()
        known = {f.name: f for f in fields(Settings)}
        values = {}
        for key, value in data.items():
            if key in known and key != "extra":
                default = getattr(Settings(), key)
                if default is None or isinstance(value, type(default)):
                    values[key] = value
        return Settings(**values).normalised()

    def save(self, settings: Settings) -> None:
        text = json.dumps(asdict(settings), indent=2, ensure_ascii=False)
        if redact(text) != text:
            # a secret slipped into a setting: refuse to write it rather than persist it
            raise ValueError("refusing to save settings that contain a secret")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, text, private=True)
