"""The demo data: realistic, varied, valid, deterministic, and in gap-free series."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from kina_desktop.db.models import (
    Account,
    Case,
    CaseDescription,
    CaseGroundFinding,
    CaseHold,
    CaseStep,
    TrackingCounter,
)
from kina_desktop.demo import data as demo_data
from kina_desktop.demo.fill import DemoService, RegisterNotEmpty
from kina_desktop.domain.enums import Admissibility, Category, Channel, InadmissibilityGround, Kind, Level, Role, Status
from kina_desktop.domain.holds import HoldReason, is_on_hold
from kina_desktop.domain.routes import steps_of
from kina_desktop.domain.validation import validate_closure, validate_description, validate_handling
from kina_desktop.domain.visibility import Viewer
from kina_desktop.domain.workdays import WorkingCalendar
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.case_service import refresh_deadlines, stored_days_on_hold
from kina_desktop.services.cases.case_state_store import load_state
from kina_desktop.services.cases.workflow import BOARD_MEETINGS, WORKING_GROUP_MEETINGS
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied
from tests.conftest import NOW
from tests.factories import draft


def _series(database) -> dict[int, list[int]]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(Case.year, Case.sequence)).all()
        counters = dict(conn.execute(select(TrackingCounter.year, TrackingCounter.last_sequence)).all())
    by_year: dict[int, list[int]] = defaultdict(list)
    for year, sequence in rows:
        by_year[year].append(sequence)
    assert set(by_year) == set(counters)
    for year, sequences in by_year.items():
        assert sorted(sequences) == list(range(1, counters[year] + 1)), f"gap or double in {year}"
    return dict(by_year)


@pytest.fixture
def demo(ctx) -> DemoService:
    return DemoService(ctx)


def test_there_are_27_member_ocmws() -> None:
    assert len(set(demo_data.MEMBER_OCMWS)) == 27
    assert "OCMW Malle" in demo_data.MEMBER_OCMWS


def test_demo_makes_the_number_asked_in_batches_without_gaps(demo, database) -> None:
    seen: list[tuple[int, int]] = []
    report = demo.generate(230, seed=5, batch_size=100, progress=lambda done, total: seen.append((done, total)))
    assert report.created == 230
    assert seen == [(100, 230), (200, 230), (230, 230)]
    series = _series(database)
    assert sum(len(s) for s in series.values()) == 230
    assert report.series == {year: (f"{year}-0001", f"{year}-{len(s):04d}") for year, s in series.items()}


def test_receipt_dates_cover_the_last_years_up_to_today(demo, ctx) -> None:
    demo.generate(400, seed=2)
    with ctx.database.read() as session:
        received = session.scalars(select(Case.received_on)).all()
    assert min(received) >= dt.date(2024, 1, 1)
    assert max(received) <= NOW.date()
    assert {d.year for d in received} == {2024, 2025, 2026}


def test_tracking_numbers_follow_the_order_of_registration(demo, ctx) -> None:
    demo.generate(300, seed=4)
    with ctx.database.read() as session:
        rows = session.execute(select(Case.year, Case.sequence, Case.registered_at)).all()
    for year in {r.year for r in rows}:
        ordered = sorted((r for r in rows if r.year == year), key=lambda r: r.sequence)
        assert [r.registered_at for r in ordered] == sorted(r.registered_at for r in ordered)
        assert all(r.registered_at.year == year for r in ordered)


def test_a_registration_after_the_demo_takes_the_next_number(demo, ctx, database) -> None:
    demo.generate(150, seed=1)
    last = max(_series(database)[2026])
    record = Services.for_context(ctx).cases.register(draft())
    assert record.tracking_number == f"2026-{last + 1:04d}"
    _series(database)


def test_demo_data_are_varied(demo, ctx) -> None:
    demo.generate(1500, seed=11)
    with ctx.database.read() as session:
        cases = session.execute(
            select(Case.kind, Case.category, Case.level, Case.status, Case.channel, Case.confidential)
        ).all()
        organisations = set(session.scalars(select(CaseDescription.organisation)))
        names = set(session.scalars(select(CaseDescription.complainant_name)))
        grounds = set(session.scalars(select(CaseGroundFinding.ground)))
        actions = set(session.scalars(select(CaseStep.action)))
        holds = set(session.scalars(select(CaseHold.reason)))
    kinds = Counter(Kind(c.kind) for c in cases)
    assert kinds[Kind.COMPLAINT] > 0.75 * len(cases)
    assert kinds[Kind.INFORMATION_REQUEST] > 0 and kinds[Kind.ANONYMOUS_REPORT] > 0
    assert {Category(c.category) for c in cases} == set(Category)
    assert {Level(c.level) for c in cases} == set(Level)
    assert {Channel(c.channel) for c in cases} == set(Channel)
    statuses = Counter(Status(c.status) for c in cases)
    assert statuses[Status.CLOSED] > 0.8 * len(cases)  # most of three years is handled
    assert len(statuses) >= 5
    assert sum(c.confidential for c in cases) > 10
    assert len(organisations & set(demo_data.MEMBER_OCMWS)) == 27
    assert organisations & set(demo_data.KINA_SERVICES)
    assert len(names) > 500
    assert "" in names  # the anonymous reports
    assert InadmissibilityGround.OLDER_THAN_SIX_MONTHS.value in grounds and len(grounds) >= 3
    assert {
        "acknowledge",
        "forward_to_handler",
        "complete_handling",
        "close",
        "solve_at_once",
        "answer",
        "keep_as_information",
        "confirm_in_writing",
        "refer_to_board",
        "record_working_group_meeting",
    } <= actions
    assert HoldReason.WRITTEN_CONFIRMATION.value in holds


def test_every_ready_view_has_something_to_show(demo, ctx) -> None:
    from kina_desktop.domain.views import CaseQuery, ReadyView

    demo.generate(1500, seed=11)
    case_list = Services.for_context(ctx).case_list
    for view in ReadyView:
        assert case_list.count(CaseQuery(view=view)) > 0, view


def test_demo_records_pass_the_validation_of_a_person_s_input(demo, ctx) -> None:
    demo.generate(400, seed=8)
    cases = Services.for_context(ctx).cases
    with ctx.database.read() as session:
        numbers = session.scalars(select(Case.tracking_number)).all()
    for number in numbers:
        record = cases.get(number)
        header, desc = record.header, record.description
        assert validate_description(desc, header.kind, header.level, NOW.date()) == [], number
        assert validate_handling(record.handling, header.received_on, NOW.date()) == [], number
        assert validate_closure(record.closure, header.received_on, NOW.date()) == [], number
        assert (header.status == Status.CLOSED) == (record.closure.closed_on is not None), number
        if header.status == Status.CLOSED and header.kind == Kind.COMPLAINT and header.level != Level.ONE:
            handled = record.handling.admissibility != Admissibility.UNDECIDED
            assert not handled or (record.closure.informed_on and record.closure.communication), number
        if header.category == Category.PERSONNEL and header.level != Level.ONE:
            assert header.confidential and desc.staff_member


def test_every_demo_case_stands_on_its_route_after_the_steps_it_took(demo, ctx) -> None:
    """The steps were taken by the workflow engine: they chain from the entry status to the
    stored status, on days between receipt and today, and the editor can show the route."""
    demo.generate(400, seed=12)
    workflow = Services.for_context(ctx).workflow
    with ctx.database.read() as session:
        for case in session.scalars(select(Case)).all():
            state = load_state(session, case)
            assert state.status in steps_of(state) or state.status == Status.CLOSED
            previous, day = None, state.received_on
            for step in state.steps:
                if step.to_status != step.from_status:
                    assert previous is None or step.from_status == previous, case.tracking_number
                    previous = step.to_status
                assert day <= step.on <= NOW.date(), case.tracking_number
                day = step.on
            assert previous is None or previous == state.status, case.tracking_number
            assert case.on_hold == is_on_hold(state.holds)
            assert case.version == 1 + len(state.steps)
    for case_id in range(1, 401, 37):
        progress = workflow.progress(case_id)
        assert progress.route.current == Status(progress.route.current)


def test_stored_deadlines_are_those_of_a_registration(demo, ctx) -> None:
    demo.generate(500, seed=9)
    calendar = WorkingCalendar()
    with ctx.database.read() as session:
        for case in session.scalars(select(Case)).all():
            expected = SimpleNamespace(
                kind=case.kind,
                level=case.level,
                status=case.status,
                received_on=case.received_on,
                acknowledged_on=case.acknowledged_on,
            )
            refresh_deadlines(expected, calendar, stored_days_on_hold(session, case, NOW.date()))  # type: ignore[arg-type]
            stored = (case.acknowledgement_due_on, case.handling_due_on, case.next_deadline_on)
            assert stored == (expected.acknowledgement_due_on, expected.handling_due_on, expected.next_deadline_on)


def _contents(request, folder, seed: int, **options) -> list[tuple]:
    from tests.conftest import make_database

    folder.mkdir()
    database = make_database("sqlite", request, folder)
    DemoService(ServiceContext(database, clock=lambda: NOW)).generate(120, seed=seed, **options)
    with database.engine.connect() as conn:
        cases = conn.execute(
            select(
                Case.tracking_number,
                Case.status,
                Case.next_deadline_on,
                CaseDescription.complainant_name,
                CaseDescription.subject,
            )
            .join(CaseDescription)
            .order_by(Case.tracking_number)
        ).all()
        steps = conn.execute(select(CaseStep.case_id, CaseStep.action, CaseStep.taken_on).order_by(CaseStep.id)).all()
    return cases + steps


def test_the_same_seed_gives_the_same_register(request, tmp_path) -> None:
    assert _contents(request, tmp_path / "a", 7) == _contents(request, tmp_path / "b", 7)
    assert _contents(request, tmp_path / "c", 7) != _contents(request, tmp_path / "d", 8)


def test_worker_processes_give_the_same_register(request, tmp_path) -> None:
    alone = _contents(request, tmp_path / "a", 5, batch_size=40, workers=0)
    shared = _contents(request, tmp_path / "b", 5, batch_size=40, workers=2)
    assert alone == shared


def test_meeting_dates_are_planned_unless_the_settings_have_them(demo, ctx) -> None:
    settings = Services.for_context(ctx).settings
    settings.set(WORKING_GROUP_MEETINGS, ["2026-12-08"])
    demo.generate(30, seed=1)
    board = [dt.date.fromisoformat(d) for d in settings.get(BOARD_MEETINGS)]
    assert all(d.weekday() == 3 and 15 <= d.day <= 21 for d in board)  # third Thursdays
    assert board[0] == dt.date(2024, 1, 18) and board[-1] == dt.date(2027, 12, 16)
    assert settings.get(WORKING_GROUP_MEETINGS) == ["2026-12-08"]


def test_demo_creates_its_staff_once(demo, ctx) -> None:
    demo.generate(50, seed=1)
    demo.generate(50, seed=2, allow_existing=True)
    with ctx.database.read() as session:
        usernames = session.scalars(select(Account.username)).all()
    assert sorted(usernames) == sorted(u for u, *_rest in demo_data.STAFF)


def test_demo_refuses_a_register_that_holds_cases(demo, ctx) -> None:
    Services.for_context(ctx).cases.register(draft())
    with pytest.raises(RegisterNotEmpty, match="bevat al 1 dossier;"):
        demo.generate(10)


def test_only_an_administrator_makes_demo_data(database) -> None:
    handler = Viewer(3, frozenset({Role.HANDLER, Role.TEAM}), "Behandelaar")
    with pytest.raises(PermissionDenied):
        DemoService(ServiceContext(database, handler, clock=lambda: NOW)).generate(10)


@pytest.mark.postgres
def test_after_a_demo_register_the_search_indexes_have_nothing_pending(request, tmp_path, director) -> None:
    """PostgreSQL: the trigram indexes' pending lists are merged after the bulk load, so search
    as you type does not read them whole until autovacuum comes by (db/search_index.py)."""
    from kina_desktop.db.search_index import clean_pending_lists
    from tests.conftest import NOW, make_database

    database = make_database("postgresql", request, tmp_path)
    DemoService(ServiceContext(database, director, clock=lambda: NOW)).generate(400, seed=3)
    with database.write() as session:
        assert clean_pending_lists(session.connection()) == 0


def test_demo_complainants_sort_by_family_name_as_registered_ones_do(demo, ctx) -> None:  # type: ignore[no-untyped-def]
    from kina_desktop.domain.text import family_name_key

    demo.generate(60, seed=3)
    with ctx.database.read() as session:
        rows = session.execute(
            select(CaseDescription.complainant_name, CaseDescription.sort_name, Case.list_name, Case.confidential).join(
                Case, Case.id == CaseDescription.case_id
            )
        ).all()
    assert any(sort_name for _name, sort_name, _key, _confidential in rows)
    for name, sort_name, list_name, confidential in rows:
        assert sort_name == family_name_key(name)
        assert list_name == ("" if confidential else sort_name)  # the header's key (db/list_keys.py)
