"""Dates and numbers as a Flemish reader expects them (Babel, nl_BE by default).

The case list's dates and counts are written without Babel (the same text): loading Babel's
locale data would cost the first screen about 70 ms (cold start: docs/performance.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kina_desktop.domain.enums import Role
from kina_desktop.i18n import babel_locale, ngettext

# What a date field shows and accepts while typing (Qt's pattern syntax).
DATE_INPUT_FORMAT = "dd-MM-yyyy"


def short_date(day: dt.date | None) -> str:
    """``24-11-2026``; empty for no date."""
    if day is None:
        return ""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"  # Babel's dd-MM-yyyy in every locale


def short_datetime(moment: dt.datetime | None) -> str:
    """``24-11-2026 10:05``; empty for no moment."""
    if moment is None:
        return ""
    return f"{short_date(moment.date())} {moment:%H:%M}"


def long_date(day: dt.date | None) -> str:
    """``24 november 2026``; empty for no date."""
    if day is None:
        return ""
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=babel_locale())


def number(value: int) -> str:
    """``100.000``."""
    if babel_locale() == "nl_BE":
        return f"{value:,}".replace(",", ".")  # what Babel writes for nl_BE
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale())


def decimal(value: float | None, digits: int = 1) -> str:
    """``28,2``; a dash for no value."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    from babel.numbers import format_decimal

    return format_decimal(round(value, digits), format=pattern, locale=babel_locale())


def percent(fraction: float | None) -> str:
    """``87,3 %`` for 0.873; a dash when there is nothing to divide."""
    if fraction is None:
        return "–"
    from babel.numbers import format_percent

    return format_percent(fraction, format="#,##0.0 %", locale=babel_locale())


def case_count(count: int) -> str:
    """``1 dossier`` / ``12.345 dossiers``."""
    return ngettext("{n} dossier", "{n} dossiers", count).format(n=number(count))


def role_names(roles: Iterable[Role]) -> str:
    """``Directeur, Beheerder``: the roles in the order of the reglement."""
    mine = set(roles)
    return ", ".join(role.label() for role in Role if role in mine)


def file_size(size: int) -> str:
    """``820 byte``, ``12,3 kB``, ``1,5 MB`` (kB and MB of 1024, like the folder's size limit)."""
    from babel.units import format_unit

    if size < 1024:
        return format_unit(size, "digital-byte", length="short", locale=babel_locale())
    kilobytes = size / 1024
    if kilobytes < 1024:
        pattern = "#,##0.#" if kilobytes < 100 else "#,##0"
        return format_unit(kilobytes, "digital-kilobyte", length="short", format=pattern, locale=babel_locale())
    return format_unit(kilobytes / 1024, "digital-megabyte", length="short", format="#,##0.#", locale=babel_locale())
