"""Intake of complaints by e-mail (Art. 4) and of scanned letters: a message becomes a
registration draft for a person to check; registering it keeps the original message and its
attachments in the complaint folder and records its Message-ID, all in one unit of work, so a
message is never registered twice and never half. Every note of the intake (what the reader could
not read as expected, what the draft filled in, the member OCMW proposed and what became of it) is
kept in the history of the registration, on the description part. Once its case is
pseudonymised (retention) only the keyed hash of the Message-ID is kept, and a message is looked
up by both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kina_desktop.db.keyed_hash import message_id_hashes
from kina_desktop.db.models import Account, Case, IntakeMessage
from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft
from kina_desktop.domain.enums import Kind
from kina_desktop.domain.intake import (
    Disposition,
    FolderPlan,
    IncomingMessage,
    MessageSource,
    draft_from_message,
    folder_plan,
    registration_notes,
)
from kina_desktop.domain.organisation_proposal import OrganisationProposal, propose_organisation
from kina_desktop.domain.registration import needs_complaint_folder
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _
from kina_desktop.mail.message_reading import MessageUnreadable, read_message
from kina_desktop.services import audit
from kina_desktop.services.cases.case_service import CaseService, check_draft, require_registering_role
from kina_desktop.services.cases.documents import DocumentRefused, store_document
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.organisation.organisation_lists import OrganisationLists

__all__ = [
    "ImportedMessage",
    "IntakeRecord",
    "IntakeReview",
    "IntakeService",
    "MessageAlreadyHandled",
    "MessageUnreadable",
    "NoComplaintMessage",
]


class NoComplaintMessage(ServiceError):
    """The message is a delivery report or read receipt (mail/delivery_reports.py): it is set
    aside as 'Geen klacht', never registered (Art. 3)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason + " " + _("Leg het opzij als ‘geen klacht’; het wordt niet geregistreerd."))
        self.reason = reason


class MessageAlreadyHandled(ServiceError):
    """The message (same Message-ID) was registered or set aside before."""

    def __init__(self, record: IntakeRecord) -> None:
        when = record.recorded_at.strftime("%d-%m-%Y %H:%M")
        who = record.recorded_by_name or _("onbekend")
        if record.tracking_number:
            text = _(
                "Dit bericht werd al geregistreerd als dossier {number} (op {when} door {who}); een bericht "
                "wordt maar één keer geregistreerd."
            ).format(number=record.tracking_number, when=when, who=who)
        elif record.disposition == Disposition.NOT_A_COMPLAINT:
            text = _("Dit bericht werd al opzijgelegd als ‘geen klacht’ (op {when} door {who}).").format(
                when=when, who=who
            )
        else:
            text = _("Dit bericht werd al verwerkt als ‘{what}’ (op {when} door {who}).").format(
                what=record.disposition.label(), when=when, who=who
            )
        super().__init__(text)
        self.record = record


@dataclass(frozen=True)
class IntakeRecord:
    """What was done with a message before."""

    message_id: str
    source: MessageSource
    disposition: Disposition
    case_id: int | None
    tracking_number: str
    recorded_at: dt.datetime
    recorded_by_name: str


@dataclass(frozen=True)
class IntakeReview:
    """Everything the new-complaint dialog shows for a dropped message."""

    message: IncomingMessage
    draft: ComplaintDraft
    notes: tuple[str, ...]  # Dutch: what to check (no date, name from the address, ...)
    plan: FolderPlan  # what goes into the complaint folder, and what cannot
    earlier: IntakeRecord | None  # the message was dealt with before
    organisation: OrganisationProposal | None = None  # the member OCMW proposed, for a person to confirm


@dataclass(frozen=True)
class ImportedMessage:
    """A message registered as it is (``kina-desktop import-mail``): the case, the notes of the
    intake kept in its history, and the member OCMW proposed (filled in only when it was asked
    for; the history says which)."""

    record: CaseRecord
    notes: tuple[str, ...]
    organisation: OrganisationProposal | None
    organisation_stored: bool = False


# The kind of a document of the complaint folder that keeps the whole text of an e-mail too
# long for the registration's text field (domain/intake.py, folder_plan).
FULL_TEXT_KIND = "email_text"


class IntakeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- reading -----------------------------------------------------------------------------

    @staticmethod
    def read(data: bytes, filename: str = "") -> IncomingMessage:
        """An .eml or .msg file as a message; MessageUnreadable when nothing usable is in it."""
        return read_message(data, filename)

    def draft_for(self, message: IncomingMessage, kind: Kind = Kind.COMPLAINT) -> ComplaintDraft:
        """The registration the message proposes: channel e-mail, the message's date, sender,
        subject and plain text (see domain.intake.draft_from_message)."""
        return draft_from_message(message, self.ctx.today(), kind)[0]

    def review(self, message: IncomingMessage, kind: Kind = Kind.COMPLAINT) -> IntakeReview:
        """What a person checks before registering ``message``: the draft (without the
        organisation: that stays a proposal, ``organisation``), the notes, the folder."""
        draft, notes = draft_from_message(message, self.ctx.today(), kind)
        return IntakeReview(
            message, draft, notes, folder_plan(message), self.record_for(message.message_id), self.proposal_for(message)
        )

    def proposal_for(
        self, message: IncomingMessage, member_ocmws: Sequence[str] | None = None
    ) -> OrganisationProposal | None:
        """The member OCMW that the sender's address, the address of who forwarded the message,
        or the signature names (the list of the settings, or ``member_ocmws``), proposed for a
        person to confirm; None when none is clear."""
        members = OrganisationLists(self.ctx).member_ocmws() if member_ocmws is None else member_ocmws
        return propose_organisation([message.sender_address, message.forwarded_by], message.body_text, members)

    def notes_for(self, message: IncomingMessage, member_ocmws: Sequence[str] | None = None) -> tuple[str, ...]:
        """What a person reads about a message before deciding what it is: the notes of the
        reader and of the draft, and the member OCMW proposed."""
        notes = draft_from_message(message, self.ctx.today())[1]
        proposal = self.proposal_for(message, member_ocmws)
        return (*notes, proposal.note()) if proposal is not None else notes

    def member_ocmws(self) -> list[str]:
        """The member-OCMW list of the settings (read once for many messages)."""
        return OrganisationLists(self.ctx).member_ocmws()

    def seen(self, message_id: str) -> bool:
        """True when a message with this Message-ID was registered or set aside before."""
        return bool(self.seen_ids([message_id]))

    def seen_ids(self, message_ids: Iterable[str]) -> set[str]:
        """Those of ``message_ids`` that were dealt with before (one query per 500)."""
        wanted = list(dict.fromkeys(m for m in message_ids if m))
        found: set[str] = set()
        with self.ctx.database.read() as session:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                # a pseudonymised case keeps the keyed hash of its Message-ID (docs/retention.md)
                hashed = message_id_hashes(session, chunk)
                stored = session.scalars(
                    select(IntakeMessage.message_id).where(IntakeMessage.message_id.in_([*chunk, *hashed]))
                )
                found.update(hashed.get(m, m) for m in stored)
        return found

    def record_for(self, message_id: str) -> IntakeRecord | None:
        with self.ctx.database.read() as session:
            return self._record(session, message_id)

    @staticmethod
    def _record(session: Session, message_id: str) -> IntakeRecord | None:
        # a pseudonymised case keeps the keyed hash of its Message-ID (docs/retention.md)
        candidates = [message_id, *message_id_hashes(session, [message_id])]
        row = session.scalars(select(IntakeMessage).where(IntakeMessage.message_id.in_(candidates))).first()
        if row is None:
            return None
        number = ""
        if row.case_id is not None:
            number = session.scalar(select(Case.tracking_number).where(Case.id == row.case_id)) or ""
        who = ""
        if row.recorded_by_id is not None:
            who = session.scalar(select(Account.display_name).where(Account.id == row.recorded_by_id)) or ""
        return IntakeRecord(
            row.message_id,
            MessageSource(row.source),
            Disposition(row.disposition),
            row.case_id,
            number,
            row.recorded_at,
            who,
        )

    # -- registering -------------------------------------------------------------------------

    def register_message(
        self, message: IncomingMessage, draft: ComplaintDraft, source: MessageSource = MessageSource.FILE
    ) -> CaseRecord:
        """Register ``draft`` (as the person checked it) for ``message``: the case, the original
        message and each attachment the folder accepts, and the Message-ID, in one unit of work.
        A draft of kind 'information request' is recorded as such (Art. 3: registered, no
        complaint folder). MessageAlreadyHandled when the message was dealt with before."""
        disposition = (
            Disposition.INFORMATION_REQUEST if draft.kind == Kind.INFORMATION_REQUEST else Disposition.REGISTERED
        )
        return self._register(message, draft, source, disposition)

    def mark_message(
        self,
        message: IncomingMessage,
        disposition: Disposition,
        source: MessageSource = MessageSource.FILE,
        draft: ComplaintDraft | None = None,
    ) -> CaseRecord | None:
        """Deal with a message that is not a complaint. An information request is registered
        as a case of that kind (Art. 3), from ``draft`` or the message's own draft; 'not a
        complaint' is only recorded, so the message is not offered again. Returns the case of
        an information request, else None."""
        if disposition == Disposition.REGISTERED:
            return self.register_message(message, draft or self.draft_for(message), source)
        if disposition == Disposition.INFORMATION_REQUEST:
            base = draft or self.draft_for(message, Kind.INFORMATION_REQUEST)
            if base.kind != Kind.INFORMATION_REQUEST:
                base = ComplaintDraft(
                    description=base.description,
                    kind=Kind.INFORMATION_REQUEST,
                    category=base.category,
                    level=base.level,
                )
            return self._register(message, base, source, disposition)
        require_registering_role(self.ctx)
        try:
            with self.ctx.database.write() as session:
                self._refuse_if_handled(session, message.message_id)
                self._record_message(session, message, source, disposition, None)
        except IntegrityError as error:
            raise self._already_handled(message.message_id, error) from None
        return None

    def register_with_documents(
        self, draft: ComplaintDraft, documents: Sequence[tuple[str, bytes]], kind: str = "scan"
    ) -> CaseRecord:
        """Register a case with files that came with it (a scanned letter, Art. 4 by post), in
        one unit of work: refused as a whole when a file cannot go into the complaint folder."""
        require_registering_role(self.ctx)
        now = self.ctx.clock()
        check_draft(draft, now)
        if documents and not needs_complaint_folder(draft.kind, draft.level):
            raise DocumentRefused(
                _(
                    "Deze registratie heeft geen klachtenmap (niveau 1, informatievraag of anonieme melding, Art. 5): "
                    "verwijder de bijgevoegde bestanden of kies een ander niveau of soort."
                )
            )
        with self.ctx.database.write() as session:
            record = CaseService(self.ctx).insert_case(session, draft, now)
            case = session.get(Case, record.header.id)
            assert case is not None
            for name, data in documents:
                store_document(session, self.ctx, case, filename=name, content=data, kind=kind, part=Part.DESCRIPTION)
            return record

    def set_aside_if_no_complaint(self, message: IncomingMessage, source: MessageSource) -> bool:
        """Set a delivery report or read receipt aside as 'Geen klacht' (Art. 3), so that it is
        not offered again; True when it was one. A message dealt with before stays as it was."""
        if not message.not_a_complaint:
            return False
        try:
            self.mark_message(message, Disposition.NOT_A_COMPLAINT, source)
        except MessageAlreadyHandled:
            pass
        return True

    def _register(
        self, message: IncomingMessage, draft: ComplaintDraft, source: MessageSource, disposition: Disposition
    ) -> CaseRecord:
        return self._register_noted(message, draft, source, disposition)[0]

    def _register_noted(
        self, message: IncomingMessage, draft: ComplaintDraft, source: MessageSource, disposition: Disposition
    ) -> tuple[CaseRecord, tuple[str, ...]]:
        """The registration, and the notes of the intake kept in its history."""
        require_registering_role(self.ctx)
        if message.not_a_complaint:
            raise NoComplaintMessage(message.not_a_complaint)
        now = self.ctx.clock()
        check_draft(draft, now)
        keep_files = needs_complaint_folder(draft.kind, draft.level)
        plan = folder_plan(message)
        if keep_files and plan.original_problem:
            raise DocumentRefused(plan.original_problem)
        proposal = self.proposal_for(message)
        try:
            with self.ctx.database.write() as session:
                self._refuse_if_handled(session, message.message_id)
                record = CaseService(self.ctx).insert_case(session, draft, now)
                if keep_files:
                    case = session.get(Case, record.header.id)
                    assert case is not None
                    for index, (name, data) in enumerate(plan.kept):
                        store_document(
                            session,
                            self.ctx,
                            case,
                            filename=name,
                            content=data,
                            kind=_document_kind(index, name, plan),
                            part=Part.DESCRIPTION,
                        )
                self._record_message(session, message, source, disposition, record.header.id)
                notes = self._keep_notes(session, record, message, draft, keep_files, proposal)
                return record, notes
        except IntegrityError as error:
            raise self._already_handled(message.message_id, error) from None

    def import_message(
        self,
        message: IncomingMessage,
        kind: Kind = Kind.COMPLAINT,
        source: MessageSource = MessageSource.FILE,
        *,
        take_organisation: bool = False,
    ) -> ImportedMessage:
        """Register ``message`` as it is, as a registration of ``kind`` (Art. 3: an information
        request or an anonymous report starts no acknowledgement deadline), for the command line.
        The member OCMW proposed is only stored when ``take_organisation`` says so; it is
        returned either way, with the notes kept in the history."""
        draft = self.draft_for(message, kind)
        proposal = self.proposal_for(message)
        stored = take_organisation and proposal is not None and not draft.description.organisation
        if stored:
            assert proposal is not None
            draft = replace(draft, description=replace(draft.description, organisation=proposal.organisation))
        disposition = Disposition.INFORMATION_REQUEST if kind == Kind.INFORMATION_REQUEST else Disposition.REGISTERED
        record, notes = self._register_noted(message, draft, source, disposition)
        return ImportedMessage(record, notes, proposal, stored)

    def _keep_notes(
        self,
        session: Session,
        record: CaseRecord,
        message: IncomingMessage,
        draft: ComplaintDraft,
        keep_files: bool,
        proposal: OrganisationProposal | None,
    ) -> tuple[str, ...]:
        """Every note of the intake in the history of the registration, one event each, on the
        description part (they may name the sender), and the organisation proposed with what
        became of it; returns the notes (without the proposal)."""
        notes = registration_notes(message, draft, self.ctx.today(), keep_files)
        kept = list(notes)
        if proposal is not None:
            kept.append(proposal.outcome(draft.description.organisation))
        for note in kept:
            audit.record(
                session,
                self.ctx.viewer,
                audit.Action.INTAKE_NOTE,
                case_id=record.header.id,
                case_version=record.header.version,
                part=Part.DESCRIPTION.value,
                field="intake_note",
                new=note,
                at=self.ctx.clock(),
            )
        return notes

    def _refuse_if_handled(self, session: Session, message_id: str) -> None:
        earlier = self._record(session, message_id)
        if earlier is not None:
            raise MessageAlreadyHandled(earlier)

    def _record_message(
        self,
        session: Session,
        message: IncomingMessage,
        source: MessageSource,
        disposition: Disposition,
        case_id: int | None,
    ) -> None:
        session.add(
            IntakeMessage(
                message_id=message.message_id,
                source=MessageSource(source).value,
                disposition=disposition.value,
                case_id=case_id,
                recorded_at=self.ctx.clock(),
                recorded_by_id=self.ctx.viewer.user_id,
            )
        )
        session.flush()  # the unique Message-ID fires here when another PC was just quicker

    def _already_handled(self, message_id: str, error: IntegrityError) -> ServiceError | IntegrityError:
        """After a unique-key failure: who registered the same message a moment ago (another PC);
        nothing of this unit of work was kept."""
        earlier = self.record_for(message_id)
        return MessageAlreadyHandled(earlier) if earlier is not None else error


def _document_kind(index: int, name: str, plan: FolderPlan) -> str:
    if index == 0:
        return "email"
    return FULL_TEXT_KIND if plan.full_text and name == plan.full_text else "attachment"
