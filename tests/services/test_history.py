"""Issue 4: the history of a case, newest first, and never a confidential part to the wrong person."""

from __future__ import annotations

from dataclasses import replace

from kina_desktop.db.models import Account
from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.history import HistoryAction
from kina_desktop.services.context import ServiceContext
from tests.factories import draft

RECEIVER = Viewer(1, frozenset({Role.RECEIVER}), "Rita Ontvanger")
HANDLER = Viewer(2, frozenset({Role.HANDLER}), "Hans Behandelaar")
DIRECTOR = Viewer(3, frozenset({Role.DIRECTOR}), "Dirk Directeur")


def _as(ctx: ServiceContext, viewer: Viewer) -> Services:
    return Services.for_context(ServiceContext(ctx.database, viewer, clock=ctx.clock))


def _people(ctx: ServiceContext) -> None:
    with ctx.database.write() as session:
        for v in (RECEIVER, HANDLER, DIRECTOR):
            session.add(Account(id=v.user_id, username=f"u{v.user_id}", display_name=v.display_name))


def test_history_shows_every_change_newest_first_with_who(ctx: ServiceContext) -> None:
    _people(ctx)
    receiver = _as(ctx, RECEIVER)
    record = receiver.cases.register(draft())
    receiver.cases.save(
        CaseChanges(
            record.header.id, record.header.version, description=replace(record.description, subject="Nieuw onderwerp")
        )
    )
    entries = receiver.history.for_case(record.header.id)
    assert [(e.action, e.field) for e in entries] == [(HistoryAction.EDIT, "subject"), (HistoryAction.CREATE, "")]
    assert entries[0].old_value == "Lange wachttijd aan het loket" and entries[0].new_value == "Nieuw onderwerp"
    assert entries[0].actor_name == "Rita Ontvanger"


def test_history_of_a_confidential_case_hides_its_parts_from_others(ctx: ServiceContext) -> None:
    _people(ctx)
    director = _as(ctx, DIRECTOR)
    record = _as(ctx, RECEIVER).cases.register(
        draft(category=Category.PERSONNEL, level=Level.TWO, staff_member="Karel")
    )
    full = director.cases.get(record.tracking_number)
    director.cases.save(
        CaseChanges(
            full.header.id, full.header.version, description=replace(full.description, staff_member="Karel Geheim")
        )
    )
    handler_view = _as(ctx, HANDLER).history.for_case(record.header.id)
    assert all("Karel" not in e.old_value + e.new_value for e in handler_view)
    assert {e.part for e in handler_view} <= {""}
    receiver_view = _as(ctx, RECEIVER).history.for_case(record.header.id)
    assert any(e.new_value == "Karel Geheim" for e in receiver_view)  # the one who registered it
    director_view = director.history.for_case(record.header.id)
    assert any(e.action == HistoryAction.CONFIDENTIAL_READ for e in director_view)
