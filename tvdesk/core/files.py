"""Files written whole or not at all.

Every file tvdesk writes (settings, exports, the desktop entry, mimeapps.list) goes to a
temporary file beside its target and replaces it in one step: a full disk, a crash or a
kill half-way leaves the old file as it was, never a truncated one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: str | bytes, *, encoding: str = "utf-8",
                 private: bool = False, private_if_new: bool = False) -> None:
    """Replace ``path`` with ``data`` in one step. A new file gets the usual permissions,
    or the user's alone: always with ``private``, and with ``private_if_new`` unless the
    file exists (it keeps its own then, which its owner chose)."""
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600 if private else _mode_for(path, 0o600 if private_if_new else None))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path, new: int | None = None) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        if new is not None:
            return new
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
