"""Beheer → Briefsjablonen: the administrator edits the text of each letter kind, per language.

The first line is the subject, an empty line starts a paragraph, named fields such as
``{tracking_number}`` are filled in from the case (the list beside the text says what each one
means). 'Controleren' shows every problem the service finds (a misspelt field comes with a
suggestion), 'Opslaan' stores nothing while there are any, and 'Standaardtekst terugzetten'
brings back the shipped text after a confirmation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.admin.settings_page import PageDialog
from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_save
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.field_errors import ERROR_STYLE, OK_STYLE
from kina_desktop.gui.letters.placeholder_list import PlaceholderList
from kina_desktop.i18n import N_, _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.admin.settings_ports import TemplateAdmin

LANGUAGE_NAMES = {"nl": N_("Nederlands"), "fr": N_("Frans"), "en": N_("Engels")}
_FIELD = re.compile(r"\{[^{}\n]*\}")


def language_name(code: str) -> str:
    return _(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code


class TemplatePage(QWidget):
    """The letter kind and language, the text and its fields, Controleren and Standaardtekst
    terugzetten: Beheer → Briefsjablonen… and its page in Beheer → Instellingen…."""

    def __init__(self, templates: TemplateAdmin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_page")
        self.on_change: Callable[[], None] = lambda: None
        self._service = templates
        self._kind = LetterKind.ACKNOWLEDGEMENT
        self._language = "nl"
        self._saved_text = ""

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("letter_kind")
        self.kind_combo.setAccessibleName(_("Brief"))
        for kind in LetterKind:
            self.kind_combo.addItem(f"{kind.label()} ({kind.article})", kind.value)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language")
        self.language_combo.setAccessibleName(_("Taal"))
        self.language_combo.setMinimumWidth(130)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("template_text")
        self.editor.setAccessibleName(_("Tekst van de brief"))
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.fields = PlaceholderList(self.insert_placeholder, self)
        self.fields.setObjectName("placeholders")
        self.insert_button = QPushButton(_("Invoegen"), self)
        hint = QLabel(
            _(
                "De eerste regel is het onderwerp (‘Onderwerp: …’). Een lege regel begint een nieuwe "
                "alinea, een regel die met ‘- ’ begint is een opsomming."
            ),
            self,
        )
        hint.setWordWrap(True)
        fields_hint = QLabel(_("Velden: dubbelklik om in te voegen."), self)
        fields_hint.setWordWrap(True)

        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(_("Controleren"), self)
        self.reset_button = QPushButton(_("Standaardtekst terugzetten…"), self)
        for button in (self.insert_button, self.check_button, self.reset_button):
            button.setAutoDefault(False)

        self._lay_out(hint, fields_hint)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_index)
        self.language_combo.currentIndexChanged.connect(self._on_language_index)
        self.editor.textChanged.connect(self._on_text_changed)
        self.insert_button.clicked.connect(self._on_insert_clicked)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self._load(self._kind, self._language)

    def _lay_out(self, hint: QLabel, fields_hint: QLabel) -> None:
        choose = QHBoxLayout()
        choose.addWidget(QLabel(_("Brief"), self))
        choose.addWidget(self.kind_combo, 1)
        choose.addSpacing(12)
        choose.addWidget(QLabel(_("Taal"), self))
        choose.addWidget(self.language_combo)

        text_side = QWidget(self)
        text_layout = QVBoxLayout(text_side)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(hint)
        text_layout.addWidget(self.editor, 1)
        fields_side = QWidget(self)
        fields_layout = QVBoxLayout(fields_side)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(fields_hint)
        fields_layout.addWidget(self.fields, 1)
        fields_layout.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignRight)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(text_side)
        self.splitter.addWidget(fields_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 320])

        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choose)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    # -- which template --------------------------------------------------------------------------

    @property
    def kind(self) -> LetterKind:
        return self._kind

    @property
    def language(self) -> str:
        return self._language

    def text(self) -> str:
        return self.editor.toPlainText()

    def is_modified(self) -> bool:
        return self.text() != self._saved_text

    def choose(self, kind: LetterKind, language: str = "nl") -> bool:
        """Show the template of ``kind`` in ``language`` (Dutch when that kind has no text in it);
        asks first about unsaved changes. False when the person stayed with the current one."""
        if (kind, language) == (self._kind, self._language):
            return True
        if self.is_modified():
            answer = ask_to_save(self)
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.save()):
                self._show_choice()
                return False
        try:
            self._load(kind, language)
        except ServiceError as error:
            self._show_choice()
            self._show_problems([error.message])
            return False
        return True

    def _load(self, kind: LetterKind, language: str) -> None:
        languages = self._service.template_languages(kind) or ("nl",)
        if language not in languages:
            language = languages[0]
        text = self._service.template(kind, language)
        fields = self._service.template_fields(kind)
        self._kind, self._language, self._saved_text = kind, language, text
        self._show_choice(languages)
        self.fields.set_fields(fields)
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self._clear_problems()

    def _show_choice(self, languages: Sequence[str] | None = None) -> None:
        """The combo boxes show the template on screen (without reacting to themselves)."""
        for combo in (self.kind_combo, self.language_combo):
            combo.blockSignals(True)
        try:
            if languages is not None:
                self.language_combo.clear()
                for code in languages:
                    self.language_combo.addItem(language_name(code), code)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(self._kind.value))
            self.language_combo.setCurrentIndex(self.language_combo.findData(self._language))
        finally:
            for combo in (self.kind_combo, self.language_combo):
                combo.blockSignals(False)
        self.language_combo.setEnabled(self.language_combo.count() > 1)

    def _on_kind_index(self, index: int) -> None:
        self.choose(LetterKind(self.kind_combo.itemData(index)), self._language)

    def _on_language_index(self, index: int) -> None:
        self.choose(self._kind, str(self.language_combo.itemData(index)))

    # -- editing ---------------------------------------------------------------------------------

    def insert_placeholder(self, placeholder: str) -> None:
        self.editor.insertPlainText(placeholder)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_insert_clicked(self) -> None:
        self.fields.insert_current()

    def _on_text_changed(self) -> None:
        self.on_change()

    # -- problems --------------------------------------------------------------------------------

    def check(self) -> list[str]:
        """'Controleren': every problem of the text on screen, shown in red (or 'Geen problemen')."""
        try:
            problems = self._service.check_template(self._kind, self.text())
        except ServiceError as error:
            problems = [error.message]
        if problems:
            self._show_problems(problems, heading=_("Dit moet nog anders:"))
        else:
            self._show_ok(_("Geen problemen: deze tekst kan gebruikt worden."))
        return problems

    def _on_check_clicked(self) -> None:
        self.check()

    def _show_problems(self, problems: Sequence[str], heading: str = "") -> None:
        self.problems.setStyleSheet(ERROR_STYLE)
        lines = [f"• {p}" for p in problems] if len(problems) > 1 or heading else list(problems)
        self.problems.setText("\n".join([heading, *lines] if heading else lines))
        self._mark_fields(problems)

    def _show_refusal(self, error: ServiceError) -> None:
        """A refusal of the service: its first line as the heading, its "- " lines as problems."""
        first, *rest = error.message.splitlines() or [""]
        if rest and all(line.startswith("- ") for line in rest):
            self._show_problems([line[2:] for line in rest], heading=first)
        else:
            self._show_problems([error.message])

    def _show_ok(self, text: str) -> None:
        self.problems.setStyleSheet(OK_STYLE)
        self.problems.setText(text)
        self._mark_fields([])

    def _clear_problems(self) -> None:
        self.problems.clear()
        self._mark_fields([])

    def _mark_fields(self, problems: Sequence[str]) -> None:
        """Underline in the text each field a problem names (a misspelt one, one that does not
        belong in this letter)."""
        named = " ".join(problems)
        marks: list[QTextEdit.ExtraSelection] = []
        text = self.text()
        for match in _FIELD.finditer(text):
            if match.group(0) not in named:
                continue
            mark = QTextEdit.ExtraSelection()
            look = QTextCharFormat()
            look.setBackground(QColor("#fde0dc"))
            look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            look.setUnderlineColor(QColor("#b3261e"))
            mark.format = look
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(match.start())
            cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            marks.append(mark)
        self.editor.setExtraSelections(marks)

    def marked_fields(self) -> list[str]:
        """The fields underlined as wrong (for tests)."""
        return [mark.cursor.selectedText() for mark in self.editor.extraSelections()]

    # -- saving, resetting -----------------------------------------------------------------------

    def save(self) -> bool:
        """'Opslaan': nothing is stored while the text has problems; they are shown instead."""
        text = self.text()
        try:
            self._service.set_template(self._kind, text, self._language)
        except ServiceError as error:
            self._show_refusal(error)
            return False
        self._saved_text = text
        self.editor.document().setModified(False)
        self._on_text_changed()
        self._show_ok(_("Opgeslagen. Vanaf nu gebruikt elke pc deze tekst."))
        return True

    def reset(self) -> bool:
        """'Standaardtekst terugzetten…' after a confirmation; False when cancelled or refused."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Standaardtekst terugzetten"))
        box.setText(
            _("De standaardtekst van ‘{letter}’ ({language}) terugzetten?").format(
                letter=self._kind.label(), language=language_name(self._language).lower()
            )
        )
        box.setInformativeText(_("De aangepaste tekst gaat verloren, ook wat u hier nog niet opsloeg."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Terugzetten"))
        box.button(QMessageBox.StandardButton.Cancel).setText(_("Annuleren"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._service.reset_template(self._kind, self._language)
            self._load(self._kind, self._language)
        except ServiceError as error:
            self._show_problems([error.message])
            return False
        self._show_ok(_("De standaardtekst staat terug."))
        return True

    def _on_reset_clicked(self) -> None:
        self.reset()


class TemplateEditor(PageDialog):
    """Beheer → Briefsjablonen…: the page on its own; Opslaan keeps it open."""

    def __init__(self, templates: TemplateAdmin, parent: QWidget | None = None) -> None:
        super().__init__(
            TemplatePage(templates),
            _("Briefsjablonen"),
            "template_editor",
            parent,
            close_on_save=False,
            save_when_modified=True,
        )
        resize_within_screen(self, 1040, 660, margin=SCREEN_MARGIN)  # a small or magnified screen too
