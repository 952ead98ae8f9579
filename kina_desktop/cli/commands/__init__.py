"""The subcommands; each module adds its parser with ``add_parser(subparsers)`` and sets
``handler`` to the function that runs it: ``handler(args, env) -> exit code``."""

from __future__ import annotations

from kina_desktop.cli.commands import (
    access_export,
    backup,
    calendar,
    db,
    demo,
    import_mail,
    import_webform,
    legal_hold,
    letter,
    register,
    report,
    retention,
    selftest,
    show,
    user,
)

COMMANDS = (
    db,
    demo,
    register,
    import_mail,
    import_webform,
    show,
    letter,
    user,
    calendar,
    backup,
    report,
    retention,
    legal_hold,
    access_export,
    selftest,
)
