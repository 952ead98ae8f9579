"""Art. 5: registering, finding back and editing the three parts of a case, on SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.complaint import CaseChanges, Closure, Handling
from kina_desktop.domain.enums import Admissibility, Category, Kind, Level, Role, Status, Verdict
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import CaseNotFound, ConcurrentEdit, PermissionDenied, RuleViolation, ValidationFailed
from tests.conftest import NOW
from tests.factories import description, draft


@pytest.fixture
def services(ctx: ServiceContext) -> Services:
    return Services.for_context(ctx)


def test_every_complaint_gets_a_tracking_number_of_its_year_at_registration(services: Services) -> None:
    first = services.cases.register(draft())
    second = services.cases.register(draft(complainant_name="An Janssens"))
    assert first.tracking_number == "2026-0001"
    assert second.tracking_number == "2026-0002"


def test_tracking_numbers_start_a_new_series_each_year(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    services.cases.register(draft())
    next_year = ServiceContext(ctx.database, ctx.viewer, clock=lambda: dt.datetime(2027, 1, 4, 9, 0))
    record = Services.for_context(next_year).cases.register(draft(received_on=dt.date(2027, 1, 4)))
    assert record.tracking_number == "2027-0001"


def test_a_refused_registration_uses_no_tracking_number(services: Services) -> None:
    with pytest.raises(ValidationFailed):
        services.cases.register(draft(subject=""))
    assert services.cases.register(draft()).tracking_number == "2026-0001"


def test_registration_keeps_all_three_parts_of_art5(services: Services) -> None:
    record = services.cases.register(draft())
    loaded = services.cases.get(record.tracking_number)
    assert loaded.description == description()
    assert loaded.handling == Handling()
    assert loaded.closure == Closure()
    assert loaded.header.status == Status.REGISTERED
    assert loaded.header.kind == Kind.COMPLAINT


def test_acknowledgement_is_due_five_working_days_after_receipt(services: Services) -> None:
    # Received Friday 20 November 2026: 23, 24, 25, 26, 27 November are working days.
    record = services.cases.register(draft(received_on=dt.date(2026, 11, 20)))
    rows = services.case_list.page(CaseQuery())
    assert rows[0].next_deadline == dt.date(2026, 11, 27)
    assert record.header.received_on == dt.date(2026, 11, 20)


def test_each_part_is_edited_and_saved(services: Services) -> None:
    registered = services.cases.register(draft())
    record = services.workflow.take(
        registered.header.id, registered.header.version, ActionKind.FORWARD_TO_HANDLER, StepData(on=NOW.date())
    )
    saved = services.cases.save(
        CaseChanges(
            record.header.id,
            record.header.version,
            description=replace(record.description, subject="Wachttijd aan het onthaal"),
            handling=replace(record.handling, investigation="Gesprek met de onthaalmedewerker."),
            closure=record.closure,
        )
    )
    again = services.cases.get(record.tracking_number)
    assert again == saved
    assert again.description.subject == "Wachttijd aan het onthaal"
    assert again.handling.investigation == "Gesprek met de onthaalmedewerker."
    assert again.header.version == record.header.version + 1


@pytest.mark.parametrize(
    ("part", "change", "step"),
    [
        ("handling", {"verdict": Verdict.FOUNDED}, "‘Oordeel geven’"),
        ("handling", {"admissibility": Admissibility.ADMISSIBLE}, "‘Ontvankelijkheid beoordelen’"),
        ("handling", {"measures": "Extra bezetting op maandag."}, "‘Oordeel geven’"),
        ("closure", {"informed_on": dt.date(2026, 11, 23)}, "‘Afsluiten’"),
        ("closure", {"closed_on": dt.date(2026, 11, 24)}, "‘Afsluiten’"),
    ],
)
def test_a_fact_a_step_records_is_not_changed_in_the_form(services: Services, part, change, step) -> None:
    """One way to record each fact: the register never contradicts its route (domain/step_owned.py)."""
    record = services.cases.register(draft())
    record = services.workflow.take(
        record.header.id, record.header.version, ActionKind.FORWARD_TO_HANDLER, StepData(on=NOW.date())
    )
    edited = {part: replace(getattr(record, part), **change)}
    with pytest.raises(RuleViolation, match=step):
        services.cases.save(CaseChanges(record.header.id, record.header.version, **edited))
    assert services.cases.get(record.tracking_number) == record


def test_handling_part_waits_until_the_case_is_with_the_handler(services: Services) -> None:
    record = services.cases.register(draft())
    with pytest.raises(RuleViolation, match="Art. 6"):
        services.cases.save(
            CaseChanges(record.header.id, record.header.version, handling=Handling(investigation="Te vroeg"))
        )
    assert services.cases.get(record.tracking_number).handling == Handling()


def test_category_and_level_change_only_with_a_reason(services: Services) -> None:
    record = services.cases.register(draft())
    with pytest.raises(RuleViolation, match="Art. 3 en 6"):
        services.cases.save(CaseChanges(record.header.id, record.header.version, level=Level.THREE))
    assert services.cases.get(record.tracking_number).header.level == Level.TWO


def test_invalid_edit_changes_nothing(services: Services) -> None:
    record = services.cases.register(draft())
    with pytest.raises(ValidationFailed) as caught:
        services.cases.save(
            CaseChanges(
                record.header.id,
                record.header.version,
                description=replace(record.description, complainant_email="geen-adres", subject="Nieuw"),
            )
        )
    assert [p.field for p in caught.value.problems] == ["complainant_email"]
    assert services.cases.get(record.tracking_number) == record


def test_second_save_of_the_same_version_is_refused_with_what_the_other_changed(ctx: ServiceContext) -> None:
    first = Services.for_context(ctx)
    other = Services.for_context(
        ServiceContext(ctx.database, Viewer(None, frozenset(Role), "Collega Els"), clock=ctx.clock)
    )
    record = first.cases.register(draft())
    other.cases.save(
        CaseChanges(
            record.header.id,
            record.header.version,
            description=replace(record.description, subject="Gewijzigd door Els"),
        )
    )
    with pytest.raises(ConcurrentEdit) as caught:
        first.cases.save(
            CaseChanges(
                record.header.id,
                record.header.version,
                description=replace(record.description, text="Mijn eigen aanvulling"),
            )
        )
    assert caught.value.changed_by == "Collega Els"
    assert ("Onderwerp", "Lange wachttijd aan het loket", "Gewijzigd door Els") in caught.value.changes
    assert "Collega Els" in str(caught.value)
    assert first.cases.get(record.tracking_number).description.text == description().text


def test_unknown_tracking_number_is_reported(services: Services) -> None:
    with pytest.raises(CaseNotFound, match="2026-0999"):
        services.cases.get("2026-0999")
    with pytest.raises(CaseNotFound):
        services.cases.get("geen nummer")


def test_search_finds_by_name_without_accents_and_by_number(services: Services) -> None:
    services.cases.register(draft(complainant_name="Sofié Van Damme"))
    services.cases.register(draft(complainant_name="Jan Peeters", subject="Parking"))
    assert [r.complainant_name for r in services.case_list.page(CaseQuery(search="sofie"))] == ["Sofié Van Damme"]
    assert [r.tracking_number for r in services.case_list.page(CaseQuery(search="2026-0002"))] == ["2026-0002"]
    assert services.case_list.count(CaseQuery(search="van dam")) == 1
    assert services.case_list.count(CaseQuery(search="%")) == 0
    assert services.case_list.count(CaseQuery(search="_")) == 0


def test_list_is_sorted_and_paged_by_the_database(services: Services) -> None:
    for name in ["Charlotte", "Arne", "Bart"]:
        services.cases.register(draft(complainant_name=name))
    query = CaseQuery(sort=SortKey.COMPLAINANT, descending=False)
    assert [r.complainant_name for r in services.case_list.page(query)] == ["Arne", "Bart", "Charlotte"]
    assert [r.complainant_name for r in services.case_list.page(query, offset=1, limit=1)] == ["Bart"]
    newest_first = services.case_list.page(CaseQuery(sort=SortKey.TRACKING_NUMBER, descending=True))
    assert [r.tracking_number for r in newest_first] == ["2026-0003", "2026-0002", "2026-0001"]


def test_ready_views_to_acknowledge_and_overdue(services: Services) -> None:
    recent = services.cases.register(draft(received_on=dt.date(2026, 11, 20)))
    services.cases.register(draft(received_on=dt.date(2026, 10, 1), facts_on=dt.date(2026, 9, 30)))
    services.cases.register(draft(kind=Kind.INFORMATION_REQUEST))
    to_ack = services.case_list.page(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE))
    overdue = services.case_list.page(CaseQuery(view=ReadyView.OVERDUE))
    assert {r.tracking_number for r in to_ack} == {"2026-0001", "2026-0002"}
    assert [r.tracking_number for r in overdue] == ["2026-0002"]
    assert recent.tracking_number not in {r.tracking_number for r in overdue}


def test_personnel_case_is_confidential_for_a_colleague_but_not_for_the_director(ctx: ServiceContext) -> None:
    receiver = Viewer(7, frozenset({Role.RECEIVER}), "Ontvanger")
    colleague = Viewer(8, frozenset({Role.HANDLER, Role.TEAM}), "Collega")
    as_receiver = Services.for_context(ServiceContext(ctx.database, receiver, clock=ctx.clock))
    as_colleague = Services.for_context(ServiceContext(ctx.database, colleague, clock=ctx.clock))
    director = Services.for_context(ctx)
    record = director.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            staff_member="Karel Geheim",
            complainant_name="Petra Klaagster",
            subject="Onheus gedrag",
        )
    )
    seen = as_colleague.cases.get(record.tracking_number)
    assert seen.description is None and seen.handling is None and seen.closure is None
    assert seen.header.tracking_number == record.tracking_number
    row = as_colleague.case_list.page(CaseQuery())[0]
    assert row.redacted and row.complainant_name == "" and row.subject == ""
    assert as_colleague.case_list.count(CaseQuery(search="Geheim")) == 0
    assert as_colleague.case_list.count(CaseQuery(search="Petra")) == 0
    assert as_receiver.cases.get(record.tracking_number).description is None  # not the one who registered it
    assert director.cases.get(record.tracking_number).handling is not None
    with pytest.raises(PermissionDenied):
        as_colleague.cases.save(
            CaseChanges(record.header.id, record.header.version, handling=Handling(investigation="x"))
        )


def test_now_is_the_fixed_test_clock(ctx: ServiceContext) -> None:
    assert ctx.today() == NOW.date()


def test_a_handler_alone_does_not_register_complaints(ctx: ServiceContext) -> None:
    handler = Services.for_context(
        ServiceContext(ctx.database, Viewer(None, frozenset({Role.HANDLER}), "H"), clock=ctx.clock)
    )
    with pytest.raises(PermissionDenied, match="Art. 5"):
        handler.cases.register(draft())
    assert Services.for_context(ctx).case_list.count(CaseQuery()) == 0


def test_a_closed_case_is_not_changed_until_it_is_reopened(services: Services) -> None:
    """Art. 7: after ‘Afsluiten’ nothing changes, until ‘Heropenen’ with a reason."""
    record = services.cases.register(draft(level=Level.ONE))
    record = services.workflow.take(
        record.header.id,
        record.header.version,
        ActionKind.SOLVE_AT_ONCE,
        StepData(on=NOW.date(), solution="Uitgelegd."),
    )
    changed = CaseChanges(
        record.header.id, record.header.version, description=replace(record.description, subject="Iets anders")
    )
    with pytest.raises(RuleViolation, match="Heropenen"):
        services.cases.save(changed)
    with pytest.raises(RuleViolation, match="Reden"):
        services.workflow.take(record.header.id, record.header.version, ActionKind.REOPEN, StepData(on=NOW.date()))
    reopened = services.workflow.take(
        record.header.id, record.header.version, ActionKind.REOPEN, StepData(on=NOW.date(), reason="Nog een vraag.")
    )
    saved = services.cases.save(replace(changed, expected_version=reopened.header.version))
    assert saved.description.subject == "Iets anders" and saved.header.status == Status.REGISTERED
