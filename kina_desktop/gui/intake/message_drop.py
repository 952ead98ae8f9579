"""Drag and drop for intake (Art. 4): an e-mail (.eml, Outlook .msg) dropped on the main
window or on 'Nieuwe klacht' prefills the registration from the message (channel e-mail, its
date, sender, subject and text) and shows what goes into the complaint folder with it (the
message and its attachments); registering goes through the intake, so the case, the files and
the Message-ID are stored together. A scanned letter (PDF or image) dropped on the dialog is
attached to the registration, channel post.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.enums import Channel
from kina_desktop.domain.file_types import check_document
from kina_desktop.domain.intake import FolderPlan, IncomingMessage, MessageSource
from kina_desktop.gui.common.accessible import name_view, rows_to_read
from kina_desktop.gui.common.field_errors import ERROR_STYLE
from kina_desktop.gui.common.formatting import file_size
from kina_desktop.gui.intake.intake_registration import MessageRegistration, ScanRegistration
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:  # the dialog's module loads when it first opens (cold start: docs/performance.md)
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.gui.intake.intake_ports import MessageRegisterPort, Registrar

    DropIntakePort = MessageRegisterPort  # services.intake.IntakeService: reading, seen, registering
    from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog

MESSAGE_SUFFIXES = (".eml", ".msg")
SCAN_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
NOTE_STYLE = "color: #7a4b00;"


# -- which files ---------------------------------------------------------------------------------


def local_files(mime: QMimeData | None) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _of(paths: Sequence[Path], suffixes: tuple[str, ...]) -> list[Path]:
    return [p for p in paths if p.suffix.lower() in suffixes]


class FileDropFilter(QObject):
    """An event filter for a window and its fields: a drag of local files with one of
    ``suffixes`` is taken and handed to ``on_drop``; every other drag goes on as usual (text
    dragged into a field)."""

    def __init__(self, suffixes: tuple[str, ...], on_drop: Callable[[list[Path]], None], parent: QObject) -> None:
        super().__init__(parent)
        self._suffixes = suffixes
        self._on_drop = on_drop

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def wanted(self, mime: QMimeData | None) -> list[Path]:
        return _of(local_files(mime), self._suffixes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, (QDragEnterEvent, QDragMoveEvent)
        ):
            if self.wanted(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = self.wanted(event.mimeData())
            if paths:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self._on_drop(paths)
                return True
        return False


# -- what the dialog shows -----------------------------------------------------------------------


class IntakePanel(QFrame):
    """Above the dialog's buttons: where the registration comes from, what to check, and the
    files that go into the complaint folder with it."""

    def __init__(self, on_remove: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # the form keeps the room
        self.title = QLabel()
        self.title.setObjectName("intake_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.notes = QLabel()
        self.notes.setObjectName("intake_notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(NOTE_STYLE)
        self.files_label = QLabel(_("Gaat mee in de klachtenmap:"))
        self.files = QListWidget()
        self.files.setObjectName("intake_files")
        name_view(self.files, _("Gaat mee in de klachtenmap:").rstrip(":"), rows_to_read())
        self.files.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.files.setFixedHeight(self.files.fontMetrics().height() * 4 + 12)
        self.refused = QLabel()
        self.refused.setObjectName("intake_refused")
        self.refused.setWordWrap(True)
        self.refused.setStyleSheet(ERROR_STYLE)
        self.remove_button = QPushButton(_("Niet uit dit bestand registreren"))
        self.remove_button.setObjectName("intake_remove")
        self.remove_button.setToolTip(_("Het formulier blijft zoals het is; de bestanden gaan niet mee."))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda *_args: on_remove())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.files_label)
        layout.addWidget(self.files)
        layout.addWidget(self.refused)
        self.hide()

    def show_files(
        self, title: str, notes: Sequence[str], kept: Sequence[tuple[str, int]], refused: Sequence[tuple[str, str]] = ()
    ) -> None:
        self.title.setText(title)
        self.notes.setText("\n".join(_("• {note}").format(note=n) for n in notes))
        self.notes.setVisible(bool(notes))
        self.files.clear()
        rows = max(1, min(len(kept), 6))
        self.files.setFixedHeight(self.files.fontMetrics().height() * rows + 4 * rows + 8)
        for name, size in kept:
            self.files.addItem(_("{name} ({size})").format(name=name, size=file_size(size)))
        self.files_label.setVisible(bool(kept))
        self.files.setVisible(bool(kept))
        self.refused.setText(
            "\n".join(_("Niet in de klachtenmap: {name}: {reason}").format(name=n, reason=r) for n, r in refused)
        )
        self.refused.setVisible(bool(refused))
        self.show()

    def kept_names(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]


def _ask_to_replace(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Formulier vervangen?"),
        _("Het formulier is al ingevuld. Wilt u het vervangen door de gegevens uit het bericht?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class DialogIntake:
    """Files dropped on one 'Nieuwe klacht' dialog: an e-mail prefills it and registers with it;
    scans are attached (channel post)."""

    def __init__(
        self,
        dialog: NewComplaintDialog,
        intake: DropIntakePort,
        cases: Registrar,
        today: Callable[[], dt.date],
        ask_to_replace: Callable[[QWidget], bool] = _ask_to_replace,
    ) -> None:
        self.dialog = dialog
        self._intake = intake
        self._cases = cases
        self._today = today
        self._ask_to_replace = ask_to_replace
        self._title = dialog.windowTitle()
        self.message: IncomingMessage | None = None
        self.plan: FolderPlan | None = None
        self.scans: list[tuple[str, bytes]] = []
        self.panel = IntakePanel(self.remove)
        layout = dialog.ui.dialog_layout
        layout.insertWidget(layout.indexOf(dialog.ui.message), self.panel, 0)
        self.filter = FileDropFilter(MESSAGE_SUFFIXES + SCAN_SUFFIXES, self.drop, dialog)
        self.filter.watch(dialog)
        intro = dialog.ui.intro
        intro.setText(
            intro.text()
            + " "
            + _(
                "Sleep een e-mail (.eml, .msg) of een scan (PDF, afbeelding) op dit "
                "venster om het formulier ermee in te vullen."
            )
        )

    # -- dropping ------------------------------------------------------------------------------

    def drop(self, paths: list[Path]) -> None:
        messages, scans = _of(paths, MESSAGE_SUFFIXES), _of(paths, SCAN_SUFFIXES)
        if messages:
            self.load_message_file(messages[0])
            if len(messages) > 1:
                self._show_error(
                    _(
                        "Sleep één e-mail tegelijk op dit venster; de andere berichten werden niet "
                        "geladen. Op het hoofdvenster mogen het er meer zijn."
                    )
                )
        elif scans:
            self.add_scans(scans)

    def load_message_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as error:
            self._show_error(
                _("{file} kan niet gelezen worden: {reason}").format(file=path.name, reason=error.strerror or error)
            )
            return False
        try:
            message = self._intake.read(data, path.name)
        except ServiceError as error:
            self._show_error(error.message)
            return False
        return self.load_message(message)

    def load_message(self, message: IncomingMessage) -> bool:
        """Prefill the form from ``message``; False (with the reason shown) when it was dealt
        with before or the person keeps what was typed."""
        try:
            seen = self._intake.seen(message.message_id)
        except ServiceError as error:
            self._show_error(error.message)
            return False
        if seen:
            self._show_error(
                _(
                    "Dit bericht werd al geregistreerd of opzijgelegd; een bericht wordt maar één keer "
                    "geregistreerd. Zoek het dossier op naam van de afzender."
                )
            )
            return False
        if self.message is None and not self.scans and self.dialog.has_unsaved_changes():
            if not self._ask_to_replace(self.dialog):
                return False
        return self.show_message(message, MessageRegistration(self._intake, message, MessageSource.FILE))

    def show_message(self, message: IncomingMessage, registration: MessageRegistration) -> bool:
        """Fill the form from ``message`` and show the notes of the intake, the files that go
        into the complaint folder and the member OCMW proposed (a dropped file, or a message
        of the mailbox: gui/intake/new_mail_dialog.py); registering goes through
        ``registration``."""
        try:
            review = self._intake.review(message)
        except ServiceError as error:
            self._show_error(error.message)
            return False
        plan = review.plan
        self.message, self.plan, self.scans = message, plan, []
        self.dialog.prefill(review.draft, registration)
        self.dialog.propose_organisation(review.organisation)
        self.dialog.setWindowTitle(
            _("Nieuwe klacht registreren uit e-mail: {subject}").format(
                subject=message.subject or _("(geen onderwerp)")
            )
        )
        self.dialog.errors.clear()
        from_mailbox = registration.source == MessageSource.IMAP
        self.panel.show_files(
            _("Uit het postvak: {subject}").format(subject=message.subject or _("(geen onderwerp)"))
            if from_mailbox
            else _("Uit de e-mail {file}").format(file=message.original_filename or _("(zonder naam)")),
            review.notes,
            [(name, len(data)) for name, data in plan.kept],
            plan.refused,
        )
        self.panel.remove_button.setVisible(not from_mailbox)  # a mailbox message registers with its message
        return True

    def add_scans(self, paths: list[Path]) -> bool:
        if self.message is not None:
            self._show_error(
                _(
                    "Deze registratie komt uit een e-mail: de bijlagen van het bericht gaan mee. Voeg een "
                    "scan na het registreren toe in de klachtenmap."
                )
            )
            return False
        problems: list[str] = []
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as error:
                problems.append(
                    _("{file} kan niet gelezen worden: {reason}").format(file=path.name, reason=error.strerror or error)
                )
                continue
            _found, problem = check_document(path.name, data)
            if problem:
                problems.append(problem)
            elif all(name != path.name for name, _data in self.scans):
                self.scans.append((path.name, data))
        if self.scans:
            current = self.dialog.draft()
            self.dialog.prefill(
                replace(current, description=replace(current.description, channel=Channel.POST)),
                ScanRegistration(self._intake, self.scans),
            )
            self.panel.show_files(_("Gescande brief (kanaal post)"), (), [(n, len(d)) for n, d in self.scans])
        if problems:
            self._show_error(" ".join(problems))
        else:
            self.dialog.errors.clear()
        return bool(self.scans) and not problems

    def remove(self) -> None:
        """Register without the dropped files: the form keeps what it shows."""
        self.message, self.plan, self.scans = None, None, []
        self.dialog.prefill(self.dialog.draft(), self._cases)
        self.dialog.setWindowTitle(self._title)
        self.panel.hide()

    def _show_error(self, text: str) -> None:
        self.dialog.errors.clear()
        self.dialog.ui.message.setText(text)
        self.dialog.ui.message.show()


def install_dialog_drop(
    dialog: NewComplaintDialog, intake: DropIntakePort | None, cases: Registrar, today: Callable[[], dt.date]
) -> DialogIntake | None:
    """Make the dialog take dropped e-mails and scans (kept as ``dialog.intake``)."""
    if intake is None:
        return None
    controller = DialogIntake(dialog, intake, cases, today)
    dialog.intake = controller  # type: ignore[attr-defined]
    return controller


class WindowDrop:
    """E-mails or scans dropped on the main window: 'Nieuwe klacht' opens, prefilled, one
    dialog per message (a person checks each before it is registered)."""

    def __init__(
        self,
        window: QWidget,
        make_dialog: Callable[[], NewComplaintDialog],
        on_registered: Callable[[CaseRecord, str], None],
    ) -> None:
        self._make_dialog = make_dialog
        self._on_registered = on_registered
        self.filter = FileDropFilter(MESSAGE_SUFFIXES + SCAN_SUFFIXES, self.drop, window)
        self.filter.watch(window)
        self.last_dialog: NewComplaintDialog | None = None

    def drop(self, paths: list[Path]) -> list[CaseRecord]:
        records: list[CaseRecord] = []
        batches: list[list[Path]] = [[p] for p in _of(paths, MESSAGE_SUFFIXES)]
        if _of(paths, SCAN_SUFFIXES):
            batches.append(_of(paths, SCAN_SUFFIXES))
        for batch in batches:
            dialog = self._make_dialog()
            self.last_dialog = dialog
            controller: DialogIntake | None = getattr(dialog, "intake", None)
            if controller is not None:
                controller.drop(batch)
            dialog.exec()
            if dialog.record is not None:
                records.append(dialog.record)
                self._on_registered(dialog.record, dialog.notice)
            dialog.deleteLater()
        return records
