"""The fixed words around a letter's body, in the language of the letter.

A letter goes out in the complainant's language where a template exists (Dutch by default),
whatever language the program's own window is in. So these words are chosen by the letter's
language, not through gettext (``_()`` follows the user interface): the Dutch letter of a user
who works in French must still say "Ons kenmerk". The body of each letter is its template
(resources/letters/<language>/<kind>.txt), which the administrator can edit.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date

from kina_desktop.domain.enums import Channel, Verdict, _Labelled
from kina_desktop.i18n import DOMAIN, LOCALE_DIR

DEFAULT_LANGUAGE = "nl"


@dataclass(frozen=True)
class LetterWording:
    locale: str  # Babel locale for dates in the letter
    place_and_date: str  # "{place}, {date}"
    our_reference: str
    contact_person: str
    phone: str
    email: str
    salutation: str  # when the complainant's title is not known
    closing: str
    confidential: str
    page_of: str  # "{page}" of "{pages}", only from a letter's second page on
    phone_word: str  # in running text: "telefoon 03 ..."
    email_word: str
    or_word: str
    channels: dict[Channel, str]  # "Op 2 maart meldde u ons {telefonisch} een klacht"
    verdict_meanings: dict[Verdict, str]  # Art. 6: what founded, unfounded, undetermined mean
    language: str = "nl"

    def date(self, day: dt.date) -> str:
        return format_date(day, format="long", locale=self.locale)

    def dated(self, place: str, day: dt.date) -> str:
        return self.place_and_date.format(place=place, date=self.date(day))

    def page(self, page: int, pages: int) -> str:
        return self.page_of.format(page=page, pages=pages)


WORDING: dict[str, LetterWording] = {
    "nl": LetterWording(
        locale="nl_BE",
        place_and_date="{place}, {date}",
        our_reference="Ons kenmerk",
        contact_person="Contactpersoon",
        phone="Telefoon",
        email="E-mail",
        salutation="Geachte mevrouw, geachte heer,",
        closing="Met vriendelijke groeten",
        confidential="Persoonlijk en vertrouwelijk",
        page_of="Pagina {page} van {pages}",
        phone_word="telefoon",
        email_word="e-mail",
        or_word="of",
        channels={
            Channel.POST: "per post",
            Channel.EMAIL: "per e-mail",
            Channel.WEB_FORM: "via het contactformulier op onze website",
            Channel.PHONE: "telefonisch",
            Channel.DESK: "aan het onthaal",
        },
        verdict_meanings={
            Verdict.FOUNDED: "Dat betekent dat u gelijk hebt.",
            Verdict.UNFOUNDED: "Dat betekent dat wij u geen gelijk kunnen geven.",
            Verdict.UNDETERMINED: "Dat betekent dat wij niet kunnen bepalen wie gelijk heeft.",
        },
        language="nl",
    ),
    "fr": LetterWording(
        locale="fr_BE",
        place_and_date="{place}, le {date}",
        our_reference="Notre référence",
        contact_person="Personne de contact",
        phone="Téléphone",
        email="E-mail",
        salutation="Madame, Monsieur,",
        closing="Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
        confidential="Personnel et confidentiel",
        page_of="Page {page} sur {pages}",
        phone_word="téléphone",
        email_word="e-mail",
        or_word="ou",
        channels={
            Channel.POST: "par courrier",
            Channel.EMAIL: "par e-mail",
            Channel.WEB_FORM: "via le formulaire de contact de notre site web",
            Channel.PHONE: "par téléphone",
            Channel.DESK: "à l’accueil",
        },
        verdict_meanings={
            Verdict.FOUNDED: "Cela signifie que vous avez raison.",
            Verdict.UNFOUNDED: "Cela signifie que nous ne pouvons pas vous donner raison.",
            Verdict.UNDETERMINED: "Cela signifie que nous ne pouvons pas déterminer qui a raison.",
        },
        language="fr",
    ),
    "en": LetterWording(
        locale="en_GB",
        place_and_date="{place}, {date}",
        our_reference="Our reference",
        contact_person="Contact person",
        phone="Phone",
        email="Email",
        salutation="Dear Sir or Madam,",
        closing="Yours faithfully,",
        confidential="Personal and confidential",
        page_of="Page {page} of {pages}",
        phone_word="phone",
        email_word="email",
        or_word="or",
        channels={
            Channel.POST: "by post",
            Channel.EMAIL: "by email",
            Channel.WEB_FORM: "through the contact form on our website",
            Channel.PHONE: "by phone",
            Channel.DESK: "at our reception desk",
        },
        verdict_meanings={
            Verdict.FOUNDED: "This means that you are right.",
            Verdict.UNFOUNDED: "This means that we cannot agree with you.",
            Verdict.UNDETERMINED: "This means that we cannot determine who is right.",
        },
        language="en",
    ),
}


def wording_for(language: str) -> LetterWording:
    """The wording of a language; Dutch for a language the letters do not know."""
    return WORDING.get((language or DEFAULT_LANGUAGE).lower()[:2], WORDING[DEFAULT_LANGUAGE])


@lru_cache(maxsize=8)
def _catalog(language: str) -> gettext.NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()  # the msgids are Dutch
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True)


def in_letter_language(msgid: str, language: str) -> str:
    """A message of the program's catalog (a label, the Art. 7 privacy text) in the letter's
    language rather than the user interface's; the Dutch msgid where no catalog has it."""
    return _catalog((language or DEFAULT_LANGUAGE).lower()[:2]).gettext(msgid)


def label_in(member: _Labelled, language: str) -> str:
    """The label of an enum member (a verdict, a ground) in the letter's language."""
    return in_letter_language(type(member)._labels()[member.value], language)
