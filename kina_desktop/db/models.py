"""SQLAlchemy 2 typed models.

A case is stored as the three parts of Art. 5 in tables of their own, beside a header row that
every role may read. That split is what lets PostgreSQL's row-level security hide the
description, handling and closure of a confidential personnel case (Art. 6) per part, instead
of the program filtering columns after the fact.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Account(Base):
    """A person who uses the program (Art. 5-8 roles); also the contact person in letters."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(63), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    function: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    # Deferred: loaded only when a login is checked. On PostgreSQL no KINA role may read it.
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True, deferred=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set when an administrator resets the password: the person chooses a new one at the next
    # sign-in (docs/security.md). On PostgreSQL only the account functions write it.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    roles: Mapped[list[AccountRole]] = relationship(
        back_populates="account", cascade="all, delete-orphan", lazy="selectin"
    )


class AccountRole(Base):
    __tablename__ = "account_roles"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    account: Mapped[Account] = relationship(back_populates="roles")


class TrackingCounter(Base):
    """Art. 5: the last tracking number given per year; taken in the registering transaction."""

    __tablename__ = "tracking_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    """The header of a registration: readable by every role, even on the confidential track."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("year", "sequence", name="uq_cases_year_sequence"),
        # Every order of the case list is read from an index holding exactly the key the list
        # orders by and seeks on (services/cases/list_order.py; migrations 0020, 0021;
        # docs/performance.md). A ready view by status ("Afgesloten") in the list's order too.
        Index("ix_cases_received_number", "received_on", "year", "sequence"),
        Index("ix_cases_status_number", "status", "year", "sequence", "id"),
        Index("ix_cases_kind_number", "kind", "year", "sequence"),
        Index("ix_cases_category_level", "category", "level"),
        Index("ix_cases_category_id", "category", "id"),
        Index("ix_cases_level_id", "level", "id"),
        # Cases without a deadline after every date.
        Index("ix_cases_next_deadline", text("coalesce(next_deadline_on, '9999-12-31')"), "id"),
        Index("ix_cases_list_name", "list_name", "id"),
        Index("ix_cases_list_subject", "list_subject", "id"),
        Index("ix_cases_list_handler", "list_handler", "id"),
        # The ready views of open cases are counted and paged from two partial indexes made by
        # migration 0021 only (db/list_keys.py OPEN_INDEXES): naming a dialect's ``*_where`` here
        # would load both SQL dialects with the models, 50 ms of every start (docs/performance.md).
        Index("ix_cases_confidential_number", "confidential", "year", "sequence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    tracking_number: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    received_on: Mapped[dt.date] = mapped_column(Date)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    acknowledged_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    oral_confirmed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    acknowledgement_due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    handling_due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    next_deadline_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    # True while the case waits for the complainant (an open hold, Art. 3): the 30-day clock
    # stands still, so the case is not "over termijn" for its handling target.
    on_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    # Retention (GDPR, migration 0006): a legal hold (court case) keeps the case whole; the day it
    # was pseudonymised. The reason of a hold is in the history (part "handling").
    legal_hold_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    pseudonymised_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Personnel level 3 (Art. 6, migration 0009): the board meeting and the day the receiver told
    # the complainant its date. Here, not in the handling part, because the receiver announces it.
    board_meeting_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    complainant_told_board_date_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The list's sort keys for everyone but the director: the description's sort name and subject
    # in lower case, '' on the confidential track; kept by the database (db/list_keys.py).
    list_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    list_subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The handler's display name as the list sorts it ('' for none), kept by the database too.
    list_handler: Mapped[str] = mapped_column(Text, default="", server_default="")

    description: Mapped[CaseDescription] = relationship(
        back_populates="case", uselist=False, cascade="all, delete-orphan"
    )
    handling: Mapped[CaseHandling] = relationship(back_populates="case", uselist=False, cascade="all, delete-orphan")
    closure: Mapped[CaseClosure] = relationship(back_populates="case", uselist=False, cascade="all, delete-orphan")
    handler: Mapped[Account | None] = relationship(foreign_keys=[handler_id], lazy="joined")

    # Optimistic locking: every save sets version + 1 itself and SQLAlchemy adds
    # "WHERE version = <the version loaded>" to the UPDATE, so a concurrent save is detected.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class CaseDescription(Base):
    """Art. 5 'beschrijving'. Confidential for personnel cases above level 1."""

    __tablename__ = "case_descriptions"
    __table_args__ = (
        # The director's list by complainant (nobody last) and by subject (services/cases/list_order.py).
        Index("ix_case_descriptions_sort_name", "sort_name", "case_id"),
        Index("ix_case_descriptions_subject", text("lower(subject)"), "case_id"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    complainant_name: Mapped[str] = mapped_column(String(200), default="")
    complainant_street: Mapped[str] = mapped_column(String(200), default="")
    complainant_postal_code: Mapped[str] = mapped_column(String(16), default="")
    complainant_city: Mapped[str] = mapped_column(String(100), default="")
    complainant_email: Mapped[str] = mapped_column(String(254), default="")
    complainant_phone: Mapped[str] = mapped_column(String(40), default="")
    complainant_language: Mapped[str] = mapped_column(String(5), default="nl")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    facts_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    request: Mapped[str] = mapped_column(Text, default="")
    staff_member: Mapped[str] = mapped_column(String(200), default="")
    # Folded (lower case, no accents) name, e-mail, subject, organisation and staff member,
    # for search as you type; it lives here so that it is exactly as confidential as they are.
    search_key: Mapped[str] = mapped_column(Text, default="")
    # The complainant as the list sorts them (domain/text.py family_name_key), as confidential.
    sort_name: Mapped[str] = mapped_column(Text, default="", server_default="")

    case: Mapped[Case] = relationship(back_populates="description")


class CaseHandling(Base):
    """Art. 6 'behandeling'. Confidential for personnel cases above level 1."""

    __tablename__ = "case_handlings"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    admissibility: Mapped[str] = mapped_column(String(16), default="undecided")
    investigation: Mapped[str] = mapped_column(Text, default="")
    verdict: Mapped[str] = mapped_column(String(16), default="none")
    verdict_motivation: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    measures_discussed_with_team: Mapped[bool] = mapped_column(Boolean, default=False)
    working_group_meeting_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    working_group_minutes: Mapped[str] = mapped_column(Text, default="")
    staff_conversation_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    personnel_file_report_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    minutes_copy_handed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    solution: Mapped[str] = mapped_column(Text, default="")  # level 1: solved at once (Art. 6)
    answer: Mapped[str] = mapped_column(Text, default="")  # information request (Art. 3)
    note: Mapped[str] = mapped_column(Text, default="")  # anonymous report (Art. 3)

    case: Mapped[Case] = relationship(back_populates="handling")


class CaseClosure(Base):
    """Art. 7 'afronding'. Confidential for personnel cases above level 1."""

    __tablename__ = "case_closures"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    informed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    communication: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    case: Mapped[Case] = relationship(back_populates="closure")


class AuditEvent(Base):
    """Append-only history: who did what to which case, when. Never updated or deleted."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_case_id_at", "case_id", "at"),
        Index("ix_audit_events_project_id", "project_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True)
    # An event about an improvement project (migration 0010): its id, no case. Not a foreign
    # key: the history is append-only and outlives what it is about.
    project_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    # The case's version after this change (for a project's event: the project's version), so
    # an editor that loaded version N can be shown exactly what others changed since.
    case_version: Mapped[int] = mapped_column(Integer, default=0)
    # Which part of the case the event touches ("description", "handling", "closure" or "" for
    # the header): the same visibility rule as the part applies to its history.
    part: Mapped[str] = mapped_column(String(16), default="")
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """Organisation-wide settings (letterhead, closing days, meeting dates ...) as JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="null")


class RegisterSecret(Base):
    """Secrets of this register (db/keyed_hash.py): the key of the hash that pseudonymisation
    keeps instead of a Message-ID. On PostgreSQL no KINA login may read it."""

    __tablename__ = "register_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class CaseStep(Base):
    """A step taken on the route of Art. 6 (who, in which role, from which status to which)."""

    __tablename__ = "case_steps"
    __table_args__ = (Index("ix_case_steps_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(40))
    taken_on: Mapped[dt.date] = mapped_column(Date)
    from_status: Mapped[str] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    by_role: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")  # confidential like the handling part
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)


class CaseHold(Base):
    """A period in which the case waits for the complainant (Art. 3); pauses the 30-day clock."""

    __tablename__ = "case_holds"
    __table_args__ = (Index("ix_case_holds_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(32))
    start_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class CaseGroundFinding(Base):
    """An inadmissibility ground of Art. 3 found for the case, with its motivation (handling part)."""

    __tablename__ = "case_ground_findings"
    __table_args__ = (UniqueConstraint("case_id", "ground", name="uq_case_ground_findings_case_ground"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    ground: Mapped[str] = mapped_column(String(32))
    motivation: Mapped[str] = mapped_column(Text, default="")


class CaseRequalification(Base):
    """A change of kind (Art. 3) or of category/level (Art. 3, 6), with its reason."""

    __tablename__ = "case_requalifications"
    __table_args__ = (Index("ix_case_requalifications_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    old_kind: Mapped[str] = mapped_column(String(32))
    new_kind: Mapped[str] = mapped_column(String(32))
    old_category: Mapped[str] = mapped_column(String(32))
    new_category: Mapped[str] = mapped_column(String(32))
    old_level: Mapped[str] = mapped_column(String(1))
    new_level: Mapped[str] = mapped_column(String(1))


class Document(Base):
    """A file in the complaint folder (klachtenmap, Art. 5): every letter produced (the exact
    PDF), scans, e-mails, minutes. Kept in the database so that the shared mode has them too.
    ``part`` says which part of the case it belongs with, for the confidential track."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    part: Mapped[str] = mapped_column(String(16), default="description")
    kind: Mapped[str] = mapped_column(String(32), default="attachment")
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    created_by_name: Mapped[str] = mapped_column(String(200), default="")


class Letter(Base):
    """A letter produced for a case (kind, date, by whom), with its exact PDF in the folder."""

    __tablename__ = "letters"
    __table_args__ = (Index("ix_letters_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    part: Mapped[str] = mapped_column(String(16), default="description")
    language: Mapped[str] = mapped_column(String(5), default="nl")
    produced_on: Mapped[dt.date] = mapped_column(Date)
    produced_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    produced_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    produced_by_name: Mapped[str] = mapped_column(String(200), default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), nullable=True)
    # A letter that did not go out after all, withdrawn on the day it was recorded with why; the
    # history keeps both (docs/letters.md). ``recorded_on`` is the server's own date of the
    # recording on PostgreSQL (set by a trigger: the day rule holds for any SQL client too).
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    withdrawn_by_name: Mapped[str] = mapped_column(String(200), default="")
    withdrawal_reason: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class LetterDraft(Base):
    """A letter a person edited and kept on the case to finish later (reports/letter_text.py
    ``LetterEdits``); one per case and kind, gone once that letter is sent. Holds only what the
    person wrote: the frame and the prescribed sentences are filled in again each time."""

    __tablename__ = "letter_drafts"
    __table_args__ = (UniqueConstraint("case_id", "kind", name="uq_letter_drafts_case_id_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    part: Mapped[str] = mapped_column(String(16), default="description")
    subject: Mapped[str] = mapped_column(Text, default="")
    texts: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the editable sections, in order
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    saved_by_name: Mapped[str] = mapped_column(String(200), default="")


class ImprovementProject(Base):
    """An improvement project of the complaints team (Art. 7), followed up and evaluated."""

    __tablename__ = "improvement_projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="planned")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    evaluation_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    evaluation_result: Mapped[str] = mapped_column(Text, default="")  # written for the annual report
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)  # migration 0010

    owner: Mapped[Account | None] = relationship(lazy="joined")

    # Optimistic locking as for a case: every change sets version + 1 itself and SQLAlchemy adds
    # "WHERE version = <the version loaded>" to the UPDATE, so a colleague's save in between is
    # detected instead of overwritten.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class ProjectCase(Base):
    """A case an improvement project follows from (the link shows only its tracking number)."""

    __tablename__ = "project_cases"
    __table_args__ = (Index("ix_project_cases_case_id", "case_id"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("improvement_projects.id", ondelete="CASCADE"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)


class ProjectAction(Base):
    """An action of an improvement project, with its due date and the date it was done."""

    __tablename__ = "project_actions"
    __table_args__ = (Index("ix_project_actions_project_id", "project_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("improvement_projects.id", ondelete="CASCADE"))
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class IntakeMessage(Base):
    """An e-mail that was dealt with (migration 0008): registered as a case, registered as an
    information request, or set aside as no complaint. Keyed by its Message-ID so that a message
    is never registered twice, whether it came as a file or from the mailbox. Holds no content:
    the message itself is in the complaint folder of its case."""

    __tablename__ = "intake_messages"
    __table_args__ = (Index("ix_intake_messages_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    source: Mapped[str] = mapped_column(String(8))  # 'file' or 'imap'
    disposition: Mapped[str] = mapped_column(String(24))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), nullable=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
