"""Art. 6, personnel matters level 3: "De Raad van Bestuur komt één keer per maand bij elkaar. De
klachtenontvanger brengt de klager van de datum op de hoogte, met de melding dat hem pas nadien
een antwoord overhandigd kan worden."

The board date (and the day the complainant was told it) is on the case header, so the receiver
who registered a confidential personnel case reads it, makes the letter and records that the
complainant was told — while the handling part stays the director's. On SQLite through the
services; on PostgreSQL with each person's own login, where row-level security applies.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace

import pytest
from pypdf import PdfReader

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Account
from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.actions import StepData
from kina_desktop.domain.complaint import CaseChanges, CaseRecord
from kina_desktop.domain.enums import Category, Level, Role, Status
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.intake.json_form import record_to_json
from tests.conftest import NOW, make_database
from tests.factories import draft
from tests.postgres.test_row_level_security import login, pg_database, raw_sql  # noqa: F401

BOARD = dt.date(2026, 12, 15)
TODAY = NOW.date()
STAFF_MEMBER = "Karel Geheimhouder"
INVESTIGATION = "Gesprek met Karel Geheimhouder over zijn tuchtdossier."


@dataclass
class Office:
    kind: str
    receiver: Services
    director: Services
    receiver_database: Database  # on PostgreSQL connected with the receiver's own login


def _services(viewer: Viewer, database: Database) -> Services:
    return Services.for_context(ServiceContext(database, viewer, clock=lambda: NOW))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path) -> Office:
    if request.param == "postgresql":
        make_login = request.getfixturevalue("login")
        receiver, receiver_database = make_login(Role.RECEIVER, "Rita Ontvanger")
        director, director_database = make_login(Role.DIRECTOR, "Dirk Directeur")
        return Office(
            "postgresql",
            _services(receiver, receiver_database),
            _services(director, director_database),
            receiver_database,
        )
    database = make_database("sqlite", request, tmp_path)
    with database.write() as session:
        rita = Account(username="rita.board", display_name="Rita Ontvanger", function="Klachtenontvanger")
        dirk = Account(username="dirk.board", display_name="Dirk Directeur", function="Directeur")
        session.add_all([rita, dirk])
        session.flush()
        ids = rita.id, dirk.id
    receiver = Viewer(ids[0], frozenset({Role.RECEIVER}), "Rita Ontvanger")
    director = Viewer(ids[1], frozenset({Role.DIRECTOR}), "Dirk Directeur")
    return Office("sqlite", _services(receiver, database), _services(director, database), database)


def _with_the_board(office: Office) -> CaseRecord:
    """Registered by the receiver, passed to the director, referred to the board meeting of BOARD;
    the director wrote the investigation in the handling part."""
    record = office.receiver.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.THREE,
            staff_member=STAFF_MEMBER,
            complainant_name="Petra Klaagster",
            subject="Onheus gedrag aan het onthaal",
        )
    )
    record = office.receiver.workflow.take(
        record.header.id, record.header.version, A.FORWARD_TO_DIRECTOR, StepData(on=TODAY)
    )
    record = office.director.workflow.take(
        record.header.id, record.header.version, A.REFER_TO_BOARD, StepData(on=TODAY, meeting_on=BOARD)
    )
    full = office.director.cases.get_by_id(record.header.id)
    return office.director.cases.save(
        CaseChanges(full.header.id, full.header.version, handling=replace(full.handling, investigation=INVESTIGATION))
    )


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_receiver_announces_board_meeting_date_to_complainant_of_personnel_level_3(office: Office) -> None:
    case = _with_the_board(office)
    seen = office.receiver.cases.get(case.tracking_number)
    assert seen.header.status == Status.WITH_BOARD and seen.header.board_meeting_on == BOARD
    assert seen.handling is None  # the handling part stays the director's

    progress = office.receiver.workflow.progress(case.header.id)
    assert progress.board is not None and progress.board.meeting_on == BOARD and progress.board.must_tell_complainant
    assert A.TELL_BOARD_DATE in {option.action.kind for option in progress.options}

    letter = _text(office.receiver.letters.produce(case.header.id, LetterKind.BOARD_DATE))
    assert case.tracking_number in letter and "15 december 2026" in letter and "Petra Klaagster" in letter
    assert "Persoonlijk en vertrouwelijk" in letter
    assert STAFF_MEMBER not in letter and "tuchtdossier" not in letter
    [recorded] = office.receiver.letters.letters(case.header.id)
    assert (recorded.kind, recorded.produced_by_name) == (LetterKind.BOARD_DATE, "Rita Ontvanger")

    # Producing the letter is telling the complainant: the step is recorded with it, as the
    # acknowledgement letter records the acknowledgement date (Art. 5).
    told = office.receiver.cases.get(case.tracking_number)
    assert told.header.complainant_told_board_date_on == TODAY and told.handling is None
    assert told.header.version == seen.header.version + 1
    steps = office.receiver.workflow.progress(case.header.id).steps
    assert (steps[-1].action, steps[-1].on, steps[-1].by_role) == (A.TELL_BOARD_DATE, TODAY, Role.RECEIVER)
    assert A.TELL_BOARD_DATE not in {
        o.action.kind for o in office.receiver.workflow.progress(case.header.id).options if o.allowed
    }
    notice = office.receiver.workflow.progress(case.header.id).board
    assert notice is not None and not notice.must_tell_complainant and notice.complainant_told_on == TODAY
    # The director sees the same dates, and the investigation untouched.
    director_view = office.director.cases.get(case.tracking_number)
    assert director_view.header.complainant_told_board_date_on == TODAY
    assert director_view.handling.investigation == INVESTIGATION


def test_receiver_reads_the_board_date_but_no_other_field_of_the_handling_part(office: Office) -> None:
    case = _with_the_board(office)
    seen = office.receiver.cases.get(case.tracking_number)
    shown = record_to_json(seen, office.receiver.workflow.progress(case.header.id))  # show --json
    assert shown["board_meeting_on"] == "2026-12-15" and shown["complainant_told_board_date_on"] is None
    assert shown["handling"] is None and shown["closure"] is None
    history = office.receiver.history.for_case(case.header.id)
    assert ("board_meeting_on", "", "2026-12-15") in {(e.field, e.old_value, e.new_value) for e in history}
    assert not any("tuchtdossier" in e.new_value or e.field == "investigation" for e in history)
    if office.kind == "postgresql":  # the server itself, with the receiver's own login in any SQL client
        database = office.receiver_database
        assert raw_sql(database, f"SELECT board_meeting_on FROM cases WHERE id = {case.header.id}") == [(BOARD,)]
        assert raw_sql(database, f"SELECT count(*) FROM case_handlings WHERE case_id = {case.header.id}") == [(0,)]
        assert raw_sql(database, "SELECT count(*) FROM audit_events WHERE field = 'investigation'") == [(0,)]


def test_board_date_letter_records_the_step_only_for_the_receiver_and_again_after_a_new_date(office: Office) -> None:
    case = _with_the_board(office)
    # The director may make the letter too, but telling the complainant is the receiver's step
    # (Art. 6): it stays due, for the receiver to take.
    office.director.letters.produce(case.header.id, LetterKind.BOARD_DATE)
    after_director = office.receiver.cases.get(case.tracking_number)
    assert after_director.header.complainant_told_board_date_on is None
    assert office.receiver.workflow.progress(case.header.id).board.must_tell_complainant

    office.receiver.letters.produce(case.header.id, LetterKind.BOARD_DATE)
    assert office.receiver.cases.get(case.tracking_number).header.complainant_told_board_date_on == TODAY
    # A second copy changes nothing: the complainant was told already.
    office.receiver.letters.produce(case.header.id, LetterKind.BOARD_DATE)
    told = office.receiver.cases.get(case.tracking_number)
    assert [s.action for s in office.receiver.workflow.progress(case.header.id).steps].count(A.TELL_BOARD_DATE) == 1

    # The director moves the case to a later meeting: the complainant must hear the new date.
    later = BOARD + dt.timedelta(days=28)
    moved = office.director.workflow.take(
        case.header.id, told.header.version, A.SET_BOARD_MEETING, StepData(on=TODAY, meeting_on=later)
    )
    assert moved.header.complainant_told_board_date_on is None
    letter = _text(office.receiver.letters.produce(case.header.id, LetterKind.BOARD_DATE))
    assert "12 januari 2027" in letter
    again = office.receiver.cases.get(case.tracking_number)
    assert (again.header.board_meeting_on, again.header.complainant_told_board_date_on) == (later, TODAY)
    assert [letter.kind for letter in office.receiver.letters.letters(case.header.id)] == [LetterKind.BOARD_DATE] * 4


def test_a_board_date_already_past_is_refused_before_the_letter_is_asked_for(office: Office) -> None:
    """The letters menu asks ``refusal`` first: a meeting already held cannot be announced
    (Art. 6), so printing, saving and mailing the board-date letter are greyed out with why."""
    case = _with_the_board(office)
    assert office.receiver.letters.refusal(case.header.id, LetterKind.BOARD_DATE) == ""
    later = replace(office.receiver.ctx, clock=lambda: NOW + dt.timedelta(days=60))
    too_late = Services.for_context(later).letters.refusal(case.header.id, LetterKind.BOARD_DATE)
    assert too_late.startswith(f"De vergadering van de Raad van Bestuur op {BOARD.strftime('%d-%m-%Y')} is al voorbij")
