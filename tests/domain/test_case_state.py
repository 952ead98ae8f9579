"""The case state the rules read: built from a stored record, and who may write which part."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.domain.admissibility import GroundFinding
from kina_desktop.domain.case_state import state_from_record
from kina_desktop.domain.complaint import CaseHeader, CaseRecord, Closure, Handling
from kina_desktop.domain.enums import Admissibility, Category, Channel, InadmissibilityGround, Kind, Level, Status
from kina_desktop.domain.holds import Hold, HoldReason
from kina_desktop.domain.workflow import closure_editors, handling_editors, may_edit_handling
from tests.factories import description

from .helpers import D, H, R, T, daily2_with_handler, daily3_with_working_group, new_case, personnel3_with_board


def record(**parts) -> CaseRecord:
    header = CaseHeader(
        id=1,
        tracking_number="2026-0001",
        kind=Kind.COMPLAINT,
        category=Category.DAILY_OPERATIONS,
        level=Level.TWO,
        status=Status.WITH_HANDLER,
        received_on=dt.date(2026, 11, 20),
        channel=Channel.POST,
        registered_by_id=1,
        registered_at=dt.datetime(2026, 11, 20, 9),
        version=3,
        acknowledged_on=dt.date(2026, 11, 23),
    )
    values = {
        "description": description(),
        "handling": Handling(admissibility=Admissibility.INADMISSIBLE),
        "closure": Closure(),
    }
    values.update(parts)
    return CaseRecord(header=header, **values)


def test_state_is_built_from_the_stored_record_and_the_extra_tables():
    finding = GroundFinding(InadmissibilityGround.COURT_PROCEEDINGS, "Rechtszaak loopt.")
    hold = Hold(HoldReason.PROOF_OF_INTEREST, dt.date(2026, 11, 21), dt.date(2026, 11, 24))
    s = state_from_record(record(), findings=[finding], holds=[hold])
    assert (s.kind, s.status, s.received_on, s.acknowledged_on) == (
        Kind.COMPLAINT,
        Status.WITH_HANDLER,
        dt.date(2026, 11, 20),
        dt.date(2026, 11, 23),
    )
    assert s.facts_on == dt.date(2026, 11, 18)
    assert s.admissibility == Admissibility.INADMISSIBLE and s.assessment.grounds == (finding.ground,)
    assert s.holds == (hold,)


def test_state_is_never_built_from_a_redacted_record():
    with pytest.raises(ValueError):
        state_from_record(record(handling=None))


def test_handling_part_is_written_by_whoever_holds_the_case():
    assert handling_editors(new_case()) == frozenset()
    assert handling_editors(daily2_with_handler()) == {H}
    assert handling_editors(daily3_with_working_group()) == {D}
    assert handling_editors(personnel3_with_board()) == {D}
    assert may_edit_handling(daily2_with_handler(), {H, R}) and not may_edit_handling(daily2_with_handler(), {T, D})


def test_closure_part_is_written_by_whoever_may_close_now():
    assert closure_editors(new_case()) == frozenset()
    from dataclasses import replace

    handled = replace(daily2_with_handler(), status=Status.HANDLED)
    assert closure_editors(handled) == {R}
    assert closure_editors(replace(personnel3_with_board(), status=Status.HANDLED)) == {
        D
    }  # the confidential closure part is the director's (Art. 6)
