"""The preview of a letter inside the program: its PDF pages, rendered with PDFium (pypdfium2)
into a scrollable view, with the buttons that send it from there ('Afdrukken…', 'Opslaan als
PDF…', 'Mailen naar de klager') and 'Sluiten' (Esc). Showing it records nothing; what the buttons
record is decided by their owner (gui/letters/case_letters.py, docs/letters.md).

The view fits the page width to the window until the person zooms (Ctrl++ and Ctrl+-; Ctrl+0
fits the width again). The pages are rendered once, off the GUI thread (gui/common/background.py:
a worker makes QImages, a QTimer on the GUI thread collects them), at a resolution that stays
sharp up to the largest zoom but keeps a long batch within ``IMAGE_BUDGET`` bytes. PDFium must not
be used from two threads at once, so 'Afdrukken…' (which renders again, for the printer) waits
until the pages are shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kina_desktop.gui.common.background import Outcome, Task, TaskControl, TaskRunner, ThreadRunner
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.formatting import number
from kina_desktop.i18n import _, ngettext

POINTS_PER_INCH = 72
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 2.0  # of the page's real size on the screen
MAX_RENDER_DPI = 200  # sharp at 200 % on an ordinary screen
MIN_RENDER_DPI = 72
IMAGE_BUDGET = 160 * 1024 * 1024  # bytes of page images a preview may hold (a batch of 40 pages)
A4_SQUARE_INCHES = 8.27 * 11.69
PAGE_GAP = 12  # pixels around and between the pages

# Called when a button is pressed; True when the letter went out (the preview then closes).
Send = Callable[[], bool]


def render_dpi(pages: int, ratio: float = 1.0) -> float:
    """The resolution to render ``pages`` A4 pages at: ``MAX_RENDER_DPI`` (times the screen's
    device pixel ratio) unless that would take more than ``IMAGE_BUDGET`` (4 bytes a pixel)."""
    wanted = MAX_RENDER_DPI * max(ratio, 1.0)
    affordable = math.sqrt(IMAGE_BUDGET / (max(pages, 1) * A4_SQUARE_INCHES * 4))
    return max(MIN_RENDER_DPI, min(wanted, affordable))


@dataclass(frozen=True)
class RenderedPage:
    image: QImage  # made in the worker (a QPixmap only on the GUI thread)
    width: float  # in points
    height: float


def render_pages(pdf: bytes, ratio: float, control: TaskControl) -> list[RenderedPage]:
    """Every page of ``pdf`` as an image (in a worker); stops early when cancelled."""
    from kina_desktop.gui.letters.pdf_printing import page_count, page_images

    count = page_count(pdf)
    pages: list[RenderedPage] = []
    control.report(0, count)
    for image, width, height in page_images(pdf, render_dpi(count, ratio)):
        if control.cancelled():
            break
        pages.append(RenderedPage(image, width, height))
        control.report(len(pages), count)
    return pages


class _ViewportResized(QObject):
    """Fits the pages again when the scroll area's viewport changes size."""

    def __init__(self, on_resize: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_resize = on_resize

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._on_resize()
        return False


class LetterPreview(QDialog):
    def __init__(
        self, parent: QWidget | None, title: str, pdf: bytes, *, runner: TaskRunner | None = None, note: str = ""
    ) -> None:
        """``note``: a line above the buttons (for instance why this person may not send it)."""
        super().__init__(parent)
        self.setObjectName("letter_preview")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)  # the case cannot change under it
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf = pdf
        self._pages: list[RenderedPage] = []
        self._labels: list[QLabel] = []
        self._pixmaps: list[QPixmap] = []
        self._zoom: float | None = None  # None: fit the width
        self._closed = False
        self._needs_pages: list[QPushButton] = []
        self._control = TaskControl()

        layout = QVBoxLayout(self)
        layout.addLayout(self._zoom_row())
        self.pages_view = QScrollArea(self)
        self.pages_view.setObjectName("preview_pages")
        self.pages_view.setAccessibleName(_("Pagina's van de brief"))
        self.pages_view.setWidgetResizable(True)
        self.pages_view.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no jumping when fitted
        self.pages_view.setBackgroundRole(QPalette.ColorRole.Dark)
        sheet = QWidget()
        sheet.setBackgroundRole(QPalette.ColorRole.Dark)
        self._sheet_layout = QVBoxLayout(sheet)
        self._sheet_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._sheet_layout.setSpacing(PAGE_GAP)
        self._sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_view.setWidget(sheet)
        self.pages_view.viewport().installEventFilter(_ViewportResized(self._refit, self))
        layout.addWidget(self.pages_view, 1)

        self.note = QLabel(note, self)
        self.note.setObjectName("preview_note")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self.close_button = QPushButton(_("Sluiten"), self)
        self.close_button.setObjectName("close_preview")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)  # Esc as well (QDialog)
        self._buttons.addWidget(self.close_button)
        layout.addLayout(self._buttons)
        resize_within_screen(self, 860, 1000, margin=SCREEN_MARGIN)

        ratio = self.devicePixelRatioF()
        (runner or ThreadRunner()).run(
            Task(lambda control: render_pages(pdf, ratio, control), self._control, self._progress, self._rendered)
        )

    # -- the rows ------------------------------------------------------------------------------

    def _zoom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.pages_label = QLabel(_("Pagina's maken…"), self)
        self.pages_label.setObjectName("preview_page_count")
        row.addWidget(self.pages_label)
        row.addStretch(1)
        self.zoom_out_action = self._action(
            "zoom_out", "−", _("Uitzoomen (Ctrl+-)"), [QKeySequence.StandardKey.ZoomOut], self.zoom_out
        )
        self.zoom_in_action = self._action(
            "zoom_in", "+", _("Inzoomen (Ctrl++)"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], self.zoom_in
        )
        self.fit_action = self._action(
            "fit_width",
            _("Paginabreedte"),
            _("De pagina zo breed als het venster (Ctrl+0)"),
            ["Ctrl+0"],
            self.fit_width,
        )
        self.zoom_label = QLabel("", self)
        self.zoom_label.setObjectName("preview_zoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("000 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for item in (self.zoom_out_action, self.zoom_label, self.zoom_in_action, self.fit_action):
            if isinstance(item, QAction):
                button = QToolButton(self)
                button.setDefaultAction(item)
                button.setObjectName(f"{item.objectName()}_button")
                row.addWidget(button)
            else:
                row.addWidget(item)
        return row

    def _action(
        self,
        name: str,
        text: str,
        tip: str,
        keys: list[QKeySequence | QKeySequence.StandardKey | str],
        do: Callable[[], None],
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        def triggered(*_args: object) -> None:
            do()

        action.triggered.connect(triggered)
        self.addAction(action)
        return action

    def add_button(
        self, name: str, text: str, tip: str, send: Send, *, enabled: bool = True, needs_pages: bool = False
    ) -> QPushButton:
        """A button left of 'Sluiten' that sends the letter; the preview closes when ``send``
        says it went out. ``needs_pages``: only once the pages are shown (printing uses PDFium)."""
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.setEnabled(enabled and not (needs_pages and not self._pages))
        if needs_pages and enabled:
            self._needs_pages.append(button)

        def clicked(*_args: object) -> None:
            if send():
                self.accept()

        button.clicked.connect(clicked)
        self._buttons.insertWidget(self._buttons.count() - 2, button)  # before the stretch
        return button

    def add_shortcut(self, keys: QKeySequence, button: QPushButton) -> None:
        """``keys`` presses ``button`` (when it is enabled)."""

        def press() -> None:
            if button.isEnabled():
                button.click()

        self._action(f"{button.objectName()}_shortcut", button.text(), button.toolTip(), [keys], press)

    # -- the pages -----------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self._pages)

    def rendering(self) -> bool:
        return not self._pages and not self._closed and self.pages_label.text() == _("Pagina's maken…")

    def _progress(self, done: int, total: int) -> None:
        if self._closed or not isValid(self):  # closed, or gone with the editor
            return
        if total > 1:
            self.pages_label.setText(
                _("Pagina's maken… {done} van {total}").format(done=number(done), total=number(total))
            )

    def _rendered(self, outcome: Outcome[list[RenderedPage]]) -> None:
        if self._closed or not isValid(self):  # closed, or gone with the editor
            return
        if outcome.error is not None:
            self.pages_label.setText(
                _("De pagina's konden niet getoond worden: {error}").format(error=str(outcome.error))
            )
            return
        self._pages = outcome.value or []
        count = len(self._pages)
        self.pages_label.setText(ngettext("{n} pagina", "{n} pagina's", count).format(n=number(count)))
        for page in self._pages:
            label = QLabel(self.pages_view.widget())
            label.setObjectName("preview_page")
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self._pixmaps.append(QPixmap.fromImage(page.image))
            self._sheet_layout.addWidget(label)
            self._labels.append(label)
        for button in self._needs_pages:
            button.setEnabled(True)
        self._refit()

    # -- zoom ----------------------------------------------------------------------------------

    def _real_size(self) -> float:
        """Screen pixels per point at 100 %."""
        return self.logicalDpiX() / POINTS_PER_INCH

    def scale(self) -> float:
        """The zoom now, as a fraction of the page's real size."""
        if self._zoom is not None:
            return self._zoom
        widest = max((page.width for page in self._pages), default=595.0)
        free = self.pages_view.viewport().width() - 2 * PAGE_GAP
        return float(min(ZOOM_MAX, max(ZOOM_MIN, free / (widest * self._real_size()))))

    def zoom_in(self) -> None:
        self._zoom = min(ZOOM_MAX, self.scale() * ZOOM_STEP)
        self._refit()

    def zoom_out(self) -> None:
        self._zoom = max(ZOOM_MIN, self.scale() / ZOOM_STEP)
        self._refit()

    def fit_width(self) -> None:
        self._zoom = None
        self._refit()

    def _refit(self) -> None:
        if self._closed or not isValid(self):  # closed, or gone with the editor
            return
        scale = self.scale()
        self.zoom_label.setText(f"{round(scale * 100)} %")
        self.zoom_in_action.setEnabled(scale < ZOOM_MAX - 1e-6)
        self.zoom_out_action.setEnabled(scale > ZOOM_MIN + 1e-6)
        self.fit_action.setEnabled(self._zoom is not None)
        ratio = self.devicePixelRatioF()
        for page, label, full in zip(self._pages, self._labels, self._pixmaps, strict=True):
            width = round(page.width * self._real_size() * scale)
            height = round(page.height * self._real_size() * scale)
            pixmap = full.scaled(
                round(width * ratio),
                round(height * ratio),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(width, height)

    def page_sizes(self) -> list[tuple[int, int]]:
        """The pages as shown now, in pixels (for tests)."""
        return [(label.width(), label.height()) for label in self._labels]

    # -- closing -------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._closed = True
        self._control.cancel()  # a render still running stops at its next page
        super().done(result)
