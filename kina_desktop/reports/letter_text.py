"""The text of one letter as a person edits it: sections that may be changed, and the sections the
reglement prescribes, which may not (docs/letters.md, "The letter editor").

A letter's body is a row of ``LetterSection``s. An editable section holds paragraphs separated
by an empty line; a line starting with "- " is a bullet; bold and italic are marked with four
private-use characters (``BOLD`` and ``ITALIC`` pairs), never with tags, so that text typed by a
person or taken from a case can never become layout: ``markup`` escapes everything else. A fixed
section (the 30-day aim of Art. 5, the privacy sentence of Art. 7) is filled in from the template
every time and carries the article that prescribes it.

``LetterEdits`` is what a person changed: the subject and the text of every editable section, in
order. ``apply_edits`` puts them on a freshly filled template, so the fixed sections always come
from the template and the case, never from the edits. No ReportLab here: the GUI uses these types.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from kina_desktop.i18n import _
from kina_desktop.reports.letter_errors import LetterTextProblem

BOLD = ("\ue000", "\ue001")
ITALIC = ("\ue002", "\ue003")
_MARKS = frozenset(BOLD + ITALIC)
# What a person can write in one section (a letter of several pages is still far below this).
SECTION_LIMIT = 20_000
SUBJECT_LIMIT = 200


@dataclass(frozen=True)
class LetterSection:
    text: str
    fixed_by: str = ""  # why it cannot be changed ("Art. 5: …"); '' for a section a person writes

    @property
    def editable(self) -> bool:
        return not self.fixed_by


@dataclass(frozen=True)
class LetterEdits:
    subject: str
    texts: tuple[str, ...]  # one per editable section, in the letter's order


def plain(text: str) -> str:
    """``text`` without its bold and italic marks (for searching and for warnings)."""
    return "".join(ch for ch in text if ch not in _MARKS)


def runs(text: str) -> Iterator[tuple[str, bool, bool]]:
    """The pieces of ``text`` between its marks, as (text, bold, italic)."""
    bold = italic = False
    run: list[str] = []
    for ch in text:
        if ch in _MARKS:
            if run:
                yield "".join(run), bold, italic
                run = []
            if ch in BOLD:
                bold = ch == BOLD[0]
            else:
                italic = ch == ITALIC[0]
        else:
            run.append(ch)
    if run:
        yield "".join(run), bold, italic


def markup(line: str) -> str:
    """One line as ReportLab paragraph markup: escaped, with <b> and <i> where marked. Tags are
    always well nested and closed at the end of the line."""
    out: list[str] = []
    for text, bold, italic in runs(line):
        piece = escape(text)
        if italic:
            piece = f"<i>{piece}</i>"
        if bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


def paragraphs_of(sections: Sequence[LetterSection]) -> tuple[str, ...]:
    """The letter's paragraphs: every section split at its empty lines, empty ones left out."""
    paragraphs: list[str] = []
    for section in sections:
        for block in _blocks(section.text):
            paragraphs.append(block)
    return tuple(paragraphs)


def _blocks(text: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\u2029", "\n").split("\n"):
        if plain(line).strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def sections_from(paragraphs: Sequence[tuple[str, str]]) -> tuple[LetterSection, ...]:
    """Sections from (paragraph, fixed_by) pairs, as the template gives them: neighbouring
    paragraphs a person may change form one section, each prescribed one a section of its own,
    and there is always an editable section before, between and after the prescribed ones (so a
    person can add a sentence anywhere)."""
    sections: list[LetterSection] = []
    editable: list[str] = []
    for text, fixed_by in paragraphs:
        if fixed_by:
            sections.append(LetterSection("\n\n".join(editable)))
            editable = []
            sections.append(LetterSection(text, fixed_by))
        else:
            editable.append(text)
    sections.append(LetterSection("\n\n".join(editable)))
    return tuple(sections)


def edits_of(subject: str, sections: Sequence[LetterSection]) -> LetterEdits:
    return LetterEdits(subject, tuple(s.text for s in sections if s.editable))


def apply_edits(
    subject: str, sections: Sequence[LetterSection], edits: LetterEdits
) -> tuple[str, tuple[LetterSection, ...]]:
    """The template's letter with a person's ``edits``; the prescribed sections stay the
    template's. Raises LetterTextProblem when the edits do not fit (an empty subject, a section
    far too long, or a template changed since, with another number of sections)."""
    texts = list(edits.texts)
    if len(texts) != sum(1 for s in sections if s.editable):
        raise LetterTextProblem(
            _(
                "De brieftekst is gewijzigd sinds deze brief werd bewerkt: de vaste delen staan niet meer "
                "op dezelfde plaats. Begin opnieuw van de brieftekst en neem uw zinnen over."
            )
        )
    new_subject = " ".join(plain(edits.subject).split())
    if not new_subject:
        raise LetterTextProblem(_("Vul het onderwerp van de brief in."))
    if len(new_subject) > SUBJECT_LIMIT:
        raise LetterTextProblem(
            _("Het onderwerp van de brief is te lang (meer dan {limit} tekens).").format(limit=SUBJECT_LIMIT)
        )
    if any(len(text) > SECTION_LIMIT for text in texts):
        raise LetterTextProblem(
            _("Een deel van de brief is te lang (meer dan {limit} tekens).").format(limit=SECTION_LIMIT)
        )
    out = [s if not s.editable else LetterSection(texts.pop(0)) for s in sections]
    if not any(plain(p).strip() for s in out for p in _blocks(s.text)):
        raise LetterTextProblem(_("De brief heeft geen tekst meer."))
    return new_subject, tuple(out)
