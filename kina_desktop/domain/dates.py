"""Dates as a Flemish reader expects them in messages: "24 november 2026"."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from kina_desktop.i18n import babel_locale


def long_date(day: dt.date) -> str:
    return format_date(day, format="long", locale=babel_locale())
