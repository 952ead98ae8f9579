"""Issue 5: ``kina-desktop letter`` and ``kina-desktop letters acknowledgements`` from a script."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.cli.conftest import EXAMPLE, assert_one_error_line


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_one_acknowledgement_from_a_script(cli, database, tmp_path) -> None:
    number = cli("--database", database.url, "register", str(EXAMPLE)).out.strip()
    target = tmp_path / "brief.pdf"
    outcome = cli("--database", database.url, "letter", "acknowledgement", number, "-o", str(target))
    assert outcome.code == 0, outcome.err
    assert number in _text(target)
    import json

    shown = json.loads(cli("--database", database.url, "show", number, "--json").out)
    assert shown["acknowledged_on"] == "2026-11-24"


def test_all_postal_acknowledgements_in_one_pdf(cli, database, tmp_path) -> None:
    numbers = [cli("--database", database.url, "register", str(EXAMPLE)).out.strip() for _ in range(3)]
    target = tmp_path / "bevestigingen.pdf"
    outcome = cli("--database", database.url, "letters", "acknowledgements", "--channel", "all", "-o", str(target))
    assert outcome.code == 0, outcome.err
    text = _text(target)
    assert [text.index(n) for n in numbers] == sorted(text.index(n) for n in numbers)
    again = cli("--database", database.url, "letters", "acknowledgements", "--channel", "all", "-o", str(target))
    assert "Geen ontvangstbevestigingen" in again.out


def test_a_letter_the_reglement_does_not_allow_is_one_dutch_line(cli, database, tmp_path) -> None:
    number = cli("--database", database.url, "register", str(EXAMPLE)).out.strip()
    outcome = cli("--database", database.url, "letter", "board_date", number, "-o", str(tmp_path / "x.pdf"))
    assert_one_error_line(outcome, 2, "Raad van Bestuur")
    assert not (tmp_path / "x.pdf").exists()
