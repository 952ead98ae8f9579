"""Readable lines for what another person changed ('Onderwerp: oud → nieuw').

``ConcurrentEdit.changes`` carries (label, old, new) with values as the audit trail stores them:
enum codes, ISO dates, raw text. This turns them into the words and dates a person reads.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from babel import Locale

from kina_desktop.domain.enums import Admissibility, Category, Channel, Kind, Level, Status, Verdict
from kina_desktop.domain.labels import FIELD_LABELS, field_label
from kina_desktop.gui.formatting import short_date
from kina_desktop.i18n import _, babel_locale

ENUM_FIELDS: dict[str, type[Enum]] = {
    "kind": Kind,
    "category": Category,
    "level": Level,
    "status": Status,
    "channel": Channel,
    "admissibility": Admissibility,
    "verdict": Verdict,
}
MAX_SHOWN = 60


def _field_names(label: str) -> list[str]:
    return [name for name in FIELD_LABELS if field_label(name) == label]


def readable_value(label: str, value: str) -> str:
    if not value:
        return _("(leeg)")
    for name in _field_names(label):
        enum_type = ENUM_FIELDS.get(name)
        if enum_type is not None:
            try:
                return enum_type(value).label()  # type: ignore[attr-defined]
            except ValueError:
                pass
        if name == "complainant_language":
            return Locale.parse(babel_locale()).languages.get(value, value)
    try:
        return short_date(dt.date.fromisoformat(value))
    except ValueError:
        pass
    flat = " ".join(value.split())
    return flat if len(flat) <= MAX_SHOWN else flat[: MAX_SHOWN - 1] + "…"


def change_line(label: str, old: str, new: str) -> str:
    return f"{label}: {readable_value(label, old)} → {readable_value(label, new)}"
