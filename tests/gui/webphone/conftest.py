"""Fixtures for the webphone's tests: a simulator with a quick far end and frequent
keep-alives, and the webphone's browser storage in a temporary folder."""

import pytest

from tests.helpers.simulator import make_sim
from tvdesk.simulator.webphone import WebphoneConfig


@pytest.fixture
def sim():
    s = make_sim(webphone=WebphoneConfig(answer_delay_ms=200, keepalive_ms=250,
                                         stats_interval_ms=500))
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def webphone_data(tmp_path, monkeypatch):
    monkeypatch.setenv("TVDESK_DATA_DIR", str(tmp_path / "data"))
