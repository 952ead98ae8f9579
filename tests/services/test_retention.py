"""Retention (GDPR): closed cases older than the archivist's retention period are
pseudonymised on the administrator's confirmation — names, addresses, contact details, free text
and documents removed, in the parts and in the history — while the figures of old annual reports
stay the same; a legal hold (a court case) keeps a case whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import String, Text, select

from kina_desktop.db.engine import Database
from kina_desktop.db.models import AuditEvent, Base, Case, Document, Letter
from kina_desktop.demo.fill import DemoService
from kina_desktop.domain.enums import Role
from kina_desktop.domain.retention import PSEUDONYMISED_MARK
from kina_desktop.domain.views import CaseQuery
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.history import HistoryAction
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, RuleViolation
from tests.conftest import NOW
from tests.services.retention_cases import Person, closed_complaint, handler_account

SOFIE = Person("Sofie Maes", "sofie.maes@example.be", "Dorpsstraat 7", secret="Appelboom")
PIET = Person(
    "Piet Verstraeten", "piet@example.be", "Molenweg 3", staff_member="Karel Geheimhouder", secret="Perenboom"
)
RECENT = Person("Recente Klager", "recent@example.be", "Nieuwstraat 1", secret="Kersenboom")
ADMIN = Viewer(None, frozenset({Role.ADMINISTRATOR}), "Arne Beheerder")
PERSONAL = [
    SOFIE.name,
    SOFIE.email,
    SOFIE.street,
    SOFIE.secret,
    PIET.name,
    PIET.email,
    PIET.street,
    PIET.staff_member,
    PIET.secret,
    f"brief van {SOFIE.name}",
]


def as_(ctx: ServiceContext, viewer: Viewer) -> Services:
    return Services.for_context(dataclasses.replace(ctx, viewer=viewer))


@pytest.fixture
def register(ctx: ServiceContext) -> dict[str, str]:
    """A register as of mid-2021 (demo cases of 2019-2021) plus three walked cases with letters,
    scans, hold notes and step notes; today is 24 November 2026; the default period is 5 years."""
    DemoService(dataclasses.replace(ctx, clock=lambda: dt.datetime(2021, 6, 1, 10))).generate(250, seed=5)
    handler = handler_account(ctx.database)
    numbers = {
        "sofie": closed_complaint(ctx.database, ctx.viewer, SOFIE, dt.date(2019, 3, 5), handler_id=handler),
        "piet": closed_complaint(ctx.database, ctx.viewer, PIET, dt.date(2019, 3, 12), personnel=True),
        # closed in 2022: within the retention period today
        "recent": closed_complaint(ctx.database, ctx.viewer, RECENT, dt.date(2022, 3, 8), handler_id=handler),
    }
    return {key: record.tracking_number for key, record in numbers.items()}


def all_texts(database: Database) -> str:
    """Every text value of every table, read as the owner of the database."""
    found = []
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
            for row in conn.execute(select(*columns)) if columns else ():
                found += [str(v) for v in row if v]
    return "\n".join(found)


def test_closed_case_past_retention_is_pseudonymised(ctx: ServiceContext, register: dict[str, str]) -> None:
    services = as_(ctx, ctx.viewer)
    assert services.retention.period_years() == 5
    plan = services.retention.preview()
    assert register["sofie"] in plan.tracking_numbers and register["piet"] in plan.tracking_numbers
    assert register["recent"] not in plan.tracking_numbers
    assert plan.documents >= 4 and plan.letters >= 2  # two scans and two acknowledgements at least
    assert all(c.closed_on < dt.date(2021, 11, 24) for c in plan.due)

    done = services.retention.pseudonymise(ctx.today(), confirmed_by="Arne Beheerder")
    assert done.tracking_numbers == plan.tracking_numbers

    texts = all_texts(ctx.database)
    for personal in PERSONAL:
        assert personal not in texts, personal
    assert RECENT.name in texts and RECENT.secret in texts  # within the period: untouched
    sofie = services.cases.get(register["sofie"])
    assert sofie.header.pseudonymised_on == NOW.date()
    assert sofie.description.complainant_name == sofie.description.complainant_phone == ""
    assert sofie.description.organisation == "OCMW Zoersel"
    assert sofie.description.received_on == dt.date(2019, 3, 5) and sofie.description.facts_on is not None
    assert sofie.handling.measures == PSEUDONYMISED_MARK and sofie.handling.verdict_motivation == ""
    assert sofie.closure.communication == "" and sofie.closure.closed_on == dt.date(2019, 3, 12)
    assert services.documents.list(sofie.header.id) == []
    letters = services.letters.letters(sofie.header.id)
    assert [letter.kind.value for letter in letters] == ["acknowledgement"] and letters[0].document_id is None
    # Search by the member OCMW still finds it; by the name no longer.
    found = services.case_list.page(CaseQuery(search="zoersel"), limit=10_000)
    assert register["sofie"] in [c.tracking_number for c in found]
    assert services.case_list.count(CaseQuery(search="sofie maes")) == 0
    # A second run finds nothing left to do.
    assert services.retention.preview().count == 0


def test_the_figures_of_an_old_annual_report_stay_the_same(ctx: ServiceContext, register: dict[str, str]) -> None:
    services = as_(ctx, ctx.viewer)
    years = (2019, 2020, 2021)
    before = {y: services.statistics.figures(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in years}
    report_before = {y: services.annual_report.data(y) for y in years}
    team = as_(ctx, Viewer(None, frozenset({Role.TEAM}), "Tine Team"))
    team_before = team.statistics.figures(dt.date(2019, 1, 1), dt.date(2019, 12, 31))

    assert services.retention.pseudonymise(confirmed_by="Arne Beheerder").count > 150

    for year in years:
        assert services.statistics.figures(dt.date(year, 1, 1), dt.date(year, 12, 31)) == before[year], year
        after = services.annual_report.data(year)
        assert after == report_before[year], year
    assert team.statistics.figures(dt.date(2019, 1, 1), dt.date(2019, 12, 31)) == team_before
    assert before[2019].with_measures > 0 and before[2019].by_organisation


def test_case_under_legal_hold_is_kept(ctx: ServiceContext, register: dict[str, str]) -> None:
    services = as_(ctx, ctx.viewer)
    header = services.legal_holds.set(register["sofie"], "Rechtszaak arbeidsrechtbank Antwerpen, AR 21/123")
    assert header.legal_hold_since == NOW.date()
    plan = services.retention.preview()
    assert register["sofie"] not in plan.tracking_numbers
    assert register["sofie"] in [c.tracking_number for c in plan.held]
    services.retention.pseudonymise(confirmed_by="Arne Beheerder")
    kept = services.cases.get(register["sofie"])
    assert kept.header.pseudonymised_on is None and kept.description.complainant_name == SOFIE.name
    assert len(services.documents.list(kept.header.id)) == 2
    # Lifted (the court case is over): due at the next run, and then the reason goes too.
    services.legal_holds.lift(register["sofie"], "Vonnis definitief")
    assert register["sofie"] in services.retention.preview().tracking_numbers
    services.retention.pseudonymise(confirmed_by="Arne Beheerder")
    assert "AR 21/123" not in all_texts(ctx.database)


def test_a_legal_hold_needs_the_director_or_an_administrator_and_a_reason(
    ctx: ServiceContext, register: dict[str, str]
) -> None:
    receiver = as_(ctx, Viewer(None, frozenset({Role.RECEIVER, Role.TEAM}), "Rita Ontvanger"))
    with pytest.raises(PermissionDenied, match="directeur of een beheerder"):
        receiver.legal_holds.set(register["sofie"], "Rechtszaak")
    director = as_(ctx, Viewer(None, frozenset({Role.DIRECTOR}), "Dirk Directeur"))
    with pytest.raises(RuleViolation, match="reden"):
        director.legal_holds.set(register["sofie"], "   ")
    director.legal_holds.set(register["sofie"], "Rechtszaak")
    with pytest.raises(RuleViolation, match="al onder juridische blokkering"):
        as_(ctx, ADMIN).legal_holds.set(register["sofie"], "Nog eens")
    history = director.history.for_case(director.cases.get(register["sofie"]).header.id)
    assert history[0].action == HistoryAction.LEGAL_HOLD and history[0].new_value == "Rechtszaak"
    assert history[0].actor_name == "Dirk Directeur"
    as_(ctx, ADMIN).legal_holds.lift(register["sofie"], "Zaak ingetrokken")
    with pytest.raises(RuleViolation, match="niet onder juridische blokkering"):
        director.legal_holds.lift(register["sofie"], "Nog eens")


def test_only_an_administrator_pseudonymises_after_an_explicit_confirmation(
    ctx: ServiceContext, register: dict[str, str]
) -> None:
    director = as_(ctx, Viewer(None, frozenset({Role.DIRECTOR, Role.TEAM}), "Dirk Directeur"))
    assert director.retention.preview().count > 0  # the director may look
    with pytest.raises(PermissionDenied, match="beheerder"):
        director.retention.pseudonymise(confirmed_by="Dirk Directeur")
    with pytest.raises(PermissionDenied):
        as_(ctx, Viewer(None, frozenset({Role.TEAM}), "Tine Team")).retention.preview()
    with pytest.raises(RuleViolation, match="bevestiging"):
        as_(ctx, ADMIN).retention.pseudonymise(confirmed_by=" ")
    assert SOFIE.name in all_texts(ctx.database)


def test_the_run_is_recorded_once_and_per_case_in_the_history(ctx: ServiceContext, register: dict[str, str]) -> None:
    admin = as_(ctx, ADMIN)
    plan = admin.retention.preview()
    only = [register["sofie"], register["piet"]]
    done = admin.retention.pseudonymise(confirmed_by="Arne Beheerder", only=only)
    assert sorted(done.tracking_numbers) == sorted(only)  # just the confirmed ones
    assert admin.retention.preview().count == plan.count - 2
    with ctx.database.read() as session:
        runs = session.scalars(select(AuditEvent).where(AuditEvent.field == "retention_run")).all()
        per_case = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "pseudonymised", AuditEvent.case_id.is_not(None))
        ).all()
        assert len(runs) == 1 and runs[0].actor_name == "Arne Beheerder"
        assert runs[0].new_value == "2 dossiers, bevestigd door Arne Beheerder" and runs[0].case_id is None
        assert len(per_case) == 2 and {e.new_value for e in per_case} == {NOW.date().isoformat()}
        sofie = session.scalars(select(Case).where(Case.tracking_number == register["sofie"])).one()
        events = session.scalars(select(AuditEvent).where(AuditEvent.case_id == sofie.id)).all()
        # The history keeps every row (who did what when) but none of the personal values.
        assert len(events) > 10 and {e.action for e in events} >= {"create", "edit", "status", "letter"}
        assert not [
            e for e in events if SOFIE.name in e.new_value + e.old_value or "Appelboom" in e.new_value + e.old_value
        ]
        assert any(e.field == "status" and e.new_value == "closed" for e in events)
        assert session.scalars(select(Document).where(Document.case_id == sofie.id)).all() == []
        assert session.scalars(select(Letter).where(Letter.case_id == sofie.id)).all()


def test_an_open_or_recently_closed_case_is_kept(ctx: ServiceContext, register: dict[str, str]) -> None:
    services = as_(ctx, ctx.viewer)
    with ctx.database.read() as session:
        open_numbers = set(session.scalars(select(Case.tracking_number).where(Case.status != "closed")))
    assert open_numbers  # the demo leaves some cases open
    plan = services.retention.preview()
    assert not open_numbers & set(plan.tracking_numbers)
    services.retention.pseudonymise(confirmed_by="Arne Beheerder")
    with ctx.database.read() as session:
        assert not session.scalars(
            select(Case).where(Case.status != "closed", Case.pseudonymised_on.is_not(None))
        ).all()
    # Eleven years: nothing of 2019 is due yet.
    services.retention.set_period_years(11)
    assert services.retention.preview().count == 0


def test_a_retention_period_of_zero_keeps_everything(ctx: ServiceContext, register: dict[str, str]) -> None:
    admin = as_(ctx, ADMIN)
    admin.retention.set_period_years(0)
    assert admin.retention.period_years() == 0
    assert admin.retention.preview().count == 0 and admin.retention.preview().cutoff is None
    assert admin.retention.pseudonymise(confirmed_by="Arne Beheerder").count == 0
    assert SOFIE.name in all_texts(ctx.database)


def test_the_archivist_period_is_set_by_an_administrator_and_recorded(ctx: ServiceContext) -> None:
    admin = as_(ctx, ADMIN)
    admin.retention.set_period_years(7)
    assert admin.retention.period_years() == 7
    with pytest.raises(RuleViolation, match="0 tot 100"):
        admin.retention.set_period_years(-1)
    with pytest.raises(PermissionDenied, match="beheerder"):
        as_(ctx, Viewer(None, frozenset({Role.DIRECTOR}), "Dirk Directeur")).retention.set_period_years(3)
    with ctx.database.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.field == "retention_years")).one()
        assert (event.old_value, event.new_value, event.actor_name) == ("5", "7", "Arne Beheerder")


def test_what_retention_removed_is_in_no_byte_of_the_embedded_file(
    ctx: ServiceContext, register: dict[str, str]
) -> None:
    """GDPR: freed pages keep old bytes unless they are zeroed and the file rewritten; the write-ahead
    log keeps old pages too. After a run neither the file nor its log holds a planted word, even with
    SQLite's own default (secure_delete off) on the connection that wrote them."""
    if not ctx.database.is_sqlite:
        pytest.skip("the embedded file; PostgreSQL's files are the server's (docs/backups.md)")
    from sqlalchemy.engine import make_url

    path = Path(make_url(ctx.database.url).database or "")
    with ctx.database.engine.connect() as conn:  # a PC whose SQLite does not zero freed pages
        conn.exec_driver_sql("PRAGMA secure_delete = OFF")
    files = [path, path.with_name(path.name + "-wal")]
    before = b"".join(file.read_bytes() for file in files if file.exists())
    assert all(word.encode() in before for word in PERSONAL)  # planted, in the file or its log
    services = as_(ctx, ADMIN)
    assert services.retention.pseudonymise(confirmed_by="Arne Beheerder").count > 150
    leftover = [
        (file.name, word) for file in files if file.exists() for word in PERSONAL if word.encode() in file.read_bytes()
    ]
    assert leftover == []
