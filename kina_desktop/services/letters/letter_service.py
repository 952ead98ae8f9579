"""Letters to the complainant: made from the case, the template and the letterhead
settings; producing one records it on the case with its exact PDF in the complaint folder, and
the acknowledgement records the acknowledgement date the deadlines use (Art. 5)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Account, Case, Letter
from kina_desktop.domain import workflow
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.domain.enums import Channel, Kind, Level, Role, Status
from kina_desktop.domain.file_types import PNG, detect
from kina_desktop.domain.letters import LetterKind, staff_names_in
from kina_desktop.domain.visibility import Part, Viewer
from kina_desktop.i18n import _
from kina_desktop.reports.letter_content import ContactPerson, LetterContent, Letterhead, build_letter
from kina_desktop.reports.letter_errors import MissingLetterData, TemplateProblems
from kina_desktop.reports.letter_fields import check_board_meeting_on, fields_for
from kina_desktop.reports.letter_templates import available_languages, check_template, default_template, letter_language
from kina_desktop.reports.letter_text import LetterEdits, edits_of, plain
from kina_desktop.services.cases.case_mapping import part_names_for, parts_for, record_of
from kina_desktop.services.cases.case_service import CaseService
from kina_desktop.services.cases.case_state_store import load_state, load_states
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, RuleViolation, ValidationFailed
from kina_desktop.services.letters.letter_drafts import delete_draft, load_draft, load_drafts, store_draft
from kina_desktop.services.letters.letter_recording import record_letters
from kina_desktop.services.letters.letter_withdrawal import letter_info, withdraw_letter, withdrawable_letters
from kina_desktop.services.letters.letterhead_check import clean_letterhead, letterhead_problems, logo_problem
from kina_desktop.services.letters.results import LetterInfo, SavedDraft
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import read_setting, write_setting

LETTERHEAD = "letterhead"
LETTERHEAD_LOGO = "letterhead_logo"  # {"type": "png", "data": base64}: every PC prints the same logo
TEMPLATE_PREFIX = "letter_template"
# Letters whose content comes from the handling part (judgement, grounds, outcome). Not the
# outcome of a personnel complaint: Art. 7 has the receiver tell the complainant, and that letter
# says only that the complaint was handled and discussed, with the privacy sentence of Art. 7 —
# nothing of the handling (docs/letters.md). So whoever may read the description sends it.
HANDLING_LETTERS = frozenset(
    {LetterKind.INADMISSIBLE, LetterKind.OUTCOME_DAILY, LetterKind.PROOF_OF_INTEREST, LetterKind.INFORMATION_ANSWER}
)
_EVERYONE = Viewer(None, frozenset(Role), "")


def _template_key(kind: LetterKind, language: str) -> str:
    return f"{TEMPLATE_PREFIX}:{kind.value}:{language}"


def letterhead_of(session: Session, *, with_logo: bool = True) -> Letterhead:
    stored = read_setting(session, LETTERHEAD, {}) or {}
    known = {f.name for f in fields(Letterhead)} - {"logo"}
    logo = stored_logo(session) if with_logo else None
    return Letterhead(**{k: v for k, v in stored.items() if k in known}, logo=logo)


def encode_logo(data: bytes) -> dict[str, str]:
    return {"type": (detect(data[:16]) or PNG).extension.lstrip("."), "data": base64.b64encode(data).decode("ascii")}


def stored_logo(session: Session) -> bytes | None:
    """The logo kept in the database (settings key "letterhead_logo"), None when there is none."""
    raw = read_setting(session, LETTERHEAD_LOGO)
    if not isinstance(raw, dict) or not raw.get("data"):
        return None
    try:
        return base64.b64decode(raw["data"], validate=True)
    except (binascii.Error, ValueError):
        return None


def _legacy_logo(session: Session) -> bytes | None:
    """The logo file of an older setting (a path on this PC or a network share), when it can be
    read here and is a usable image."""
    path = letterhead_of(session, with_logo=False).logo_path
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return None if logo_problem(data) else data


def _contact(account: Account | None, viewer: Viewer) -> ContactPerson:
    if account is not None:
        return ContactPerson(account.display_name, account.function, account.phone, account.email)
    return ContactPerson(viewer.display_name or _("Het klachtenteam"))


def letter_part(kind: LetterKind) -> Part:
    return Part.HANDLING if kind in HANDLING_LETTERS else Part.DESCRIPTION


class LetterService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._cases = CaseService(ctx)

    # -- templates (the administrator edits them; a reset brings back the default) ------------

    def template(self, kind: LetterKind, language: str = "nl") -> str:
        with self.ctx.database.read() as session:
            stored = read_setting(session, _template_key(kind, language))
        return stored if stored else default_template(kind, language)

    def set_template(self, kind: LetterKind, text: str, language: str = "nl") -> None:
        require(self.ctx, Permission.EDIT_LETTER_TEMPLATES)
        problems = check_template(kind, text)
        if problems:
            raise TemplateProblems(_("Het sjabloon is niet bewaard:"), problems)
        with self.ctx.database.write() as session:
            write_setting(session, _template_key(kind, language), text)

    def reset_template(self, kind: LetterKind, language: str = "nl") -> None:
        require(self.ctx, Permission.EDIT_LETTER_TEMPLATES)
        with self.ctx.database.write() as session:
            write_setting(session, _template_key(kind, language), None)

    def check_template(self, kind: LetterKind, text: str) -> list[str]:
        """Every problem of a template text in Dutch (empty when it can be used); stores nothing."""
        return check_template(kind, text)

    def template_fields(self, kind: LetterKind) -> list[tuple[str, str]]:
        """The placeholders a template of this kind may use, with their Dutch labels."""
        return [(f.placeholder, f.label) for f in fields_for(kind)]

    def template_languages(self, kind: LetterKind) -> tuple[str, ...]:
        """The languages this kind of letter goes out in (those with a default text), Dutch first."""
        return available_languages(kind)

    # -- the letterhead (settings key "letterhead"; the administrator edits it) ----------------

    def letterhead(self) -> dict[str, str]:
        """Every text field of the letterhead, the defaults where nothing was stored; and
        ``logo_path``, the file an older version read the logo from ("" when none)."""
        with self.ctx.database.read() as session:
            head = letterhead_of(session, with_logo=False)
        return {f.name: getattr(head, f.name) or "" for f in fields(Letterhead) if f.name != "logo"}

    def letterhead_logo(self) -> bytes | None:
        """The logo on the letters (PNG or JPEG), None when there is none. Kept in the database;
        an older setting's file is read as long as the letterhead was not saved again."""
        with self.ctx.database.read() as session:
            return letterhead_of(session).logo or _legacy_logo(session)

    def set_letterhead(self, values: dict[str, str], logo: bytes | None = None) -> None:
        """Store the letterhead; ValidationFailed (each problem tied to its field) stores nothing.
        ``logo``: the image's bytes, ``b""`` for no logo, None to keep the one there is (an older
        setting's file is then copied into the database, when it can be read)."""
        require(self.ctx, Permission.EDIT_LETTERHEAD)
        clean = clean_letterhead(values)
        problems = letterhead_problems(clean, logo)
        if problems:
            raise ValidationFailed(problems)
        stored: dict[str, str | None] = dict(clean)
        with self.ctx.database.write() as session:
            if logo is None and stored_logo(session) is None:
                logo = _legacy_logo(session)  # taken over into the database, once
                if logo is None:  # unreadable here: the older setting stays
                    stored["logo_path"] = letterhead_of(session, with_logo=False).logo_path
            write_setting(session, LETTERHEAD, stored)
            if logo is not None:
                write_setting(session, LETTERHEAD_LOGO, encode_logo(logo) if logo else None)

    # -- making letters -----------------------------------------------------------------------

    def _content(
        self, session: Session, case: Case, kind: LetterKind, edits: LetterEdits | None = None, *, draft: bool = True
    ) -> LetterContent:
        """The letter as it goes out: with ``edits``, else with the draft kept on the case (when
        ``draft``), else as the template makes it."""
        return self._contents(session, [case], kind, [edits], draft=draft)[0]

    def _contents(
        self,
        session: Session,
        cases: Sequence[Case],
        kind: LetterKind,
        edits: Sequence[LetterEdits | None] | None = None,
        *,
        draft: bool = True,
        states: dict[int, CaseState] | None = None,
    ) -> list[LetterContent]:
        """``_content`` of each case (a batch of letters: the same letters, read in a few queries
        whatever their number); ``states``: the cases' states when the caller has them."""
        needed = {Part.DESCRIPTION, letter_part(kind)}
        for case in cases:
            if not needed <= parts_for(self.ctx.viewer, case):
                raise PermissionDenied(
                    _("Deze brief bij een vertrouwelijk personeelsdossier is voorbehouden aan de directeur (Art. 6).")
                )
        given = list(edits) if edits is not None else [None] * len(cases)
        if states is None:
            states = load_states(session, cases)
        kept = load_drafts(session, [case.id for case in cases], kind) if draft else {}
        letterhead = letterhead_of(session, with_logo=False)
        # held here: the session keeps loaded rows only while something refers to them
        signatory = session.get(Account, self.ctx.viewer.user_id) if self.ctx.viewer.user_id else None
        templates: dict[str, str] = {}
        languages = available_languages(kind)
        contents: list[LetterContent] = []
        for case, case_edits in zip(cases, given, strict=True):
            full: CaseRecord = record_of(case, _EVERYONE)  # the letter needs the parts checked above
            preferred = full.description.complainant_language if full.description else "nl"
            language = letter_language(kind, preferred, languages)
            if language not in templates:
                stored = read_setting(session, _template_key(kind, language))
                templates[language] = stored if stored else default_template(kind, language)
            if case_edits is None and case.id in kept:
                case_edits = kept[case.id].edits
            contents.append(
                self._build(
                    kind, full, templates[language], case, states[case.id], language, letterhead, signatory, case_edits
                )
            )
        return contents

    def _build(
        self, kind, full, template, case, state, language, letterhead, signatory: Account | None, edits=None
    ) -> LetterContent:
        return build_letter(
            kind,
            full,
            template,
            letterhead,
            _contact(case.handler or signatory, self.ctx.viewer),
            self.ctx.today(),
            grounds=state.assessment.findings,
            answer=state.answer,
            language=language,
            signatory=_contact(signatory, self.ctx.viewer),
            edits=edits,
        )

    def letter(
        self, case_id: int, kind: LetterKind, edits: LetterEdits | None = None, *, template: bool = False
    ) -> LetterContent:
        """What the letter says: with ``edits``, else with the draft kept on the case, or (with
        ``template``) as the template makes it. What the letter editor shows: its fixed parts and
        the sections a person may change."""
        with self.ctx.database.read() as session:
            case = self._cases._load(session, case_id=case_id)
            return self._content(session, case, kind, edits, draft=not template)

    # -- drafts: a letter edited and kept to finish later (services/letters/letter_drafts.py) ----

    def draft(self, case_id: int, kind: LetterKind) -> SavedDraft | None:
        """The draft of this letter kept on the case, or None."""
        with self.ctx.database.read() as session:
            case = self._cases._load(session, case_id=case_id)
            self._content(session, case, kind, draft=False)  # who may see the letter (Art. 6)
            return load_draft(session, case.id, kind)

    def save_draft(self, case_id: int, kind: LetterKind, edits: LetterEdits) -> bool:
        """Keep ``edits`` as this letter's draft on the case; the batch of acknowledgements and
        every way of sending the letter use it. Edits equal to the template's text remove the
        draft instead. True when a draft is kept."""
        with self.ctx.database.write() as session:
            case = self._cases._load(session, case_id=case_id)
            self._content(session, case, kind, edits)  # refused: edits that do not fit (LetterTextProblem)
            made = self._content(session, case, kind, draft=False)
            if edits == edits_of(made.subject, made.sections):
                delete_draft(session, case.id, kind)
                return False
            store_draft(session, self.ctx, case.id, kind, letter_part(kind), edits)
            return True

    def discard_draft(self, case_id: int, kind: LetterKind) -> None:
        with self.ctx.database.write() as session:
            case = self._cases._load(session, case_id=case_id)
            self._content(session, case, kind, draft=False)  # who may see the letter (Art. 6)
            delete_draft(session, case.id, kind)

    def address_notice(self, case_id: int) -> str:
        """One Dutch sentence when the complainant's address cannot be printed as it is in the
        envelope window (set smaller, abbreviated as bpost allows, too long); '' when it can."""
        record = self._cases.get_by_id(case_id)
        if record.description is None:
            return ""
        from kina_desktop.reports.letter_blocks import address_notice  # ReportLab's font metrics

        return address_notice(record.description.complainant_name, record.description.complainant_address_lines())

    def preview(self, case_id: int, kind: LetterKind, edits: LetterEdits | None = None) -> bytes:
        """The letter as a PDF, without recording anything (to look at before printing);
        ``edits``: what a person changed in the letter editor."""
        with self.ctx.database.read() as session:
            case = self._cases._load(session, case_id=case_id)
            content = self._content(session, case, kind, edits)
            letterhead = letterhead_of(session)
        from kina_desktop.reports.letter_pdf import render_letter  # ReportLab: loaded at the first letter

        return render_letter(content, letterhead)

    def produce(self, case_id: int, kind: LetterKind) -> bytes:
        """Make the letter, keep its exact PDF in the complaint folder and record it on the case;
        the acknowledgement also records that the acknowledgement went out today (Art. 5), the
        board-date letter by the receiver that the complainant was told the board date (Art. 6)."""
        with self.ctx.database.write() as session:
            case = self._cases._load(session, case_id=case_id)
            content = self._content(session, case, kind)
            from kina_desktop.reports.letter_pdf import render_letter

            pdf = render_letter(content, letterhead_of(session))
            self._record(session, case, kind, content, pdf)
            return pdf

    def record(self, case_id: int, kind: LetterKind, pdf: bytes) -> None:
        """Record a letter made with ``preview`` once it went out (printed, or saved and marked as
        sent): exactly this PDF in the complaint folder, and the step ``produce`` records. Kept
        apart from making it so that a PDF saved and never sent records nothing (docs/letters.md)."""
        with self.ctx.database.write() as session:
            case = self._cases._load(session, case_id=case_id)
            content = self._content(session, case, kind)  # who may send it (Art. 6) and its language
            self._record(session, case, kind, content, pdf)

    def _record(self, session: Session, case: Case, kind: LetterKind, content: LetterContent, pdf: bytes) -> None:
        record_letters(session, self.ctx, [case], kind, letter_part(kind), [content], [pdf])

    def warnings(self, case_id: int, kind: LetterKind, edits: LetterEdits | None = None) -> list[str]:
        """What to read over before this letter goes out (Dutch sentences; [] when nothing): a
        staff member's name — the case's, or any colleague's account — in the text meant for the
        complainant, as made from the template or as a person edited it (``edits``). Internal
        wording must never reach a complainant by accident (Art. 6-7)."""
        with self.ctx.database.read() as session:
            case = self._cases._load(session, case_id=case_id)
            content = self._content(session, case, kind, edits)
            names = [case.description.staff_member] if case.description and case.description.staff_member else []
            names += list(session.scalars(select(Account.display_name).order_by(Account.display_name)))
        text = plain("\n".join((content.subject, *content.paragraphs)))
        allowed = (content.contact.name, content.signature_name)
        return [
            _("De brief noemt {name}: een personeelslid. Lees na of dat voor de klager bedoeld is.").format(name=name)
            for name in staff_names_in(text, names, allowed)
        ]

    def refusal(self, case_id: int, kind: LetterKind) -> str:
        """Why producing ``kind`` now would be refused ('' when it would not): the acknowledgement
        records the step 'acknowledged', which only the receiver or the team may take (Art. 5); the
        board-date letter announces a meeting still to come (Art. 6). Lets the letters menu say so
        before a print dialog or a file name is asked for."""
        if kind == LetterKind.BOARD_DATE:
            meeting = self._cases.get_by_id(case_id).header.board_meeting_on
            try:
                if meeting is not None:
                    check_board_meeting_on(meeting, self.ctx.today())
            except MissingLetterData as error:
                return error.message
            return ""
        if kind != LetterKind.ACKNOWLEDGEMENT:
            return ""
        with self.ctx.database.read() as session:
            case = self._cases._load(session, case_id=case_id)
            if case.acknowledged_on is not None:
                return ""
            today = self.ctx.today()
            try:
                workflow.apply(
                    ActionKind.ACKNOWLEDGE,
                    load_state(session, case),
                    self.ctx.viewer.roles,
                    StepData(on=today),
                    today=today,
                )
            except RuleViolation as error:
                return " ".join(error.problems)
            return ""

    def letters(self, case_id: int) -> list[LetterInfo]:
        with self.ctx.database.read() as session:
            case = self._cases._load(session, case_id=case_id)
            parts = part_names_for(self.ctx.viewer, case)
            rows = session.scalars(select(Letter).where(Letter.case_id == case_id).order_by(Letter.id)).all()
            return [letter_info(r) for r in rows if r.part in parts]

    def withdrawable(self, case_id: int) -> list[LetterInfo]:
        """The letters of this case this person may withdraw now (recorded today, not withdrawn)."""
        return withdrawable_letters(self.ctx, self.letters(case_id))

    def withdraw(self, letter_id: int, reason: str) -> LetterInfo:
        """Withdraw a letter recorded today that did not go out after all, with why
        (services/letters/letter_withdrawal.py)."""
        with self.ctx.database.write() as session:
            return withdraw_letter(session, self.ctx, self._cases, letter_id, reason)

    # -- "Ontvangstbevestigingen afdrukken" ---------------------------------------------------

    def acknowledgements_due(self, channel: Channel | None = Channel.POST) -> list[str]:
        """Tracking numbers of the complaints whose acknowledgement has not gone out yet (Art. 5),
        in tracking-number order; by default those received by post."""
        query = (
            select(Case.tracking_number)
            .where(
                # domain/procedure.py enters_procedure, in SQL
                Case.kind == Kind.COMPLAINT.value,
                Case.level != Level.ONE.value,
                Case.acknowledged_on.is_(None),
                Case.acknowledgement_due_on.is_not(None),
                Case.status != Status.CLOSED.value,
            )
            .order_by(Case.year, Case.sequence)
        )
        if channel is not None:
            query = query.where(Case.channel == channel.value)
        with self.ctx.database.read() as session:
            return list(session.scalars(query))

    def preview_acknowledgements(
        self,
        numbers: list[str],
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes:
        """The PDF ``produce_acknowledgements`` would make (each case's draft where it has one),
        one letter after the other, recording nothing: to look at before printing."""
        with self.ctx.database.read() as session:
            _cases, letterhead, contents, _states = self._acknowledgements(session, numbers)
        from kina_desktop.reports.letter_pdf import render_letters

        return render_letters(contents, letterhead, progress=progress, cancelled=cancelled)

    def produce_acknowledgements(
        self,
        numbers: list[str],
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes:
        """One PDF with the acknowledgements of these cases, in tracking-number order, each made
        with the case's draft where it has one (the letter editor). Each is recorded on its case,
        as ``produce`` records one, with its own pages of that PDF as the copy in the complaint
        folder (rendered once: reports/letter_copies.py); when cancelled
        (reports.letter_errors.Cancelled) nothing is."""
        with self.ctx.database.write() as session:
            cases, letterhead, contents, states = self._acknowledgements(session, numbers)
            from kina_desktop.reports.letter_copies import letter_copies
            from kina_desktop.reports.letter_pdf import render_batch

            batch = render_batch(contents, letterhead, progress=progress, cancelled=cancelled)
            copies = letter_copies(batch.pdf, batch.pages, contents, letterhead)
            record_letters(
                session,
                self.ctx,
                cases,
                LetterKind.ACKNOWLEDGEMENT,
                letter_part(LetterKind.ACKNOWLEDGEMENT),
                contents,
                copies,
                states,
            )
            return batch.pdf

    def _acknowledgements(
        self, session: Session, numbers: list[str]
    ) -> tuple[list[Case], Letterhead, list[LetterContent], dict[int, CaseState]]:
        """The cases of a batch, the letterhead, each acknowledgement (its draft where it has one)
        and the cases' states: a few queries for the whole batch."""
        cases = self._cases._load_all(session, numbers)
        states = load_states(session, cases)
        contents = self._contents(session, cases, LetterKind.ACKNOWLEDGEMENT, states=states)
        return cases, letterhead_of(session), contents, states
