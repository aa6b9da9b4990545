"""Make tvdesk the handler of ``tel:`` and ``callto:`` links for this user (Linux, XDG).

``tvdesk --register-handler`` installs ``tvdesk.desktop`` (with the absolute path of this
tvdesk in ``Exec``) and the icon under ``$XDG_DATA_HOME`` and sets it as the default for both
schemes with ``xdg-mime``; ``--unregister-handler`` undoes it. Windows and macOS register at
install time (``packaging/``), so there these commands only say so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tvdesk.core.files import write_atomic
from tvdesk.resources import resource_path

SCHEMES = ("x-scheme-handler/tel", "x-scheme-handler/callto")
DESKTOP_FILE = "tvdesk.desktop"


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def executable() -> str:
    """The command a link should run: this tvdesk, by absolute path."""
    here = Path(sys.argv[0])
    if here.name.startswith("tvdesk") and here.exists():
        return str(here.resolve())
    return shutil.which("tvdesk") or f"{sys.executable} -m tvdesk"


def desktop_entry(command: str) -> str:
    text = resource_path("desktop", DESKTOP_FILE).read_text("utf-8")
    quoted = f'"{command}"' if " " in command and not command.endswith("-m tvdesk") else command
    return text.replace("Exec=tvdesk %u", f"Exec={quoted} %u")


def register() -> int:
    if not sys.platform.startswith("linux"):
        print("tvdesk: on this system the installer registers tel: and callto: links.")
        return 0
    apps = _data_home() / "applications"
    icons = _data_home() / "icons" / "hicolor" / "scalable" / "apps"
    apps.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    write_atomic(apps / DESKTOP_FILE, desktop_entry(executable()))
    shutil.copyfile(resource_path("icons", "tvdesk.svg"), icons / "tvdesk.svg")
    update = shutil.which("update-desktop-database")
    if update:
        subprocess.run([update, str(apps)], check=False, capture_output=True)  # noqa: S603
    xdg_mime = shutil.which("xdg-mime")
    if not xdg_mime:
        print("tvdesk: installed the launcher, but xdg-mime is missing (package xdg-utils): "
              "choose tvdesk for tel: links in your desktop's settings.", file=sys.stderr)
        return 1
    for scheme in SCHEMES:
        subprocess.run([xdg_mime, "default", DESKTOP_FILE, scheme], check=True)  # noqa: S603
    print("tvdesk now opens tel: and callto: links.")
    return 0


def unregister() -> int:
    if not sys.platform.startswith("linux"):
        print("tvdesk: on this system, remove tvdesk from the default apps in the settings.")
        return 0
    for path in (_data_home() / "applications" / DESKTOP_FILE,
                 _data_home() / "icons" / "hicolor" / "scalable" / "apps" / "tvdesk.svg"):
        path.unlink(missing_ok=True)
    for mimeapps in (_config_home() / "mimeapps.list",
                     _data_home() / "applications" / "mimeapps.list"):
        _drop_associations(mimeapps)
    print("tvdesk no longer opens tel: and callto: links.")
    return 0


def _drop_associations(mimeapps: Path) -> None:
    """Remove tvdesk from the schemes' defaults, leaving every other line as it was."""
    if not mimeapps.exists():
        return
    out = []
    for line in mimeapps.read_text("utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() in SCHEMES:
            kept = [v for v in value.split(";") if v and v != DESKTOP_FILE]
            if kept:
                out.append(f"{key}={';'.join(kept)};")
        else:
            out.append(line)
    write_atomic(mimeapps, "\n".join(out) + "\n")
