"""Letter templates: the default texts in resources/letters, their check, and filling them in.

A template is plain text. The first line is the subject (``Onderwerp: ...``; a French or English
template may write ``Objet :`` or ``Subject:``), the rest is the body: paragraphs separated by an
empty line, a line starting with "- " is a bullet. Named placeholders such as
``{tracking_number}`` are replaced by the case's data (letter_fields.py lists them per kind);
``{{`` and ``}}`` give a literal brace. Nothing else is interpreted: no attribute access or format
specifications as with ``str.format``, so an edited template cannot reach into the program.

``check_template`` lists every problem in Dutch, so the template editor can show them before the
administrator saves; ``fill`` checks again and raises before anything is printed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kina_desktop.domain.letters import LetterKind
from kina_desktop.i18n import _
from kina_desktop.reports.letter_errors import MissingLetterData, TemplateProblems
from kina_desktop.reports.letter_fields import FIELDS_BY_NAME, NOT_IN_KIND_REASON, fields_for, required_fields
from kina_desktop.reports.letter_text import LetterSection, paragraphs_of, plain, sections_from
from kina_desktop.reports.letter_wording import DEFAULT_LANGUAGE
from kina_desktop.reports.resource_paths import resource, resources_dir

SUBJECT_LINE = re.compile(r"^\s*(onderwerp|objet|subject)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|\{|\}")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
TEMPLATE_SUFFIX = ".txt"


# -- the default texts ------------------------------------------------------------------------


def _template_path(kind: LetterKind, language: str) -> Path:
    return resource("letters", language, f"{kind.value}{TEMPLATE_SUFFIX}")


@lru_cache(maxsize=64)
def default_template(kind: LetterKind, language: str = DEFAULT_LANGUAGE) -> str:
    """The text shipped in resources/letters/<language>/<kind>.txt (the "reset to default").
    FileNotFoundError when that language has no text for this kind: see ``letter_language``."""
    return str(_template_path(kind, language).read_text(encoding="utf-8"))


def available_languages(kind: LetterKind) -> tuple[str, ...]:
    """The languages with a default text for this kind, Dutch first."""
    root = resources_dir() / "letters"
    found = sorted(
        folder.name
        for folder in root.iterdir()
        if folder.is_dir() and (folder / f"{kind.value}{TEMPLATE_SUFFIX}").is_file()
    )
    return tuple(sorted(found, key=lambda lang: (lang != DEFAULT_LANGUAGE, lang)))


def letter_language(kind: LetterKind, preferred: str, available: tuple[str, ...] | None = None) -> str:
    """The complainant's language where a template exists for it, else Dutch. ``available``
    defaults to the shipped texts; the services pass the languages stored in the database."""
    languages = available if available is not None else available_languages(kind)
    wanted = (preferred or DEFAULT_LANGUAGE).lower()[:2]
    return wanted if wanted in languages else DEFAULT_LANGUAGE


# -- parsing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    text: str
    field: str | None = None  # a placeholder when set


@dataclass(frozen=True)
class _Parsed:
    subject: tuple[_Piece, ...]
    paragraphs: tuple[tuple[_Piece, ...], ...]
    placeholders: tuple[str, ...]  # every {name} in order of appearance, invalid ones included
    problems: tuple[str, ...]


def _split_line(line: str, number: int, problems: list[str], names: list[str]) -> list[_Piece]:
    pieces: list[_Piece] = []
    pos = 0
    for match in _TOKEN.finditer(line):
        if match.start() > pos:
            pieces.append(_Piece(line[pos : match.start()]))
        token = match.group(0)
        if token in ("{{", "}}"):
            pieces.append(_Piece(token[0]))
        elif token == "{":
            problems.append(
                _("Regel {line}: een ‘{{’ zonder ‘}}’. Schrijf {{{{ voor een accolade in de tekst.").format(line=number)
            )
        elif token == "}":
            problems.append(
                _("Regel {line}: een ‘}}’ zonder ‘{{’. Schrijf }}}} voor een accolade in de tekst.").format(line=number)
            )
        else:
            name = match.group(1)
            names.append(name)
            pieces.append(_Piece(token, field=name))
        pos = match.end()
    if pos < len(line):
        pieces.append(_Piece(line[pos:]))
    return pieces


def _parse(text: str) -> _Parsed:
    problems: list[str] = []
    names: list[str] = []
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(i + 1, line) for i, line in enumerate(lines)]
    while numbered and not numbered[0][1].strip():
        numbered.pop(0)
    if not numbered:
        return _Parsed((), (), (), (_("De brieftekst is leeg."),))
    first_number, first = numbered[0]
    subject: tuple[_Piece, ...] = ()
    match = SUBJECT_LINE.match(first)
    if match is None:
        problems.append(
            _(
                "De eerste regel moet het onderwerp zijn, bijvoorbeeld ‘Onderwerp: "
                "Ontvangstbevestiging van uw klacht {tracking_number}’."
            )
        )
        body_lines = numbered
    else:
        if not match.group(2):
            problems.append(_("Regel {line}: het onderwerp na ‘Onderwerp:’ is leeg.").format(line=first_number))
        subject = tuple(_split_line(match.group(2), first_number, problems, names))
        body_lines = numbered[1:]
    paragraphs: list[tuple[_Piece, ...]] = []
    current: list[_Piece] = []
    for number, line in body_lines:
        if not line.strip():
            if current:
                paragraphs.append(tuple(current))
                current = []
            continue
        if current:
            current.append(_Piece("\n"))
        current += _split_line(line.rstrip(), number, problems, names)
    if current:
        paragraphs.append(tuple(current))
    if not paragraphs:
        problems.append(_("Onder het onderwerp staat nog geen tekst."))
    return _Parsed(subject, tuple(paragraphs), tuple(names), tuple(problems))


# -- checking ---------------------------------------------------------------------------------


def _placeholder_problems(kind: LetterKind, names: tuple[str, ...]) -> list[str]:
    problems: list[str] = []
    allowed = {f.name for f in fields_for(kind)}
    for name in dict.fromkeys(names):  # each name once, in order
        shown = "{" + name + "}"
        if not _NAME.match(name):
            close = difflib.get_close_matches(name.strip().lower(), sorted(allowed), n=1, cutoff=0.6)
            if close:
                problems.append(
                    _("Ongeldig veld {field}: bedoelt u {{{suggestion}}}?").format(field=shown, suggestion=close[0])
                )
            else:
                problems.append(
                    _(
                        "Ongeldig veld {field}: een veld is een naam tussen accolades, zoals {{tracking_number}}."
                    ).format(field=shown)
                )
            continue
        if name in allowed:
            continue
        field = FIELDS_BY_NAME.get(name)
        if field is not None:
            reason = NOT_IN_KIND_REASON.get(kind)
            message = _("Het veld {field} hoort niet in de brief ‘{letter}’").format(field=shown, letter=kind.label())
            problems.append(message + (": " + _(reason) if reason else "") + ".")
            continue
        close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.6)
        if close:
            problems.append(
                _("Onbekend veld {field}: bedoelt u {{{suggestion}}}?").format(field=shown, suggestion=close[0])
            )
        else:
            problems.append(_("Onbekend veld {field}.").format(field=shown))
    used = set(names)
    for field in required_fields(kind):
        if field.name not in used:
            problems.append(
                _("Het veld {field} ontbreekt: {why}.").format(field=field.placeholder, why=_(field.why_required_msgid))
            )
    return problems


def _problems(kind: LetterKind, parsed: _Parsed) -> list[str]:
    if not parsed.subject and not parsed.paragraphs and parsed.problems:
        return list(parsed.problems)  # an empty text: one message says it all
    return list(parsed.problems) + _placeholder_problems(kind, parsed.placeholders)


def check_template(kind: LetterKind, text: str) -> list[str]:
    """Every problem of a template text, in Dutch (empty when it can be used)."""
    return _problems(kind, _parse(text))


# -- filling in -------------------------------------------------------------------------------


def _render(pieces: tuple[_Piece, ...], values: dict[str, str]) -> str:
    return "".join(values[p.field] if p.field else p.text for p in pieces)


def fill(kind: LetterKind, text: str, values: dict[str, str]) -> tuple[str, list[str]]:
    """The subject and the paragraphs of the letter with every placeholder replaced
    (``fill_sections`` without the sections)."""
    subject, sections = fill_sections(kind, text, values)
    return subject, list(paragraphs_of(sections))


def fill_sections(kind: LetterKind, text: str, values: dict[str, str]) -> tuple[str, tuple[LetterSection, ...]]:
    """The subject and the sections of the letter with every placeholder replaced: a paragraph
    using a field whose sentence the reglement prescribes (``LetterField.prescribed``) is a fixed
    section, the others are what a person may change in the letter editor.

    Raises TemplateProblems when the template has problems (``check_template``) and
    MissingLetterData when a field it uses has no value (or an empty one where it may not be
    empty). A paragraph using an empty optional field is left out. A value with empty lines in it
    becomes several paragraphs; a line in a value starting with "- " stays a bullet.
    """
    parsed = _parse(text)
    problems = _problems(kind, parsed)
    if problems:
        raise TemplateProblems(
            _("De brieftekst ‘{letter}’ kan niet gebruikt worden:").format(letter=kind.label()), problems
        )
    missing: list[str] = []
    for name in dict.fromkeys(parsed.placeholders):
        field = FIELDS_BY_NAME[name]
        value = values.get(name)
        if value is None or (not field.optional and not str(value).strip()):
            missing.append(name)
    if missing:
        labels = ", ".join(f"{FIELDS_BY_NAME[n].label} ({{{n}}})" for n in missing)
        raise MissingLetterData(
            _("De brief ‘{letter}’ kan nog niet gemaakt worden. Vul eerst in: {fields}.").format(
                letter=kind.label(), fields=labels
            ),
            missing,
        )
    # A value never brings bold or italic marks with it (reports/letter_text.py).
    clean = {name: plain(str(values[name])).strip() for name in parsed.placeholders}
    subject = " ".join(_render(parsed.subject, clean).split())
    paragraphs: list[tuple[str, str]] = []
    for pieces in parsed.paragraphs:
        if any(p.field and not clean[p.field] for p in pieces):
            continue  # an empty optional field: the paragraph says nothing
        prescribed = [FIELDS_BY_NAME[p.field] for p in pieces if p.field and FIELDS_BY_NAME[p.field].prescribed]
        fixed_by = _(prescribed[0].why_required_msgid) if prescribed else ""
        rendered = _render(pieces, clean)
        for block in re.split(r"\n\s*\n", rendered):
            block = "\n".join(line.rstrip() for line in block.strip("\n").split("\n"))
            if block.strip():
                paragraphs.append((block, fixed_by))
    return subject, sections_from(paragraphs)
