"""Dials wait for a connected, idle phone, and each is sent exactly once."""

from __future__ import annotations

from dataclasses import dataclass

from tvdesk.core.webphone.phone_state import PhoneState


@dataclass
class DialRequest:
    target: str  # E.164 or extension digits
    id: int
    sent: bool = False
    origin: str = "dial_box"  # how it was started (a DialOrigin)


class DialQueue:
    """Dials wait for a connected, idle phone; each is sent exactly once.

    Only the latest request is kept: an agent who dials twice while the phone is still
    loading means the second number.
    """

    def __init__(self) -> None:
        self._next = 1
        self.pending: DialRequest | None = None

    def request(self, target: str, origin: str = "dial_box") -> DialRequest:
        self.pending = DialRequest(target, self._next, origin=origin)
        self._next += 1
        return self.pending

    def take(self, state: PhoneState) -> DialRequest | None:
        """The request to send now, if the phone can take it; marks it sent."""
        req = self.pending
        if req is None or req.sent or not state.idle:
            return None
        req.sent = True
        self.pending = None
        return req

    def cancel(self) -> None:
        self.pending = None
