"""``kina-desktop show NUMBER [--json]``: one case, as text or as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.cli.record_text import record_text
from kina_desktop.domain.tracking import TrackingNumber
from kina_desktop.i18n import _


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show",
        help=_("toon één dossier (ook als JSON)"),
        description=_(
            "Toont het dossier met dit opvolgingsnummer: de kop (soort, categorie, niveau, "
            "status, data), de drie delen beschrijving, behandeling en afronding (Art. 5) en de "
            "stappen die het dossier op zijn route zette (Art. 3 en 6). "
            "Een deel dat u niet mag zien (vertrouwelijke personeelsaangelegenheden, Art. 6) "
            "blijft leeg; in JSON is het null. Data staan in JSON als JJJJ-MM-DD."
        ),
        epilog=_("Voorbeelden:\n  kina-desktop show 2026-0042\n  kina-desktop show 2026-0042 --json > dossier.json"),
    )
    parser.add_argument("number", metavar=_("NUMMER"), help=_("het opvolgingsnummer, bijvoorbeeld 2026-0042"))
    parser.add_argument("--json", action="store_true", help=_("het hele dossier als JSON (voor scripts)"))
    parser.set_defaults(handler=run)


def _utf8(stream: object) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding == "utf8"


def run(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.intake.json_form import record_to_json

    try:
        TrackingNumber.parse(args.number)
    except ValueError:
        raise CommandError(
            _("{value!r} is geen opvolgingsnummer; schrijf bijvoorbeeld 2026-0042").format(value=args.number)
        ) from None
    with env.services() as services:
        record = services.cases.get(args.number)
        progress = services.workflow.progress(record.header.id)
    if args.json:
        # Pure ASCII with \u escapes where the console cannot print every character.
        print(json.dumps(record_to_json(record, progress), indent=2, ensure_ascii=not _utf8(sys.stdout)))
    else:
        print(record_text(record, progress))
    return 0
