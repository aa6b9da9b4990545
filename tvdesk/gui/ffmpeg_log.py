"""FFmpeg's own messages (QtMultimedia's backend) go through tvdesk's log, redacted.

FFmpeg writes to stderr by itself: opening a recording it prints ``Input #0, wav, from
'https://…/rec/?id=…&x=…'``, the access value with it, outside Python's logging and its
redaction; no Qt setting stops that. So FFmpeg's log callback is replaced: its lines are
formatted by FFmpeg itself, those below a warning are dropped, the rest are logged
redacted. Where the C calling convention of ``va_list`` cannot be passed on from Python
(other than x86-64), FFmpeg is silenced instead; QtMultimedia reports errors anyway.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import logging
import platform
from pathlib import Path

from tvdesk.core.redact import redact

log = logging.getLogger("tvdesk.ffmpeg")

AV_LOG_QUIET = -8
AV_LOG_ERROR = 16
AV_LOG_WARNING = 24
_LINE = 1024

_state: dict[str, object] = {}  # the library and the callback, kept alive while in use


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


def route_ffmpeg_log() -> bool:
    """Take over FFmpeg's log (once); False when FFmpeg cannot be found."""
    if "lib" in _state:
        return True
    lib = _libavutil()
    if lib is None:
        return False
    _state["lib"] = lib
    lib.av_log_set_level.argtypes = [ctypes.c_int]
    if platform.machine().lower() not in ("x86_64", "amd64") or \
            not hasattr(lib, "av_log_format_line2"):
        lib.av_log_set_level(AV_LOG_QUIET)
        return True
    callback_type = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p,
                                     ctypes.c_void_p)
    format_line = lib.av_log_format_line2
    format_line.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p,
                            ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]

    def on_line(avcl, level, fmt, va_list) -> None:
        if level > AV_LOG_WARNING:  # information and debugging: not wanted
            return
        with contextlib.suppress(Exception):  # never raise into FFmpeg's thread
            line = ctypes.create_string_buffer(_LINE)
            prefix = ctypes.c_int(1)
            format_line(avcl, level, fmt, va_list, line, _LINE, ctypes.byref(prefix))
            text = redact(line.value.decode("utf-8", "replace").rstrip())
            if text:
                log.log(logging.ERROR if level <= AV_LOG_ERROR else logging.WARNING,
                        "%s", text)

    callback = callback_type(on_line)
    _state["callback"] = callback
    lib.av_log_set_level(AV_LOG_WARNING)
    lib.av_log_set_callback(callback)
    atexit.register(_release, lib)
    return True


def _release(lib: ctypes.CDLL) -> None:
    """At exit: FFmpeg threads may outlive the interpreter; they must not call into it."""
    lib.av_log_set_level(AV_LOG_QUIET)
    lib.av_log_set_callback(lib.av_log_default_callback)
