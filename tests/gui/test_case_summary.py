"""The line under a case's title names who handles it, as Art. 6 assigns it."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.domain.complaint import CaseHeader
from kina_desktop.domain.enums import Category, Channel, Kind, Level, Status
from kina_desktop.gui.case.case_summary import handler_text, identity_line


def header(
    kind: Kind = Kind.COMPLAINT,
    category: Category = Category.DAILY_OPERATIONS,
    level: Level = Level.TWO,
    handler_name: str = "",
) -> CaseHeader:
    return CaseHeader(
        id=1,
        tracking_number="2026-0001",
        kind=kind,
        category=category,
        level=level,
        status=Status.REGISTERED,
        received_on=dt.date(2026, 11, 2),
        channel=Channel.POST,
        registered_by_id=None,
        registered_at=dt.datetime(2026, 11, 2, 9),
        version=1,
        handler_name=handler_name,
    )


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (header(handler_name="Koen Peeters"), "Koen Peeters"),
        (header(), "nog geen behandelaar"),
        (header(level=Level.THREE), "nog geen behandelaar"),
        (header(category=Category.PERSONNEL), "behandeld door de directeur"),
        (header(category=Category.PERSONNEL, level=Level.THREE), "behandeld door de directeur"),
        (header(level=Level.ONE), ""),
        (header(kind=Kind.INFORMATION_REQUEST), ""),
        (header(kind=Kind.ANONYMOUS_REPORT), ""),
    ],
)
def test_only_the_director_handles_personnel_matters_and_level_1_has_no_handler(case, expected) -> None:
    assert handler_text(case) == expected
    line = identity_line(case)
    assert line.endswith(expected) if expected else line.endswith(")")
