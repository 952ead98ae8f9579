"""The one check that keeps a pseudonymised case as it is (retention, GDPR): every service that
edits a case, takes a step, makes a letter or adds or removes a document calls it first."""

from __future__ import annotations

from kina_desktop.db.models import Case
from kina_desktop.domain.retention import changes_refused
from kina_desktop.services.errors import RuleViolation


def refuse_if_pseudonymised(case: Case) -> None:
    """RuleViolation, with the Dutch reason, when the case was pseudonymised."""
    reason = changes_refused(case.tracking_number, case.pseudonymised_on)
    if reason:
        raise RuleViolation(reason)
