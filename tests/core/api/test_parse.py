"""The parsers against the seeds' own examples, the notes' quirks, and arbitrary JSON."""

import contextlib
import json
from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tvdesk.core.api.errors import ApiError, MalformedResponseError
from tvdesk.core.api.parse import (
    parse_pause,
    parse_pause_totals,
    parse_ramal,
    parse_received_call,
    parse_report_page,
    parse_webphone_url,
    ramal_payload,
)
from tvdesk.core.api.transport import parse_envelope
from tvdesk.core.dates import BRASILIA

# verbatim from the seeds
SEED_CREATE = json.loads("""{
  "status": 200, "sucesso": true, "motivo": 0, "mensagem": "ramal criado com sucesso",
  "dados": {"id": 1234, "ramal": 4000, "login": "123teste231@totalvoice.com.br",
    "senha": "123teste23122", "bina": null,
    "webphone_key": "123teste231224d549e0408e123teste23122", "ligacao_externa": false,
    "ligacao_celular": false, "gravar_audio": false, "acesso_gravacoes": false,
    "webphone": true, "ura_id": null, "voicemail": false, "tags": null}}""")
SEED_GET = json.loads("""{
  "status": 200, "sucesso": true, "motivo": 0, "mensagem": "dados retornados com sucesso",
  "dados": {"id": 1234, "ramal": "4000", "login": "teste@totalvoiceteste.com.br",
    "senha": "1234ioYNua", "bina": "48999999999",
    "webphone_key": "testefd3b268b3de8cateste44968", "ligacao_externa": true,
    "ligacao_celular": true, "gravar_audio": true, "acesso_gravacoes": true,
    "webphone": false, "ura_id": null, "voicemail": false, "tags": ""}}""")
SEED_PAUSES = json.loads("""{
  "status": 200, "sucesso": true, "motivo": 0, "mensagem": "dados retornados com sucesso",
  "dados": {"total": 1, "duracao_total": "00:00:07", "duracao_total_segundos": 7,
    "ramal": "4000", "posicao": 0, "limite": 100,
    "relatorio": [{"pausa_inicio": "2019-06-15T11:14:41-03:00",
      "pausa_fim": "2019-06-15T11:14:48-03:00", "tempo_segundos": 7, "tempo": "00:00:07"}]}}""")
SEED_CALLS = json.loads("""{
  "status": 200, "sucesso": true, "motivo": 0, "mensagem": "dados retornados com sucesso",
  "dados": {"total": 2, "posicao": 0, "limite": 100, "relatorio": [
    {"id": 123456, "data_inicio": "2019-05-07T15:28:13-03:00",
     "url_gravacao": "https://api.evoline.com.br/rec/?id=123445&x=12345&cid=1",
     "numero_origem": "48999999999", "status": "atendida", "duracao_segundos": 369,
     "duracao": "00:06:09", "preco": "0.00",
     "ramal": {"id": 60679, "ramal": "4000", "login": "teste@totaltestevoice.com.br"}},
    {"id": 123456, "data_inicio": "2019-05-08T13:16:02-03:00",
     "url_gravacao": "https://api.evoline.com.br/rec/?id=123456&x=12345&cid=1",
     "numero_origem": "48999999999", "status": "atendida", "duracao_segundos": 596,
     "duracao": "00:09:56", "preco": "0.00",
     "ramal": {"id": 1234, "ramal": "4000", "login": "teste@totaltestevoice.com.br"}}]}}""")
SEED_WEBPHONE = {"status": 200, "sucesso": True, "motivo": 0, "mensagem": "url webphone",
                 "dados": {"url": "https://api.totalvoice.com.br/w3/?key=XXXX83b3420&pop=1"}}


def envelope_dados(payload) -> object:
    return parse_envelope(200, {}, json.dumps(payload).encode())


def test_seed_create_example_with_numeric_ramal_and_nulls():
    r = parse_ramal(envelope_dados(SEED_CREATE))
    assert r.id == 1234
    assert r.ramal == "4000"  # a number in this example, a string everywhere else
    assert r.bina is None and r.tags is None and r.ura_id is None
    assert r.webphone is True and r.ligacao_externa is False


def test_seed_get_example_with_string_ramal_and_empty_tags():
    r = parse_ramal(envelope_dados(SEED_GET))
    assert r.ramal == "4000"
    assert r.bina == "48999999999"
    assert r.tags is None  # "" and null mean the same: no tags
    assert r.acesso_gravacoes is True and r.webphone is False


def test_ramal_credentials_stay_out_of_repr():
    r = parse_ramal(envelope_dados(SEED_GET))
    assert r.senha == "1234ioYNua"
    assert "1234ioYNua" not in repr(r)
    assert "testefd3b268b3de8cateste44968" not in repr(r)


def test_seed_pause_report():
    page = parse_report_page(envelope_dados(SEED_PAUSES), parse_pause)
    assert page.total == 1 and page.posicao == 0 and page.limite == 100
    (pause,) = page.rows
    assert pause.start == datetime(2019, 6, 15, 11, 14, 41, tzinfo=BRASILIA)
    assert (pause.end - pause.start).total_seconds() == pause.seconds == 7
    assert parse_pause_totals(page.extra) == ("4000", 7, "00:00:07")


def test_seed_received_calls():
    page = parse_report_page(envelope_dados(SEED_CALLS), parse_received_call)
    assert page.total == 2
    first = page.rows[0]
    assert first.caller == "48999999999"
    assert first.seconds == 369 and first.duration == "00:06:09"
    assert first.price == Decimal("0.00")
    assert first.ramal.id == 60679 and first.ramal.ramal == "4000"
    assert first.has_recording


def test_seed_webphone_url():
    assert parse_webphone_url(envelope_dados(SEED_WEBPHONE)).startswith("https://")


def test_later_fields_and_other_quirks_do_not_break_parsing():
    row = dict(SEED_CALLS["dados"]["relatorio"][0])
    row.update({"novo_campo": {"x": [1, 2]}, "preco": 0.12, "duracao_segundos": "369",
                "data_inicio": "2019-05-07T15:28:13.123-03:00", "url_gravacao": ""})
    call = parse_received_call(row, "row")
    assert call.price == Decimal("0.12")
    assert call.seconds == 369
    assert call.started_at.microsecond == 123000
    assert not call.has_recording


@pytest.mark.parametrize(
    ("field", "value"),
    [("id", "abc"), ("id", None), ("data_inicio", "ontem"), ("preco", "grátis"),
     ("duracao_segundos", True), ("ramal", "4000")],
)
def test_wrong_types_are_malformed_responses(field, value):
    row = dict(SEED_CALLS["dados"]["relatorio"][0])
    row[field] = value
    with pytest.raises(MalformedResponseError) as info:
        parse_received_call(row, "dados.relatorio[0]")
    assert field in str(info.value)


def test_ramal_payload_refuses_unknown_fields():
    with pytest.raises(TypeError):
        ramal_payload({"ramal": "4000", "colour": "blue"})
    assert ramal_payload({"senha": "AbcdEfgh"}) == {"senha": "AbcdEfgh"}


# --------------------------------------------------------------------- arbitrary input
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=25,
)
plausible_keys = st.sampled_from(
    ["id", "ramal", "login", "senha", "bina", "tags", "ura_id", "webphone", "relatorio",
     "total", "posicao", "limite", "data_inicio", "pausa_inicio", "pausa_fim", "preco",
     "duracao_segundos", "url", "numero_origem", "status", "tempo_segundos"]
)
plausible_objects = st.dictionaries(plausible_keys, json_values, max_size=10)
envelopes = st.fixed_dictionaries(
    {"status": json_values, "sucesso": st.booleans() | json_values, "motivo": json_values,
     "mensagem": json_values,
     "dados": plausible_objects | st.lists(plausible_objects, max_size=3) | json_values}
)


def parse_everything(status: int, body: bytes) -> None:
    """Everything the client does with a body: only the client's own errors may escape."""
    try:
        dados = parse_envelope(status, {}, body)
    except ApiError:
        return
    for parse in (
        lambda: parse_ramal(dados),
        lambda: parse_report_page(dados, parse_ramal),
        lambda: parse_report_page(dados, parse_pause),
        lambda: parse_report_page(dados, parse_received_call),
        lambda: parse_pause_totals(dados if isinstance(dados, dict) else {}),
        lambda: parse_webphone_url(dados),
    ):
        with contextlib.suppress(MalformedResponseError):
            parse()


@settings(max_examples=400, deadline=None)
@given(status=st.sampled_from([200, 400, 403, 404, 405, 429, 500, 502]), payload=envelopes)
def test_arbitrary_envelopes_raise_only_client_errors(status, payload):
    parse_everything(status, json.dumps(payload).encode())


@settings(max_examples=300, deadline=None)
@given(status=st.sampled_from([200, 403, 500]), payload=json_values)
def test_arbitrary_json_raises_only_client_errors(status, payload):
    parse_everything(status, json.dumps(payload).encode())


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=64))
def test_arbitrary_bytes_raise_only_client_errors(body):
    parse_everything(200, body)
