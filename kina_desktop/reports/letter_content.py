"""What a letter says, built from a case: the input of letter_pdf.render_letter.

``build_letter`` is the one way from a ``CaseRecord`` to a ``LetterContent``. It refuses, before
anything is printed:
- a letter the reglement does not allow for the case (domain.letters.letter_allowed, raised as
  the domain's RuleViolation naming the article);
- a case whose description the caller may not read (CaseNotReadable);
- a template with problems (TemplateProblems) or a case without the data the letter needs
  (MissingLetterData), see letter_templates.fill.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from kina_desktop.domain.admissibility import GroundFinding
from kina_desktop.domain.closing import PERSONNEL_OUTCOME
from kina_desktop.domain.complaint import CaseRecord, Description
from kina_desktop.domain.deadlines import HANDLING_CALENDAR_DAYS
from kina_desktop.domain.enums import Verdict
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.letters import LetterKind, letter_allowed_for, letter_is_confidential
from kina_desktop.i18n import _
from kina_desktop.reports.letter_errors import CaseNotReadable
from kina_desktop.reports.letter_fields import check_board_meeting_on
from kina_desktop.reports.letter_templates import fill_sections
from kina_desktop.reports.letter_text import LetterEdits, LetterSection, apply_edits, paragraphs_of
from kina_desktop.reports.letter_wording import (
    DEFAULT_LANGUAGE,
    LetterWording,
    in_letter_language,
    label_in,
    wording_for,
)

NBSP = "\u00a0"

# The complainant's own words in a summary are cut after about this many characters.
SUMMARY_TEXT_LIMIT = 240


@dataclass(frozen=True)
class Letterhead:
    """KINA's letterhead; the values come from the settings, the defaults from Art. 4."""

    name: str = "KINA p.v."
    street: str = "Antwerpsesteenweg 503"
    postal_code: str = "2390"
    city: str = "Malle"
    email: str = "klacht@kina.be"
    website: str = "www.kina.be"
    phone: str = ""
    # An older setting: the logo read from a file on each PC (still honoured until the letterhead
    # is saved again, which copies it into ``logo``).
    logo_path: str | None = None
    place: str = "Malle"  # the place in "Malle, 24 november 2026"
    tagline: str = "Welzijnsvereniging"
    logo: bytes | None = field(default=None, repr=False)  # PNG or JPEG, kept in the database

    @property
    def postal_code_and_city(self) -> str:
        return f"{self.postal_code.strip()} {self.city.strip()}".strip()

    def address(self) -> str:
        """One line: "Antwerpsesteenweg 503, 2390 Malle"."""
        return ", ".join(part for part in (self.street.strip(), self.postal_code_and_city) if part)


@dataclass(frozen=True)
class ContactPerson:
    """The person the complainant can call or write to about the letter (and, by default, who
    signs it)."""

    name: str
    function: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class LetterContent:
    """Everything a letter shows, in the letter's language, ready to be laid out."""

    kind: LetterKind
    language: str
    tracking_number: str  # "Ons kenmerk"
    recipient_name: str
    recipient_address_lines: tuple[str, ...]
    place_and_date: str
    contact: ContactPerson
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signature_name: str
    signature_function: str
    confidential: bool = False
    # The body as the letter editor shows it (``paragraphs`` is these, split at empty lines).
    sections: tuple[LetterSection, ...] = ()

    @property
    def wording(self) -> LetterWording:
        return wording_for(self.language)


def complaint_summary(description: Description, limit: int = SUMMARY_TEXT_LIMIT) -> str:
    """The subject (and the OCMW or service concerned), then the complainant's own words,
    shortened at a word boundary: what the letter restates of the complaint."""
    subject = " ".join(description.subject.split()).rstrip(".")
    organisation = " ".join(description.organisation.split())
    first = f"{subject} ({organisation})" if subject and organisation else subject or organisation
    text = " ".join(description.text.split())
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
        text = cut + " …"
    quoted = f"“{text}”" if text else ""
    return "\n".join(part for part in (first, quoted) if part)


def contact_phrase(contact: ContactPerson, letterhead: Letterhead, wording: LetterWording) -> str:
    """ "telefoon 03 312 00 00 of e-mail els.janssens@kina.be"; KINA's own details where the
    contact person has none."""
    phone = _unbreakable(contact.phone.strip() or letterhead.phone.strip())
    email = contact.email.strip() or letterhead.email.strip()
    parts = [
        f"{wording.phone_word}{NBSP}{phone}" if phone else "",
        f"{wording.email_word}{NBSP}{email}" if email else "",
    ]
    return f" {wording.or_word} ".join(part for part in parts if part)


def _unbreakable(text: str) -> str:
    """A phone number ("03 312 00 12") that a line break cannot cut in two."""
    return NBSP.join(text.split())


def _grounds_values(grounds: Sequence[GroundFinding], language: str) -> dict[str, str]:
    if not grounds:
        return {"grounds": "", "motivation": ""}
    labels = [label_in(finding.ground, language) for finding in grounds]
    motivations = [" ".join(finding.motivation.split()) for finding in grounds]
    if len(grounds) == 1:
        return {"grounds": f"- {labels[0]}", "motivation": motivations[0]}
    return {
        "grounds": "\n".join(f"- {label}" for label in labels),
        "motivation": "\n".join(f"- {label}: {text}" for label, text in zip(labels, motivations)),
    }


def letter_values(
    kind: LetterKind,
    record: CaseRecord,
    letterhead: Letterhead,
    contact: ContactPerson,
    today: dt.date,
    *,
    language: str = DEFAULT_LANGUAGE,
    grounds: Sequence[GroundFinding] = (),
    board_meeting_on: dt.date | None = None,
    answer: str = "",
    note: str = "",
) -> dict[str, str]:
    """The value of every placeholder the case can give (letter_fields.FIELDS). A value the case
    does not have is left out, so ``fill`` names it when a template uses it."""
    description = record.description
    if description is None:
        raise CaseNotReadable(
            _(
                "De beschrijving van klacht {number} is vertrouwelijk en voor u afgeschermd (Art. 6): "
                "alleen wie de klacht mag inzien, kan deze brief maken."
            ).format(number=record.tracking_number)
        )
    header = record.header
    handling = record.handling
    wording = wording_for(language)
    values: dict[str, str] = {
        "tracking_number": header.tracking_number,
        "received_on": wording.date(description.received_on),
        "letter_date": wording.date(today),
        "complainant_name": description.complainant_name.strip(),
        "complaint_subject": " ".join(description.subject.split()).rstrip("."),
        "complaint_summary": complaint_summary(description),
        "organisation": description.organisation.strip(),
        "received_by": wording.channels[description.channel],
        "handler_name": contact.name.strip(),
        "handler_function": contact.function.strip(),
        "handler_phone": _unbreakable(contact.phone),
        "handler_email": contact.email.strip(),
        "handler_contact": contact_phrase(contact, letterhead, wording),
        "kina_name": letterhead.name,
        "kina_address": letterhead.address(),
        "kina_email": letterhead.email,
        "kina_website": letterhead.website,
        "kina_phone": _unbreakable(letterhead.phone),
        "note": note,
        "handling_target_days": str(HANDLING_CALENDAR_DAYS),
        "answer": answer,
        "privacy_notice": in_letter_language(PERSONNEL_OUTCOME, language),
        **_grounds_values(grounds, language),
    }
    meeting = board_meeting_on or header.board_meeting_on
    if meeting is not None:
        if kind == LetterKind.BOARD_DATE:
            check_board_meeting_on(meeting, today)  # a date already past is refused (Art. 6)
        values["board_meeting_on"] = wording.date(meeting)
    if handling is not None:
        if handling.verdict != Verdict.NONE:
            values["verdict"] = label_in(handling.verdict, language).lower()
            values["verdict_meaning"] = wording.verdict_meanings[handling.verdict]
        values["verdict_motivation"] = handling.verdict_motivation
        values["measures"] = handling.measures
    return values


def build_letter(
    kind: LetterKind,
    record: CaseRecord,
    template_text: str,
    letterhead: Letterhead,
    contact: ContactPerson,
    today: dt.date,
    grounds: Sequence[GroundFinding] = (),
    board_meeting_on: dt.date | None = None,
    answer: str = "",
    *,
    note: str = "",
    language: str = DEFAULT_LANGUAGE,
    salutation: str | None = None,
    signatory: ContactPerson | None = None,
    edits: LetterEdits | None = None,
) -> LetterContent:
    """The letter ``kind`` for this case with ``template_text`` (in ``language``) filled in.

    ``grounds``: the inadmissibility findings (Art. 3); ``board_meeting_on``: the board date
    (default: the one on the case); ``answer``: the answer to an information request; ``note``: an
    optional extra paragraph where the template has ``{note}``; ``salutation``: when the
    complainant's title is known ("Geachte heer Peeters,"); ``signatory``: who signs (default the
    contact person); ``edits``: what a person changed in the letter editor (the prescribed
    sections stay the template's, reports/letter_text.py).
    """
    header = record.header
    problem = letter_allowed_for(kind, record)
    if problem:
        raise RuleViolation(problem)
    values = letter_values(
        kind,
        record,
        letterhead,
        contact,
        today,
        language=language,
        grounds=grounds,
        board_meeting_on=board_meeting_on,
        answer=answer,
        note=note,
    )
    subject, sections = fill_sections(kind, template_text, values)
    if edits is not None:
        subject, sections = apply_edits(subject, sections, edits)
    description = record.description
    assert description is not None  # letter_values refused a redacted case
    wording = wording_for(language)
    signer = signatory or contact
    return LetterContent(
        kind=kind,
        language=wording.language,
        tracking_number=header.tracking_number,
        recipient_name=description.complainant_name.strip(),
        recipient_address_lines=tuple(description.complainant_address_lines()),
        place_and_date=wording.dated(letterhead.place, today),
        contact=contact,
        subject=subject,
        salutation=salutation or wording.salutation,
        paragraphs=paragraphs_of(sections),
        closing=wording.closing,
        signature_name=signer.name,
        signature_function=signer.function,
        confidential=letter_is_confidential(kind, header.category, header.level),
        sections=sections,
    )
