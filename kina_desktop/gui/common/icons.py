"""The program's own icons (SVG files in resources/icons), by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parents[3] / "resources" / "icons"


@cache
def icon(name: str) -> QIcon:
    """``icon("lock")`` is resources/icons/lock.svg; an empty icon when the file is missing."""
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
