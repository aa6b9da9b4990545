"""The webphone's postMessage protocol: command builders and the event parser."""

import pytest

from tvdesk.core.webphone import protocol as p


def test_command_builders():
    assert p.chama_numero(" +5548999999999 ") == {"message": "chamaNumero",
                                                  "numero": "+5548999999999"}
    assert p.envia_dtmf("#") == {"message": "enviaDTMF", "dtmf": "#"}
    assert p.transferir("4001") == {"message": "transferir", "numeroTelefone": "4001"}
    assert p.transferir("4001", attended=True)["message"] == "transferirConsulta"
    assert p.pausar_na_fila() == {"message": "pausarNaFila"}
    assert p.pausar_na_fila(3) == {"message": "pausarNaFila", "filaId": 3}
    assert p.entrar_na_fila(7) == {"message": "entrarNaFila", "filaId": "7"}
    # Qt's triggered(bool) handed to pause(queue=None) is no queue: refused, never sent
    for flag in (False, True):
        with pytest.raises(p.ProtocolError):
            p.pausar_na_fila(flag)
        with pytest.raises(p.ProtocolError):
            p.despausar_na_fila(flag)
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
    # a text and nothing else; a field the vendor does not document changes nothing
    ({"message": "status_erro", "status_erro": "x", "codigo": "url_expirada"},
     p.ErrorEvent("x")),
    ({"message": "status_erro"}, p.ErrorEvent("erro")),
    # plain values, as the vendor's samples print them
    ({"message": "stats_webphone", "internet": 45, "computador": "12"},
     p.StatsEvent("45", "12", 45.0, None, 12.0)),
    ({"message": "stats_webphone", "internet": "boa", "computador": "ótimo"},
     p.StatsEvent("boa", "ótimo")),
    # nested figures, as older pages send them
    ({"message": "stats_webphone", "internet": {"ping": "12", "jitter": 3},
      "computador": {"cpu": 9}}, p.StatsEvent("12", "9", 12.0, 3.0, 9.0)),
    ({"message": "stats_webphone", "internet": [1], "computador": True},
     p.StatsEvent(None, None)),
    ({"message": "status", "status": "encerrando"}, p.StatusEvent("encerrando")),
    ({"message": "pausou_na_fila", "filaId": 3}, p.QueueEvent("paused", "3")),
    ({"message": "pausou_na_fila", "filaId": False}, p.QueueEvent("paused", None)),
    ({"message": "outra_coisa"}, None),
    ("not a dict", None),
    (None, None),
    ({"message": {"x": 1}}, None),
])
def test_event_parsing(data, expected):
    assert p.parse_event(data) == expected


