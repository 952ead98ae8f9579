"""Readable lines for what another person changed ('Onderwerp: oud → nieuw').

``ConcurrentEdit.changes`` carries (label, old, new) with values as the audit trail stores them:
enum codes, ISO dates, raw text. This turns them into the words and dates a person reads.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from babel import Locale

from kina_desktop.domain.enums import ENUM_OF_FIELD
from kina_desktop.domain.labels import FIELD_LABELS, field_label
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.i18n import _, babel_locale

if TYPE_CHECKING:
    from kina_desktop.services.errors import ConcurrentEdit

MAX_SHOWN = 60


def _field_names(label: str) -> list[str]:
    return [name for name in FIELD_LABELS if field_label(name) == label]


def _shortened(value: str, limit: int | None) -> str:
    flat = " ".join(value.split())
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def _enum_or_language(name: str, value: str) -> str | None:
    enum_type = ENUM_OF_FIELD.get(name)
    if enum_type is not None:
        try:
            return enum_type(value).label()  # type: ignore[attr-defined]
        except ValueError:
            return None
    if name == "complainant_language":
        return Locale.parse(babel_locale()).languages.get(value, value)
    return None


def _date_or_text(value: str, limit: int | None) -> str:
    try:
        return short_date(dt.date.fromisoformat(value))
    except ValueError:
        return _shortened(value, limit)


def readable_value(label: str, value: str) -> str:
    """A value of the field shown as ``label`` (ConcurrentEdit names fields by their label)."""
    if not value:
        return _("(leeg)")
    for name in _field_names(label):
        readable = _enum_or_language(name, value)
        if readable is not None:
            return readable
    return _date_or_text(value, MAX_SHOWN)


def readable_field_value(name: str, value: str, limit: int | None = MAX_SHOWN) -> str:
    """A value of the field ``name`` (the history names fields by their name); the whole text
    when ``limit`` is None."""
    if not value:
        return ""
    readable = _enum_or_language(name, value)
    return readable if readable is not None else _date_or_text(value, limit)


def change_line(label: str, old: str, new: str) -> str:
    return f"{label}: {readable_value(label, old)} → {readable_value(label, new)}"


def conflict_text(error: ConcurrentEdit) -> str:
    """The notice of a refused save: who saved in between, then what they changed, one per line."""
    lines = [change_line(label, old, new) for label, old, new in error.changes]
    return error.message + ("\n\n" + "\n".join(f"• {line}" for line in lines) if lines else "")
