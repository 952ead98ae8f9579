"""The audit trail: append-only records of who did what to which case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import Enum

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kina_desktop.db.models import AuditEvent
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.visibility import Viewer

Action = AuditAction  # the vocabulary lives in the domain (domain/audit_actions.py)


def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def event(
    viewer: Viewer,
    action: Action,
    *,
    case_id: int | None = None,
    case_version: int = 0,
    project_id: int | None = None,
    part: str = "",
    field: str = "",
    old: object = None,
    new: object = None,
    at: dt.datetime | None = None,
) -> dict[str, object]:
    """One history line as the values of its row."""
    return {
        "at": at or dt.datetime.now(),
        "account_id": viewer.user_id,
        "actor_name": viewer.display_name,
        "case_id": case_id,
        "case_version": case_version,
        "project_id": project_id,
        "action": action.value,
        "part": part,
        "field": field,
        "old_value": as_text(old),
        "new_value": as_text(new),
    }


def record(
    session: Session,
    viewer: Viewer,
    action: Action,
    *,
    case_id: int | None = None,
    case_version: int = 0,
    project_id: int | None = None,
    part: str = "",
    field: str = "",
    old: object = None,
    new: object = None,
    at: dt.datetime | None = None,
) -> None:
    session.add(
        AuditEvent(
            **event(
                viewer,
                action,
                case_id=case_id,
                case_version=case_version,
                project_id=project_id,
                part=part,
                field=field,
                old=old,
                new=new,
                at=at,
            )
        )
    )


def insert_events(session: Session, events: Sequence[dict[str, object]]) -> None:
    """Several history lines (``event``) in one statement, in their order: a batch's history."""
    if events:
        session.execute(insert(AuditEvent), list(events))


def change_events(
    viewer: Viewer,
    case_id: int,
    case_version: int,
    changes: Iterable[tuple[Action, str, str, object, object]],
    at: dt.datetime,
) -> list[dict[str, object]]:
    """One history line per changed field of a case, (action, part, field, old, new) each, at the
    case's new version."""
    return [
        event(
            viewer, action, case_id=case_id, case_version=case_version, part=part, field=field, old=old, new=new, at=at
        )
        for action, part, field, old, new in changes
    ]


def record_changes(
    session: Session,
    viewer: Viewer,
    case_id: int,
    case_version: int,
    changes: Iterable[tuple[Action, str, str, object, object]],
    at: dt.datetime,
) -> None:
    """``change_events`` added to the session's unit of work."""
    for values in change_events(viewer, case_id, case_version, changes, at):
        session.add(AuditEvent(**values))
