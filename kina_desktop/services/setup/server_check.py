"""``kina-desktop db check``: a checklist, in Dutch, of what on KINA's PostgreSQL server is not
set up as docs/security.md asks — something a municipal IT person can act on line by line.
Run as the database owner (a superuser also sees pg_hba.conf)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from kina_desktop.db.engine import Database
from kina_desktop.db.server_facts import OWNER_OR_SUPERUSER, ServerFacts, read_facts
from kina_desktop.i18n import _
from kina_desktop.services.errors import PermissionDenied, ServiceError

WEAK_METHODS = ("trust", "password", "md5")
MIN_AUTH_DELAY_MS = 500


@dataclass(frozen=True)
class Finding:
    problem: str
    fix: str


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_network(address, strict=False).is_loopback
    except ValueError:
        return address in ("localhost", "samehost")


def findings_of(facts: ServerFacts) -> list[Finding]:
    found: list[Finding] = []
    s = facts.settings
    if s.get("password_encryption") != "scram-sha-256":
        found.append(
            Finding(
                _("Wachtwoorden worden niet als SCRAM-SHA-256 bewaard (password_encryption = {v}).").format(
                    v=s.get("password_encryption") or "?"
                ),
                _(
                    "Zet password_encryption = 'scram-sha-256' in postgresql.conf en laat elke gebruiker zijn "
                    "wachtwoord opnieuw instellen."
                ),
            )
        )
    if "auth_delay" not in s.get("shared_preload_libraries", "").replace(" ", "").split(","):
        found.append(
            Finding(
                _("auth_delay is niet geladen: wie wachtwoorden raadt, krijgt na een fout meteen een nieuwe kans."),
                _(
                    "Zet shared_preload_libraries = 'auth_delay' en auth_delay.milliseconds = 1000 in "
                    "postgresql.conf en herstart de server."
                ),
            )
        )
    else:
        try:
            delay = int(s.get("auth_delay.milliseconds") or 0)
        except ValueError:
            delay = 0
        if delay < MIN_AUTH_DELAY_MS:
            found.append(
                Finding(
                    _("auth_delay wacht maar {ms} ms na een fout wachtwoord.").format(ms=delay),
                    _("Zet auth_delay.milliseconds op minstens {ms} in postgresql.conf.").format(ms=MIN_AUTH_DELAY_MS),
                )
            )
    if s.get("ssl") != "on":
        found.append(
            Finding(
                _("TLS staat uit (ssl = off): wachtwoordcontrole en klachten gaan onversleuteld over het netwerk."),
                _(
                    "Zet ssl = on met een servercertificaat (ssl_cert_file, ssl_key_file) en gebruik hostssl-regels "
                    "in pg_hba.conf."
                ),
            )
        )
    if s.get("log_connections") != "on":
        found.append(
            Finding(
                _("Aanmeldingen worden niet gelogd (log_connections = off): geraden wachtwoorden blijven onopgemerkt."),
                _("Zet log_connections = on in postgresql.conf."),
            )
        )
    if facts.hba_rules is None:
        found.append(
            Finding(
                _(
                    "De regels van pg_hba.conf zijn niet leesbaar voor {login}: alleen een superuser kan ze nakijken."
                ).format(login=facts.login),
                _(
                    "Voer deze controle uit als superuser, of kijk pg_hba.conf zelf na: elke regel voor de "
                    "KINA-logins gebruikt scram-sha-256, en verbindingen van buiten de server zijn hostssl."
                ),
            )
        )
    else:
        for rule in facts.hba_rules:
            everyone = "all" in rule.users or any(u.startswith("+") for u in rule.users)
            if rule.method in WEAK_METHODS and (everyone or rule.kind != "local"):
                found.append(
                    Finding(
                        _("pg_hba.conf regel {line} laat aanmelden toe met {method}.").format(
                            line=rule.line, method=rule.method
                        ),
                        _("Vervang {method} door scram-sha-256 in regel {line}.").format(
                            method=rule.method, line=rule.line
                        ),
                    )
                )
            if rule.kind in ("host", "hostnossl") and not _loopback(rule.address):
                found.append(
                    Finding(
                        _("pg_hba.conf regel {line} laat verbindingen van {address} toe zonder TLS.").format(
                            line=rule.line, address=rule.address or "?"
                        ),
                        _("Maak van regel {line} een hostssl-regel.").format(line=rule.line),
                    )
                )
    for login, what in facts.powerful_logins:
        found.append(
            Finding(
                _("De KINA-login {login} heeft {what}: daarmee kan ze de regels van de server omzeilen.").format(
                    login=login, what=what
                ),
                _("Neem dat af (als superuser: ALTER ROLE {login} NO{what}, of REVOKE {what} FROM {login}).").format(
                    login=login, what=what
                ),
            )
        )
    for login in facts.logins_without_account:
        found.append(
            Finding(
                _("De login {login} zit in een KINA-groep maar heeft geen KINA-account.").format(login=login),
                _(
                    "Ga na wie die login maakte; neem de groep af als ze er niet hoort (REVOKE ... FROM {login})."
                ).format(login=login),
            )
        )
    for what in facts.writable_by_logins:
        found.append(
            Finding(
                _("KINA-logins mogen rechtstreeks schrijven waar alleen de server mag: {what}.").format(what=what),
                _("Voer kina-desktop db upgrade uit als eigenaar van de database."),
            )
        )
    for table in facts.tables_without_rls:
        found.append(
            Finding(
                _("Tabel {table} heeft geen beveiliging per rij.").format(table=table),
                _("Voer kina-desktop db upgrade uit als eigenaar van de database."),
            )
        )
    for trigger in facts.missing_triggers:
        found.append(
            Finding(
                _("De bewaking {trigger} ontbreekt of staat uit.").format(trigger=trigger),
                _("Voer kina-desktop db upgrade uit als eigenaar van de database."),
            )
        )
    if facts.manager_missing:
        found.append(
            Finding(
                _("De rol kina_account_manager ontbreekt (of kan zich aanmelden)."),
                _("Voer kina-desktop db upgrade uit als eigenaar van de database."),
            )
        )
    for what in facts.public_may_create:
        found.append(
            Finding(
                _("Iedereen mag objecten aanmaken ({what}).").format(what=what),
                _("Voer kina-desktop db upgrade uit als eigenaar van de database."),
            )
        )
    return found


def check_server(url: str) -> tuple[ServerFacts, list[Finding]]:
    """The facts and what is not in order. PermissionDenied unless the login is the owner or a
    superuser; ServiceError on the embedded file, DatabaseUnavailable when the server does not
    answer."""
    database = Database(url)
    if not database.is_postgresql:
        raise ServiceError(
            _(
                "Deze controle is er voor een gedeelde PostgreSQL-server; het ingebouwde "
                "databasebestand wordt beschermd door de rechten op het bestand (zie docs/security.md)."
            )
        )
    try:
        with database.engine.connect() as conn:
            login, may_check = conn.execute(text(OWNER_OR_SUPERUSER)).one()
            if not may_check:
                raise PermissionDenied(
                    _("Deze controle vraagt de eigenaar van de database; {login} is dat niet.").format(login=login)
                )
            facts = read_facts(conn)
            conn.rollback()
    except OperationalError as error:
        raise database.unavailable(error) from error
    finally:
        database.dispose()
    return facts, findings_of(facts)
