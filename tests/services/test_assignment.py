"""Who holds which case (Art. 6): the receiver chooses the handler when passing a case on, the
complaints team or the director gives it to another handler with a reason, and each person has a
view 'Aan mij' of the cases where it is their move; the director also 'Vertrouwelijk'."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kina_desktop.db.models import Account, AccountRole
from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.actions import StepData
from kina_desktop.domain.enums import Category, Level, Role, Status
from kina_desktop.domain.views import CaseQuery, ReadyView, views_for
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from tests.factories import draft

TODAY = dt.date(2026, 11, 24)


def _people(ctx: ServiceContext) -> dict[str, Viewer]:
    people = {
        "rita": ("Rita Ontvanger", {Role.RECEIVER}),
        "hans": ("Hans Behandelaar", {Role.HANDLER}),
        "eva": ("Eva Behandelaar", {Role.HANDLER}),
        "tine": ("Tine Team", {Role.TEAM}),
        "dirk": ("Dirk Directeur", {Role.DIRECTOR}),
        "oud": ("Oud Behandelaar", {Role.HANDLER}),
    }
    viewers = {}
    with ctx.database.write() as session:
        for username, (name, roles) in people.items():
            account = Account(username=username, display_name=name, active=username != "oud")
            account.roles = [AccountRole(role=r.value) for r in roles]
            session.add(account)
            session.flush()
            viewers[username] = Viewer(account.id, frozenset(roles), name)
    return viewers


def _as(ctx: ServiceContext, viewer: Viewer) -> Services:
    return Services.for_context(dataclasses.replace(ctx, viewer=viewer))


def test_the_receiver_chooses_the_handler_and_the_team_gives_the_case_to_another_with_a_reason(ctx) -> None:
    people = _people(ctx)
    rita, tine = _as(ctx, people["rita"]), _as(ctx, people["tine"])
    assert [name for _id, name in rita.workflow.handlers()] == ["Eva Behandelaar", "Hans Behandelaar"]
    record = rita.cases.register(draft(received_on=TODAY, facts_on=TODAY))
    record = rita.workflow.take(
        record.header.id,
        record.header.version,
        A.FORWARD_TO_HANDLER,
        StepData(on=TODAY, handler_id=people["hans"].user_id),
    )
    assert record.header.status == Status.WITH_HANDLER and record.header.handler_name == "Hans Behandelaar"
    [row] = rita.case_list.page(CaseQuery())
    assert row.handler_name == "Hans Behandelaar"
    # Reassigning needs a reason; the history keeps it.
    with pytest.raises(RuleViolation):
        tine.workflow.take(
            record.header.id,
            record.header.version,
            A.REASSIGN_HANDLER,
            StepData(on=TODAY, handler_id=people["eva"].user_id),
        )
    record = tine.workflow.take(
        record.header.id,
        record.header.version,
        A.REASSIGN_HANDLER,
        StepData(on=TODAY, handler_id=people["eva"].user_id, reason="Hans is met verlof."),
    )
    assert record.header.handler_name == "Eva Behandelaar" and record.header.status == Status.WITH_HANDLER
    steps = tine.workflow.progress(record.header.id).steps
    assert steps[-1].action == A.REASSIGN_HANDLER and steps[-1].note == "Hans is met verlof."


@pytest.mark.parametrize("who", ["tine", "oud", None])
def test_only_an_active_handler_can_be_chosen(ctx, who) -> None:
    people = _people(ctx)
    rita = _as(ctx, people["rita"])
    record = rita.cases.register(draft(received_on=TODAY, facts_on=TODAY))
    chosen = people[who].user_id if who else 9999
    with pytest.raises(RuleViolation, match="klachtenbehandelaar uit de lijst"):
        rita.workflow.take(
            record.header.id, record.header.version, A.FORWARD_TO_HANDLER, StepData(on=TODAY, handler_id=chosen)
        )


def test_aan_mij_shows_the_cases_where_it_is_my_move(ctx) -> None:
    people = _people(ctx)
    rita = _as(ctx, people["rita"])
    for_hans = rita.cases.register(draft(received_on=TODAY, facts_on=TODAY))
    rita.workflow.take(
        for_hans.header.id,
        for_hans.header.version,
        A.FORWARD_TO_HANDLER,
        StepData(on=TODAY, handler_id=people["hans"].user_id),
    )
    unassigned = rita.cases.register(draft(received_on=TODAY, facts_on=TODAY))
    rita.workflow.take(unassigned.header.id, unassigned.header.version, A.FORWARD_TO_HANDLER, StepData(on=TODAY))
    new = rita.cases.register(draft(received_on=TODAY, facts_on=TODAY))
    personnel = rita.cases.register(
        draft(category=Category.PERSONNEL, level=Level.TWO, received_on=TODAY, facts_on=TODAY)
    )
    rita.workflow.take(personnel.header.id, personnel.header.version, A.FORWARD_TO_DIRECTOR, StepData(on=TODAY))

    def mine(person: str) -> set[str]:
        return {r.tracking_number for r in _as(ctx, people[person]).case_list.page(CaseQuery(view=ReadyView.MINE))}

    assert mine("hans") == {for_hans.tracking_number, unassigned.tracking_number}
    assert mine("eva") == {unassigned.tracking_number}  # not Hans's case
    assert mine("rita") == {new.tracking_number}  # to acknowledge and pass on
    assert mine("dirk") == {personnel.tracking_number}
    assert _as(ctx, people["hans"]).case_list.count(CaseQuery(view=ReadyView.MINE)) == 2
    today = _as(ctx, people["tine"]).case_list.page(CaseQuery(view=ReadyView.TODAY))
    assert len(today) == 4
    confidential = _as(ctx, people["dirk"]).case_list.page(CaseQuery(view=ReadyView.CONFIDENTIAL))
    assert [r.tracking_number for r in confidential] == [personnel.tracking_number]


def test_only_the_director_has_the_view_vertrouwelijk() -> None:
    assert ReadyView.CONFIDENTIAL in views_for({Role.DIRECTOR})
    for role in (Role.RECEIVER, Role.HANDLER, Role.TEAM, Role.ADMINISTRATOR):
        assert ReadyView.CONFIDENTIAL not in views_for({role})
    assert ReadyView.MINE in views_for({Role.RECEIVER})


def test_the_list_sorts_complainants_by_family_name_accents_folded_and_nobody_last(ctx) -> None:
    from kina_desktop.domain.enums import Kind
    from kina_desktop.domain.views import SortKey

    services = Services.for_context(ctx)
    for name in ("Céline Dubois", "Jan Peeters", "Marleen Van den Broeck", "Celine Dubois", "Anna Claes"):
        services.cases.register(draft(complainant_name=name, received_on=TODAY, facts_on=TODAY))
    services.cases.register(draft(kind=Kind.ANONYMOUS_REPORT, complainant_name="", received_on=TODAY, facts_on=TODAY))
    rows = services.case_list.page(CaseQuery(sort=SortKey.COMPLAINANT, descending=False))
    names = [r.complainant_name for r in rows]
    assert names[:3] == ["Anna Claes", "Céline Dubois", "Celine Dubois"] or names[:3] == [
        "Anna Claes",
        "Celine Dubois",
        "Céline Dubois",
    ]
    assert names[3:] == ["Jan Peeters", "Marleen Van den Broeck", ""]
    backwards = services.case_list.page(CaseQuery(sort=SortKey.COMPLAINANT, descending=True))
    assert [r.complainant_name for r in backwards][0] == "Marleen Van den Broeck"
    assert backwards[-1].complainant_name == ""  # nobody last either way
