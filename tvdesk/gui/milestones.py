"""For benchmarks and smoke tests (``--quit-when-shown`` and its kin): print when the window
shows, the sign-in finishes, the first data arrives and the webphone connects, then quit."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from tvdesk.gui.controller import AppController


def report_milestones(app, controller: AppController, started: float, until: str,
                      quit_app) -> None:
    """``until``: "window", "rows" (the call log's first rows on screen: stored ones, or the
    first page), "data" (complete) or "phone" (after the phone connects the process
    lingers 1.5 s, so that its processes can be measured)."""

    def say(what: str) -> None:
        print(f"{what} after {time.perf_counter() - started:.3f} s", flush=True)

    rows: list[bool] = []

    def shown(window) -> None:
        say("main window shown")
        if until == "window":
            QTimer.singleShot(0, quit_app)

        def watch_rows() -> None:  # stored rows may show before the sign-in
            model = window.calls.model

            def changed() -> None:
                if model.rowCount() and not rows:
                    rows.append(True)
                    say("rows shown")
                    if until == "rows":
                        QTimer.singleShot(0, quit_app)

            model.rowsChanged.connect(changed)

        if window.calls is not None:
            watch_rows()
        else:
            window.screensBuilt.connect(watch_rows)

    def signed_in(_session) -> None:
        say("signed in")
        history = controller.history

        def loaded(_report) -> None:
            say("calls loaded")
            if until == "data":
                QTimer.singleShot(0, quit_app)

        history.callsLoaded.connect(loaded)
        history.data.failed.connect(lambda _e: (say("loading failed"), app.exit(1)))

    def phone_started(phone) -> None:
        from tvdesk.core.webphone.phone_state import Registration

        def changed() -> None:
            if phone.state.registration is Registration.CONNECTED and not done:
                done.append(True)
                say("webphone connected")
                if until == "phone":
                    QTimer.singleShot(1500, quit_app)

        done: list[bool] = []
        phone.stateChanged.connect(changed)
        phone.problem.connect(lambda text, kind: print(f"webphone {kind}: {text}",
                                                       flush=True))

    controller.mainWindowShown.connect(shown)
    controller.phoneStarted.connect(phone_started)
    controller.signedIn.connect(signed_in)
