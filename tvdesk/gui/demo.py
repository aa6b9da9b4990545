"""``tvdesk --demo``: a simulator in this process, on a free loopback port, signed in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tvdesk.simulator import Simulator

DEMO_TOKEN = "demo-token"  # noqa: S105 (the simulator's own token, not a credential)
DEMO_EXTENSION = "4000"


@dataclass
class Demo:
    simulator: Simulator
    token: str = DEMO_TOKEN
    extension: str = DEMO_EXTENSION

    @property
    def base_url(self) -> str:
        return self.simulator.base_url

    def stop(self, *, wait: bool = True) -> None:
        self.simulator.stop(wait=wait)


def start_demo(port: int = 0) -> Demo:
    from tvdesk.simulator import Simulator  # imported here: start-up stays light

    return Demo(Simulator(DEMO_TOKEN, port=port).start())
