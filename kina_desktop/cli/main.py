"""Running one command line: parse, run the command, turn every failure into one Dutch line."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence

from kina_desktop.cli.dutch_argparse import UsageError
from kina_desktop.cli.failures import (
    EXIT_FAILURE,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    PROGRAM,
    CommandError,
    log_unexpected,
    report,
    report_unexpected,
)
from kina_desktop.domain.visibility import Viewer
from kina_desktop.i18n import _
from kina_desktop.services.errors import DatabaseUnavailable, ServiceError

OpenWindow = Callable[[str | None], int]


def run(
    argv: Sequence[str] | None = None,
    *,
    viewer: Viewer | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    open_window: OpenWindow | None = None,
) -> int:
    """Run ``kina-desktop`` with these arguments and return the exit code.

    ``viewer`` is who acts (default: the OS user with every role, until the login of a later
    issue); ``open_window(database_url)`` opens the main window when no command is given (the
    composition root passes it, so that commands never import Qt).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # answered before any command's modules load (docs/performance.md)
        from kina_desktop import __version__

        print(f"{PROGRAM} {__version__}")
        return 0
    if open_window is not None:
        window_on = _window_start(arguments)
        if window_on is not None:  # no command: the window, without loading every command's modules
            return _open_window(open_window, window_on[0])
    from kina_desktop.cli.environment import Environment
    from kina_desktop.cli.parser import build_parser

    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except UsageError as error:
        report(_("{message} (zie {prog} --help)").format(message=error, prog=error.prog))
        return EXIT_INPUT
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    if args.handler is None:
        if open_window is None:
            parser.print_help()
            return EXIT_INPUT
        return _open_window(open_window, args.database)
    env = Environment(args.database, viewer, clock, username=getattr(args, "user", None))
    try:
        return int(args.handler(args, env) or 0)
    except CommandError as error:
        report(error.message)
        return error.exit_code
    except DatabaseUnavailable as error:
        report(error.message)
        return EXIT_FAILURE
    except ServiceError as error:
        report(error.message)
        return EXIT_INPUT
    except KeyboardInterrupt:
        report(_("afgebroken"))
        return EXIT_INTERRUPTED
    except Exception as error:  # a programming error: traceback to the log file
        return report_unexpected(error)


def _window_start(arguments: list[str]) -> tuple[str | None] | None:
    """``kina-desktop`` or ``kina-desktop --database URL``: (the URL or None); None for anything
    else (a command, --help, --version, a mistake), which the full parser handles."""
    if not arguments:
        return (None,)
    if len(arguments) == 1 and arguments[0].startswith("--database=") and len(arguments[0]) > len("--database="):
        return (arguments[0].split("=", 1)[1],)
    if len(arguments) == 2 and arguments[0] == "--database" and not arguments[1].startswith("-"):
        return (arguments[1],)
    return None


def _open_window(open_window: OpenWindow, database_url: str | None) -> int:
    try:
        return open_window(database_url)
    except ImportError as error:  # Qt or a system library for it is missing
        log_unexpected(error)
        report(
            _("het venster kan niet openen: {error}. De opdrachten ({prog} --help) werken wel.").format(
                error=error, prog=PROGRAM
            )
        )
        return EXIT_FAILURE
