"""Issue 6 (GDPR) from the command line: ``retention preview``, ``retention run --yes`` (refused
without --yes, after showing the preview), ``legal-hold`` and ``access-export``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.cli.conftest import NOW, assert_one_error_line
from tests.reports.pdf_reading import text
from tests.services.retention_cases import Person, closed_complaint, handler_account

OWNER = Viewer(None, frozenset(Role), "Eigenaar")
SOFIE = Person("Sofie Maes", "sofie.maes@example.be", "Dorpsstraat 7", secret="Appelboom")
JAN = Person("Jan Peeters", "jan@example.be", "Kerkstraat 12", secret="Kersenboom")


@pytest.fixture
def cli(cli):
    """The command line as a person with every role: the walked cases made an account, and the
    command would otherwise ask to sign in."""
    return lambda *args: cli(*args, viewer=OWNER)


def _cases(database) -> list[str]:
    handler = handler_account(database)
    return [
        closed_complaint(database, OWNER, SOFIE, dt.date(2019, 3, 5), handler_id=handler).tracking_number,
        closed_complaint(database, OWNER, JAN, dt.date(2019, 3, 12), handler_id=handler).tracking_number,
    ]


def _name_of(database, number: str) -> str:
    record = Services.for_context(ServiceContext(database, OWNER, clock=lambda: NOW)).cases.get(number)
    return record.description.complainant_name


def test_retention_run_refuses_without_yes_and_shows_the_preview(cli, database) -> None:
    sofie, jan = _cases(database)
    preview = cli("--database", database.url, "retention", "preview")
    assert preview.code == 0, preview.err
    assert "Bewaartermijn: 5 jaar; dossiers afgesloten vóór 24-11-2021." in preview.out
    assert "2 dossiers worden gepseudonimiseerd; 4 documenten en 2 brieven worden verwijderd." in preview.out
    assert f"{sofie}\tafgesloten op 12-03-2019" in preview.out
    refused = cli("--database", database.url, "retention", "run")
    assert_one_error_line(refused, 2, "--yes")
    assert "2 dossiers worden gepseudonimiseerd" in refused.out
    assert _name_of(database, sofie) == SOFIE.name


def test_retention_run_with_yes_pseudonymises_and_keeps_a_legal_hold(cli, database) -> None:
    sofie, jan = _cases(database)
    held = cli("--database", database.url, "legal-hold", jan, "--reason", "Rechtszaak AR 21/123")
    assert held.code == 0, held.err
    assert held.out.strip() == f"Dossier {jan} staat onder juridische blokkering sinds 24-11-2026."
    done = cli("--database", database.url, "retention", "run", "--yes")
    assert done.code == 0, done.err
    assert f"{jan}\tjuridische blokkering sinds 24-11-2026: blijft bewaard" in done.out
    assert "1 dossier gepseudonimiseerd." in done.out
    assert _name_of(database, sofie) == "" and _name_of(database, jan) == JAN.name
    lifted = cli("--database", database.url, "legal-hold", jan, "--lift", "--reason", "Vonnis definitief")
    assert lifted.out.strip() == f"Juridische blokkering van dossier {jan} opgeheven."
    assert_one_error_line(
        cli("--database", database.url, "legal-hold", jan, "--lift", "--reason", "x"),
        2,
        "niet onder juridische blokkering",
    )
    assert_one_error_line(cli("--database", database.url, "legal-hold", jan, "--reason", " "), 2, "reden")


def test_the_retention_period_is_shown_and_set(cli, database) -> None:
    assert cli("--database", database.url, "retention", "period").out.strip() == "Bewaartermijn: 5 jaar."
    assert cli("--database", database.url, "retention", "period", "0").out.strip() == (
        "Bewaartermijn: geen (alles wordt bewaard)."
    )
    assert_one_error_line(cli("--database", database.url, "retention", "period", "-3"), 2, "0 tot 100")


def test_access_export_as_pdf_and_json(cli, database, tmp_path) -> None:
    sofie, _jan = _cases(database)
    pdf, data = tmp_path / "inzage.pdf", tmp_path / "inzage.json"
    # By name: first what was found, with what tells namesakes apart; then the chosen cases.
    listed = cli("--database", database.url, "access-export", "--name", "sofie maes", "-o", str(pdf))
    assert listed.code == 2 and sofie in listed.out and "--case" in listed.err and not pdf.exists()
    outcome = cli("--database", database.url, "access-export", "--name", "sofie maes", "--case", sofie, "-o", str(pdf))
    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith("1 dossier bewaard in")
    words = text(pdf.read_bytes())
    assert "Inzage in uw gegevens" in words and sofie in words and "Dorpsstraat 7" in words
    assert (
        cli("--database", database.url, "access-export", "--email", "SOFIE.MAES@example.be", "-o", str(data)).code == 0
    )
    exported = json.loads(data.read_text(encoding="utf-8"))
    assert [c["opvolgingsnummer"] for c in exported["dossiers"]] == [sofie]
    assert_one_error_line(cli("--database", database.url, "access-export", "-o", str(pdf)), 2, "--name")
    assert_one_error_line(
        cli("--database", database.url, "access-export", "--name", "x", "-o", str(tmp_path / "a.txt")),
        2,
        ".pdf of .json",
    )


def test_retention_run_reaches_the_copies_and_says_so(cli, sqlite_database) -> None:
    """The copies the program keeps of the embedded file get the same retention; preview names
    them, run reports per copy, --help says so (docs/retention.md)."""
    from kina_desktop.services.privacy.backup import backups_folder, daily_backup

    database = sqlite_database
    _cases(database)
    daily_backup(database, backups_folder(database), dt.date(2026, 11, 23))
    preview = cli("--database", database.url, "retention", "preview")
    assert "Een run past de bewaartermijn ook toe op 1 kopie die het programma bijhoudt:" in preview.out
    assert "kina-klachten-2026-11-23.db\tdagelijkse kopie" in preview.out
    done = cli("--database", database.url, "retention", "run", "--yes")
    assert done.code == 0, done.err
    assert "kina-klachten-2026-11-23.db (dagelijkse kopie): 2 dossiers gepseudonimiseerd" in done.out
    copy = (backups_folder(database) / "kina-klachten-2026-11-23.db").read_bytes()
    assert SOFIE.name.encode() not in copy and JAN.secret.encode() not in copy
    helped = cli("retention", "--help")
    assert "elke kopie die het programma bijhoudt" in " ".join(helped.out.split())


def test_retention_run_on_a_shared_database_says_what_the_administrator_does_with_dumps(cli, database) -> None:
    if database.is_sqlite:
        pytest.skip("the shared database")
    _cases(database)
    done = cli("--database", database.url, "retention", "run", "--yes")
    assert done.code == 0, done.err
    assert "pg_dump" in done.out
