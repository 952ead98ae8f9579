"""The embedded database's planner statistics: a sampled ANALYZE when the program opens
a register whose statistics are missing or no longer fit its size, and none at an ordinary start
(it cost 20-50 ms of every start on 100,000 cases)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.setup.startup import open_database
from tests.conftest import NOW
from tests.factories import draft

CASES = 24


def register_with_cases(path: Path) -> str:
    url = f"sqlite:///{path}"
    database = open_database(url)
    try:
        services = Services.for_context(
            ServiceContext(database, Viewer(None, frozenset(Role), "Test"), clock=lambda: NOW)
        )
        for number in range(CASES):
            services.cases.register(draft(complainant_name=f"Klager {number}"))
    finally:
        database.dispose()
    return url


def cases_estimates(path: Path) -> set[int]:
    with sqlite3.connect(path) as conn:
        return {int(stat.split()[0]) for (stat,) in conn.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'cases'")}


def set_cases_estimate(path: Path, rows: int) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE sqlite_stat1 SET stat = ? || substr(stat, instr(stat, ' ')) WHERE tbl = 'cases'", [str(rows)]
        )


def test_a_register_opened_without_statistics_is_analysed(tmp_path: Path) -> None:
    url = register_with_cases(tmp_path / "register.db")
    with sqlite3.connect(tmp_path / "register.db") as conn:
        conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
    open_database(url).dispose()
    assert cases_estimates(tmp_path / "register.db") and max(cases_estimates(tmp_path / "register.db")) <= CASES


def test_statistics_that_fit_the_register_are_kept_at_the_next_start(tmp_path: Path) -> None:
    url = register_with_cases(tmp_path / "register.db")
    open_database(url).dispose()
    set_cases_estimate(tmp_path / "register.db", CASES - 3)  # a sampled estimate, near the real count
    open_database(url).dispose()
    assert cases_estimates(tmp_path / "register.db") == {CASES - 3}


def test_a_register_that_more_than_doubled_since_is_analysed_again(tmp_path: Path) -> None:
    url = register_with_cases(tmp_path / "register.db")
    open_database(url).dispose()
    set_cases_estimate(tmp_path / "register.db", CASES // 4)  # gathered when it held a quarter of its cases
    open_database(url).dispose()
    assert CASES // 4 not in cases_estimates(tmp_path / "register.db")
