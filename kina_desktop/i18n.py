"""Translation of user-facing text.

The source language of every message is Dutch (nl_BE): KINA's team works in Dutch, so the
msgids are the Dutch text itself and the program is complete in Dutch without any catalog.
Second languages (French, English) are gettext catalogs under ``kina_desktop/locale`` built
with Babel. This module is plain standard library so that every layer, the domain included,
may use it.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "kina"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "nl"
# The languages of the interface; Dutch needs no catalog. English is British English.
LANGUAGES = ("nl", "fr", "en")
BABEL_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Switch the language of every later message; Dutch needs no catalog."""
    global _translation, _language
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _translation = _catalog(_language)


def _catalog(language: str) -> gettext.NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True)


def language() -> str:
    return _language


def babel_locale() -> str:
    """The Babel locale for dates and numbers in the current language."""
    return BABEL_LOCALES.get(_language, BABEL_LOCALES[DEFAULT_LANGUAGE])


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def gettext_in(language: str, message: str) -> str:
    """``message`` in ``language`` whatever the current language is (a notice in the language
    just chosen, before it applies)."""
    return _catalog(language if language in LANGUAGES else DEFAULT_LANGUAGE).gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (labels in tables)."""
    return message
