"""``kina-desktop``: with no arguments the window opens; with a command, the command runs."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kina_desktop.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
