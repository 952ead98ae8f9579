"""Which parts of the interface a person's roles open up.

The services decide what is allowed and refuse the rest with a Dutch message; the window only
hides what a person can never use, so nobody is offered a menu that always says no.
"""

from __future__ import annotations

from kina_desktop.domain.permissions import REGISTERING_ROLES, may_manage_accounts, may_register

__all__ = ["REGISTERING_ROLES", "may_manage_accounts", "may_register"]
