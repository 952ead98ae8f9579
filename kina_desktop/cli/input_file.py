"""Reading the file a command was given, with a Dutch line for each way it can fail: a folder,
missing, no access or another error of the system."""

from __future__ import annotations

import sys
from pathlib import Path

from kina_desktop.cli.failures import CommandError
from kina_desktop.i18n import _


def read_input(name: str, limit: int, *, stdin: bool = False) -> bytes:
    """At most ``limit + 1`` bytes of the file ``name`` (so that the caller sees it is too large);
    with ``stdin``, ``-`` is the standard input."""
    try:
        if stdin and name == "-":
            return sys.stdin.buffer.read(limit + 1)
        path = Path(name)
        if path.is_dir():
            raise CommandError(_("{file} is een map, geen bestand").format(file=name))
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise CommandError(_("{file} bestaat niet").format(file=name)) from None
    except PermissionError:
        raise CommandError(_("{file} kan niet gelezen worden: geen toegang").format(file=name)) from None
    except OSError as error:
        raise CommandError(
            _("{file} kan niet gelezen worden: {reason}").format(file=name, reason=error.strerror or error)
        ) from None
