"""Registering, reading and editing cases (Art. 5): each call is one unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, select, text, update
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.exc import StaleDataError

from kina_desktop.db.models import (
    Account,
    AuditEvent,
    Case,
    CaseClosure,
    CaseDescription,
    CaseHandling,
    CaseHold,
    TrackingCounter,
)
from kina_desktop.domain import deadlines
from kina_desktop.domain.complaint import CaseChanges, CaseRecord, ComplaintDraft, Handling, part_differences
from kina_desktop.domain.enums import Category, Kind, Level, Status
from kina_desktop.domain.holds import Hold, HoldReason, days_on_hold, is_on_hold
from kina_desktop.domain.labels import field_label
from kina_desktop.domain.procedure import enters_procedure
from kina_desktop.domain.registration import state_of_draft
from kina_desktop.domain.step_owned import closed_refusal, outside_its_step
from kina_desktop.domain.tracking import TrackingNumber
from kina_desktop.domain.validation import validate_closure, validate_description, validate_draft, validate_handling
from kina_desktop.domain.visibility import Part, is_confidential
from kina_desktop.domain.workdays import WorkingCalendar
from kina_desktop.domain.workflow import handling_editors, roles_text
from kina_desktop.i18n import _
from kina_desktop.services import audit
from kina_desktop.services.cases.case_mapping import (
    closure_of,
    description_of,
    fill_closure,
    fill_description,
    fill_handling,
    handling_of,
    header_state,
    parts_for,
    record_of,
)
from kina_desktop.services.cases.pseudonymised import refuse_if_pseudonymised
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import CaseNotFound, ConcurrentEdit, RuleViolation, ValidationFailed
from kina_desktop.services.permissions import Permission, require, require_part
from kina_desktop.services.settings import working_calendar


def next_tracking_number(session: Session, year: int) -> TrackingNumber:
    """Take the next number of ``year`` inside the caller's transaction.

    The counter row is locked by the UPDATE until the registering transaction ends, so two PCs
    never get the same number, and a registration that fails rolls its number back: no gaps.
    """
    return reserve_tracking_numbers(session, year, 1)[0]


def reserve_tracking_numbers(session: Session, year: int, count: int) -> list[TrackingNumber]:
    """Take the next ``count`` numbers of ``year`` at once (bulk loads such as the demo data),
    with the same locking and roll-back guarantees as next_tracking_number()."""
    if count < 1:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # The server gives the numbers (db/server_rules.py): the counter is locked here and moved
        # by the trigger of each inserted case, which refuses any number but the next one.
        first = session.execute(text("SELECT kina_lock_tracking_counter(:year)"), {"year": year}).scalar_one() + 1
        return [TrackingNumber(year, sequence) for sequence in range(first, first + count)]
    from sqlalchemy.dialects.sqlite import insert as dialect_insert

    ins = dialect_insert(TrackingCounter)
    session.execute(ins.values(year=year, last_sequence=0).on_conflict_do_nothing())
    last = session.execute(
        update(TrackingCounter)
        .where(TrackingCounter.year == year)
        .values(last_sequence=TrackingCounter.last_sequence + count)
        .returning(TrackingCounter.last_sequence)
    ).scalar_one()
    return [TrackingNumber(year, sequence) for sequence in range(last - count + 1, last + 1)]


def stored_days_on_hold(session: Session, case: Case, today: dt.date) -> int:
    """Days the case waited for the complainant (Art. 3 holds) up to today."""
    rows = session.scalars(select(CaseHold).where(CaseHold.case_id == case.id)).all()
    return days_on_hold([Hold(HoldReason(r.reason), r.start_on, r.end_on) for r in rows], today)


def refresh_deadlines(case: Case, calendar: WorkingCalendar, days_on_hold: int = 0) -> None:
    """Store the deadlines of Art. 5 on the case so that lists can sort and filter by them."""
    kind, level = Kind(case.kind), Level(case.level)
    if deadlines.needs_acknowledgement(kind, level):
        case.acknowledgement_due_on = deadlines.acknowledgement_due(case.received_on, calendar)
    else:
        case.acknowledgement_due_on = None
    if enters_procedure(kind, level):
        case.handling_due_on = deadlines.handling_due(case.received_on, days_on_hold)
    else:
        case.handling_due_on = None
    case.next_deadline_on = deadlines.next_deadline(
        kind=kind,
        level=level,
        status=Status(case.status),
        acknowledged_on=case.acknowledged_on,
        acknowledgement_due_on=case.acknowledgement_due_on,
        handling_due_on=case.handling_due_on,
    )


def require_registering_role(ctx: ServiceContext) -> None:
    """PermissionDenied unless the signed-in person may register cases (Art. 5)."""
    require(ctx, Permission.REGISTER)


def check_draft(draft: ComplaintDraft, now: dt.datetime) -> None:
    """ValidationFailed with the draft's problems when it cannot be registered as it is."""
    problems = validate_draft(draft, now.date())
    if problems:
        raise ValidationFailed(problems)


def _with_parts(query: Select[Case]) -> Select[Case]:
    return query.options(
        # one statement: the three parts are one row each (a round trip less per part)
        joinedload(Case.description),
        joinedload(Case.handling),
        joinedload(Case.closure),
        joinedload(Case.handler).lazyload(Account.roles),  # the handler's roles only when asked for
    )


class CaseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- registering -------------------------------------------------------------------------

    def register(self, draft: ComplaintDraft) -> CaseRecord:
        """Art. 5: register a new case and give it the next tracking number of the year."""
        return self.register_all([draft])[0]

    def register_all(self, drafts: list[ComplaintDraft]) -> list[CaseRecord]:
        """Register several cases in one unit of work (an import): all of them, or none when
        one is refused (ValidationFailed names the first refused draft's problems)."""
        now = self.ctx.clock()
        require_registering_role(self.ctx)
        for draft in drafts:
            check_draft(draft, now)
        with self.ctx.database.write() as session:
            return [self.insert_case(session, draft, now) for draft in drafts]

    def insert_case(self, session: Session, draft: ComplaintDraft, now: dt.datetime) -> CaseRecord:
        """Add the case of ``draft`` inside the caller's unit of work ``session``: the next
        tracking number of the year, the deadlines of Art. 5, the hold of an unconfirmed oral
        complaint (Art. 3) and the audit line, registered at ``now``.

        For services that store more with a new case in the same unit of work (services/intake/intake_service.py:
        the message, its files and its Message-ID, all or nothing). The caller has already called
        ``require_registering_role`` and ``check_draft``; nothing is committed here.
        """
        viewer = self.ctx.viewer
        entry = state_of_draft(draft)  # Art. 3: an unconfirmed oral complaint starts on hold
        number = next_tracking_number(session, now.year)
        case = Case(
            year=number.year,
            sequence=number.sequence,
            tracking_number=str(number),
            kind=draft.kind.value,
            category=draft.category.value,
            level=draft.level.value,
            status=entry.status.value,
            channel=draft.description.channel.value,
            received_on=draft.description.received_on,
            confidential=is_confidential(draft.category, draft.level),
            registered_by_id=viewer.user_id,
            registered_at=now,
            updated_at=now,
            version=1,
        )
        case.description = CaseDescription()
        fill_description(case.description, draft.description)
        case.handling = CaseHandling()
        case.closure = CaseClosure()
        case.on_hold = is_on_hold(entry.holds)
        refresh_deadlines(case, working_calendar(session))
        session.add(case)
        session.flush()
        for hold in entry.holds:
            session.add(CaseHold(case_id=case.id, reason=hold.reason.value, start_on=hold.start, end_on=hold.end))
        audit.record(
            session,
            viewer,
            audit.Action.CREATE,
            case_id=case.id,
            case_version=case.version,
            new=case.tracking_number,
            at=now,
        )
        session.flush()  # the objects hold every value just written: no reload needed
        return record_of(case, viewer)

    # -- reading -----------------------------------------------------------------------------

    def _load(self, session: Session, case_id: int | None = None, number: str | None = None) -> Case:
        query = _with_parts(select(Case))
        if case_id is not None:
            query = query.where(Case.id == case_id)
        else:
            try:
                parsed = TrackingNumber.parse(number or "")
            except ValueError:
                raise CaseNotFound(number or "") from None
            query = query.where(Case.tracking_number == str(parsed))
        case = session.scalars(query).first()
        if case is None:
            raise CaseNotFound(number if number is not None else str(case_id))
        return case

    def _load_all(self, session: Session, numbers: Sequence[str]) -> list[Case]:
        """``_load`` of many tracking numbers in one statement (a batch of letters), in their order;
        CaseNotFound names the first one that is not there (or not for this login)."""
        parsed: list[str] = []
        for number in numbers:
            try:
                parsed.append(str(TrackingNumber.parse(number)))
            except ValueError:
                raise CaseNotFound(number) from None
        found = {
            case.tracking_number: case
            for case in session.scalars(_with_parts(select(Case)).where(Case.tracking_number.in_(parsed))).unique()
        }
        for number, key in zip(numbers, parsed):
            if key not in found:
                raise CaseNotFound(number)
        return [found[key] for key in parsed]

    def get(self, number: str) -> CaseRecord:
        """The case with this tracking number, as the caller may see it."""
        with self.ctx.database.read() as session:
            case = self._load(session, number=number)
            record = record_of(case, self.ctx.viewer)
        self._log_confidential_read(record)
        return record

    def get_by_id(self, case_id: int) -> CaseRecord:
        with self.ctx.database.read() as session:
            case = self._load(session, case_id=case_id)
            record = record_of(case, self.ctx.viewer)
        self._log_confidential_read(record)
        return record

    def _log_confidential_read(self, record: CaseRecord) -> None:
        """Every time someone opens a confidential case (any part of it), that read is logged."""
        if record.header.confidential and record.description is not None:
            with self.ctx.database.write() as session:
                audit.record(
                    session,
                    self.ctx.viewer,
                    audit.Action.CONFIDENTIAL_READ,
                    case_id=record.header.id,
                    case_version=record.header.version,
                    at=self.ctx.clock(),
                )

    # -- editing -----------------------------------------------------------------------------

    def save(self, changes: CaseChanges) -> CaseRecord:
        """Store the edited parts. Refused, with nothing changed, when another person saved the
        case since the editor loaded it, when a part is outside the caller's view, or when a
        field is invalid."""
        viewer = self.ctx.viewer
        now = self.ctx.clock()
        try:
            with self.ctx.database.write() as session:
                case = self._load(session, case_id=changes.case_id)
                refuse_if_pseudonymised(case)
                if case.version != changes.expected_version:
                    raise self._concurrent_edit(session, case, changes.expected_version)
                category, level = Category(case.category), Level(case.level)
                if (changes.category or category) != category or (changes.level or level) != level:
                    raise RuleViolation(
                        _(
                            "Categorie en niveau wijzigen gebeurt met de stap ‘Categorie of niveau "
                            "wijzigen’, met een reden (Art. 3 en 6)."
                        )
                    )
                parts = parts_for(viewer, case)
                self._check_parts_allowed(changes, parts)
                self._validate(changes, case, kind=Kind(case.kind), level=level, today=now.date())

                events: list[tuple[str, str, object, object]] = []
                if changes.description is not None:
                    old_desc = description_of(case)
                    for name, old, new in part_differences(old_desc, changes.description):
                        events.append((Part.DESCRIPTION.value, name, old, new))
                    case.received_on = changes.description.received_on
                    case.channel = changes.description.channel.value
                    fill_description(case.description, changes.description)
                closed = closed_refusal(case.tracking_number, Status(case.status))
                if closed:
                    raise RuleViolation(closed)
                handler_id = case.handler_id
                for part, old_part, new_part in (
                    (Part.HANDLING, handling_of(case), changes.handling),
                    (Part.CLOSURE, closure_of(case), changes.closure),
                ):
                    problem = new_part is not None and outside_its_step(part, old_part, new_part)
                    if problem:
                        raise RuleViolation(problem)
                if changes.handling is not None and changes.handling != handling_of(case):
                    self._check_handling_editor(case)
                    events += self._apply_handling(case, changes.handling)
                if changes.closure is not None:
                    for name, old, new in part_differences(closure_of(case), changes.closure):
                        events.append((Part.CLOSURE.value, name, old, new))
                    fill_closure(case.closure, changes.closure)

                if not events:
                    return record_of(case, viewer)
                case.updated_at = now
                case.version = case.version + 1
                refresh_deadlines(case, working_calendar(session), stored_days_on_hold(session, case, now.date()))
                edits = [(audit.Action.EDIT, part, name, old, new) for part, name, old, new in events]
                audit.record_changes(session, viewer, case.id, case.version, edits, now)
                # One flush for the audit rows and the case's UPDATE ... WHERE version = ?: when a
                # colleague saved in between, StaleDataError rolls the whole unit of work back,
                # audit rows included (one round of the unit of work less per save).
                session.flush()
                if case.handler_id != handler_id:
                    session.expire(case, ["handler"])  # the new handler's name is read again
                return record_of(case, viewer)
        except StaleDataError:
            with self.ctx.database.read() as session:
                case = self._load(session, case_id=changes.case_id)
                raise self._concurrent_edit(session, case, changes.expected_version) from None

    def _apply_handling(self, case: Case, handling: Handling) -> list[tuple[str, str, object, object]]:
        events = [
            (Part.HANDLING.value, name, old, new) for name, old, new in part_differences(handling_of(case), handling)
        ]
        case.handler_id = handling.handler_id
        fill_handling(case.handling, handling)
        return events

    def _check_handling_editor(self, case: Case) -> None:
        """Art. 6: the handling part is filled in by whoever handles the case at this step."""
        state = header_state(case)
        editors = handling_editors(state)
        if not editors.intersection(self.ctx.viewer.roles):
            if editors:
                message = _(
                    "Het deel ‘Behandeling’ wordt bij status ‘{status}’ ingevuld door {roles} (Art. 6)."
                ).format(status=state.status.label(), roles=roles_text(sorted(editors)))
            else:
                message = _(
                    "Het deel ‘Behandeling’ kan bij status ‘{status}’ niet ingevuld worden: geef het dossier "
                    "eerst door volgens de route van Art. 6."
                ).format(status=state.status.label())
            raise RuleViolation(message)

    def _check_parts_allowed(self, changes: CaseChanges, parts: frozenset[Part]) -> None:
        wanted = {Part.DESCRIPTION: changes.description, Part.HANDLING: changes.handling, Part.CLOSURE: changes.closure}
        for part, value in wanted.items():
            if value is not None:
                require_part(parts, part)

    def _validate(self, changes: CaseChanges, case: Case, *, kind: Kind, level: Level, today: dt.date) -> None:
        problems = []
        received_on = case.received_on
        if changes.description is not None:
            problems += validate_description(changes.description, kind, level, today)
            received_on = changes.description.received_on or received_on
        if changes.handling is not None:
            problems += validate_handling(changes.handling, received_on, today)
        if changes.closure is not None:
            problems += validate_closure(changes.closure, received_on, today)
        if problems:
            raise ValidationFailed(problems)

    def _concurrent_edit(self, session: Session, case: Case, since_version: int) -> ConcurrentEdit:
        """What others changed after ``since_version``, for the person whose save was refused."""
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.case_id == case.id, AuditEvent.case_version > since_version)
            .where(AuditEvent.action == audit.Action.EDIT.value)
            .order_by(AuditEvent.id)
        ).all()
        parts = parts_for(self.ctx.viewer, case)
        visible = {p.value for p in parts} | {""}
        changes = [(field_label(r.field), r.old_value, r.new_value) for r in rows if r.part in visible]
        who = rows[-1].actor_name if rows else ""
        return ConcurrentEdit(case.tracking_number, who, changes)

    def changed_since(self, case_id: int, version: int) -> ConcurrentEdit | None:
        """None while the case is still at ``version``; otherwise what changed since, as a refused
        save would say it (for an open editor after work done elsewhere, e.g. a batch of letters)."""
        with self.ctx.database.read() as session:
            case = self._load(session, case_id=case_id)
            return None if case.version == version else self._concurrent_edit(session, case, version)


__all__ = ["CaseService", "next_tracking_number", "refresh_deadlines", "reserve_tracking_numbers"]
