"""Dates as a Flemish reader expects them in messages: "24 november 2026"."""

from __future__ import annotations

import datetime as dt

from kina_desktop.i18n import babel_locale


def long_date(day: dt.date) -> str:
    from babel.dates import format_date  # Babel's locale data load at the first long date

    return format_date(day, format="long", locale=babel_locale())
