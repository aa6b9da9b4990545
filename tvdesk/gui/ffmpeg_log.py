"""FFmpeg's own output (QtMultimedia's backend) is silenced.

FFmpeg writes to stderr by itself: opening a recording it prints ``Input #0, wav, from
'https://…/rec/?id=…&x=…'``, the access value with it, outside Python's logging and its
redaction; no Qt setting stops that. Routing its lines into Python's log would need a
Python callback on FFmpeg's own threads, which can deadlock: a player being destroyed
joins a decoder thread that waits for the interpreter the destroying thread holds (seen
in the tests). So FFmpeg's log level is set to quiet once QtMultimedia has set FFmpeg up;
what goes wrong with a recording still reaches the agent through QMediaPlayer's errors.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from pathlib import Path

log = logging.getLogger(__name__)

AV_LOG_QUIET = -8
_state: dict[str, object] = {}


def _libavutil() -> ctypes.CDLL | None:
    """The libavutil QtMultimedia's FFmpeg plugin uses (PySide6 ships its own)."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover
        return None
    libdir = Path(PySide6.__file__).parent / "Qt" / "lib"
    candidates = sorted(libdir.glob("libavutil.so.*"), key=lambda p: len(p.name))
    candidates += [Path(p) for p in filter(None, [ctypes.util.find_library("avutil")])]
    for path in candidates:
        try:
            return ctypes.CDLL(str(path))
        except OSError:
            continue
    return None


def silence_ffmpeg() -> bool:
    """Quiet FFmpeg (idempotent; call after QtMultimedia set FFmpeg up, which sets its own
    log level). False when FFmpeg cannot be found (then it is not what plays)."""
    lib = _state.get("lib") or _libavutil()
    if lib is None:
        return False
    _state["lib"] = lib
    lib.av_log_set_level.argtypes = [ctypes.c_int]
    lib.av_log_set_level(AV_LOG_QUIET)
    return True
