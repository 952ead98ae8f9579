"""Which member OCMW a message that reached KINA is probably about (Art. 1 and 4: KINA works
for its member OCMWs; the complaint form asks for the 'Betrokken OCMW of dienst').

A message from a member OCMW's own domain (``jan@ocmw-schoten.be``) or with its name in the
signature ("Maatschappelijk werker, OCMW Schoten") proposes that OCMW. It stays a *proposal*:
the intake shows it for a person to confirm and never stores it silently.

Matching is on whole words, accents and case folded (domain/text.py), against the member-OCMW
list of the settings: the municipality "Essen" is not found in ``kessel-lo.be`` nor in
"Essenbeek", and a citizen called Jan Boom (``jan.boom@telenet.be``) does not make a complaint
about OCMW Boom. The address's own name (before the @) is never used for that reason. When two
entries fit equally well, nothing is proposed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kina_desktop.domain.enums import _Labelled
from kina_desktop.domain.text import fold
from kina_desktop.i18n import N_, _

# Words that name the kind of body rather than the place: "OCMW Schoten", "Sociaal Huis
# Schoten" and "Lokaal bestuur Schoten" are the same member. Folded.
GENERIC_WORDS: tuple[tuple[str, ...], ...] = (
    ("ocmw",),
    ("cpas",),
    ("sociaal", "huis"),
    ("lokaal", "bestuur"),
    ("gemeente",),
    ("gemeentebestuur",),
    ("welzijnshuis",),
    ("sociale", "dienst"),
)
# The lines of a message's end that are read as its signature (after the last "-- " line, or
# the last lines of the text).
SIGNATURE_LINES = 15

_WORD = re.compile(r"[a-z0-9]+")


class ProposalBasis(_Labelled):
    """What the proposal is based on."""

    ADDRESS = "address"
    SIGNATURE = "signature"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"address": N_("het e-mailadres"), "signature": N_("de handtekening")}


@dataclass(frozen=True)
class OrganisationProposal:
    """A member OCMW of the settings' list, proposed for the field 'Betrokken OCMW of dienst'."""

    organisation: str  # as it is written in the list
    basis: ProposalBasis
    evidence: str  # the domain ('ocmw-schoten.be') or the signature line ('OCMW Schoten')

    def reason(self) -> str:
        """'voorgesteld op basis van het e-mailadres (…@ocmw-schoten.be)'."""
        if self.basis == ProposalBasis.ADDRESS:
            shown = f"…@{self.evidence}"
        else:
            shown = f"‘{self.evidence}’"
        return _("voorgesteld op basis van {basis} ({evidence})").format(basis=self.basis.label(), evidence=shown)

    def note(self) -> str:
        """The Dutch sentence among the notes of the intake, before registering."""
        return _("Betrokken OCMW ‘{organisation}’ {reason}; een voorstel, door een persoon na te kijken.").format(
            organisation=self.organisation, reason=self.reason()
        )

    def outcome(self, registered: str) -> str:
        """The Dutch sentence for the history of the registration: the proposal, and whether
        the organisation ``registered`` is the one proposed."""
        if fold(registered) == fold(self.organisation):
            return _("Betrokken OCMW ‘{organisation}’ {reason}, en zo geregistreerd.").format(
                organisation=self.organisation, reason=self.reason()
            )
        if not registered.strip():
            return _("Betrokken OCMW ‘{organisation}’ {reason}, maar niet ingevuld.").format(
                organisation=self.organisation, reason=self.reason()
            )
        return _("Betrokken OCMW ‘{organisation}’ {reason}; geregistreerd werd ‘{registered}’.").format(
            organisation=self.organisation, reason=self.reason(), registered=registered.strip()
        )


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    """True when ``part`` occurs in ``words`` as whole consecutive words."""
    size = len(part)
    return size > 0 and any(tuple(words[i : i + size]) == tuple(part) for i in range(len(words) - size + 1))


def _place(entry: str) -> tuple[str, ...]:
    """The words of an entry that name the place: 'OCMW Sint-Katelijne-Waver' -> ('sint',
    'katelijne', 'waver'); () when the entry is only generic words."""
    words = list(_words(entry))
    stripped = True
    while words and stripped:
        stripped = False
        for generic in GENERIC_WORDS:
            if tuple(words[: len(generic)]) == generic and len(words) > len(generic):
                del words[: len(generic)]
                stripped = True
                break
    return tuple(words) if words and not any(tuple(words) == g for g in GENERIC_WORDS) else ()


@dataclass(frozen=True)
class _Member:
    entry: str
    words: tuple[str, ...]  # every word of the entry ('ocmw', 'schoten')
    place: tuple[str, ...]  # the words that name the place ('schoten',)


def _members(entries: Iterable[str]) -> list[_Member]:
    members = []
    for entry in entries:
        place = _place(entry)
        if place:
            members.append(_Member(entry, _words(entry), place))
    return members


def _best(found: list[tuple[int, _Member]]) -> _Member | None:
    """The member that fits with the most words; None when none, or two different ones tie."""
    if not found:
        return None
    top = max(score for score, _member in found)
    winners = {member.entry for score, member in found if score == top}
    if len(winners) != 1:
        return None
    return next(member for score, member in found if score == top)


def _domain(address: str) -> str:
    domain = address.strip().rpartition("@")[2].strip().rstrip(".").lower()
    if "xn--" in domain:
        try:
            domain = domain.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    return domain


def _compact(words: Sequence[str]) -> str:
    return "".join(words)


def _fits_label(label: str, member: _Member) -> int:
    """How well one label of a domain ('ocmw-schoten', 'sociaalhuisschoten') names ``member``:
    the number of place words, 0 when it does not."""
    words = tuple(_WORD.findall(fold(label)))
    if _contains(words, member.place):
        return len(member.place)
    compact = _compact(words)
    place = _compact(member.place)
    if compact == place or any(compact == _compact(g) + place for g in GENERIC_WORDS):
        return len(member.place)
    return 0


def _by_address(addresses: Iterable[str], members: list[_Member]) -> OrganisationProposal | None:
    for address in addresses:
        if "@" not in address:
            continue
        domain = _domain(address)
        labels = domain.split(".")[:-1]  # the top-level domain (.be) names no place
        scored = [(max((_fits_label(label, m) for label in labels), default=0), m) for m in members]
        member = _best([(score, m) for score, m in scored if score])
        if member is not None:
            return OrganisationProposal(member.entry, ProposalBasis.ADDRESS, domain)
    return None


def signature_lines(text: str) -> list[str]:
    """The lines read as the message's signature: those after the last '-- ' line when there is
    one, else the last ``SIGNATURE_LINES`` lines with text; quoted lines ('> ') left out."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    delimiter = max((i for i, line in enumerate(lines) if line in ("--", "-- ")), default=-1)
    if delimiter >= 0 and any(lines[delimiter + 1 :]):
        lines = lines[delimiter + 1 :]
    kept = [line for line in lines if line and not line.startswith(">")]
    return kept[-SIGNATURE_LINES:]


def _fits_line(words: Sequence[str], member: _Member) -> int:
    """A signature line names ``member`` when it holds the whole entry ('OCMW Schoten') or a
    generic word right before the place ('Sociaal Huis Schoten'); the place alone ('2900
    Schoten', a street address) is not enough."""
    if _contains(words, member.words):
        return len(member.words)
    for generic in GENERIC_WORDS:
        if _contains(words, (*generic, *member.place)):
            return len(generic) + len(member.place)
    return 0


def _by_signature(text: str, members: list[_Member]) -> OrganisationProposal | None:
    for line in reversed(signature_lines(text)):  # the last line that names one wins
        words = _words(line)
        scored = [(_fits_line(words, m), m) for m in members]
        member = _best([(score, m) for score, m in scored if score])
        if member is not None:
            return OrganisationProposal(member.entry, ProposalBasis.SIGNATURE, _clean_line(line))
    return None


def _clean_line(line: str) -> str:
    text = "".join(ch for ch in line if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def propose_organisation(
    addresses: Iterable[str], text: str, member_ocmws: Iterable[str]
) -> OrganisationProposal | None:
    """The member OCMW of ``member_ocmws`` that the senders' ``addresses`` (the sender first,
    then who forwarded the message) or the signature of ``text`` name; None when none does, or
    when it is not clear which one."""
    members = _members(member_ocmws)
    if not members:
        return None
    return _by_address(addresses, members) or _by_signature(text, members)
