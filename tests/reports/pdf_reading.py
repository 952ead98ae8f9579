"""Reading a generated PDF back as a person's PDF reader would: text per page, fonts, positions."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader

MM = 72 / 25.4


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page with runs of white space (line ends, non-breaking spaces) as one
    space, as a reader who copies the text sees it."""
    return [" ".join(page.extract_text().split()) for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


@dataclass(frozen=True)
class Run:
    text: str
    x_mm: float  # from the left edge
    top_mm: float  # baseline, from the top edge


def runs(pdf: bytes, page: int = 0) -> list[Run]:
    """Every text run of a page with its position in millimetres."""
    pdf_page = reader(pdf).pages[page]
    height = float(pdf_page.mediabox.height)
    found: list[Run] = []

    def visit(txt, cm, tm, font, size) -> None:
        if not txt.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        found.append(Run(txt.strip(), x / MM, (height - y) / MM))

    pdf_page.extract_text(visitor_text=visit)
    return found


def run_with(pdf: bytes, needle: str, page: int = 0) -> Run:
    for run in runs(pdf, page):
        if needle in run.text:
            return run
    raise AssertionError(f"{needle!r} not on page {page + 1}")


def fonts(pdf: bytes) -> list[dict]:
    """The font dictionaries of every page."""
    out = []
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            out.append(font.get_object())
    return out
