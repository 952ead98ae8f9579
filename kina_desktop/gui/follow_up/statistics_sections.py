"""The dashboard's content from a period's figures: key figures and one chart per breakdown.

Plain data (no widgets), so the statistics window only lays it out and tests read it directly.
Labels are the domain's Dutch labels; every count also shows its share of the chart's total.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from kina_desktop.domain.deadlines import ACKNOWLEDGEMENT_WORKING_DAYS, HANDLING_CALENDAR_DAYS
from kina_desktop.domain.enums import Admissibility, Category, Channel, InadmissibilityGround, Kind, Level, Verdict
from kina_desktop.domain.statistics import BANDS, Figures, band_label
from kina_desktop.gui.common.formatting import decimal, number, percent, short_date
from kina_desktop.gui.follow_up.bar_chart import Bar
from kina_desktop.i18n import _, ngettext


@dataclass(frozen=True)
class KeyFigure:
    key: str
    title: str
    value: str
    detail: str = ""
    warning: bool = False  # drawn in red (overdue cases)


@dataclass(frozen=True)
class ChartSection:
    key: str
    title: str
    bars: tuple[Bar, ...]
    note: str = ""
    wide: bool = False  # spans both columns (many or long labels)


def _bars(rows: Iterable[tuple[str, int]]) -> tuple[Bar, ...]:
    rows = list(rows)
    total = sum(n for _label, n in rows)
    bars = []
    for label, n in rows:
        text = number(n) if not total or not n else f"{number(n)}  ({percent(n / total)})"
        bars.append(Bar(label, n, text, f"{label}: {text}"))
    return tuple(bars)


def _by(enum: type[Enum], counts: Mapping[str, int], *, skip_zero: bool = False) -> tuple[Bar, ...]:
    rows = [(member.label(), counts.get(member.value, 0)) for member in enum]  # type: ignore[attr-defined]
    unknown = sum(n for code, n in counts.items() if code not in {m.value for m in enum})
    if unknown:
        rows.append((_("Niet ingevuld"), unknown))
    return _bars((label, n) for label, n in rows if n or not skip_zero)


def _organisations(counts: Mapping[str, int]) -> tuple[Bar, ...]:
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
    return _bars((name.strip() or _("Niet ingevuld"), n) for name, n in rows)


def key_figures(figures: Figures) -> list[KeyFigure]:
    information = figures.by_kind.get(Kind.INFORMATION_REQUEST.value, 0)
    anonymous = figures.by_kind.get(Kind.ANONYMOUS_REPORT.value, 0)
    mean, middle = figures.mean_handling_days, figures.median_handling_days
    answered = len(figures.handling_days)
    return [
        KeyFigure(
            "complaints",
            _("Klachten"),
            number(figures.complaints),
            ngettext("en {n} informatievraag", "en {n} informatievragen", information).format(n=number(information))
            + ", "
            + ngettext("{n} anonieme melding", "{n} anonieme meldingen", anonymous).format(n=number(anonymous)),
        ),
        KeyFigure(
            "acknowledged",
            _("Ontvangst bevestigd binnen {n} werkdagen").format(n=ACKNOWLEDGEMENT_WORKING_DAYS),
            percent(figures.acknowledged_in_time_share),
            _("{ok} van {due} klachten die een bevestiging nodig hadden").format(
                ok=number(figures.acknowledged_in_time), due=number(figures.acknowledgements_due)
            ),
        ),
        KeyFigure(
            "handled",
            _("Behandeld binnen {n} dagen").format(n=HANDLING_CALENDAR_DAYS),
            percent(figures.handled_in_time_share),
            _("{ok} van {due} klachten met een termijn").format(
                ok=number(figures.handled_in_time), due=number(figures.handling_targets)
            ),
        ),
        KeyFigure(
            "duration",
            _("Gemiddelde duur tot antwoord"),
            _("{n} dagen").format(n=decimal(mean)) if mean is not None else "–",
            _("mediaan {median} dagen; {n} beantwoorde klachten van niveau 2 en 3").format(
                median=decimal(middle), n=number(answered)
            )
            if middle is not None
            else _("nog geen beantwoorde klachten"),
        ),
        KeyFigure(
            "open",
            _("Open klachten op {date}").format(date=short_date(figures.end)),
            number(figures.open_at_end),
            ngettext("waarvan {n} over termijn", "waarvan {n} over termijn", figures.overdue_at_end).format(
                n=number(figures.overdue_at_end)
            ),
            warning=figures.overdue_at_end > 0,
        ),
    ]


def hidden_note(figures: Figures) -> str:
    """What the breakdowns of a case's parts leave out, for every role (domain/statistics.py)."""
    if not figures.hidden_from_breakdowns:
        return ""
    return ngettext(
        "Zonder {n} vertrouwelijke klacht over personeelsaangelegenheden: die telt alleen mee in de totalen "
        "per soort, kanaal, categorie en niveau en bij de ontvangstbevestigingen.",
        "Zonder {n} vertrouwelijke klachten over personeelsaangelegenheden: die tellen alleen mee in de totalen "
        "per soort, kanaal, categorie en niveau en bij de ontvangstbevestigingen.",
        figures.hidden_from_breakdowns,
    ).format(n=number(figures.hidden_from_breakdowns))


def chart_sections(figures: Figures) -> list[ChartSection]:
    partial = hidden_note(figures) and _("Zonder de vertrouwelijke klachten.")
    bands = [(band_label(band), figures.by_band[band[0]]) for band in BANDS]
    return [
        ChartSection(
            "kinds",
            _("Registraties per soort"),
            _by(Kind, figures.by_kind),
            _("Informatievragen en anonieme meldingen worden apart geteld (Art. 3)."),
        ),
        ChartSection("channels", _("Klachten per kanaal"), _by(Channel, figures.by_channel)),
        ChartSection("categories", _("Klachten per categorie"), _by(Category, figures.by_category)),
        ChartSection("levels", _("Klachten per niveau"), _by(Level, figures.by_level)),
        ChartSection(
            "admissibility",
            _("Ontvankelijkheid (niveau 2 en 3)"),
            _by(Admissibility, figures.by_admissibility),
            partial,
        ),
        ChartSection(
            "verdicts", _("Oordeel over de ontvankelijke klachten (Art. 6)"), _by(Verdict, figures.by_verdict), partial
        ),
        ChartSection("bands", _("Dagen van ontvangst tot antwoord"), _bars(bands), partial),
        ChartSection(
            "grounds",
            _("Niet ontvankelijk: per grond (Art. 3)"),
            _by(InadmissibilityGround, figures.by_ground, skip_zero=True),
            " ".join(filter(None, (_("Eén klacht kan om meer dan één grond niet ontvankelijk zijn."), partial))),
        ),
        ChartSection(
            "organisations",
            _("Klachten per lid-OCMW of dienst"),
            _organisations(figures.by_organisation),
            partial,
            wide=True,
        ),
    ]


def period_text(start: dt.date, end: dt.date) -> str:
    return _("van {start} tot en met {end}").format(start=short_date(start), end=short_date(end))
