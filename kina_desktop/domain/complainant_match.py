"""Is this the same complainant as in an earlier case? (Issue 7, Art. 3 'already handled'.)

A complainant is recognised by the same e-mail address, or by the same name — case, accents,
word order, commas and small typing differences aside — at an address and an e-mail address that
do not contradict it. Two people called Jan Peeters at different addresses, or with different
e-mail addresses, are two people; a name without an address on one side is still a possible
match for ``recognised`` (an oral complaint often comes without one). What a person is shown of
earlier cases (the earlier-cases panel of 'Nieuwe registratie') and the proposal 'already handled'
of Art. 3 need more (``identified``): the same e-mail address, or the same name at the same
address — never the name alone, which would show a namesake's cases (GDPR).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from kina_desktop.domain.complaint import Description
from kina_desktop.domain.text import fold
from kina_desktop.i18n import _

# Names this similar (after folding and sorting the words) count as the same complainant.
NAME_SIMILARITY_THRESHOLD = 0.9
# Streets this similar (folded, "Kerkstr. 12" against "Kerkstraat 12") count as the same street.
STREET_SIMILARITY_THRESHOLD = 0.8

_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Complainant:
    """What identifies a complainant in a registration."""

    name: str = ""
    email: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""  # not used to recognise anyone; the form fills it in with the rest

    @classmethod
    def of(cls, desc: Description) -> Complainant:
        return cls(
            name=desc.complainant_name,
            email=desc.complainant_email,
            street=desc.complainant_street,
            postal_code=desc.complainant_postal_code,
            city=desc.complainant_city,
            phone=desc.complainant_phone,
        )

    @property
    def has_address(self) -> bool:
        return bool(self.street.strip() and (self.postal_code.strip() or self.city.strip()))

    @property
    def identifiable(self) -> bool:
        """Enough to look for earlier cases: an e-mail address or a name."""
        return bool(email_key(self.email) or name_key(self.name))


def name_key(name: str) -> str:
    """The name folded, its words sorted: 'PEETERS, Jän' and 'Jan Peeters' give 'jan peeters'."""
    return " ".join(sorted(_WORD.findall(fold(name))))


def email_key(email: str) -> str:
    return fold(email).strip()


def names_alike(a: str, b: str) -> str | None:
    """'zelfde naam', 'bijna dezelfde naam' (a typing difference), or None."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return None
    if ka == kb:
        return _("zelfde naam")
    if SequenceMatcher(None, ka, kb).ratio() >= NAME_SIMILARITY_THRESHOLD:
        return _("bijna dezelfde naam")
    return None


def same_address(a: Complainant, b: Complainant) -> bool | None:
    """True for the same address, False for a different one, None when one side has none."""
    if not a.has_address or not b.has_address:
        return None
    pa, pb = fold(a.postal_code).replace(" ", ""), fold(b.postal_code).replace(" ", "")
    if pa and pb:
        if pa != pb:
            return False
    elif fold(a.city) != fold(b.city):
        return False
    sa, sb = fold(a.street), fold(b.street)
    if _NUMBER.findall(sa) != _NUMBER.findall(sb):  # Kerkstraat 12 is not Kerkstraat 21
        return False
    return SequenceMatcher(None, sa, sb).ratio() >= STREET_SIMILARITY_THRESHOLD


def recognised(new: Complainant, earlier: Complainant) -> str | None:
    """Why ``earlier`` is the same complainant as ``new`` (Dutch, for the person who judges
    it), or None when it is somebody else."""
    ea = email_key(new.email)
    if ea and ea == email_key(earlier.email):
        return _("zelfde e-mailadres")
    name = names_alike(new.name, earlier.name)
    if name is None:
        return None
    address = same_address(new, earlier)
    if address is False:
        return None
    if address is True:
        return _("{name} en adres").format(name=name)
    # Evidence against a namesake: both gave an e-mail address, and not the same one.
    eb = email_key(earlier.email)
    if ea and eb and ea != eb:
        return None
    return name


def identified(new: Complainant, earlier: Complainant) -> str | None:
    """``recognised`` on evidence beyond the name: the same e-mail address, or the same name at
    the same address. What a proposal of Art. 3 ('already handled') rests on: a namesake never
    gets it on the name alone (GDPR: the earlier case is another person's)."""
    ea = email_key(new.email)
    if ea and ea == email_key(earlier.email):
        return _("zelfde e-mailadres")
    if names_alike(new.name, earlier.name) is not None and same_address(new, earlier) is True:
        return recognised(new, earlier)
    return None


__all__ = ["Complainant", "email_key", "identified", "name_key", "names_alike", "recognised", "same_address"]
