"""Between database rows and the domain's dataclasses, with the confidential track applied."""

from __future__ import annotations

from dataclasses import fields

from kina_desktop.db.models import Case, CaseClosure, CaseDescription, CaseHandling
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.complaint import CaseHeader, CaseRecord, Closure, Description, Handling
from kina_desktop.domain.enums import Admissibility, Category, Channel, Kind, Level, Status, Verdict
from kina_desktop.domain.text import family_name_key, fold
from kina_desktop.domain.visibility import Part, Viewer, visible_parts

DESCRIPTION_COLUMNS = [f.name for f in fields(Description) if f.name not in ("received_on", "channel")]
HANDLING_COLUMNS = [f.name for f in fields(Handling) if f.name != "handler_id"]
CLOSURE_COLUMNS = [f.name for f in fields(Closure)]


def header_of(case: Case) -> CaseHeader:
    return CaseHeader(
        id=case.id,
        tracking_number=case.tracking_number,
        kind=Kind(case.kind),
        category=Category(case.category),
        level=Level(case.level),
        status=Status(case.status),
        received_on=case.received_on,
        channel=Channel(case.channel),
        registered_by_id=case.registered_by_id,
        registered_at=case.registered_at,
        version=case.version,
        acknowledged_on=case.acknowledged_on,
        oral_confirmed_on=case.oral_confirmed_on,
        handler_name=case.handler.display_name if case.handler else "",
        legal_hold_since=case.legal_hold_since,
        pseudonymised_on=case.pseudonymised_on,
        board_meeting_on=case.board_meeting_on,
        complainant_told_board_date_on=case.complainant_told_board_date_on,
    )


def description_of(case: Case) -> Description:
    row = case.description
    values = {name: getattr(row, name) for name in DESCRIPTION_COLUMNS}
    return Description(received_on=case.received_on, channel=Channel(case.channel), **values)


def handling_of(case: Case) -> Handling:
    row = case.handling
    values = {name: getattr(row, name) for name in HANDLING_COLUMNS}
    values["admissibility"] = Admissibility(values["admissibility"])
    values["verdict"] = Verdict(values["verdict"])
    return Handling(handler_id=case.handler_id, **values)


def closure_of(case: Case) -> Closure:
    row = case.closure
    return Closure(**{name: getattr(row, name) for name in CLOSURE_COLUMNS})


def parts_for(viewer: Viewer, case: Case) -> frozenset[Part]:
    """The parts of this stored case the viewer may read (domain/visibility.py decides)."""
    return visible_parts(viewer, Category(case.category), Level(case.level), case.registered_by_id)


def part_names_for(viewer: Viewer, case: Case) -> set[str]:
    """The same, as the ``part`` values stored on rows that belong with a part ("" = header)."""
    return {p.value for p in parts_for(viewer, case)} | {""}


def record_of(case: Case, viewer: Viewer) -> CaseRecord:
    """The case as this viewer may see it: parts outside their view are None."""
    parts = parts_for(viewer, case)
    return CaseRecord(
        header=header_of(case),
        description=description_of(case) if Part.DESCRIPTION in parts and case.description else None,
        handling=handling_of(case) if Part.HANDLING in parts and case.handling else None,
        closure=closure_of(case) if Part.CLOSURE in parts and case.closure else None,
    )


def search_key_of(desc: Description) -> str:
    return fold(
        " ".join(
            [
                desc.complainant_name,
                desc.complainant_email,
                desc.complainant_city,
                desc.organisation,
                desc.subject,
                desc.staff_member,
            ]
        )
    )


def _stored(value: object) -> object:
    # Enums are stored by their code.
    return value.value if hasattr(value, "value") else value


def fill_description(row: CaseDescription, desc: Description) -> None:
    for name in DESCRIPTION_COLUMNS:
        setattr(row, name, _stored(getattr(desc, name)))
    row.search_key = search_key_of(desc)
    row.sort_name = family_name_key(desc.complainant_name)


def fill_handling(row: CaseHandling, handling: Handling) -> None:
    for name in HANDLING_COLUMNS:
        setattr(row, name, _stored(getattr(handling, name)))


def fill_closure(row: CaseClosure, closure: Closure) -> None:
    for name in CLOSURE_COLUMNS:
        setattr(row, name, _stored(getattr(closure, name)))


def header_state(case: Case) -> CaseState:
    """The case as the route sees it from its header alone: kind, category, level, channel, receipt
    and status (the parts and the steps empty)."""
    return CaseState(
        kind=Kind(case.kind),
        category=Category(case.category),
        level=Level(case.level),
        channel=Channel(case.channel),
        received_on=case.received_on,
        status=Status(case.status),
    )
