"""The TrueType fonts of the letters, embedded in every PDF.

ReportLab's built-in Helvetica is not embedded and has no glyphs outside WinAnsi (TOOLCHAIN.md):
the letters use DejaVu Sans (resources/fonts, Bitstream Vera licence in LICENSE-DejaVu.txt),
which ReportLab embeds as a subset, so every Dutch character (é ë ï ‘ ’ “ ” € …) renders and can
be copied out of the PDF.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kina_desktop.reports.resource_paths import resource

REGULAR = "KinaSans"
BOLD = "KinaSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> tuple[str, str]:
    """Register the letter fonts once; returns (regular, bold) font names."""
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
            # <b> in a paragraph picks the bold face; there is no italic face, so italic maps to
            # the upright one rather than failing.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = True
    return REGULAR, BOLD


def document_options(
    title: str, author: str, font: str, size: float, margins: tuple[float, float, float, float]
) -> dict[str, object]:
    """What every PDF of the program is made with: A4, its title and author in the metadata, the
    margins (left, right, top, bottom), and the embedded font as the starting font (without it every
    page names Helvetica, a font that is not embedded)."""
    from reportlab.lib.pagesizes import A4

    left, right, top, bottom = margins
    return {
        "pagesize": A4,
        "title": title,
        "author": author,
        "creator": "KINA Klachten",
        "leftMargin": left,
        "rightMargin": right,
        "topMargin": top,
        "bottomMargin": bottom,
        "initialFontName": font,
        "initialFontSize": size,
    }
