"""A status_erro is classified from tvdesk's own facts first, then the vendor's words."""

from tvdesk.core.webphone.page_errors import (
    PageError,
    ReloadBudget,
    classify,
    microphone_missing,
    url_expiry,
)


def test_the_urls_expiry_is_read_without_keeping_the_url():
    assert url_expiry("https://x/w3/?key=k&expires=1700000000&signature=s") == 1700000000
    assert url_expiry("https://x/w3/?key=k") is None
    assert url_expiry("https://x/w3/?expires=soon") is None


def test_tvdesks_own_facts_come_before_the_vendors_words():
    now = 1_000_000.0
    # the URL expired (or is about to): a fresh one fixes it, whatever the text says
    assert classify("erro qualquer", expires=now - 5, now=now) is PageError.EXPIRED
    assert classify("erro qualquer", expires=now + 30, now=now) is PageError.EXPIRED
    assert classify("erro qualquer", expires=now + 3600, now=now) is PageError.OTHER
    # tvdesk itself refused the microphone: that is the cause, expired or not
    assert classify("x", expires=now - 5, microphone_refused=True,
                    now=now) is PageError.MICROPHONE


def test_known_texts_refine_and_unknown_ones_are_other():
    assert classify("Permissão de microfone negada") is PageError.MICROPHONE
    assert classify("NotAllowedError: Permission denied") is PageError.MICROPHONE
    assert classify("URL do webphone expirada") is PageError.EXPIRED
    assert classify("Ramal bloqueado pela central") is PageError.OTHER
    assert classify("") is PageError.OTHER
    assert microphone_missing("Nenhum microfone encontrado")
    assert not microphone_missing("Permissão de microfone negada")


def test_one_automatic_reload_per_window_then_the_agent_decides():
    t = [0.0]
    budget = ReloadBudget(window_s=120, clock=lambda: t[0])
    assert budget.take()
    t[0] = 30
    assert not budget.take()  # the fresh page failed too: no loop
    t[0] = 200
    assert budget.take()  # a new failure much later reloads once more
    assert not budget.take()
    budget.reset()  # the agent clicked Reconnect
    assert budget.take()
