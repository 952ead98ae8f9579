"""``kina-desktop report annual YEAR -o FILE.pdf [--xlsx FILE.xlsx]``: the anonymous
annual report of Art. 8, as PDF and optionally as a spreadsheet with the same figures."""

from __future__ import annotations

import argparse
from pathlib import Path

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.i18n import _

FIRST_YEAR = 2000


def _output(path: str, suffix: str) -> Path:
    target = Path(path).expanduser()
    if not target.parent.exists():
        raise CommandError(_("de map {folder} bestaat niet").format(folder=target.parent))
    if target.suffix.lower() != suffix:
        raise CommandError(
            _("de bestandsnaam {name} moet eindigen op {suffix}").format(name=target.name, suffix=suffix)
        )
    return target


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text} is geen jaartal").format(text=text)) from None
    if not FIRST_YEAR <= year <= 2100:
        raise argparse.ArgumentTypeError(_("{text} is geen geldig werkjaar").format(text=text))
    return year


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser(
        "report", help=_("verslagen maken"), description=_("Verslagen over het klachtenregister.")
    )
    kinds = report.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"), dest="report_command", required=True)
    annual = kinds.add_parser(
        "annual",
        help=_("het anonieme jaarverslag (PDF, en desgewenst XLSX)"),
        description=_(
            "Maakt het anonieme jaarverslag van een werkjaar (Art. 8): de cijfers naast die van het "
            "vorige jaar, de verbeterprojecten en één regel per klacht. Aantallen van 1 of 2 staan er "
            "als \u201c< 3\u201d."
        ),
        epilog=_("Voorbeeld:\n  kina-desktop report annual 2026 -o jaarverslag-2026.pdf --xlsx jaarverslag-2026.xlsx"),
    )
    annual.add_argument("year", type=_year, metavar=_("JAAR"))
    annual.add_argument("-o", "--output", required=True, metavar=_("BESTAND.pdf"))
    annual.add_argument("--xlsx", metavar=_("BESTAND.xlsx"), help=_("ook de cijfers als rekenblad bewaren"))
    annual.set_defaults(handler=run_annual)


def run_annual(args: argparse.Namespace, env: Environment) -> int:
    target = _output(args.output, ".pdf")
    sheet = _output(args.xlsx, ".xlsx") if args.xlsx else None
    with env.services() as services:
        report = services.annual_report
        data = report.data(args.year)
        pdf = report.render_pdf(
            data,
            progress=lambda done, total: (
                env.progress(_("{done} van {total} onderdelen").format(done=done, total=total))
                if done == total or done % 10 == 0
                else None
            ),
        )
        xlsx = report.render_xlsx(data) if sheet is not None else None
    target.write_bytes(pdf)
    print(_("Jaarverslag {year} bewaard in {path}").format(year=args.year, path=target))
    if sheet is not None and xlsx is not None:
        sheet.write_bytes(xlsx)
        print(_("Cijfers van {year} bewaard in {path}").format(year=args.year, path=sheet))
    return 0
