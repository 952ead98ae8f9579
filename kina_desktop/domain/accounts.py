"""Accounts as the program knows them, and the checks on a new one, per field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kina_desktop.domain.enums import Role
from kina_desktop.domain.validation import Problem, is_valid_email
from kina_desktop.i18n import _

# Also a PostgreSQL login name on the shared database: lower case, no spaces.
USERNAME = re.compile(r"^[a-z][a-z0-9_.]{1,40}$")
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    function: str = ""
    phone: str = ""
    email: str = ""
    active: bool = True


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    password: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    function: str = ""
    phone: str = ""
    email: str = ""


def account_problems(new: NewAccount, *, needs_roles: bool = True) -> list[Problem]:
    """What is wrong with a new account, each problem tied to its field (empty: fine)."""
    problems: list[Problem] = []
    if not new.username:
        problems.append(Problem("username", _("Vul een gebruikersnaam in.")))
    elif not USERNAME.match(new.username):
        problems.append(
            Problem(
                "username",
                _(
                    "Alleen kleine letters, cijfers, punten en _, te beginnen met een letter (bijvoorbeeld jan.peeters)."
                ),
            )
        )
    if not new.display_name.strip():
        problems.append(Problem("display_name", _("Vul de naam in zoals ze in brieven verschijnt.")))
    if new.email.strip() and not is_valid_email(new.email.strip()):
        problems.append(Problem("email", _("Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).")))
    if len(new.password) < MIN_PASSWORD_LENGTH:
        problems.append(
            Problem("password", _("Het wachtwoord moet minstens {n} tekens lang zijn.").format(n=MIN_PASSWORD_LENGTH))
        )
    if needs_roles and not new.roles:
        problems.append(Problem("roles", _("Kies minstens één rol.")))
    return problems


def may_appoint_director(roles: frozenset[Role] | set[Role]) -> bool:
    """Art. 6 gives complaints about personnel to the director alone: only the director makes
    someone director (an administrator who is not the director cannot make themselves or anyone
    else director). The PostgreSQL server checks the same (db/account_functions.py)."""
    return Role.DIRECTOR in roles
