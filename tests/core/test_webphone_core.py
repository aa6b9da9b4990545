"""The webphone's protocol, the phone-state machine, the dial queue and the backoff."""

import pytest

from tvdesk.core.webphone import protocol as p
from tvdesk.core.webphone.phone_state import (
    CallPhase,
    DialQueue,
    PhoneState,
    Registration,
    reconnect_delay,
)


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


def test_command_builders():
    assert p.chama_numero(" +5548999999999 ") == {"message": "chamaNumero",
                                                  "numero": "+5548999999999"}
    assert p.envia_dtmf("#") == {"message": "enviaDTMF", "dtmf": "#"}
    assert p.transferir("4001") == {"message": "transferir", "numeroTelefone": "4001"}
    assert p.transferir("4001", attended=True)["message"] == "transferirConsulta"
    assert p.pausar_na_fila() == {"message": "pausarNaFila"}
    assert p.pausar_na_fila(3) == {"message": "pausarNaFila", "filaId": 3}
    assert p.entrar_na_fila(7) == {"message": "entrarNaFila", "filaId": "7"}
    for bad in ("x", "12", "", None):
        with pytest.raises(p.ProtocolError):
            p.envia_dtmf(bad)
    with pytest.raises(p.ProtocolError):
        p.chama_numero("  ")


@pytest.mark.parametrize(("data", "expected"), [
    ({"message": "status", "status": "Conectado"}, p.StatusEvent("conectado")),
    ({"message": "status", "status": "voando"}, None),
    ({"message": "chegandoChamada", "numeroChegando": "4899", "numeroDestino": 4000,
      "chamadaRecebidaId": 7}, p.IncomingCallEvent("4899", "4000", "7")),
    ({"message": "chamada_id", "chamada_id": 9}, p.CallIdEvent("9")),
    ({"message": "status_erro", "status_erro": "x", "codigo": "url_expirada"},
     p.ErrorEvent("x", "url_expirada")),
    ({"message": "stats_webphone", "internet": {"ping": "12", "jitter": 3},
      "computador": {"cpu": 9}}, p.StatsEvent(12.0, 3.0, 9.0)),
    ({"message": "stats_webphone", "internet": "bad"}, p.StatsEvent(None, None, None)),
    ({"message": "pausou_na_fila", "filaId": 3}, p.QueueEvent("paused", "3")),
    ({"message": "outra_coisa"}, None),
    ("not a dict", None),
    (None, None),
    ({"message": {"x": 1}}, None),
])
def test_event_parsing(data, expected):
    assert p.parse_event(data) == expected


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


def test_backoff():
    delays = [reconnect_delay(n, rand=lambda: 0.5) for n in range(8)]
    assert delays == [1, 2, 4, 8, 16, 30, 30, 30]
    assert 0.8 <= reconnect_delay(0, rand=lambda: 0.0) <= 1.2
