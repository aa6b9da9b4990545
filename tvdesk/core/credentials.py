"""The Access-Token in the OS keyring (Secret Service/KWallet, Credential Manager, Keychain).

Never a plain file: where no keyring backend exists, :class:`KeyringUnavailableError` says
so and the caller keeps the token for the session only. Calls may block (a locked keyring
asks to be unlocked): run them off the GUI thread.
"""

from __future__ import annotations

SERVICE = "tvdesk"


def _keyring():
    """keyring is imported on first use: it scans its backends (tens of ms) and the demo
    never needs it."""
    import keyring
    import keyring.errors

    return keyring


class KeyringUnavailableError(Exception):
    """No usable keyring: the token can be used for this session but not remembered."""


class KeyringLockedError(KeyringUnavailableError):
    """The keyring exists but is locked (its unlock prompt was dismissed): unlocking it
    makes it usable again, unlike having none."""


def _failure(exc: Exception) -> KeyringUnavailableError:
    import keyring.errors

    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringLockedError(type(exc).__name__)
    return KeyringUnavailableError(type(exc).__name__)


class CredentialStore:
    """One token per API host, under the keyring service ``tvdesk``."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @staticmethod
    def available() -> bool:
        from keyring.backends import fail

        backend = _keyring().get_keyring()
        return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0

    def _check(self) -> None:
        if not self.available():
            raise KeyringUnavailableError("no keyring backend is available")

    def load(self, account: str) -> str | None:
        self._check()
        keyring = _keyring()
        try:
            return keyring.get_password(self.service, account)
        except keyring.errors.KeyringError as exc:
            raise _failure(exc) from None

    def save(self, account: str, token: str) -> None:
        self._check()
        keyring = _keyring()
        try:
            keyring.set_password(self.service, account, token)
        except keyring.errors.KeyringError as exc:
            raise _failure(exc) from None

    def delete(self, account: str) -> None:
        """Forget the token; forgetting one that is not there is fine."""
        self._check()
        keyring = _keyring()
        try:
            keyring.delete_password(self.service, account)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise _failure(exc) from None
