"""One way to record each fact (domain/step_owned.py): every step of every route is run with every
field of its form filled in, and each field of the handling or closure part it writes must be in
the table of step-owned fields, under that step; every entry of the table is written by a step
that it names. What no step writes stays free in the editor: the investigation only."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.actions import StepData
from kina_desktop.domain.complaint import Closure, Handling, part_differences
from kina_desktop.domain.enums import Category, Kind, Level, Status, Verdict
from kina_desktop.domain.step_owned import STEP_OWNED, owning_steps
from kina_desktop.domain.transitions import TRANSITIONS
from kina_desktop.domain.visibility import Part
from tests.domain.helpers import ADMISSIBLE, ROUTE_CASE, day, new_case

EVERYTHING = StepData(
    on=day(10),
    handler_id=7,
    meeting_on=day(8),
    minutes="Verslag",
    solution="Opgelost",
    answer="Antwoord",
    note="Notitie",
    reason="Reden",
    informed_on=day(9),
    communication="Brief",
    decision=ADMISSIBLE,
    verdict=Verdict.FOUNDED,
    motivation="Motivering",
    measures="Maatregel",
    discussed_with_team=True,
)


def _written_fields() -> dict[tuple[Part, str], set[object]]:
    """Per field of a part: the steps seen writing it, over every transition of every route."""
    written: dict[tuple[Part, str], set[object]] = {}
    for transition in TRANSITIONS:
        for route in transition.routes:
            kind, category, level = ROUTE_CASE[route]
            for status in transition.sources:
                before = dataclasses.replace(new_case(kind, category, level), status=status)
                if status == Status.CLOSED:  # a closed case has its closing day
                    before = dataclasses.replace(before, closure=Closure(closed_on=day(5)))
                other = dataclasses.replace(  # requalifying and reclassifying want something new
                    EVERYTHING,
                    kind=Kind.INFORMATION_REQUEST if kind == Kind.COMPLAINT else Kind.COMPLAINT,
                    category=Category.PERSONNEL if category == Category.DAILY_OPERATIONS else Category.DAILY_OPERATIONS,
                    level=Level.THREE if level != Level.THREE else Level.TWO,
                )
                after = transition.record(before, other)
                for part, old, new in (
                    (Part.HANDLING, before.handling, after.handling),
                    (Part.CLOSURE, before.closure, after.closure),
                ):
                    for name, _old, _new in part_differences(old, new):
                        written.setdefault((part, name), set()).add(transition.action)
    return written


def test_every_field_a_step_writes_is_owned_by_that_step() -> None:
    written = _written_fields()
    for (part, name), actions in written.items():
        assert actions <= set(owning_steps(part, name)), (part, name, actions)


def test_every_step_owned_field_is_written_by_the_steps_it_names() -> None:
    written = _written_fields()
    for key, owners in STEP_OWNED.items():
        assert set(owners) == written.get(key, set()), key


def test_only_the_investigation_is_typed_in_the_editor() -> None:
    fields = {(Part.HANDLING, f.name) for f in dataclasses.fields(Handling)}
    fields |= {(Part.CLOSURE, f.name) for f in dataclasses.fields(Closure)}
    assert fields - set(STEP_OWNED) == {(Part.HANDLING, "investigation")}


def test_a_change_of_a_step_owned_field_outside_its_step_names_the_step() -> None:
    from kina_desktop.domain.step_owned import outside_its_step

    assert outside_its_step(Part.HANDLING, Handling(), Handling(investigation="Gesprek gehad")) is None
    problem = outside_its_step(Part.HANDLING, Handling(), Handling(verdict=Verdict.FOUNDED))
    assert problem is not None and "‘Oordeel geven’" in problem
    problem = outside_its_step(Part.CLOSURE, Closure(), Closure(closed_on=dt.date(2026, 3, 9)))
    assert problem is not None and "‘Afsluiten’" in problem and "‘Onmiddellijk opgelost: afsluiten’" in problem


def test_the_handling_tab_shows_on_each_route_what_its_steps_record() -> None:
    """Art. 6: no 'besproken met het klachtenteam' or working group on a case only the director
    handles; each field shown is recorded by a step of that route (or typed: the investigation)."""
    from kina_desktop.domain.step_owned import HANDLING_FIELDS

    for route, shown in HANDLING_FIELDS.items():
        kind, category, level = ROUTE_CASE[route]
        written = {"investigation"}
        for transition in TRANSITIONS:
            if route not in transition.routes or transition.action in (A.REQUALIFY, A.RECLASSIFY):
                continue  # (requalifying changes the classification, not the handling)
            allowed = {"on", *transition.required, *transition.optional}
            data = StepData(
                **{f.name: getattr(EVERYTHING, f.name) for f in dataclasses.fields(StepData) if f.name in allowed}
            )
            for status in transition.sources:
                before = dataclasses.replace(new_case(kind, category, level), status=status)
                after = transition.record(before, data)
                written |= {name for name, _o, _n in part_differences(before.handling, after.handling)}
        assert set(shown) == written - {"handler_id"}, route
