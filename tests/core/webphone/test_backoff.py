"""Reconnect backoff."""

from tvdesk.core.webphone.backoff import reconnect_delay


def test_backoff():
    delays = [reconnect_delay(n, rand=lambda: 0.5) for n in range(8)]
    assert delays == [1, 2, 4, 8, 16, 30, 30, 30]
    assert 0.8 <= reconnect_delay(0, rand=lambda: 0.0) <= 1.2
