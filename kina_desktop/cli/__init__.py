"""``kina-desktop``'s commands for administrators and scripts (argparse, Dutch help).

The commands call the same services as the window and never import Qt. See ``main.run``.
"""

from __future__ import annotations

from kina_desktop.cli.main import run

__all__ = ["run"]
