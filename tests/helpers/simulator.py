"""The test simulator: a fixed account (the same every run) on a free loopback port, and a
client for it with short timeouts."""

from __future__ import annotations

from datetime import date

from tests.helpers.process_keyring import TOKEN
from tvdesk.core.api import TotalVoiceClient
from tvdesk.simulator import Simulator
from tvdesk.simulator.store import DataSpec
from tvdesk.simulator.webphone import WebphoneConfig

ANCHOR = date(2026, 10, 31)  # a fixed last day: the generated account is the same every run
AGENT_ID = 1234  # ramal 4000, the seeds' example id
AGENT = "4000"

__all__ = ["AGENT", "AGENT_ID", "ANCHOR", "TOKEN", "make_client", "make_sim"]


def make_sim(**kw) -> Simulator:
    data = kw.pop("data", None) or DataSpec(seed=11, calls_per_ramal=kw.pop("calls", 400),
                                            days=kw.pop("days", 60), anchor=ANCHOR)
    webphone = kw.pop("webphone", None) or WebphoneConfig(answer_delay_ms=150,
                                                          keepalive_ms=500)
    return Simulator(kw.pop("token", TOKEN), data=data, webphone=webphone, **kw).start()


def make_client(sim: Simulator, **kw) -> TotalVoiceClient:
    kw.setdefault("timeout", 3.0)
    kw.setdefault("backoff", 0.01)
    return TotalVoiceClient(kw.pop("token", TOKEN), sim.base_url, **kw)
