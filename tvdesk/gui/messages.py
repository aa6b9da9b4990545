"""What went wrong, said to the agent in their language, with what to do about it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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
from tvdesk.core.credentials import KeyringUnavailableError
from tvdesk.core.session import ExtensionNotFoundError


def tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def describe(exc: BaseException, host: str = "") -> str:
    """One or two sentences: what happened and what the agent can do."""
    if isinstance(exc, ExtensionNotFoundError):
        return tr("Extension {number} does not exist in this account. Check the number, or "
                  "pick your extension from the list.").format(number=exc.number)
    if isinstance(exc, AuthenticationError):
        return tr("The access token was refused. Copy it again from the TotalVoice panel "
                  "(Minha conta → Token) and sign in again.")
    if isinstance(exc, InsufficientBalanceError):
        return tr("The account has no balance. Ask the account owner to add credit.")
    if isinstance(exc, PermissionDeniedError):
        return tr("This account may not use this feature (trial accounts cannot use the "
                  "phone system API). Ask the account owner to enable it.")
    if isinstance(exc, RateLimitedError):
        return tr("The server is receiving too many requests. Wait a moment and try again.")
    if isinstance(exc, TransportError):
        if exc.kind == "timeout":
            return tr("The server took too long to answer. Check the connection and try "
                      "again.")
        if exc.kind == "tls":
            return tr("A secure connection to {host} could not be made. Check the date and "
                      "time of this computer and the API address.").format(host=host)
        if exc.kind == "dns":
            return tr("The address {host} could not be found. Check the internet connection "
                      "and the API address.").format(host=host)
        return tr("Could not reach {host}. Check the internet connection and try again."
                  ).format(host=host)
    if isinstance(exc, ServerError):
        return tr("The TotalVoice server had a problem (error {status}). Try again in a "
                  "moment.").format(status=exc.status or "?")
    if isinstance(exc, MalformedResponseError):
        return tr("The server sent an answer tvdesk could not read. Try again; if it "
                  "persists, check the API address.")
    if isinstance(exc, ValidationError):
        return tr("The server refused the request: {message}").format(
            message=exc.mensagem or tr("invalid parameter"))
    if isinstance(exc, NotFoundError):
        return tr("Not found on the server: {message}").format(
            message=exc.mensagem or tr("unknown item"))
    if isinstance(exc, KeyringUnavailableError):
        return tr("This system has no password keyring, so the token cannot be remembered. "
                  "It will be used for this session only.")
    if isinstance(exc, ApiError):
        return tr("Unexpected answer from the server. Try again.")
    return tr("Something went wrong: {error}").format(error=type(exc).__name__)
