"""Working days for the deadlines of Art. 5: Monday to Friday, minus Belgian legal holidays,
minus KINA's own closing days (editable per year in the settings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from kina_desktop.i18n import N_, _, language

# KINA's usual closing days (month, day) when the settings name none for a year.
DEFAULT_CLOSING_DAYS: tuple[tuple[int, int, str], ...] = (
    (7, 11, N_("Feest van de Vlaamse Gemeenschap")),
    (11, 2, N_("Allerzielen")),
    (11, 15, N_("Koningsdag")),
    (12, 26, N_("Tweede kerstdag")),
)


# The holidays package's language for the names of the legal holidays, per interface language.
HOLIDAY_LANGUAGES = {"nl": "nl", "fr": "fr", "en": "en_US"}


def _legal_holidays(year: int) -> dict[dt.date, str]:
    return _legal_holidays_in(year, HOLIDAY_LANGUAGES.get(language(), "nl"))


@lru_cache(maxsize=64)
def _legal_holidays_in(year: int, names_language: str) -> dict[dt.date, str]:
    import holidays  # the package takes ~40 ms to load: only when a deadline is computed

    return dict(holidays.BE(years=year, language=names_language).items())  # type: ignore[attr-defined]


class WorkingCalendar:
    """Which days count as working days; closing days are given per year.

    ``closing_days`` maps a year to KINA's closing days of that year; a year that is not in the
    map uses the defaults (11 July, 2 November, 15 November, 26 December).
    """

    def __init__(self, closing_days: dict[int, Iterable[dt.date]] | None = None) -> None:
        self._closing: dict[int, frozenset[dt.date]] = {
            year: frozenset(days) for year, days in (closing_days or {}).items()
        }

    def closing_days(self, year: int) -> frozenset[dt.date]:
        if year in self._closing:
            return self._closing[year]
        return frozenset(dt.date(year, m, d) for m, d, _name in DEFAULT_CLOSING_DAYS)

    def holiday_name(self, day: dt.date) -> str | None:
        """The Dutch name of a legal holiday or closing day, None on an ordinary day."""
        name = _legal_holidays(day.year).get(day)
        if name:
            return name
        if day in self.closing_days(day.year):
            for m, d, label in DEFAULT_CLOSING_DAYS:
                if (day.month, day.day) == (m, d):
                    return _(label)
            return _("Sluitingsdag KINA")
        return None

    def is_working_day(self, day: dt.date) -> bool:
        if day.weekday() >= 5:
            return False
        if day in _legal_holidays(day.year):
            return False
        return day not in self.closing_days(day.year)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The count-th working day after ``start`` (``start`` itself never counts)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def days_off(self, year: int) -> list[tuple[dt.date, str]]:
        """Every legal holiday and closing day of ``year`` with its Dutch name, in date order
        (for the settings page and the calendar check)."""
        days = {day: self.holiday_name(day) or "" for day in _legal_holidays(year)}
        for day in self.closing_days(year):
            days.setdefault(day, self.holiday_name(day) or "")
        return sorted(days.items())
