"""``kina-desktop backup -o FILE`` and ``kina-desktop restore FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.permissions import may_administer
from kina_desktop.i18n import _


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup",
        help=_("een reservekopie van de ingebouwde database maken"),
        description=_(
            "Maakt een consistente kopie van de ingebouwde SQLite-database, ook terwijl het "
            "programma open is. Een gedeelde PostgreSQL-server bewaart u met pg_dump (docs/backups.md)."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop backup -o kina-2026-11-24.db"),
    )
    backup.add_argument("-o", "--output", required=True, metavar=_("BESTAND"))
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser(
        "restore",
        help=_("de ingebouwde database terugzetten uit een reservekopie"),
        description=_(
            "Controleert dat het bestand een gezonde KINA-database is en zet het terug; de huidige "
            "database blijft ernaast bewaard. Sluit eerst het programma op alle pc's."
        ),
    )
    restore.add_argument("file", metavar=_("BESTAND"))
    restore.add_argument("--yes", action="store_true", help=_("niet om bevestiging vragen (scripts)"))
    restore.set_defaults(handler=run_restore)


def _require_administrator(env: Environment) -> None:
    with env.services() as services:
        if not may_administer(services.ctx.viewer.roles):
            raise CommandError(_("alleen een beheerder maakt of herstelt reservekopieën"))


def run_backup(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.privacy.backup import backup_to, check_backup

    _require_administrator(env)
    with env.services() as services:
        target = backup_to(services.ctx.database, Path(args.output).expanduser())
    checked = check_backup(target)
    print(_("Reservekopie met {n} dossiers bewaard in {path}").format(n=checked.cases, path=target))
    return 0


def run_restore(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.privacy.backup import check_backup, restore_from

    source = Path(args.file).expanduser()
    checked = check_backup(source)
    _require_administrator(env)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(_("bevestig met --yes: de huidige database wordt vervangen"))
        answer = input(
            _("De huidige database vervangen door {path} ({n} dossiers)? Typ ja: ").format(path=source, n=checked.cases)
        )
        if answer.strip().lower() not in {"ja", _("ja").lower()}:  # "oui"/"yes" in French/English
            print(_("Niets gewijzigd."))
            return 0
    with env.services() as services:
        restore_from(services.ctx.database, source)
    print(_("Database teruggezet uit {path} ({n} dossiers).").format(path=source, n=checked.cases))
    return 0
