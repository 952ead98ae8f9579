"""Bad input ends in one Dutch line on stderr, the right exit code, no traceback and nothing
written: exit code 2 for the person's input, 1 for the database."""

from __future__ import annotations

import codecs
import sqlite3

import pytest

from kina_desktop.db import engine as db_engine
from kina_desktop.services.cases.case_service import CaseService
from tests.cli.conftest import EXAMPLE, assert_one_error_line, example_form, row_counts, write_form

BROKEN_JSON = '{\n  "kind": "complaint",\n  "description": {\n    "channel": "email"\n    "subject": "x"\n  }\n}\n'


def _form(**description) -> dict:
    form = example_form()
    form["description"].update(description)
    return form


BAD_FORMS = {
    "broken JSON": (BROKEN_JSON, ["ongeldige JSON op regel 5, kolom 5", "komma verwacht"]),
    "empty file": ("", ["ongeldige JSON op regel 1"]),
    "not an object": ("[1, 2]", ["één object"]),
    "no description": ('{"kind": "complaint"}', ["description", "ontbreekt"]),
    "unknown key": ({**example_form(), "priority": "hoog"}, ["veld priority (regel", "onbekend veld"]),
    "typo in a field": (_form(complainant_nmae="X"), ["description.complainant_nmae", "onbekend veld"]),
    "unknown channel": (_form(channel="fax"), ["description.channel (regel", '"fax"', '"email"']),
    "missing channel": (_form(channel=None), ["description.channel ontbreekt"]),
    "unknown level": ({**example_form(), "level": "7"}, ["veld level (regel", '"7"']),
    "date in Flemish order": (_form(received_on="20/11/2026"), ["description.received_on (regel", "JJJJ-MM-DD"]),
    "number for text": (_form(subject=42), ["description.subject (regel", "moet tekst"]),
    "missing subject": (
        _form(subject=""),
        ["niet geregistreerd", "Onderwerp (description.subject, regel", "Vul het onderwerp in"],
    ),
    "date in the future": (
        _form(received_on="2027-01-05"),
        ["Datum van ontvangst (description.received_on", "toekomst"],
    ),
    "facts after receipt": (_form(facts_on="2026-11-21"), ["description.facts_on", "na de ontvangst"]),
    "bad e-mail": (_form(complainant_email="marleen@"), ["description.complainant_email", "geen geldig e-mailadres"]),
}


@pytest.mark.parametrize("case", list(BAD_FORMS), ids=list(BAD_FORMS))
def test_a_bad_form_registers_nothing(cli, database, tmp_path, case: str) -> None:
    form, fragments = BAD_FORMS[case]
    path = write_form(tmp_path, form)
    before = row_counts(database)
    outcome = cli("--database", database.url, "register", str(path))
    assert_one_error_line(outcome, 2, "klacht.json", *fragments)
    assert outcome.out == ""
    assert row_counts(database) == before


@pytest.mark.parametrize(
    "content, fragments",
    [
        (None, ["bestaat niet"]),
        ("dir", ["is een map"]),
        (b'{"description": {"subject": "caf\xe9"}}', ["regel 1", "geen UTF-8"]),
    ],
    ids=["missing", "directory", "latin-1"],
)
def test_an_unreadable_file_registers_nothing(cli, database, tmp_path, content, fragments) -> None:
    path = tmp_path / "klacht.json"
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    before = row_counts(database)
    outcome = cli("--database", database.url, "register", str(path))
    assert_one_error_line(outcome, 2, *fragments)
    assert row_counts(database) == before


def test_a_form_saved_as_utf16_by_notepad_is_read(cli, database, tmp_path) -> None:
    path = tmp_path / "klacht.json"
    path.write_bytes(codecs.BOM_UTF16_LE + EXAMPLE.read_text(encoding="utf-8").encode("utf-16-le"))
    assert cli("--database", database.url, "register", str(path)).out.strip() == "2026-0001"


def test_an_unknown_tracking_number(cli, database) -> None:
    outcome = cli("--database", database.url, "show", "2026-0999", "--json")
    assert_one_error_line(outcome, 2, "Geen dossier met opvolgingsnummer 2026-0999")
    assert outcome.out == ""


def test_something_that_is_no_tracking_number(cli, database) -> None:
    assert_one_error_line(
        cli("--database", database.url, "show", "klacht-12"), 2, "'klacht-12' is geen opvolgingsnummer"
    )


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("postgresql://kina@127.0.0.1:1/kina", "niet bereikbaar"),
        ("dit-is-geen-url", "Ongeldige database-URL"),
        ("mysql://kina@localhost/kina", "niet ondersteund"),
    ],
)
@pytest.mark.parametrize(
    "command", [["show", "2026-0001"], ["register", str(EXAMPLE)], ["db", "upgrade"], ["demo", "--complaints", "5"]]
)
def test_a_database_that_does_not_answer(cli, url: str, fragment: str, command: list[str]) -> None:
    assert_one_error_line(cli("--database", url, *command), 1, fragment)


def test_a_sqlite_file_whose_folder_cannot_be_made(cli, tmp_path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    outcome = cli("--database", f"sqlite:///{blocker}/kina.db", "show", "2026-0001")
    assert_one_error_line(outcome, 1, "kan niet aangemaakt worden")


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on a locked file after 0.2 s instead of the program's 10 s."""
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_TIMEOUT_MS", 200)


def _sqlite_path(database) -> str:
    return database.engine.url.database


def test_a_sqlite_file_locked_by_another_program(cli, sqlite_database, short_busy_timeout) -> None:
    before = row_counts(sqlite_database)
    sqlite_database.dispose()
    other = sqlite3.connect(_sqlite_path(sqlite_database), isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("SELECT count(*) FROM cases").fetchone()
        outcome = cli("--database", sqlite_database.url, "register", str(EXAMPLE))
    finally:
        other.rollback() if other.in_transaction else None
        other.close()
    assert_one_error_line(outcome, 1, "vergrendeld")
    assert row_counts(sqlite_database) == before


def test_a_sqlite_file_whose_writer_does_not_finish(cli, sqlite_database, short_busy_timeout) -> None:
    """The file opens (WAL lets readers in) but the registration cannot take the write lock."""
    before = row_counts(sqlite_database)
    other = sqlite3.connect(_sqlite_path(sqlite_database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        outcome = cli("--database", sqlite_database.url, "register", str(EXAMPLE))
    finally:
        other.rollback()
        other.close()
    assert_one_error_line(outcome, 1, "vergrendeld")
    assert row_counts(sqlite_database) == before


def test_an_unexpected_error_is_logged_with_its_traceback(cli, database, isolated_user_folders, monkeypatch) -> None:
    cli("--database", database.url, "register", str(EXAMPLE))

    def broken(self, number):
        raise RuntimeError("kapot")

    monkeypatch.setattr(CaseService, "get", broken)
    outcome = cli("--database", database.url, "show", "2026-0001")
    log = isolated_user_folders / "logs" / "kina-desktop.log"
    assert_one_error_line(outcome, 1, "onverwachte fout", "RuntimeError", str(log))
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: kapot" in text
