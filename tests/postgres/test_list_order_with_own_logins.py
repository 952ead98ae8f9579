"""The case list's order with one's own PostgreSQL login (migration 0021, db/list_keys.py): a
colleague who may not read a confidential personnel complaint (Art. 6) sorts it as nobody, so
neither the program's order nor any SELECT of the header tells them anything of its complainant
or subject; the director's own order is by the real names. The keys follow every change the
server sees: a description saved, a case moved onto the confidential track, a handler renamed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.views import CaseQuery, SortKey
from tests.factories import draft
from tests.postgres.test_row_level_security import PASSWORD, login, people, pg_database, raw_sql, services_for  # noqa: F401

pytestmark = pytest.mark.postgres


def _order(people, who: str, sort: SortKey) -> list[int]:  # type: ignore[no-untyped-def]
    viewer, database = people[who]
    services = services_for(viewer, database)
    return [placed.case.id for placed in services.case_list.seek(CaseQuery(sort=sort, descending=False), limit=100)]


def _rename(people, number: str, name: str, subject: str) -> None:  # type: ignore[no-untyped-def]
    viewer, database = people["director"]
    director = services_for(viewer, database)
    record = director.cases.get(number)
    description = replace(record.description, complainant_name=name, subject=subject)
    director.cases.save(CaseChanges(record.header.id, record.header.version, description=description))


@pytest.fixture
def register(people):  # type: ignore[no-untyped-def]
    viewer, database = people["receiver"]
    services_for(viewer, database).cases.register_all(
        [draft(complainant_name=name, subject=name) for name in ("Bart Maes", "Mia Peeters", "Koen Wouters")]
    )
    d_viewer, d_database = people["director"]
    confidential = services_for(d_viewer, d_database).cases.register_all(
        [
            draft(category=Category.PERSONNEL, level=Level.TWO, complainant_name=name, subject=name)
            for name in ("Aaron Aerts", "Zoë Zeeman")
        ]
    )
    return people, [record.tracking_number for record in confidential]


@pytest.mark.parametrize("who", ["receiver", "handler"])
def test_confidential_names_do_not_move_a_colleagues_list(register, who: str) -> None:  # type: ignore[no-untyped-def]
    people, numbers = register
    before = {sort: _order(people, who, sort) for sort in (SortKey.COMPLAINANT, SortKey.SUBJECT)}
    director_before = _order(people, "director", SortKey.COMPLAINANT)

    # The director swaps the two confidential complainants' names round: alphabetically reversed.
    _rename(people, numbers[0], "Zoë Zeeman", "Zoë Zeeman")
    _rename(people, numbers[1], "Aaron Aerts", "Aaron Aerts")

    assert {sort: _order(people, who, sort) for sort in before} == before
    assert _order(people, "director", SortKey.COMPLAINANT) != director_before  # the director's order did change
    _viewer, database = people[who]
    # Nothing of them in the header with psql either, and nothing in the server's history of it.
    assert raw_sql(database, "SELECT list_name, list_subject FROM cases WHERE confidential") == [("", "")] * 2
    assert raw_sql(
        database,
        "SELECT count(*) FROM server_history WHERE table_name = 'cases' "
        "AND (new_row ? 'list_name' OR old_row ? 'list_name')",
    ) == [(0,)]


def test_a_colleague_sorts_the_names_it_may_read_and_nobody_last(register) -> None:  # type: ignore[no-untyped-def]
    people, _numbers = register
    viewer, database = people["receiver"]
    rows = services_for(viewer, database).case_list.seek(CaseQuery(sort=SortKey.COMPLAINANT, descending=False))
    assert [p.case.complainant_name for p in rows] == ["Bart Maes", "Mia Peeters", "Koen Wouters", "", ""]
    d_viewer, d_database = people["director"]
    rows = services_for(d_viewer, d_database).case_list.seek(CaseQuery(sort=SortKey.COMPLAINANT, descending=True))
    names = ["Zoë Zeeman", "Koen Wouters", "Mia Peeters", "Bart Maes", "Aaron Aerts"]
    assert [p.case.complainant_name for p in rows] == names


def test_the_keys_follow_the_description_and_the_track(register) -> None:  # type: ignore[no-untyped-def]
    people, _numbers = register
    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    record = receiver.cases.get("2026-0002")  # Mia Peeters
    receiver.cases.save(
        CaseChanges(
            record.header.id,
            record.header.version,
            description=replace(record.description, complainant_name="Mia Achterberg", subject="Wachttijd"),
        )
    )
    assert raw_sql(database, "SELECT list_name, list_subject FROM cases WHERE tracking_number = '2026-0002'") == [
        ("achterberg mia", "wachttijd")
    ]
    # A login cannot write the keys itself.
    import psycopg

    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw_sql(database, "UPDATE cases SET list_name = 'aaa' WHERE tracking_number = '2026-0002'")
