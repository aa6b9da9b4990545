"""The shared words: modes, statuses, message kinds, link schemes."""

import pytest

from tvdesk.core.vocabulary import (
    LINK_SCHEMES,
    CallStatus,
    MessageKind,
    WebphoneMode,
    is_answered,
    is_phone_link,
)


@pytest.mark.parametrize(("status", "expected"), [
    ("atendida", CallStatus.ANSWERED), (" Atendida ", CallStatus.ANSWERED),
    ("não atendida", CallStatus.MISSED), ("nao atendida", CallStatus.MISSED),
    ("ocupado", CallStatus.BUSY), ("falha", CallStatus.FAILED),
    ("cancelada", CallStatus.CANCELLED), ("transferida", None), (None, None), ("", None),
])
def test_vendor_statuses(status, expected):
    assert CallStatus.of(status) is expected
    assert is_answered(status) == (expected is CallStatus.ANSWERED)


def test_only_answered_counts_as_answered():
    assert [s for s in CallStatus if s.answered] == [CallStatus.ANSWERED]


def test_modes_are_their_own_words():
    assert WebphoneMode.of("hidden") is WebphoneMode.HIDDEN
    assert WebphoneMode.of("popup") is WebphoneMode.EMBEDDED
    assert f"{WebphoneMode.FLOATING}" == "floating" == WebphoneMode.FLOATING
    assert {k.value for k in MessageKind} == {"error", "warning", "info"}


def test_phone_links():
    assert LINK_SCHEMES == ("tel:", "callto:", "sip:", "sips:")
    assert is_phone_link("TEL:+5548") and is_phone_link(" callto://4000")
    assert not is_phone_link("http://tel:") and not is_phone_link("48999")
