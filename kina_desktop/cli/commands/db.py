"""``kina-desktop db upgrade``: apply the database migrations."""

from __future__ import annotations

import argparse

from kina_desktop.cli.environment import Environment
from kina_desktop.i18n import _


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser(
        "db", help=_("beheer van de database"), description=_("Beheer van de database van KINA Klachten.")
    )
    actions = db.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"), dest="db_command", required=True)
    upgrade = actions.add_parser(
        "upgrade",
        help=_("breng het databaseschema naar deze versie van het programma"),
        description=_(
            "Past de migraties toe die de database nog mist (ook op een lege database) en meldt "
            "of er iets gewijzigd werd en op welke schemarevisie de database nu staat. Het "
            "programma doet dit ook zelf bij elke start; deze opdracht is er voor beheerders "
            "die dat vooraf en op één plaats willen doen, bijvoorbeeld na een update op een "
            "gedeelde PostgreSQL-server."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop --database postgresql://kina@server/kina db upgrade"),
    )
    upgrade.set_defaults(handler=run_upgrade)
    check = actions.add_parser(
        "check",
        help=_("controleer of de gedeelde server veilig ingesteld is"),
        description=_(
            "Maakt verbinding als eigenaar van de database en meldt wat op de PostgreSQL-server nog "
            "niet ingesteld is zoals docs/security.md vraagt: SCRAM-wachtwoorden, auth_delay tegen het "
            "raden van wachtwoorden, TLS, het loggen van aanmeldingen, de regels van pg_hba.conf (als "
            "superuser), en de rechten waarop de vertrouwelijkheid steunt. Eindigt met 0 als alles in "
            "orde is, anders met 1."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop --database postgresql://kina@server/kina db check"),
    )
    check.set_defaults(handler=run_check)


def run_upgrade(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.setup.schema import upgrade_schema

    status = upgrade_schema(env.url)
    if not status.applied:
        print(
            _("Niets toe te passen: {db} staat al op schemarevisie {revision}.").format(
                db=status.url, revision=status.after
            )
        )
    elif status.before is None:
        print(_("Database {db} aangemaakt op schemarevisie {revision}.").format(db=status.url, revision=status.after))
    else:
        print(
            _("Database {db} bijgewerkt van schemarevisie {before} naar {revision}.").format(
                db=status.url, before=status.before, revision=status.after
            )
        )
    return 0


def run_check(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.setup.server_check import check_server

    facts, findings = check_server(env.url)
    if not findings:
        print(
            _("Alles in orde: de server {version} is ingesteld zoals docs/security.md vraagt.").format(
                version=facts.server_version
            )
        )
        return 0
    print(
        _("Om in orde te brengen op deze server (PostgreSQL {version}), {n} in totaal:").format(
            n=len(findings), version=facts.server_version
        )
    )
    for number, finding in enumerate(findings, start=1):
        print(f"{number}. {finding.problem}")
        print("   " + _("Wat te doen: {fix}").format(fix=finding.fix))
    return 1
