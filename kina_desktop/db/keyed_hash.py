"""A keyed hash (HMAC-SHA256) for what pseudonymisation may not keep in clear but must still
recognise: the Message-ID of an e-mail that became a case (docs/retention.md). A Message-ID often
carries the sender's address or domain; its keyed hash does not, and a re-imported message gives
the same hash, so the intake still says "already registered as case N".

The key is one secret per register, 64 random bytes, created once by the migration that brought
this in and kept in ``register_secrets`` inside the register itself (a copy of the register
carries its own key, so its hashes stay consistent with its own rows):

- on the embedded SQLite file whoever can read the file can read the key (as they can read
  everything else in it); the program registers the hash as an SQL function on every connection;
- on PostgreSQL no KINA login may read the table: only its owner (who runs the migrations and
  ``pg_dump``) can. Pseudonymising (``kina_pseudonymise_case``) and the intake's duplicate check
  (``kina_message_id_hash``) run as SECURITY DEFINER functions that read it on the server.

The PostgreSQL function is HMAC-SHA256 (RFC 2104) written with the server's built-in
``sha256`` (no extension needed): with a key of exactly one block (64 bytes) it gives the same
value as Python's ``hmac``, which a test checks.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from sqlalchemy import Text, bindparam, text
from sqlalchemy.orm import Session

from kina_desktop.db.security import BASE_ROLE

SECRETS_TABLE = "register_secrets"
MESSAGE_ID_KEY = "message_id_key"
HASH_PREFIX = "hmac-sha256:"
KEY_BYTES = 64  # one SHA-256 block: the key is used as it is (RFC 2104)

# The hashed form of the Message-ID in ``column`` (an SQL expression), the same statement on
# SQLite (a function of the connection, db/engine.py) and on PostgreSQL (a server function).
KEY_QUERY = f"SELECT value FROM {SECRETS_TABLE} WHERE name = '{MESSAGE_ID_KEY}'"
KEY_SELECT = f"({KEY_QUERY})"


def hashed_sql(column: str) -> str:
    return f"'{HASH_PREFIX}' || kina_hmac_sha256({KEY_SELECT}, {column})"


def new_key() -> str:
    return secrets.token_hex(KEY_BYTES)


def hmac_sha256(key: str | None, value: str | None) -> str | None:
    """HMAC-SHA256 of ``value`` under the hex ``key``, in hex; None when either is missing (as
    SQL functions do with NULL)."""
    if key is None or value is None:
        return None
    return hmac.new(bytes.fromhex(key), value.encode("utf-8"), hashlib.sha256).hexdigest()


def is_hashed(message_id: str) -> bool:
    return message_id.startswith(HASH_PREFIX)


def message_id_hashes(session: Session, message_ids: Iterable[str]) -> dict[str, str]:
    """The keyed hash of each Message-ID, as pseudonymisation stores it: {hash: Message-ID}.
    Empty when the register has no key (nothing can have been hashed then)."""
    wanted = [m for m in dict.fromkeys(message_ids) if m]
    if not wanted:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        # imported here: the PostgreSQL dialect loads only with a PostgreSQL database (tests/test_lazy_start.py)
        from sqlalchemy.dialects.postgresql import ARRAY

        rows = session.execute(
            text("SELECT m, kina_message_id_hash(m) FROM unnest(:ids) AS m").bindparams(
                bindparam("ids", type_=ARRAY(Text))
            ),
            {"ids": wanted},
        ).all()
        return {str(hashed): str(message_id) for message_id, hashed in rows if hashed}
    key = session.execute(text(KEY_QUERY)).scalar()
    if key is None:
        return {}
    return {HASH_PREFIX + str(hmac_sha256(key, m)): m for m in wanted}


def postgresql_statements() -> list[str]:
    """The key's table closed to every KINA login, the hash, and the duplicate check's function
    (re-runnable)."""
    return [
        f"REVOKE ALL ON {SECRETS_TABLE} FROM PUBLIC",
        f"REVOKE ALL ON {SECRETS_TABLE} FROM {BASE_ROLE}",
        """
        CREATE OR REPLACE FUNCTION kina_hmac_sha256(p_key text, p_value text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
        DECLARE
            v_key bytea := decode(p_key, 'hex');
            v_inner bytea := v_key;
            v_outer bytea := v_key;
        BEGIN
            IF length(v_key) <> 64 THEN
                RAISE EXCEPTION 'the key of kina_hmac_sha256 is 64 bytes';
            END IF;
            FOR i IN 0..63 LOOP
                v_inner := set_byte(v_inner, i, get_byte(v_key, i) # 54);   -- 0x36
                v_outer := set_byte(v_outer, i, get_byte(v_key, i) # 92);   -- 0x5c
            END LOOP;
            RETURN encode(sha256(v_outer || sha256(v_inner || convert_to(p_value, 'UTF8'))), 'hex');
        END
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION kina_message_id_hash(p_message_id text) RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT {hashed_sql("p_message_id")}
        $$""",
        "REVOKE ALL ON FUNCTION kina_message_id_hash(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION kina_message_id_hash(text) TO {BASE_ROLE}",
    ]


def postgresql_downgrade_statements() -> list[str]:
    return [
        "DROP FUNCTION IF EXISTS kina_message_id_hash(text)",
        "DROP FUNCTION IF EXISTS kina_hmac_sha256(text, text)",
    ]


__all__ = [
    "HASH_PREFIX",
    "MESSAGE_ID_KEY",
    "SECRETS_TABLE",
    "hashed_sql",
    "hmac_sha256",
    "is_hashed",
    "message_id_hashes",
    "new_key",
    "postgresql_statements",
]
