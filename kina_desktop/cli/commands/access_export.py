"""``kina-desktop access-export --name/--email ... -o FILE.pdf|.json`` (GDPR art. 15):
everything about one person that they are entitled to, for the director or an administrator."""

from __future__ import annotations

import argparse
from pathlib import Path

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.access_request import MATCHED_EMAIL
from kina_desktop.i18n import _, ngettext

SUFFIXES = (".pdf", ".json")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "access-export",
        help=_("inzageverzoek: alle gegevens van één persoon als PDF of JSON"),
        description=_(
            "Zoekt de dossiers van een klager op naam en/of e-mailadres (hoofdletters en accenten tellen "
            "niet) en bewaart wat die persoon mag inzien: de eigen gegevens, de brieven die KINA stuurde "
            "en de lijst van bestanden. Niet: gegevens van personeelsleden en interne notities. Enkel "
            "voor de directeur of een beheerder; elk verzoek staat in de geschiedenis."
        ),
        epilog=_(
            'Voorbeeld:\n  kina-desktop access-export --name "Sofie Maes" -o inzage.pdf\n'
            "  (toont de gevonden dossiers met gemeente en e-maildomein)\n"
            '  kina-desktop access-export --name "Sofie Maes" --case 2019-0007 --case 2021-0112 '
            "-o inzage-sofie-maes.pdf"
        ),
    )
    export.add_argument("--name", default="", metavar=_("NAAM"))
    export.add_argument("--email", default="", metavar=_("E-MAILADRES"))
    export.add_argument(
        "--case",
        action="append",
        default=[],
        metavar=_("NUMMER"),
        help=_(
            "een dossier van deze persoon (herhaalbaar); nodig bij zoeken op naam: een naam kan ook van "
            "iemand anders zijn. Zonder --case toont de opdracht wat ze vond."
        ),
    )
    export.add_argument("-o", "--output", required=True, metavar=_("BESTAND.pdf|.json"))
    export.set_defaults(handler=run_access_export)


def run_access_export(args: argparse.Namespace, env: Environment) -> int:
    target = Path(args.output).expanduser()
    if not target.parent.exists():
        raise CommandError(_("de map {folder} bestaat niet").format(folder=target.parent))
    if target.suffix.lower() not in SUFFIXES:
        raise CommandError(_("de bestandsnaam {name} moet eindigen op .pdf of .json").format(name=target.name))
    if not args.name.strip() and not args.email.strip():
        raise CommandError(_("geef {name} of {email}").format(name="--name", email="--email"))
    with env.services() as services:
        requests = services.access_requests
        found = requests.find(name=args.name, email=args.email)
        chosen = list(args.case)
        if not chosen and not args.name.strip():  # by e-mail only: the exact matches
            chosen = [c.tracking_number for c in found.cases if MATCHED_EMAIL in c.matched and not c.email_differs]
        if not chosen and found.cases:
            for case in found.cases:
                print(
                    "  ".join(
                        (
                            case.tracking_number,
                            case.received_on.strftime("%d-%m-%Y"),
                            case.town or "–",
                            case.email_domain or "–",
                            ", ".join(_(m) for m in case.matched),
                        )
                    )
                )
            raise CommandError(
                _("kies de dossiers van deze persoon met --case NUMMER: een naam kan ook van iemand anders zijn")
            )
        export = requests.confirm(found, chosen)
        content = requests.pdf_bytes(export) if target.suffix.lower() == ".pdf" else requests.json_bytes(export)
    target.write_bytes(content)
    print(
        ngettext("{n} dossier bewaard in {path}", "{n} dossiers bewaard in {path}", len(export.cases)).format(
            n=len(export.cases), path=target
        )
    )
    if found.not_searched:
        print(
            _(
                "Let op: {n} vertrouwelijke personeelsdossiers kon u niet doorzoeken; enkel de directeur kan het "
                "verzoek voor die dossiers volledig beantwoorden."
            ).format(n=found.not_searched)
        )
    return 0
