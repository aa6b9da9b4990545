"""A local TotalVoice server: the documented API, a webphone page and a control interface.

Used by ``tvdesk --demo`` and by the tests, over real HTTP on loopback::

    with Simulator(token="demo") as sim:
        client = TotalVoiceClient("demo", sim.base_url)
"""

from tvdesk.simulator.server import Simulator

__all__ = ["Simulator"]
