"""Working days (Art. 5 acknowledgement): Monday to Friday, minus Belgian legal holidays, minus
KINA's closing days (defaults 11 July, 2 November, 15 November, 26 December; editable per year)."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kina_desktop.domain.deadlines import acknowledgement_due
from kina_desktop.domain.workdays import WorkingCalendar

CAL = WorkingCalendar()
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))
counts = st.integers(min_value=0, max_value=80)
closing_sets = st.dictionaries(
    st.integers(min_value=2024, max_value=2028),
    st.sets(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 31)), max_size=8),
    max_size=3,
).map(lambda m: {year: {d for d in days if d.year == year} for year, days in m.items()})


def brute_count(cal: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    return sum(1 for n in range(1, (end - start).days + 1) if cal.is_working_day(start + dt.timedelta(days=n)))


# -- properties -------------------------------------------------------------------------------


@given(dates, st.integers(min_value=1, max_value=80))
def test_adding_working_days_lands_on_a_working_day_strictly_after_the_start(start, n):
    end = CAL.add_working_days(start, n)
    assert end > start
    assert CAL.is_working_day(end)


@given(dates)
def test_adding_zero_working_days_is_the_start_itself(start):
    assert CAL.add_working_days(start, 0) == start


@given(dates, counts, counts)
def test_adding_more_working_days_never_lands_earlier(start, a, b):
    lo, hi = sorted((a, b))
    assert CAL.add_working_days(start, lo) <= CAL.add_working_days(start, hi)
    if lo < hi:
        assert CAL.add_working_days(start, lo) < CAL.add_working_days(start, hi)


@given(dates, counts)
def test_working_days_between_is_the_inverse_of_adding_them(start, n):
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


@given(dates, st.integers(min_value=1, max_value=80))
def test_the_day_before_the_nth_working_day_has_only_n_minus_one(start, n):
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end - dt.timedelta(days=1)) == n - 1


@given(dates, dates)
def test_working_days_between_counts_after_start_up_to_and_including_end(a, b):
    start, end = sorted((a, b))
    if (end - start).days > 400:
        end = start + dt.timedelta(days=400)
    assert CAL.working_days_between(start, end) == brute_count(CAL, start, end)
    assert CAL.working_days_between(end, start) == 0


@given(dates)
def test_weekends_legal_holidays_and_closing_days_are_never_working_days(day):
    legal = holidays.BE(years=day.year)
    closing = {(7, 11), (11, 2), (11, 15), (12, 26)}
    if day.weekday() >= 5 or day in legal or (day.month, day.day) in closing:
        assert not CAL.is_working_day(day)
    else:
        assert CAL.is_working_day(day)


@given(dates, st.integers(min_value=1, max_value=40))
def test_no_weekend_or_holiday_is_counted_between(start, n):
    end = CAL.add_working_days(start, n)
    counted = [start + dt.timedelta(days=k) for k in range(1, (end - start).days + 1)]
    working = [d for d in counted if CAL.is_working_day(d)]
    assert len(working) == n
    assert all(d.weekday() < 5 and CAL.holiday_name(d) is None for d in working)


@settings(max_examples=60)
@given(closing_sets, st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 1)), st.integers(1, 30))
def test_custom_closing_days_are_skipped_and_replace_the_defaults(closing, start, n):
    cal = WorkingCalendar(closing)
    end = cal.add_working_days(start, n)
    assert cal.is_working_day(end)
    assert cal.working_days_between(start, end) == n
    for year, days in closing.items():
        assert all(not cal.is_working_day(d) for d in days)
        assert cal.closing_days(year) == frozenset(days)


@given(dates)
def test_acknowledgement_is_due_on_the_fifth_working_day_after_receipt(received):
    due = acknowledgement_due(received, CAL)
    assert CAL.is_working_day(due)
    assert CAL.working_days_between(received, due) == 5
    assert CAL.working_days_between(received, due - dt.timedelta(days=1)) == 4


# -- the known Belgian holidays of 2025-2027 ---------------------------------------------------

LEGAL_HOLIDAYS = {
    2025: [
        (dt.date(2025, 1, 1), "Nieuwjaar"),
        (dt.date(2025, 4, 20), "Pasen"),
        (dt.date(2025, 4, 21), "Paasmaandag"),
        (dt.date(2025, 5, 1), "Dag van de Arbeid"),
        (dt.date(2025, 5, 29), "O. L. H. Hemelvaart"),
        (dt.date(2025, 6, 8), "Pinksteren"),
        (dt.date(2025, 6, 9), "Pinkstermaandag"),
        (dt.date(2025, 7, 21), "Nationale feestdag"),
        (dt.date(2025, 8, 15), "O. L. V. Hemelvaart"),
        (dt.date(2025, 11, 1), "Allerheiligen"),
        (dt.date(2025, 11, 11), "Wapenstilstand"),
        (dt.date(2025, 12, 25), "Kerstmis"),
    ],
    2026: [
        (dt.date(2026, 1, 1), "Nieuwjaar"),
        (dt.date(2026, 4, 5), "Pasen"),
        (dt.date(2026, 4, 6), "Paasmaandag"),
        (dt.date(2026, 5, 1), "Dag van de Arbeid"),
        (dt.date(2026, 5, 14), "O. L. H. Hemelvaart"),
        (dt.date(2026, 5, 24), "Pinksteren"),
        (dt.date(2026, 5, 25), "Pinkstermaandag"),
        (dt.date(2026, 7, 21), "Nationale feestdag"),
        (dt.date(2026, 8, 15), "O. L. V. Hemelvaart"),
        (dt.date(2026, 11, 1), "Allerheiligen"),
        (dt.date(2026, 11, 11), "Wapenstilstand"),
        (dt.date(2026, 12, 25), "Kerstmis"),
    ],
    2027: [
        (dt.date(2027, 1, 1), "Nieuwjaar"),
        (dt.date(2027, 3, 28), "Pasen"),
        (dt.date(2027, 3, 29), "Paasmaandag"),
        (dt.date(2027, 5, 1), "Dag van de Arbeid"),
        (dt.date(2027, 5, 6), "O. L. H. Hemelvaart"),
        (dt.date(2027, 5, 16), "Pinksteren"),
        (dt.date(2027, 5, 17), "Pinkstermaandag"),
        (dt.date(2027, 7, 21), "Nationale feestdag"),
        (dt.date(2027, 8, 15), "O. L. V. Hemelvaart"),
        (dt.date(2027, 11, 1), "Allerheiligen"),
        (dt.date(2027, 11, 11), "Wapenstilstand"),
        (dt.date(2027, 12, 25), "Kerstmis"),
    ],
}


@pytest.mark.parametrize("day,name", [pair for year in LEGAL_HOLIDAYS.values() for pair in year], ids=lambda v: str(v))
def test_belgian_legal_holidays_of_2025_to_2027_are_no_working_days(day, name):
    assert not CAL.is_working_day(day)
    assert CAL.holiday_name(day) == name


@pytest.mark.parametrize(
    "easter_monday,ascension,whit_monday",
    [
        (dt.date(2025, 4, 21), dt.date(2025, 5, 29), dt.date(2025, 6, 9)),
        (dt.date(2026, 4, 6), dt.date(2026, 5, 14), dt.date(2026, 5, 25)),
        (dt.date(2027, 3, 29), dt.date(2027, 5, 6), dt.date(2027, 5, 17)),
    ],
)
def test_easter_dependent_holidays_move_with_easter(easter_monday, ascension, whit_monday):
    assert easter_monday.weekday() == 0 and ascension.weekday() == 3 and whit_monday.weekday() == 0
    assert ascension - easter_monday == dt.timedelta(days=38)
    assert whit_monday - easter_monday == dt.timedelta(days=49)
    for day, name in (
        (easter_monday, "Paasmaandag"),
        (ascension, "O. L. H. Hemelvaart"),
        (whit_monday, "Pinkstermaandag"),
    ):
        assert not CAL.is_working_day(day)
        assert CAL.holiday_name(day) == name
    # the day after Ascension is no holiday unless KINA makes it a closing day (a bridge day)
    assert CAL.is_working_day(ascension + dt.timedelta(days=1))
    bridge = WorkingCalendar({ascension.year: [ascension + dt.timedelta(days=1)]})
    assert not bridge.is_working_day(ascension + dt.timedelta(days=1))
    assert bridge.holiday_name(ascension + dt.timedelta(days=1)) == "Sluitingsdag KINA"


def test_the_legal_holidays_are_exactly_the_known_ones_with_dutch_names():
    for year, days in LEGAL_HOLIDAYS.items():
        legal = dict(holidays.BE(years=year, language="nl").items())
        assert sorted(legal.items()) == days


@pytest.mark.parametrize(
    "day,name",
    [
        (dt.date(2025, 7, 11), "Feest van de Vlaamse Gemeenschap"),
        (dt.date(2025, 12, 26), "Tweede kerstdag"),
        (dt.date(2026, 11, 2), "Allerzielen"),
        (dt.date(2027, 11, 15), "Koningsdag"),
        (dt.date(2027, 7, 12), None),
    ],
)
def test_kina_default_closing_days(day, name):
    assert CAL.holiday_name(day) == name
    assert CAL.is_working_day(day) == (name is None)


def test_closing_days_set_for_a_year_replace_the_defaults_of_that_year_only():
    cal = WorkingCalendar({2026: [dt.date(2026, 5, 15), dt.date(2026, 12, 24)]})
    assert cal.is_working_day(dt.date(2026, 11, 2))  # no longer a closing day in 2026
    assert not cal.is_working_day(dt.date(2026, 12, 24))
    assert not cal.is_working_day(dt.date(2027, 11, 2))  # 2027 keeps the defaults


def test_days_off_lists_holidays_and_closing_days_of_a_year_in_order():
    days = CAL.days_off(2026)
    assert [d for d, _ in days] == sorted(d for d, _ in days)
    assert (dt.date(2026, 7, 11), "Feest van de Vlaamse Gemeenschap") in days
    assert (dt.date(2026, 5, 25), "Pinkstermaandag") in days
    assert len(days) == 12 + 4


@pytest.mark.parametrize(
    "received,due",
    [
        # Thursday before Christmas: 25 Dec, 26 Dec (closing day, Saturday), weekend, New Year skipped
        (dt.date(2026, 12, 24), dt.date(2027, 1, 4)),
        # received on a Saturday, Easter Monday skipped
        (dt.date(2026, 4, 4), dt.date(2026, 4, 13)),
        # the day before Ascension
        (dt.date(2026, 5, 13), dt.date(2026, 5, 21)),
        # received on a holiday (Whit Monday 2027): counting starts the day after
        (dt.date(2027, 5, 17), dt.date(2027, 5, 24)),
        # Friday before 11 July 2025 (closing day) ... 11 July 2025 is itself a Friday
        (dt.date(2025, 7, 10), dt.date(2025, 7, 18)),
        # an ordinary week
        (dt.date(2026, 3, 2), dt.date(2026, 3, 9)),
    ],
)
def test_acknowledgement_due_dates_around_holidays(received, due):
    assert acknowledgement_due(received, CAL) == due
