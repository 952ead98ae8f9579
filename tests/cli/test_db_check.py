"""``kina-desktop db check`` tells a municipal IT person, in Dutch, what of docs/security.md is not in
place on the shared server: here the missing auth_delay (and TLS and connection logging) on the
test server, and nothing at all on a server set up as the document asks."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import pg_database, require_pg
from tests.pg_server import Server, pg_bin

pytestmark = pytest.mark.postgres


def test_the_check_names_what_is_missing_on_the_test_server(cli, request: pytest.FixtureRequest) -> None:
    database = pg_database(request, "kina_check")  # set up by the migrations, as KINA's server would be
    assert cli("--database", database.url, "db", "upgrade").code == 0
    outcome = cli("--database", database.url, "db", "check")
    assert outcome.code == 1, outcome.out + outcome.err
    assert "auth_delay is niet geladen" in outcome.out
    assert "Wat te doen: Zet shared_preload_libraries = 'auth_delay'" in outcome.out
    assert "TLS staat uit" in outcome.out and "log_connections = off" in outcome.out
    # the grants of the server's rules are all in place after the migrations
    for wrong in (
        "mogen rechtstreeks schrijven",
        "beveiliging per rij",
        "bewaking",
        "kina_account_manager",
        "Iedereen mag objecten",
    ):
        assert wrong not in outcome.out, outcome.out


def test_a_login_that_is_not_the_owner_is_told_so(cli, request: pytest.FixtureRequest) -> None:
    database = pg_database(request, "kina_check", request.getfixturevalue("pg_template"))
    with database.engine.connect() as conn:
        conn.exec_driver_sql(
            "CREATE ROLE kina_check_someone LOGIN PASSWORD 'een lang wachtwoord' IN ROLE kina_receiver"
        )
        conn.commit()
    request.addfinalizer(lambda: _drop_role(database, "kina_check_someone"))
    url = database.url.replace("user=postgres", "user=kina_check_someone&password=een+lang+wachtwoord")
    outcome = cli("--database", url, "db", "check")
    assert outcome.code != 0
    assert "vraagt de eigenaar van de database" in outcome.err


def _drop_role(database, name: str) -> None:
    with database.engine.connect() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {name}")
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
        conn.commit()


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "server.crt", folder / "server.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=kina",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_on_a_server_set_up_as_docs_security_asks_nothing_is_reported(cli) -> None:
    require_pg()
    bin_dir = pg_bin()
    assert bin_dir is not None
    root = Path(tempfile.mkdtemp(prefix="kina-pg-check-"))  # the server's user must reach it
    server = Server(bin_dir, root, "")
    server.init()
    cert, key = _certificate(server.data)
    (server.data / "pg_hba.conf").write_text(
        "local all postgres trust\nlocal all all scram-sha-256\nhostssl all all 0.0.0.0/0 scram-sha-256\n"
    )
    subprocess.run(["chown", "postgres:postgres", str(cert), str(key)], check=False)
    key.chmod(0o600)
    server.options = (
        f"-c fsync=off -c shared_preload_libraries=auth_delay -c auth_delay.milliseconds=1000 "
        f"-c log_connections=on -c ssl=on -c ssl_cert_file={cert} -c ssl_key_file={key} "
        "-c password_encryption=scram-sha-256"
    )
    server.start()
    try:
        url = server.url.replace("/postgres?", "/kina?")
        with __import__("psycopg").connect(
            dbname="postgres", host=str(server.root), user="postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE kina")
        assert cli("--database", url, "db", "upgrade").code == 0
        outcome = cli("--database", url, "db", "check")
        assert outcome.code == 0, outcome.out + outcome.err
        assert outcome.out.startswith("Alles in orde"), outcome.out
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)
