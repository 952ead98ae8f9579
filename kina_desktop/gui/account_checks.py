"""Checks on a new account before it is sent, each message next to the field it is about.

The service checks the same things again (and more: a user name that already exists) and
answers with one sentence; checking here first lets each field show its own message. The rules
themselves (the user name pattern, the shortest password) come from the services through the
composition root, so they are written down once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kina_desktop.domain.validation import Problem, is_valid_email
from kina_desktop.gui.ports import AccountDraft
from kina_desktop.i18n import _


@dataclass(frozen=True)
class AccountRules:
    """services.accounts.USERNAME and MIN_PASSWORD_LENGTH, handed in by the composition root."""

    username: re.Pattern[str]
    min_password_length: int


def check_account(
    draft: AccountDraft, repeated_password: str, rules: AccountRules, *, needs_roles: bool
) -> list[Problem]:
    """What is wrong with ``draft``, per field (empty: it may be sent)."""
    problems: list[Problem] = []
    if not draft.username:
        problems.append(Problem("username", _("Vul een gebruikersnaam in.")))
    elif not rules.username.match(draft.username):
        problems.append(
            Problem(
                "username",
                _("Alleen kleine letters, cijfers en _, te beginnen met een letter (bijvoorbeeld jan_peeters)."),
            )
        )
    if not draft.display_name.strip():
        problems.append(Problem("display_name", _("Vul de naam in zoals ze in brieven verschijnt.")))
    if draft.email.strip() and not is_valid_email(draft.email.strip()):
        problems.append(Problem("email", _("Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).")))
    if len(draft.password) < rules.min_password_length:
        problems.append(
            Problem(
                "password",
                _("Het wachtwoord moet minstens {n} tekens lang zijn.").format(n=rules.min_password_length),
            )
        )
    elif repeated_password != draft.password:
        problems.append(Problem("repeated_password", _("De twee wachtwoorden zijn niet gelijk.")))
    if needs_roles and not draft.roles:
        problems.append(Problem("roles", _("Kies minstens één rol.")))
    return problems
