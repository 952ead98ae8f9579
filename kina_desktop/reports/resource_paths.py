"""Where the top-level ``resources/`` folder (letter templates, fonts) is at run time.

Three situations: a source checkout (``<repo>/resources`` next to the package), a PyInstaller
bundle (build_installer.spec copies ``resources`` to the root of the bundle, ``sys._MEIPASS``)
and an installation that ships the folder inside the package (``kina_desktop/resources``).
The first folder that exists wins; the environment variable ``KINA_RESOURCES`` overrides all.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # kina_desktop/


def candidate_dirs() -> list[Path]:
    candidates: list[Path] = []
    override = os.environ.get("KINA_RESOURCES")
    if override:
        candidates.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    return candidates


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The resources folder; FileNotFoundError naming every place looked at when none exists."""
    for folder in candidate_dirs():
        if (folder / "letters").is_dir():
            return folder
    looked = ", ".join(str(c) for c in candidate_dirs())
    raise FileNotFoundError(f"resources folder with letters/ not found (looked in {looked})")


def resource(*parts: str) -> Path:
    """A path inside the resources folder, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return resources_dir().joinpath(*parts)
