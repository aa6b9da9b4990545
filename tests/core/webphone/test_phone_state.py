"""The phone-state machine, driven by the webphone's events with an injected clock."""

from tests.helpers.clock import Clock
from tvdesk.core.webphone import protocol as p
from tvdesk.core.webphone.phone_state import CallPhase, PhoneState, Registration


def test_outgoing_call_lifecycle():
    clock = Clock()
    s = PhoneState(clock=clock)
    assert s.apply(p.StatusEvent("conectado")) == ["connected"]
    assert s.idle
    s.dialing("+5548999999999")
    s.apply(p.StatusEvent("chamando"))
    s.apply(p.CallIdEvent("77"))
    assert (s.call.phase, s.call.call_id, s.call.number) == (CallPhase.DIALING, "77",
                                                             "+5548999999999")
    clock.t += 2
    assert s.apply(p.StatusEvent("conversando")) == ["answered"]
    clock.t += 65
    assert s.call.talk_seconds(clock()) == 65
    s.toggled_mute()
    assert s.call.muted
    assert s.apply(p.StatusEvent("encerrada")) == ["ended"]
    assert s.call is None and s.idle


def test_incoming_call_and_disconnect():
    s = PhoneState(clock=Clock())
    s.apply(p.StatusEvent("conectado"))
    assert s.apply(p.IncomingCallEvent("48999990000", "4000", "5")) == ["incoming"]
    assert s.call.direction == "in" and s.call.phase is CallPhase.RINGING and not s.idle
    assert s.apply(p.StatusEvent("desconectado")) == ["ended", "disconnected"]
    assert s.registration is Registration.DISCONNECTED and s.call is None


def test_queue_pause_timer_and_errors():
    clock = Clock()
    s = PhoneState(clock=clock)
    s.apply(p.QueueEvent("paused", None))
    clock.t += 90
    s.apply(p.QueueEvent("paused", "3"))  # still paused since the first
    assert s.paused and s.pause_seconds() == 90
    s.apply(p.QueueEvent("unpaused", None))
    assert not s.paused and s.pause_seconds() == 0
    s.apply(p.QueueEvent("joined", "5"))
    assert s.queues == {"5"}
    s.apply(p.ErrorEvent("Permissão de microfone negada", "microfone_negado"))
    assert s.registration is Registration.ERROR


