"""Running tvdesk's installed programs (``tvdesk``, ``tvdesk-sim``) as real processes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def script(name: str) -> str:
    """The console script ``name`` installed beside this Python (the test's environment)."""
    path = BIN / name
    if not path.exists():
        pytest.fail(f"console script {name} is not installed next to {sys.executable}")
    return str(path)
