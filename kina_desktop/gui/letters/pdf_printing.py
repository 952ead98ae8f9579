"""Printing a PDF made by the program: each page rendered with PDFium (pypdfium2) and painted on
the QPrinter at its real size from the corner of the sheet, so that the address lands in the
window of the envelope. (PySide6-Essentials has no QtPdf.)

Pages are rendered at the printer's resolution up to ``MAX_DPI``: an A4 page at 1200 dpi would
be a 550 MB image, at 300 dpi it is 35 MB and letters print sharp. Painting on a QPrinter is
allowed off the GUI thread, so a batch can print in a worker (gui/common/background.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

if TYPE_CHECKING:
    import pypdfium2

MAX_DPI = 300
POINTS_PER_INCH = 72


def _open(pdf: bytes) -> pypdfium2.PdfDocument:
    import pypdfium2  # loaded at the first print, not at start-up

    return pypdfium2.PdfDocument(pdf)


def page_count(pdf: bytes) -> int:
    document = _open(pdf)
    try:
        return len(document)
    finally:
        document.close()


def new_printer(document_name: str = "") -> QPrinter:
    """A printer set up for the program's letters: A4, the whole sheet (no extra margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    if document_name:
        printer.setDocName(document_name)
    return printer


def _pages_to_print(printer: QPrinter, count: int) -> range:
    """The pages the print dialog asked for (1-based 'from' and 'to'), else all of them."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        return range(first - 1, last)
    return range(count)


def page_images(pdf: bytes, dpi: float, pages: range | None = None) -> Iterator[tuple[QImage, float, float]]:
    """Each page as an image at ``dpi``, with its size in points."""
    document = _open(pdf)
    try:
        for number in pages if pages is not None else range(len(document)):
            page = document[number]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
            yield image.copy(), width, height  # the copy owns its pixels; the bitmap goes
            page.close()
    finally:
        document.close()


def print_pdf(
    pdf: bytes,
    printer: QPrinter,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Print the pages of ``pdf`` (the page range chosen in the print dialog) on ``printer``.
    Returns the number of pages printed; 0 when cancelled (the print job is aborted) or when the
    printer could not be opened."""
    printer.setFullPage(True)
    pages = _pages_to_print(printer, page_count(pdf))
    if not pages:
        return 0
    resolution = printer.resolution()
    dpi = min(resolution, MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for image, width, height in page_images(pdf, dpi, pages):
            if cancelled is not None and cancelled():
                printer.abort()
                return 0
            if printed:
                printer.newPage()
            target = QRectF(0, 0, width / POINTS_PER_INCH * resolution, height / POINTS_PER_INCH * resolution)
            painter.drawImage(target, image)
            printed += 1
            if progress is not None:
                progress(printed, len(pages))
    finally:
        if painter.isActive():
            painter.end()
    return printed
