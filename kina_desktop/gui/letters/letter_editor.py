"""The letter editor: one letter of one case, the template filled in, as text a person changes
before it goes out (docs/letters.md, "The letter editor").

What the reglement prescribes (the 30-day aim of Art. 5, the privacy sentence of Art. 7) and the
frame of the letter (letterhead, address, reference, date, salutation, closing, signature) are
shown but cannot be changed: they are not in the edits at all, the letter service fills them in
again each time (reports/letter_text.py ``apply_edits``). The rest is rich text: paragraphs, bold
(Ctrl+B), italic (Ctrl+I) and bulleted lists (Ctrl+Shift+O). While a person types, the letter
service checks the text for a staff member's name (Art. 6-7) and the address for bpost's window.
*Voorbeeld…* (Ctrl+Enter) shows the edited letter in the preview window, from which it is printed,
saved or mailed; the letter is recorded only then, with the edited text.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_save, ask_yes_no
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.field_errors import ERROR_STYLE
from kina_desktop.gui.common.formatting import short_datetime
from kina_desktop.gui.letters.letter_document import document_text, fill_document
from kina_desktop.i18n import _
from kina_desktop.reports.letter_text import LetterEdits, LetterSection, edits_of, plain
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.domain.letters import LetterKind
    from kina_desktop.gui.common.ports import LetterPort
    from kina_desktop.reports.letter_content import LetterContent
    from kina_desktop.services.letters.results import SavedDraft

WARNING_STYLE = "color: #7a4a00; background: #fff4d6; padding: 4px;"
FIXED_STYLE = "QFrame#fixed_section { background: #eeeeee; border-left: 3px solid #8a8a8a; }"
CHECK_DELAY_MS = 400  # the warnings are checked this long after the last key press
# Opens the preview of the edited letter; the preview window, or None when it could not be made.
OpenPreview = Callable[["LetterEdits"], "QWidget | None"]


def _html_lines(text: str) -> str:
    return "<br/>".join(escape(line) for line in plain(text).split("\n"))


class SectionEdit(QTextEdit):
    """One part of the letter a person writes: as tall as its text, Tab leaves it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)  # pasted text keeps no foreign layout; bold and lists by the buttons
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fill_document(self.document(), text)
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        return document_text(self.document())

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 4
        self.setFixedHeight(max(height, 2 * line + 12))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # a narrower editor wraps to more lines


def _fixed_section(section: LetterSection, parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName("fixed_section")
    frame.setStyleSheet(FIXED_STYLE)
    column = QVBoxLayout(frame)
    column.setContentsMargins(8, 6, 8, 6)
    caption = QLabel(_("Vaste tekst, niet te wijzigen: {why}").format(why=section.fixed_by), frame)
    caption.setObjectName("fixed_caption")
    caption.setWordWrap(True)
    font = caption.font()
    font.setItalic(True)
    caption.setFont(font)
    text = QLabel(_html_lines(section.text), frame)
    text.setObjectName("fixed_text")
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setAccessibleName(_("Vaste tekst"))
    text.setAccessibleDescription(section.fixed_by)
    column.addWidget(caption)
    column.addWidget(text)
    return frame


class LetterEditor(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        letters: LetterPort,
        record: CaseRecord,
        kind: LetterKind,
        content: LetterContent,
        *,
        open_preview: OpenPreview,
        address_notice: str = "",
        saved: SavedDraft | None = None,
    ) -> None:
        """``content``: the letter as the template makes it; ``saved``: the draft kept on the
        case, which the editor opens with."""
        super().__init__(parent)
        self.setObjectName("letter_editor")
        self.setWindowTitle(
            _("Brief bewerken: {letter} – dossier {number}").format(letter=kind.label(), number=record.tracking_number)
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)  # the case cannot change under it
        self._letters = letters
        self._case_id = record.header.id
        self._kind = kind
        self._open_preview = open_preview
        self._template = edits_of(content.subject, content.sections)
        self._initial = self._template  # what is stored: the draft, or the template's text
        self.sent = False
        self.section_edits: list[SectionEdit] = []
        self._current: SectionEdit | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self._frame_label(content))
        self.address_notice = QLabel(address_notice, self)
        self.address_notice.setObjectName("address_notice")
        self.address_notice.setWordWrap(True)
        self.address_notice.setStyleSheet(WARNING_STYLE)
        self.address_notice.setVisible(bool(address_notice))
        layout.addWidget(self.address_notice)
        layout.addLayout(self._tool_row())

        subject_row = QHBoxLayout()
        subject_label = QLabel(_("&Onderwerp:"), self)
        self.subject = QLineEdit(content.subject, self)
        self.subject.setObjectName("letter_subject")
        subject_label.setBuddy(self.subject)
        subject_row.addWidget(subject_label)
        subject_row.addWidget(self.subject, 1)
        layout.addLayout(subject_row)

        self.body = QScrollArea(self)
        self.body.setObjectName("letter_body")
        self.body.setWidgetResizable(True)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sheet = QWidget()
        column = QVBoxLayout(sheet)
        column.addWidget(QLabel(escape(content.salutation), sheet))
        for section in content.sections:
            if section.editable:
                edit = SectionEdit(section.text, sheet)
                edit.setObjectName(f"section_{len(self.section_edits)}")
                edit.setAccessibleName(_("Tekst van de brief, deel {n}").format(n=len(self.section_edits) + 1))
                edit.textChanged.connect(self._edited)
                edit.cursorPositionChanged.connect(lambda e=edit: self._focused(e))
                self.section_edits.append(edit)
                column.addWidget(edit)
            else:
                column.addWidget(_fixed_section(section, sheet))
        closing = QLabel(
            _html_lines("\n".join((content.closing, "", content.signature_name, content.signature_function))), sheet
        )
        closing.setObjectName("letter_closing")
        column.addWidget(closing)
        column.addStretch(1)
        self.body.setWidget(sheet)
        layout.addWidget(self.body, 1)

        self.warnings = QLabel("", self)
        self.warnings.setObjectName("letter_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        layout.addWidget(self.warnings)
        self.problem = QLabel("", self)
        self.problem.setObjectName("letter_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addLayout(self._button_row())

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        self.subject.textEdited.connect(self._edited)
        self.draft_note = QLabel("", self)
        self.draft_note.setObjectName("draft_note")
        self.draft_note.setWordWrap(True)
        layout.insertWidget(1, self.draft_note)
        self.draft_note.hide()
        if saved is not None:
            self._open_draft(saved)
        self.check()
        resize_within_screen(self, 820, 900, margin=SCREEN_MARGIN)
        if self.section_edits:
            self.section_edits[0].setFocus()

    # -- the parts of the window -----------------------------------------------------------------

    def _frame_label(self, content: LetterContent) -> QLabel:
        """What the letter prints around the text: who it goes to, the reference, the date."""
        to = "<br/>".join(escape(line) for line in (content.recipient_name, *content.recipient_address_lines) if line)
        rows = [
            (_("Aan"), to),
            (_("Ons kenmerk"), escape(content.tracking_number)),
            (_("Datum"), escape(content.place_and_date)),
        ]
        if content.confidential:
            rows.append(("", "<b>" + escape(content.wording.confidential) + "</b>"))
        html = "<table cellspacing='2'>" + "".join(
            f"<tr><td style='color:#555555; padding-right:8px'>{label}</td><td>{value}</td></tr>"
            for label, value in rows
        )
        label = QLabel(html + "</table>", self)
        label.setObjectName("letter_frame")
        label.setToolTip(_("Het briefhoofd, het adres, het kenmerk en de datum drukt het programma zelf af."))
        return label

    def _tool_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.bold_button = self._tool(row, "bold", _("&Vet"), "Ctrl+B", self._toggle_bold)
        self.italic_button = self._tool(row, "italic", _("C&ursief"), "Ctrl+I", self._toggle_italic)
        self.list_button = self._tool(row, "bullets", _("O&psomming"), "Ctrl+Shift+O", self._toggle_list)
        font = self.bold_button.font()
        font.setBold(True)
        self.bold_button.setFont(font)
        font = self.italic_button.font()
        font.setItalic(True)
        self.italic_button.setFont(font)
        row.addStretch(1)
        self.reset_button = QPushButton(_("&Standaardtekst"), self)
        self.reset_button.setObjectName("letter_reset")
        self.reset_button.setToolTip(_("De tekst van de brief terugzetten zoals de brieftekst hem maakt"))
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset_to_template)
        row.addWidget(self.reset_button)
        return row

    def _tool(self, row: QHBoxLayout, name: str, text: str, keys: str, do: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"letter_{name}")
        shortcut = QKeySequence(keys)
        button.setToolTip(f"{text.replace('&', '')} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(do)
        QShortcut(shortcut, self, do)
        row.addWidget(button)
        return button

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.preview_button = QPushButton(_("Voo&rbeeld…"), self)
        self.preview_button.setObjectName("letter_preview_button")
        self.preview_button.setToolTip(
            _("De bewerkte brief bekijken, en van daaruit afdrukken, bewaren of mailen (Ctrl+Enter)")
        )
        self.preview_button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.preview)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.preview)
        self.save_button = QPushButton(_("Concept &bewaren"), self)
        self.save_button.setObjectName("letter_save_draft")
        self.save_button.setToolTip(
            _(
                "De brief bij het dossier bewaren om later af te werken (Ctrl+S); de reeks "
                "ontvangstbevestigingen gebruikt hem ook. De standaardtekst bewaren verwijdert het concept."
            )
        )
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_draft)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_draft)
        row.addWidget(self.save_button)
        self.close_button = QPushButton(_("Sluiten"), self)
        self.close_button.setObjectName("letter_close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.preview_button)
        row.addWidget(self.close_button)
        return row

    # -- what a person does ----------------------------------------------------------------------

    def edits(self) -> LetterEdits:
        return LetterEdits(self.subject.text(), tuple(edit.text() for edit in self.section_edits))

    def changed(self) -> bool:
        return self.edits() != self._initial

    def _focused(self, edit: SectionEdit) -> None:
        self._current = edit

    def _target(self) -> SectionEdit | None:
        focus = self.focusWidget()
        if isinstance(focus, SectionEdit):
            self._current = focus
        return self._current or (self.section_edits[0] if self.section_edits else None)

    def _toggle_bold(self) -> None:
        edit = self._target()
        if edit is None:
            return
        fmt = QTextCharFormat()
        bold = edit.fontWeight() < QFont.Weight.DemiBold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        edit.mergeCurrentCharFormat(fmt)
        edit.setFocus()

    def _toggle_italic(self) -> None:
        edit = self._target()
        if edit is None:
            return
        fmt = QTextCharFormat()
        fmt.setFontItalic(not edit.fontItalic())
        edit.mergeCurrentCharFormat(fmt)
        edit.setFocus()

    def _toggle_list(self) -> None:
        edit = self._target()
        if edit is None:
            return
        cursor = edit.textCursor()
        current = cursor.currentList()
        if current is not None:
            block = cursor.block()
            current.remove(block)
            fmt = block.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
        else:
            cursor.createList(QTextListFormat.Style.ListDisc)
        edit.setFocus()

    def reset_to_template(self) -> None:
        """The text as the template makes it (after a question when something was changed)."""
        if self.edits() != self._template and not ask_yes_no(
            self,
            _("Standaardtekst"),
            _("Uw wijzigingen in deze brief gaan verloren. De standaardtekst terugzetten?"),
            _("Terugzetten"),
            _("Verder bewerken"),
        ):
            return
        self.subject.setText(self._template.subject)
        for edit, text in zip(self.section_edits, self._template.texts, strict=True):
            fill_document(edit.document(), text)
        self.check()

    def _edited(self) -> None:
        self._check_timer.start()

    def check(self) -> bool:
        """Ask the letter service what to read over in the text as it stands now: the staff
        members it names, or why it cannot be used. True when it can be used."""
        self._check_timer.stop()
        try:
            warnings = self._letters.warnings(self._case_id, self._kind, self.edits())
        except ServiceError as error:
            self.problem.setText(error.message)
            self.problem.show()
            self.warnings.hide()
            return False
        self.problem.hide()
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        return True

    def preview(self) -> QWidget | None:
        """The edited letter in the preview window (printing, saving and mailing from there)."""
        if not self.check():
            return None
        return self._open_preview(self.edits())

    def _open_draft(self, saved: SavedDraft) -> None:
        if len(saved.edits.texts) != len(self.section_edits):
            self._show_draft_note(
                _(
                    "Het concept van {when} past niet meer bij de brieftekst, die intussen gewijzigd is: "
                    "de brief opent met de standaardtekst. Het concept blijft bewaard tot u opnieuw bewaart."
                ).format(when=short_datetime(saved.saved_at))
            )
            return
        self.subject.setText(saved.edits.subject)
        for edit, text in zip(self.section_edits, saved.edits.texts, strict=True):
            fill_document(edit.document(), text)
        self._initial = saved.edits
        self._show_draft_note(
            _("Concept van {when}, bewaard door {name}.").format(
                when=short_datetime(saved.saved_at), name=saved.saved_by_name or _("onbekend")
            )
        )

    def _show_draft_note(self, text: str) -> None:
        self.draft_note.setText(text)
        self.draft_note.show()

    def save_draft(self) -> bool:
        """Keep the letter as it stands on the case (or remove the draft when it is the
        template's text again). True when stored."""
        edits = self.edits()
        try:
            kept = self._letters.save_draft(self._case_id, self._kind, edits)
        except ServiceError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return False
        self.problem.hide()
        self._initial = edits
        self._show_draft_note(
            _("Het concept is bewaard bij het dossier.")
            if kept
            else _("Er is geen concept meer: de brief volgt de standaardtekst.")
        )
        return True

    def letter_sent(self) -> None:
        """The letter went out from the preview: the editor's work is done."""
        self.sent = True
        self.accept()

    def reject(self) -> None:
        if not self.sent and self.changed():
            answer = ask_to_save(
                self,
                save_text=_("Concept bewaren"),
                details=_("De brief is gewijzigd en nog niet verstuurd. Bewaren als concept bij het dossier?"),
            )
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.save_draft()):
                return
        super().reject()
