"""Earlier cases of a complainant in the register (Art. 3 'already handled').

One query serves the registration form (known complainant, name completion) and the workflow's
admissibility proposal. It keeps the confidential track: only cases whose description the
person may read are looked at (``sql_filters.description_visible``, the SQL form of
``domain/visibility``); on PostgreSQL row-level security hides the same rows anyway.

The database narrows the candidates (same e-mail address; every word of the name; or the same
postal code and one word of the name, for typing differences); the domain decides who is the
same complainant (``complainant_match``).
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kina_desktop.db.models import Case, CaseClosure, CaseDescription
from kina_desktop.domain.admissibility import EarlierCase
from kina_desktop.domain.complainant_match import Complainant, email_key
from kina_desktop.domain.enums import Category, Kind, Status
from kina_desktop.domain.text import fold
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.cases.sql_filters import description_visible, like_pattern

CANDIDATE_LIMIT = 200  # the newest; a complainant with more earlier cases is rare
SUGGESTION_LIMIT = 12
MIN_SUGGESTION_TEXT = 2
_WORD = re.compile(r"[a-z0-9]+")


def _name_words(name: str) -> list[str]:
    return [w for w in _WORD.findall(fold(name)) if len(w) >= 2]


def _contains(word: str) -> ColumnElement[bool]:
    return CaseDescription.search_key.like(like_pattern(word), escape="\\")


def _candidates(complainant: Complainant) -> ColumnElement[bool] | None:
    conditions: list[ColumnElement[bool]] = []
    email = email_key(complainant.email)
    if email:
        conditions.append(func.lower(CaseDescription.complainant_email) == email)
    words = _name_words(complainant.name)
    if words:
        conditions.append(and_(*[_contains(w) for w in words]))
        postal = complainant.postal_code.strip()
        long_words = [w for w in words if len(w) >= 3]
        if postal and long_words:
            conditions.append(
                and_(CaseDescription.complainant_postal_code == postal, or_(*[_contains(w) for w in long_words]))
            )
    return or_(*conditions) if conditions else None


def find_earlier_cases(
    session: Session,
    viewer: Viewer,
    complainant: Complainant,
    *,
    received_on: dt.date | None = None,
    exclude_case_id: int | None = None,
    limit: int = CANDIDATE_LIMIT,
) -> list[EarlierCase]:
    """Cases that may be of this complainant (received on or before ``received_on``), newest
    first, as far as this person may read their description."""
    candidates = _candidates(complainant)
    if candidates is None:
        return []
    conditions = [candidates, description_visible(viewer)]
    if received_on is not None:
        conditions.append(Case.received_on <= received_on)
    if exclude_case_id is not None:
        conditions.append(Case.id != exclude_case_id)
    stmt = (
        select(Case, CaseDescription, CaseClosure.closed_on)
        .join(CaseDescription, CaseDescription.case_id == Case.id)
        .outerjoin(CaseClosure, CaseClosure.case_id == Case.id)
        .where(*conditions)
        .order_by(Case.received_on.desc(), Case.id.desc())
        .limit(limit)
    )
    return [
        EarlierCase(
            tracking_number=case.tracking_number,
            received_on=case.received_on,
            complainant_name=desc.complainant_name,
            complainant_email=desc.complainant_email,
            subject=desc.subject,
            facts_on=desc.facts_on,
            kind=Kind(case.kind),
            status=Status(case.status),
            closed_on=closed_on,
            case_id=case.id,
            complainant_street=desc.complainant_street,
            complainant_postal_code=desc.complainant_postal_code,
            complainant_city=desc.complainant_city,
            category=Category(case.category),
            organisation=desc.organisation,
            text=desc.text,
        )
        for case, desc, closed_on in session.execute(stmt).all()
    ]


def complainant_suggestions(
    session: Session, viewer: Viewer, text: str, limit: int = SUGGESTION_LIMIT
) -> list[Complainant]:
    """Known complainants whose name contains ``text`` (case and accents aside), with the
    address and contact details of their latest case, one per person and address; only from
    cases whose description this person may read."""
    words = _name_words(text)
    if len(fold(text).strip()) < MIN_SUGGESTION_TEXT or not words:
        return []
    wanted = fold(text).strip()
    stmt = (
        select(
            CaseDescription.complainant_name,
            CaseDescription.complainant_street,
            CaseDescription.complainant_postal_code,
            CaseDescription.complainant_city,
            CaseDescription.complainant_email,
            CaseDescription.complainant_phone,
        )
        .join(Case, Case.id == CaseDescription.case_id)
        .where(*[_contains(w) for w in words], description_visible(viewer), CaseDescription.complainant_name != "")
        .order_by(Case.received_on.desc(), Case.id.desc())
        .limit(limit * 20)
    )
    seen: set[tuple[str, str, str]] = set()
    found: list[Complainant] = []
    for name, street, postal_code, city, email, phone in session.execute(stmt).all():
        if wanted not in fold(name):
            continue  # the words were elsewhere in the search key (the city, the subject)
        key = (fold(name), fold(street), email_key(email))
        if key in seen:
            continue
        seen.add(key)
        found.append(
            Complainant(name=name, email=email, street=street, postal_code=postal_code, city=city, phone=phone)
        )
        if len(found) == limit:
            break
    found.sort(key=lambda c: fold(c.name))
    return found


__all__ = ["complainant_suggestions", "find_earlier_cases"]
