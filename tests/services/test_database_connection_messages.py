"""A database that cannot be reached is explained in Dutch that tells the person what to do,
against the real test PostgreSQL server: a wrong port, a database name that does not exist, a
real login with a wrong password, a server name that is not known. The driver's English reason
is kept only as the detail line 'Technische melding: ...' (db/connection_errors.py), never in the
sentence itself; the same explanation serves the start-up, the command line (one line) and the
connection test of Bestand → Database… (probe_server)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from kina_desktop.db.engine import Database
from kina_desktop.services.errors import DatabaseUnavailable
from kina_desktop.services.setup.startup import open_database, probe_server
from tests.conftest import PG_URL

ENGLISH = ("connection", "failed", "refused", "does not exist", "password", "authentication", "resolve", "host")


def _socket_url(**changes: object) -> str:
    """The test server's URL (a socket on this PC) with other parts."""
    url = make_url(Database(PG_URL).url)
    query = dict(url.query) | {key: str(value) for key, value in changes.items() if key in ("port", "user", "password")}
    url = url.set(query=query)
    if "database" in changes:
        url = url.set(database=str(changes["database"]))
    return url.render_as_string(hide_password=False)


def _refused(url: str) -> DatabaseUnavailable:
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(url)
    error = caught.value
    assert "\n" not in error.message  # one line, as the command line prints it
    assert not any(word in error.message.lower() for word in ENGLISH), error.message
    assert error.detail.startswith("Technische melding: ")
    return error


@pytest.fixture
def real_login() -> Iterator[str]:
    """A login on the test server with the password 'juist-wachtwoord' (logins are cluster-wide)."""
    name = f"kina_wrongpw_{os.getpid()}"
    admin = Database(PG_URL)
    with admin.engine.connect() as conn:
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD 'juist-wachtwoord'")
        conn.commit()
    yield name
    with admin.engine.connect() as conn:
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
        conn.commit()
    admin.dispose()


@pytest.mark.postgres
def test_a_wrong_port_says_nothing_answers_there() -> None:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (TEST_PG_URL)")
    error = _refused(_socket_url(port=9))
    assert "niet bereikbaar" in error.message and "poort 9" in error.message
    assert "Controleer de map en de poort" in error.message
    assert ".s.PGSQL.9" in error.detail

    over_tcp = _refused("postgresql://kina@127.0.0.1:9/kina")
    assert over_tcp.message.startswith(
        "De databaseserver 127.0.0.1 is niet bereikbaar op poort 9: daar neemt "
        "niets op. Controleer de poort (meestal 5432)"
    )
    assert "Connection refused" in over_tcp.detail
    answer = probe_server("postgresql://127.0.0.1:9/kina")  # Verbinding testen
    assert answer == f"{over_tcp.message}\n{over_tcp.detail}"


@pytest.mark.postgres
def test_a_database_name_that_does_not_exist_is_named() -> None:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (TEST_PG_URL)")
    error = _refused(_socket_url(database="kina_bestaat_niet"))
    assert "bestaat geen database met de naam ‘kina_bestaat_niet’" in error.message
    assert "Controleer de databasenaam" in error.message
    assert 'database "kina_bestaat_niet" does not exist' in error.detail
    answer = probe_server(_socket_url(database="kina_bestaat_niet"))
    assert answer is not None and answer.splitlines() == [error.message, error.detail]


@pytest.mark.postgres
def test_a_real_login_with_a_wrong_password_is_refused_in_dutch(real_login: str) -> None:
    error = _refused(_socket_url(user=real_login, password="fout-wachtwoord"))
    assert f"weigerde de aanmelding van ‘{real_login}’" in error.message
    assert "gebruikersnaam of het wachtwoord is niet juist" in error.message
    assert "fout-wachtwoord" not in error.message + error.detail  # the password is never shown
    assert "password authentication failed" in error.detail
    # The connection test only asks whether the server answers: a server that asks for a login does.
    assert probe_server(_socket_url(user=real_login, password="fout-wachtwoord")) is None
    open_database(_socket_url(user=real_login, password="juist-wachtwoord"), migrate=False).dispose()


def test_a_server_name_that_is_not_known_is_named() -> None:
    error = _refused("postgresql://kina@kina-server.invalid:5432/kina")
    assert error.message.startswith(
        "De databaseserver ‘kina-server.invalid’ is niet gevonden. Controleer de naam van de server"
    )
    assert "kina-server.invalid" in error.detail
    answer = probe_server("postgresql://kina-server.invalid:5432/kina")
    assert answer is not None and "is niet gevonden" in answer and "\nTechnische melding: " in answer


def test_a_file_that_is_no_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "klachten.db"
    path.write_bytes(b"Dit is een tekstbestand en geen database. " * 20)
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(f"sqlite+pysqlite:///{path}")
    assert caught.value.message == (
        f"Het bestand {path} is geen bruikbare database van KINA Klachten, of het is "
        "beschadigd. Kies een ander bestand of zet een reservekopie terug."
    )
    assert caught.value.detail == "Technische melding: file is not a database"
