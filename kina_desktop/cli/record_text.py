"""A case as readable Dutch text for ``kina-desktop show`` (without --json)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING

from babel.dates import format_date, format_datetime

from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.domain.enums import _Labelled
from kina_desktop.domain.labels import field_label
from kina_desktop.i18n import _, babel_locale

if TYPE_CHECKING:  # loaded when the command runs (tests/test_lazy_start.py)
    from kina_desktop.services.cases.workflow import CaseProgress

_SKIPPED = {"handler_id"}  # shown by name in the header


def _value(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, _Labelled):
        return value.label()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value, "d MMMM y HH:mm", locale=babel_locale())
    if isinstance(value, dt.date):
        return format_date(value, "long", locale=babel_locale())
    return str(value)


def _lines(pairs: list[tuple[str, object]], indent: str = "  ") -> list[str]:
    width = max((len(label) for label, _v in pairs), default=0)
    out = []
    for label, value in pairs:
        text = _value(value).splitlines() or [""]
        out.append(f"{indent}{label.ljust(width)}  {text[0]}")
        out += [f"{indent}{' ' * width}  {more}" for more in text[1:]]
    return out


def _steps_lines(progress: CaseProgress) -> list[str]:
    lines = ["", _("Route: {route}").format(route=progress.route.label)]
    if progress.route.waiting:
        lines.append("  " + progress.route.waiting)
    for step in progress.steps:
        moved = f"{step.from_status.label()} → {step.to_status.label()}" if step.to_status != step.from_status else ""
        who = step.by_role.label()
        detail = ", ".join(t for t in (moved, who) if t)
        lines.append(f"  {_value(step.on)}  {step.action.label()} ({detail})")
        if step.note:
            lines.append(f"      {step.note}")
    if not progress.steps:
        lines.append("  " + _("(nog geen stappen)"))
    return lines


def record_text(record: CaseRecord, progress: CaseProgress | None = None) -> str:
    header = record.header
    lines = [f"{_('Dossier')} {header.tracking_number}"]
    board = [  # personnel level 3 (Art. 6): only once the director referred the case
        (field_label(name), getattr(header, name))
        for name in ("board_meeting_on", "complainant_told_board_date_on")
        if header.board_meeting_on is not None
    ]
    lines += _lines(
        [
            (field_label("kind"), header.kind),
            (field_label("category"), header.category),
            (field_label("level"), header.level),
            (field_label("status"), header.status),
            (field_label("received_on"), header.received_on),
            (field_label("channel"), header.channel),
            (field_label("handler_name"), header.handler_name),
            (field_label("acknowledged_on"), header.acknowledged_on),
            (field_label("oral_confirmed_on"), header.oral_confirmed_on),
            *board,
            (_("Geregistreerd op"), header.registered_at),
            (_("Vertrouwelijk"), header.confidential),
        ]
    )
    for title, part in (
        (_("Beschrijving"), record.description),
        (_("Behandeling"), record.handling),
        (_("Afronding"), record.closure),
    ):
        lines.append("")
        lines.append(title)
        if part is None:
            lines.append("  " + _("(vertrouwelijk: niet zichtbaar voor u, Art. 6)"))
            continue
        pairs = [
            (field_label(f.name), getattr(part, f.name))
            for f in dataclasses.fields(part)
            if f.name not in _SKIPPED and not (part is record.description and f.name in ("received_on", "channel"))
        ]
        lines += _lines(pairs)
    if progress is not None:
        lines += _steps_lines(progress)
    return "\n".join(lines)
