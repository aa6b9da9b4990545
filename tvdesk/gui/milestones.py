"""For benchmarks and smoke tests (``--quit-when-shown`` and its kin): print when the window
shows, the sign-in finishes, the first data arrives and the webphone connects, then quit."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from tvdesk.gui.controller import AppController


def report_milestones(app, controller: AppController, started: float, until: str,
                      quit_app) -> None:
    """``until``: "window", "data" or "phone" (after the phone connects the process lingers
    1.5 s, so that its processes can be measured)."""

    def say(what: str) -> None:
        print(f"{what} after {time.perf_counter() - started:.3f} s", flush=True)

    def shown(_window) -> None:
        say("main window shown")
        if until == "window":
            QTimer.singleShot(0, quit_app)

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
