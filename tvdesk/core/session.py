"""Signing in: a token is accepted only once the API has accepted it (Qt-free, blocking)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tvdesk.core.api import ApiError, NotFoundError
from tvdesk.core.models import Ramal
from tvdesk.core.reports import extension_order

if TYPE_CHECKING:  # the client (and requests) load when a session is made, not before
    from tvdesk.core.api import TotalVoiceClient
    from tvdesk.core.api.paging import CancelFlag


class ExtensionNotFoundError(NotFoundError):
    """The token works, but the account has no such extension."""

    def __init__(self, number: str) -> None:
        self.number = number
        super().__init__(f"extension {number} not found in this account")


@dataclass
class Session:
    """A signed-in agent: the client for their account and their own extension."""

    client: TotalVoiceClient
    ramal: Ramal
    base_url: str

    @property
    def line(self) -> PhoneLine:
        return PhoneLine(self.client, self.ramal.ramal or "", self.ramal.id)

    def ramal_reloaded(self, ramal: Ramal) -> None:
        """The extension as the API now has it (a refresh reloads it with the history)."""
        self.ramal = ramal

    def close(self) -> None:
        self.client.close()


@dataclass(frozen=True)
class PhoneLine:
    """What the webphone needs: the account's client and which extension.

    With a remembered token (and in the demo) it is known before the sign-in has finished,
    so the phone starts connecting while the agent signs in rather than after.
    """

    client: TotalVoiceClient
    ramal: str
    ramal_id: int | None = None

    @property
    def base_url(self) -> str:
        return self.client.base_url

    def webphone_url(self, **kw) -> str:
        """A fresh webphone URL (``GET /webphone``), by id when known, else by number."""
        if self.ramal_id:
            return self.client.webphone_url(id_ramal=self.ramal_id, **kw)
        return self.client.webphone_url(ramal=self.ramal, **kw)


def open_line(token: str, base_url: str, ramal: str, ramal_id: int | None = None,
              **client_kw) -> PhoneLine:
    """A line for an extension the agent signed in with before (nothing checked yet)."""
    from tvdesk.core.api.client import TotalVoiceClient

    return PhoneLine(TotalVoiceClient(token, base_url, **client_kw), ramal, ramal_id or None)


def sign_in(token: str, base_url: str, ramal_number: str, *,
            cancel: CancelFlag | None = None, client: TotalVoiceClient | None = None,
            **client_kw) -> Session:
    """Check the token against the API and find the agent's extension.

    Listing the account's extensions both proves the token and turns the extension number
    the agent knows into the id the reports need. ``client``: one already made for this
    token (an early :class:`PhoneLine`'s); it stays open if the sign-in fails.
    """
    from tvdesk.core.api.client import TotalVoiceClient

    own = client is None
    if client is None:
        client = TotalVoiceClient(token, base_url, **client_kw)
    try:
        ramal = client.find_ramal(ramal_number, cancel=cancel)
        if ramal is None:
            raise ExtensionNotFoundError(ramal_number)
        ramal = client.get_ramal(ramal.id)
    except (ApiError, ValueError):
        if own:
            client.close()
        raise
    return Session(client, ramal, client.base_url)


def list_extensions(token: str, base_url: str, **client_kw) -> list[Ramal]:
    """The account's extensions (for the supervisor's picker at sign-in)."""
    from tvdesk.core.api.client import TotalVoiceClient

    with TotalVoiceClient(token, base_url, **client_kw) as client:
        return sorted(client.list_ramais(), key=extension_order)
