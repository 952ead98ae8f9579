"""The command line itself: version, Dutch help, usage errors and opening the window."""

from __future__ import annotations

import pytest

from kina_desktop import __version__
from tests.cli.conftest import assert_one_error_line


def test_version_prints_program_and_version(cli) -> None:
    outcome = cli("--version")
    assert outcome.code == 0
    assert outcome.out.strip() == f"kina-desktop {__version__}"


def test_help_lists_every_command_in_dutch(cli) -> None:
    outcome = cli("--help")
    assert outcome.code == 0
    assert outcome.out.startswith("gebruik: kina-desktop")
    for word in ("opties:", "opdrachten:", "db", "demo", "register", "show", "Afsluitcodes", "KINA_DATABASE_URL"):
        assert word in outcome.out
    assert "usage:" not in outcome.out and "show this help" not in outcome.out


@pytest.mark.parametrize(
    "command, words",
    [
        (["db", "upgrade"], ["migraties", "schemarevisie"]),
        (["demo"], ["--complaints", "--seed", "--force", "leden-OCMW's"]),
        (["register"], ["BESTAND", "docs/register-json.md", "opvolgingsnummer"]),
        (["show"], ["NUMMER", "--json", "null"]),
    ],
)
def test_every_command_documents_itself_in_dutch(cli, command: list[str], words: list[str]) -> None:
    outcome = cli(*command, "--help")
    assert outcome.code == 0
    assert outcome.out.startswith(f"gebruik: kina-desktop {' '.join(command)}")
    assert "toon deze hulp en stop" in outcome.out
    assert "--database URL" in outcome.out
    for word in words:
        assert word in outcome.out


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["frobnicate"], "ongeldige keuze: 'frobnicate'"),
        (["show"], "deze argumenten ontbreken: NUMMER"),
        (["db"], "deze argumenten ontbreken: OPDRACHT"),
        (["demo", "--complaints", "veel"], "'veel' is geen geheel getal"),
        (["demo", "--complaints", "0"], "kies een aantal van 1 tot"),
        (["show", "2026-0001", "--jsn"], "onbekende argumenten: --jsn"),
    ],
)
def test_usage_errors_end_in_one_dutch_line_and_exit_code_2(cli, args: list[str], fragment: str) -> None:
    outcome = cli(*args)
    assert_one_error_line(outcome, 2, fragment, "--help")
    assert outcome.out == ""


def test_without_a_command_the_window_opens_on_the_given_database(cli) -> None:
    opened: list[str | None] = []

    def open_window(url: str | None) -> int:
        opened.append(url)
        return 0

    assert cli(open_window=open_window).code == 0
    assert cli("--database", "sqlite:///elders.db", open_window=open_window).code == 0
    assert opened == [None, "sqlite:///elders.db"]


def test_a_window_that_cannot_load_qt_gives_one_line_and_exit_code_1(cli, isolated_user_folders) -> None:
    def open_window(url: str | None) -> int:
        raise ImportError("libEGL.so.1: cannot open shared object file")

    outcome = cli(open_window=open_window)
    assert_one_error_line(outcome, 1, "het venster kan niet openen", "libEGL")
    assert "libEGL" in (isolated_user_folders / "logs" / "kina-desktop.log").read_text(encoding="utf-8")


def test_argparse_elsewhere_in_the_process_stays_english(cli) -> None:
    import argparse

    cli("--help")
    parser = argparse.ArgumentParser(prog="ander")
    assert "usage: ander" in parser.format_help()
