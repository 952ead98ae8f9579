"""Retention (GDPR): a closed case is due for pseudonymisation when it was closed longer than the
archivist's retention period before today, is not under a legal hold and was not pseudonymised
before; a period of 0 keeps everything. And who a request for access finds."""

from __future__ import annotations

import datetime as dt

from kina_desktop.domain.access_request import PersonQuery, handling_fields
from kina_desktop.domain.enums import Category, Status
from kina_desktop.domain.retention import KEPT_FIELDS, RetentionCase, is_due, plan, retention_cutoff

TODAY = dt.date(2026, 11, 24)


def case(closed_on: dt.date | None, status: Status = Status.CLOSED, **kwargs: object) -> RetentionCase:
    return RetentionCase(1, "2020-0001", status, closed_on, **kwargs)  # type: ignore[arg-type]


def test_closed_case_past_retention_is_due() -> None:
    assert is_due(case(dt.date(2021, 11, 23)), TODAY, 5)


def test_a_case_closed_exactly_the_period_ago_is_not_yet_due() -> None:
    assert not is_due(case(dt.date(2021, 11, 24)), TODAY, 5)
    assert is_due(case(dt.date(2021, 11, 24)), TODAY + dt.timedelta(days=1), 5)


def test_case_under_legal_hold_is_kept() -> None:
    held = case(dt.date(2015, 1, 1), legal_hold_since=dt.date(2026, 1, 5))
    assert not is_due(held, TODAY, 5)
    result = plan([held, case(dt.date(2015, 1, 1))], TODAY, 5)
    assert result.count == 1 and result.held == (held,)


def test_an_open_case_is_never_due_however_old() -> None:
    assert not is_due(case(None, Status.WITH_HANDLER), TODAY, 1)
    assert not is_due(case(dt.date(2010, 1, 1), Status.HANDLED), TODAY, 1)


def test_a_pseudonymised_case_is_not_done_twice() -> None:
    assert not is_due(case(dt.date(2015, 1, 1), pseudonymised_on=dt.date(2025, 1, 1)), TODAY, 5)


def test_a_retention_period_of_zero_keeps_everything() -> None:
    assert retention_cutoff(TODAY, 0) is None and retention_cutoff(TODAY, None) is None
    assert not is_due(case(dt.date(1990, 1, 1)), TODAY, 0)


def test_the_period_counts_in_calendar_years_also_from_29_february() -> None:
    assert retention_cutoff(dt.date(2028, 2, 29), 5) == dt.date(2023, 2, 28)


def test_the_preview_counts_documents_and_letters_of_the_cases_due() -> None:
    due = [
        RetentionCase(i, f"2019-000{i}", Status.CLOSED, dt.date(2019, 5, i), documents=3, letters=1)
        for i in range(1, 4)
    ]
    result = plan(due, TODAY, 5)
    assert (result.count, result.documents, result.letters) == (3, 9, 3)
    assert result.tracking_numbers == ("2019-0001", "2019-0002", "2019-0003")


def test_what_the_figures_need_is_kept_and_personal_data_is_not() -> None:
    assert {
        "kind",
        "channel",
        "category",
        "level",
        "received_on",
        "admissibility",
        "grounds",
        "verdict",
        "organisation",
        "closed_on",
    } <= KEPT_FIELDS
    assert (
        not {
            "complainant_name",
            "complainant_street",
            "complainant_email",
            "complainant_phone",
            "subject",
            "text",
            "request",
            "staff_member",
            "investigation",
            "communication",
            "note",
        }
        & KEPT_FIELDS
    )


def test_a_person_is_found_by_name_or_email_case_and_accents_aside() -> None:
    query = PersonQuery("Sofie Maës", "Sofie.Maes@example.be")
    assert query.matched("SOFIE  maes", "") == ("naam",)
    assert query.matched("S. Maes", "sofie.maes@EXAMPLE.be") == ("e-mailadres",)
    assert query.matched("Sofie Maessen", "andere@example.be") == ()
    assert PersonQuery().problems() and PersonQuery(email="geen-adres").problems()
    assert not PersonQuery(name="Sofie Maes").problems()


def test_a_personnel_complainant_hears_nothing_of_the_outcome() -> None:
    assert handling_fields(Category.PERSONNEL) == ("admissibility",)
    assert "verdict_motivation" in handling_fields(Category.DAILY_OPERATIONS)
    assert "investigation" not in handling_fields(Category.DAILY_OPERATIONS)


def test_a_copy_follows_the_register_with_the_same_cut_off() -> None:
    """docs/retention.md: a copy the program keeps gets the register's retention: the same rule
    and cut-off on the copy's own facts, the register's legal hold, and every case the register
    pseudonymised, whatever the copy still says of it."""
    from kina_desktop.domain.retention import is_due_in_copy

    old = case(dt.date(2019, 3, 12))
    assert is_due_in_copy(old, None, TODAY, 5)  # the register lost it (a copy kept before a restore)
    assert is_due_in_copy(old, case(dt.date(2019, 3, 12), pseudonymised_on=TODAY), TODAY, 5)
    assert not is_due_in_copy(old, case(dt.date(2019, 3, 12), legal_hold_since=TODAY), TODAY, 5)
    # held in the copy, lifted in the register since: the register decides
    assert is_due_in_copy(case(dt.date(2019, 3, 12), legal_hold_since=dt.date(2020, 1, 1)), old, TODAY, 5)
    # open in an old copy, pseudonymised in the register: pseudonymised in the copy too
    assert is_due_in_copy(case(None, Status.WITH_HANDLER), case(dt.date(2019, 3, 12), pseudonymised_on=TODAY), TODAY, 5)
    # within the period, or already done in the copy: left alone
    assert not is_due_in_copy(case(dt.date(2022, 3, 15)), None, TODAY, 5)
    assert not is_due_in_copy(case(dt.date(2019, 3, 12), pseudonymised_on=TODAY), None, TODAY, 5)
    # a period of 0 keeps everything the register has not pseudonymised
    assert not is_due_in_copy(old, old, TODAY, 0)
