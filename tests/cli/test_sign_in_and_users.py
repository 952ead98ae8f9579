"""Issue 4: the commands authenticate like the window and see exactly what that person may see;
the administrator manages accounts with ``kina-desktop user``."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import EXAMPLE, assert_one_error_line, row_counts

PASSWORD = "een lang wachtwoord"


@pytest.fixture
def sqlite_url(sqlite_database) -> str:
    return sqlite_database.url


def add_first_director(cli, url: str, monkeypatch) -> None:
    monkeypatch.setenv("KINA_NEW_PASSWORD", PASSWORD)
    outcome = cli(
        "--database",
        url,
        "user",
        "add",
        "dirk",
        "--name",
        "Dirk Directeur",
        "--role",
        "director",
        "--role",
        "administrator",
        "--first",
    )
    assert outcome.code == 0, outcome.err
    assert "dirk" in outcome.out


def as_user(monkeypatch, name: str, password: str = PASSWORD) -> None:
    monkeypatch.setenv("KINA_USER", name)
    monkeypatch.setenv("KINA_PASSWORD", password)


def test_once_an_account_exists_commands_need_a_sign_in(cli, sqlite_url, sqlite_database, monkeypatch) -> None:
    add_first_director(cli, sqlite_url, monkeypatch)
    before = row_counts(sqlite_database)
    outcome = cli("--database", sqlite_url, "register", str(EXAMPLE))
    assert_one_error_line(outcome, 2, "--user")
    assert row_counts(sqlite_database) == before


def test_wrong_password_is_one_dutch_line(cli, sqlite_url, monkeypatch) -> None:
    add_first_director(cli, sqlite_url, monkeypatch)
    as_user(monkeypatch, "dirk", "fout wachtwoord")
    outcome = cli("--database", sqlite_url, "register", str(EXAMPLE))
    assert_one_error_line(outcome, 1, "niet juist")


def test_administrator_adds_lists_and_disables_accounts(cli, sqlite_url, monkeypatch) -> None:
    add_first_director(cli, sqlite_url, monkeypatch)
    as_user(monkeypatch, "dirk")
    assert (
        cli("--database", sqlite_url, "user", "add", "rita", "--name", "Rita Ontvanger", "--role", "receiver").code == 0
    )
    listing = cli("--database", sqlite_url, "user", "list").out
    assert "rita\tRita Ontvanger\tKlachtenontvanger\tactief" in listing
    assert cli("--database", sqlite_url, "user", "disable", "rita").code == 0
    as_user(monkeypatch, "rita")
    outcome = cli("--database", sqlite_url, "user", "list")
    assert_one_error_line(outcome, 1, "uitgeschakeld")


def test_a_role_without_the_right_gets_a_clear_message(cli, sqlite_url, monkeypatch) -> None:
    add_first_director(cli, sqlite_url, monkeypatch)
    as_user(monkeypatch, "dirk")
    cli("--database", sqlite_url, "user", "add", "rita", "--name", "Rita Ontvanger", "--role", "receiver")
    as_user(monkeypatch, "rita")
    outcome = cli("--database", sqlite_url, "user", "add", "hans", "--name", "Hans", "--role", "handler")
    assert_one_error_line(outcome, 2, "beheerder")


def test_show_json_hides_a_confidential_case_from_a_handler(cli, sqlite_url, monkeypatch, tmp_path) -> None:
    add_first_director(cli, sqlite_url, monkeypatch)
    as_user(monkeypatch, "dirk")
    cli("--database", sqlite_url, "user", "add", "hans", "--name", "Hans Behandelaar", "--role", "handler")
    form = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    form["category"], form["level"] = "personnel", "2"
    form["description"]["staff_member"] = "Karel Geheim"
    path = tmp_path / "personeel.json"
    path.write_text(json.dumps(form), encoding="utf-8")
    number = cli("--database", sqlite_url, "register", str(path)).out.strip()
    as_user(monkeypatch, "hans")
    outcome = cli("--database", sqlite_url, "show", number, "--json")
    assert outcome.code == 0, outcome.err
    shown = json.loads(outcome.out)
    assert shown["confidential"] is True
    assert shown["description"] is None and shown["handling"] is None and shown["closure"] is None
    assert "Karel" not in outcome.out
    assert "Karel" not in cli("--database", sqlite_url, "show", number).out
