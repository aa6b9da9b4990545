"""The phone's state in words and in the tray's colours, for the card, the controls and the
tray (one wording, wherever the agent looks)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q

from tvdesk.core.phone import format_for_display
from tvdesk.core.webphone.phone_state import CallPhase, PhoneState, Registration
from tvdesk.gui.formatting import fmt_duration


def state_text(state: PhoneState) -> str:
    """The phone's state in a few words."""
    call = state.call
    if call is not None:
        number = format_for_display(call.number) or call.number or "…"
        if call.phase is CallPhase.RINGING:
            return Q.translate("Phone", "Incoming call from {number}").format(number=number)
        if call.phase is CallPhase.DIALING:
            return Q.translate("Phone", "Calling {number}…").format(number=number)
        text = Q.translate("Phone", "In a call with {number} · {time}").format(
            number=number, time=fmt_duration(call.talk_seconds(state.clock())))
        if call.muted:
            text += " · " + Q.translate("Phone", "muted")
        if call.recording:
            text += " · " + Q.translate("Phone", "recording")
        return text
    return {
        Registration.OFFLINE: Q.translate("Phone", "Webphone off"),
        Registration.LOADING: Q.translate("Phone", "Webphone connecting…"),
        Registration.CONNECTED: Q.translate("Phone", "Webphone ready"),
        Registration.DISCONNECTED: Q.translate("Phone", "Webphone disconnected"),
        Registration.ERROR: Q.translate("Phone", "Webphone error"),
    }[state.registration]


def pause_text(state: PhoneState) -> str:
    """How long the agent has been paused in the queues; "" when not paused."""
    if not state.paused:
        return ""
    return Q.translate("Phone", "Paused for {time}").format(
        time=fmt_duration(state.pause_seconds()))


def card_text(state: PhoneState) -> str:
    """The extension card's line: the state, and the pause beside it."""
    pause = pause_text(state)
    return state_text(state) + (f"  ·  {pause}" if pause else "")


def tray_state(state: PhoneState | None) -> str:
    """The tray's word for the phone's state (its icon's colour, see ``tray.STATE_COLORS``)."""
    if state is None:
        return "off"
    if state.call is not None:
        return "ringing" if state.call.phase is CallPhase.RINGING else "call"
    return {Registration.CONNECTED: "ready", Registration.LOADING: "connecting",
            Registration.OFFLINE: "off"}.get(state.registration, "problem")
