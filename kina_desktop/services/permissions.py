"""Who may do what outside the routes of Art. 6, checked in one place.

Each action names the rule that allows it (domain/permissions.py and its neighbours, the same
rules the GUI uses to show or hide a menu) and the Dutch sentence that refuses it. A service
calls ``require(self.ctx, Permission.X)`` before it does anything. The steps of the routes are
checked by domain/workflow.py, the parts of a confidential case by domain/visibility.py
(``require_part`` below refuses with the one sentence for that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from kina_desktop.domain.access_request import may_answer_access_requests
from kina_desktop.domain.accounts import may_appoint_director
from kina_desktop.domain.annual_report import may_make_annual_report
from kina_desktop.domain.enums import Role
from kina_desktop.domain.permissions import may_administer, may_export_register, may_register
from kina_desktop.domain.projects import may_edit_projects
from kina_desktop.domain.retention import may_run_retention, may_set_legal_hold, may_view_retention
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import N_, _
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied

Rule = Callable[[Iterable[Role]], bool]


class Permission(Enum):
    REGISTER = "register"
    FETCH_MAIL = "fetch_mail"
    MANAGE_ACCOUNTS = "manage_accounts"
    APPOINT_DIRECTOR = "appoint_director"
    CHANGE_SETTINGS = "change_settings"
    EDIT_LETTER_TEMPLATES = "edit_letter_templates"
    EDIT_LETTERHEAD = "edit_letterhead"
    SET_UP_MAILBOX = "set_up_mailbox"
    SET_UP_MAIL_SERVER = "set_up_mail_server"
    MAKE_DEMO_DATA = "make_demo_data"
    SET_RETENTION_PERIOD = "set_retention_period"
    VIEW_RETENTION = "view_retention"
    PSEUDONYMISE = "pseudonymise"
    SET_LEGAL_HOLD = "set_legal_hold"
    ANSWER_ACCESS_REQUESTS = "answer_access_requests"
    EDIT_PROJECTS = "edit_projects"
    MAKE_ANNUAL_REPORT = "make_annual_report"
    EXPORT_REGISTER = "export_register"


RULES: dict[Permission, tuple[Rule, str]] = {
    Permission.REGISTER: (
        may_register,
        N_("Klachten worden geregistreerd door de klachtenontvanger, het klachtenteam of de directeur (Art. 5)."),
    ),
    Permission.FETCH_MAIL: (
        may_register,
        N_("Alleen wie klachten registreert, haalt de e-mails van het postvak op (Art. 5)."),
    ),
    Permission.MANAGE_ACCOUNTS: (may_administer, N_("Alleen een beheerder beheert accounts.")),
    Permission.APPOINT_DIRECTOR: (
        may_appoint_director,
        N_("Alleen de directeur kan iemand de rol directeur geven of afnemen (Art. 6)."),
    ),
    Permission.CHANGE_SETTINGS: (may_administer, N_("Alleen een beheerder wijzigt de instellingen.")),
    Permission.EDIT_LETTER_TEMPLATES: (may_administer, N_("Alleen een beheerder past de briefsjablonen aan.")),
    Permission.EDIT_LETTERHEAD: (may_administer, N_("Alleen een beheerder past het briefhoofd aan.")),
    Permission.SET_UP_MAILBOX: (may_administer, N_("Alleen een beheerder stelt het e-mailpostvak in.")),
    Permission.SET_UP_MAIL_SERVER: (may_administer, N_("Alleen een beheerder stelt de mailserver in.")),
    Permission.MAKE_DEMO_DATA: (may_administer, N_("Alleen een beheerder mag demogegevens aanmaken.")),
    Permission.SET_RETENTION_PERIOD: (may_run_retention, N_("Alleen een beheerder mag de bewaartermijn wijzigen.")),
    Permission.VIEW_RETENTION: (
        may_view_retention,
        N_("Alleen de directeur of een beheerder mag de bewaartermijn bekijken."),
    ),
    Permission.PSEUDONYMISE: (may_run_retention, N_("Alleen een beheerder mag dossiers pseudonimiseren.")),
    Permission.SET_LEGAL_HOLD: (
        may_set_legal_hold,
        N_("Alleen de directeur of een beheerder mag een juridische blokkering instellen of opheffen."),
    ),
    Permission.ANSWER_ACCESS_REQUESTS: (
        may_answer_access_requests,
        N_("Alleen de directeur of een beheerder mag een inzageverzoek beantwoorden."),
    ),
    Permission.EDIT_PROJECTS: (
        may_edit_projects,
        N_("Alleen het klachtenteam, de directeur of een beheerder mag verbeterprojecten wijzigen."),
    ),
    Permission.MAKE_ANNUAL_REPORT: (
        may_make_annual_report,
        N_("Het jaarverslag wordt gemaakt door het klachtenteam of de directeur (Art. 8)."),
    ),
    Permission.EXPORT_REGISTER: (may_export_register, N_("Alleen de directeur mag het volledige register exporteren.")),
}

RESERVED_PART = N_("Dit deel van een vertrouwelijk personeelsdossier is voorbehouden aan de directeur (Art. 6).")


def allows(roles: Iterable[Role], permission: Permission) -> bool:
    return RULES[permission][0](roles)


def require(ctx: ServiceContext, permission: Permission) -> None:
    """PermissionDenied, with the Dutch sentence of this action, unless the signed-in person may."""
    rule, refusal = RULES[permission]
    if not rule(ctx.viewer.roles):
        raise PermissionDenied(_(refusal))


def require_part(parts: Iterable[Part], part: Part) -> None:
    """PermissionDenied unless ``part`` is among the parts of the case this person may see."""
    if part not in set(parts):
        raise PermissionDenied(_(RESERVED_PART))


__all__ = ["Permission", "RULES", "allows", "require", "require_part"]
