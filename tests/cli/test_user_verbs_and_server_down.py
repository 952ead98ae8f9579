"""``kina-desktop user edit|roles|reset-password|enable|password``: the accounts people can keep up
from the command line, with Dutch one-line errors; and every administrator command against a
database server that does not answer ends in the same Dutch connection message."""

from __future__ import annotations

import socket

import pytest

from tests.cli.conftest import assert_one_error_line
from tests.cli.test_sign_in_and_users import PASSWORD, add_first_director, as_user

NEW_PASSWORD = "een ander lang wachtwoord"


@pytest.fixture
def url(sqlite_database) -> str:  # type: ignore[no-untyped-def]
    return sqlite_database.url


def add_rita(cli, url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_first_director(cli, url, monkeypatch)
    as_user(monkeypatch, "dirk")
    outcome = cli("--database", url, "user", "add", "rita", "--name", "Rita Ontvanger", "--role", "receiver")
    assert outcome.code == 0, outcome.err


def test_the_administrator_edits_the_contact_person_and_the_roles(cli, url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_rita(cli, url, monkeypatch)
    edited = cli("--database", url, "user", "edit", "rita", "--name", "Rita Peeters", "--function", "Onthaal")
    assert edited.code == 0 and "Account rita gewijzigd." in edited.out
    roles = cli("--database", url, "user", "roles", "rita", "--role", "receiver", "--role", "team")
    assert roles.code == 0 and "Klachtenontvanger, Klachtenteam" in roles.out
    assert "rita\tRita Peeters\tKlachtenontvanger, Klachtenteam\tactief" in cli("--database", url, "user", "list").out
    assert_one_error_line(cli("--database", url, "user", "edit", "rita"), 2, "niets te wijzigen")
    assert_one_error_line(cli("--database", url, "user", "edit", "rita", "--email", "rita@"), 2, "e-mailadres")
    assert_one_error_line(cli("--database", url, "user", "roles", "niemand", "--role", "team"), 2, "Geen account")
    assert_one_error_line(cli("--database", url, "user", "roles", "dirk", "--role", "director"), 2, "beheerder")


def test_only_the_director_gives_the_director_role_art_6_also_on_the_command_line(cli, url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_rita(cli, url, monkeypatch)
    assert cli("--database", url, "user", "add", "arne", "--name", "Arne", "--role", "administrator").code == 0
    as_user(monkeypatch, "arne")
    outcome = cli("--database", url, "user", "roles", "rita", "--role", "director")
    assert_one_error_line(outcome, 2, "Alleen de directeur")


def test_after_a_reset_the_person_first_chooses_a_new_password(cli, url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_rita(cli, url, monkeypatch)
    monkeypatch.setenv("KINA_NEW_PASSWORD", "tijdelijk wachtwoord")
    reset = cli("--database", url, "user", "reset-password", "rita")
    assert reset.code == 0 and "rita" in reset.out
    as_user(monkeypatch, "rita", "tijdelijk wachtwoord")
    assert_one_error_line(cli("--database", url, "user", "list"), 1, "user password")
    monkeypatch.setenv("KINA_NEW_PASSWORD", NEW_PASSWORD)
    changed = cli("--database", url, "user", "password")
    assert changed.code == 0 and "Uw wachtwoord is gewijzigd." in changed.out
    as_user(monkeypatch, "rita", NEW_PASSWORD)
    assert cli("--database", url, "user", "list").code == 0


def test_everyone_changes_their_own_password_and_mistakes_are_one_dutch_line(cli, url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_rita(cli, url, monkeypatch)
    as_user(monkeypatch, "rita")
    monkeypatch.setenv("KINA_NEW_PASSWORD", "kort")
    assert_one_error_line(cli("--database", url, "user", "password"), 2, "minstens 10 tekens")
    monkeypatch.setenv("KINA_NEW_PASSWORD", PASSWORD)
    assert_one_error_line(cli("--database", url, "user", "password"), 2, "moet verschillen")
    monkeypatch.setenv("KINA_NEW_PASSWORD", NEW_PASSWORD)
    assert cli("--database", url, "user", "password").code == 0
    as_user(monkeypatch, "rita")
    assert_one_error_line(cli("--database", url, "user", "list"), 1, "niet juist")


def test_a_disabled_account_is_enabled_again(cli, url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_rita(cli, url, monkeypatch)
    assert cli("--database", url, "user", "disable", "rita").code == 0
    enabled = cli("--database", url, "user", "enable", "rita")
    assert enabled.code == 0 and "Account rita opnieuw geactiveerd." in enabled.out
    as_user(monkeypatch, "rita")
    assert cli("--database", url, "user", "list").code == 0


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


ADMINISTRATOR_COMMANDS = (
    ("backup", "-o", "kopie.db"),
    ("user", "list"),
    ("user", "add", "rita", "--name", "Rita", "--role", "receiver"),
    ("user", "edit", "rita", "--name", "Rita"),
    ("user", "roles", "rita", "--role", "team"),
    ("user", "reset-password", "rita"),
    ("user", "disable", "rita"),
    ("user", "enable", "rita"),
    ("user", "password"),
    ("retention", "preview"),
    ("retention", "period"),
    ("legal-hold", "2026-0001", "--reason", "Rechtszaak"),
    ("access-export", "--name", "Sofie Maes", "-o", "inzage.json"),
    ("calendar", "closing-days", "2027", "2027-07-11"),
    ("db", "upgrade"),
    ("db", "check"),
)


@pytest.mark.parametrize("command", ADMINISTRATOR_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("signed_in", [True, False], ids=["with --user", "with the login in the URL"])
def test_every_administrator_command_against_a_server_that_does_not_answer_gives_the_dutch_message(
    cli, monkeypatch, tmp_path, command: tuple[str, ...], signed_in: bool
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KINA_PASSWORD", PASSWORD)
    monkeypatch.setenv("KINA_NEW_PASSWORD", "een nieuw lang wachtwoord")
    port = _closed_port()
    who = ("--user", "dirk") if signed_in else ()
    outcome = cli("--database", f"postgresql://dirk@127.0.0.1:{port}/kina", *who, *command)
    assert_one_error_line(outcome, 1, f"De databaseserver 127.0.0.1 is niet bereikbaar op poort {port}")
    assert "onverwachte fout" not in outcome.err
