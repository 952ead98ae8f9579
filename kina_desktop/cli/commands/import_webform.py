"""``kina-desktop import-webform FILE [--dry-run]``: the web form's submissions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import EXIT_INPUT, PROGRAM
from kina_desktop.cli.input_file import read_input
from kina_desktop.i18n import _


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-webform",
        help=_("registreer de inzendingen van het webformulier uit een JSON- of CSV-export"),
        description=_(
            "Leest een export van het contactformulier van de website (JSON of CSV, beschreven in "
            "docs/webform-format.md) en registreert elke nieuwe inzending met kanaal Webformulier; "
            "per inzending verschijnt het opvolgingsnummer. Het hele bestand wordt eerst "
            "gecontroleerd: bij één fout wordt niets geregistreerd en staat elke fout met haar "
            "regelnummer op de foutuitvoer. Inzendingen die al in het register staan, worden "
            "overgeslagen. Alles wordt samen geregistreerd: allemaal of geen enkele."
        ),
        epilog=_(
            "Voorbeelden:\n"
            "  kina-desktop import-webform webformulier.csv --dry-run   (alleen controleren)\n"
            "  kina-desktop import-webform webformulier.json"
        ),
    )
    parser.add_argument("file", metavar=_("BESTAND"), help=_("de export van het webformulier (.json of .csv)"))
    parser.add_argument(
        "--dry-run", action="store_true", help=_("alleen controleren en tonen wat geregistreerd zou worden")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.intake.webform_import import MAX_FILE_BYTES, WebformRejected

    data = read_input(args.file, MAX_FILE_BYTES)
    with env.services() as services:
        try:
            submissions = services.webform.read(Path(args.file).name, data)
        except WebformRejected as error:
            print(
                f"{PROGRAM}: {_('fout')}: "
                + _("{file} is niet ingelezen; er is niets geïmporteerd:").format(file=args.file),
                file=sys.stderr,
            )
            for line in error.lines():
                print(f"  {args.file}, {line}", file=sys.stderr)
            return EXIT_INPUT
        new = [s for s in submissions if not s.registered_as]
        records = [] if args.dry_run else services.webform.register_all(new)
    numbers = iter(record.tracking_number for record in records)
    for submission in submissions:
        desc = submission.draft.description
        who = desc.complainant_name or _("(anoniem)")
        label = _("inzending {number} (regel {line})").format(number=submission.number, line=submission.line)
        if submission.registered_as:
            outcome = _("staat al in het register als {tracking}").format(tracking=submission.registered_as)
        elif args.dry_run:
            outcome = _("zou geregistreerd worden")
        else:
            outcome = next(numbers)
        print(f"{label}\t{who}\t{desc.subject}\t{outcome}")
    if args.dry_run:
        print(
            _("Niets geregistreerd (--dry-run): {new} nieuwe inzending(en), {old} al in het register.").format(
                new=len(new), old=len(submissions) - len(new)
            ),
            file=sys.stderr,
        )
    return 0
