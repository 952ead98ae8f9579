"""The letters of the case in the case editor: which ones may go out now, a preview inside the
program (gui/letters/letter_preview.py), printing, 'Opslaan als PDF' (for a complaint by e-mail:
the PDF to attach to the reply) and mailing.

The domain decides which letters a case may get (``allowed_letters``); the letter service makes
them. A letter is recorded only when it goes out (docs/letters.md): recording keeps its exact PDF
in the complaint folder and, for the acknowledgement, records the acknowledgement date (Art. 5;
for the board-date letter, by the receiver: that the complainant was told the board date, Art. 6).
Printing first asks for the printer and records what it then prints; 'Opslaan als PDF' writes the
file and then asks 'Markeer als verstuurd?' — only 'Ja' records it, a copy or a draft records
nothing. 'Mailen naar de klager' asks the mail server's password first when this PC has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kina_desktop.domain.enums import Status
from kina_desktop.domain.letters import LetterKind, allowed_letters_for, letter_allowed
from kina_desktop.domain.registration import needs_complaint_folder
from kina_desktop.gui.case.unsaved_prompt import ask_yes_no
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.gui.letters.letter_editor import LetterEditor
from kina_desktop.gui.letters.letter_preview import LetterPreview
from kina_desktop.gui.letters.pdf_output import choose_pdf_path, choose_printer, write_pdf
from kina_desktop.gui.letters.pdf_printing import print_pdf
from kina_desktop.gui.letters.smtp_password_dialog import ask_smtp_password
from kina_desktop.gui.letters.withdrawal_dialog import ask_withdrawal_reason
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.gui.common.background import TaskRunner
    from kina_desktop.gui.common.ports import LetterPort, MailPort
    from kina_desktop.reports.letter_text import LetterEdits
    from kina_desktop.services.letters.results import LetterInfo

# (text, is_error) to the editor's message line
Report = Callable[[str, bool], None]
# Asks the mail server's password: (password, remember on this PC), or None when cancelled.
PasswordPrompt = Callable[[QWidget, str], tuple[str, bool] | None]
# 'Markeer als verstuurd?' after 'Opslaan als PDF': (parent, question, what it records) -> Ja.
SentPrompt = Callable[[QWidget, str, str], bool]
# Why a letter is withdrawn: (parent, the letter's name) -> the reason, or None when cancelled.
ReasonPrompt = Callable[[QWidget, str], "str | None"]


def ask_mark_as_sent(parent: QWidget, question: str, consequence: str) -> bool:
    """'Ja' records the saved letter as sent; 'Nee' (or Esc) records nothing."""
    return ask_yes_no(
        parent, _("Markeer als verstuurd?"), question, _("Ja"), _("Nee"), informative=consequence, default_yes=True
    )


def letter_filename(tracking_number: str, kind: LetterKind, preview: bool = False) -> str:
    """``2026-0001 ontvangstbevestiging.pdf``; a preview says so in its name."""
    name = f"{tracking_number} {kind.label().lower()}"
    return f"{name} ({_('voorbeeld')}).pdf" if preview else f"{name}.pdf"


class CaseLetters:
    def __init__(
        self,
        letters: LetterPort,
        parent: QWidget,
        *,
        report: Report,
        before_produce: Callable[[], bool],
        after_produce: Report,
        mail: MailPort | None = None,
        ask_password: PasswordPrompt = ask_smtp_password,
        ask_sent: SentPrompt = ask_mark_as_sent,
        runner: TaskRunner | None = None,
        ask_reason: ReasonPrompt = ask_withdrawal_reason,
        settings: QSettings | None = None,
    ) -> None:
        """``before_produce`` may stop a letter (unsaved changes the person did not want to save);
        ``after_produce`` shows the case as stored now, with a message (text, is_error);
        ``ask_password`` asks the mail server's password when this PC has none; ``ask_sent``
        asks whether a saved letter went out; ``runner`` renders the preview's pages (a
        ThreadRunner when None)."""
        self._letters = letters
        self._parent = parent
        self._report = report
        self._before_produce = before_produce
        self._after_produce = after_produce
        self._record: CaseRecord | None = None
        self._mail = mail
        self._ask_password = ask_password
        self._ask_sent = ask_sent
        self._ask_reason = ask_reason
        self._runner = runner
        self._settings = settings  # the folder letters were saved in last (gui/common/save_folder.py)
        self.preview_window: LetterPreview | None = None
        self.editor_window: LetterEditor | None = None

    def can_mail(self) -> bool:
        """An SMTP server is configured and the complainant has an e-mail address."""
        record = self._record
        return bool(
            self._mail is not None
            and record is not None
            and record.description is not None
            and record.description.complainant_email.strip()
            and self._mail.configured()
        )

    def mail_letter(
        self, kind: LetterKind, *, from_preview: QWidget | None = None, pdf: bytes | None = None
    ) -> str | None:
        """Produce the letter and mail it with its PDF to the complainant; the address, or None.
        On a PC without the mail server's password it is asked first (and kept in the keyring
        when the person wants it remembered). ``from_preview``: the preview it was sent from
        (unsaved changes were offered to be saved when it opened), ``pdf`` the letter it shows:
        exactly that is recorded and sent."""
        record = self._record
        if record is None or self._mail is None:
            return None
        if from_preview is None and not self._before_produce():
            return None
        password, remember = "", False
        try:
            if self._mail.needs_password():
                answer = self._ask_password(from_preview or self._parent, self._mail.account())
                if answer is None:
                    return None
                password, remember = answer
            address = self._mail.send_letter(record.header.id, kind, password, pdf)
        except ServiceError as error:
            self._after_produce(error.message, True)
            return None
        message = _("‘{letter}’ is gemaild naar {address} en vastgelegd in dossier {number}.").format(
            letter=kind.label(), address=address, number=record.tracking_number
        )
        if remember:
            try:
                self._mail.remember_password(password)
            except ServiceError as error:
                message += " " + _("Het wachtwoord is niet onthouden: {error}").format(error=error.message)
        self._after_produce(message, False)
        return address

    def set_record(self, record: CaseRecord) -> None:
        self._record = record

    # -- which letters -----------------------------------------------------------------------

    def allowed(self) -> list[LetterKind]:
        """The letters this case may get now, in the order a case meets them."""
        record = self._record
        if record is None or record.description is None or record.header.pseudonymised_on is not None:
            return []
        return allowed_letters_for(record)

    def refusal(self, kind: LetterKind) -> str:
        """Why this person may not send ``kind`` now ('' when they may): shown on the menu
        entries that would record it, before any print dialog opens."""
        if self._record is None:
            return ""
        try:
            return self._letters.refusal(self._record.header.id, kind)
        except ServiceError as error:
            return error.message

    def why_none(self) -> str:
        """Why the case gets no letter at all (shown in the empty menu)."""
        record = self._record
        if record is None:
            return ""
        if record.description is None:
            return _("Voorbehouden aan de directeur (Art. 6)")
        header = record.header
        if header.pseudonymised_on is not None:
            return _("Gepseudonimiseerd: geen brieven meer (AVG)")
        reasons = (
            letter_allowed(kind, header.kind, header.category, header.level, channel=header.channel)
            for kind in (LetterKind.ACKNOWLEDGEMENT, LetterKind.INFORMATION_ANSWER)
        )
        return next((reason for reason in reasons if reason), "")

    def produced(self) -> dict[LetterKind, dt.date]:
        """The day each kind of letter last went out for this case."""
        if self._record is None or self._record.description is None:
            return {}
        try:
            letters = self._letters.letters(self._record.header.id)
        except ServiceError:
            return {}
        return {letter.kind: letter.produced_on for letter in letters if letter.withdrawn_on is None}

    def withdrawable(self) -> dict[LetterKind, LetterInfo]:
        """The letters recorded today that this person may still withdraw, by kind."""
        if self._record is None or self._record.description is None:
            return {}
        try:
            letters = self._letters.withdrawable(self._record.header.id)
        except ServiceError:
            return {}
        return {letter.kind: letter for letter in letters}

    def withdraw(self, kind: LetterKind) -> bool:
        """'Intrekken…': a letter recorded today that did not go out after all, withdrawn with
        why (the acknowledgement of Art. 5 is then due again). True when it was withdrawn."""
        record = self._record
        letter = self.withdrawable().get(kind)
        if record is None or letter is None:
            return False
        reason = self._ask_reason(self._parent, kind.label())
        if reason is None:
            return False
        try:
            self._letters.withdraw(letter.id, reason)
        except ServiceError as error:
            self._report(error.message, True)
            return False
        message = _("‘{letter}’ van {date} is ingetrokken in dossier {number}.").format(
            letter=kind.label(), date=short_date(letter.produced_on), number=record.tracking_number
        )
        if kind == LetterKind.ACKNOWLEDGEMENT:
            message += " " + _("De ontvangstbevestiging moet nog verstuurd worden (Art. 5).")
        self._after_produce(message, False)
        return True

    def likely(self) -> LetterKind | None:
        """What Ctrl+P prints: the acknowledgement while it has not gone out (Art. 5), for whoever
        may record it (otherwise Ctrl+P opens 'Brieven', which says why)."""
        record = self._record
        if record is None or record.header.acknowledged_on is not None or record.header.status == Status.CLOSED:
            return None
        if LetterKind.ACKNOWLEDGEMENT not in self.allowed() or self.refusal(LetterKind.ACKNOWLEDGEMENT):
            return None
        return LetterKind.ACKNOWLEDGEMENT

    def produced_text(self, kind: LetterKind, produced: dict[LetterKind, dt.date]) -> str:
        day = produced.get(kind)
        return _("verstuurd op {date}").format(date=short_date(day)) if day else ""

    # -- what a person does with one -----------------------------------------------------------

    def edit(self, kind: LetterKind) -> LetterEditor | None:
        """'Bewerken…': the letter in the letter editor (gui/letters/letter_editor.py), from which
        the edited letter is previewed and sent. Unsaved changes of the case are offered to be
        saved first: the letter is made from the case as stored."""
        record = self._record
        if record is None or not self._before_produce():
            return None
        try:
            content = self._letters.letter(record.header.id, kind, template=True)
            saved = self._letters.draft(record.header.id, kind)
            notice = self._letters.address_notice(record.header.id)
        except ServiceError as error:
            self._report(error.message, True)
            return None
        editor: LetterEditor | None = None

        def open_preview(edits: LetterEdits) -> QWidget | None:
            assert editor is not None
            return self.preview(kind, edits=edits, parent=editor, on_sent=editor.letter_sent)

        editor = LetterEditor(
            self._parent,
            self._letters,
            record,
            kind,
            content,
            open_preview=open_preview,
            address_notice=notice,
            saved=saved,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor_window = editor
        editor.show()
        return editor

    def preview(
        self,
        kind: LetterKind,
        *,
        edits: LetterEdits | None = None,
        parent: QWidget | None = None,
        on_sent: Callable[[], None] | None = None,
    ) -> LetterPreview | None:
        """'Voorbeeld': the letter as it would go out, in a window of the program, with the
        buttons that send it from there. Showing it records nothing. Unsaved changes are offered
        to be saved first: the letter is made from the case as stored. ``edits``: the letter as
        the letter editor ``parent`` has it, which ``on_sent`` hears of when it went out."""
        record = self._record
        if record is None or (edits is None and not self._before_produce()):
            return None
        try:
            pdf = self._letters.preview(record.header.id, kind, edits)
        except ServiceError as error:
            if parent is not None:
                QMessageBox.warning(parent, _("Brief"), error.message)
            else:
                self._report(error.message, True)
            return None

        def sent(went_out: bool) -> bool:
            if went_out and on_sent is not None:
                on_sent()
            return went_out

        refusal = self.refusal(kind)
        title = _("Voorbeeld: {letter} – dossier {number}").format(letter=kind.label(), number=record.tracking_number)
        note = "\n".join(line for line in (refusal, *self._read_over(kind, edits)) if line)
        window = LetterPreview(parent or self._parent, title, pdf, runner=self._runner, note=note)
        sendable = not refusal  # sending records a step this person may not take: only looking
        printing = window.add_button(
            "preview_print",
            _("Afdrukken…"),
            refusal or _("Afdrukken en vastleggen in het dossier en de klachtenmap (Ctrl+P)"),
            lambda: sent(self.print_letter(kind, pdf=pdf, parent=window) > 0),
            enabled=sendable,
            needs_pages=True,
        )
        window.add_shortcut(QKeySequence("Ctrl+P"), printing)
        window.add_button(
            "preview_save",
            _("Opslaan als PDF…"),
            refusal or _("Als PDF bewaren; daarna kiest u of de brief als verstuurd wordt vastgelegd"),
            lambda: sent(self._save(kind, pdf, window)[1]),
            enabled=sendable,
        )
        if self.can_mail():
            window.add_button(
                "preview_mail",
                _("Mailen naar de klager"),
                refusal or _("Met de PDF als bijlage naar het e-mailadres van de klager sturen en vastleggen"),
                lambda: sent(self.mail_letter(kind, from_preview=window, pdf=pdf) is not None),
                enabled=sendable,
            )
        self.preview_window = window
        window.show()
        return window

    def _read_over(self, kind: LetterKind, edits: LetterEdits | None) -> list[str]:
        """What to read over before sending, shown above the preview's buttons: a staff member
        named in the letter (Art. 6-7), an address bpost's window cannot take as it is."""
        assert self._record is not None
        try:
            lines = self._letters.warnings(self._record.header.id, kind, edits)
            lines.append(self._letters.address_notice(self._record.header.id))
        except ServiceError as error:
            return [error.message]
        return lines

    def print_letter(self, kind: LetterKind, *, pdf: bytes | None = None, parent: QWidget | None = None) -> int:
        """Print dialog, then record and print; the number of pages printed (0: nothing).
        ``pdf``: the letter shown in the preview ``parent`` (otherwise it is made now)."""
        record = self._record
        if record is None or (pdf is None and not self._before_produce()):
            return 0
        printer = choose_printer(parent or self._parent, letter_filename(record.tracking_number, kind))
        if printer is None:
            return 0
        pdf = pdf if pdf is not None else self._make(kind)
        if pdf is None or not self._record_sent(kind, pdf):
            return 0
        pages = print_pdf(pdf, printer)
        if pages:
            self._after_produce(
                _("‘{letter}’ is afgedrukt en vastgelegd in dossier {number}.").format(
                    letter=kind.label(), number=record.tracking_number
                ),
                False,
            )
        else:
            self._after_produce(
                _(
                    "‘{letter}’ is vastgelegd in dossier {number}, maar kon niet worden "
                    "afgedrukt. De brief staat in de klachtenmap."
                ).format(letter=kind.label(), number=record.tracking_number),
                True,
            )
        return pages

    def save_letter(self, kind: LetterKind) -> Path | None:
        """'Opslaan als PDF': choose the file, make the letter and write it there, then ask
        'Markeer als verstuurd?'; the file written, or None."""
        if self._record is None or not self._before_produce():
            return None
        return self._save(kind, None, self._parent)[0]

    def _save(self, kind: LetterKind, pdf: bytes | None, parent: QWidget) -> tuple[Path | None, bool]:
        """The file written (or None) and whether the person recorded the letter as sent."""
        record = self._record
        assert record is not None
        path = choose_pdf_path(parent, letter_filename(record.tracking_number, kind), self._settings)
        if path is None:
            return None, False
        pdf = pdf if pdf is not None else self._make(kind)
        if pdf is None:
            return None, False
        problem = write_pdf(path, pdf)
        if problem:
            self._report(problem + " " + _("Er is niets vastgelegd."), True)
            return None, False
        if not self._ask_sent(parent, *self._sent_question(kind, path)):
            self._report(
                _("‘{letter}’ is bewaard als {path}. Er is niets vastgelegd in dossier {number}.").format(
                    letter=kind.label(), path=path, number=record.tracking_number
                ),
                False,
            )
            return path, False
        if not self._record_sent(kind, pdf):
            return path, False
        self._after_produce(
            _("‘{letter}’ is bewaard als {path} en vastgelegd in dossier {number}.").format(
                letter=kind.label(), path=path, number=record.tracking_number
            ),
            False,
        )
        return path, True

    def _sent_question(self, kind: LetterKind, path: Path) -> tuple[str, str]:
        """'Markeer als verstuurd?' and what 'Ja' records (docs/letters.md)."""
        record = self._record
        assert record is not None
        header = record.header
        question = _("‘{letter}’ is bewaard als {path}. Markeer de brief als verstuurd?").format(
            letter=kind.label(), path=path
        )
        if needs_complaint_folder(header.kind, header.level):
            recorded = _("Ja: de brief wordt vastgelegd in dossier {number} en bewaard in de klachtenmap.")
        else:
            recorded = _("Ja: de brief wordt vastgelegd in dossier {number}.")
        parts = [recorded.format(number=record.tracking_number)]
        if kind == LetterKind.ACKNOWLEDGEMENT and header.acknowledged_on is None:
            parts.append(_("De ontvangstbevestiging staat dan als verstuurd op vandaag (Art. 5)."))
        elif kind == LetterKind.BOARD_DATE:
            parts.append(_("Is het nog te doen, dan staat ook vast dat de klager de datum van de raad kent (Art. 6)."))
        refused = _("Nee: alleen het bestand is bewaard (een kopie of een ontwerp); er wordt niets vastgelegd.")
        return question, " ".join(parts) + "\n\n" + refused

    def _make(self, kind: LetterKind) -> bytes | None:
        """The letter's PDF, made now without recording it."""
        assert self._record is not None
        try:
            return self._letters.preview(self._record.header.id, kind)
        except ServiceError as error:
            self._report(error.message, True)
            return None

    def _record_sent(self, kind: LetterKind, pdf: bytes) -> bool:
        """Record ``pdf`` as the letter that went out (LetterService.record)."""
        assert self._record is not None
        try:
            self._letters.record(self._record.header.id, kind, pdf)
        except ServiceError as error:
            self._report(error.message, True)
            return False
        return True
