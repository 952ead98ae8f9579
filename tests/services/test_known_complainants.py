"""Known complainants in the register (Art. 3), on SQLite and PostgreSQL: earlier cases,
name completion, the 'already correctly handled' proposal in the admissibility step — and the
confidential track (Art. 6): nobody learns of a personnel case they may not read."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.db.models import Account
from kina_desktop.domain.enums import Category, InadmissibilityGround, Kind, Level, Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, ValidationFailed
from kina_desktop.services.organisation.organisation_lists import ListProblem
from tests.conftest import NOW
from tests.factories import draft, solved_at_once

RITA = Viewer(11, frozenset({Role.RECEIVER}), "Rita Ontvanger")
ROB = Viewer(12, frozenset({Role.RECEIVER}), "Rob Ontvanger")
DIRK = Viewer(13, frozenset({Role.DIRECTOR}), "Dirk Directeur")
ADMIN = Viewer(14, frozenset({Role.ADMINISTRATOR}), "Arne Beheerder")
EARLY = dt.date(2026, 9, 1)


def as_(ctx: ServiceContext, viewer: Viewer) -> Services:
    return Services.for_context(ServiceContext(ctx.database, viewer, clock=lambda: NOW))


@pytest.fixture
def people(ctx: ServiceContext) -> ServiceContext:
    with ctx.database.write() as session:
        for v in (RITA, ROB, DIRK, ADMIN):
            session.add(Account(id=v.user_id, username=f"known{v.user_id}", display_name=v.display_name))
    return ctx


def test_earlier_cases_of_a_known_complainant_and_the_proposal(people: ServiceContext) -> None:
    rita = as_(people, RITA)
    handled = solved_at_once(
        rita, EARLY, complainant_name="Jan Peeters", subject="Factuur maaltijden te hoog", complainant_email=""
    )
    other_facts = rita.cases.register(
        draft(
            complainant_name="Jan Peeters",
            subject="Wachttijd loket",
            complainant_email="",
            received_on=EARLY,
            facts_on=EARLY,
        )
    ).tracking_number
    rita.cases.register(
        draft(
            complainant_name="Jan Peeters",
            complainant_street="Dorpsplein 3",
            complainant_postal_code="2000",
            complainant_city="Antwerpen",
            complainant_email="",
            subject="Factuur maaltijden",
        )
    )  # a namesake
    by_mail = rita.cases.register(
        draft(
            complainant_name="J. P.",
            complainant_email="JAN@example.be",
            subject="Iets anders",
            received_on=EARLY,
            facts_on=EARLY,
        )
    ).tracking_number

    new = draft(
        complainant_name="PEETERS Jän",
        complainant_email="jan@example.be",
        subject="De factuur van de maaltijden is te hoog",
    )
    known = rita.case_list.known_complainant(new)
    assert {k.tracking_number for k in known.cases} == {handled, other_facts, by_mail}
    assert {k.tracking_number: k.same_facts for k in known.cases}[handled] is True
    assert known.proposal is not None and known.proposal.ground == InadmissibilityGround.ALREADY_HANDLED
    assert known.proposal.earlier_cases == (handled,)

    # registered: the proposal comes back pre-checked in the admissibility step, undecided
    record = rita.cases.register(new)
    progress = rita.workflow.progress(record.header.id)
    [proposal] = [p for p in progress.proposals if p.ground == InadmissibilityGround.ALREADY_HANDLED]
    assert proposal.earlier_cases == (handled,)
    assert rita.cases.get(record.tracking_number).handling.admissibility.value == "undecided"
    # the new case itself is not one of its earlier cases
    assert record.tracking_number not in {
        k.tracking_number for k in rita.case_list.known_complainant(new, exclude_case_id=record.header.id).cases
    }


def test_nobody_learns_of_a_confidential_case_they_may_not_read(people: ServiceContext) -> None:
    rob, dirk = as_(people, ROB), as_(people, DIRK)
    secret = as_(people, RITA).cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            complainant_name="Petra Klaagster",
            complainant_email="petra@example.be",
            subject="Scheldwoorden aan het onthaal",
            received_on=EARLY,
            facts_on=EARLY,
        )
    )
    new = draft(complainant_name="Petra Klaagster", complainant_email="petra@example.be", subject="Scheldwoorden")
    assert rob.case_list.known_complainant(new).cases == ()
    assert rob.case_list.complainant_suggestions("petra") == []
    assert as_(people, RITA).case_list.known_complainant(new).cases[0].tracking_number == secret.tracking_number
    assert [k.tracking_number for k in dirk.case_list.known_complainant(new).cases] == [secret.tracking_number]
    assert [c.name for c in dirk.case_list.complainant_suggestions("petra")] == ["Petra Klaagster"]
    # Rob's own new case does not get a proposal that points at the secret one
    record = rob.cases.register(new)
    assert rob.workflow.progress(record.header.id).proposals == ()


def test_name_completion_matches_case_and_accents_aside_with_the_latest_address(people: ServiceContext) -> None:
    rita = as_(people, RITA)
    rita.cases.register(
        draft(complainant_name="Sofié Maes", complainant_street="Oude straat 1", received_on=EARLY, facts_on=EARLY)
    )
    rita.cases.register(draft(complainant_name="Sofié Maes", complainant_street="Oude straat 1"))
    rita.cases.register(draft(complainant_name="Sofie Maesen", complainant_street="Lei 4", complainant_city="Lier"))
    rita.cases.register(draft(complainant_name="Jan Peeters", subject="Maes en zo"))
    found = rita.case_list.complainant_suggestions("MAES")
    assert [(c.name, c.street) for c in found] == [("Sofié Maes", "Oude straat 1"), ("Sofie Maesen", "Lei 4")]
    assert found[0].email == "jan.peeters@example.be"  # the factory's address: what the latest case had
    assert [c.name for c in rita.case_list.complainant_suggestions("sofie m")] == ["Sofié Maes", "Sofie Maesen"]
    assert rita.case_list.complainant_suggestions("s") == []


def test_the_lists_of_member_ocmws_and_services_are_settings_only_an_administrator_changes(
    people: ServiceContext,
) -> None:
    rita, admin = as_(people, RITA), as_(people, ADMIN)
    assert len(rita.lists.member_ocmws()) == 27 and "OCMW Zoersel" in rita.lists.organisations()
    with pytest.raises(PermissionDenied):
        rita.lists.set_member_ocmws(["OCMW Nergens"])
    stored = admin.lists.set_member_ocmws(["OCMW Malle", " ocmw malle ", "", "OCMW Zoersel"])
    assert stored == ["OCMW Malle", "OCMW Zoersel"]
    admin.lists.set_kina_services(["KINA – Onthaal"])
    assert rita.lists.organisations() == ["OCMW Malle", "OCMW Zoersel", "KINA – Onthaal"]
    with pytest.raises(ListProblem):
        admin.lists.set_kina_services(["x" * 201])
    assert rita.lists.kina_services() == ["KINA – Onthaal"]


def test_registering_several_at_once_is_all_or_nothing(people: ServiceContext) -> None:
    rita = as_(people, RITA)
    with pytest.raises(ValidationFailed):
        rita.cases.register_all([draft(), draft(subject="")])
    assert rita.cases.register_all([draft(), draft(kind=Kind.INFORMATION_REQUEST)])[1].tracking_number == "2026-0002"


def test_the_earlier_cases_of_namesakes_are_not_listed_on_the_name_alone(people: ServiceContext) -> None:
    """GDPR: three people called Sofie Maes / Maës in three towns. A registration with only the
    name lists none of their cases; with the address of one, only that one, and says why."""
    rita = as_(people, RITA)
    towns = [
        ("Sofie Maes", "sofie.maes@brugge.be", "Markt 1", "8000", "Brugge"),
        ("Sofie Maës", "sofie@malle.be", "Kerkstraat 12", "2390", "Malle"),
        ("MAES, Sofie", "", "Veldstraat 4", "9000", "Gent"),
    ]
    numbers = [
        rita.cases.register(
            draft(
                complainant_name=name,
                complainant_email=email,
                complainant_street=street,
                complainant_postal_code=postal,
                complainant_city=city,
                received_on=EARLY,
                facts_on=EARLY,
            )
        ).tracking_number
        for name, email, street, postal, city in towns
    ]
    nobody = dict(complainant_email="", complainant_street="", complainant_postal_code="", complainant_city="")
    assert rita.case_list.known_complainant(draft(complainant_name="Sofie Maes", **nobody)).cases == ()
    at_malle = draft(
        complainant_name="Sofie Maes",
        complainant_email="",
        complainant_street="Kerkstraat 12",
        complainant_postal_code="2390",
        complainant_city="Malle",
    )
    assert [(k.tracking_number, k.reason) for k in rita.case_list.known_complainant(at_malle).cases] == [
        (numbers[1], "zelfde naam en adres")
    ]
    other_mail = draft(
        complainant_name="Sofie Maes",
        complainant_email="sofie@elders.be",
        **{k: v for k, v in nobody.items() if k != "complainant_email"},
    )
    assert rita.case_list.known_complainant(other_mail).cases == ()
