"""Who may do what outside the routes of Art. 6 (those are in domain/transitions.py)."""

from __future__ import annotations

from collections.abc import Iterable

from kina_desktop.domain.enums import Role

# Art. 5: complaints are received and registered by the receiver; the complaints team and the
# director receive them too. A handler or an administrator alone does not register.
REGISTERING_ROLES = frozenset({Role.RECEIVER, Role.TEAM, Role.DIRECTOR})


def may_register(roles: Iterable[Role]) -> bool:
    return not REGISTERING_ROLES.isdisjoint(roles)


def may_administer(roles: Iterable[Role]) -> bool:
    """The program's own settings (accounts, letterhead and templates, calendar, lists, mailbox,
    retention period): an administrator."""
    return Role.ADMINISTRATOR in set(roles)


may_manage_accounts = may_administer


def may_export_register(roles: Iterable[Role]) -> bool:
    """The full register with every part of every case, confidential ones too (Art. 6): the director."""
    return Role.DIRECTOR in set(roles)
