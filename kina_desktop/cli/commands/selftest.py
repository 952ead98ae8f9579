"""``kina-desktop selftest``: check this installation on a throwaway database (services/setup/self_check.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kina_desktop.cli.environment import Environment, number
from kina_desktop.cli.failures import EXIT_FAILURE, CommandError
from kina_desktop.i18n import _


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help=_("controleer of deze installatie volledig is"),
        description=_(
            "Controleert of het programma alles heeft wat het nodig heeft, op een tijdelijke "
            "database die daarna verdwijnt (uw eigen database blijft onaangeroerd): de "
            "databasemigraties, een account, een registratie uit het voorbeeldformulier, de "
            "Belgische feestdagen, een ontvangstbevestiging (PDF, getekend zoals bij het "
            "afdrukken), datums in het Nederlands en het jaarverslag. Handig na een installatie."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop selftest --keep C:\\Temp\\zelftest"),
    )
    parser.add_argument(
        "--keep", metavar=_("MAP"), help=_("bewaar de proefbrief en het proefjaarverslag in deze (bestaande) map")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.setup.self_check import run_self_check

    keep = Path(args.keep).expanduser() if args.keep else None
    if keep is not None and not keep.is_dir():
        raise CommandError(_("de map {folder} bestaat niet").format(folder=keep))
    failed = 0
    for result in run_self_check(keep):
        status = _("in orde") if result.ok else _("OVERGESLAGEN") if result.skipped else _("MISLUKT")
        print(f"{status:>12}  {result.name}: {result.detail} ({number(result.seconds, 1)} s)", flush=True)
        failed += not result.ok and not result.skipped
    if failed:
        print(_("Zelftest mislukt: {n} onderdelen niet in orde.").format(n=failed))
        return EXIT_FAILURE
    print(_("Zelftest geslaagd."))
    return 0
