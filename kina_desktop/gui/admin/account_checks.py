"""Checks on a new account before it is sent, each message next to the field it is about.

The service checks the same things again (and more: a user name that already exists) and
answers with one sentence; checking here first lets each field show its own message. The rules
themselves (the user name pattern, the shortest password) come from the services through the
composition root, so they are written down once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kina_desktop.domain.accounts import NewAccount, account_problems
from kina_desktop.domain.validation import Problem
from kina_desktop.i18n import _


@dataclass(frozen=True)
class AccountRules:
    """services.accounts.USERNAME and MIN_PASSWORD_LENGTH, handed in by the composition root."""

    username: re.Pattern[str]
    min_password_length: int


def check_account(
    draft: NewAccount, repeated_password: str, rules: AccountRules | None = None, *, needs_roles: bool
) -> list[Problem]:
    """What is wrong with ``draft``, per field (empty: it may be sent). The rules are the
    domain's (domain/accounts.py), the same the service applies; only the repeated password is
    the window's own check."""
    problems = account_problems(draft, needs_roles=needs_roles)
    if not any(p.field == "password" for p in problems) and repeated_password != draft.password:
        problems.append(Problem("repeated_password", _("De twee wachtwoorden zijn niet gelijk.")))
    return problems
