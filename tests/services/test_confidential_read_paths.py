"""Issue 4 / Art. 6: for each role, every read path the program has — list, search, case, route
and steps, history, show --json — is walked and no confidential text it should not see comes out.

A personnel complaint of level 2: the receiver who registered it may read its description (not
its handling); the director reads everything; every other role sees only that it exists.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kina_desktop.db.models import Account
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.intake.json_form import record_to_json
from tests.conftest import NOW
from tests.factories import draft

DESCRIPTION_SECRETS = ("Petra Klaagster", "Karel Geheimhouder", "Scheldwoorden aan het onthaal")
HANDLING_SECRETS = ("Verslag-XYZ in personeelsdossier", "Mondelinge waarschuwing-QQ")

PEOPLE = {
    "receiver who registered": Viewer(1, frozenset({Role.RECEIVER}), "Rita"),
    "other receiver": Viewer(2, frozenset({Role.RECEIVER}), "Rob"),
    "handler": Viewer(3, frozenset({Role.HANDLER}), "Hans"),
    "team": Viewer(4, frozenset({Role.TEAM}), "Tine"),
    "administrator": Viewer(5, frozenset({Role.ADMINISTRATOR}), "Arne"),
    "director": Viewer(6, frozenset({Role.DIRECTOR}), "Dirk"),
}


def _as(ctx: ServiceContext, who: str) -> Services:
    return Services.for_context(ServiceContext(ctx.database, PEOPLE[who], clock=lambda: NOW))


def _confidential_case(ctx: ServiceContext) -> int:
    with ctx.database.write() as session:
        for v in PEOPLE.values():
            session.add(Account(id=v.user_id, username=f"u{v.user_id}", display_name=v.display_name))
    receiver = _as(ctx, "receiver who registered")
    record = receiver.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            complainant_name=DESCRIPTION_SECRETS[0],
            staff_member=DESCRIPTION_SECRETS[1],
            subject=DESCRIPTION_SECRETS[2],
        )
    )
    record = receiver.workflow.take(
        record.header.id, record.header.version, ActionKind.FORWARD_TO_DIRECTOR, StepData(on=NOW.date(), note="")
    )
    director = _as(ctx, "director")
    full = director.cases.get(record.tracking_number)
    director.cases.save(
        CaseChanges(
            full.header.id, full.header.version, handling=replace(full.handling, investigation=HANDLING_SECRETS[0])
        )
    )
    full = director.cases.get(record.tracking_number)
    director.workflow.take(
        full.header.id,
        full.header.version,
        ActionKind.REQUEST_PROOF_OF_INTEREST,
        StepData(on=NOW.date(), note=HANDLING_SECRETS[1]),
    )
    return record.header.id


def everything_read(services: Services, case_id: int) -> str:
    """All that this person can get out of the program about the case, as one text."""
    out = []
    for view in ReadyView:
        out.append(repr(services.case_list.page(CaseQuery(view=view), limit=50)))
    for secret in (*DESCRIPTION_SECRETS, *HANDLING_SECRETS):
        for word in secret.split():
            out.append(repr(services.case_list.page(CaseQuery(search=word), limit=50)))
    record = services.cases.get_by_id(case_id)
    progress = services.workflow.progress(case_id)
    out += [repr(record), repr(progress), repr(services.history.for_case(case_id))]
    out.append(json.dumps(record_to_json(record, progress), ensure_ascii=False))
    return "\n".join(out)


@pytest.mark.parametrize("who", list(PEOPLE))
def test_no_read_path_shows_a_confidential_personnel_complaint_to_the_wrong_role(ctx: ServiceContext, who: str) -> None:
    case_id = _confidential_case(ctx)
    seen = everything_read(_as(ctx, who), case_id)
    may_read_description = who in ("receiver who registered", "director")
    may_read_handling = who == "director"
    for secret in DESCRIPTION_SECRETS:
        assert (secret in seen) is may_read_description, (who, secret)
    for secret in HANDLING_SECRETS:
        assert (secret in seen) is may_read_handling, (who, secret)
    # Everyone knows the case exists, with its number.
    assert "2026-0001" in seen
