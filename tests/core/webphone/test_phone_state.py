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
    # a ringing call the disconnect took away was not answered: missed
    assert s.apply(p.StatusEvent("desconectado")) == ["ended", "missed", "disconnected"]
    assert s.registration is Registration.DISCONNECTED and s.call is None


def test_only_an_incoming_call_that_was_never_answered_is_missed():
    from datetime import datetime

    s = PhoneState(clock=Clock(), wall_clock=lambda: datetime(2026, 12, 2, 14, 32))
    s.apply(p.StatusEvent("conectado"))
    s.apply(p.IncomingCallEvent("48999990000", "4000", "5"))
    assert s.apply(p.StatusEvent("encerrada")) == ["ended", "missed"]
    assert s.last_ended.number == "48999990000"
    assert s.last_ended.rang_at == datetime(2026, 12, 2, 14, 32)
    s.apply(p.IncomingCallEvent("48999990000", "4000", "6"))
    s.apply(p.StatusEvent("conversando"))
    assert "missed" not in s.apply(p.StatusEvent("encerrada"))
    s.dialing("4001")
    assert "missed" not in s.apply(p.StatusEvent("encerrada"))
    # declined by the agent (tvdesk's hang-up while it rang): rejected, not missed
    s.apply(p.IncomingCallEvent("48999990000", "4000", "7"))
    s.call.rejected = True
    assert s.apply(p.StatusEvent("encerrada")) == ["ended", "rejected"]
    assert s.last_ended.outcome == "rejected"


def test_a_dial_the_webphone_never_started_can_be_given_up():
    s = PhoneState(clock=Clock())
    s.apply(p.StatusEvent("conectado"))
    s.dialing("4001")
    assert s.dial_unconfirmed()
    s.dial_failed()
    assert s.call is None and s.idle
    s.dialing("4001")
    s.apply(p.StatusEvent("chamando"))
    assert not s.dial_unconfirmed()
    s.dial_failed()  # a call the webphone started is not given up
    assert s.call is not None


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
    s.apply(p.ErrorEvent("Permissão de microfone negada"))
    assert s.registration is Registration.ERROR


def test_an_error_is_final_for_the_page_but_never_ends_a_call():
    s = PhoneState(clock=Clock())
    s.apply(p.StatusEvent("conectado"))
    s.dialing("4001")
    s.apply(p.StatusEvent("chamando"))
    assert s.apply(p.ErrorEvent("falha na central")) == ["error"]
    assert s.call is not None and s.registration is Registration.CONNECTED
    s.apply(p.StatusEvent("encerrada"))
    assert s.call is None


def test_one_call_id_per_call_and_unknown_or_closing_statuses_change_nothing():
    s = PhoneState(clock=Clock())
    s.apply(p.StatusEvent("conectado"))
    s.dialing("4001")
    s.apply(p.StatusEvent("chamando"))
    s.apply(p.CallIdEvent("900"))
    s.apply(p.CallIdEvent("901"))  # repeated: the call keeps its first id
    assert s.call.call_id == "900"
    assert s.apply(p.StatusEvent("encerrando")) == []  # on the way to encerrada
    assert p.parse_event({"message": "status", "status": "em_espera"}) is None
    assert s.call is not None and s.call.call_id == "900"
    assert s.apply(p.StatusEvent("encerrada")) == ["ended"]
    s.dialing("4002")
    s.apply(p.StatusEvent("chamando"))
    s.apply(p.CallIdEvent("902"))  # the next call has its own
    assert s.call.call_id == "902"


