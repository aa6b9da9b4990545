"""The desktop application: Qt set-up, translations, the event loop, the controller."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tvdesk import __version__
from tvdesk.core.credentials import CredentialStore
from tvdesk.core.redact import install_log_redaction
from tvdesk.core.settings import SettingsStore, config_dir
from tvdesk.gui.background import Background
from tvdesk.gui.i18n import choose_language, install_translations
from tvdesk.resources import resource_path


def _report_milestones(app, controller, started: float, wait_for_data: bool) -> None:
    """For benchmarks and smoke tests: print when the window shows (and the first data
    arrives), then quit."""

    def say(what: str) -> None:
        print(f"{what} after {time.perf_counter() - started:.3f} s", flush=True)

    def shown(window) -> None:
        say("main window shown")
        if not wait_for_data:
            QTimer.singleShot(0, app.quit)

    def signed_in(session) -> None:
        say("signed in")
        data = controller.main_window.data
        data.callsLoaded.connect(lambda _r: (say("calls loaded"), QTimer.singleShot(0, app.quit)))
        data.failed.connect(lambda _e: (say("loading failed"), app.exit(1)))

    controller.mainWindowShown.connect(shown)
    if wait_for_data:
        controller.signedIn.connect(signed_in)


def make_application(argv: list[str]) -> QApplication:
    # QtWebEngine (the webphone) needs this before the application exists
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("tvdesk")
    app.setApplicationDisplayName("tvdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("tvdesk")
    app.setDesktopFileName("tvdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "tvdesk.svg"))))
    return app


def run(*, demo_port: int | None = None, demo: bool = False, quit_when_shown: bool = False,
        quit_when_loaded: bool = False, verbose: bool = False) -> int:
    started = time.perf_counter()
    # Worker threads parse pages while the GUI thread paints: hand the interpreter back to
    # the event loop every millisecond rather than every five, so the window never stalls.
    sys.setswitchinterval(0.001)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_redaction()
    from tvdesk.gui.controller import AppController

    app = make_application(sys.argv[:1])
    store = SettingsStore(config_dir() / ("demo-settings.json" if demo else "settings.json"))
    language = choose_language(store.load().language)
    translators = install_translations(app, language)  # noqa: F841 (kept alive)
    background = Background()
    demo_factory = None
    if demo:
        from tvdesk.gui.demo import start_demo

        def demo_factory():
            return start_demo(demo_port or 0)

    controller = AppController(settings_store=store, credentials=CredentialStore(),
                               background=background, demo=demo_factory)
    if quit_when_shown or quit_when_loaded:
        _report_milestones(app, controller, started, quit_when_loaded)
    controller.open_first_window()  # shown before asyncio is even imported

    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    controller.start()
    try:
        with loop:
            loop.run_forever()
    finally:
        background.shutdown()
        if controller.demo is not None:
            controller.demo.stop(wait=False)  # the process is ending: its threads end too
    return 0
