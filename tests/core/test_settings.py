"""The settings file: snapshots that nobody edits in place, values out of range repaired, a
damaged file set aside, never a secret written."""

import dataclasses
import json

import pytest

from tvdesk.core.redact import register_secret
from tvdesk.core.settings import Settings, SettingsStore


def test_a_snapshot_cannot_be_edited_in_place():
    s = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.ramal = "4000"
    assert s.but(ramal="4000").ramal == "4000" and s.ramal == ""


def test_out_of_range_values_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "klingon", "webphone_mode": "popup",
                                "refresh_minutes": 9999, "csv_separator": "|",
                                "ramal": "4000", "unknown": 1}))
    s = SettingsStore(path).load()
    d = Settings()
    assert (s.language, s.webphone_mode, s.refresh_minutes, s.csv_separator) == (
        d.language, d.webphone_mode, d.refresh_minutes, d.csv_separator)
    assert s.ramal == "4000"


def test_a_damaged_file_is_set_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert SettingsStore(path).load() == Settings()
    assert (tmp_path / "settings.json.bad").exists()


def test_saving_refuses_a_secret(tmp_path):
    secret = "tok-9f8e7d6c5b4a39281706"
    register_secret(secret)
    store = SettingsStore(tmp_path / "settings.json")
    with pytest.raises(ValueError, match="secret"):
        store.save(Settings(ramal=secret))
    assert not (tmp_path / "settings.json").exists()
    store.save(Settings(ramal="4000"))
    assert store.load().ramal == "4000"
