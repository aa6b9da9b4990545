"""tel:/callto: links and numbers from the clipboard."""

import pytest

from tvdesk.core.links import dial_target, from_clipboard
from tvdesk.core.phone import InvalidNumberError
from tvdesk.core.vocabulary import is_phone_link


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("tel:+55-48-99999-9999", "number", "+5548999999999"),
    ("tel:+5548999999999", "number", "+5548999999999"),
    ("TEL:+55 48 99999 9999", "number", "+5548999999999"),
    ("tel:+55%2048%2099999-9999", "number", "+5548999999999"),
    ("tel:%2B5548999999999", "number", "+5548999999999"),
    ("callto:+5548999999999", "number", "+5548999999999"),
    ("callto://+5548999999999", "number", "+5548999999999"),
    ("tel:+5548999999999;ext=123", "number", "+5548999999999"),
    ("tel:048-99999-9999", "number", "+5548999999999"),
    ("tel:(48)3333-4444", "number", "+554833334444"),
    ("tel:4000", "extension", "4000"),
    ("sip:4001@pbx.example", "extension", "4001"),
    ("(48) 99999-9999", "number", "+5548999999999"),
])
def test_links_and_numbers(text, kind, value):
    target = dial_target(text)
    assert (target.kind, target.value) == (kind, value)


@pytest.mark.parametrize("text", ["tel:", "callto:", "tel:abc", "tel:%20", "tel:12",
                                  "callto://", "tel:+", "tel:;ext=1"])
def test_bad_links_are_refused(text):
    with pytest.raises(InvalidNumberError):
        dial_target(text)


def test_is_phone_link():
    assert is_phone_link(" tel:123") and is_phone_link("CALLTO:x") and not is_phone_link("48999")


@pytest.mark.parametrize(("text", "value"), [
    ("Ligar para (48) 99999-9999 amanhã", "+5548999999999"),
    ("Cliente: Maria — tel. +55 11 98765-4321 — e-mail maria@x.com", "+5511987654321"),
    ("tel:+5548999999999 (cobrança)", "+5548999999999"),
    ("ramal 4001", "4001"),
    ("pedido 2024 — cliente (48) 3333-4444", "+554833334444"),
])
def test_clipboard(text, value):
    assert from_clipboard(text).value == value


@pytest.mark.parametrize("text", [None, "", "nada aqui", "12", "x" * 5000,
                                  "pedido 12 de 2024, ramal 4001"])
def test_clipboard_without_a_number(text):
    assert from_clipboard(text) is None


def test_text_after_a_semicolon_is_stripped_only_from_links():
    assert dial_target("tel:4001;phone-context=example.com").value == "4001"
    assert dial_target("tel:+5548999999999;ext=12").value == "+5548999999999"
    with pytest.raises(InvalidNumberError):
        dial_target("4001; anything")  # a plain number: a slip to refuse, not to dial 4001
