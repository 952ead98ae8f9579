"""Why a database could not be reached, in Dutch that tells the person what to do.

psycopg/libpq (PostgreSQL) and sqlite3 give their reason in English ("connection refused",
"password authentication failed for user ...", "database ... does not exist"). The common
failures are recognised here, in one place, and turned into a Dutch sentence; the driver's own
words are logged and kept as ``reason`` for a detail line ("Technische melding: ..."). A reason
that is not recognised keeps the general sentence with the driver's words after it.

Used by ``Database.explain`` (db/engine.py), and through it by opening a database at start-up,
the connection test of Bestand → Database…, the first-run assistant and Beheer → Instellingen →
Database (services/setup/startup.py), and a connection lost in the middle of the work.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

from kina_desktop.i18n import _

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ConnectionProblem:
    """``message``: Dutch, on one line; ``reason``: the driver's own words (first line)."""

    message: str
    reason: str
    recognised: bool = True  # False: the general sentence, with the driver's words in it

    @property
    def detail(self) -> str:
        return _("Technische melding: {reason}").format(reason=self.reason) if self.reason else ""

    def with_detail(self) -> str:
        """The message with the driver's words on a line of its own (for a label or a message box)."""
        if not self.recognised or not self.reason:  # the general sentence names it already
            return self.message
        return f"{self.message}\n{self.detail}"


@dataclass(frozen=True)
class _Where:
    """The parts of the URL a message names."""

    label: str  # the URL without its password
    host: str  # a server name, an address, or the socket folder on this PC
    port: int
    database: str
    user: str
    is_socket: bool
    is_sqlite: bool

    @property
    def server(self) -> str:
        if self.is_socket:
            return _("op deze pc ({folder}, poort {port})").format(folder=self.host, port=self.port)
        return f"{self.host}:{self.port}"


def _where(url: str, label: str) -> _Where:
    try:
        parsed: URL = make_url(url)
    except Exception:
        return _Where(label, "", DEFAULT_PORT, "", "", False, False)
    query = parsed.query
    host = str(query.get("host") or parsed.host or "localhost")
    port_text = str(query.get("port") or parsed.port or DEFAULT_PORT)
    return _Where(
        label=label,
        host=host,
        port=int(port_text) if port_text.isdigit() else DEFAULT_PORT,
        database=parsed.database or "",
        user=str(query.get("user") or parsed.username or ""),
        is_socket=host.startswith("/"),
        is_sqlite=parsed.get_backend_name() == "sqlite",
    )


def driver_reason(error: BaseException) -> str:
    """The driver's reason, without SQLAlchemy's wrapping: its first line that says something."""
    original = getattr(error, "orig", None) or error
    for line in str(original).strip().splitlines():
        if line.strip():
            return line.strip()
    return error.__class__.__name__


def _quoted(pattern: str, reason: str) -> str | None:
    found = re.search(pattern, reason, re.IGNORECASE)
    return found.group(1) if found else None


# (patterns searched in the driver's whole text, lower case; the Dutch sentence for them). The
# first match wins, so a more particular reason comes before a more general one ("SSL connection
# has been closed unexpectedly" is an interrupted connection, not an SSL setting).
Rule = tuple[tuple[str, ...], Callable[[_Where, str], str]]


def _locked(w: _Where, reason: str) -> str:
    return _("De database {db} is vergrendeld door een ander programma. Probeer het later opnieuw.").format(db=w.label)


def _no_database(w: _Where, reason: str) -> str:
    name = _quoted(r'database "([^"]*)" does not exist', reason) or w.database
    return _(
        "Op de databaseserver {server} bestaat geen database met de naam ‘{name}’. Controleer de "
        "databasenaam (let op hoofdletters) of vraag de beheerder van de server hoe de database heet."
    ).format(server=w.server, name=name)


def _wrong_password(w: _Where, reason: str) -> str:
    user = _quoted(r'for user "([^"]*)"', reason) or w.user
    return _(
        "De databaseserver {server} weigerde de aanmelding van ‘{user}’: de gebruikersnaam of het "
        "wachtwoord is niet juist. Controleer ze, of vraag de beheerder om een nieuw wachtwoord."
    ).format(server=w.server, user=user)


def _no_password(w: _Where, reason: str) -> str:
    return _(
        "De databaseserver {server} vraagt een wachtwoord, maar er werd er geen meegegeven. Meld u "
        "aan met uw eigen gebruikersnaam en wachtwoord."
    ).format(server=w.server)


def _unknown_login(w: _Where, reason: str) -> str:
    user = _quoted(r'role "([^"]*)" does not exist', reason) or w.user
    return _(
        "De login ‘{user}’ bestaat niet op de databaseserver {server}. Controleer de gebruikersnaam "
        "of vraag de beheerder om een login."
    ).format(user=user, server=w.server)


def _login_disabled(w: _Where, reason: str) -> str:
    user = _quoted(r'role "([^"]*)" is not permitted', reason) or w.user
    return _(
        "De login ‘{user}’ mag zich niet aanmelden op de databaseserver {server} (uitgeschakeld of "
        "verlopen). Vraag de beheerder om hulp."
    ).format(user=user, server=w.server)


def _not_admitted(w: _Where, reason: str) -> str:
    return _(
        "De databaseserver {server} laat geen verbinding toe van deze pc met deze login en database. "
        "De beheerder van de server moet ze toelaten (pg_hba.conf), eventueel alleen over een "
        "beveiligde verbinding (SSL)."
    ).format(server=w.server)


def _no_access(w: _Where, reason: str) -> str:
    name = _quoted(r'for database "([^"]*)"', reason) or w.database
    return _(
        "Uw login heeft geen toegang tot de database ‘{name}’ op {server}. Vraag de beheerder om u toegang te geven."
    ).format(name=name, server=w.server)


def _unknown_host(w: _Where, reason: str) -> str:
    return _(
        "De databaseserver ‘{host}’ is niet gevonden. Controleer de naam van de server (tikfout?) en "
        "of deze pc met het netwerk of de VPN verbonden is."
    ).format(host=w.host)


def _timeout(w: _Where, reason: str) -> str:
    return _(
        "De databaseserver {server} is niet bereikbaar: hij antwoordt niet binnen de tijd. Controleer "
        "de netwerkverbinding (of de VPN) en vraag de beheerder of een firewall poort {port} tegenhoudt."
    ).format(server=w.server, port=w.port)


def _refused(w: _Where, reason: str) -> str:
    if w.is_socket:
        return _(
            "De databaseserver is niet bereikbaar: op deze pc draait geen databaseserver in {folder} met "
            "poort {port}. Controleer de map en de poort, en of de databaseserver gestart is."
        ).format(folder=w.host, port=w.port)
    return _(
        "De databaseserver {host} is niet bereikbaar op poort {port}: daar neemt niets op. Controleer "
        "de poort (meestal 5432) en of de databaseserver gestart is."
    ).format(host=w.host, port=w.port)


def _no_network(w: _Where, reason: str) -> str:
    return _(
        "De databaseserver {host} is niet bereikbaar: er is geen netwerkweg naar de server. Controleer "
        "de netwerkverbinding (of de VPN)."
    ).format(host=w.host)


def _not_postgres(w: _Where, reason: str) -> str:
    return _(
        "Op {host} poort {port} antwoordt iets anders dan een PostgreSQL-databaseserver. Controleer "
        "de poort (meestal 5432)."
    ).format(host=w.host, port=w.port)


def _interrupted(w: _Where, reason: str) -> str:
    return _(
        "De databaseserver {server} is niet bereikbaar: de verbinding werd onderbroken. Controleer "
        "de netwerkverbinding en probeer het opnieuw; vraag de beheerder of de server draait als het "
        "blijft duren."
    ).format(server=w.server)


def _ssl(w: _Where, reason: str) -> str:
    return _(
        "De beveiligde verbinding (SSL) met de databaseserver {server} is mislukt. Vraag de beheerder "
        "welke SSL-instelling (sslmode) en welk certificaat nodig zijn."
    ).format(server=w.server)


def _starting(w: _Where, reason: str) -> str:
    return _("De databaseserver {server} start op of wordt afgesloten. Probeer het over een minuut opnieuw.").format(
        server=w.server
    )


def _full(w: _Where, reason: str) -> str:
    return _(
        "De databaseserver {server} heeft geen vrije verbindingen meer. Sluit KINA Klachten op pc's "
        "waar het niet gebruikt wordt, of vraag de beheerder om meer verbindingen toe te laten."
    ).format(server=w.server)


def _file_unopenable(w: _Where, reason: str) -> str:
    return _(
        "Het databasebestand {file} kan niet geopend worden. Controleer of de map bestaat en of u er "
        "mag schrijven (is de netwerkschijf verbonden?)."
    ).format(file=w.database)


def _file_no_database(w: _Where, reason: str) -> str:
    return _(
        "Het bestand {file} is geen bruikbare database van KINA Klachten, of het is beschadigd. Kies "
        "een ander bestand of zet een reservekopie terug."
    ).format(file=w.database)


def _file_read_only(w: _Where, reason: str) -> str:
    return _(
        "Het databasebestand {file} is alleen-lezen. Vraag uw IT-verantwoordelijke om schrijfrechten "
        "op het bestand en zijn map."
    ).format(file=w.database)


def _disk_full(w: _Where, reason: str) -> str:
    return _("De schijf met de database {file} is vol. Maak ruimte vrij en probeer het opnieuw.").format(
        file=w.database
    )


def _disk_error(w: _Where, reason: str) -> str:
    return _(
        "De schijf met de database {file} gaf een leesfout of schrijffout. Controleer de schijf of de "
        "netwerkverbinding en probeer het opnieuw."
    ).format(file=w.database)


SQLITE_RULES: tuple[Rule, ...] = (
    (("locked", "busy"), _locked),
    (("unable to open database file",), _file_unopenable),
    (("file is not a database", "malformed"), _file_no_database),
    (("readonly database", "read-only"), _file_read_only),
    (("database or disk is full",), _disk_full),
    (("disk i/o error",), _disk_error),
)

POSTGRESQL_RULES: tuple[Rule, ...] = (
    (("password authentication failed",), _wrong_password),
    (("no password supplied",), _no_password),
    (("is not permitted to log in",), _login_disabled),
    (("no pg_hba.conf entry",), _not_admitted),
    (("permission denied for database", "connect privilege"), _no_access),
    (('role ".*" does not exist',), _unknown_login),
    (('database ".*" does not exist',), _no_database),
    (
        (
            "could not translate host name",
            "failed to resolve host",
            "name or service not known",
            "nodename nor servname",
            "temporary failure in name resolution",
            "no such host is known",
            "getaddrinfo failed",
        ),
        _unknown_host,
    ),
    (("timeout expired", "timed out"), _timeout),
    (
        (
            "the database system is starting up",
            "the database system is shutting down",
            "in recovery mode",
            "not yet accepting connections",
            "not currently accepting connections",
        ),
        _starting,
    ),
    (("too many clients", "connection slots are reserved", "too many connections"), _full),
    (("invalid response to ssl negotiation",), _not_postgres),
    (("connection refused", "no such file or directory"), _refused),
    (("network is unreachable", "no route to host"), _no_network),
    (
        (
            "closed the connection unexpectedly",
            "closed unexpectedly",
            "terminating connection",
            "connection is closed",
            "connection is lost",
            "consuming input failed",
            "server conn crashed",
            "connection reset",
            "broken pipe",
            "eof detected",
        ),
        _interrupted,
    ),
    (("ssl", "certificate"), _ssl),
)


def explain_connection_error(url: str, label: str, error: BaseException) -> ConnectionProblem:
    """The Dutch explanation of ``error`` for the database at ``url`` (``label``: the URL without
    its password, as messages show it). The driver's words are logged, never the password."""
    reason = driver_reason(error)
    where = _where(url, label)
    log.info("database %s not reachable: %s", label, reason)  # the log file; never on the command line
    lowered = str(getattr(error, "orig", None) or error).lower()
    for words, sentence in SQLITE_RULES if where.is_sqlite else POSTGRESQL_RULES:
        if any(re.search(pattern, lowered) for pattern in words):
            return ConnectionProblem(sentence(where, reason), reason)
    return ConnectionProblem(
        _("De database {db} is niet bereikbaar: {reason}").format(db=label, reason=reason), reason, recognised=False
    )
