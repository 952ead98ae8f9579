"""``kina-desktop``: with no arguments the window opens; with a command, the command runs."""

from __future__ import annotations

import multiprocessing
import sys


def open_window(database_url: str | None) -> int:
    """Qt is imported only here, only when the window is wanted: commands never load it."""
    from kina_desktop.app import run_gui

    return run_gui(database_url)


def main(argv: list[str] | None = None) -> int:
    # A frozen (PyInstaller) program must not run main() again in the worker processes that
    # `kina-desktop demo` starts; outside a frozen program this does nothing.
    multiprocessing.freeze_support()
    from kina_desktop.cli import run

    return run(sys.argv[1:] if argv is None else argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
