"""The subcommands; each module adds its parser with ``add_parser(subparsers)`` and sets
``handler`` to the function that runs it: ``handler(args, env) -> exit code``."""

from __future__ import annotations

from kina_desktop.cli.commands import backup, calendar, db, demo, letter, register, report, show, user

COMMANDS = (db, demo, register, show, letter, user, calendar, backup, report)
