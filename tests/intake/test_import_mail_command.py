"""``kina-desktop import-mail FILE...``: one line with the tracking number per registered
message; an unreadable file gets a Dutch error line and exit code 2 while the others are still
registered; a message registered before is reported, not registered again."""

from __future__ import annotations

from kina_desktop.db.engine import Database
from tests.cli.conftest import cli, isolated_user_folders, row_counts  # noqa: F401
from tests.intake.corpus import CORPUS


def test_import_mail_prints_a_tracking_number_per_message(cli, database: Database) -> None:
    files = [str(CORPUS / n) for n in ("01-plain-utf8.eml", "50-outlook-plain-with-attachments.msg")]
    outcome = cli("--database", database.url, "import-mail", *files)
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [f"2026-0001\t{files[0]}", f"2026-0002\t{files[1]}"]
    assert outcome.err == ""


def test_unreadable_files_get_an_error_line_and_the_others_are_registered(cli, database: Database) -> None:
    names = [
        "40-unreadable-not-a-mail.eml",
        "06-html-only.eml",
        "42-unreadable-empty.eml",
        "45-invalid-sender-address.eml",
        "07-html-only-cp1252-qp.eml",
    ]
    before = row_counts(database)
    outcome = cli(
        "--database", database.url, "import-mail", *[str(CORPUS / n) for n in names], str(CORPUS / "bestaat-niet.eml")
    )
    assert outcome.code == 2
    assert [line.split("\t")[0] for line in outcome.out.splitlines()] == ["2026-0001", "2026-0002"]
    errors = outcome.err.splitlines()
    assert len(errors) == 4 and all(line.startswith("kina-desktop: fout: ") for line in errors)
    assert "geen e-mailkoppen" in errors[0] and "leeg" in errors[1]
    assert "niet geregistreerd" in errors[2] and "e-mailadres" in errors[2]
    assert "bestaat niet" in errors[3]
    assert "Traceback" not in outcome.err
    assert row_counts(database)["cases"] == before["cases"] + 2


def test_a_message_imported_twice_is_reported_not_registered_again(cli, database: Database) -> None:
    path = str(CORPUS / "16-forwarded-as-attachment.eml")
    assert cli("--database", database.url, "import-mail", path).out.startswith("2026-0001")
    outcome = cli("--database", database.url, "import-mail", path)
    assert outcome.code == 0 and outcome.out == ""
    assert outcome.err.startswith("kina-desktop: opgelet: ") and "2026-0001" in outcome.err
    assert row_counts(database)["cases"] == 1
