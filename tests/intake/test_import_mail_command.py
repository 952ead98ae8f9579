"""``kina-desktop import-mail FILE...``: one line with the tracking number per registered
message, then its notes of the intake (indented, also kept in the case's history) and the member
OCMW proposed; an unreadable file gets a Dutch error line and exit code 2 while the others are
still registered; a message registered before is reported, not registered again; ``--kind``
registers an information request or an anonymous report (Art. 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kina_desktop.db.engine import Database
from kina_desktop.db.models import AuditEvent, Case, CaseDescription, Document
from kina_desktop.domain.audit_actions import AuditAction
from tests.cli.conftest import cli, isolated_user_folders, row_counts  # noqa: F401
from tests.intake.corpus import CORPUS


def test_import_mail_prints_a_tracking_number_per_message(cli, database: Database) -> None:
    files = [str(CORPUS / n) for n in ("01-plain-utf8.eml", "50-outlook-plain-with-attachments.msg")]
    outcome = cli("--database", database.url, "import-mail", *files)
    assert outcome.code == 0, outcome.err
    registered = [line for line in outcome.out.splitlines() if not line.startswith("\t")]
    assert registered == [f"2026-0001\t{files[0]}", f"2026-0002\t{files[1]}"]
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
    numbers = [line.split("\t")[0] for line in outcome.out.splitlines() if not line.startswith("\t")]
    assert numbers == ["2026-0001", "2026-0002"]
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


def intake_notes(database: Database, number: str) -> list[str]:
    with database.engine.connect() as conn:
        case_id = conn.execute(select(Case.id).where(Case.tracking_number == number)).scalar_one()
        return list(
            conn.execute(
                select(AuditEvent.new_value)
                .where(AuditEvent.case_id == case_id, AuditEvent.action == AuditAction.INTAKE_NOTE.value)
                .order_by(AuditEvent.id)
            ).scalars()
        )


def test_the_notes_of_the_intake_are_printed_under_the_number_and_kept_on_the_case(cli, database: Database) -> None:
    path = str(CORPUS / "16-forwarded-as-attachment.eml")
    outcome = cli("--database", database.url, "import-mail", path)
    assert outcome.code == 0, outcome.err
    first, *notes = outcome.out.splitlines()
    assert first == f"2026-0001\t{path}"
    assert notes and all(line.startswith("\topmerking: ") for line in notes)
    assert any("Doorgestuurd bericht" in line and "bart.wuyts@skynet.be" in line for line in notes)
    assert [line.removeprefix("\topmerking: ") for line in notes] == intake_notes(database, "2026-0001")


def test_a_long_message_is_imported_with_its_request_and_the_whole_text_in_the_folder(
    cli, database: Database, tmp_path: Path
) -> None:
    request = "Mijn vraag: stuur mij een schriftelijk antwoord en betaal de factuur terug."
    lines = [f"Dag {n}: de thuiszorg kwam weer te laat en niemand belde ons op voorhand." for n in range(1, 900)]
    body = "Geachte,\n\n" + "\n".join(lines) + f"\n\n{request}\nJan Peeters"
    path = tmp_path / "lang.eml"
    path.write_bytes(
        (
            "From: Jan Peeters <jan.peeters@telenet.be>\nTo: klacht@kina.be\nSubject: Thuiszorg\n"
            "Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <lang-cli@telenet.be>\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + body
        ).encode()
    )
    outcome = cli("--database", database.url, "import-mail", str(path))
    assert outcome.code == 0, outcome.err
    assert "tekens weggelaten" in outcome.out and "lang (volledige tekst).txt" in outcome.out
    with database.engine.connect() as conn:
        text = conn.execute(select(CaseDescription.text)).scalar_one()
        files = conn.execute(select(Document.filename, Document.content).order_by(Document.id)).all()
    assert len(text) <= 50_000 and text.startswith("Geachte,") and text.endswith(request + "\nJan Peeters")
    assert [name for name, _content in files] == ["lang.eml", "lang (volledige tekst).txt"]
    assert body in files[1][1].decode("utf-8-sig")


@pytest.mark.parametrize("kind", ["information_request", "anonymous_report"])
def test_kind_registers_an_information_request_or_anonymous_report_without_acknowledgement_deadline(
    cli, database: Database, kind: str
) -> None:
    path = str(CORPUS / "01-plain-utf8.eml")
    outcome = cli("--database", database.url, "import-mail", "--kind", kind, path)
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines()[0] == f"2026-0001\t{path}"
    with database.engine.connect() as conn:
        row = conn.execute(select(Case.kind, Case.acknowledgement_due_on, Case.handling_due_on)).one()
        documents = conn.execute(select(func.count()).select_from(Document)).scalar_one()
    assert tuple(row) == (kind, None, None)
    assert documents == 0  # Art. 3 and 5: no complaint folder


def test_kind_also_takes_the_dutch_name(cli, database: Database) -> None:
    outcome = cli(
        "--database", database.url, "import-mail", "--kind", "Informatievraag", str(CORPUS / "01-plain-utf8.eml")
    )
    assert outcome.code == 0, outcome.err
    with database.engine.connect() as conn:
        assert conn.execute(select(Case.kind)).scalar_one() == "information_request"


def test_without_kind_a_message_is_a_complaint_with_an_acknowledgement_deadline(cli, database: Database) -> None:
    outcome = cli("--database", database.url, "import-mail", str(CORPUS / "01-plain-utf8.eml"))
    assert outcome.code == 0, outcome.err
    with database.engine.connect() as conn:
        kind, due = conn.execute(select(Case.kind, Case.acknowledgement_due_on)).one()
    assert kind == "complaint" and due is not None


def test_a_wrong_kind_is_refused_in_dutch_and_nothing_is_registered(cli, database: Database) -> None:
    before = row_counts(database)
    outcome = cli("--database", database.url, "import-mail", "--kind", "klachtje", str(CORPUS / "01-plain-utf8.eml"))
    assert outcome.code == 2
    assert "onbekende soort ‘klachtje’" in outcome.err and "information_request (informatievraag)" in outcome.err
    assert "Traceback" not in outcome.err and outcome.out == ""
    assert row_counts(database) == before


def test_the_help_names_the_kinds_and_the_proposal_in_dutch(cli) -> None:
    outcome = cli("import-mail", "--help")
    assert outcome.code == 0
    text = " ".join(outcome.out.split())
    for words in ("--kind SOORT", "informatievraag", "anonieme melding", "--accept-organisation", "voorstel"):
        assert words in text


def ocmw_mail(tmp_path: Path, name: str, message_id: str) -> Path:
    path = tmp_path / name
    path.write_bytes(
        (
            "From: An Peeters <an.peeters@ocmw-schoten.be>\nTo: klacht@kina.be\nSubject: Klacht van een cliënt\n"
            f"Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <{message_id}>\n"
            "Content-Type: text/plain; charset=utf-8\n\nIk stuur u de klacht van een cliënt.\n"
        ).encode()
    )
    return path


def test_the_member_ocmw_is_printed_as_a_proposal_and_stored_only_with_accept_organisation(
    cli, database: Database, tmp_path: Path
) -> None:
    first = ocmw_mail(tmp_path, "a.eml", "a@ocmw-schoten.be")
    outcome = cli("--database", database.url, "import-mail", str(first))
    assert outcome.code == 0, outcome.err
    assert "\tvoorstel: betrokken OCMW ‘OCMW Schoten’ (voorgesteld op basis van het e-mailadres" in outcome.out
    assert "niet ingevuld, zie --accept-organisation" in outcome.out
    second = ocmw_mail(tmp_path, "b.eml", "b@ocmw-schoten.be")
    outcome = cli("--database", database.url, "import-mail", "--accept-organisation", str(second))
    assert outcome.code == 0, outcome.err
    assert "\tbetrokken OCMW ‘OCMW Schoten’ ingevuld" in outcome.out
    with database.engine.connect() as conn:
        stored = conn.execute(select(CaseDescription.organisation).order_by(CaseDescription.case_id)).scalars().all()
    assert stored == ["", "OCMW Schoten"]
    assert any("niet ingevuld" in n for n in intake_notes(database, "2026-0001"))
    assert any("zo geregistreerd" in n for n in intake_notes(database, "2026-0002"))
