"""The case list's SQL visibility and the domain's visible_parts() are one rule: they agree for
every role and every kind of case (Art. 6, the confidential track)."""

from __future__ import annotations

import itertools

from kina_desktop.db.models import Account
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.views import CaseQuery
from kina_desktop.domain.visibility import Part, Viewer, visible_parts
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.factories import draft

VIEWERS = [
    Viewer(1, frozenset({Role.RECEIVER}), "Ontvanger die registreerde"),
    Viewer(2, frozenset({Role.RECEIVER}), "Andere ontvanger"),
    Viewer(3, frozenset({Role.HANDLER}), "Behandelaar"),
    Viewer(4, frozenset({Role.TEAM, Role.ADMINISTRATOR}), "Teamlid en beheerder"),
    Viewer(5, frozenset({Role.DIRECTOR}), "Directeur"),
]


def test_list_visibility_agrees_with_the_domain_rule_for_every_role(ctx: ServiceContext) -> None:
    with ctx.database.write() as session:
        for viewer in VIEWERS:
            session.add(Account(id=viewer.user_id, username=f"u{viewer.user_id}", display_name=viewer.display_name))
    registering = ServiceContext(ctx.database, VIEWERS[0], clock=ctx.clock)
    cases = list(itertools.product(Category, Level))
    for category, level in cases:
        Services.for_context(registering).cases.register(draft(category=category, level=level))
    for viewer in VIEWERS:
        services = Services.for_context(ServiceContext(ctx.database, viewer, clock=ctx.clock))
        rows = services.case_list.page(CaseQuery(), limit=100)
        assert len(rows) == len(cases)  # a confidential case exists for everyone: number and deadline
        for row in rows:
            expected = Part.DESCRIPTION in visible_parts(viewer, row.category, row.level, VIEWERS[0].user_id)
            assert row.redacted is (not expected), (viewer.display_name, row.category, row.level)
            assert (row.complainant_name != "") is expected
            record = services.cases.get_by_id(row.id)
            parts = visible_parts(viewer, row.category, row.level, VIEWERS[0].user_id)
            assert (record.description is not None) is (Part.DESCRIPTION in parts)
            assert (record.handling is not None) is (Part.HANDLING in parts)
            assert (record.closure is not None) is (Part.CLOSURE in parts)
