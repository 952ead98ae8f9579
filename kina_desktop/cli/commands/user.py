"""``kina-desktop user add|disable|list``: accounts, for the administrator."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.enums import Role
from kina_desktop.i18n import _
from kina_desktop.services.accounts.account_service import NewAccount, create_first_account
from kina_desktop.services.setup.startup import open_database

ENV_NEW_PASSWORD = "KINA_NEW_PASSWORD"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    user = subparsers.add_parser(
        "user",
        help=_("accounts beheren (beheerder)"),
        description=_(
            "Accounts van de mensen die met KINA Klachten werken. Op een gedeelde PostgreSQL-server "
            "krijgt elke persoon een eigen PostgreSQL-login; de rollen zijn PostgreSQL-groepsrollen."
        ),
    )
    actions = user.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"), dest="user_command", required=True)
    add = actions.add_parser(
        "add",
        help=_("een account aanmaken"),
        description=_("Maakt een account aan. Het wachtwoord komt uit {env} of wordt twee keer gevraagd.").format(
            env=ENV_NEW_PASSWORD
        ),
        epilog=_(
            "Voorbeelden:\n"
            "  kina-desktop user add dirk --name 'Dirk Peeters' --role director --role administrator --first\n"
            "  kina-desktop --user dirk user add rita --name 'Rita Janssens' --role receiver"
        ),
    )
    add.add_argument("username", metavar=_("GEBRUIKERSNAAM"))
    add.add_argument("--name", required=True, help=_("de naam zoals hij in brieven staat"))
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in Role],
        help=_("een rol (meermaals mogelijk)"),
    )
    add.add_argument("--function", default="", help=_("functie (in brieven)"))
    add.add_argument("--phone", default="", help=_("telefoon (in brieven)"))
    add.add_argument("--email", default="", help=_("e-mailadres (in brieven)"))
    add.add_argument(
        "--first", action="store_true", help=_("het eerste account van een lege database (zonder aan te melden)")
    )
    add.set_defaults(handler=run_add)
    disable = actions.add_parser(
        "disable",
        help=_("een account uitschakelen"),
        description=_("De persoon kan zich niet meer aanmelden; zijn naam blijft bij de dossiers."),
    )
    disable.add_argument("username", metavar=_("GEBRUIKERSNAAM"))
    disable.set_defaults(handler=run_disable)
    listing = actions.add_parser(
        "list", help=_("de accounts tonen"), description=_("Toont alle accounts met hun rollen.")
    )
    listing.set_defaults(handler=run_list)


def _new_password(username: str) -> str:
    password = os.environ.get(ENV_NEW_PASSWORD)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise CommandError(
            _("geen wachtwoord: zet {env} of start de opdracht in een terminal").format(env=ENV_NEW_PASSWORD)
        )
    first = getpass.getpass(_("Nieuw wachtwoord voor {user}: ").format(user=username))
    if getpass.getpass(_("Nog eens: ")) != first:
        raise CommandError(_("de twee wachtwoorden verschillen"))
    return first


def run_add(args: argparse.Namespace, env: Environment) -> int:
    new = NewAccount(
        username=args.username,
        display_name=args.name,
        password=_new_password(args.username),
        roles=frozenset(Role(r) for r in args.role),
        function=args.function,
        phone=args.phone,
        email=args.email,
    )
    if args.first:
        database = open_database(env.url)
        try:
            info = create_first_account(database, new)
        finally:
            database.dispose()
    else:
        with env.services() as services:
            info = services.accounts.create(new)
    print(
        _("Account {user} aangemaakt ({roles}).").format(
            user=info.username, roles=", ".join(r.label() for r in sorted(info.roles))
        )
    )
    return 0


def run_disable(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        info = services.accounts.disable(args.username)
    print(_("Account {user} uitgeschakeld.").format(user=info.username))
    return 0


def run_list(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        accounts = services.accounts.list()
    for info in accounts:
        state = _("actief") if info.active else _("uitgeschakeld")
        roles = ", ".join(r.label() for r in sorted(info.roles))
        print(f"{info.username}\t{info.display_name}\t{roles}\t{state}")
    return 0
