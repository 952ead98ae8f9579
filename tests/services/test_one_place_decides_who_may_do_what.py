"""Who may do what outside the routes of Art. 6 is decided in one place (services/permissions.py),
with the rules of the domain that the GUI uses to show its menus; every service refuses through
it, in the same Dutch words as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Part, Viewer
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied
from kina_desktop.services.permissions import RULES, Permission, allows, require, require_part

SERVICES = Path(__file__).resolve().parents[2] / "kina_desktop" / "services"

# Who may, per action (Art. 5: registering; Art. 7-8: the team's projects and report; the
# director alone sees the whole register, Art. 6; the program's settings: an administrator).
EXPECTED: dict[Permission, set[Role]] = {
    Permission.REGISTER: {Role.RECEIVER, Role.TEAM, Role.DIRECTOR},
    Permission.FETCH_MAIL: {Role.RECEIVER, Role.TEAM, Role.DIRECTOR},
    Permission.MANAGE_ACCOUNTS: {Role.ADMINISTRATOR},
    Permission.APPOINT_DIRECTOR: {Role.DIRECTOR},  # Art. 6: the personnel track is the director's alone
    Permission.CHANGE_SETTINGS: {Role.ADMINISTRATOR},
    Permission.EDIT_LETTER_TEMPLATES: {Role.ADMINISTRATOR},
    Permission.EDIT_LETTERHEAD: {Role.ADMINISTRATOR},
    Permission.SET_UP_MAILBOX: {Role.ADMINISTRATOR},
    Permission.SET_UP_MAIL_SERVER: {Role.ADMINISTRATOR},
    Permission.MAKE_DEMO_DATA: {Role.ADMINISTRATOR},
    Permission.SET_RETENTION_PERIOD: {Role.ADMINISTRATOR},
    Permission.VIEW_RETENTION: {Role.DIRECTOR, Role.ADMINISTRATOR},
    Permission.PSEUDONYMISE: {Role.ADMINISTRATOR},
    Permission.SET_LEGAL_HOLD: {Role.DIRECTOR, Role.ADMINISTRATOR},
    Permission.ANSWER_ACCESS_REQUESTS: {Role.DIRECTOR, Role.ADMINISTRATOR},
    Permission.EDIT_PROJECTS: {Role.TEAM, Role.DIRECTOR, Role.ADMINISTRATOR},
    Permission.MAKE_ANNUAL_REPORT: {Role.TEAM, Role.DIRECTOR},
    Permission.EXPORT_REGISTER: {Role.DIRECTOR},
}


def _ctx(sqlite_database, role: Role) -> ServiceContext:
    return ServiceContext(sqlite_database, Viewer(7, frozenset({role}), "Iemand"))


def test_every_action_names_its_rule_and_a_dutch_refusal() -> None:
    assert set(RULES) == set(Permission) == set(EXPECTED)
    for permission, (_rule, refusal) in RULES.items():
        assert refusal.startswith(("Alleen ", "Klachten worden geregistreerd", "Het jaarverslag wordt gemaakt")), (
            permission
        )


@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.value)
def test_each_role_may_exactly_what_the_rules_say(permission: Permission, sqlite_database) -> None:
    for role in Role:
        ctx = _ctx(sqlite_database, role)
        assert allows({role}, permission) == (role in EXPECTED[permission]), (permission, role)
        if role in EXPECTED[permission]:
            require(ctx, permission)
        else:
            with pytest.raises(PermissionDenied) as refused:
                require(ctx, permission)
            assert str(refused.value) == RULES[permission][1]


def test_a_part_of_a_confidential_case_outside_ones_view_is_refused_with_one_sentence() -> None:
    require_part({Part.DESCRIPTION}, Part.DESCRIPTION)
    with pytest.raises(PermissionDenied, match="voorbehouden aan de directeur \\(Art. 6\\)"):
        require_part({Part.DESCRIPTION}, Part.HANDLING)


def test_no_service_checks_a_role_and_refuses_on_its_own() -> None:
    own_refusal = re.compile(
        r"raise PermissionDenied\(\s*_\(\s*\"Alleen|Role\.ADMINISTRATOR not in|"
        r"not self\.ctx\.viewer\.(is_director|has\()"
    )
    offenders = [
        path.name
        for path in SERVICES.rglob("*.py")
        if path.name != "permissions.py" and own_refusal.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
