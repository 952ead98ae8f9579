"""Checks on what a person typed, each problem tied to the field it belongs to.

The GUI shows each message next to its field; the commands print them. Nothing here raises:
callers decide what to do with the list of problems.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kina_desktop.domain.complaint import COMPLAINANT_FIELDS, Closure, ComplaintDraft, Description, Handling
from kina_desktop.domain.enums import Kind, Level
from kina_desktop.domain.procedure import enters_procedure
from kina_desktop.i18n import _

# Longest text accepted per field (characters). Long enough for any real letter, short enough
# that a pasted binary or runaway paste is stopped with a message instead of stored.
MAX_LENGTHS: dict[str, int] = {
    "complainant_name": 200,
    "complainant_street": 200,
    "complainant_postal_code": 16,
    "complainant_city": 100,
    "complainant_email": 254,
    "complainant_phone": 40,
    "organisation": 200,
    "subject": 200,
    "text": 50_000,
    "request": 10_000,
    "staff_member": 200,
    "investigation": 50_000,
    "verdict_motivation": 20_000,
    "measures": 20_000,
    "working_group_minutes": 50_000,
    "communication": 20_000,
}

# An e-mail address; internationalised ones too (RFC 6532: UTF-8 in the local part and in the
# domain, jan@müller.be), as mail programs send them today. A domain label is letters or digits of
# any script with hyphens inside.
_LABEL = r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?"
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@" + _LABEL + r"(?:\." + _LABEL + r")+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The earliest date a person can mean: older dates are typing errors.
EARLIEST_DATE = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def is_valid_email(address: str) -> bool:
    return bool(_EMAIL.match(address))


def _text_problems(obj: object, names: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for name in names:
        value = getattr(obj, name)
        if not isinstance(value, str):
            continue
        limit = MAX_LENGTHS.get(name)
        if limit is not None and len(value) > limit:
            problems.append(
                Problem(
                    name,
                    _("Te lang: maximaal {limit} tekens, nu {count}.").format(
                        limit=f"{limit:,}".replace(",", "."), count=f"{len(value):,}".replace(",", ".")
                    ),
                )
            )
        if _CONTROL.search(value):
            problems.append(Problem(name, _("Bevat onzichtbare stuurtekens; verwijder ze.")))
    return problems


def _date_problems(name: str, value: dt.date | None, today: dt.date) -> list[Problem]:
    if value is None:
        return []
    if value > today:
        return [Problem(name, _("Deze datum ligt in de toekomst."))]
    if value < EARLIEST_DATE:
        return [Problem(name, _("Deze datum ligt te ver in het verleden."))]
    return []


def validate_description(desc: Description, kind: Kind, level: Level, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if desc.received_on is None:
        problems.append(Problem("received_on", _("Vul de datum van ontvangst in.")))
    else:
        problems += _date_problems("received_on", desc.received_on, today)
    problems += _date_problems("facts_on", desc.facts_on, today)
    if desc.facts_on and desc.received_on and desc.facts_on > desc.received_on:
        problems.append(Problem("facts_on", _("De feiten kunnen niet na de ontvangst van de klacht liggen.")))
    if not desc.subject.strip():
        problems.append(Problem("subject", _("Vul het onderwerp in.")))
    if not desc.text.strip():
        missing = {
            Kind.INFORMATION_REQUEST: _("Vul de vraag in."),
            Kind.ANONYMOUS_REPORT: _("Vul de inhoud van de melding in."),
        }.get(kind, _("Vul de inhoud van de klacht in."))
        problems.append(Problem("text", missing))
    if kind != Kind.ANONYMOUS_REPORT and not desc.complainant_name.strip():
        problems.append(
            Problem("complainant_name", _("Vul de naam van de klager in (of registreer een anonieme melding)."))
        )
    if desc.complainant_email.strip() and not is_valid_email(desc.complainant_email.strip()):
        problems.append(
            Problem("complainant_email", _("Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be)."))
        )
    if enters_procedure(kind, level):
        has_address = bool(desc.complainant_street.strip() and desc.complainant_city.strip())
        if not has_address and not desc.complainant_email.strip():
            problems.append(
                Problem(
                    "complainant_street",
                    _("Geef een adres of een e-mailadres op: de klager krijgt een ontvangstbevestiging (Art. 5)."),
                )
            )
    if desc.complainant_language not in ("nl", "fr", "en", "de"):
        problems.append(Problem("complainant_language", _("Onbekende taal.")))
    problems += _text_problems(
        desc, [*COMPLAINANT_FIELDS, "organisation", "subject", "text", "request", "staff_member"]
    )
    return problems


def validate_draft(draft: ComplaintDraft, today: dt.date) -> list[Problem]:
    return validate_description(draft.description, draft.kind, draft.level, today)


def validate_handling(handling: Handling, received_on: dt.date, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for name in (
        "working_group_meeting_on",
        "staff_conversation_on",
        "personnel_file_report_on",
        "minutes_copy_handed_on",
    ):
        value = getattr(handling, name)
        problems += _date_problems(name, value, today)
        if value and value < received_on:
            problems.append(Problem(name, _("Deze datum ligt voor de ontvangst van de klacht.")))
    problems += _text_problems(handling, ["investigation", "verdict_motivation", "measures", "working_group_minutes"])
    return problems


def validate_closure(closure: Closure, received_on: dt.date, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for name in ("informed_on", "closed_on"):
        value = getattr(closure, name)
        problems += _date_problems(name, value, today)
        if value and value < received_on:
            problems.append(Problem(name, _("Deze datum ligt voor de ontvangst van de klacht.")))
    if closure.informed_on and closure.closed_on and closure.closed_on < closure.informed_on:
        problems.append(
            Problem("closed_on", _("De afsluitdatum ligt voor de datum waarop de klager werd geïnformeerd."))
        )
    problems += _text_problems(closure, ["communication"])
    return problems
