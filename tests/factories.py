"""Builders of valid registrations for tests: a test states only what it is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.complaint import ComplaintDraft, Description
from kina_desktop.domain.enums import Category, Channel, Kind, Level, Status

if TYPE_CHECKING:
    from kina_desktop.services.bundle import Services


def description(**overrides: object) -> Description:
    base = Description(
        received_on=dt.date(2026, 11, 20),
        channel=Channel.POST,
        complainant_name="Jan Peeters",
        complainant_street="Kerkstraat 12",
        complainant_postal_code="2390",
        complainant_city="Malle",
        complainant_email="jan.peeters@example.be",
        organisation="OCMW Zoersel",
        subject="Lange wachttijd aan het loket",
        text="Ik heb drie uur moeten wachten zonder uitleg.",
        facts_on=dt.date(2026, 11, 18),
        request="Een verontschuldiging en betere planning.",
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def draft(
    kind: Kind = Kind.COMPLAINT,
    category: Category = Category.DAILY_OPERATIONS,
    level: Level = Level.TWO,
    **desc: object,
) -> ComplaintDraft:
    return ComplaintDraft(description=description(**desc), kind=kind, category=category, level=level)


def varied_drafts(names: list[str], subjects: list[str] | None = None) -> list[ComplaintDraft]:
    """One registration per name (an anonymous report where it is empty) for lists with ties and a
    confidential track: every 7th a personnel complaint, every 3rd level 1, received over 20 days
    of November 2026; with ``subjects``, those in turn."""
    return [
        draft(
            kind=Kind.COMPLAINT if name else Kind.ANONYMOUS_REPORT,
            category=Category.PERSONNEL if n % 7 == 0 else Category.DAILY_OPERATIONS,
            level=Level.TWO if n % 3 else Level.ONE,
            complainant_name=name,
            complainant_email="iemand@example.be" if name else "",
            received_on=dt.date(2026, 11, 1 + n % 20),
            facts_on=None,
            **({} if subjects is None else {"subject": subjects[n % len(subjects)]}),
        )
        for n, name in enumerate(names)
    ]


def solved_at_once(services: Services, on: dt.date, **desc: object) -> str:
    """A complaint received and solved at once on ``on`` (level 1, Art. 6): correctly handled and
    closed. Its tracking number."""
    record = services.cases.register(draft(level=Level.ONE, received_on=on, facts_on=on, **desc))
    record = services.workflow.take(
        record.header.id,
        record.header.version,
        ActionKind.SOLVE_AT_ONCE,
        StepData(on=on, solution="Meteen rechtgezet."),
    )
    assert record.header.status == Status.CLOSED
    return record.tracking_number
