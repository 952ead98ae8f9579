"""initial register

Revision ID: 0001
Revises:
Create Date: 2026-11-24 21:12:25.240879
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=63), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("function", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("username", name=op.f("uq_accounts_username")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "tracking_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_tracking_counters")),
    )
    op.create_table(
        "account_roles",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_account_roles_account_id_accounts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("account_id", "role", name=op.f("pk_account_roles")),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=1), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("registered_by_id", sa.Integer(), nullable=True),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_on", sa.Date(), nullable=True),
        sa.Column("oral_confirmed_on", sa.Date(), nullable=True),
        sa.Column("acknowledgement_due_on", sa.Date(), nullable=True),
        sa.Column("handling_due_on", sa.Date(), nullable=True),
        sa.Column("next_deadline_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["handler_id"], ["accounts.id"], name=op.f("fk_cases_handler_id_accounts")),
        sa.ForeignKeyConstraint(["registered_by_id"], ["accounts.id"], name=op.f("fk_cases_registered_by_id_accounts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("tracking_number", name=op.f("uq_cases_tracking_number")),
        sa.UniqueConstraint("year", "sequence", name="uq_cases_year_sequence"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_category_level", ["category", "level"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_next_deadline_on"), ["next_deadline_on"], unique=False)
        batch_op.create_index("ix_cases_received_on", ["received_on"], unique=False)
        batch_op.create_index("ix_cases_status", ["status"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("case_version", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_audit_events_account_id_accounts")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_audit_events_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_case_id_at", ["case_id", "at"], unique=False)

    op.create_table(
        "case_closures",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("informed_on", sa.Date(), nullable=True),
        sa.Column("communication", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_closures_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_closures")),
    )
    op.create_table(
        "case_descriptions",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("complainant_name", sa.String(length=200), nullable=False),
        sa.Column("complainant_street", sa.String(length=200), nullable=False),
        sa.Column("complainant_postal_code", sa.String(length=16), nullable=False),
        sa.Column("complainant_city", sa.String(length=100), nullable=False),
        sa.Column("complainant_email", sa.String(length=254), nullable=False),
        sa.Column("complainant_phone", sa.String(length=40), nullable=False),
        sa.Column("complainant_language", sa.String(length=5), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("facts_on", sa.Date(), nullable=True),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("staff_member", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_descriptions_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_descriptions")),
    )
    op.create_table(
        "case_handlings",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("admissibility", sa.String(length=16), nullable=False),
        sa.Column("investigation", sa.Text(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("verdict_motivation", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("measures_discussed_with_team", sa.Boolean(), nullable=False),
        sa.Column("working_group_meeting_on", sa.Date(), nullable=True),
        sa.Column("working_group_minutes", sa.Text(), nullable=False),
        sa.Column("staff_conversation_on", sa.Date(), nullable=True),
        sa.Column("personnel_file_report_on", sa.Date(), nullable=True),
        sa.Column("board_meeting_on", sa.Date(), nullable=True),
        sa.Column("minutes_copy_handed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_handlings_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_handlings")),
    )


def downgrade() -> None:

    op.drop_table("case_handlings")
    op.drop_table("case_descriptions")
    op.drop_table("case_closures")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_case_id_at")

    op.drop_table("audit_events")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_status")
        batch_op.drop_index("ix_cases_received_on")
        batch_op.drop_index(batch_op.f("ix_cases_next_deadline_on"))
        batch_op.drop_index("ix_cases_category_level")

    op.drop_table("cases")
    op.drop_table("account_roles")
    op.drop_table("tracking_counters")
    op.drop_table("settings")
    op.drop_table("accounts")
