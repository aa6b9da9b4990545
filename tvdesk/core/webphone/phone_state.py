"""What the agent's phone is doing, from the webphone's events: registration, the call,
queue pauses. Pure and clock-injected, so it is tested without a browser."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from tvdesk.core.webphone.protocol import (
    CallIdEvent,
    ErrorEvent,
    Event,
    IncomingCallEvent,
    QueueEvent,
    StatsEvent,
    StatusEvent,
)


class Registration(Enum):
    OFFLINE = "offline"        # nothing loaded
    LOADING = "loading"        # URL fetched, page loading, not yet conectado
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    ERROR = "error"


class CallPhase(Enum):
    RINGING = "ringing"    # incoming, not answered
    DIALING = "dialing"    # outgoing, not answered (status chamando)
    TALKING = "talking"    # conversando


@dataclass
class Call:
    direction: str  # "in" or "out"
    number: str
    phase: CallPhase
    started: float
    answered: float | None = None
    call_id: str | None = None
    muted: bool = False
    recording: bool = False
    rang_at: datetime | None = None  # wall-clock time an incoming call began to ring
    confirmed: bool = False  # the webphone said it is calling (an outgoing call we asked for)
    began_at: datetime | None = None  # wall-clock time it began (dialled, or rang)
    origin: str | None = None  # an outgoing call: how it was started (a DialOrigin)
    rejected: bool = False  # an incoming call the agent hung up on while it rang
    ended_at: float | None = None  # (monotonic) when it ended: talk time is fixed then

    @property
    def outcome(self) -> str:
        """How it ended, for the call log: answered; in: missed or rejected; out: not
        answered."""
        if self.answered is not None:
            return "answered"
        if self.direction == "in":
            return "rejected" if self.rejected else "missed"
        return "not_answered"

    def talk_seconds(self, now: float | None = None) -> int:
        if self.answered is None:
            return 0
        end = self.ended_at if now is None else now
        return int((end if end is not None else self.answered) - self.answered)


@dataclass
class PhoneState:
    registration: Registration = Registration.OFFLINE
    call: Call | None = None
    error: ErrorEvent | None = None
    paused: bool = False
    paused_since: float | None = None
    queues: set[str] = field(default_factory=set)  # queues joined in this session
    last_stats: StatsEvent | None = None
    last_ended: Call | None = None  # the call that ended last (a missed one, say)
    clock: object = time.monotonic
    wall_clock: object = datetime.now  # when, for the agent (an incoming call's time)

    @property
    def idle(self) -> bool:
        return self.registration is Registration.CONNECTED and self.call is None

    def pause_seconds(self) -> int:
        return int(self.clock() - self.paused_since) if self.paused_since else 0

    def loading(self) -> None:
        """A new page loads: the old one, and any call on it, are gone."""
        self.registration = Registration.LOADING
        self.error = None
        self.call = None

    def offline(self) -> None:
        self.registration = Registration.OFFLINE
        self.call = None

    def failed(self) -> None:
        """The phone could not be loaded (no URL): not connected, no call."""
        self.registration = Registration.ERROR

    def page_gone(self) -> None:
        """The webphone's page died (its renderer ended): the registration and any call
        went with it."""
        self.registration = Registration.DISCONNECTED
        self.call = None

    # ------------------------------------------------------------------ commands we sent
    def dialing(self, number: str, origin: str | None = None) -> None:
        """We asked for a call: show it at once, the webphone confirms with 'chamando'."""
        self.call = Call("out", number, CallPhase.DIALING, self.clock(),
                         began_at=self.wall_clock(), origin=origin)

    def dial_unconfirmed(self) -> bool:
        """An outgoing call we asked for that the webphone has not started."""
        c = self.call
        return c is not None and c.direction == "out" and not c.confirmed

    def dial_failed(self) -> None:
        """The webphone never started the call we asked for: the phone is idle again."""
        if self.dial_unconfirmed():
            self.call = None

    def toggled_mute(self) -> None:
        if self.call:
            self.call.muted = not self.call.muted

    def recording(self, on: bool) -> None:
        if self.call:
            self.call.recording = on

    def _end_call(self, out: list[str]) -> None:
        call, self.call = self.call, None
        call.ended_at = self.clock()
        self.last_ended = call
        out.append("ended")
        if call.direction == "in" and call.answered is None:
            # declined by the agent: logged as rejected, not announced as missed
            out.append("rejected" if call.rejected else "missed")

    # ------------------------------------------------------------------ events
    def apply(self, event: Event) -> list[str]:
        """Update from an event; returns what happened, for the GUI to react to:
        "connected", "disconnected", "incoming", "answered", "ended", "missed" (an incoming
        call that ended unanswered: the caller gave up), "rejected" (the agent declined it),
        "error", "paused", "unpaused", "queue"."""
        now = self.clock()
        out: list[str] = []
        if isinstance(event, StatusEvent):
            s = event.status
            if s == "conectado":
                if self.registration is not Registration.CONNECTED:
                    out.append("connected")
                self.registration = Registration.CONNECTED
                self.error = None
            elif s == "desconectado":
                self.registration = Registration.DISCONNECTED
                if self.call:
                    self._end_call(out)
                out.append("disconnected")
            elif s == "chamando":
                if self.call is None or self.call.direction != "out":
                    self.call = Call("out", self.call.number if self.call else "",
                                     CallPhase.DIALING, now, began_at=self.wall_clock())
                self.call.phase = CallPhase.DIALING
                self.call.confirmed = True
            elif s == "conversando":
                if self.call is None:
                    self.call = Call("out", "", CallPhase.TALKING, now,
                                     began_at=self.wall_clock())
                if self.call.answered is None:
                    self.call.answered = now
                    out.append("answered")
                self.call.phase = CallPhase.TALKING
                self.call.confirmed = True
            elif s == "encerrada" and self.call is not None:  # "encerrando" is on the way
                self._end_call(out)
        elif isinstance(event, IncomingCallEvent):
            rang = self.wall_clock()
            self.call = Call("in", event.number, CallPhase.RINGING, now,
                             call_id=event.call_id, rang_at=rang, began_at=rang)
            out.append("incoming")
        elif isinstance(event, CallIdEvent):
            if self.call and not self.call.call_id:  # once per call: a repeat changes nothing
                self.call.call_id = event.call_id
        elif isinstance(event, ErrorEvent):
            # final for the page, says the vendor; a call on it goes on while it lasts
            self.error = event
            if self.call is None:
                self.registration = Registration.ERROR
            out.append("error")
        elif isinstance(event, StatsEvent):
            self.last_stats = event
        elif isinstance(event, QueueEvent):
            if event.kind == "paused":
                if not self.paused:
                    self.paused, self.paused_since = True, now
                out.append("paused")
            elif event.kind == "unpaused":
                self.paused, self.paused_since = False, None
                out.append("unpaused")
            else:
                if event.queue_id:
                    (self.queues.add if event.kind == "joined" else self.queues.discard)(
                        event.queue_id)
                out.append("queue")
        return out
