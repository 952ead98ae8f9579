"""The language of the interface: a personal setting (QSettings), applied once at start.

Dutch is the default and the source language. French and English come from the gettext
catalogs (kina_desktop/locale); Qt's own texts (the buttons of message boxes, the file dialog,
context menus) from the ``qtbase_<language>.qm`` files PySide6 ships; the Designer forms through
GettextTranslator. Everything is applied before the first widget is made, so a change of language
takes effect at the next start. The language of letters is chosen per complainant, not here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kina_desktop import i18n
from kina_desktop.gui.shell.gettext_translator import GettextTranslator

LANGUAGE_KEY = "interface/language"
# Each language by its own name: someone who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}
QT_LOCALES = {
    "nl": (QLocale.Language.Dutch, QLocale.Country.Belgium),
    "fr": (QLocale.Language.French, QLocale.Country.Belgium),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

_installed: list[QTranslator] = []


def saved_language(settings: QSettings) -> str:
    """The person's choice, Dutch when there is none (or an unknown one)."""
    value = settings.value(LANGUAGE_KEY, i18n.DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def save_language(settings: QSettings, language: str) -> None:
    if language not in i18n.LANGUAGES:
        raise ValueError(language)
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def install_language(app: QCoreApplication, language: str, form_contexts: frozenset[str]) -> str:
    """Switch gettext, Qt's default locale and the translators of ``app`` to ``language``
    (replacing those of an earlier call); returns the language applied."""
    i18n.set_language(language)
    applied = i18n.language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(*QT_LOCALES[applied]))
    qt_translator = QTranslator(app)
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{applied}", translations):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    forms = GettextTranslator(form_contexts, app)
    app.installTranslator(forms)
    _installed.append(forms)
    return applied
