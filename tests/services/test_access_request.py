"""A complainant's request for access (GDPR art. 15): everything about one person as
JSON and PDF — their own data, the letters sent to them and the files they sent in, but not the
staff member of a personnel complaint, not internal notes, and for a personnel complaint nothing
of the outcome beyond what Art. 7 allows. Only the director or an administrator makes it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import select

from kina_desktop.db.models import AuditEvent
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, RuleViolation
from tests.factories import draft
from tests.reports.pdf_reading import reader, text
from tests.services.retention_cases import Person, closed_complaint, handler_account

SOFIE = Person("Sofie Maës", "Sofie.Maes@Example.be", "Dorpsstraat 7", secret="Appelboom")
SOFIE_PERSONNEL = Person(
    "sofie maes", "andere@example.be", "Dorpsstraat 7", staff_member="Karel Geheimhouder", secret="Perenboom"
)
OTHER = Person("Jan Peeters", "jan@example.be", "Kerkstraat 12", secret="Kersenboom")


def as_(ctx: ServiceContext, *roles: Role, name: str = "Dirk Directeur") -> Services:
    return Services.for_context(dataclasses.replace(ctx, viewer=Viewer(None, frozenset(roles), name)))


@pytest.fixture
def cases(ctx: ServiceContext) -> dict[str, str]:
    handler = handler_account(ctx.database)
    return {
        "sofie": closed_complaint(
            ctx.database, ctx.viewer, SOFIE, dt.date(2026, 3, 3), handler_id=handler
        ).tracking_number,
        "personnel": closed_complaint(
            ctx.database, ctx.viewer, SOFIE_PERSONNEL, dt.date(2026, 3, 10), personnel=True
        ).tracking_number,
        "other": closed_complaint(
            ctx.database, ctx.viewer, OTHER, dt.date(2026, 3, 17), handler_id=handler
        ).tracking_number,
        # Only the e-mail address is the same: still hers.
        "by_email": as_(ctx, *Role)
        .cases.register(draft(complainant_name="S. M.", complainant_email="sofie.maes@example.BE"))
        .tracking_number,
    }


def test_the_complainant_gets_their_own_cases_by_name_or_email(ctx: ServiceContext, cases: dict[str, str]) -> None:
    requests = as_(ctx, Role.DIRECTOR).access_requests
    by_name = requests.find(name="SOFIE MAES")
    assert [c.tracking_number for c in by_name.cases] == [cases["sofie"], cases["personnel"]]
    both = requests.find(name="Sofie Maes", email="sofie.maes@example.be")
    assert [c.tracking_number for c in both.cases] == [cases["sofie"], cases["personnel"], cases["by_email"]]
    assert both.cases[0].matched == ("naam", "e-mailadres") and both.cases[2].matched == ("e-mailadres",)
    assert cases["other"] not in [c.tracking_number for c in both.cases]
    data = json.loads(requests.json_bytes(requests.confirm(both, [c.tracking_number for c in both.cases])))
    sofie = data["dossiers"][0]
    assert sofie["beschrijving"]["complainant_street"] == "Dorpsstraat 7"
    assert sofie["beschrijving"]["text"] == "Klacht Appelboom"
    assert sofie["behandeling"]["verdict_motivation"] == "Motivering Appelboom"
    assert sofie["afronding"]["communication"] == "Meegedeeld Appelboom"
    assert [letter["soort"] for letter in sofie["brieven"]] == ["acknowledgement"]
    assert {d["bestand"] for d in sofie["documenten"]} >= {"brief van Sofie Maës.pdf"}


def test_a_personnel_complaint_gives_no_staff_member_and_no_outcome(ctx: ServiceContext, cases: dict[str, str]) -> None:
    requests = as_(ctx, Role.DIRECTOR).access_requests
    found = requests.find(name="Sofie Maes")
    export = requests.confirm(found, [c.tracking_number for c in found.cases])
    personnel = next(c for c in export.cases if c.tracking_number == cases["personnel"])
    assert personnel.personnel
    content = requests.json_bytes(export).decode("utf-8")
    for withheld in (
        "Karel Geheimhouder",
        "Motivering Perenboom",
        "Maatregel Perenboom",
        "Team Appelboom",
        "Belang Appelboom",
    ):
        assert withheld not in content, withheld
    assert "Meegedeeld Perenboom" in content  # what the complainant was told is theirs
    pdf = requests.pdf_bytes(export)
    words = text(pdf)
    assert "Karel Geheimhouder" not in words and "Motivering Perenboom" not in words
    assert "Inzage in uw gegevens" in words and "Sofie Maës" in words and cases["personnel"] in words
    assert "personeelsaangelegenheid" in words


def test_the_pdf_uses_the_letter_fonts(ctx: ServiceContext, cases: dict[str, str]) -> None:
    requests = as_(ctx, Role.ADMINISTRATOR, name="Arne Beheerder").access_requests
    found = requests.find(email="jan@example.be")
    pdf = requests.pdf_bytes(requests.confirm(found, [c.tracking_number for c in found.cases]))
    fonts = {str(f["/BaseFont"]) for page in reader(pdf).pages for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in f for f in fonts)
    assert "Jan Peeters" in text(pdf) and "Wij vonden 1 dossier." in text(pdf)


def test_only_the_director_or_an_administrator_answers_an_access_request(ctx: ServiceContext) -> None:
    for role in (Role.RECEIVER, Role.HANDLER, Role.TEAM):
        with pytest.raises(PermissionDenied, match="directeur of een beheerder"):
            as_(ctx, role).access_requests.find(name="Sofie Maes")
    with pytest.raises(RuleViolation, match="naam of het e-mailadres"):
        as_(ctx, Role.DIRECTOR).access_requests.find()
    with pytest.raises(RuleViolation, match="geen e-mailadres"):
        as_(ctx, Role.DIRECTOR).access_requests.find(email="sofie")


def test_the_access_request_is_recorded_without_the_persons_name(ctx: ServiceContext, cases: dict[str, str]) -> None:
    as_(ctx, Role.DIRECTOR).access_requests.find(name="Sofie Maes")
    with ctx.database.read() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.field == "access_request")).all()
    assert len(events) == 3 and {e.actor_name for e in events} == {"Dirk Directeur"}
    assert [e.new_value for e in events if e.case_id is None] == ["2"]
    assert not [e for e in events if "Sofie" in e.new_value]


def test_a_pseudonymised_case_is_no_longer_found(ctx: ServiceContext, cases: dict[str, str]) -> None:
    admin = as_(ctx, Role.ADMINISTRATOR, Role.DIRECTOR, name="Arne Beheerder")
    admin.retention.set_period_years(1)
    later = Services.for_context(dataclasses.replace(admin.ctx, clock=lambda: dt.datetime(2027, 12, 1, 9)))
    assert later.retention.preview().count == 3
    if not ctx.database.is_sqlite:  # the server checks the period against its own date
        return
    later.retention.pseudonymise(confirmed_by="Arne Beheerder")
    assert [c.tracking_number for c in later.access_requests.find(name="Sofie Maes").cases] == []
    assert [c.tracking_number for c in later.access_requests.find(email="sofie.maes@example.be").cases] == [
        cases["by_email"]
    ]


def test_an_access_request_by_name_exports_nothing_of_a_namesake_until_a_person_ticks_the_cases(
    ctx: ServiceContext, cases: dict[str, str]
) -> None:
    """GDPR art. 15 and 33: a search by name finds namesakes. What tells them apart is shown (town,
    e-mail domain, another e-mail address than the request's), nothing leaves the program until a
    person ticked the requester's cases, and the export holds only those, recorded per case."""
    namesake = closed_complaint(
        ctx.database,
        ctx.viewer,
        Person("Sofie Maës", "sofie@brugge.example", "Markt 1", secret="Pruimenboom", city="Brugge"),
        dt.date(2026, 4, 2),
    ).tracking_number
    requests = as_(ctx, Role.DIRECTOR).access_requests
    found = requests.find(name="Sofie Maes", email="sofie.maes@example.be")
    other = next(c for c in found.cases if c.tracking_number == namesake)
    assert other.town == "Brugge" and other.email_domain == "brugge.example" and other.email_differs
    for export in (requests.json_bytes, requests.pdf_bytes):
        with pytest.raises(RuleViolation, match="Vink eerst de dossiers aan"):
            export(found)
    with pytest.raises(RuleViolation, match="Vink eerst"):
        requests.confirm(found, [])
    mine = requests.confirm(found, [cases["sofie"], cases["by_email"]])
    content = requests.json_bytes(mine).decode("utf-8") + text(requests.pdf_bytes(mine))
    assert "Pruimenboom" not in content and "Brugge" not in content and namesake not in content
    assert "niet doorzoeken" not in content and "Wij vonden 2 dossiers." in content
    with ctx.database.read() as session:
        confirmed = session.scalars(
            select(AuditEvent).where(AuditEvent.field == "access_request_confirmed").order_by(AuditEvent.id)
        ).all()
    assert len(confirmed) == 2 and {e.actor_name for e in confirmed} == {"Dirk Directeur"}
