"""The case list's sort keys for the complainant, the subject and the handler, stored on the header
so that an index serves them (migration 0021; docs/performance.md).

``cases.list_name`` is the description's ``sort_name`` (domain/text.py ``family_name_key``) and
``cases.list_subject`` its subject in lower case, both '' while the case is on the confidential
track (Art. 6): every role may read the header, and the description of a case that is not
confidential too, so these columns tell nobody more than the description already does, and
nothing of a confidential one. Everyone but the director sorts on them
(services/cases/list_order.py); the director, who reads every description, sorts on the
description's own columns. ``cases.list_handler`` is the handler's display name ('' for none),
as the list shows it to everyone.

The database keeps them, whatever writes a description (the program, the demo generator,
pseudonymisation, a restore) or moves a case on or off the track: triggers on SQLite; on
PostgreSQL a trigger on ``cases`` that computes them from the description at every insert and
update, so that no login can write anything else into them, and ones on ``case_descriptions``
and ``accounts`` that touch the header when the name, subject or handler's name changes. The server's own history leaves them
out (db/server_rules.py ``HISTORY_LEFT_OUT``): they repeat the description, which has its own.
"""

from __future__ import annotations

from kina_desktop.db.security import SEARCH_PATH

# The ready views of open cases ('In behandeling' by kind and hold): partial indexes, in the very
# words of the list's condition. Made by migration 0021 and not declared in the models (see there);
# the schema comparison leaves them out.
OPEN_INDEXES: dict[str, list[str]] = {
    "ix_cases_open_number": ["year", "sequence"],
    "ix_cases_open_kind": ["kind", "on_hold", "year", "sequence"],
}
OPEN_CONDITION = "status <> 'closed'"

LIST_KEY_COLUMNS = ("list_name", "list_subject", "list_handler")

_FROM_DESCRIPTION = """
    UPDATE cases
    SET list_name = CASE WHEN confidential THEN '' ELSE NEW.sort_name END,
        list_subject = CASE WHEN confidential THEN '' ELSE lower(NEW.subject) END
    WHERE id = NEW.case_id;"""
_HANDLER = """
    UPDATE cases SET list_handler = coalesce((SELECT a.display_name FROM accounts a WHERE a.id = NEW.handler_id), '')
    WHERE id = NEW.id;"""


def sqlite_statements() -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS kina_list_keys_described",
        f"CREATE TRIGGER kina_list_keys_described AFTER INSERT ON case_descriptions BEGIN {_FROM_DESCRIPTION} END",
        "DROP TRIGGER IF EXISTS kina_list_keys_redescribed",
        "CREATE TRIGGER kina_list_keys_redescribed AFTER UPDATE OF sort_name, subject ON case_descriptions "
        f"BEGIN {_FROM_DESCRIPTION} END",
        "DROP TRIGGER IF EXISTS kina_list_keys_track",
        """
        CREATE TRIGGER kina_list_keys_track AFTER UPDATE OF confidential ON cases BEGIN
            UPDATE cases
            SET list_name = CASE WHEN NEW.confidential THEN ''
                    ELSE coalesce((SELECT d.sort_name FROM case_descriptions d WHERE d.case_id = NEW.id), '') END,
                list_subject = CASE WHEN NEW.confidential THEN ''
                    ELSE coalesce((SELECT lower(d.subject) FROM case_descriptions d WHERE d.case_id = NEW.id), '') END
            WHERE id = NEW.id;
        END""",
        "DROP TRIGGER IF EXISTS kina_list_keys_registered",
        f"CREATE TRIGGER kina_list_keys_registered AFTER INSERT ON cases BEGIN {_HANDLER} END",
        "DROP TRIGGER IF EXISTS kina_list_keys_handler",
        f"CREATE TRIGGER kina_list_keys_handler AFTER UPDATE OF handler_id ON cases BEGIN {_HANDLER} END",
        "DROP TRIGGER IF EXISTS kina_list_keys_renamed",
        """
        CREATE TRIGGER kina_list_keys_renamed AFTER UPDATE OF display_name ON accounts BEGIN
            UPDATE cases SET list_handler = NEW.display_name WHERE handler_id = NEW.id;
        END""",
    ]


def fill_statement() -> str:
    """Every case's keys from its description (the migration; both databases)."""
    return """
        UPDATE cases
        SET list_name = CASE WHEN confidential THEN ''
                ELSE coalesce((SELECT d.sort_name FROM case_descriptions d WHERE d.case_id = cases.id), '') END,
            list_subject = CASE WHEN confidential THEN ''
                ELSE coalesce((SELECT lower(d.subject) FROM case_descriptions d WHERE d.case_id = cases.id), '') END,
            list_handler = coalesce((SELECT a.display_name FROM accounts a WHERE a.id = cases.handler_id), '')"""


def postgresql_statements() -> list[str]:
    # BEFORE triggers run in name order: kina_cases_guard (which computes ``confidential``) first.
    return [
        f"""
        CREATE OR REPLACE FUNCTION kina_list_keys() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        BEGIN
            NEW.list_name := '';
            NEW.list_subject := '';
            IF NOT NEW.confidential THEN
                SELECT coalesce(d.sort_name, ''), coalesce(lower(d.subject), '')
                INTO NEW.list_name, NEW.list_subject
                FROM case_descriptions d WHERE d.case_id = NEW.id;
                NEW.list_name := coalesce(NEW.list_name, '');
                NEW.list_subject := coalesce(NEW.list_subject, '');
            END IF;
            NEW.list_handler := coalesce((SELECT a.display_name FROM accounts a WHERE a.id = NEW.handler_id), '');
            RETURN NEW;
        END
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION kina_list_keys_described() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        BEGIN
            UPDATE cases SET list_name = '' WHERE id = NEW.case_id;  -- kina_list_keys() fills it in
            RETURN NULL;
        END
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION kina_list_keys_renamed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        BEGIN
            UPDATE cases SET list_handler = '' WHERE handler_id = NEW.id;  -- kina_list_keys() fills it in
            RETURN NULL;
        END
        $$""",
        "REVOKE ALL ON FUNCTION kina_list_keys() FROM PUBLIC",
        "REVOKE ALL ON FUNCTION kina_list_keys_described() FROM PUBLIC",
        "REVOKE ALL ON FUNCTION kina_list_keys_renamed() FROM PUBLIC",
        "DROP TRIGGER IF EXISTS kina_list_keys ON cases",
        "CREATE TRIGGER kina_list_keys BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION kina_list_keys()",
        "DROP TRIGGER IF EXISTS kina_list_keys_described ON case_descriptions",
        "CREATE TRIGGER kina_list_keys_described AFTER INSERT OR UPDATE OF sort_name, subject ON case_descriptions "
        "FOR EACH ROW EXECUTE FUNCTION kina_list_keys_described()",
        "DROP TRIGGER IF EXISTS kina_list_keys_renamed ON accounts",
        "CREATE TRIGGER kina_list_keys_renamed AFTER UPDATE OF display_name ON accounts "
        "FOR EACH ROW EXECUTE FUNCTION kina_list_keys_renamed()",
    ]


def sqlite_drop_statements() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "kina_list_keys_described",
            "kina_list_keys_redescribed",
            "kina_list_keys_track",
            "kina_list_keys_registered",
            "kina_list_keys_handler",
            "kina_list_keys_renamed",
        )
    ]


def postgresql_drop_statements() -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS kina_list_keys ON cases",
        "DROP TRIGGER IF EXISTS kina_list_keys_described ON case_descriptions",
        "DROP FUNCTION IF EXISTS kina_list_keys()",
        "DROP TRIGGER IF EXISTS kina_list_keys_renamed ON accounts",
        "DROP FUNCTION IF EXISTS kina_list_keys_described()",
        "DROP FUNCTION IF EXISTS kina_list_keys_renamed()",
    ]
