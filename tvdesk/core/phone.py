"""Phone numbers: Brazilian display formatting and normalisation for dialing.

Everything goes through ``phonenumbers`` (Google's libphonenumber, imported on first use:
it is not needed to show the first window); extensions (3-4 digits) are recognised before
it, since they are not phone numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from tvdesk.core.vocabulary import LINK_SCHEMES

DEFAULT_REGION = "BR"
EXTENSION = re.compile(r"^\d{3,4}$", re.ASCII)
_SEPARATORS = re.compile(r"[\s().\-/]")


class InvalidNumberError(ValueError):
    """Not a dialable number or extension. ``text`` is what the user gave."""

    def __init__(self, text: str, reason: str = "invalid") -> None:
        self.text = text
        self.reason = reason  # "empty", "invalid"
        super().__init__(f"not a phone number or extension: {text!r}")


@dataclass(frozen=True, slots=True)
class DialTarget:
    kind: str  # "number" or "extension"
    value: str  # E.164 for numbers, the digits for extensions

    @property
    def is_extension(self) -> bool:
        return self.kind == "extension"


def strip_uri(text: str) -> str:
    """``tel:+55-48-9999`` / ``callto://…`` / ``sip:`` → the number part, decoded; a link's
    parameters (``;ext=…``, ``@host``, ``?…``) go. A plain number is left whole: text after
    a ``;`` in it is not a parameter but a typing slip, to be refused, not dialled."""
    s = text.strip()
    low = s.lower()
    for scheme in LINK_SCHEMES:
        if low.startswith(scheme):
            s = unquote(s[len(scheme):]).lstrip("/")
            return s.split(";", 1)[0].split("@", 1)[0].split("?", 1)[0].strip()
    return s


def ascii_digits(text: str) -> str:
    """Every decimal digit as ASCII: fullwidth ``４８``, Arabic-Indic ``٤٨`` and the like
    are digits a keyboard or a CRM may give, but the webphone takes only ``0-9``."""
    return "".join(str(d) if (d := unicodedata.decimal(ch, None)) is not None else ch
                   for ch in text)


def _pn():
    import phonenumbers

    return phonenumbers


def normalize(text: str, region: str = DEFAULT_REGION) -> DialTarget:
    """What to dial for ``text``: an extension, or a valid number in E.164."""
    raw = strip_uri(ascii_digits(text or ""))
    compact = _SEPARATORS.sub("", raw)
    if not compact:
        raise InvalidNumberError(text, "empty")
    if EXTENSION.match(compact):
        return DialTarget("extension", compact)
    if not re.fullmatch(r"\+?\d+", compact, re.ASCII):
        raise InvalidNumberError(text)
    parsed = _parse(compact, region)
    if parsed is None:
        raise InvalidNumberError(text)
    pn = _pn()
    return DialTarget("number", pn.format_number(parsed, pn.PhoneNumberFormat.E164))


def _parse(digits: str, region: str):
    """A valid ``phonenumbers.PhoneNumber`` for the digits, or None."""
    pn = _pn()
    candidates = [digits]
    # Brazilian trunk prefix: "048 9999…" or "0 48 …" dialled as "48 9999…"
    if region == "BR" and digits.startswith("0") and not digits.startswith("00"):
        candidates.append(digits.lstrip("0"))
    for candidate in candidates:
        try:
            parsed = pn.parse(candidate, region)
        except pn.NumberParseException:
            continue
        if pn.is_valid_number(parsed):
            return parsed
    return None


@lru_cache(maxsize=20_000)
def format_for_display(number: str | None, region: str = DEFAULT_REGION) -> str:
    """``48999999999`` → ``(48) 99999-9999``; foreign numbers internationally; else as given."""
    if not number:
        return ""
    digits = _SEPARATORS.sub("", number)
    if EXTENSION.match(digits):
        return digits
    parsed = _parse(digits, region)
    if parsed is None:
        return number
    pn = _pn()
    if pn.region_code_for_number(parsed) == region:
        return pn.format_number(parsed, pn.PhoneNumberFormat.NATIONAL)
    return pn.format_number(parsed, pn.PhoneNumberFormat.INTERNATIONAL)


def warm_up(region: str = DEFAULT_REGION) -> None:
    """Import phonenumbers and load the region's metadata (call it off the GUI thread, so
    the first rows of a report do not pay for it)."""
    _parse("48999999999" if region == "BR" else "0", region)


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text or "")
