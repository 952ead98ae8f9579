"""Who may do what outside the routes of Art. 6 (those are in domain/transitions.py)."""

from __future__ import annotations

from collections.abc import Iterable

from kina_desktop.domain.enums import Role

# Art. 5: complaints are received and registered by the receiver; the complaints team and the
# director receive them too. A handler or an administrator alone does not register.
REGISTERING_ROLES = frozenset({Role.RECEIVER, Role.TEAM, Role.DIRECTOR})


def may_register(roles: Iterable[Role]) -> bool:
    return not REGISTERING_ROLES.isdisjoint(roles)


def may_manage_accounts(roles: Iterable[Role]) -> bool:
    return Role.ADMINISTRATOR in set(roles)
