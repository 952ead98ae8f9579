"""Letters as A4 PDF (ReportLab platypus): one letter, or a batch in one PDF.

The first page of a letter has fixed blocks, drawn at absolute positions: the letterhead at the
top, the reference block on the left and the complainant's address on the right where the window
of the envelope is. The body flows from below the window onto as many pages as it needs; from a
letter's second page on, the footer gives "Pagina 2 van 3" with the tracking number (counted per
letter, also in a batch). Fonts are embedded TrueType (fonts.py).
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kina_desktop.domain.tracking import TrackingNumber
from kina_desktop.i18n import _
from kina_desktop.reports.fonts import document_options, register_fonts
from kina_desktop.reports.letter_blocks import (
    ADDRESS_TOP,
    ADDRESS_X,
    ASCENT,
    CONFIDENTIAL_SIZE,
    CONFIDENTIAL_TOP,
    fit_address,
    fits,
    reference_value,
)
from kina_desktop.reports.letter_content import LetterContent, Letterhead
from kina_desktop.reports.letter_errors import Cancelled
from kina_desktop.reports.letter_text import markup

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=2)
def logo_image(data: bytes) -> ImageReader:
    """The logo stored in the database, decoded once for a batch of letters."""
    return ImageReader(io.BytesIO(data))


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
MARGIN_BOTTOM = 22 * mm

# The address for a window envelope. Measure used: the DL envelope (110 x 220 mm) with the
# window on the right as Belgian and European office envelopes have it (window about 45 x 100 mm,
# 20 mm from the right edge and 15 mm from the bottom). An A4 sheet folded in three equal parts
# (fold marks at 99 and 198 mm) and pushed to the top of that envelope shows the area from
# x = 100 to 200 mm and y = 50 to 95 mm from the top of the sheet through the window. What goes
# in the window, and how the address fits in it by bpost's rules, is letter_blocks.py: the block
# starts at x = 110 mm and stays within y = 55-88 mm from the top, so a sheet that shifts a few
# millimetres in the envelope still shows the whole address.
FOLD_MARKS = (99 * mm, 198 * mm)

REFERENCE_TOP = 60 * mm  # the reference block, left of the window, level with the address
# The reference block ends at 98 mm: nothing of it may show in the window (x >= 100 mm), where bpost
# wants nothing that could be mistaken for the address (docs/letters.md).
REFERENCE_WIDTH = 78 * mm
REFERENCE_LABEL_WIDTH = 34 * mm
REFERENCE_PADDING = 2  # right padding of a cell, points
REFERENCE_VALUE_WIDTH = REFERENCE_WIDTH - REFERENCE_LABEL_WIDTH - REFERENCE_PADDING
BODY_TOP_FIRST = 100 * mm  # the body starts below the window
BODY_TOP_LATER = 22 * mm

BODY_SIZE = 10.5
GREY = colors.HexColor("#555555")


def _top(distance: float) -> float:
    """A y coordinate from a distance to the top of the page."""
    return float(PAGE_HEIGHT - distance)


class _Styles:
    def __init__(self) -> None:
        regular, bold = register_fonts()
        self.regular, self.bold = regular, bold
        self.body = ParagraphStyle(
            "body", fontName=regular, bulletFontName=regular, fontSize=BODY_SIZE, leading=14.5, spaceAfter=9
        )
        self.tight = ParagraphStyle("tight", parent=self.body, spaceAfter=2)
        self.bullet = ParagraphStyle("bullet", parent=self.body, leftIndent=6 * mm, bulletIndent=1.5 * mm, spaceAfter=2)
        self.last_bullet = ParagraphStyle("lastbullet", parent=self.bullet, spaceAfter=self.body.spaceAfter)
        self.subject = ParagraphStyle("subject", parent=self.body, fontName=bold, spaceAfter=12)
        self.date = ParagraphStyle("date", parent=self.body, spaceAfter=12)
        self.reference_label = ParagraphStyle("reflabel", fontName=regular, fontSize=8.5, leading=11.5, textColor=GREY)
        self.reference = ParagraphStyle("ref", fontName=regular, fontSize=9, leading=11.5)
        self.signature = ParagraphStyle("signature", parent=self.body, spaceAfter=0)
        self.reference.splitLongWords = 0  # a value is broken at allowed points only (letter_blocks.py)

    def reference_at(self, size: float) -> ParagraphStyle:
        """The reference value style at a smaller size (a long e-mail address)."""
        return ParagraphStyle(f"ref{size}", parent=self.reference, fontSize=size, leading=size * 11.5 / 9)


def _text(value: str) -> str:
    """Text as paragraph markup: escaped, bold and italic where the letter editor marked them
    (reports/letter_text.py), line breaks kept."""
    return "<br/>".join(markup(line) for line in value.split("\n"))


def _body(paragraph: str, styles: _Styles) -> list[Flowable]:
    """One paragraph of the template: its lines, with "- " lines as bullets."""
    groups: list[tuple[bool, list[str]]] = []
    for line in paragraph.split("\n"):
        is_bullet = line.lstrip().startswith(("- ", "• "))
        text = line.lstrip()[2:].strip() if is_bullet else line
        if groups and not is_bullet and not groups[-1][0]:
            groups[-1][1].append(text)
        else:
            groups.append((is_bullet, [text]))
    out: list[Flowable] = []
    for i, (is_bullet, lines) in enumerate(groups):
        last = i == len(groups) - 1
        if is_bullet:
            out.append(Paragraph(_text(lines[0]), styles.last_bullet if last else styles.bullet, bulletText="•"))
        else:
            out.append(Paragraph("<br/>".join(_text(line) for line in lines), styles.body if last else styles.tight))
    return out


class _LetterCanvas(Canvas):
    """A canvas that numbers pages per letter once the whole document is known: "Pagina 2 van 3"
    on every page of a letter but its first (the classic two-pass NumberedCanvas pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current_letter: tuple[int, LetterContent, Letterhead] | None = None
        self._pages: list[tuple[dict[str, Any], tuple[int, LetterContent, Letterhead] | None]] = []
        self.letter_pages: dict[int, int] = {}  # once saved: how many pages each letter has

    def showPage(self) -> None:
        self._pages.append((dict(self.__dict__), self.current_letter))
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for _state, letter in self._pages:
            if letter is not None:
                totals[letter[0]] = totals.get(letter[0], 0) + 1
        seen: dict[int, int] = {}
        pages = self._pages
        for state, letter in pages:
            self.__dict__.update(state)
            if letter is not None:
                seen[letter[0]] = seen.get(letter[0], 0) + 1
                if seen[letter[0]] > 1:
                    self._footer(letter[1], letter[2], seen[letter[0]], totals[letter[0]])
            Canvas.showPage(self)
        self.letter_pages = totals  # after the pages' own states are put back
        Canvas.save(self)

    def _footer(self, content: LetterContent, letterhead: Letterhead, page: int, pages: int) -> None:
        wording = content.wording
        self.saveState()
        self.setFont(register_fonts()[0], 8.5)
        self.setFillColor(GREY)
        self.drawString(MARGIN_LEFT, 12 * mm, f"{letterhead.name} · {wording.our_reference} {content.tracking_number}")
        self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 12 * mm, wording.page(page, pages))
        self.restoreState()


class _FirstPage(Flowable):
    """Takes no room in the body; draws a letter's fixed first-page blocks at their absolute
    places, and tells the canvas which letter its pages belong to."""

    def __init__(
        self,
        index: int,
        content: LetterContent,
        letterhead: Letterhead,
        styles: _Styles,
        on_start: Callable[[int], None],
    ) -> None:
        super().__init__()
        self.index, self.content, self.letterhead, self.styles = index, content, letterhead, styles
        self.on_start = on_start

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.on_start(self.index)
        canvas.current_letter = (self.index, self.content, self.letterhead)
        canvas.saveState()
        self._letterhead(canvas)
        self._reference(canvas)
        self._address(canvas)
        self._fold_marks(canvas)
        canvas.restoreState()

    def _letterhead(self, canvas: Canvas) -> None:
        head, s = self.letterhead, self.styles
        text_x = MARGIN_LEFT
        if head.logo or head.logo_path:
            try:
                image = logo_image(head.logo) if head.logo else ImageReader(head.logo_path)
                width, height = image.getSize()
                scale = min(40 * mm / width, 20 * mm / height)
                w, h = width * scale, height * scale
                canvas.drawImage(image, MARGIN_LEFT, _top(12 * mm) - h, w, h, mask="auto")
                text_x = MARGIN_LEFT + w + 5 * mm
            except Exception:
                log.warning(
                    "letter logo %s could not be read; letter printed without it",
                    "(database)" if head.logo else head.logo_path,
                    exc_info=True,
                )
        canvas.setFillColor(colors.black)
        canvas.setFont(s.bold, 16)
        canvas.drawString(text_x, _top(20 * mm), head.name)
        if head.tagline:
            canvas.setFont(s.regular, 9)
            canvas.setFillColor(GREY)
            canvas.drawString(text_x, _top(25 * mm), head.tagline)
        lines = [head.street, head.postal_code_and_city, head.phone, head.email, head.website]
        canvas.setFont(s.regular, 8.5)
        canvas.setFillColor(GREY)
        y = _top(15 * mm)
        for line in (line.strip() for line in lines):
            if line:
                canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, line)
                y -= 3.8 * mm
        canvas.setStrokeColor(colors.HexColor("#BBBBBB"))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, _top(37 * mm), PAGE_WIDTH - MARGIN_RIGHT, _top(37 * mm))

    def _reference(self, canvas: Canvas) -> None:
        content, s = self.content, self.styles
        wording = content.wording
        contact = content.contact
        rows = [(wording.our_reference, content.tracking_number), (wording.contact_person, contact.name)]
        if contact.phone:
            rows.append((wording.phone, contact.phone))
        if contact.email:
            rows.append((wording.email, contact.email))
        data = [
            [Paragraph(_text(label), s.reference_label), self._reference_value(value)] for label, value in rows if value
        ]
        table = Table(data, colWidths=[REFERENCE_LABEL_WIDTH, REFERENCE_WIDTH - REFERENCE_LABEL_WIDTH], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), s.regular, 9),  # the cell default would name Helvetica
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a label level with the first line of its value
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), REFERENCE_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
                ]
            )
        )
        _w, h = table.wrapOn(canvas, REFERENCE_WIDTH, 40 * mm)
        table.drawOn(canvas, MARGIN_LEFT, _top(REFERENCE_TOP) - h)

    def _reference_value(self, value: str) -> Paragraph:
        """A value whole on its line, or a little smaller, or broken only where a reader expects it
        (an e-mail address before "@" or a dot): never cut inside a word (letter_blocks.py)."""
        s = self.styles
        lines, size = reference_value(value, REFERENCE_VALUE_WIDTH, s.reference.fontSize, s.regular)
        style = s.reference if size == s.reference.fontSize else s.reference_at(size)
        return Paragraph("<br/>".join(_text(line) for line in lines), style)

    def _address(self, canvas: Canvas) -> None:
        """The mark "Persoonlijk en vertrouwelijk" and the address, inside the envelope window by
        bpost's rules (letter_blocks.py): the tops of the letters at CONFIDENTIAL_TOP and
        ADDRESS_TOP, one font size for the whole address."""
        content, s = self.content, self.styles
        canvas.setFillColor(colors.black)
        block = fit_address(content.recipient_name, content.recipient_address_lines)
        if content.confidential:
            size = min(CONFIDENTIAL_SIZE, block.size)  # never larger than the address it stands above
            canvas.setFont(s.bold, size)
            canvas.drawString(ADDRESS_X, _top(CONFIDENTIAL_TOP) - ASCENT * size, content.wording.confidential)
        if block.shortened:
            log.info(
                "address of letter %s set at %s pt, %s%% wide, %d line(s) abbreviated",
                content.tracking_number,
                block.size,
                round(block.scale),
                len(block.abbreviated),
            )
        if not fits(block):
            log.warning("address of letter %s is wider than the envelope window", content.tracking_number)
        text = canvas.beginText(ADDRESS_X, _top(ADDRESS_TOP) - ASCENT * block.size)
        text.setFont(s.regular, block.size, block.leading)
        text.setHorizScale(block.scale)
        for line in block.lines:
            text.textLine(line)
        canvas.drawText(text)

    def _fold_marks(self, canvas: Canvas) -> None:
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.4)
        for distance in FOLD_MARKS:
            canvas.line(6 * mm, _top(distance), 10 * mm, _top(distance))


def _letter_flowables(
    index: int, content: LetterContent, letterhead: Letterhead, styles: _Styles, on_start: Callable[[int], None]
) -> list[Flowable]:
    out: list[Flowable] = [
        _FirstPage(index, content, letterhead, styles, on_start),
        Paragraph(_text(content.place_and_date), styles.date),
        Paragraph(_text(content.subject), styles.subject),
        Paragraph(_text(content.salutation), styles.body),
    ]
    body = [_body(paragraph, styles) for paragraph in content.paragraphs]
    for flowables in body[:-1]:
        out += flowables
    signature: list[Flowable] = [
        Spacer(1, 1 * mm),
        Paragraph(_text(content.closing), styles.signature),
        Spacer(1, 13 * mm),
        Paragraph(f"<b>{_text(content.signature_name)}</b>", styles.signature),
    ]
    if content.signature_function:
        signature.append(Paragraph(_text(content.signature_function), styles.signature))
    # The closing never stands alone on a page: it keeps the last paragraph with it.
    out.append(KeepTogether((body[-1] if body else []) + signature))
    return out


def _tracking_key(content: LetterContent) -> tuple[int, int, int, str]:
    try:
        number = TrackingNumber.parse(content.tracking_number)
        return (0, number.year, number.sequence, "")
    except ValueError:
        return (1, 0, 0, content.tracking_number)


def in_tracking_number_order(contents: Iterable[LetterContent]) -> list[LetterContent]:
    """Letters by tracking number (2026-0009 before 2026-0042 before 2027-0001)."""
    return sorted(contents, key=_tracking_key)


def render_letters(
    contents: Sequence[LetterContent],
    letterhead: Letterhead,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """One PDF with every letter in tracking-number order, each starting on a new page.

    ``progress(done, total)`` is called as each letter starts (done = letters before it) and once
    at the end with (total, total); ``cancelled()`` is asked before each letter, and Cancelled is
    raised when it answers True. Call it from a worker thread for big batches.
    """
    return render_batch(contents, letterhead, progress, cancelled).pdf


@dataclass(frozen=True)
class RenderedBatch:
    """A batch of letters in one PDF, and where each letter is in it."""

    pdf: bytes
    pages: tuple[range, ...]  # per letter, in the order they were given: its pages (0-based) in ``pdf``


def render_batch(
    contents: Sequence[LetterContent],
    letterhead: Letterhead,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderedBatch:
    """``render_letters`` in one ReportLab pass, telling which pages are whose: the batch's
    stored copies are cut from this PDF (letter_copies.py) instead of each being rendered again."""
    order = sorted(range(len(contents)), key=lambda i: _tracking_key(contents[i]))
    letters = [contents[i] for i in order]
    if not letters:
        raise ValueError("render_letters needs at least one letter")
    total = len(letters)
    styles = _Styles()

    def on_start(index: int) -> None:
        if progress is not None:
            progress(index, total)
        if cancelled is not None and cancelled():
            raise Cancelled()

    buffer = io.BytesIO()
    title = letters[0].subject if total == 1 else _("{count} brieven").format(count=total)
    margins = (MARGIN_LEFT, MARGIN_RIGHT, BODY_TOP_LATER, MARGIN_BOTTOM)
    doc = BaseDocTemplate(buffer, **document_options(title, letterhead.name, styles.regular, BODY_SIZE, margins))
    first = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - BODY_TOP_FIRST - MARGIN_BOTTOM,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    later = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - BODY_TOP_LATER - MARGIN_BOTTOM,
        id="later",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[first], autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[later]),
        ]
    )
    story: list[Flowable] = []
    for index, content in enumerate(letters):
        if index:
            story += [NextPageTemplate("first"), PageBreak()]
        story += _letter_flowables(index, content, letterhead, styles, on_start)
    canvases: list[_LetterCanvas] = []

    def canvas(*args: Any, **kwargs: Any) -> _LetterCanvas:
        canvases.append(_LetterCanvas(*args, **kwargs))
        return canvases[-1]

    doc.build(story, canvasmaker=canvas)
    if progress is not None:
        progress(total, total)
    counts = canvases[-1].letter_pages
    pages: list[range] = [range(0)] * total
    start = 0
    for index, given in enumerate(order):
        pages[given] = range(start, start + counts.get(index, 0))
        start += counts.get(index, 0)
    return RenderedBatch(buffer.getvalue(), tuple(pages))


def render_letter(content: LetterContent, letterhead: Letterhead) -> bytes:
    """One letter as PDF bytes."""
    return render_letters([content], letterhead)
