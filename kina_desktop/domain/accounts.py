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
    # After an administrator reset the password: the person chooses a new one at sign-in.
    must_change_password: bool = False


@dataclass(frozen=True)
class AccountDetails:
    """What prints on letters as the contact person (Art. 5): changed by an administrator."""

    display_name: str
    function: str = ""
    phone: str = ""
    email: str = ""


def details_problems(details: AccountDetails) -> list[Problem]:
    """What is wrong with the contact details, per field (empty: fine)."""
    problems: list[Problem] = []
    if not details.display_name.strip():
        problems.append(Problem("display_name", _("Vul de naam in zoals ze in brieven verschijnt.")))
    if details.email.strip() and not is_valid_email(details.email.strip()):
        problems.append(Problem("email", _("Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).")))
    return problems


def password_problems(password: str, field_name: str = "password") -> list[Problem]:
    """A new password is long enough (empty list: fine)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return [
            Problem(field_name, _("Het wachtwoord moet minstens {n} tekens lang zijn.").format(n=MIN_PASSWORD_LENGTH))
        ]
    return []


def roles_problems(roles: frozenset[Role] | set[Role]) -> list[Problem]:
    return [] if roles else [Problem("roles", _("Kies minstens één rol."))]


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
    problems += details_problems(AccountDetails(new.display_name, new.function, new.phone, new.email))
    problems += password_problems(new.password)
    if needs_roles:
        problems += roles_problems(new.roles)
    return problems


def may_appoint_director(roles: frozenset[Role] | set[Role]) -> bool:
    """Art. 6 gives complaints about personnel to the director alone: only the director makes
    someone director (an administrator who is not the director cannot make themselves or anyone
    else director). The PostgreSQL server checks the same (db/account_functions.py)."""
    return Role.DIRECTOR in roles
