"""Helpers for the command tests: run ``kina-desktop`` in-process and count what it wrote."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kina_desktop.cli import run
from kina_desktop.db.engine import Database
from kina_desktop.db.models import AuditEvent, Case, CaseClosure, CaseDescription, CaseHandling, TrackingCounter
from tests.conftest import NOW

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "klacht.json"
ERROR_PREFIX = "kina-desktop: fout: "


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Log files and the embedded database go to a temporary folder, never the user's own."""
    folder = tmp_path / "data"
    monkeypatch.setenv("KINA_DATA_DIR", str(folder))
    monkeypatch.delenv("KINA_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """``cli(*args)`` runs kina-desktop in this process at the tests' fixed moment."""

    def _run(*args: str, **kwargs) -> Outcome:
        kwargs.setdefault("clock", lambda: NOW)
        capsys.readouterr()
        code = run(list(args), **kwargs)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return _run


def row_counts(database: Database) -> dict[str, int]:
    """Rows per table, and the sum of the tracking counters: 'nothing written' means equal."""
    with database.engine.connect() as conn:
        counts = {
            model.__tablename__: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Case, CaseDescription, CaseHandling, CaseClosure, AuditEvent)
        }
        counts["tracking_counters.sum"] = conn.execute(
            select(func.coalesce(func.sum(TrackingCounter.last_sequence), 0))
        ).scalar_one()
    return counts


def write_form(folder: Path, form: dict | str, name: str = "klacht.json") -> Path:
    path = folder / name
    path.write_text(form if isinstance(form, str) else json.dumps(form, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def example_form() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def assert_one_error_line(outcome: Outcome, code: int, *fragments: str) -> None:
    assert outcome.code == code, outcome
    lines = outcome.error_lines
    assert len(lines) == 1, lines
    assert lines[0].startswith(ERROR_PREFIX), lines
    assert "Traceback" not in outcome.err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def sign_in_as_demo_director(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the demo made accounts, commands sign in: on SQLite as the demo director; on
    PostgreSQL the tests' URL is the database owner's login, which needs no account."""
    if database.is_sqlite:
        from kina_desktop.demo.data import DEMO_PASSWORD

        monkeypatch.setenv("KINA_USER", "marleen.vandenbroeck")
        monkeypatch.setenv("KINA_PASSWORD", DEMO_PASSWORD)
