"""A known complainant: their earlier cases, shown while a new one is registered, and
the Art. 3 proposal 'already correctly handled' when one looks like the same facts.

The proposal itself is ``admissibility.propose_grounds``'s, word for word: the registration form
shows it as a warning, and the admissibility step shows it pre-checked for a person to confirm
or reject. Nothing is decided here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kina_desktop.domain.admissibility import (
    EarlierCase,
    Proposal,
    facts_similarity,
    looks_like_same_facts,
    propose_grounds,
)
from kina_desktop.domain.complainant_match import Complainant, identified
from kina_desktop.domain.complaint import Description
from kina_desktop.domain.enums import Category, InadmissibilityGround, Kind, Status


@dataclass(frozen=True)
class KnownCase:
    """One earlier case of a recognised complainant, as the registration form lists it."""

    case_id: int | None
    tracking_number: str
    received_on: dt.date
    subject: str
    kind: Kind
    status: Status
    reason: str  # why this is the same complainant, in Dutch ("zelfde e-mailadres")
    same_facts: bool  # looks like the same facts (whether or not it was handled)


@dataclass(frozen=True)
class KnownComplainant:
    """What the form shows: the earlier cases, newest first, and the proposal, if any."""

    cases: tuple[KnownCase, ...] = ()
    proposal: Proposal | None = None


def known_cases(description: Description, category: Category | None, earlier: Iterable[EarlierCase]) -> list[KnownCase]:
    """The earlier cases of the same complainant, newest first, each with why it matched.

    Listed only above a clear threshold (complainant_match.identified): the same e-mail address,
    or the same name at the same address. A name alone — a namesake, or a registration without an
    address or e-mail yet — lists nothing: the subjects and numbers of another person's cases are
    that person's data (GDPR art. 5(1)(f)), and the Art. 3 proposal needs the same evidence."""
    complainant = Complainant.of(description)
    found: list[KnownCase] = []
    for case in earlier:
        reason = identified(complainant, case.complainant)
        if reason is None:
            continue
        found.append(
            KnownCase(
                case_id=case.case_id,
                tracking_number=case.tracking_number,
                received_on=case.received_on,
                subject=case.subject,
                kind=case.kind,
                status=case.status,
                reason=reason,
                same_facts=looks_like_same_facts(facts_similarity(description, category, case)),
            )
        )
    found.sort(key=lambda k: (k.received_on, k.tracking_number), reverse=True)
    return found


def known_complainant(
    description: Description, kind: Kind, category: Category | None, earlier: Iterable[EarlierCase]
) -> KnownComplainant:
    """The earlier cases and the 'already correctly handled' proposal of Art. 3 they lead to."""
    earlier = list(earlier)
    cases = known_cases(description, category, earlier)
    proposal = None
    if cases and kind == Kind.COMPLAINT:
        proposal = next(
            (
                p
                for p in propose_grounds(description, kind, earlier, category)
                if p.ground == InadmissibilityGround.ALREADY_HANDLED
            ),
            None,
        )
    return KnownComplainant(tuple(cases), proposal)


__all__ = ["KnownCase", "KnownComplainant", "known_cases", "known_complainant"]
