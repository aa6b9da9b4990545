"""The history screens read from the agent's local database: stored days show at once and
are not fetched again; only today and gaps are (issue 15, first part)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.helpers.desktop import open_main, remembered, store_token
from tests.helpers.simulator import AGENT_ID, ANCHOR
from tvdesk.core.dates import parse_request_datetime
from tvdesk.core.history_store import store_path
from tvdesk.core.settings import data_dir


def report_days(sim, since: int = 0) -> list[tuple]:
    """The days each report request asked for (calls and pauses)."""
    out = []
    for r in sim.requests_log(since):
        if r["path"] in (f"/ramal/{AGENT_ID}/relatorio", f"/ramal/{AGENT_ID}/pausas") and \
                r["query"].get("posicao", "0") in ("0", "1"):
            first = parse_request_datetime(r["query"]["data_inicio"]).date()
            last = parse_request_datetime(r["query"]["data_fim"], end_of_day=True).date()
            out.append((r["path"].rsplit("/", 1)[1], first, last))
    return sorted(out)


def last_seq(sim) -> int:
    log = sim.requests_log()
    return log[-1]["seq"] if log else 0


def test_stored_days_are_not_fetched_again_only_today_is(qtbot, make_controller, sim,
                                                         memory_keyring):
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring,
                                 range_preset="7days")
    first = ANCHOR - timedelta(days=6)
    # the call-back list covers a day more than the week: fetched by itself, once
    extra = ANCHOR - timedelta(days=7)
    qtbot.waitUntil(lambda: ("relatorio", extra, extra) in report_days(sim), timeout=10000)
    qtbot.waitUntil(lambda: not controller.history.data.filling, timeout=10000)
    assert report_days(sim) == [("pausas", first, ANCHOR), ("relatorio", extra, extra),
                                ("relatorio", first, ANCHOR)]
    shown = main.calls.totals_now().calls
    since = last_seq(sim)
    controller.history.refresh()
    qtbot.waitUntil(lambda: not controller.history.loading, timeout=10000)
    # the six days before today are complete: only today is asked for again
    assert report_days(sim, since) == [("pausas", ANCHOR, ANCHOR),
                                       ("relatorio", ANCHOR, ANCHOR)]
    assert main.calls.totals_now().calls == shown
    # a longer period: the stored week is not asked for, the days before it are
    since = last_seq(sim)
    main.range_bar.set_range(ANCHOR - timedelta(days=20), ANCHOR)
    qtbot.waitUntil(lambda: not controller.history.loading
                    and main.status.text().startswith("Updated"), timeout=10000)
    earlier = (ANCHOR - timedelta(days=20), first - timedelta(days=1))
    assert report_days(sim, since) == sorted([  # (the calls of `extra` are stored already)
        ("pausas", *earlier), ("pausas", ANCHOR, ANCHOR),
        ("relatorio", earlier[0], extra - timedelta(days=1)), ("relatorio", ANCHOR, ANCHOR)])
    truth = [c for c in sim.store.calls[AGENT_ID]
             if ANCHOR - timedelta(days=20) <= c.started_at.astimezone().date() <= ANCHOR]
    assert main.calls.totals_now().calls == len(truth)


def test_the_next_start_shows_the_stored_period_before_the_server_answers(
        qtbot, make_controller, sim, memory_keyring):
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring,
                                 range_preset="7days")
    shown = main.calls.totals_now().calls
    assert shown > 0
    controller.main_window.close_for_quit()
    # the next morning the server is slow: what was stored shows at once anyway
    sim.add_fault("latency", path=f"^/ramal/{AGENT_ID}/(relatorio|pausas)$", latency_ms=3000)
    again = make_controller(remembered(sim, range_preset="7days"))
    again.start()
    qtbot.waitUntil(lambda: again.main_window is not None and again.history is not None
                    and again.main_window.calls.totals_now().calls >= shown - 5,
                    timeout=2500)  # well before the slow answer
    assert again.history.loading  # (today still on its way)
    qtbot.waitUntil(lambda: not again.history.loading, timeout=15000)
    assert again.main_window.calls.totals_now().calls == shown


def test_a_remembered_agents_stored_rows_show_before_the_sign_in_has_finished(
        qtbot, make_controller, sim, memory_keyring):
    """The sign-in needs the network; the stored period does not (stored_preview)."""
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring,
                                 range_preset="7days")
    stored = sorted(e.key for e in main.calls.period_entries())
    pauses = len(main.pauses.model.all_rows())
    controller.main_window.close_for_quit()
    sim.add_fault("latency", path=f"^/ramal/{AGENT_ID}/?$", latency_ms=2500)  # the sign-in
    again = make_controller(remembered(sim, range_preset="7days"))
    again.open_first_window()  # as the app does, before its event loop
    window = again.main_window
    assert window.calls is not None  # the window's first paint has the agent's rows
    assert sorted(e.key for e in window.calls.period_entries()) == stored
    assert len(window.pauses.model.all_rows()) == pauses
    assert window.my_day.figures is not None
    again.start()
    qtbot.wait(800)
    assert again.session is None  # still signing in: the rows stay meanwhile
    assert sorted(e.key for e in window.calls.period_entries()) == stored
    resets = []
    qtbot.waitUntil(lambda: again.history is not None, timeout=10000)
    window.calls.model.modelReset.connect(lambda: resets.append(window.calls.model.rowCount()))
    qtbot.waitUntil(lambda: not again.history.loading
                    and window.status.text().startswith("Updated"), timeout=15000)
    assert 0 not in resets  # the first load kept them on screen: no blank flash
    assert sorted(e.key for e in window.calls.period_entries()) == stored


def test_no_stored_preview_of_an_unreadable_file_it_is_left_to_the_history(
        qtbot, make_controller, sim, memory_keyring):
    path = store_path(data_dir(), sim.base_url, "4000")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 300)
    store_token(memory_keyring, sim)
    again = make_controller(remembered(sim, range_preset="7days"))
    again.open_first_window()
    assert path.read_bytes().startswith(b"not a database")  # untouched by the preview
    assert again.main_window.preview_range is None


def test_an_unreadable_history_file_is_set_aside_and_rebuilt(qtbot, make_controller, sim,
                                                            memory_keyring):
    path = store_path(data_dir(), sim.base_url, "4000")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 300)
    store_token(memory_keyring, sim)
    _controller, main = open_main(qtbot, make_controller, sim, memory_keyring,
                                 range_preset="7days")
    assert "could not be read" in main.banner.text()
    assert main.calls.totals_now().calls > 0  # rebuilt from the API
    assert any(p.name.startswith(path.name + ".unreadable-") for p in path.parent.iterdir())


@pytest.mark.parametrize("fault", ["drop", "silent"])  # gone, or connected and mute
def test_offline_the_stored_history_stays_and_says_so_and_tvdesk_keeps_trying(
        qtbot, make_controller, sim, memory_keyring, monkeypatch, fault):
    from tvdesk.gui.history import History

    monkeypatch.setattr(History, "OFFLINE_RETRY_MS", 1500)
    controller, main = open_main(qtbot, make_controller, sim, memory_keyring,
                                 range_preset="7days")
    shown = main.calls.totals_now().calls
    sim.add_fault(fault, path=f"^/ramal/{AGENT_ID}")  # the network went away
    controller.history.refresh()
    # (silent: two read timeouts of the tests' client, 3 s each; the app's are 8 s)
    qtbot.waitUntil(lambda: "Offline" in main.banner.text(), timeout=15000)
    text = main.banner.text()
    assert "as of" in text and "Not complete: Oct 31" in text and "keeps trying" in text
    assert main.calls.totals_now().calls == shown  # the stored week stays on screen
    tries = len([r for r in sim.requests_log() if r["fault"]])
    qtbot.waitUntil(lambda: len([r for r in sim.requests_log() if r["fault"]]) > tries,
                    timeout=10000)  # it tried again by itself
    assert "Offline" in main.banner.text()  # (and the notice did not flicker away)
    sim.clear_faults()  # back
    qtbot.waitUntil(lambda: main.status.text().startswith("Updated")
                    and "Offline" not in main.banner.text(), timeout=15000)


def test_the_history_is_kept_as_long_as_the_agent_chose_and_can_be_forgotten(
        qtbot, make_controller, sim, memory_keyring):
    from PySide6.QtWidgets import QMessageBox

    from tvdesk.core.dates import BRASILIA
    from tvdesk.core.history_store import HistoryStore

    # a database from long ago: a call 200 days old, one 10 days old
    old_day, recent_day = ANCHOR - timedelta(days=200), ANCHOR - timedelta(days=10)
    path = store_path(data_dir(), sim.base_url, "4000")
    path.parent.mkdir(parents=True)
    seed = HistoryStore(path, tz=BRASILIA)
    rows = [c for c in sim.store.calls[AGENT_ID]
            if c.started_at.astimezone().date() == recent_day][:1]
    from tests.helpers.simulator import make_client

    with make_client(sim) as client:
        recent = client.received_calls(AGENT_ID, recent_day, recent_day).calls[:1]
    assert rows and recent
    from dataclasses import replace

    ancient = replace(recent[0], id=77_000_001,
                      started_at=recent[0].started_at - timedelta(days=190))
    seed.save_calls([ancient], old_day, old_day)
    seed.save_calls(recent, recent_day, recent_day)
    seed.close()
    controller, _main = open_main(qtbot, make_controller, sim, memory_keyring,
                                  range_preset="7days", history_days=30)
    store = controller.history.data.store
    assert store.calls(old_day, old_day) == []  # older than 30 days: gone at opening
    assert store.calls(recent_day, recent_day) == recent
    # Forget my history, from the settings, after a confirmation
    since = last_seq(sim)
    dialog = controller.open_settings()
    dialog.forget.click()
    box = controller.history.forget_box
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    next(b for b in box.buttons()
         if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()
    qtbot.waitUntil(lambda: ("relatorio", ANCHOR - timedelta(days=6), ANCHOR)
                    in report_days(sim, since), timeout=15000)  # the week, fetched anew
    assert store.calls(recent_day, recent_day) == []
    dialog.reject()
