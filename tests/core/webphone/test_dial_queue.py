"""Dials wait for a connected, idle phone and are sent once."""

from tests.helpers.clock import Clock
from tvdesk.core.webphone import protocol as p
from tvdesk.core.webphone.dial_queue import DialQueue
from tvdesk.core.webphone.phone_state import PhoneState


def test_dial_queue_waits_and_sends_once():
    s = PhoneState(clock=Clock())
    q = DialQueue()
    q.request("+551100000000")
    q.request("+5548999999999")  # the agent changed their mind while loading
    assert q.take(s) is None      # not connected yet
    s.apply(p.StatusEvent("conectado"))
    sent = q.take(s)
    assert sent.target == "+5548999999999" and sent.sent
    assert q.take(s) is None      # never twice
    q.request("4001")
    s.dialing("x")
    assert q.take(s) is None      # busy: waits for the call to end
    s.apply(p.StatusEvent("encerrada"))
    assert q.take(s).target == "4001"


