"""A letter recorded by mistake (printed on the wrong paper, saved and marked as sent when it was
not) is withdrawn on the day it was recorded, with why; the history keeps both, and a withdrawn
acknowledgement makes the acknowledgement of Art. 5 due again (docs/letters.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kina_desktop.db.models import Account
from kina_desktop.domain.enums import Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from tests.conftest import NOW
from tests.factories import draft

ACK = LetterKind.ACKNOWLEDGEMENT


@pytest.fixture
def office(ctx: ServiceContext) -> dict[str, Services]:
    with ctx.database.write() as session:
        people = [
            Account(username="rita.w", display_name="Rita Ontvanger"),
            Account(username="rob.w", display_name="Rob Ontvanger"),
            Account(username="tine.w", display_name="Tine Team"),
        ]
        session.add_all(people)
        session.flush()
        ids = [p.id for p in people]
    viewers = {
        "rita": Viewer(ids[0], frozenset({Role.RECEIVER}), "Rita Ontvanger"),
        "rob": Viewer(ids[1], frozenset({Role.RECEIVER}), "Rob Ontvanger"),
        "tine": Viewer(ids[2], frozenset({Role.TEAM}), "Tine Team"),
    }
    return {
        name: Services.for_context(ServiceContext(ctx.database, viewer, clock=ctx.clock))
        for name, viewer in viewers.items()
    }


def test_a_withdrawn_acknowledgement_is_due_again_and_the_history_keeps_both(office: dict[str, Services]) -> None:
    rita = office["rita"]
    case = rita.cases.register(draft())
    rita.letters.produce(case.header.id, ACK)
    assert rita.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 0
    [letter] = rita.letters.letters(case.header.id)

    withdrawn = rita.letters.withdraw(letter.id, "Op het verkeerde briefpapier afgedrukt; niet verstuurd.")

    assert withdrawn.withdrawn_on == NOW.date()
    assert withdrawn.withdrawal_reason == "Op het verkeerde briefpapier afgedrukt; niet verstuurd."
    again = rita.cases.get_by_id(case.header.id)
    assert again.header.acknowledged_on is None  # Art. 5: the acknowledgement is due again
    assert rita.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 1
    assert len(rita.documents.list(case.header.id)) == 1  # the filed copy stays in the folder
    events = rita.history.for_case(case.header.id)
    assert any(e.action.label() == "Brief gemaakt" for e in events)
    [withdrawal] = [e for e in events if e.action.label() == "Brief ingetrokken"]
    assert (withdrawal.actor_name, withdrawal.old_value) == ("Rita Ontvanger", "Ontvangstbevestiging")
    assert "verkeerde briefpapier" in withdrawal.new_value

    # the right acknowledgement goes out after all: due no more
    rita.letters.produce(case.header.id, ACK)
    assert rita.cases.get_by_id(case.header.id).header.acknowledged_on == NOW.date()


@pytest.mark.parametrize(
    ("who", "days_later", "reason", "message"),
    [
        ("rita", 1, "Vergissing", "Een brief kan alleen ingetrokken worden op de dag dat hij werd vastgelegd"),
        ("rob", 0, "Vergissing", "Alleen wie de brief vastlegde, het klachtenteam of de directeur kan hem intrekken."),
        ("rita", 0, "   ", "Vul in waarom de brief wordt ingetrokken."),
    ],
)
def test_a_letter_is_withdrawn_only_the_same_day_by_who_recorded_it_with_a_reason(
    office: dict[str, Services], who: str, days_later: int, reason: str, message: str
) -> None:
    rita = office["rita"]
    case = rita.cases.register(draft())
    rita.letters.produce(case.header.id, ACK)
    [letter] = rita.letters.letters(case.header.id)
    person = office[who]
    later = dataclasses.replace(person.ctx, clock=lambda: NOW + dt.timedelta(days=days_later))
    with pytest.raises(RuleViolation) as refused:
        Services.for_context(later).letters.withdraw(letter.id, reason)
    assert any(problem.startswith(message) for problem in refused.value.problems)
    assert rita.cases.get_by_id(case.header.id).header.acknowledged_on == NOW.date()  # nothing changed


def test_the_team_withdraws_a_colleagues_letter_once(office: dict[str, Services]) -> None:
    rita, tine = office["rita"], office["tine"]
    case = rita.cases.register(draft())
    rita.letters.produce(case.header.id, ACK)
    [letter] = rita.letters.letters(case.header.id)
    tine.letters.withdraw(letter.id, "Dubbel afgedrukt.")
    with pytest.raises(RuleViolation, match="Deze brief werd al ingetrokken op"):
        tine.letters.withdraw(letter.id, "Nog eens.")
