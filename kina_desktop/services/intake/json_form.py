"""The JSON form of a registration: read by ``kina-desktop register``, written by ``show --json``.

The form is documented for people in docs/register-json.md. Keys are the field names of the
domain dataclasses, values are the stored codes (or the Dutch labels, for convenience) and dates
are ISO 8601. Every problem is one Dutch sentence that names the field and, where it can be
found, the line of the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from enum import Enum
from typing import Any

from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft, Description
from kina_desktop.domain.enums import Category, Channel, Kind, Level, _Labelled
from kina_desktop.domain.labels import field_label
from kina_desktop.domain.validation import Problem
from kina_desktop.i18n import N_, _
from kina_desktop.services.cases.workflow import CaseProgress
from kina_desktop.services.errors import ServiceError

FORM_KEYS = ("kind", "category", "level", "description")
DESCRIPTION_KEYS = tuple(f.name for f in dataclasses.fields(Description))
DATE_KEYS = frozenset({"received_on", "facts_on"})
REQUIRED_DESCRIPTION_KEYS = ("channel",)

# json's own messages, in Dutch.
JSON_MESSAGES = {
    "Expecting value": N_("hier wordt een waarde verwacht"),
    "Expecting ',' delimiter": N_("hier wordt een komma verwacht"),
    "Expecting ':' delimiter": N_("hier wordt een dubbele punt verwacht"),
    "Expecting property name enclosed in double quotes": N_(
        "hier wordt een veldnaam tussen dubbele aanhalingstekens verwacht"
    ),
    "Unterminated string starting at": N_("een tekst zonder afsluitend aanhalingsteken begint hier"),
    "Invalid control character at": N_("ongeldig stuurteken in een tekst"),
    "Invalid \\escape": N_("ongeldige escape met \\ in een tekst"),
    "Invalid \\uXXXX escape": N_("ongeldige \\uXXXX-escape in een tekst"),
    "Extra data": N_("er staat nog tekst na het einde van het JSON-object"),
}


class FormError(ServiceError):
    """The JSON form cannot become a registration; the message names the field and line."""

    def __init__(self, message: str, *, field: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.line = line


def _line_of(text: str, key: str) -> int | None:
    """The line where ``"key"`` first appears as a key in the JSON text (1-based)."""
    match = re.search(r'"' + re.escape(key) + r'"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _where(text: str, path: str) -> str:
    line = _line_of(text, path.rsplit(".", 1)[-1])
    if line is None:
        return _("veld {field}").format(field=path)
    return _("veld {field} (regel {line})").format(field=path, line=line)


def _fail(text: str, path: str, message: str) -> FormError:
    line = _line_of(text, path.rsplit(".", 1)[-1])
    return FormError(f"{_where(text, path)}: {message}", field=path, line=line)


def _enum(text: str, path: str, cls: type[_Labelled], value: object) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label().casefold()):
                return member
    codes = ", ".join(f'"{m.value}"' for m in cls)
    raise _fail(
        text,
        path,
        _("onbekende waarde {value}; kies uit {codes}").format(
            value=json.dumps(value, ensure_ascii=False), codes=codes
        ),
    )


def _date(text: str, path: str, value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(
        text,
        path,
        _("{value} is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-24").format(
            value=json.dumps(value, ensure_ascii=False)
        ),
    )


def _text(text: str, path: str, value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _fail(
            text,
            path,
            _("moet tekst tussen aanhalingstekens zijn, niet {value}").format(
                value=json.dumps(value, ensure_ascii=False)
            ),
        )
    return value


def _unknown_keys(text: str, prefix: str, data: dict, allowed: tuple[str, ...]) -> None:
    for key in data:
        if key not in allowed:
            path = f"{prefix}{key}"
            raise _fail(text, path, _("onbekend veld; toegelaten velden: {keys}").format(keys=", ".join(allowed)))


def parse_json(text: str) -> Any:
    """The JSON value in ``text``; FormError with line and column when it is not valid JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        known = JSON_MESSAGES.get(error.msg)
        raise FormError(
            _("ongeldige JSON op regel {line}, kolom {column}: {message}").format(
                line=error.lineno, column=error.colno, message=_(known) if known else error.msg
            ),
            line=error.lineno,
        ) from None


def draft_from_json(text: str, today: dt.date) -> ComplaintDraft:
    """Read the JSON form (docs/register-json.md) into a draft; FormError on the first problem.

    The domain's validation (required fields, dates, e-mail ...) is left to the service that
    registers the draft; ``problems_text`` turns its problems into one line for the same form.
    """
    data = parse_json(text)
    if not isinstance(data, dict):
        raise FormError(_("het JSON-bestand moet één object {…} met de velden van de klacht bevatten"), line=1)
    _unknown_keys(text, "", data, FORM_KEYS)
    desc = data.get("description")
    if not isinstance(desc, dict):
        raise _fail(text, "description", _("ontbreekt of is geen object {…} met de beschrijving van de klacht"))
    _unknown_keys(text, "description.", desc, DESCRIPTION_KEYS)
    for key in REQUIRED_DESCRIPTION_KEYS:
        if desc.get(key) in (None, ""):
            raise FormError(
                _("veld description.{key} ontbreekt ({label})").format(key=key, label=field_label(key)),
                field=f"description.{key}",
            )
    values: dict[str, Any] = {}
    for key, value in desc.items():
        path = f"description.{key}"
        if key in DATE_KEYS:
            values[key] = _date(text, path, value)
        elif key == "channel":
            values[key] = _enum(text, path, Channel, value)
        else:
            values[key] = _text(text, path, value)
    if values.get("received_on") is None:
        values["received_on"] = today
    if values.get("complainant_language", "") == "":
        values.pop("complainant_language", None)
    description = Description(**values)
    return ComplaintDraft(
        description=description,
        kind=_enum(text, "kind", Kind, data.get("kind", Kind.COMPLAINT.value)),
        category=_enum(text, "category", Category, data.get("category", Category.DAILY_OPERATIONS.value)),
        level=_enum(text, "level", Level, data.get("level", Level.TWO.value)),
    )


def problems_text(text: str, problems: list[Problem]) -> str:
    """The domain's validation problems as one line that points into the JSON form."""
    parts = []
    for problem in problems:
        path = f"description.{problem.field}" if problem.field in DESCRIPTION_KEYS else problem.field
        line = _line_of(text, problem.field)
        where = path if line is None else _("{field}, regel {line}").format(field=path, line=line)
        message = problem.message if problem.message.endswith(".") else problem.message + "."
        parts.append(f"{field_label(problem.field)} ({where}): {message}")
    return " ".join(parts)


# -- writing -----------------------------------------------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _part(part: object | None) -> dict[str, object] | None:
    if part is None:
        return None
    return {f.name: _plain(getattr(part, f.name)) for f in dataclasses.fields(part)}  # type: ignore[arg-type]


def record_to_json(record: CaseRecord, progress: CaseProgress | None = None) -> dict[str, object]:
    """The whole record: the header, then the three parts of Art. 5 (None where the caller may
    not see a part), then the route of Art. 3/6 and the steps taken on it (their notes are empty
    where the caller may not see the handling part). The description has the same keys as the
    register form's description."""
    header = record.header
    out: dict[str, object] = {f.name: _plain(getattr(header, f.name)) for f in dataclasses.fields(header)}
    out["confidential"] = header.confidential
    out["description"] = _part(record.description)
    out["handling"] = _part(record.handling)
    out["closure"] = _part(record.closure)
    if progress is not None:
        route = progress.route
        current = next((i for i, s in enumerate(route.steps, start=1) if s.current), None)
        out["route"] = {
            "key": route.key.value,
            "steps": [s.status.value for s in route.steps],
            "current": route.current.value,
            "step_number": current,
            "who_acts": [r.value for r in route.holders],
            "waiting": route.waiting,
        }
        out["admissibility"] = _plain(progress.assessment.admissibility) if progress.assessment else None
        out["grounds"] = (
            [{"ground": f.ground.value, "motivation": f.motivation} for f in progress.assessment.findings]
            if progress.assessment
            else None
        )
        out["verdict"] = _plain(record.handling.verdict) if record.handling else None
        out["deadlines"] = {
            name: None
            if view is None
            else {"due_on": _plain(view.due_on), "done_on": _plain(view.done_on), "state": view.state.value}
            for name, view in (
                ("acknowledgement", progress.deadlines.acknowledgement),
                ("handling", progress.deadlines.handling),
            )
        }
        out["deadlines"]["waiting_for_complainant"] = progress.deadlines.waiting_for_complainant
        out["steps"] = [_part(step) for step in progress.steps]
    return out


__all__ = ["FormError", "draft_from_json", "parse_json", "problems_text", "record_to_json"]
