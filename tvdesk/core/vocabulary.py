"""The words tvdesk's parts share, spelled once: webphone modes, call statuses, message
kinds, phone-link schemes.

``StrEnum`` members are their own text, so settings files, the API's query parameters and
the webphone's host page keep reading and writing the plain words.
"""

from __future__ import annotations

from enum import StrEnum


class WebphoneMode(StrEnum):
    """How the vendor's webphone is shown (the API's ``tipo``)."""

    EMBEDDED = "embedded"  # inside tvdesk's window
    FLOATING = "floating"  # in a window of its own
    HIDDEN = "hidden"      # no interface: tvdesk's own controls drive it

    @classmethod
    def of(cls, value: object, default: WebphoneMode | None = None) -> WebphoneMode:
        """The mode ``value`` names; ``default`` (embedded) for anything else."""
        try:
            return cls(value)
        except ValueError:
            return default or cls.EMBEDDED


class DialOrigin(StrEnum):
    """How a call the agent made was started (the call log says it)."""

    DIAL_BOX = "dial_box"          # typed in the window's dial box
    CALL_BACK = "call_back"        # from the history or the missed-call banner
    CLIPBOARD = "clipboard"        # "Dial the copied number"
    LINK = "link"                  # a tel:/callto: link clicked elsewhere
    COMMAND_LINE = "command_line"  # `tvdesk dial …`
    PHONE = "phone"                # the phone's own keypad (tvdesk's native controls)


class CallDirection(StrEnum):
    """Which way a call in the call log went."""

    IN = "in"    # received
    OUT = "out"  # made by the agent


class CallStatus(StrEnum):
    """A call's outcome: a received call's, from the vendor's ``status`` text; a call on
    the agent's phone, from what tvdesk saw (``of_phone``)."""

    ANSWERED = "answered"
    MISSED = "missed"
    REJECTED = "rejected"          # rang, and the agent declined it
    NOT_ANSWERED = "not_answered"  # a call the agent made that nobody answered
    BUSY = "busy"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @classmethod
    def of_phone(cls, outcome: str | None) -> CallStatus | None:
        """The outcome tvdesk recorded for a call on the agent's phone."""
        try:
            return cls(outcome or "")
        except ValueError:
            return None

    @classmethod
    def of(cls, status: str | None) -> CallStatus | None:
        """The outcome the vendor's ``status`` names; None for a text tvdesk does not know
        (shown as the vendor wrote it)."""
        return _VENDOR_STATUS.get((status or "").strip().lower())

    @property
    def answered(self) -> bool:
        """Only an answered call has talk time: totals and call backs go by this."""
        return self is CallStatus.ANSWERED


_VENDOR_STATUS = {
    "atendida": CallStatus.ANSWERED,
    "não atendida": CallStatus.MISSED,
    "nao atendida": CallStatus.MISSED,
    "ocupado": CallStatus.BUSY,
    "falha": CallStatus.FAILED,
    "cancelada": CallStatus.CANCELLED,
}


def is_answered(status: str | None) -> bool:
    """Whether the vendor's ``status`` text means the call was answered."""
    return CallStatus.of(status) is CallStatus.ANSWERED


class MessageKind(StrEnum):
    """How serious a message to the agent is (its colour in the banner)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: the links that mean "dial this" (``tel:`` from web pages and CRMs, ``callto:`` from older
#: ones, ``sip:``/``sips:`` from softphone-aware pages), lower case, with their colon
LINK_SCHEMES = ("tel:", "callto:", "sip:", "sips:")


def is_phone_link(text: str) -> bool:
    return text.strip().lower().startswith(LINK_SCHEMES)
