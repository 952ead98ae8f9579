"""Builders of valid registrations for tests: a test states only what it is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kina_desktop.domain.complaint import ComplaintDraft, Description
from kina_desktop.domain.enums import Category, Channel, Kind, Level


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
