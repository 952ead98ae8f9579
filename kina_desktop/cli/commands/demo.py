"""``kina-desktop demo --complaints N``: fill a database with invented Dutch registrations."""

from __future__ import annotations

import argparse

from kina_desktop.cli.environment import Environment, number
from kina_desktop.cli.failures import CommandError
from kina_desktop.demo.limits import MAX_COMPLAINTS
from kina_desktop.i18n import _

PROGRESS_FROM = 10_000  # smaller runs finish before anyone wonders


def _count(text: str) -> int:
    try:
        value = int(text.replace(".", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(_("{value!r} is geen geheel getal").format(value=text)) from None
    if not 1 <= value <= MAX_COMPLAINTS:
        raise argparse.ArgumentTypeError(_("kies een aantal van 1 tot {max}").format(max=number(MAX_COMPLAINTS)))
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{value!r} is geen geheel getal").format(value=text)) from None


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=_("vul een database met verzonnen demogegevens"),
        description=_(
            "Vult de database met realistische, gevarieerde en volledig verzonnen registraties: "
            "klachten (vooral), informatievragen en anonieme meldingen over de 27 leden-OCMW's "
            "en de diensten van KINA, ontvangen vanaf 1 januari twee jaar geleden tot vandaag, "
            "met Vlaamse namen en adressen, alle kanalen en niveaus en vertrouwelijke "
            "personeelsdossiers. Elk dossier doorliep de stappen van zijn route (Art. 3 en 6) met "
            "dezelfde regels als in het programma, zo ver als zijn ouderdom toelaat: oude dossiers "
            "zijn afgesloten, recente staan nog onderweg, sommige wachten op de klager of zijn "
            "over termijn. De opvolgingsnummers lopen per jaar zonder gaten door; een klacht die "
            "daarna geregistreerd wordt, krijgt het volgende nummer. Met hetzelfde --seed (en "
            "dezelfde dag) ontstaan dezelfde gegevens.\n\n"
            "Demogegevens horen niet in een echt register: de opdracht weigert een database "
            "die al dossiers bevat, tenzij u --force gebruikt."
        ),
        epilog=_(
            "Voorbeelden:\n"
            "  kina-desktop --database sqlite:///demo.db demo --complaints 1000\n"
            "  kina-desktop --database sqlite:///groot.db demo --complaints 100000 --seed 7"
        ),
    )
    parser.add_argument(
        "--complaints",
        type=_count,
        default=1000,
        metavar="N",
        help=_("aantal registraties (standaard 1000, hoogstens {max})").format(max=number(MAX_COMPLAINTS)),
    )
    parser.add_argument(
        "--seed", type=_seed, default=1, metavar="GETAL", help=_("startwaarde van het toeval (standaard 1)")
    )
    parser.add_argument("--force", action="store_true", help=_("ook toevoegen als de database al dossiers bevat"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, env: Environment) -> int:
    total = args.complaints

    def progress(done: int, _total: int) -> None:
        if total >= PROGRESS_FROM:
            env.progress(
                _("demo: {done} van {total} registraties opgeslagen ({percent} %)").format(
                    done=number(done), total=number(total), percent=done * 100 // total
                )
            )

    if total >= PROGRESS_FROM:
        env.progress(_("demo: {total} registraties verzinnen en opslaan …").format(total=number(total)))
    from kina_desktop.demo.fill import DemoService, RegisterNotEmpty  # the generator loads only when used

    with env.services() as services:
        try:
            report = DemoService(services.ctx).generate(
                total, seed=args.seed, allow_existing=args.force, progress=progress
            )
        except RegisterNotEmpty as error:
            raise CommandError(
                f"{error.message} " + _("Gebruik een lege database, of --force om ze toch toe te voegen.")
            ) from None
    series = ", ".join(f"{first} … {last}" for _year, (first, last) in sorted(report.series.items()))
    print(
        _("{count} demoregistraties aangemaakt in {seconds} s: {series}.").format(
            count=number(report.created), seconds=number(report.seconds, 1), series=series
        )
    )
    return 0
