"""The two lines under a case's title: what it is, and where it stands on its route.

Klacht · Dagelijkse werking · Niveau 2 — ontvangen op 20 november 2026 (post) — Hans Behandelaar
Status: Bij klachtenbehandelaar · stap 2 van 4 · aan zet: Hans Behandelaar
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kina_desktop.domain.enums import Role, Status
from kina_desktop.domain.routes import DAILY_ROUTES, PERSONNEL_ROUTES, RouteView, route_key
from kina_desktop.domain.workflow import roles_text
from kina_desktop.gui.common.formatting import long_date
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseHeader


def identity_line(header: CaseHeader) -> str:
    parts = [header.kind.label(), header.category.label(), header.level.label()]
    received = _("ontvangen op {date} ({channel})").format(
        date=long_date(header.received_on), channel=header.channel.label().lower()
    )
    handler = handler_text(header)
    return " · ".join(parts) + " — " + received + (" — " + handler if handler else "")


def handler_text(header: CaseHeader) -> str:
    """Who handles the case (Art. 6): the handler named, the director for personnel matters,
    nobody for level 1, information requests and anonymous reports."""
    if header.handler_name:
        return header.handler_name
    key = route_key(header.kind, header.category, header.level)
    if key in PERSONNEL_ROUTES:
        return _("behandeld door de directeur")
    if key in DAILY_ROUTES:
        return _("nog geen behandelaar")
    return ""


def retention_marks(header: CaseHeader) -> list[str]:
    """GDPR retention: a legal hold keeps the case whole; a pseudonymised case lost its personal data."""
    marks = []
    if header.legal_hold_since is not None:
        marks.append(_("juridische blokkering sinds {date}").format(date=long_date(header.legal_hold_since)))
    if header.pseudonymised_on is not None:
        marks.append(_("gepseudonimiseerd op {date}").format(date=long_date(header.pseudonymised_on)))
    return marks


def status_line(header: CaseHeader, route: RouteView | None) -> str:
    status = _("Status: {status}").format(status=header.status.label())
    if route is None or route.current != header.status:  # no progress (yet), or out of date
        return " · ".join([status, *retention_marks(header)])
    parts = [status, _("stap {number} van {total}").format(number=route.current_index + 1, total=len(route.steps))]
    if route.holders:
        parts.append(_("aan zet: {who}").format(who=holders_text(header, route)))
    if route.waiting:
        parts.append(_("wacht op de klager"))
    return " · ".join(parts + retention_marks(header))


def holders_text(header: CaseHeader, route: RouteView) -> str:
    """Who is to move: the person when the case is with its named handler (Art. 6), else the roles."""
    if header.handler_name and header.status == Status.WITH_HANDLER and set(route.holders) == {Role.HANDLER}:
        return header.handler_name
    return roles_text(route.holders)


def summary_text(header: CaseHeader, route: RouteView | None) -> str:
    return identity_line(header) + "\n" + status_line(header, route)
