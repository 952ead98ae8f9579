"""The one error of a rule of the reglement: a step or a value the reglement does not allow.

Every message is Dutch and names the article it comes from. It is a ``ServiceError`` (the base of
every error a person is shown, kina_desktop/errors.py), so the services let it through as it is and
the GUI and the commands show it; nothing was changed when it is raised. ``problems`` lists every
reason; the message joins them.
"""

from __future__ import annotations

from collections.abc import Iterable

from kina_desktop.errors import ServiceError


class RuleViolation(ServiceError):
    """Refused by the reglement; ``problems`` lists every reason, each a Dutch sentence."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems: tuple[str, ...] = (problems,) if isinstance(problems, str) else tuple(problems)
        if not self.problems:
            raise ValueError("a RuleViolation needs at least one problem")
        super().__init__(" ".join(self.problems))
