"""The domain's one error: a step the reglement does not allow.

Every message is Dutch and names the article it comes from. The services wrap it in their own
``RuleViolation`` (services/errors.py) so the GUI shows it; nothing was changed when it is raised.
"""

from __future__ import annotations

from collections.abc import Iterable


class RuleViolation(Exception):
    """Refused by the reglement; ``problems`` lists every reason, each a Dutch sentence."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems: tuple[str, ...] = (problems,) if isinstance(problems, str) else tuple(problems)
        if not self.problems:
            raise ValueError("a RuleViolation needs at least one problem")
        super().__init__("\n".join(self.problems))

    @property
    def message(self) -> str:
        return str(self)
