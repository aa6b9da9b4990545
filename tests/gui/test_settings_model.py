"""The one settings object: update() saves and says what changed; the demo saves nothing."""

import pytest

from tvdesk.core.settings import Settings, SettingsStore
from tvdesk.gui.settings_model import SettingsModel


def test_update_saves_and_tells_what_changed(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    model = SettingsModel(store)
    seen = []
    model.changed.connect(seen.append)
    assert model.update(refresh_minutes=15, language="auto") == {"refresh_minutes"}
    assert seen == [frozenset({"refresh_minutes"})]
    assert store.load().refresh_minutes == 15
    assert model.update(refresh_minutes=15) == frozenset() and len(seen) == 1
    with pytest.raises(TypeError):
        model.update(colour="blue")


def test_the_demo_keeps_changes_in_memory(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    model = SettingsModel(store, persist=False, initial=Settings(range_preset="7days"))
    model.update(supervisor=True)
    assert model.current.supervisor and model.current.range_preset == "7days"
    assert not (tmp_path / "settings.json").exists()
