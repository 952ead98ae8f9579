"""The letters of the case in the case editor: which ones may go out now, a preview, printing
and 'Opslaan als PDF' (for a complaint by e-mail: the PDF to attach to the reply).

The domain decides which letters a case may get (``allowed_letters``); the letter service makes
them. A preview records nothing. Printing and saving first ask where the letter goes (print
dialog, file) and only then produce it: producing records the letter on the case, keeps its PDF
in the complaint folder and, for the acknowledgement, records the acknowledgement date (for the
board-date letter, by the receiver: that the complainant was told the board date). 'Mailen naar
de klager' asks the mail server's password first when this PC has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kina_desktop.domain.enums import Status
from kina_desktop.domain.letters import LetterKind, allowed_letters, letter_allowed
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.gui.letters.pdf_output import choose_pdf_path, choose_printer, write_pdf
from kina_desktop.gui.letters.pdf_printing import print_pdf
from kina_desktop.gui.letters.smtp_password_dialog import ask_smtp_password
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.gui.common.ports import LetterPort, MailPort
    from kina_desktop.gui.letters.system_viewer import SystemViewer

# (text, is_error) to the editor's message line
Report = Callable[[str, bool], None]
# Asks the mail server's password: (password, remember on this PC), or None when cancelled.
PasswordPrompt = Callable[[QWidget, str], tuple[str, bool] | None]


def letter_filename(tracking_number: str, kind: LetterKind, preview: bool = False) -> str:
    """``2026-0001 ontvangstbevestiging.pdf``; a preview says so in its name."""
    name = f"{tracking_number} {kind.label().lower()}"
    return f"{name} ({_('voorbeeld')}).pdf" if preview else f"{name}.pdf"


class CaseLetters:
    def __init__(
        self,
        letters: LetterPort,
        parent: QWidget,
        viewer: SystemViewer,
        *,
        report: Report,
        before_produce: Callable[[], bool],
        after_produce: Report,
        mail: MailPort | None = None,
        ask_password: PasswordPrompt = ask_smtp_password,
    ) -> None:
        """``before_produce`` may stop a letter (unsaved changes the person did not want to save);
        ``after_produce`` shows the case as stored now, with a message (text, is_error);
        ``ask_password`` asks the mail server's password when this PC has none."""
        self._letters = letters
        self._parent = parent
        self._viewer = viewer
        self._report = report
        self._before_produce = before_produce
        self._after_produce = after_produce
        self._record: CaseRecord | None = None
        self._mail = mail
        self._ask_password = ask_password

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

    def mail_letter(self, kind: LetterKind) -> str | None:
        """Produce the letter and mail it with its PDF to the complainant; the address, or None.
        On a PC without the mail server's password it is asked first (and kept in the keyring
        when the person wants it remembered)."""
        record = self._record
        if record is None or self._mail is None or not self._before_produce():
            return None
        password, remember = "", False
        try:
            if self._mail.needs_password():
                answer = self._ask_password(self._parent, self._mail.account())
                if answer is None:
                    return None
                password, remember = answer
            address = self._mail.send_letter(record.header.id, kind, password)
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
        header = record.header
        handling = record.handling
        return allowed_letters(
            header.kind,
            header.category,
            header.level,
            channel=header.channel,
            admissibility=handling.admissibility if handling else None,
            verdict=handling.verdict if handling else None,
        )

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
        return {letter.kind: letter.produced_on for letter in letters}

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

    def preview(self, kind: LetterKind) -> Path | None:
        """The letter as it would go out, in the PDF viewer; nothing is recorded."""
        record = self._record
        if record is None:
            return None
        try:
            pdf = self._letters.preview(record.header.id, kind)
        except ServiceError as error:
            self._report(error.message, True)
            return None
        path, opened = self._viewer.open(letter_filename(record.tracking_number, kind, preview=True), pdf)
        if not opened:
            self._report(
                _("Geen programma gevonden om PDF-bestanden te openen. Het voorbeeld staat in {path}.").format(
                    path=path
                ),
                True,
            )
        return path

    def print_letter(self, kind: LetterKind) -> int:
        """Print dialog, then produce and print; the number of pages printed (0: nothing)."""
        record = self._record
        if record is None or not self._before_produce():
            return 0
        printer = choose_printer(self._parent, letter_filename(record.tracking_number, kind))
        if printer is None:
            return 0
        pdf = self._produce(kind)
        if pdf is None:
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
        """'Opslaan als PDF': choose the file, then produce the letter and write it there."""
        record = self._record
        if record is None or not self._before_produce():
            return None
        path = choose_pdf_path(self._parent, letter_filename(record.tracking_number, kind))
        if path is None:
            return None
        pdf = self._produce(kind)
        if pdf is None:
            return None
        problem = write_pdf(path, pdf)
        if problem:
            self._after_produce(problem + " " + _("De brief is wel vastgelegd en staat in de klachtenmap."), True)
            return None
        self._after_produce(
            _("‘{letter}’ is bewaard als {path} en vastgelegd in dossier {number}.").format(
                letter=kind.label(), path=path, number=record.tracking_number
            ),
            False,
        )
        return path

    def _produce(self, kind: LetterKind) -> bytes | None:
        assert self._record is not None
        try:
            return self._letters.produce(self._record.header.id, kind)
        except ServiceError as error:
            self._report(error.message, True)
            return None
