"""The case editor's 'Brieven' menu: each letter the case may get now, with 'Voorbeeld' (a window
of the program, gui/letters/letter_preview.py), 'Afdrukken…', 'Opslaan als PDF…' and, with a mail
server, 'Mailen naar de klager'. Built again each time it opens, so it follows the case
(a letter that went out shows its date beside its name)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.letters import LetterKind
    from kina_desktop.gui.letters.case_letters import CaseLetters

PRINT_SHORTCUT = QKeySequence("Ctrl+P")


class LettersMenu(QMenu):
    def __init__(self, letters: CaseLetters, parent: QWidget | None = None) -> None:
        super().__init__(_("Brieven"), parent)
        self.setObjectName("letters_menu")
        self.setToolTipsVisible(True)
        self._letters = letters
        self._submenus: list[QMenu] = []
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        self.clear()
        for old in self._submenus:  # clear() leaves the submenus themselves alive
            old.setParent(None)
            old.deleteLater()
        self._submenus = []
        allowed = self._letters.allowed()
        if not allowed:
            none = self.addAction(self._letters.why_none() or _("Geen brieven voor dit dossier"))
            none.setObjectName("no_letters")
            none.setEnabled(False)
            return
        produced = self._letters.produced()
        withdrawable = self._letters.withdrawable()
        likely = self._letters.likely()
        for kind in allowed:
            sent = self._letters.produced_text(kind, produced)
            submenu = self.addMenu(f"{kind.label()}\t{sent}" if sent else kind.label())
            submenu.setObjectName(f"letter_{kind.value}")
            self._submenus.append(submenu)
            submenu.setToolTipsVisible(True)
            self._add(
                submenu,
                "edit",
                _("Bewerken…"),
                _("De brief voor deze klager aanpassen, bekijken en van daaruit versturen; de vaste teksten blijven"),
                self._letters.edit,
                kind,
            )
            self._add(
                submenu,
                "preview",
                _("Voorbeeld"),
                _("De brief bekijken, en van daaruit afdrukken, bewaren of mailen; bekijken legt niets vast"),
                self._letters.preview,
                kind,
            )
            printing = self._add(
                submenu,
                "print",
                _("Afdrukken…"),
                _("Afdrukken en vastleggen in het dossier en de klachtenmap"),
                self._letters.print_letter,
                kind,
            )
            if kind == likely:
                printing.setText(
                    f"{printing.text()}\t{PRINT_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)}"
                )
            self._add(
                submenu,
                "save",
                _("Opslaan als PDF…"),
                _(
                    "Als PDF bewaren (om bij een antwoord per e-mail te voegen); daarna kiest u of de brief als verstuurd wordt vastgelegd"
                ),
                self._letters.save_letter,
                kind,
            )
            if self._letters.can_mail():
                self._add(
                    submenu,
                    "mail",
                    _("Mailen naar de klager"),
                    _("Met de PDF als bijlage naar het e-mailadres van de klager sturen en vastleggen"),
                    self._letters.mail_letter,
                    kind,
                )
            if kind in withdrawable:
                submenu.addSeparator()
                self._add(
                    submenu,
                    "withdraw",
                    _("Intrekken…"),
                    _(
                        "De brief van vandaag die toch niet vertrok intrekken, met de reden; de geschiedenis bewaart beide"
                    ),
                    self._letters.withdraw,
                    kind,
                )
            refusal = self._letters.refusal(kind)
            if refusal:  # sending would record a step this person may not take: only looking
                for action in submenu.actions():
                    if action.isSeparator() or action.objectName().startswith(("edit_", "preview_", "withdraw_")):
                        continue
                    action.setEnabled(False)
                    action.setToolTip(refusal)
                note = submenu.addAction(refusal)
                note.setObjectName(f"refusal_{kind.value}")
                note.setEnabled(False)

    @staticmethod
    def _add(
        menu: QMenu, name: str, text: str, tip: str, do: Callable[[LetterKind], object], kind: LetterKind
    ) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(f"{name}_{kind.value}")
        action.setToolTip(tip)

        def triggered(*_args: object) -> None:
            do(kind)

        action.triggered.connect(triggered)
        return action

    def make_button(self, parent: QWidget) -> QPushButton:
        """'Brieven' with this menu."""
        button = QPushButton(_("&Brieven"), parent)  # Alt+B opens the menu
        button.setObjectName("letters_button")
        button.setToolTip(_("Brieven aan de klager: voorbeeld, afdrukken (Ctrl+P) of opslaan als PDF"))
        button.setAutoDefault(False)
        button.setMenu(self)
        return button

    def action(self, name: str, kind: LetterKind) -> QAction | None:
        """The action ``preview``, ``print`` or ``save`` of ``kind`` as the menu shows it now
        (for tests)."""
        self.rebuild()
        return self.findChild(QAction, f"{name}_{kind.value}")

    def letter_titles(self) -> list[str]:
        """The entries as the menu shows them now (for tests)."""
        self.rebuild()
        return [a.text() for a in self.actions()]
