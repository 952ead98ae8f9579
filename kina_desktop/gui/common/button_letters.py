"""Alt letters (mnemonics) for the buttons of every dialog (EN 301 549 11.2.1.1 / WCAG 2.1.1;
docs/accessibility.md).

A button whose text was given a letter (``_("&Opslaan")``) keeps it. Any other button in a
dialog's row of buttons, or of the first-run assistant, gets the first letter of its text that no
other control of the window uses yet, when the window comes to the front: in every interface
language, from the text the person reads, and never the letter of a neighbour.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QTabWidget, QWidget, QWizard

WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)
# The text with the letter given here: while a button shows it, its letter may be given anew (to
# make way for the letter of a page shown later); once the program changed the text, it counts as new.
GIVEN = "text_with_given_letter"


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a shown ampersand), in lower case."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def with_letter(text: str, used: set[str]) -> str:
    """``text`` with '&' before the first letter not in ``used``: a word's first letter if one is
    free, else any letter or digit; unchanged when it has an '&' already or every letter is taken."""
    if "&" in text:
        return text
    starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    for index in starts + others:
        if text[index].lower() not in used:
            return f"{text[:index]}&{text[index:]}"
    return text


def _given(button: QAbstractButton) -> bool:
    return bool(button.property(GIVEN) == button.text())


def _letters_in_use(window: QWidget) -> set[str]:
    """The letters of the window's labels, tabs and buttons, except those given here."""
    texts: list[str] = []
    for child in window.findChildren(QWidget):
        if isinstance(child, QAbstractButton) and not _given(child):
            texts.append(child.text())
        elif isinstance(child, QLabel) and child.buddy() is not None:
            texts.append(child.text())
        elif isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
    return {letter for text in texts if (letter := mnemonic(text)) is not None}


def give_letters(window: QWidget) -> None:
    """A letter of its own for every button of ``window``'s rows of buttons that has none (again
    after a page with letters of its own was shown, or after the program changed a text)."""
    used = _letters_in_use(window)
    wizard = window if isinstance(window, QWizard) else None
    rows: list[tuple[QAbstractButton, QWizard.WizardButton | None]] = [
        (button, None) for box in window.findChildren(QDialogButtonBox) for button in box.buttons()
    ]
    if wizard is not None:  # the assistant sets its buttons' texts again on every page
        rows += [(b, which) for which in WIZARD_BUTTONS if (b := wizard.button(which)) is not None]
    for button, which in rows:
        plain = button.text().replace("&", "") if _given(button) else button.text()
        lettered = with_letter(plain, used)
        used.add(mnemonic(lettered) or "")
        if lettered == button.text():
            continue
        if wizard is not None and which is not None:
            wizard.setButtonText(which, lettered)
        else:
            button.setText(lettered)
        button.setProperty(GIVEN, lettered)


def _window_of(handle: QWindow | None) -> QWidget | None:
    if handle is None:
        return None
    return next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is handle), None)


def _give_letters_to(window: QWidget | None) -> None:
    if window is not None:
        give_letters(window)


def install_button_letters(app: QGuiApplication) -> None:
    """Gives each window's buttons their letters when it comes to the front (a signal of the
    application, not a filter on every event)."""
    if app.property("button_letters"):
        return  # once per application
    app.setProperty("button_letters", True)
    app.focusWindowChanged.connect(lambda handle: _give_letters_to(_window_of(handle)))
