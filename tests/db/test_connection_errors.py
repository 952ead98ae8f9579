"""The driver's reasons that a test cannot easily provoke on a real server (a firewall, a missing
pg_hba.conf line, SSL, a full server), each with its Dutch sentence; the reasons a real server
gives are tested in tests/services/test_database_connection_messages.py."""

from __future__ import annotations

import pytest

from kina_desktop.db.connection_errors import explain_connection_error

SERVER = "postgresql+psycopg://anna@db.kina.local:5432/kina"
FILE = "sqlite+pysqlite:////data/kina-klachten.db"


@pytest.mark.parametrize(
    "url, reason, expected",
    [
        (
            SERVER,
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: timeout expired',
            "De databaseserver db.kina.local:5432 is niet bereikbaar: hij antwoordt niet binnen de tijd.",
        ),
        (
            SERVER,
            'connection failed: FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "anna", database '
            '"kina", SSL off',
            "laat geen verbinding toe van deze pc",
        ),
        (
            SERVER,
            "connection failed: server does not support SSL, but SSL was required",
            "De beveiligde verbinding (SSL) met de databaseserver db.kina.local:5432 is mislukt.",
        ),
        (SERVER, "connection failed: SSL error: certificate verify failed", "welke SSL-instelling (sslmode)"),
        (
            SERVER,
            "connection failed: received invalid response to SSL negotiation: H",
            "antwoordt iets anders dan een PostgreSQL-databaseserver",
        ),
        (SERVER, "connection failed: FATAL:  sorry, too many clients already", "geen vrije verbindingen meer"),
        (SERVER, "connection failed: FATAL:  the database system is starting up", "start op of wordt afgesloten"),
        (SERVER, 'connection failed: FATAL:  role "anna" does not exist', "De login ‘anna’ bestaat niet"),
        (
            SERVER,
            'connection failed: FATAL:  role "anna" is not permitted to log in',
            "De login ‘anna’ mag zich niet aanmelden",
        ),
        (
            SERVER,
            'connection failed: FATAL:  permission denied for database "kina"',
            "Uw login heeft geen toegang tot de database ‘kina’",
        ),
        (
            SERVER,
            "consuming input failed: SSL connection has been closed unexpectedly",
            "is niet bereikbaar: de verbinding werd onderbroken",
        ),
        (
            SERVER,
            'connection failed: could not translate host name "db.kina.local" to address: No such host is known.',
            "De databaseserver ‘db.kina.local’ is niet gevonden.",
        ),
        (
            SERVER,
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: Network is unreachable',
            "er is geen netwerkweg naar de server",
        ),
        (FILE, "database is locked", "is vergrendeld door een ander programma"),
        (FILE, "attempt to write a readonly database", "Het databasebestand /data/kina-klachten.db is alleen-lezen."),
        (FILE, "database or disk is full", "De schijf met de database /data/kina-klachten.db is vol."),
        (FILE, "unable to open database file", "Het databasebestand /data/kina-klachten.db kan niet geopend worden."),
    ],
)
def test_each_common_reason_gets_a_dutch_sentence_with_the_original_as_detail(
    url: str, reason: str, expected: str
) -> None:
    problem = explain_connection_error(url, "de database", OSError(reason))
    assert expected in problem.message
    assert problem.recognised and "\n" not in problem.message
    assert problem.detail == f"Technische melding: {reason}"
    assert problem.with_detail() == f"{problem.message}\n{problem.detail}"


def test_an_unknown_reason_keeps_the_general_sentence_with_the_drivers_words() -> None:
    problem = explain_connection_error(SERVER, "kina op db.kina.local", OSError("something new\nsecond line"))
    assert problem.message == "De database kina op db.kina.local is niet bereikbaar: something new"
    assert not problem.recognised and problem.with_detail() == problem.message
