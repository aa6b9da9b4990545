"""Where tvdesk's resources (web assets, icons, translations) are, installed or not."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "web").is_dir():
            return candidate
    raise FileNotFoundError("tvdesk's resources/ folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
