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

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Switch the language of every later message; Dutch needs no catalog."""
    global _translation, _language
    _language = language or DEFAULT_LANGUAGE
    if _language == DEFAULT_LANGUAGE:
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(
            DOMAIN, localedir=str(LOCALE_DIR), languages=[_language], fallback=True
        )


def language() -> str:
    return _language


def babel_locale() -> str:
    """The Babel locale for dates and numbers in the current language."""
    return {"nl": "nl_BE", "fr": "fr_BE", "en": "en"}.get(_language, "nl_BE")


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (labels in tables)."""
    return message
