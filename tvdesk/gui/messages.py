"""What went wrong, said to the agent in their language, with what to do about it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q

from tvdesk.core.api import (
    ApiError,
    AuthenticationError,
    InsufficientBalanceError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    TransportError,
    ValidationError,
)
from tvdesk.core.credentials import KeyringLockedError, KeyringUnavailableError
from tvdesk.core.session import ExtensionNotFoundError


def describe(exc: BaseException, host: str = "") -> str:
    """One or two sentences: what happened and what the agent can do."""
    from tvdesk.core.api.errors import InvalidTokenError
    from tvdesk.core.api.hosts import InvalidHostError

    if isinstance(exc, InvalidTokenError):
        return Q.translate("Messages",
                           "That is not an access token: a token has only letters, digits and "
                           "punctuation, without spaces or accents. Copy it again from the "
                           "TotalVoice panel (Minha conta → Token).")
    if isinstance(exc, InvalidHostError):
        if exc.reason == "query":
            return Q.translate("Messages",
                               "The API address must be the server's address only, without "
                               "\"?\" or \"#\" parts (e.g. https://voice-api.zenvia.com).")
        return Q.translate("Messages",
                           "The API address must start with https:// (or http://).")
    if isinstance(exc, ExtensionNotFoundError):
        text = Q.translate("Messages",
                           "Extension {number} does not exist in this account. Check the "
                           "number, or pick your extension from the list.")
        return text.format(number=exc.number)
    if isinstance(exc, AuthenticationError):
        return Q.translate("Messages",
                           "The access token was refused. Copy it again from the TotalVoice "
                           "panel (Minha conta → Token) and sign in again.")
    if isinstance(exc, InsufficientBalanceError):
        return Q.translate("Messages",
                           "The account has no balance. Ask the account owner to add credit.")
    if isinstance(exc, PermissionDeniedError):
        return Q.translate("Messages",
                           "This account may not use this feature (trial accounts cannot use "
                           "the phone system API). Ask the account owner to enable it.")
    if isinstance(exc, RateLimitedError):
        return Q.translate("Messages",
                           "The server is receiving too many requests. Wait a moment and try "
                           "again.")
    if isinstance(exc, TransportError):
        return _transport(exc, host)
    if isinstance(exc, ServerError):
        text = Q.translate("Messages",
                           "The TotalVoice server had a problem (error {status}). Try again in "
                           "a moment.")
        return text.format(status=exc.status or "?")
    if isinstance(exc, MalformedResponseError):
        return Q.translate("Messages",
                           "The server sent an answer tvdesk could not read. Try again; if it "
                           "persists, check the API address.")
    if isinstance(exc, ValidationError):
        text = Q.translate("Messages", "The server refused the request: {message}")
        return text.format(message=exc.mensagem or Q.translate("Messages", "invalid parameter"))
    if isinstance(exc, NotFoundError):
        text = Q.translate("Messages", "Not found on the server: {message}")
        return text.format(message=exc.mensagem or Q.translate("Messages", "unknown item"))
    if isinstance(exc, KeyringLockedError):
        return Q.translate("Messages",
                           "The system's keyring is locked, so the remembered token cannot be "
                           "read or saved. Unlock it (your desktop asks for your login "
                           "password) and try again.")
    if isinstance(exc, KeyringUnavailableError):
        return Q.translate("Messages",
                           "This system has no password keyring, so the token cannot be "
                           "remembered. It will be used for this session only.")
    if isinstance(exc, ApiError):
        return Q.translate("Messages", "Unexpected answer from the server. Try again.")
    text = Q.translate("Messages", "Something went wrong: {error}")
    return text.format(error=type(exc).__name__)


def _transport(exc: TransportError, host: str) -> str:
    if exc.kind == "timeout":
        return Q.translate("Messages",
                           "The server took too long to answer. Check the connection and try "
                           "again.")
    if exc.kind == "tls":
        text = Q.translate("Messages",
                           "A secure connection to {host} could not be made. Check the date and "
                           "time of this computer and the API address.")
    elif exc.kind == "dns":
        text = Q.translate("Messages",
                           "The address {host} could not be found. Check the internet "
                           "connection and the API address.")
    else:
        text = Q.translate("Messages",
                           "Could not reach {host}. Check the internet connection and try "
                           "again.")
    return text.format(host=host)


def unreachable_text(exc: BaseException, host: str = "") -> str:
    """Why the phone system cannot be used for now, in one sentence, without telling the
    agent to try again (tvdesk does)."""
    from urllib.parse import urlsplit

    name = urlsplit(host).netloc or host
    if (isinstance(exc, TransportError) and exc.kind != "timeout") or \
            not isinstance(exc, ApiError | TimeoutError):
        return Q.translate("Messages", "Offline: tvdesk cannot reach the phone system "
                                       "({host}).").format(host=name)
    if isinstance(exc, ServerError):
        return Q.translate("Messages", "The phone system has a problem (error {status})."
                           ).format(status=exc.status or "?")
    if isinstance(exc, RateLimitedError):
        return Q.translate("Messages", "The phone system is too busy to answer.")
    if isinstance(exc, MalformedResponseError):
        return Q.translate("Messages", "The phone system sent an answer tvdesk could not "
                                       "read.")
    return Q.translate("Messages", "The phone system is not answering.")


def not_allowed_text() -> str:
    """The extension may not use the webphone (the API's ``webphone`` flag)."""
    return Q.translate("Webphone", "This extension may not use the webphone. A supervisor "
                                   "can allow it.")
