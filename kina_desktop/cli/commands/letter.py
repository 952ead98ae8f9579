"""``kina-desktop letter KIND NUMBER -o FILE.pdf`` and
``kina-desktop letters acknowledgements --channel post -o FILE.pdf``."""

from __future__ import annotations

import argparse
from pathlib import Path

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.enums import Channel
from kina_desktop.domain.letters import LetterKind
from kina_desktop.i18n import _


def _output(path: str) -> Path:
    target = Path(path).expanduser()
    if not target.parent.exists():
        raise CommandError(_("de map {folder} bestaat niet").format(folder=target.parent))
    return target


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    kinds = ", ".join(f"{k.value} ({k.label().lower()})" for k in LetterKind)
    one = subparsers.add_parser(
        "letter",
        help=_("één brief maken (PDF)"),
        description=_(
            "Maakt de brief, bewaart hem in de klachtenmap en noteert hem bij het dossier; "
            "de ontvangstbevestiging noteert ook de datum van bevestiging (Art. 5). "
            "Soorten: {kinds}."
        ).format(kinds=kinds),
        epilog=_("Voorbeeld:\n  kina-desktop letter acknowledgement 2026-0042 -o brief.pdf"),
    )
    one.add_argument("kind", choices=[k.value for k in LetterKind], metavar=_("SOORT"))
    one.add_argument("number", metavar=_("NUMMER"))
    one.add_argument("-o", "--output", required=True, metavar=_("BESTAND.pdf"))
    one.add_argument("--preview", action="store_true", help=_("alleen een voorbeeld: niets wordt genoteerd"))
    one.set_defaults(handler=run_letter)

    many = subparsers.add_parser(
        "letters", help=_("brieven in één keer maken"), description=_("Brieven voor meerdere dossiers in één PDF.")
    )
    actions = many.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"), dest="letters_command", required=True)
    acks = actions.add_parser(
        "acknowledgements",
        help=_("alle ontvangstbevestigingen die nog moeten vertrekken"),
        description=_(
            "Alle ontvangstbevestigingen die nog niet verstuurd zijn (Art. 5), in volgorde van "
            "opvolgingsnummer, in één PDF; elke brief wordt bij zijn dossier genoteerd."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop letters acknowledgements --channel post -o bevestigingen.pdf"),
    )
    acks.add_argument("--channel", choices=[c.value for c in Channel] + ["all"], default="post")
    acks.add_argument("-o", "--output", required=True, metavar=_("BESTAND.pdf"))
    acks.set_defaults(handler=run_acknowledgements)


def run_letter(args: argparse.Namespace, env: Environment) -> int:
    target = _output(args.output)
    kind = LetterKind(args.kind)
    with env.services() as services:
        record = services.cases.get(args.number)
        make = services.letters.preview if args.preview else services.letters.produce
        pdf = make(record.header.id, kind)
    target.write_bytes(pdf)
    print(
        _("{letter} voor {number} bewaard in {path}").format(
            letter=kind.label(), number=record.tracking_number, path=target
        )
    )
    return 0


def run_acknowledgements(args: argparse.Namespace, env: Environment) -> int:
    target = _output(args.output)
    channel = None if args.channel == "all" else Channel(args.channel)
    with env.services() as services:
        due = services.letters.acknowledgements_due(channel)
        if not due:
            print(_("Geen ontvangstbevestigingen te maken."))
            return 0
        pdf = services.letters.produce_acknowledgements(
            due,
            progress=lambda done, total: (
                env.progress(_("{done} van {total} brieven").format(done=done, total=total))
                if done and (done % 50 == 0 or done == total)
                else None
            ),
        )
    target.write_bytes(pdf)
    print(_("{n} ontvangstbevestigingen bewaard in {path}").format(n=len(due), path=target))
    return 0
