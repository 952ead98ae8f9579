"""A complainant's request for access (GDPR art. 15): which cases are theirs, and what of them.

A person is found by name and/or e-mail address, case and accents aside: a case matches when its
complainant's name is the same name (domain/text.fold) or its e-mail address is the same
address. Either is enough (people change addresses); the export says per case what matched, so
that whoever answers the request can set a namesake aside before sending it.

What the person is entitled to is *their own* data, not everything the register holds:

- the description as they gave it (name, address, contact, subject, text, request, dates),
  but not the staff member concerned: that is a third person's data (art. 15(4));
- of the handling, what they were told or are owed: admissibility and its grounds, and for a
  complaint that is not about personnel also the verdict, its motivation, the solution or
  measures and the answer to an information request. Internal work (investigation, minutes of
  the working group, notes) is not theirs;
- for a personnel complaint (any level), Art. 7 of the reglement: the complainant hears only that
  the complaint was handled and discussed with the staff member and the superiors; privacy of the
  staff member forbids more — so no verdict, motivation or measures, and no date of the talk with
  the staff member or of the note in the personnel file;
- the closure: when they were informed and what was communicated, the closing date;
- the letters sent to them (every letter of the reglement goes to the complainant) and the files
  of the complaint folder that belong with the description (what they sent in) or are those letters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kina_desktop.domain.complaint import COMPLAINANT_FIELDS
from kina_desktop.domain.enums import Category, Role
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.text import fold
from kina_desktop.i18n import N_, _

DESCRIPTION_FIELDS = (
    *COMPLAINANT_FIELDS,
    "complainant_language",
    "organisation",
    "subject",
    "text",
    "facts_on",
    "request",
)
HANDLING_FIELDS_ALWAYS = ("admissibility",)
HANDLING_FIELDS_NOT_PERSONNEL = ("verdict", "verdict_motivation", "measures", "solution", "answer")
CLOSURE_FIELDS = ("informed_on", "communication", "closed_on")

MATCHED_NAME = N_("naam")
MATCHED_EMAIL = N_("e-mailadres")


def may_answer_access_requests(roles: Iterable[Role]) -> bool:
    """The director or an administrator answers a request for access."""
    return not {Role.ADMINISTRATOR, Role.DIRECTOR}.isdisjoint(roles)


def handling_fields(category: Category) -> tuple[str, ...]:
    """The fields of the handling part the complainant is owed (see the module docstring)."""
    if category == Category.PERSONNEL:
        return HANDLING_FIELDS_ALWAYS
    return HANDLING_FIELDS_ALWAYS + HANDLING_FIELDS_NOT_PERSONNEL


@dataclass(frozen=True)
class PersonQuery:
    name: str = ""
    email: str = ""

    def problems(self) -> list[str]:
        if not self.name.strip() and not self.email.strip():
            return [_("Geef de naam of het e-mailadres van de persoon.")]
        if self.email.strip() and "@" not in self.email:
            return [_("{email} is geen e-mailadres.").format(email=self.email.strip())]
        if self.name.strip() and len(fold(self.name)) < 3:
            return [_("Geef de volledige naam (minstens drie tekens).")]
        return []

    @property
    def folded_name(self) -> str:
        return fold(self.name)

    @property
    def folded_email(self) -> str:
        return self.email.strip().casefold()

    def matched(self, complainant_name: str, complainant_email: str) -> tuple[str, ...]:
        """What of this case matched the person (untranslated labels); empty: not theirs."""
        found = []
        if self.folded_name and fold(complainant_name) == self.folded_name:
            found.append(MATCHED_NAME)
        if self.folded_email and complainant_email.strip().casefold() == self.folded_email:
            found.append(MATCHED_EMAIL)
        return tuple(found)


@dataclass(frozen=True)
class AccessItem:
    """One line of a part: a field's label and its value as text."""

    field: str
    label: str
    value: str


@dataclass(frozen=True)
class AccessLetter:
    kind: str
    label: str
    produced_on: dt.date
    language: str


@dataclass(frozen=True)
class AccessDocument:
    filename: str
    kind: str
    size: int
    added_on: dt.date


@dataclass(frozen=True)
class AccessCase:
    tracking_number: str
    kind_label: str
    category_label: str
    status_label: str
    received_on: dt.date
    channel_label: str
    matched: tuple[str, ...]
    description: tuple[AccessItem, ...]
    handling: tuple[AccessItem, ...]
    grounds: tuple[AccessItem, ...]
    closure: tuple[AccessItem, ...]
    letters: tuple[AccessLetter, ...]
    documents: tuple[AccessDocument, ...]
    personnel: bool = False  # Art. 7: the outcome is not shared beyond "handled and discussed"
    # What tells namesakes apart, for the person who checks the search (never exported as such).
    town: str = ""
    email_domain: str = ""
    email_differs: bool = False  # the request gave an e-mail address and this case has another one


@dataclass(frozen=True)
class AccessExport:
    """Everything about one person, as the export shows it."""

    query: PersonQuery
    organisation: str
    made_on: dt.date
    made_by: str
    cases: tuple[AccessCase, ...]
    # Confidential personnel cases whose description the person making the export may not read
    # (only the director may): they could not be searched, and the export says so.
    not_searched: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    # GDPR: a search by name finds namesakes. Nothing leaves the program until a person ticked the
    # cases that belong to the requester (``confirmed``); the export holds only those.
    confirmed: bool = False
    confirmed_by: str = ""


def confirmed(export: AccessExport, chosen: Iterable[str], by: str) -> AccessExport:
    """The export of only the ``chosen`` cases (tracking numbers) of a search, confirmed by ``by``:
    what may be handed to the requester. RuleViolation in Dutch when nothing was chosen."""
    wanted = set(chosen)
    cases = tuple(c for c in export.cases if c.tracking_number in wanted)
    if not cases and export.cases:  # nothing found at all is an answer too: "no case of yours"
        raise RuleViolation(
            _("Vink eerst de dossiers aan die van deze persoon zijn: een naam kan ook van iemand anders zijn.")
        )
    return replace(export, cases=cases, confirmed=True, confirmed_by=by, not_searched=0)


def explanation(export: AccessExport) -> list[str]:
    """The Dutch notes that go with every export (PDF and JSON)."""
    lines = [
        _(
            "Dit overzicht bevat de gegevens die {org} over u bijhoudt in het klachtenregister: de dossiers "
            "waarin u klager bent, wat u ons meedeelde, wat wij u meedeelden en de brieven die wij u stuurden."
        ).format(org=export.organisation or "KINA"),
        _(
            "Gegevens van andere personen, zoals het betrokken personeelslid, en interne werknotities staan er niet "
            "in. Bij een klacht over een personeelsaangelegenheid meldt KINA enkel dat de klacht behandeld werd en "
            "besproken met het betrokken personeelslid en de leidinggevenden (Art. 7 van het klachtenreglement)."
        ),
    ]
    # Never how many cases of others exist or could not be searched: that is about other people.
    return lines


def as_json_dict(export: AccessExport) -> dict[str, object]:
    """The export as plain JSON data (the complainant's right to a copy in a common format)."""

    def items(values: tuple[AccessItem, ...]) -> dict[str, str]:
        return {i.field: i.value for i in values}

    return {
        "verzoek": {
            "naam": export.query.name.strip(),
            "e_mailadres": export.query.email.strip(),
            "gemaakt_op": export.made_on.isoformat(),
            "gemaakt_door": export.made_by,
            "dossiers_bevestigd_door": export.confirmed_by,
            "organisatie": export.organisation,
        },
        "toelichting": explanation(export),
        "dossiers": [
            {
                "opvolgingsnummer": c.tracking_number,
                "soort": c.kind_label,
                "categorie": c.category_label,
                "status": c.status_label,
                "ontvangen_op": c.received_on.isoformat(),
                "kanaal": c.channel_label,
                "gevonden_op": [_(m) for m in c.matched],
                "beschrijving": items(c.description),
                "behandeling": items(c.handling),
                "gronden_niet_ontvankelijk": items(c.grounds),
                "afronding": items(c.closure),
                "brieven": [
                    {
                        "soort": letter.kind,
                        "omschrijving": letter.label,
                        "datum": letter.produced_on.isoformat(),
                        "taal": letter.language,
                    }
                    for letter in c.letters
                ],
                "documenten": [
                    {"bestand": d.filename, "soort": d.kind, "grootte": d.size, "toegevoegd_op": d.added_on.isoformat()}
                    for d in c.documents
                ],
            }
            for c in export.cases
        ],
    }
