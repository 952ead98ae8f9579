"""``kina-desktop user add|edit|roles|reset-password|disable|enable|list``: accounts, for the
administrator; ``user password``: everyone's own password."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kina_desktop.cli.environment import ENV_PASSWORD, Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.enums import Role
from kina_desktop.i18n import _

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
    enable = actions.add_parser(
        "enable",
        help=_("een uitgeschakeld account opnieuw activeren"),
        description=_("De persoon kan zich opnieuw aanmelden, met het wachtwoord van voordien."),
    )
    enable.add_argument("username", metavar=_("GEBRUIKERSNAAM"))
    enable.set_defaults(handler=run_enable)
    edit = actions.add_parser(
        "edit",
        help=_("naam, functie, telefoon of e-mail wijzigen"),
        description=_(
            "Wijzigt de gegevens die in brieven als contactpersoon staan. Wat u niet opgeeft, blijft zoals het was."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop --user dirk user edit rita --function Onthaal --phone '03 123 45 67'"),
    )
    edit.add_argument("username", metavar=_("GEBRUIKERSNAAM"))
    edit.add_argument("--name", help=_("de naam zoals hij in brieven staat"))
    edit.add_argument("--function", help=_("functie (in brieven)"))
    edit.add_argument("--phone", help=_("telefoon (in brieven)"))
    edit.add_argument("--email", help=_("e-mailadres (in brieven)"))
    edit.set_defaults(handler=run_edit)
    roles = actions.add_parser(
        "roles",
        help=_("de rollen van een account vervangen"),
        description=_(
            "Geeft het account precies deze rollen. Alleen de directeur geeft of neemt de rol "
            "directeur (Art. 6); er blijft altijd minstens één actieve beheerder."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop --user dirk user roles rita --role receiver --role team"),
    )
    roles.add_argument("username", metavar=_("GEBRUIKERSNAAM"))
    roles.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in Role],
        help=_("een rol (meermaals mogelijk)"),
    )
    roles.set_defaults(handler=run_roles)
    reset = actions.add_parser(
        "reset-password",
        help=_("een nieuw wachtwoord instellen voor iemand anders"),
        description=_(
            "Stelt een nieuw wachtwoord in (uit {env} of twee keer gevraagd). De persoon moet bij "
            "de volgende aanmelding zelf een nieuw wachtwoord kiezen."
        ).format(env=ENV_NEW_PASSWORD),
    )
    reset.add_argument("username", metavar=_("GEBRUIKERSNAAM"))
    reset.set_defaults(handler=run_reset_password)
    password = actions.add_parser(
        "password",
        help=_("uw eigen wachtwoord wijzigen"),
        description=_(
            "Wijzigt het wachtwoord van wie aangemeld is (op een gedeelde server: van uw eigen "
            "login). Het nieuwe wachtwoord komt uit {env} of wordt twee keer gevraagd."
        ).format(env=ENV_NEW_PASSWORD),
        epilog=_("Voorbeeld:\n  kina-desktop --user rita user password"),
    )
    password.set_defaults(handler=run_password)
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
    from kina_desktop.services.accounts.account_service import NewAccount, create_first_account
    from kina_desktop.services.setup.startup import open_database

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


def run_enable(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        info = services.accounts.enable(args.username)
    print(_("Account {user} opnieuw geactiveerd.").format(user=info.username))
    return 0


def run_edit(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.accounts.account_service import AccountDetails

    given = {"display_name": args.name, "function": args.function, "phone": args.phone, "email": args.email}
    if all(value is None for value in given.values()):
        raise CommandError(_("niets te wijzigen: geef --name, --function, --phone of --email"))
    with env.services() as services:
        current = next((a for a in services.accounts.list() if a.username == args.username), None)
        if current is None:
            raise CommandError(_("geen account met gebruikersnaam {name}").format(name=args.username))
        details = AccountDetails(
            display_name=current.display_name if args.name is None else args.name,
            function=current.function if args.function is None else args.function,
            phone=current.phone if args.phone is None else args.phone,
            email=current.email if args.email is None else args.email,
        )
        info = services.accounts.edit(args.username, details)
    print(_("Account {user} gewijzigd.").format(user=info.username))
    return 0


def run_roles(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        info = services.accounts.set_roles(args.username, frozenset(Role(r) for r in args.role))
    print(
        _("Account {user} heeft nu de rollen: {roles}.").format(
            user=info.username, roles=", ".join(r.label() for r in sorted(info.roles))
        )
    )
    return 0


def run_reset_password(args: argparse.Namespace, env: Environment) -> int:
    password = _new_password(args.username)
    with env.services() as services:
        info = services.accounts.reset_password(args.username, password)
    print(
        _(
            "Nieuw wachtwoord ingesteld voor {user}; bij de volgende aanmelding kiest hij of zij een eigen wachtwoord."
        ).format(user=info.username)
    )
    return 0


def run_password(args: argparse.Namespace, env: Environment) -> int:
    env.changing_own_password = True
    with env.services() as services:
        current = env.password_used
        if current is None:  # not signed in with a password here (a test's or script's viewer)
            current = os.environ.get(ENV_PASSWORD)
        if current is None:
            if not sys.stdin.isatty():
                raise CommandError(
                    _("geen huidig wachtwoord: zet {env} of start de opdracht in een terminal").format(env=ENV_PASSWORD)
                )
            current = getpass.getpass(_("Huidig wachtwoord: "))
        services.accounts.change_own_password(_new_password(services.ctx.viewer.display_name), current)
    print(_("Uw wachtwoord is gewijzigd."))
    return 0


def run_list(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        accounts = services.accounts.list()
    for info in accounts:
        state = _("actief") if info.active else _("uitgeschakeld")
        roles = ", ".join(r.label() for r in sorted(info.roles))
        print(f"{info.username}\t{info.display_name}\t{roles}\t{state}")
    return 0
