"""``kina-desktop legal-hold NUMBER --reason ... [--lift]`` (GDPR): a court case keeps a
case whole; the director or an administrator sets and lifts the hold, always with a reason."""

from __future__ import annotations

import argparse

from kina_desktop.cli.environment import Environment
from kina_desktop.i18n import _


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    hold = subparsers.add_parser(
        "legal-hold",
        help=_("juridische blokkering van een dossier instellen of opheffen"),
        description=_(
            "Een dossier onder juridische blokkering (een rechtszaak) wordt nooit gepseudonimiseerd. "
            "De directeur of een beheerder stelt ze in of heft ze op, met een reden; beide staan in de "
            "geschiedenis van het dossier."
        ),
        epilog=_(
            'Voorbeelden:\n  kina-desktop legal-hold 2021-0042 --reason "Arbeidsrechtbank, AR 21/123"\n'
            '  kina-desktop legal-hold 2021-0042 --lift --reason "Vonnis definitief"'
        ),
    )
    hold.add_argument("number", metavar=_("OPVOLGINGSNUMMER"))
    hold.add_argument("--reason", required=True, metavar=_("REDEN"), help=_("de reden (verplicht)"))
    hold.add_argument("--lift", action="store_true", help=_("hef de blokkering op in plaats van ze in te stellen"))
    hold.set_defaults(handler=run_legal_hold)


def run_legal_hold(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        if args.lift:
            header = services.legal_holds.lift(args.number, args.reason)
            print(_("Juridische blokkering van dossier {number} opgeheven.").format(number=header.tracking_number))
        else:
            header = services.legal_holds.set(args.number, args.reason)
            print(
                _("Dossier {number} staat onder juridische blokkering sinds {day}.").format(
                    number=header.tracking_number,
                    day=header.legal_hold_since.strftime("%d-%m-%Y") if header.legal_hold_since else "",
                )
            )
    return 0
