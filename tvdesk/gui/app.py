"""The desktop application: Qt set-up, translations, the event loop, the controller.

``run`` is the whole life of the desktop process: one instance per user, the settings'
language, the controller, the start (``startup``), then the event loop until quit.
"""

from __future__ import annotations

import concurrent.futures
import logging
import sys
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tvdesk import __version__
from tvdesk.core.credentials import CredentialStore
from tvdesk.core.redact import install_log_redaction
from tvdesk.core.settings import SettingsStore, config_dir
from tvdesk.gui.i18n import choose_language, install_translations
from tvdesk.gui.tasks import Tasks, install_error_hook
from tvdesk.resources import resource_path


def _early_start(done: concurrent.futures.Future, demo: bool, port: int) -> None:
    """Work that need not wait for the event loop: import the HTTP client (requests takes
    tens of milliseconds) and, in the demo, start the simulator (``done``'s result)."""
    try:
        import tvdesk.core.api.client  # noqa: F401

        if demo:
            from tvdesk.gui.demo import start_demo

            done.set_result(start_demo(port))
        else:
            done.set_result(None)
    except BaseException as exc:
        done.set_exception(exc)
        raise


class TvdeskApplication(QApplication):
    """The application; it also takes the links macOS opens with it (QFileOpenEvent).

    An event filter on the application would see every event of every object (and was
    seen to stop QtWebEngine's webphone from connecting): ``event()`` sees only its own.
    """

    linkOpened = Signal(str)

    def event(self, event) -> bool:
        from tvdesk.gui.instance_server import phone_link_of

        link = phone_link_of(event)
        if link is not None:
            self.linkOpened.emit(link)
            return True
        return super().event(event)


def make_application(argv: list[str]) -> QApplication:
    # QtWebEngine (the webphone) needs this before the application exists
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or TvdeskApplication(argv)
    app.setApplicationName("tvdesk")
    app.setApplicationDisplayName("tvdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("tvdesk")
    app.setDesktopFileName("tvdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "tvdesk.svg"))))
    return app


def run(*, demo_port: int | None = None, demo: bool = False, quit_when_shown: bool = False,
        quit_when_loaded: bool = False, quit_when_phone_ready: bool = False,
        quit_when_rows: bool = False,
        verbose: bool = False, request: tuple[str, list[str]] = ("show", []),
        url_prefetch=None) -> int:
    """``url_prefetch``: the phone's first URL, on its way (see ``url_prefetch``)."""
    started = time.perf_counter()
    # Worker threads parse pages while the GUI thread paints: hand the interpreter back to
    # the event loop every millisecond rather than every five, so the window never stalls.
    sys.setswitchinterval(0.001)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_redaction()
    install_error_hook()
    from tvdesk.gui.process_environment import secure_environment

    secure_environment()  # before Qt and QtWebEngine read it
    from tvdesk.gui.controller import AppController

    app = make_application(sys.argv[:1])
    from tvdesk.gui.garbage import GuiThreadCollector

    collector = GuiThreadCollector(app)  # noqa: F841 (from now on, on this thread only)
    store = SettingsStore(config_dir() / ("demo-settings.json" if demo else "settings.json"))
    language = choose_language(store.load().language)
    translators = install_translations(app, language)  # noqa: F841 (kept alive)
    from tvdesk.gui.instance_server import become_the_instance

    server, exit_code = become_the_instance(request)
    if server is None:  # another tvdesk has the request, or tvdesk must not start
        if url_prefetch is not None:
            url_prefetch.cancel()
        return exit_code
    tasks = Tasks()
    early: concurrent.futures.Future = concurrent.futures.Future()
    demo_factory = None
    if demo:
        def demo_factory():
            return early.result()  # started below, as soon as the window shows

    controller = AppController(settings_store=store, credentials=CredentialStore(),
                               tasks=tasks, demo=demo_factory, url_prefetch=url_prefetch)
    from tvdesk.gui.tasks import add_error_listener

    add_error_listener(controller.report_unexpected)
    server.commandReceived.connect(controller.handle_request)
    if isinstance(app, TvdeskApplication):
        app.linkOpened.connect(lambda url: controller.handle_request("dial", [url]))
    if request[0] != "show":
        controller.handle_request(*request)
    from tvdesk.gui.startup import PhoneFirst

    phone_first = PhoneFirst(controller.startup, controller)
    if quit_when_shown or quit_when_loaded or quit_when_phone_ready or quit_when_rows:
        from tvdesk.gui.milestones import report_milestones

        report_milestones(app, controller, started,
                           "phone" if quit_when_phone_ready else "rows" if quit_when_rows
                           else "data" if quit_when_loaded else "window", phone_first.quit)
    # shown, and the phone started, before asyncio is even imported
    controller.open_first_window()
    if demo:  # on a worker: the simulator the demo's phone connects to
        tasks.submit(_early_start, early, demo, demo_port or 0)
    try:
        if not phone_first.run():
            return 0  # quit, or the window closed, before the phone connected
        if not demo:  # the HTTP stack the sign-in needs
            tasks.submit(_early_start, early, demo, demo_port or 0)
        _run_event_loop(app, controller)
    finally:
        controller.shutdown()
        host = sys.modules.get("tvdesk.gui.webphone.host")  # (only if a phone was made)
        if host is not None:
            host.release_webphone_profile()
        server.stop()
        if url_prefetch is not None:  # a helper still busy must not hold the exit back
            url_prefetch.cancel()
        tasks.shutdown()
        simulator = controller.demo or _result_or_none(early)
        if simulator is not None:
            simulator.stop(wait=False)  # the process is ending: its threads end too
        if controller.restart_as_demo:  # (after the single-instance lock is released)
            _start_demo_process()
    return 0


def _start_demo_process() -> None:
    """A new ``tvdesk --demo``, on its own (this process is ending)."""
    import subprocess

    command = [sys.executable] if getattr(sys, "frozen", False) else \
        [sys.executable, "-m", "tvdesk"]
    subprocess.Popen([*command, "--demo"], start_new_session=True,  # noqa: S603 (our own)
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _result_or_none(job: concurrent.futures.Future):
    if job.done() and job.exception() is None:
        return job.result()
    return None


def settle_garbage_collector() -> None:
    """What the start made (Qt's wrappers, modules, the window: ~95,000 objects) is kept
    for the day: frozen out of the collector's full passes, which otherwise stopped the
    GUI for ~30 ms each while a period of 10,000 calls synced (measured,
    ``benchmarks/bench_history_store.py``). The day's data is still collected."""
    import gc

    gc.collect()
    gc.freeze()


def _run_event_loop(app, controller) -> None:
    import asyncio

    import qasync

    from tvdesk.gui.tasks import attach_loop

    settle_garbage_collector()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    attach_loop(loop)
    controller.start()

    def make_tray() -> None:  # after the first paint: the tray is not urgent
        from tvdesk.gui.tray import Tray

        tray = Tray(app)
        # with a tray, closing the last window leaves tvdesk running there
        app.setQuitOnLastWindowClosed(not tray.available)
        controller.set_tray(tray)

    QTimer.singleShot(0, make_tray)
    with loop:
        loop.run_forever()
