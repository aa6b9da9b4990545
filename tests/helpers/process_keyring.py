"""A keyring backend for the tvdesk processes tests start, as an agent's keyring holds their
token: ``PYTHON_KEYRING_BACKEND=tests.helpers.process_keyring.ProcessKeyring`` with the
repository on ``PYTHONPATH``; it holds the simulator's test token for the one API address named in
``TVDESK_TEST_KEYRING_ACCOUNT`` (see :func:`process_env`). With ``TVDESK_TEST_KEYRING_LOG``
set, every read appends the reading process's id to that file: which process asked first."""

from __future__ import annotations

import os
from pathlib import Path

from keyring.backend import KeyringBackend

TOKEN = "test-token-8f3a2c91d7"  # the test simulator's token, not a credential
ROOT = Path(__file__).resolve().parents[2]


class ProcessKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        if log := os.environ.get("TVDESK_TEST_KEYRING_LOG"):
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()}\n")
        if service == "tvdesk" and username == os.environ.get("TVDESK_TEST_KEYRING_ACCOUNT"):
            return TOKEN
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass


def process_env(base: Path, account: str, **extra: str) -> dict[str, str]:
    """The environment of a tvdesk process whose keyring holds the token for ``account``;
    its own settings and data under ``base``, headless, with a fake microphone."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": f"{__name__}.ProcessKeyring",
           "TVDESK_TEST_KEYRING_ACCOUNT": account,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get(
               "PYTHONPATH")])),
           "TVDESK_CONFIG_DIR": str(base / "config"), "TVDESK_DATA_DIR": str(base / "data"),
           "TVDESK_INSTANCE_NAME": str(base / "instance.sock"),
           "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    env.update(extra)
    return env
