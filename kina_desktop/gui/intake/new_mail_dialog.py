"""Bestand → 'Nieuwe e-mails ophalen…' (F9): the messages in KINA's mailbox that were never
registered nor set aside (Art. 4), fetched off the GUI thread.

Per message the person chooses: Registreren… (the new-complaint dialog, prefilled from the
message, for them to check; the message and its attachments go into the complaint folder),
Informatievraag (registered as an information request, Art. 3) or Geen klacht (only noted, so
that it is not offered again). A message dealt with leaves the list and is never listed again;
the mailbox itself is only read, never changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.intake import Disposition, IncomingMessage, MessageSource
from kina_desktop.gui.common.accessible import name_view, rows_to_choose
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.formatting import file_size, number, short_datetime
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.gui.common.task_progress import TaskProgress
from kina_desktop.gui.intake.intake_registration import MessageRegistration
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.intake.new_mail_model import (
    COL_ATTACHMENTS,
    COL_RECEIVED,
    COL_SENDER,
    COL_SUBJECT,
    NewMailModel,
    sender_text,
)
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.domain.mailbox import FetchedMail
    from kina_desktop.gui.common.background import Outcome, TaskControl, TaskRunner
    from kina_desktop.gui.intake.mailbox_ports import MailboxPort, MessageIntakePort
    from kina_desktop.gui.intake.message_drop import DialogIntake

ERROR_STYLE = "color: #a40000;"


# Makes the new-complaint dialog for a registration (the main window's, with its completion
# lists and letters); the dialog is shown with exec() and its ``record`` read afterwards.
RegistrationDialog = Callable[[MessageRegistration, QWidget], NewComplaintDialog]


def fetching_text(done: int, total: int) -> str:
    return _("Berichten ophalen… {done} van {total}").format(done=number(done), total=number(total))


def message_preview(message: IncomingMessage, notes: Sequence[str] | None = None) -> str:
    """The message as the person reads it before deciding, with the notes of the intake
    (``notes``; the reader's own when none are given)."""
    lines = [
        _("Van: {sender}").format(sender=sender_text(message)),
        _("Ontvangen: {when}").format(
            when=short_datetime(message.received_at) if message.received_at else _("(geen datum)")
        ),
        _("Onderwerp: {subject}").format(subject=message.subject or _("(geen onderwerp)")),
    ]
    for attachment in message.attachments:
        lines.append(_("Bijlage: {name} ({size})").format(name=attachment.filename, size=file_size(attachment.size)))
    for problem in message.problems if notes is None else notes:
        lines.append(_("Let op: {problem}").format(problem=problem))
    return "\n".join(lines) + "\n\n" + (message.body_text.strip() or _("(geen tekst)"))


class NewMailDialog(QDialog):
    def __init__(
        self,
        mailbox: MailboxPort,
        intake: MessageIntakePort,
        runner: TaskRunner,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        *,
        registration_dialog: RegistrationDialog | None = None,
        on_changed: Callable[[str], None] | None = None,
    ) -> None:
        """``on_changed`` gets a status-bar message each time a message was registered or set
        aside (the main window refreshes its list)."""
        super().__init__(parent)
        self._mailbox = mailbox
        self._intake = intake
        self._runner = runner
        self._today = today
        self._registration_dialog = registration_dialog or self._plain_registration_dialog
        self._on_changed = on_changed or (lambda text: None)
        self.progress: TaskProgress | None = None
        self.fetched: FetchedMail | None = None
        self.setObjectName("new_mail_dialog")
        self.setWindowTitle(_("Nieuwe e-mails"))
        resize_within_screen(self, 1000, 640, margin=SCREEN_MARGIN)  # a small or magnified screen too

        self.summary = QLabel(_("Het postvak is nog niet bekeken."))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        # Asked only when this PC's keyring holds no password for the mailbox yet.
        self.password_row = QWidget()
        password_layout = QHBoxLayout(self.password_row)
        password_layout.setContentsMargins(0, 0, 0, 0)
        self.password_label = QLabel(_("Wachtwoord van het postvak:"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password)
        self.password_button = QPushButton(_("Bewaren en ophalen"))
        self.password_button.setToolTip(
            _("Het wachtwoord wordt bewaard in de sleutelhanger van deze computer, nooit in de database.")
        )
        password_layout.addWidget(self.password_label)
        password_layout.addWidget(self.password, 1)
        password_layout.addWidget(self.password_button)
        self.password_row.hide()
        self.password_button.clicked.connect(self._on_password_entered)
        self.password.returnPressed.connect(self._on_password_entered)

        self.model = NewMailModel(self)
        self.table = QTableView()
        self.table.setObjectName("new_mail_table")
        name_view(self.table, _("Nieuwe e-mails"), rows_to_choose())
        self.table.setModel(self.model)
        list_table(self.table, row_padding=8)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.table.fontMetrics()
        header.resizeSection(COL_RECEIVED, metrics.horizontalAdvance("00-00-0000 00:00") + 24)
        header.resizeSection(COL_SENDER, metrics.horizontalAdvance("Kathleen Wouters <k.wouters@example.be>") + 16)
        header.setSectionResizeMode(COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_ATTACHMENTS, header.fontMetrics().horizontalAdvance(_("Bijlagen")) + 24)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_activated)

        self.preview = QPlainTextEdit()
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName(_("Inhoud van het gekozen bericht"))
        self.preview.setTabChangesFocus(True)
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(_("Kies een bericht om het te lezen."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setSizes([300, 260])
        splitter.setChildrenCollapsible(False)

        self.register_button = QPushButton(_("Registreren…"))
        self.register_button.setObjectName("register_message")
        self.register_button.setToolTip(
            _(
                "Het registratieformulier invullen met dit bericht; het bericht en zijn "
                "bijlagen gaan in de klachtenmap (Enter)"
            )
        )
        self.information_button = QPushButton(_("Informatievraag"))
        self.information_button.setObjectName("information_request")
        self.information_button.setToolTip(
            _("Registreren als informatievraag (Art. 3): geen klacht, wel geregistreerd")
        )
        self.not_complaint_button = QPushButton(_("Geen klacht"))
        self.not_complaint_button.setObjectName("not_a_complaint")
        self.not_complaint_button.setToolTip(
            _("Opzijleggen: het bericht wordt niet meer aangeboden (het blijft in het postvak staan)")
        )
        self.fetch_button = QPushButton(_("Opnieuw ophalen"))
        self.fetch_button.setObjectName("fetch_again")
        self.close_button = QPushButton(_("Sluiten"))
        for button in (
            self.register_button,
            self.information_button,
            self.not_complaint_button,
            self.fetch_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
        self.register_button.clicked.connect(self._on_register)
        self.information_button.clicked.connect(self._on_information_request)
        self.not_complaint_button.clicked.connect(self._on_not_a_complaint)
        self.fetch_button.clicked.connect(self._on_fetch)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.information_button)
        buttons.addWidget(self.not_complaint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.fetch_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.password_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- fetching ------------------------------------------------------------------------------

    def fetch(self) -> None:
        """Look into the mailbox (off the GUI thread); asks for the password first when this PC
        has none stored."""
        if self.progress is not None:
            return
        self._clear_message()
        try:
            configured = self._mailbox.configured()
            has_password = configured and self._mailbox.has_password()
        except ServiceError as error:
            self._show_error(error.message)
            return
        if not configured:
            self.summary.setText(
                _("Er is geen e-mailpostvak ingesteld: een beheerder doet dat onder Beheer → E-mailpostvak…")
            )
            return
        if not has_password:
            self.summary.setText(
                _("Op deze computer is nog geen wachtwoord voor het postvak {account} bewaard.").format(
                    account=self._mailbox.settings().account
                )
            )
            self.password_label.setText(_("Wachtwoord van het postvak:"))
            self.password_row.show()
            self.password.setFocus()
            return
        self.password_row.hide()

        def work(control: TaskControl) -> FetchedMail:
            return self._mailbox.fetch_new(progress=control.report, cancelled=control.cancelled)

        self.progress = TaskProgress(self, _("Nieuwe e-mails"), fetching_text, _("Verbinden met de mailserver…"))
        self.progress.run(self._runner, work, self._on_fetched)

    def _on_fetched(self, outcome: Outcome[FetchedMail]) -> None:
        self.progress = None
        if isinstance(outcome.error, ServiceError):
            self.summary.setText(_("Het postvak kon niet bekeken worden."))
            self._show_error(outcome.error.message)
            self.password_label.setText(_("Is het wachtwoord van het postvak gewijzigd? Nieuw wachtwoord:"))
            self.password_row.show()
            return
        if outcome.error is not None:
            raise outcome.error  # a programming error: logged by the exception hook
        fetched = outcome.value
        assert fetched is not None
        self.fetched = fetched
        self.model.set_messages(fetched.messages)
        settings = self._mailbox.settings()
        count = len(fetched.messages)
        self.summary.setText(
            ngettext(
                "{n} nieuw bericht in {folder} van {account}", "{n} nieuwe berichten in {folder} van {account}", count
            ).format(n=number(count), folder=settings.folder, account=settings.account)
            + " "
            + ngettext(
                "(van {total} bericht in het postvak; het postvak blijft ongewijzigd).",
                "(van {total} berichten in het postvak; het postvak blijft ongewijzigd).",
                fetched.in_mailbox,
            ).format(total=number(fetched.in_mailbox))
        )
        if fetched.left:
            self.summary.setText(
                self.summary.text()
                + " "
                + ngettext(
                    "Nog {n} nieuw bericht volgt bij het volgende ophalen.",
                    "Nog {n} nieuwe berichten volgen bij het volgende ophalen.",
                    fetched.left,
                ).format(n=number(fetched.left))
            )
        if fetched.noted:
            self.summary.setText(
                self.summary.text()
                + " "
                + ngettext(
                    "{n} bericht heeft opmerkingen bij het inlezen: ze staan als ‘Let op’ bij het bericht en "
                    "komen bij het registreren in de geschiedenis van het dossier.",
                    "{n} berichten hebben opmerkingen bij het inlezen: ze staan als ‘Let op’ bij het bericht en "
                    "komen bij het registreren in de geschiedenis van het dossier.",
                    fetched.noted,
                ).format(n=number(fetched.noted))
            )
        if fetched.set_aside:
            self.summary.setText("\n".join((self.summary.text(), *fetched.set_aside)))
        if fetched.unreadable:
            self._show_error("\n".join(fetched.unreadable))
        if count:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_buttons()

    def _on_password_entered(self) -> None:
        password = self.password.text()
        if not password:
            self.password.setFocus()
            return
        try:
            self._mailbox.set_password(password)
        except ServiceError as error:
            self._show_error(error.message)
            return
        self.password.clear()
        self.fetch()

    def _on_fetch(self) -> None:
        self.fetch()

    # -- the chosen message --------------------------------------------------------------------

    def current_message(self) -> IncomingMessage | None:
        index = self.table.currentIndex()
        return self.model.message(index.row()) if index.isValid() else None

    def register_current(self) -> CaseRecord | None:
        """Registreren…: the new-complaint dialog, prefilled from the message, for the person to
        check and register."""
        message = self.current_message()
        if message is None:
            return None
        registration = MessageRegistration(self._intake, message, MessageSource.IMAP)
        try:
            draft = self._intake.draft_for(message)
        except ServiceError as error:
            self._show_error(error.message)
            return None
        dialog = self._registration_dialog(registration, self)
        controller: DialogIntake | None = getattr(dialog, "intake", None)
        if controller is None or not controller.show_message(message, registration):
            dialog.load_draft(draft)
            try:
                dialog.propose_organisation(self._intake.proposal_for(message))
            except ServiceError as error:
                self._show_error(error.message)
        dialog.setWindowTitle(
            _("Nieuwe klacht registreren uit e-mail: {subject}").format(
                subject=message.subject or _("(geen onderwerp)")
            )
        )
        dialog.exec()
        record = dialog.record
        dialog.deleteLater()
        if record is None:
            return None
        self._dealt_with(
            message,
            _("{kind} {number} is geregistreerd uit de e-mail van {sender}.").format(
                kind=record.header.kind.label(), number=record.tracking_number, sender=sender_text(message)
            ),
        )
        return record

    def mark_current(self, disposition: Disposition) -> bool:
        """Informatievraag or Geen klacht for the chosen message."""
        message = self.current_message()
        if message is None:
            return False
        try:
            record = self._intake.mark_message(message, disposition, MessageSource.IMAP)
        except ServiceError as error:
            self._show_error(error.message)
            return False
        if record is not None:
            text = _("Informatievraag {number} is geregistreerd uit de e-mail van {sender}.").format(
                number=record.tracking_number, sender=sender_text(message)
            )
        else:
            text = _("De e-mail van {sender} is opzijgelegd als ‘geen klacht’; hij blijft in het postvak.").format(
                sender=sender_text(message)
            )
        self._dealt_with(message, text)
        return True

    def _dealt_with(self, message: IncomingMessage, text: str) -> None:
        row = self.model.remove(message)
        self._clear_message()
        self.summary.setText(text)
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self.preview.clear()
        self._update_buttons()
        self._on_changed(text)

    def _plain_registration_dialog(self, registration: MessageRegistration, parent: QWidget) -> NewComplaintDialog:
        return NewComplaintDialog(registration, self._today(), parent)  # type: ignore[arg-type]

    # -- slots -----------------------------------------------------------------------------------

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        message = self.current_message()
        notes = self.fetched.notes_of(message.message_id) if message is not None and self.fetched else None
        self.preview.setPlainText(message_preview(message, notes) if message is not None else "")
        self._update_buttons()

    def _on_activated(self, *_args: object) -> None:
        self.register_current()

    def _on_register(self) -> None:
        self.register_current()

    def _on_information_request(self) -> None:
        self.mark_current(Disposition.INFORMATION_REQUEST)

    def _on_not_a_complaint(self) -> None:
        self.mark_current(Disposition.NOT_A_COMPLAINT)

    # -- helpers ---------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        chosen = self.current_message() is not None
        for button in (self.register_button, self.information_button, self.not_complaint_button):
            button.setEnabled(chosen)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.hide()
