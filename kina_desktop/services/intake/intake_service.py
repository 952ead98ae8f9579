"""Intake of complaints by e-mail (Art. 4) and of scanned letters: a message becomes a
registration draft for a person to check; registering it keeps the original message and its
attachments in the complaint folder and records its Message-ID, all in one unit of work, so a
message is never registered twice and never half.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
)
from kina_desktop.domain.registration import needs_complaint_folder
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _
from kina_desktop.mail.message_reading import MessageUnreadable, read_message
from kina_desktop.services.cases.case_service import CaseService, check_draft, require_registering_role
from kina_desktop.services.cases.documents import DocumentRefused, store_document
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError

__all__ = [
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

    def review(self, message: IncomingMessage) -> IntakeReview:
        draft, notes = draft_from_message(message, self.ctx.today())
        return IntakeReview(message, draft, notes, folder_plan(message), self.record_for(message.message_id))

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
        require_registering_role(self.ctx)
        if message.not_a_complaint:
            raise NoComplaintMessage(message.not_a_complaint)
        now = self.ctx.clock()
        check_draft(draft, now)
        keep_files = needs_complaint_folder(draft.kind, draft.level)
        plan = folder_plan(message)
        if keep_files and plan.original_problem:
            raise DocumentRefused(plan.original_problem)
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
                            kind="email" if index == 0 else "attachment",
                            part=Part.DESCRIPTION,
                        )
                self._record_message(session, message, source, disposition, record.header.id)
                return record
        except IntegrityError as error:
            raise self._already_handled(message.message_id, error) from None

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
