"""Errors a service raises for the caller to show a person; every message is Dutch text."""

from __future__ import annotations

from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.validation import Problem
from kina_desktop.errors import DatabaseUnavailable, ServiceError
from kina_desktop.i18n import _

__all__ = [
    "CaseNotFound",
    "ConcurrentEdit",
    "DatabaseUnavailable",
    "PermissionDenied",
    "RuleViolation",
    "ServiceError",
    "ValidationFailed",
]


class ValidationFailed(ServiceError):
    def __init__(self, problems: list[Problem]) -> None:
        lines = "; ".join(p.message for p in problems)
        super().__init__(_("Niet opgeslagen: {problems}").format(problems=lines))
        self.problems = problems


class CaseNotFound(ServiceError):
    def __init__(self, reference: str) -> None:
        super().__init__(_("Geen dossier met opvolgingsnummer {number}.").format(number=reference))
        self.reference = reference


class PermissionDenied(ServiceError):
    pass


class ConcurrentEdit(ServiceError):
    """Someone else saved the case (or the improvement project, with its own ``message``) since
    this editor loaded it (optimistic locking). ``changes``: (label, old, new) of what they changed."""

    def __init__(
        self, tracking_number: str, changed_by: str, changes: list[tuple[str, str, str]], *, message: str | None = None
    ):
        super().__init__(
            message
            if message is not None
            else _(
                "Dossier {number} werd intussen gewijzigd door {who}. Uw wijzigingen zijn niet "
                "opgeslagen maar staan nog in het venster: bekijk de wijzigingen hieronder, laad het "
                "dossier opnieuw en voer ze opnieuw in."
            ).format(number=tracking_number, who=changed_by or _("een collega"))
        )
        self.tracking_number = tracking_number
        self.changed_by = changed_by
        self.changes = changes
