"""The first webphone URL of a remembered agent's day, fetched by a helper process.

Until the phone's page can load, tvdesk's start is one core's worth of interpreter time:
Qt, the window and QtWebEngine on the GUI thread, the keyring and the HTTP stack on a
worker, taking turns under the GIL. A helper process started before Qt is even imported
reads the token and fetches the URL on the other core meanwhile, and the page loads as soon
as it exists (``benchmarks/bench_webphone.py`` measures the difference).

The URL logs in: it only travels over the helper's stdout pipe, and the parent registers it
for redaction like any URL the API client fetches. The token is read from the keyring by
the helper itself and never passed. Whatever goes wrong in the helper (no keyring, no
token, no network, an API error), the app fetches the URL itself, as it does for every
later load, and reports errors from there.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass

#: the command-line flag that runs :func:`helper_main` (``tvdesk --webphone-url-helper``)
URL_HELPER_FLAG = "--webphone-url-helper"

#: a helper still busy after this long is given up (a keyring waiting to be unlocked
#: answers the app's own request as well)
WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class UrlRequest:
    """What the first load asks for; a URL fetched for anything else is not used."""

    base_url: str
    ramal: str
    ramal_id: int | None
    tipo: str
    fechar_fim: bool


def request_for(settings) -> UrlRequest | None:
    """The first load's request for an agent whose sign-in is remembered and whose phone
    starts by itself; None otherwise (nothing to fetch before the agent signs in)."""
    if not (settings.remember and settings.ramal and settings.webphone_autostart):
        return None
    return UrlRequest(settings.base_url, settings.ramal, settings.ramal_id or None,
                      settings.webphone_mode, bool(settings.webphone_close_at_end))


def helper_command() -> list[str]:
    if getattr(sys, "frozen", False):  # a packaged tvdesk: its executable takes the flag
        return [sys.executable, URL_HELPER_FLAG]
    return [sys.executable, "-m", "tvdesk", URL_HELPER_FLAG]


class UrlPrefetch:
    """A helper process fetching one webphone URL; :meth:`url_for` takes it, once."""

    def __init__(self, request: UrlRequest, process: subprocess.Popen) -> None:
        self.request = request
        self._process = process
        self._lock = threading.Lock()
        self._state = "ready"  # then "waiting" (url_for reads it) and "done"
        self.cancelled = False

    @classmethod
    def start(cls, request: UrlRequest, command: list[str] | None = None,
              env: dict[str, str] | None = None) -> UrlPrefetch | None:
        """Start the helper; None if it cannot be started (the app fetches the URL)."""
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console flashes
        try:
            process = subprocess.Popen(  # noqa: S603 (our own executable)
                command or helper_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=env, creationflags=flags)
        except OSError:
            return None
        try:
            process.stdin.write(json.dumps(asdict(request)).encode())
            process.stdin.close()
        except OSError:
            process.kill()
            process.wait()
            return None
        process.stdin = None  # closed: communicate() must not flush it again
        return cls(request, process)

    def url_for(self, tipo: str, fechar_fim: bool,
                timeout: float = WAIT_SECONDS) -> str | None:
        """The URL, if the helper fetched one for this ``tipo`` and ``fechar_fim``; blocks
        until it answers or :meth:`cancel` (run it off the GUI thread). Only the first
        call can get it."""
        with self._lock:
            if self._state != "ready":
                return None
            self._state = "waiting"
        process = self._process
        try:
            if (tipo, bool(fechar_fim)) != (self.request.tipo, self.request.fechar_fim):
                _end(process)
                return None
            try:
                out, _ = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                _end(process)
                return None
        finally:
            with self._lock:
                self._state = "done"
        if process.returncode != 0 or self.cancelled:
            return None
        try:
            url = json.loads(out)["url"]
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            return None
        from tvdesk.core.redact import register_secret

        register_secret(url)
        return url

    def cancel(self) -> None:
        """End the helper, from any thread; a :meth:`url_for` waiting on it returns None
        at once (the app is quitting, or the agent signed out)."""
        with self._lock:
            state = self._state
            if state == "ready":
                self._state = "done"
            self.cancelled = True
        if state == "ready":
            _end(self._process)
        elif state == "waiting":
            self._process.kill()  # url_for's communicate() reaps it

    @property
    def pending(self) -> bool:
        """Not yet taken or cancelled."""
        return self._state == "ready"


def _end(process: subprocess.Popen) -> None:
    process.kill()
    process.communicate()


def start_for_saved_settings() -> UrlPrefetch | None:
    """For ``tvdesk``'s start: a helper for the saved settings' first load, if any."""
    from tvdesk.core.settings import SettingsStore

    request = request_for(SettingsStore().load())
    return UrlPrefetch.start(request) if request is not None else None


def helper_main() -> int:
    """The helper: a request on stdin, ``{"url": …}`` on stdout; exit 1 without a URL
    (what failed is for the app's own request to say)."""
    try:
        request = UrlRequest(**json.loads(sys.stdin.read()))
    except (ValueError, TypeError):
        return 2
    from tvdesk.core.api import ApiError
    from tvdesk.core.credentials import CredentialStore, KeyringUnavailableError
    from tvdesk.core.session import open_line

    try:
        token = CredentialStore().load(request.base_url)
    except KeyringUnavailableError:
        return 1
    if not token:
        return 1
    try:
        line = open_line(token, request.base_url, request.ramal, request.ramal_id)
    except ValueError:
        return 1
    try:
        url = line.webphone_url(tipo=request.tipo, fechar_fim=request.fechar_fim)
    except (ApiError, ValueError):
        return 1
    finally:
        line.client.close()
    sys.stdout.write(json.dumps({"url": url}))
    sys.stdout.flush()
    return 0
