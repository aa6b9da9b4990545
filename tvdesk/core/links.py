"""``tel:``/``callto:`` links and text from the clipboard, turned into something to dial."""

from __future__ import annotations

import re

from tvdesk.core.phone import DEFAULT_REGION, DialTarget, InvalidNumberError, normalize
from tvdesk.core.vocabulary import is_phone_link

# a run of digits with the separators people write numbers with
_CANDIDATE = re.compile(r"\+?\(?\d[\d\s().\-/]{1,30}\d")
MAX_CLIPBOARD = 200


def dial_target(text: str, region: str = DEFAULT_REGION) -> DialTarget:
    """A ``tel:``/``callto:`` link, or a number as typed, as a :class:`DialTarget`.

    ``tel:+55-48-99999-9999``, ``callto://+5548999999999``, ``tel:+55%2048%2099999-9999`` and
    ``tel:+5548999999999;ext=12`` (the extension part is not dialled) all give the E.164
    number; ``tel:4000`` an extension. Raises :class:`InvalidNumberError`.
    """
    return normalize(text, region)


def from_clipboard(text: str | None, region: str = DEFAULT_REGION) -> DialTarget | None:
    """The first dialable number in what the agent copied, or None.

    Only digits, ``+`` and separators are taken from it, so a whole line of a CRM or an
    e-mail signature works, and nothing else of it goes anywhere.
    """
    if not text:
        return None
    text = text[:MAX_CLIPBOARD]
    if is_phone_link(text):
        try:
            return dial_target(text.split()[0], region)
        except InvalidNumberError:
            return None
    extensions = []
    for match in _CANDIDATE.finditer(text):
        try:
            target = dial_target(match.group(0), region)
        except InvalidNumberError:
            continue
        if not target.is_extension:
            return target  # a phone number wins
        extensions.append(target)
    # a 3-4 digit run is an extension only when it is the only candidate: "ramal 4001",
    # but not "pedido 2024, ramal 4001"
    return extensions[0] if len(extensions) == 1 else None
