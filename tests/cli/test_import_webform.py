"""``kina-desktop import-webform FILE [--dry-run]`` on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import ERROR_PREFIX, row_counts

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def test_dry_run_shows_what_would_be_registered_and_registers_nothing(cli, database) -> None:
    before = row_counts(database)
    outcome = cli("--database", database.url, "import-webform", str(EXAMPLES / "webformulier.csv"), "--dry-run")
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        "inzending 1 (regel 2)\tMarleen Wouters\tLange wachttijd aan het loket\tzou geregistreerd worden",
        "inzending 2 (regel 4)\tAhmed El Idrissi\tGeen antwoord op mijn aanvraag\tzou geregistreerd worden",
    ]
    assert "Niets geregistreerd (--dry-run): 2 nieuwe inzending(en), 0 al in het register." in outcome.err
    assert row_counts(database) == before


def test_import_registers_every_new_submission_and_prints_its_tracking_number(cli, database) -> None:
    outcome = cli("--database", database.url, "import-webform", str(EXAMPLES / "webformulier.json"))
    assert outcome.code == 0, outcome.err
    assert [line.split("\t")[-1] for line in outcome.out.splitlines()] == ["2026-0001", "2026-0002"]
    shown = cli("--database", database.url, "show", "2026-0002", "--json")
    assert '"channel": "web_form"' in shown.out

    again = cli("--database", database.url, "import-webform", str(EXAMPLES / "webformulier.csv"))
    assert again.code == 0, again.err
    assert [line.split("\t")[-1] for line in again.out.splitlines()] == [
        "staat al in het register als 2026-0001",
        "staat al in het register als 2026-0002",
    ]
    assert row_counts(database)["cases"] == 2


def test_a_broken_file_is_reported_line_by_line_and_imports_nothing(cli, database, tmp_path) -> None:
    good = (EXAMPLES / "webformulier.csv").read_text(encoding="utf-8")
    bad = tmp_path / "kapot.csv"
    bad.write_text(
        good + "web-3;overmorgen;Piet;;;;piet@@x;;;;Onderwerp;Tekst;;\nweb-4;2026-11-20;An\n", encoding="utf-8"
    )
    before = row_counts(database)

    outcome = cli("--database", database.url, "import-webform", str(bad))

    assert outcome.code == 2
    assert outcome.out == ""
    assert outcome.error_lines == [
        f"{ERROR_PREFIX}{bad} is niet ingelezen; er is niets geïmporteerd:",
        f"  {bad}, regel 5 (inzending 3), veld submitted_at: ‘overmorgen’ is geen datum; schrijf JJJJ-MM-DD of "
        "JJJJ-MM-DDTUU:MM",
        f"  {bad}, regel 5 (inzending 3), veld email: Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).",
        f"  {bad}, regel 6 (inzending 4): 3 velden, maar de kopregel heeft er 14; ontbreekt er een "
        "scheidingsteken of een aanhalingsteken?",
    ]
    assert row_counts(database) == before


def test_a_missing_file_is_one_line(cli, database, tmp_path) -> None:
    outcome = cli("--database", database.url, "import-webform", str(tmp_path / "nergens.json"))
    assert outcome.code == 2 and outcome.error_lines == [f"{ERROR_PREFIX}{tmp_path / 'nergens.json'} bestaat niet"]
