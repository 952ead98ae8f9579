"""The fixed blocks of a letter's first page by the post's rules: the envelope window, the
complainant's address in it, and text in the narrow reference block that may only break where a
reader expects it.

The envelope window (docs/letters.md, "Layout"): a DL envelope with the window on the right; an A4
sheet folded in three shows x = 100-200 mm, y = 50-95 mm from the sheet's top-left corner through
it. Everything drawn there stays at least ``WINDOW_MARGIN`` inside, so a sheet that shifts a little
in the envelope still shows it whole.

The address (docs/letters.md, "The address in the window", with the bpost sources):
- the name on at most ``MAX_NAME_LINES`` lines, broken only between words, never abbreviated;
- street, house number and box on one line, postal code and municipality on one line, never
  broken; at most ``MAX_ADDRESS_LINES`` lines in all;
- a block too wide for the window is first set smaller (down to 9 pt); a street line of more than
  40 characters (spaces not counted) may then be abbreviated as bpost allows, words from the left
  first and the road type ("straat", "laan", "plein") last, each at the largest size down to 8 pt;
- what still does not fit is narrowed (horizontal scale) so that it stays inside the window, and
  ``address_notice`` tells the user to check the address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from kina_desktop.i18n import _
from kina_desktop.reports.fonts import register_fonts

# The window of the envelope on the sheet (docs/letters.md), in points from the top-left corner.
WINDOW_LEFT = 100 * mm
WINDOW_RIGHT = 200 * mm
WINDOW_TOP = 50 * mm
WINDOW_BOTTOM = 95 * mm
WINDOW_MARGIN = 5 * mm  # the least room between anything printed in the window and its edge

# "Persoonlijk en vertrouwelijk": the top of its letters WINDOW_MARGIN below the window's top.
CONFIDENTIAL_TOP = WINDOW_TOP + WINDOW_MARGIN
CONFIDENTIAL_SIZE = 9.5

# The address: the top of the first line's letters, the bottom of the last line's, left and right.
ADDRESS_X = 110 * mm
ADDRESS_RIGHT = 195 * mm
ADDRESS_WIDTH = ADDRESS_RIGHT - ADDRESS_X
ADDRESS_TOP = 61 * mm
ADDRESS_BOTTOM = 88 * mm

ADDRESS_SIZE = 10.5  # the body's size
LEADING_RATIO = 14 / 10.5
SMALLEST_FULL_SIZE = 9.0  # a full (not abbreviated) address is not set smaller than this ...
SMALLEST_SIZE = 8.0  # ... nor an abbreviated one smaller than this
SIZE_STEP = 0.5
NARROWEST_SCALE = 50  # per cent: the last resort for an address that fits in no other way

MAX_NAME_LINES = 3
MAX_ADDRESS_LINES = 5

# bpost: abbreviations only on a line of more than 40 characters, spaces not counted.
ABBREVIATE_FROM = 41

# Abbreviations bpost accepts in a street name (docs/letters.md): titles and the words of a name,
# from the left ...
WORD_ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bOnze[- ]Lieve[- ]Vrouw"), "O.-L.-Vrouw"),
    (re.compile(r"\bSint(?=[- ])"), "St."),
    (re.compile(r"\bBurgemeester\b"), "Burg."),
    (re.compile(r"\bGeneraal\b"), "Gen."),
    (re.compile(r"\bDokter\b"), "Dr."),
)
# ... and the road type, which tells the postman what kind of road it is: last of all.
ROAD_TYPES: dict[str, str] = {"straat": "str.", "laan": "ln", "plein": "pl."}
ROAD_TYPE = re.compile(r"(straat|laan|plein)(?=\s|$)")

# DejaVu Sans: the letters reach 0.76 of the size above the baseline and 0.24 below (its ascent and
# descent, which PDF readers use for a word's box too).
ASCENT = 0.76
DESCENT = 0.24


def leading(size: float) -> float:
    return size * LEADING_RATIO


def _width(text: str, size: float, font: str | None = None) -> float:
    return float(stringWidth(text, font or register_fonts()[0], size))


def _wrap_words(text: str, width: float, size: float, font: str | None = None) -> list[str] | None:
    """``text`` in lines of at most ``width``, broken only between words; None when one word alone
    is wider."""
    lines: list[str] = []
    for word in text.split():
        if _width(word, size, font) > width:
            return None
        if lines and _width(f"{lines[-1]} {word}", size, font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class AddressBlock:
    """The address as the letter prints it."""

    lines: tuple[str, ...]
    size: float  # points
    scale: float = 100  # horizontal scale in per cent; below 100 only when nothing else fitted
    abbreviated: tuple[str, ...] = ()  # the lines that were abbreviated, as printed

    @property
    def leading(self) -> float:
        return leading(self.size)

    @property
    def height(self) -> float:
        """From the top of the first line's letters to the bottom of the last line's."""
        if not self.lines:
            return 0.0
        return (len(self.lines) - 1) * self.leading + (ASCENT + DESCENT) * self.size

    @property
    def smaller(self) -> bool:
        return self.size < ADDRESS_SIZE

    @property
    def narrowed(self) -> bool:
        return self.scale < 100

    @property
    def shortened(self) -> bool:
        return self.smaller or self.narrowed or bool(self.abbreviated)


def _variants(line: str) -> list[str]:
    """A street line and its abbreviations as bpost allows them, least change first: the words
    from the left one by one, then the road type. Only the line itself when it is short enough
    not to be abbreviated at all."""
    if len(line.replace(" ", "")) < ABBREVIATE_FROM:
        return [line]
    found = sorted(
        (match.start(), match.end(), short) for pattern, short in WORD_ABBREVIATIONS for match in pattern.finditer(line)
    )
    out = [line]
    for count in range(1, len(found) + 1):
        applied = line
        for start, end, short in sorted(found[:count], reverse=True):  # from the right: positions stay valid
            applied = applied[:start] + short + applied[end:]
        out.append(applied)
    road = list(ROAD_TYPE.finditer(out[-1]))
    if road:
        last = road[-1]
        out.append(out[-1][: last.start()] + ROAD_TYPES[last.group(1)] + out[-1][last.end() :])
    return out


def _layout(
    name: str, address_lines: Sequence[str], size: float, width: float, height: float
) -> tuple[str, ...] | None:
    """The lines at this size, or None when they do not fit by the rules."""
    name_lines = _wrap_words(name, width, size) if name else []
    if name_lines is None or len(name_lines) > MAX_NAME_LINES:
        return None
    if any(_width(line, size) > width for line in address_lines):
        return None
    lines = (*name_lines, *address_lines)
    if len(lines) > MAX_ADDRESS_LINES:
        return None
    if AddressBlock(lines, size).height > height:
        return None
    return lines


def _sizes(smallest: float) -> list[float]:
    steps = round((ADDRESS_SIZE - smallest) / SIZE_STEP)
    return [ADDRESS_SIZE - i * SIZE_STEP for i in range(steps + 1)]


def _clean(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=256)
def _fit(name: str, address_lines: tuple[str, ...], width: float, height: float) -> AddressBlock:
    # Every line but the last (postal code and municipality) may be a street line to abbreviate.
    streets, city = address_lines[:-1], address_lines[-1:]
    variants = [_variants(line) for line in streets]
    depth = max((len(v) for v in variants), default=1)
    candidates: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for step in range(depth):
        chosen = tuple(v[min(step, len(v) - 1)] for v in variants)
        changed = tuple(line for line, original in zip(chosen, streets) if line != original)
        candidates.append(((*chosen, *city), changed))
    full = len(candidates) == 1  # nothing may be abbreviated: the full address goes down to 8 pt
    for index, (lines, changed) in enumerate(candidates):
        smallest = SMALLEST_SIZE if index or full else SMALLEST_FULL_SIZE
        for size in _sizes(smallest):
            fitted = _layout(name, lines, size, width, height)
            if fitted is not None:
                return AddressBlock(fitted, size, 100, changed)
    lines, changed = candidates[-1]
    for scale in range(95, NARROWEST_SCALE - 1, -5):
        fitted = _layout(name, lines, SMALLEST_SIZE, width * 100 / scale, height)
        if fitted is not None:
            return AddressBlock(fitted, SMALLEST_SIZE, scale, changed)
    # Nothing fits by the rules (a street line typed wrong, say): as narrow as it takes to stay
    # inside the window, so no part of it disappears under the envelope; address_notice says so.
    name_lines = _wrap_words(name, width * 100 / NARROWEST_SCALE, SMALLEST_SIZE) or [name]
    block = (*name_lines, *lines)
    widest = max(_width(line, SMALLEST_SIZE) for line in block)
    return AddressBlock(block, SMALLEST_SIZE, min(NARROWEST_SCALE, 100 * width / widest), changed)


def fit_address(
    name: str, address_lines: Sequence[str], width: float = ADDRESS_WIDTH, height: float = ADDRESS_BOTTOM - ADDRESS_TOP
) -> AddressBlock:
    """The address block for the window: the name wrapped between words, each address line whole,
    set smaller or abbreviated by bpost's rules when it does not fit (module docstring)."""
    lines = tuple(line for line in (_clean(line) for line in address_lines) if line)
    return _fit(_clean(name), lines, float(width), float(height))


def fits(block: AddressBlock, width: float = ADDRESS_WIDTH) -> bool:
    """Every line of the block within ``width`` at its size and scale."""
    return all(_width(line, block.size) * block.scale / 100 <= width + 0.01 for line in block.lines)


def address_notice(name: str, address_lines: Sequence[str]) -> str:
    """One Dutch sentence for the user when the letter cannot print this address as it is in the
    envelope window ('' when it can): set smaller, abbreviated as bpost allows, or too long."""
    block = fit_address(name, address_lines)
    if block.narrowed:
        return _(
            "Naam en adres van de klager passen zelfs in de kleinste letter niet in het venster van de envelop "
            "en staan smaller gedrukt in de brief: kijk het adres na voor u de brief verstuurt."
        )
    if block.abbreviated:
        return _(
            "Het adres is te lang voor het venster van de envelop en staat daarom ingekort in de brief, "
            "zoals bpost dat toelaat: {lines}."
        ).format(lines=" / ".join(f"„{line}”" for line in block.abbreviated))
    if block.smaller:
        return _(
            "Naam en adres van de klager zijn te lang voor het venster van de envelop en staan daarom in een "
            "kleinere letter in de brief."
        )
    return ""


# -- the reference block ---------------------------------------------------------------------

# Where an e-mail or web address may break (docs/letters.md, as style guides such as the Chicago
# Manual of Style advise): before "@", a dot, a hyphen, an underscore or a slash, so that the next
# line visibly goes on with it. No hyphen is added: the reader copies the address as it is.
_BREAK_POINTS = re.compile(r"(?=[@.\-_/])")
REFERENCE_SMALLEST_SIZE = 8.0


def _pieces(word: str) -> list[str]:
    return [piece for piece in _BREAK_POINTS.split(word) if piece]


def break_at_allowed_points(text: str, width: float, size: float, font: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width``: between words, and inside a word too wide for a line
    (an e-mail address) only at the points a reader expects a break. A piece without such a point
    that is still too wide stands on a line of its own (the caller sets it smaller)."""
    lines: list[str] = []
    for word in text.split():
        pieces = [word] if _width(word, size, font) <= width else _pieces(word)
        for i, piece in enumerate(pieces):
            glue = "" if i else " "
            candidate = f"{lines[-1]}{glue}{piece}" if lines else piece
            if lines and _width(candidate, size, font) <= width:
                lines[-1] = candidate
            else:
                lines.append(piece)
    return lines


def reference_value(text: str, width: float, size: float, font: str | None = None) -> tuple[list[str], float]:
    """A value of the reference block (a name, a phone number, an e-mail address) as lines and the
    size to set them in: whole at ``size``; else one line a little smaller (down to 8 pt); else
    broken at allowed points, as small as it takes for each piece to fit."""
    text = _clean(text)
    if _width(text, size, font) <= width:
        return [text], size
    if " " not in text:
        for smaller in _sizes_between(size, REFERENCE_SMALLEST_SIZE):
            if _width(text, smaller, font) <= width:
                return [text], smaller
    current = size
    while True:
        lines = break_at_allowed_points(text, width, current, font)
        if all(_width(line, current, font) <= width for line in lines) or current <= 5:
            return lines, current
        current -= SIZE_STEP


def _sizes_between(largest: float, smallest: float) -> list[float]:
    steps = round((largest - smallest) / SIZE_STEP)
    return [largest - i * SIZE_STEP for i in range(1, steps + 1)]
