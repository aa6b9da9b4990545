"""Reading what the simulator's webphone saw."""


def log(sim, message=None) -> list[dict]:
    """The commands the simulated webphone received (of one ``message``, or all)."""
    return [e for e in sim.hub.log() if message is None or e["message"] == message]
