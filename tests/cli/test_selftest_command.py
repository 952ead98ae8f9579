"""``kina-desktop selftest``: the installation check works on a throwaway database and never
touches the person's own."""

from __future__ import annotations

from pathlib import Path

from kina_desktop import config


def test_the_self_check_makes_a_letter_and_an_annual_report_on_a_throwaway_database(
    cli,
    tmp_path: Path,
    isolated_user_folders: Path,  # type: ignore[no-untyped-def]
) -> None:
    outcome = cli("selftest", "--keep", str(tmp_path))
    assert outcome.code == 0, outcome
    lines = outcome.out.splitlines()
    assert lines[-1] == "Zelftest geslaagd."
    assert all(line.lstrip().startswith("in orde") for line in lines[:-1]), lines
    assert (tmp_path / "ontvangstbevestiging.pdf").read_bytes().startswith(b"%PDF")
    assert any(path.suffix == ".xlsx" for path in tmp_path.iterdir())
    assert not config.default_sqlite_path().exists()  # the embedded database was left alone


def test_the_self_check_refuses_a_folder_that_does_not_exist(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("selftest", "--keep", str(tmp_path / "nergens"))
    assert outcome.code == 2
    assert "bestaat niet" in outcome.err
