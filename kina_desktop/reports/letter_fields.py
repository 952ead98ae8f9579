"""The named placeholders a letter template may use, per letter kind.

Each field has a Dutch label (for the template editor and for messages), the letter kinds it may
appear in, the kinds whose template must contain it, and whether its value may be empty:

- a *required* field must have a value; a letter without it is refused before anything is
  printed (no "Uw klacht is ." in a letter);
- an *optional* field may be empty; a paragraph that uses an empty optional field is left out
  of the letter (``{note}`` on a line of its own, the measures of an outcome letter, ...).

The personnel outcome (Art. 7) offers no field about the verdict, the motivation, the measures or
the staff member: the complainant hears only that the complaint was handled, and a template that
tries to say more is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kina_desktop.domain.letters import LetterKind
from kina_desktop.i18n import N_, _
from kina_desktop.reports.letter_errors import MissingLetterData

K = LetterKind
ALL_KINDS = frozenset(LetterKind)


@dataclass(frozen=True)
class LetterField:
    name: str
    label_msgid: str
    kinds: frozenset[LetterKind] = ALL_KINDS
    required_in: frozenset[LetterKind] = frozenset()
    optional: bool = False
    why_required_msgid: str = ""
    # The reglement prescribes the sentence itself: a paragraph using it is shown in the letter
    # editor but cannot be changed there (reports/letter_text.py).
    prescribed: bool = False

    @property
    def label(self) -> str:
        return _(self.label_msgid)

    @property
    def placeholder(self) -> str:
        return "{" + self.name + "}"


def _f(
    name: str,
    label: str,
    kinds: Iterable[LetterKind] = ALL_KINDS,
    required_in: Iterable[LetterKind] = frozenset(),
    optional: bool = False,
    why: str = "",
    prescribed: bool = False,
) -> LetterField:
    return LetterField(name, label, frozenset(kinds), frozenset(required_in), optional, why, prescribed)


FIELDS: tuple[LetterField, ...] = (
    # every letter
    _f(
        "tracking_number",
        N_("Opvolgingsnummer"),
        required_in=ALL_KINDS,
        why=N_("het opvolgingsnummer wordt vermeld bij elke communicatie (Art. 5)"),
    ),
    _f(
        "received_on",
        N_("Datum van ontvangst"),
        required_in={K.ACKNOWLEDGEMENT, K.CONFIRM_ORAL},
        why=N_("de klager moet weten welke klacht of vraag bedoeld is"),
    ),
    _f("letter_date", N_("Datum van de brief")),
    _f("complainant_name", N_("Naam klager"), optional=True),
    _f("complaint_subject", N_("Onderwerp van de klacht"), optional=True),
    _f("complaint_summary", N_("Korte samenvatting van de klacht"), optional=True),
    _f("organisation", N_("Betrokken OCMW of dienst"), optional=True),
    _f("received_by", N_("Hoe de klacht binnenkwam (telefonisch, per post ...)")),
    _f(
        "handler_name",
        N_("Naam contactpersoon"),
        required_in={K.ACKNOWLEDGEMENT},
        why=N_("de ontvangstbevestiging noemt wie de klacht opvolgt"),
    ),
    _f("handler_function", N_("Functie contactpersoon"), optional=True),
    _f("handler_phone", N_("Telefoon contactpersoon"), optional=True),
    _f("handler_email", N_("E-mail contactpersoon"), optional=True),
    _f("handler_contact", N_("Telefoon en e-mail van de contactpersoon, in één zin")),
    _f("kina_name", N_("Naam van KINA")),
    _f("kina_address", N_("Adres van KINA")),
    _f("kina_email", N_("E-mailadres voor klachten")),
    _f("kina_website", N_("Website van KINA")),
    _f("kina_phone", N_("Telefoon van KINA"), optional=True),
    _f("note", N_("Extra tekst voor deze brief"), optional=True),
    # Art. 5: the acknowledgement
    _f(
        "handling_target_days",
        N_("Behandeltermijn in kalenderdagen"),
        kinds={K.ACKNOWLEDGEMENT, K.CONFIRM_ORAL},
        required_in={K.ACKNOWLEDGEMENT},
        why=N_(
            "de ontvangstbevestiging vermeldt dat KINA de klacht binnen de 30 kalenderdagen wil behandelen (Art. 5)"
        ),
        prescribed=True,
    ),
    # Art. 3: inadmissible
    _f(
        "grounds",
        N_("Grond(en) van niet-ontvankelijkheid"),
        kinds={K.INADMISSIBLE},
        required_in={K.INADMISSIBLE},
        why=N_("de klager moet weten waarom de klacht niet ontvankelijk is (Art. 3)"),
    ),
    _f(
        "motivation",
        N_("Motivering van de niet-ontvankelijkheid"),
        kinds={K.INADMISSIBLE},
        required_in={K.INADMISSIBLE},
        why=N_("elke grond van niet-ontvankelijkheid wordt gemotiveerd (Art. 3)"),
    ),
    # Art. 6: the board meeting
    _f(
        "board_meeting_on",
        N_("Datum van de Raad van Bestuur"),
        kinds={K.BOARD_DATE},
        required_in={K.BOARD_DATE},
        why=N_("de klager krijgt de datum van de vergadering (Art. 6)"),
    ),
    # Art. 6-7: the outcome of a daily-operations complaint
    _f(
        "verdict",
        N_("Oordeel (gegrond, ongegrond, onuitgesproken)"),
        kinds={K.OUTCOME_DAILY},
        required_in={K.OUTCOME_DAILY},
        why=N_("de klager hoort de uitkomst van het onderzoek (Art. 7)"),
    ),
    _f("verdict_meaning", N_("Wat het oordeel betekent"), kinds={K.OUTCOME_DAILY}),
    _f(
        "verdict_motivation",
        N_("Motivering voor de klager"),
        kinds={K.OUTCOME_DAILY},
        required_in={K.OUTCOME_DAILY},
        why=N_("de klager hoort de uitkomst van het onderzoek (Art. 7)"),
    ),
    _f("measures", N_("Oplossingen en maatregelen"), kinds={K.OUTCOME_DAILY}, optional=True),
    # Art. 7: personnel matters
    _f(
        "privacy_notice",
        N_("Privacyformulering van Art. 7"),
        kinds={K.OUTCOME_PERSONNEL},
        required_in={K.OUTCOME_PERSONNEL},
        why=N_("bij personeelsaangelegenheden hoort de klager alleen dat de klacht behandeld werd (Art. 7)"),
        prescribed=True,
    ),
    # Art. 3: information requests
    _f(
        "answer",
        N_("Antwoord op de vraag"),
        kinds={K.INFORMATION_ANSWER},
        required_in={K.INFORMATION_ANSWER},
        why=N_("dit is het antwoord op de informatievraag (Art. 3)"),
    ),
)

FIELDS_BY_NAME: dict[str, LetterField] = {f.name: f for f in FIELDS}

# Why a known field is refused in a letter kind, where the reglement says so.
NOT_IN_KIND_REASON: dict[LetterKind, str] = {
    K.OUTCOME_PERSONNEL: N_(
        "bij personeelsaangelegenheden hoort de klager alleen dat de klacht behandeld werd, om privacyredenen (Art. 7)"
    )
}


def fields_for(kind: LetterKind) -> list[LetterField]:
    """The fields a template of this kind may use, in the order of ``FIELDS`` (for the editor)."""
    return [f for f in FIELDS if kind in f.kinds]


def required_fields(kind: LetterKind) -> list[LetterField]:
    return [f for f in FIELDS if kind in f.required_in]


def check_board_meeting_on(meeting: dt.date, today: dt.date) -> None:
    """The board-date letter announces a meeting still to come (Art. 6): "De Raad van Bestuur
    bespreekt uw klacht op ...; pas na die vergadering ...". A date already past would make the
    letter say something untrue, so the letter is refused (MissingLetterData) until the date of the
    next meeting is recorded; after the meeting the complainant gets the outcome letter. A meeting
    today is still announced: the letter is dated today too (docs/letters.md)."""
    if meeting < today:
        raise MissingLetterData(
            _(
                "De vergadering van de Raad van Bestuur op {date} is al voorbij, en deze brief kondigt een "
                "komende vergadering aan (Art. 6): leg eerst de datum van de volgende vergadering vast."
            ).format(date=meeting.strftime("%d-%m-%Y")),
            fields=("board_meeting_on",),
        )
