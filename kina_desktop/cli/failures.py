"""How a command ends when something goes wrong: one Dutch line on stderr and an exit code.

Exit codes (documented in ``kina-desktop --help``):
0 done; 1 the database failed (unreachable, locked, too new) or the program itself failed
(traceback in the log file); 2 the command line or the input was wrong (usage, JSON file,
unknown tracking number, invalid fields); 130 interrupted with Ctrl+C.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from kina_desktop.i18n import _

EXIT_OK = 0
EXIT_FAILURE = 1  # database or program
EXIT_INPUT = 2  # usage or input
EXIT_INTERRUPTED = 130

PROGRAM = "kina-desktop"


class CommandError(Exception):
    """A failure the person can act on: the message is shown as it is."""

    def __init__(self, message: str, exit_code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def one_line(message: str) -> str:
    return " ".join(str(message).split())


def report(message: str) -> None:
    """Print ``kina-desktop: fout: <message>`` as a single line on stderr."""
    print(f"{PROGRAM}: {_('fout')}: {one_line(message)}", file=sys.stderr)


def log_unexpected(error: BaseException) -> Path | None:
    """Append the traceback to the log file; its path, or None when it cannot be written."""
    from kina_desktop.logs import configure_logging  # only when something went wrong

    try:
        path = configure_logging()
    except OSError:
        return None
    logging.getLogger(PROGRAM).error("%r\n%s", sys.argv[1:], "".join(traceback.format_exception(error)))
    return path


def report_unexpected(error: BaseException) -> int:
    path = log_unexpected(error)
    kind = error.__class__.__name__
    if path is None:
        report(_("onverwachte fout in het programma ({kind}: {error})").format(kind=kind, error=error))
    else:
        report(_("onverwachte fout in het programma ({kind}); de details staan in {path}").format(kind=kind, path=path))
    return EXIT_FAILURE
