"""``kina-desktop calendar``: KINA's closing days per year and the meeting dates (Art. 5, 6)."""

from __future__ import annotations

import argparse
import datetime as dt

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.dates import long_date
from kina_desktop.i18n import _


def _dates(values: list[str]) -> list[dt.date]:
    out = []
    for value in values:
        try:
            out.append(dt.date.fromisoformat(value))
        except ValueError:
            raise CommandError(_("{value!r} is geen datum; schrijf JJJJ-MM-DD").format(value=value)) from None
    return out


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    cal = subparsers.add_parser(
        "calendar",
        help=_("sluitingsdagen en vergaderdata"),
        description=_(
            "KINA's sluitingsdagen tellen niet als werkdag voor de ontvangstbevestiging (Art. 5); de data "
            "van de Raad van Bestuur en de permanente werkgroep worden voorgesteld bij niveau 3 (Art. 6). "
            "Zonder datums toont de opdracht wat er nu is ingesteld; met datums vervangt ze die (beheerder)."
        ),
        epilog=_(
            "Voorbeelden:\n  kina-desktop calendar closing-days 2027 2027-07-11 2027-11-02 2027-11-15 2027-12-24\n"
            "  kina-desktop calendar board 2027-01-19 2027-02-16"
        ),
    )
    actions = cal.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"), dest="calendar_command", required=True)
    closing = actions.add_parser("closing-days", help=_("sluitingsdagen van een jaar"))
    closing.add_argument("year", type=int, metavar=_("JAAR"))
    closing.add_argument("dates", nargs="*", metavar=_("DATUM"))
    closing.set_defaults(handler=run_closing_days)
    for name, help_text in (
        ("board", _("vergaderdata van de Raad van Bestuur")),
        ("working-group", _("vergaderdata van de permanente werkgroep")),
    ):
        sub = actions.add_parser(name, help=help_text)
        sub.add_argument("dates", nargs="*", metavar=_("DATUM"))
        sub.set_defaults(handler=run_meetings, meeting=name)


def run_closing_days(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        if args.dates:
            changed = services.calendar.set_closing_days(args.year, _dates(args.dates))
            print(
                _("Sluitingsdagen {year} opgeslagen; {n} open dossiers kregen een nieuwe termijn.").format(
                    year=args.year, n=changed
                )
            )
        for day in services.calendar.closing_days(args.year):
            print(f"{day.isoformat()}\t{long_date(day)}")
    return 0


def run_meetings(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        cal = services.calendar
        getter, setter = (
            (cal.board_meetings, cal.set_board_meetings)
            if args.meeting == "board"
            else (cal.working_group_meetings, cal.set_working_group_meetings)
        )
        if args.dates:
            setter(_dates(args.dates))
        for day in getter():
            print(f"{day.isoformat()}\t{long_date(day)}")
    return 0
