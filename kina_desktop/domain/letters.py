"""The letters the reglement sends to a complainant, and when each one may go out.

- Art. 3: an oral complaint is confirmed in writing ("Bij mondelinge klachten zal de klager
  gevraagd worden om deze schriftelijk of elektronisch over te maken"); in case of doubt the
  complainant is asked to show an interest; an inadmissible complaint gets a notice with its
  ground(s); an information request gets an answer, not a complaint procedure; an anonymous
  report gets nothing (there is nobody to write to, and it is only kept as information).
- Art. 5: the acknowledgement with the tracking number, except for level 1.
- Art. 6: level 1 is solved at once ("de klachtenprocedure [moet] niet verder doorlopen
  worden"): no letters. Personnel level 3: the receiver tells the complainant the date of the
  board meeting, and that an answer only follows after it.
- Art. 6-7: the outcome of a daily-operations complaint (verdict, motivation, measures); for
  personnel matters only the privacy wording of Art. 7.

``letter_allowed`` is the one place that decides; the GUI asks it (or ``allowed_letters``) to
enable its menu, the services check it again before a letter is produced.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TypedDict, Unpack

from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.domain.enums import Admissibility, Category, Channel, Kind, Level, Role, Verdict, _Labelled
from kina_desktop.domain.registration import needs_written_confirmation
from kina_desktop.domain.text import fold
from kina_desktop.domain.visibility import is_confidential
from kina_desktop.i18n import N_, _


class LetterKind(_Labelled):
    """Every letter of the reglement, in the order a case meets them."""

    CONFIRM_ORAL = "confirm_oral"
    ACKNOWLEDGEMENT = "acknowledgement"
    PROOF_OF_INTEREST = "proof_of_interest"
    INADMISSIBLE = "inadmissible"
    BOARD_DATE = "board_date"
    OUTCOME_DAILY = "outcome_daily"
    OUTCOME_PERSONNEL = "outcome_personnel"
    INFORMATION_ANSWER = "information_answer"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "confirm_oral": N_("Vraag om schriftelijke bevestiging"),
            "acknowledgement": N_("Ontvangstbevestiging"),
            "proof_of_interest": N_("Vraag om uw belang aan te tonen"),
            "inadmissible": N_("Melding van niet-ontvankelijkheid"),
            "board_date": N_("Datum van de Raad van Bestuur"),
            "outcome_daily": N_("Uitkomst van de klacht"),
            "outcome_personnel": N_("Uitkomst klacht personeelsaangelegenheid"),
            "information_answer": N_("Antwoord op een informatievraag"),
        }

    @property
    def article(self) -> str:
        """The article of the reglement the letter comes from, as "Art. 5"."""
        return _ARTICLES[self]

    @property
    def is_confidential(self) -> bool:
        """Letters that exist only on the confidential personnel track (Art. 6-7): marked
        "Persoonlijk en vertrouwelijk". Other letters of a confidential case are marked too; see
        ``letter_is_confidential``."""
        return self in (LetterKind.BOARD_DATE, LetterKind.OUTCOME_PERSONNEL)


_ARTICLES = {
    LetterKind.CONFIRM_ORAL: "Art. 3",
    LetterKind.ACKNOWLEDGEMENT: "Art. 5",
    LetterKind.PROOF_OF_INTEREST: "Art. 3",
    LetterKind.INADMISSIBLE: "Art. 3",
    LetterKind.BOARD_DATE: "Art. 6",
    LetterKind.OUTCOME_DAILY: "Art. 7",
    LetterKind.OUTCOME_PERSONNEL: "Art. 7",
    LetterKind.INFORMATION_ANSWER: "Art. 3",
}


def letter_is_confidential(kind: LetterKind, category: Category, level: Level) -> bool:
    """Art. 6: every letter of a personnel complaint above level 1 is personal and confidential,
    whatever its kind."""
    return kind.is_confidential or is_confidential(category, level)


class CaseFacts(TypedDict, total=False):
    """What more of a case decides its letters, when it is known: the GUI may ask before, the
    services pass it."""

    channel: Channel | None
    admissibility: Admissibility | None
    verdict: Verdict | None


def letter_allowed(
    kind: LetterKind, kind_of_case: Kind, category: Category, level: Level, **facts: Unpack[CaseFacts]
) -> str | None:
    """Why this letter cannot go out for this case (one Dutch sentence naming the article), or
    None when it may. ``channel``, ``admissibility`` and ``verdict`` are checked when given:
    the GUI may ask before they are known, the services pass them."""
    channel, admissibility, verdict = facts.get("channel"), facts.get("admissibility"), facts.get("verdict")
    if kind_of_case == Kind.ANONYMOUS_REPORT:
        return _("Een anonieme melding krijgt geen brief: ze wordt enkel als bron van informatie bewaard (Art. 3).")
    if kind_of_case == Kind.INFORMATION_REQUEST:
        if kind == LetterKind.INFORMATION_ANSWER:
            return None
        return _("Een informatievraag is geen klacht: ze krijgt alleen een antwoord, geen ‘{letter}’ (Art. 3).").format(
            letter=kind.label()
        )
    if kind == LetterKind.INFORMATION_ANSWER:
        return _("Een antwoord op een informatievraag kan alleen bij een informatievraag; dit is een klacht (Art. 3).")
    if level == Level.ONE:
        return _(
            "Een klacht van niveau 1 wordt meteen opgelost: de klachtenprocedure loopt niet "
            "verder en er gaat geen ‘{letter}’ uit (Art. 5 en 6)."
        ).format(letter=kind.label())
    if kind == LetterKind.CONFIRM_ORAL:
        if channel is not None and not needs_written_confirmation(kind_of_case, level, channel):
            return _(
                "Alleen een mondelinge klacht (telefoon of onthaal) moet de klager schriftelijk bevestigen (Art. 3)."
            )
        return None
    if kind == LetterKind.BOARD_DATE:
        if category != Category.PERSONNEL or level != Level.THREE:
            return _(
                "Alleen een klacht over personeelsaangelegenheden van niveau 3 gaat naar de Raad "
                "van Bestuur; de klager krijgt dan de datum van de vergadering (Art. 6)."
            )
        return None
    if kind == LetterKind.OUTCOME_PERSONNEL:
        if category != Category.PERSONNEL:
            return _(
                "Deze uitkomstbrief met alleen de privacyformulering is voor klachten over "
                "personeelsaangelegenheden; gebruik de gewone uitkomstbrief (Art. 7)."
            )
        return None
    if kind == LetterKind.OUTCOME_DAILY:
        if category != Category.DAILY_OPERATIONS:
            return _(
                "Bij een klacht over personeelsaangelegenheden hoort de klager alleen dat de klacht "
                "behandeld werd, niet het oordeel of de maatregelen (Art. 7)."
            )
        if admissibility == Admissibility.INADMISSIBLE:
            return _("Deze klacht is niet ontvankelijk: stuur de melding van niet-ontvankelijkheid (Art. 3).")
        if verdict is not None and verdict == Verdict.NONE:
            return _(
                "Er is nog geen oordeel (gegrond, ongegrond of onuitgesproken): de uitkomst "
                "volgt na de behandeling (Art. 6 en 7)."
            )
        return None
    if kind == LetterKind.INADMISSIBLE:
        if admissibility is not None and admissibility != Admissibility.INADMISSIBLE:
            return _(
                "De klacht is niet niet-ontvankelijk verklaard: leg eerst de grond(en) van "
                "niet-ontvankelijkheid vast (Art. 3)."
            )
        return None
    # ACKNOWLEDGEMENT and PROOF_OF_INTEREST go to every complaint above level 1.
    return None


def allowed_letters(
    kind_of_case: Kind, category: Category, level: Level, **facts: Unpack[CaseFacts]
) -> list[LetterKind]:
    """The letters this case may get, in the order of ``LetterKind``."""
    return [kind for kind in LetterKind if letter_allowed(kind, kind_of_case, category, level, **facts) is None]


def staff_names_in(text: str, names: Iterable[str], allowed: Iterable[str] = ()) -> list[str]:
    """The staff names (the case's staff member, the accounts) that a letter's text names, in the
    order given; ``allowed``: the contact person and signatory the letter is meant to name. Whole
    words, accents and case folded ('Veerle De Backer' is found as 'veerle de backer')."""
    folded = " " + _words(text) + " "
    permitted = {_words(name) for name in allowed}
    found = []
    for name in names:
        key = _words(name)
        if len(key) >= 3 and key not in permitted and f" {key} " in folded and name not in found:
            found.append(name)
    return found


def _words(text: str) -> str:
    return fold(re.sub(r"[^\w]+", " ", text))


def letter_allowed_for(kind: LetterKind, record: CaseRecord) -> str | None:
    """``letter_allowed`` with what the case's header and handling say (the one way to ask)."""
    header, handling = record.header, record.handling
    return letter_allowed(
        kind,
        header.kind,
        header.category,
        header.level,
        channel=header.channel,
        admissibility=handling.admissibility if handling else None,
        verdict=handling.verdict if handling else None,
    )


def allowed_letters_for(record: CaseRecord) -> list[LetterKind]:
    """The letters this case may get, in the order of ``LetterKind``."""
    return [kind for kind in LetterKind if letter_allowed_for(kind, record) is None]


# Who may withdraw a letter besides the person who recorded it: the complaints team and the
# director, who answer for the register (Art. 5-7; docs/letters.md "Withdrawing a letter").
WITHDRAWING_ROLES = frozenset({Role.TEAM, Role.DIRECTOR})
WITHDRAWAL_REASON_LIMIT = 1000


def withdrawal_problems(
    produced_on: dt.date,
    today: dt.date,
    withdrawn_on: dt.date | None,
    recorded_by_me: bool,
    roles: Iterable[Role],
    reason: str,
) -> list[str]:
    """Why this letter may not be withdrawn now (Dutch sentences; [] when it may): a letter that
    did not go out after all is withdrawn on the day it was recorded, once, with a reason, by
    whoever recorded it, the complaints team or the director."""
    if withdrawn_on is not None:
        return [_("Deze brief werd al ingetrokken op {date}.").format(date=withdrawn_on.strftime("%d-%m-%Y"))]
    problems = []
    if produced_on != today:
        problems.append(
            _(
                "Een brief kan alleen ingetrokken worden op de dag dat hij werd vastgelegd ({date}): "
                "daarna is hij vertrokken."
            ).format(date=produced_on.strftime("%d-%m-%Y"))
        )
    if not recorded_by_me and not WITHDRAWING_ROLES & set(roles):
        problems.append(_("Alleen wie de brief vastlegde, het klachtenteam of de directeur kan hem intrekken."))
    if not reason.strip():
        problems.append(_("Vul in waarom de brief wordt ingetrokken."))
    elif len(reason) > WITHDRAWAL_REASON_LIMIT:
        problems.append(_("De reden is te lang (meer dan {limit} tekens).").format(limit=WITHDRAWAL_REASON_LIMIT))
    return problems
