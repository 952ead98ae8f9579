"""Bestand → 'Ontvangstbevestigingen afdrukken…' (Ctrl+Shift+P): the acknowledgements of every
complaint received by post that still waits for one (Art. 5), in one print job or one PDF, in
tracking-number order.

First the person sees how many there are and chooses printing or a PDF file; the print dialog or
the file dialog comes next, *before* anything is recorded. The letters are then made off the GUI
thread with 'Brieven maken… 12 van 40' and Annuleren: cancelled, nothing is recorded. Printing
runs off the GUI thread too; when it fails or is stopped the letters are already recorded, so
the PDF is offered to be saved instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kina_desktop.domain.enums import Channel
from kina_desktop.gui.common.formatting import number
from kina_desktop.gui.common.icons import icon
from kina_desktop.gui.common.progress_action import ActionHost, ProgressAction
from kina_desktop.i18n import _, ngettext
from kina_desktop.reports.letter_errors import Cancelled
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:  # printing and PDF files load when the batch is first started (cold start: docs/performance.md)
    from PySide6.QtPrintSupport import QPrinter

    from kina_desktop.gui.common.background import Outcome, TaskControl, TaskRunner
    from kina_desktop.gui.common.ports import LetterPort

SHORTCUT = QKeySequence("Ctrl+Shift+P")
Buttons = QMessageBox.StandardButton


def _box(
    parent: QWidget,
    icon_: QMessageBox.Icon,
    text: str,
    informative: str = "",
    buttons: dict[QMessageBox.StandardButton, str] | None = None,
) -> QMessageBox.StandardButton:
    box = QMessageBox(parent)
    box.setIcon(icon_)
    box.setWindowTitle(_("Ontvangstbevestigingen"))
    box.setText(text)
    box.setInformativeText(informative)
    chosen = buttons or {Buttons.Ok: _("OK")}
    for button in chosen:
        box.addButton(button)
    for button, label in chosen.items():
        box.button(button).setText(label)
    first = next(iter(chosen))
    box.setDefaultButton(first)
    answer = box.exec()
    box.deleteLater()
    return Buttons(answer)


def making_text(done: int, total: int) -> str:
    if total and done >= total:  # the letters are made; now each is recorded on its case
        return _("Brieven vastleggen in de dossiers…")
    return _("Brieven maken… {done} van {total}").format(done=number(done), total=number(total))


def preview_text(done: int, total: int) -> str:
    return _("Voorbeeld maken… {done} van {total}").format(done=number(done), total=number(total))


def printing_text(done: int, total: int) -> str:
    return _("Afdrukken… pagina {done} van {total}").format(done=number(done), total=number(total))


class AcknowledgementBatch(ProgressAction):
    def __init__(self, letters: LetterPort, host: ActionHost) -> None:
        """``on_done`` gets the message for the status bar once letters were recorded."""
        super().__init__(
            host,
            text=_("Ontvangstbevestigingen af&drukken…"),
            name="print_acknowledgements",
            tip=_(
                "De ontvangstbevestigingen van de klachten die per post binnenkwamen, in één keer afdrukken of "
                "als één PDF bewaren (Ctrl+Shift+P)"
            ),
        )
        self._letters = letters
        self.preview_window: QWidget | None = None
        # renders the preview's pages; None: a thread of its own (tests hand a synchronous one)
        self.preview_runner: TaskRunner | None = None
        self.action.setIcon(icon("print-letters"))
        self.action.setShortcut(SHORTCUT)

    # -- the steps ---------------------------------------------------------------------------

    def start(self) -> None:
        """How many wait, print or PDF, the destination, then the letters (off the GUI thread)."""
        if self.progress is not None:
            return
        try:
            numbers = self._letters.acknowledgements_due(Channel.POST)
        except ServiceError as error:
            _box(self._parent, QMessageBox.Icon.Warning, error.message)
            return
        if not numbers:
            _box(
                self._parent,
                QMessageBox.Icon.Information,
                _("Er wachten geen klachten die per post binnenkwamen op hun ontvangstbevestiging."),
            )
            return
        count = len(numbers)
        answer = _box(
            self._parent,
            QMessageBox.Icon.Question,
            ngettext(
                "{n} klacht die per post binnenkwam wacht op haar ontvangstbevestiging.",
                "{n} klachten die per post binnenkwamen wachten op hun ontvangstbevestiging.",
                count,
            ).format(n=number(count)),
            _(
                "Van {first} tot {last}, in volgorde van opvolgingsnummer. Elke brief wordt vastgelegd in "
                "zijn dossier, met de datum van de ontvangstbevestiging."
            ).format(first=numbers[0], last=numbers[-1])
            if count > 1
            else _(
                "Dossier {number}. De brief wordt vastgelegd in het dossier, met de datum van de ontvangstbevestiging."
            ).format(number=numbers[0]),
            {
                Buttons.Yes: _("Afdrukken…"),
                Buttons.Save: _("Opslaan als PDF…"),
                Buttons.Open: _("Voorbeeld…"),
                Buttons.Cancel: _("Annuleren"),
            },
        )
        if answer == Buttons.Open:
            self._preview(numbers)
        elif answer in (Buttons.Yes, Buttons.Save):
            self._send(numbers, printing=answer == Buttons.Yes)

    def _send(self, numbers: list[str], *, printing: bool) -> bool:
        """The printer or the file first, then the letters made and recorded; False when the
        person closed the print or file dialog (nothing made, nothing recorded)."""
        from kina_desktop.gui.letters.pdf_output import choose_pdf_path, choose_printer

        count = len(numbers)
        name = _("Ontvangstbevestigingen {date}").format(date=self._today().isoformat())
        if printing:
            printer = choose_printer(self._parent, name)
            if printer is None:
                return False
            self._make(numbers, lambda pdf: self._print(pdf, printer, count))
            return True
        path = choose_pdf_path(self._parent, f"{name}.pdf", self._settings)
        if path is None:
            return False
        self._make(numbers, lambda pdf: self._save(pdf, path, count))
        return True

    def _preview(self, numbers: list[str]) -> None:
        """Every letter of the batch in the preview window, recording nothing; printing or
        saving from there makes and records them as the buttons of the question do."""

        def work(control: TaskControl) -> bytes:
            return self._letters.preview_acknowledgements(numbers, progress=control.report, cancelled=control.cancelled)

        def finished(outcome: Outcome[bytes]) -> None:
            if isinstance(outcome.error, Cancelled):
                return
            if isinstance(outcome.error, ServiceError):
                _box(self._parent, QMessageBox.Icon.Warning, outcome.error.message)
                return
            if outcome.error is not None:
                raise outcome.error
            assert outcome.value is not None
            self._show_preview(numbers, outcome.value)

        self._run(_("Ontvangstbevestigingen"), preview_text, _("Brieven maken…"), work, finished)

    def _show_preview(self, numbers: list[str], pdf: bytes) -> None:
        from kina_desktop.gui.letters.letter_preview import LetterPreview

        count = len(numbers)
        title = ngettext("Voorbeeld: {n} ontvangstbevestiging", "Voorbeeld: {n} ontvangstbevestigingen", count).format(
            n=number(count)
        )
        note = _("Er is nog niets vastgelegd. Afdrukken of bewaren legt elke brief vast in zijn dossier (Art. 5).")
        window = LetterPreview(self._parent, title, pdf, runner=self.preview_runner, note=note)
        window.add_button(
            "preview_print",
            _("Afdrukken…"),
            _("Afdrukken en elke brief vastleggen in zijn dossier en klachtenmap"),
            lambda: self._send(numbers, printing=True),
            needs_pages=True,
        )
        window.add_button(
            "preview_save",
            _("Opslaan als PDF…"),
            _("Als één PDF bewaren en elke brief vastleggen in zijn dossier en klachtenmap"),
            lambda: self._send(numbers, printing=False),
        )
        self.preview_window = window
        window.show()

    def _make(self, numbers: list[str], then: Callable[[bytes], None]) -> None:
        def work(control: TaskControl) -> bytes:
            return self._letters.produce_acknowledgements(numbers, progress=control.report, cancelled=control.cancelled)

        def finished(outcome: Outcome[bytes]) -> None:
            if isinstance(outcome.error, Cancelled):
                self._on_done(_("Geannuleerd: er is geen enkele ontvangstbevestiging vastgelegd."))
            elif isinstance(outcome.error, ServiceError):
                _box(
                    self._parent,
                    QMessageBox.Icon.Warning,
                    outcome.error.message,
                    _("Er is geen enkele ontvangstbevestiging vastgelegd."),
                )
            elif outcome.error is not None:
                raise outcome.error  # a programming error: logged by the exception hook
            else:
                assert outcome.value is not None
                then(outcome.value)

        self._run(_("Ontvangstbevestigingen"), making_text, _("Brieven maken…"), work, finished)

    def _print(self, pdf: bytes, printer: QPrinter, count: int) -> None:
        from kina_desktop.gui.letters.pdf_printing import print_pdf

        def work(control: TaskControl) -> int:
            return print_pdf(pdf, printer, progress=control.report, cancelled=control.cancelled)

        def finished(outcome: Outcome[int]) -> None:
            if outcome.error is not None and not isinstance(outcome.error, (OSError, RuntimeError)):
                raise outcome.error
            if outcome.value:
                self._on_done(
                    ngettext(
                        "{n} ontvangstbevestiging is afgedrukt en vastgelegd.",
                        "{n} ontvangstbevestigingen zijn afgedrukt en vastgelegd.",
                        count,
                    ).format(n=number(count))
                )
                return
            self._offer_to_save(pdf, count)

        self._run(_("Ontvangstbevestigingen"), printing_text, _("Afdrukken…"), work, finished)

    def _offer_to_save(self, pdf: bytes, count: int) -> None:
        """Printing failed or was stopped after the letters were recorded: keep the PDF."""
        answer = _box(
            self._parent,
            QMessageBox.Icon.Warning,
            _("De ontvangstbevestigingen zijn niet (volledig) afgedrukt."),
            _(
                "Ze zijn wel vastgelegd in de dossiers en staan in elke klachtenmap. Bewaar ze als PDF om ze "
                "later af te drukken."
            ),
            {Buttons.Save: _("Opslaan als PDF…"), Buttons.Close: _("Sluiten")},
        )
        if answer == Buttons.Save:
            from kina_desktop.gui.letters.pdf_output import choose_pdf_path

            name = _("Ontvangstbevestigingen {date}").format(date=self._today().isoformat())
            path = choose_pdf_path(self._parent, f"{name}.pdf", self._settings)
            if path is not None:
                self._save(pdf, path, count)
                return
        self._on_done(
            ngettext(
                "{n} ontvangstbevestiging is vastgelegd, maar niet afgedrukt.",
                "{n} ontvangstbevestigingen zijn vastgelegd, maar niet afgedrukt.",
                count,
            ).format(n=number(count))
        )

    def _save(self, pdf: bytes, path: Path, count: int) -> None:
        from kina_desktop.gui.letters.pdf_output import write_pdf

        problem = write_pdf(path, pdf)
        if problem:
            _box(self._parent, QMessageBox.Icon.Warning, problem)
            self._offer_to_save(pdf, count)
            return
        self._on_done(
            ngettext(
                "{n} ontvangstbevestiging is vastgelegd en bewaard als {path}.",
                "{n} ontvangstbevestigingen zijn vastgelegd en bewaard als {path}.",
                count,
            ).format(n=number(count), path=path)
        )
