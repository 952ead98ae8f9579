"""What can go wrong when a letter is made, each with one clear Dutch message.

All but ``Cancelled`` are ``ServiceError``s: a person caused them (a template with a typing
error, a case that lacks the data the letter needs) and can put them right. A letter the
reglement does not allow is refused with the domain's ``RuleViolation`` instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from kina_desktop.errors import ServiceError


class TemplateProblems(ServiceError):
    """The text of a letter template is not usable; ``problems`` lists every reason."""

    def __init__(self, heading: str, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join([heading, *(f"- {p}" for p in self.problems)]))


class MissingLetterData(ServiceError):
    """The case lacks a value the letter needs (a verdict, a ground, a board date ...)."""

    def __init__(self, message: str, fields: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.fields: tuple[str, ...] = tuple(fields)


class LetterTextProblem(ServiceError):
    """A person's edits of one letter cannot be used (reports/letter_text.py apply_edits)."""


class CaseNotReadable(ServiceError):
    """The caller may not read the description of the case (the confidential track of Art. 6)."""


class Cancelled(Exception):
    """A person cancelled a batch of letters; nothing was returned."""
