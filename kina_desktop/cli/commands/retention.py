"""``kina-desktop retention preview|run --yes|period [YEARS]`` (GDPR): closed cases past
the archivist's retention period are pseudonymised, only on an administrator's explicit ``--yes``
and after the preview has been shown; ``legal-hold`` keeps a case whole (legal_hold.py)."""

from __future__ import annotations

import argparse

from kina_desktop.cli.environment import Environment, number
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.retention import CopyKind, RetentionPlan, copies_report
from kina_desktop.i18n import _, ngettext


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    retention = subparsers.add_parser(
        "retention",
        help=_("bewaartermijn: oude dossiers pseudonimiseren (AVG)"),
        description=_(
            "Afgesloten dossiers die langer dan de bewaartermijn van de archivaris afgesloten zijn, worden "
            "gepseudonimiseerd: namen, adressen, contactgegevens en vrije tekst gaan weg, documenten worden "
            "verwijderd, de Message-ID van een e-mail wordt een sleutelhash; de cijfers van oude jaarverslagen "
            "blijven gelijk. Een dossier onder juridische blokkering blijft bewaard."
        )
        + "\n\n"
        + _(
            "Kopieën: bij de lokale database past 'run' dezelfde bewaartermijn toe op elke kopie die het programma "
            "bijhoudt (de dagelijkse kopieën in de map 'backups', de kopieën van vóór een migratie en van vóór een "
            "herstel naast het databasebestand), en meldt per kopie wat er gebeurde. Een kopie die niet gelezen of "
            "behandeld kan worden, wordt verwijderd. Kopieën die u zelf met 'backup -o' maakte en de pg_dump-"
            "bestanden van een gedeelde PostgreSQL-database vallen hier niet onder: zie docs/backups.md."
        ),
        epilog=_(
            "Voorbeelden:\n  kina-desktop retention preview\n  kina-desktop retention run --yes\n"
            "  kina-desktop retention period 7"
        ),
    )
    actions = retention.add_subparsers(
        title=_("opdrachten"), metavar=_("OPDRACHT"), dest="retention_command", required=True
    )
    preview = actions.add_parser("preview", help=_("toon wat er gepseudonimiseerd zou worden (verandert niets)"))
    preview.set_defaults(handler=run_preview)
    run = actions.add_parser(
        "run", help=_("pseudonimiseer de dossiers van de voorvertoning, ook in de kopieën (beheerder)")
    )
    run.add_argument(
        "--yes",
        action="store_true",
        help=_("bevestig uitdrukkelijk; zonder deze optie toont de opdracht enkel de voorvertoning"),
    )
    run.set_defaults(handler=run_run)
    period = actions.add_parser("period", help=_("toon of wijzig de bewaartermijn in jaren (0: alles bewaren)"))
    period.add_argument("years", type=int, nargs="?", metavar=_("JAREN"))
    period.set_defaults(handler=run_period)


def print_plan(plan: RetentionPlan) -> None:
    if plan.cutoff is None:
        print(_("Bewaartermijn: geen (alles wordt bewaard)."))
        return
    print(
        ngettext(
            "Bewaartermijn: {n} jaar; dossiers afgesloten vóór {day}.",
            "Bewaartermijn: {n} jaar; dossiers afgesloten vóór {day}.",
            plan.years or 0,
        ).format(n=plan.years, day=plan.cutoff.strftime("%d-%m-%Y"))
    )
    print(
        ngettext("{n} dossier wordt gepseudonimiseerd", "{n} dossiers worden gepseudonimiseerd", plan.count).format(
            n=number(plan.count)
        )
        + "; "
        + _("{documents} documenten en {letters} brieven worden verwijderd.").format(
            documents=number(plan.documents), letters=number(plan.letters)
        )
    )
    for case in plan.due:
        print(
            f"{case.tracking_number}\t"
            + _("afgesloten op {day}").format(day=case.closed_on.strftime("%d-%m-%Y") if case.closed_on else "?")
        )
    for case in plan.held:
        print(
            f"{case.tracking_number}\t"
            + _("juridische blokkering sinds {day}: blijft bewaard").format(
                day=case.legal_hold_since.strftime("%d-%m-%Y") if case.legal_hold_since else "?"
            )
        )


def print_copies(copies: tuple[tuple[str, CopyKind], ...] | None) -> None:
    """Which copies a run reaches as well (docs/retention.md)."""
    if copies is None:
        print(copies_report(None)[0])
    elif copies:
        print(
            ngettext(
                "Een run past de bewaartermijn ook toe op {n} kopie die het programma bijhoudt:",
                "Een run past de bewaartermijn ook toe op de {n} kopieën die het programma bijhoudt:",
                len(copies),
            ).format(n=len(copies))
        )
        for name, kind in copies:
            print(f"{name}\t{kind.label()}")


def run_preview(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        print_plan(services.retention.preview())
        print_copies(services.retention.kept_copies())
    return 0


def run_run(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        plan = services.retention.preview()
        print_plan(plan)
        if not args.yes:
            raise CommandError(
                _("niets gepseudonimiseerd: bevestig met {option} na het nalezen van de voorvertoning").format(
                    option="--yes"
                )
            )
        done = services.retention.pseudonymise(
            confirmed_by=services.ctx.viewer.display_name or _("opdrachtregel"), only=plan.tracking_numbers
        )
        print(
            ngettext("{n} dossier gepseudonimiseerd.", "{n} dossiers gepseudonimiseerd.", done.count).format(
                n=number(done.count)
            )
        )
        for line in copies_report(done.copies):
            print(line)
    return 0


def run_period(args: argparse.Namespace, env: Environment) -> int:
    with env.services() as services:
        if args.years is not None:
            services.retention.set_period_years(args.years)
        years = services.retention.period_years()
        print(
            _("Bewaartermijn: {n} jaar.").format(n=years) if years else _("Bewaartermijn: geen (alles wordt bewaard).")
        )
    return 0
