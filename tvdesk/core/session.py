"""Signing in: a token is accepted only once the API has accepted it (Qt-free, blocking)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tvdesk.core.api import ApiError, NotFoundError
from tvdesk.core.models import Ramal

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

    def close(self) -> None:
        self.client.close()


def sign_in(token: str, base_url: str, ramal_number: str, *,
            cancel: CancelFlag | None = None, **client_kw) -> Session:
    """Check the token against the API and find the agent's extension.

    Listing the account's extensions both proves the token and turns the extension number
    the agent knows into the id the reports need.
    """
    from tvdesk.core.api.client import TotalVoiceClient

    client = TotalVoiceClient(token, base_url, **client_kw)
    try:
        ramal = client.find_ramal(ramal_number, cancel=cancel)
        if ramal is None:
            raise ExtensionNotFoundError(ramal_number)
        ramal = client.get_ramal(ramal.id)
    except (ApiError, ValueError):
        client.close()
        raise
    return Session(client, ramal, client.base_url)


def list_extensions(token: str, base_url: str, **client_kw) -> list[Ramal]:
    """The account's extensions (for the supervisor's picker at sign-in)."""
    from tvdesk.core.api.client import TotalVoiceClient

    with TotalVoiceClient(token, base_url, **client_kw) as client:
        return sorted(client.list_ramais(), key=lambda r: (r.ramal or "", r.id))
