"""``kina-desktop report annual YEAR -o FILE.pdf [--xlsx FILE.xlsx]``: the annual report of Art. 8."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.conftest import EXAMPLE, assert_one_error_line


def test_the_annual_report_from_a_script(cli, database, tmp_path) -> None:
    number = cli("--database", database.url, "register", str(EXAMPLE)).out.strip()
    pdf, sheet = tmp_path / "jaarverslag.pdf", tmp_path / "jaarverslag.xlsx"
    outcome = cli("--database", database.url, "report", "annual", "2026", "-o", str(pdf), "--xlsx", str(sheet))
    assert outcome.code == 0, outcome.err
    assert "Jaarverslag 2026 bewaard in" in outcome.out and "Cijfers van 2026 bewaard in" in outcome.out
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Jaarverslag klachtenbehandeling 2026" in text and "Klachten per kanaal" in text
    assert number not in text  # figures only: no line per complaint
    assert load_workbook(sheet).sheetnames == ["Cijfers", "Verbeterprojecten"]


def test_bad_report_arguments_are_one_dutch_line(cli, database, tmp_path) -> None:
    assert_one_error_line(
        cli("--database", database.url, "report", "annual", "twintig", "-o", str(tmp_path / "a.pdf")), 2, "geen jaartal"
    )
    assert_one_error_line(
        cli("--database", database.url, "report", "annual", "2026", "-o", str(tmp_path / "nergens" / "a.pdf")),
        2,
        "bestaat niet",
    )
    assert_one_error_line(
        cli("--database", database.url, "report", "annual", "2026", "-o", str(tmp_path / "a.txt")),
        2,
        "moet eindigen op .pdf",
    )
