"""SQL pieces the case list, the known-complainant search and the web-form import share: who may
read a description (the SQL form of domain/visibility.py ``visible_parts``) and a LIKE pattern
for a search term."""

from __future__ import annotations

from sqlalchemy import false, or_, true
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FromClause

from kina_desktop.db.models import Case
from kina_desktop.domain.visibility import Viewer

cases = Case.__table__


def description_visible(viewer: Viewer, header: FromClause = cases) -> ColumnElement[bool]:
    """SQL form of visibility.visible_parts() for the description part (the same rule; a test
    checks that both agree for every role and case); ``header``: another alias of ``cases``."""
    if viewer.is_director:
        return true()
    condition: ColumnElement[bool] = header.c.confidential == false()
    if viewer.user_id is not None:
        condition = or_(condition, header.c.registered_by_id == viewer.user_id)
    return condition


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE's own characters escaped (use with ``escape="\\"``)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
