"""The command line of ``kina-desktop``: global options and the subcommands."""

from __future__ import annotations

import argparse

from kina_desktop import __version__
from kina_desktop.cli.commands import COMMANDS
from kina_desktop.cli.dutch_argparse import DutchArgumentParser
from kina_desktop.cli.failures import PROGRAM
from kina_desktop.config import ENV_DATABASE_URL
from kina_desktop.i18n import _


def _database_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help=_(
            "de database: een PostgreSQL-URL (postgresql://gebruiker@server/naam), "
            "sqlite:///pad/naar/bestand.db of gewoon het pad naar een .db-bestand; anders {env}, "
            "anders het ingebouwde SQLite-bestand"
        ).format(env=ENV_DATABASE_URL),
    )


def _subcommands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += [sub, *_subcommands(sub)]
    return found


def build_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog=PROGRAM,
        description=_(
            "KINA Klachten: het klachtenregister van KINA p.v. Zonder opdracht opent het "
            "venster; met een opdracht voert het programma die uit en stopt het."
        ),
        epilog=_(
            "Afsluitcodes: 0 gelukt; 1 de database of het programma faalde; 2 fout in de "
            "opdrachtregel of de invoer.\n"
            "Meer hulp bij een opdracht: {prog} OPDRACHT --help"
        ).format(prog=PROGRAM),
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROGRAM} {__version__}", help=_("toon het versienummer en stop")
    )
    _database_option(parser, None)
    parser.add_argument(
        "--user",
        metavar=_("GEBRUIKERSNAAM"),
        default=None,
        help=_(
            "meld u aan als deze gebruiker (anders KINA_USER); het wachtwoord komt uit KINA_PASSWORD of wordt gevraagd"
        ),
    )
    subparsers = parser.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"), dest="command")
    for command in COMMANDS:
        command.add_parser(subparsers)
    # --database is also accepted after the command (kina-desktop show 2026-0001 --database URL).
    for sub in _subcommands(parser):
        _database_option(sub, argparse.SUPPRESS)
    parser.set_defaults(handler=None)
    return parser
