"""The Dutch user guide (``resources/guide/gebruikersgids.md``), shown from the Help menu (F1).

The guide is Markdown with screenshots beside it; QTextBrowser renders both. Qt gives Markdown
headings no anchors, so each heading gets the name GitHub gives it ("## Back-ups" is
``#back-ups``): the table of contents then works in the viewer as on GitHub. Pictures wider
than the window are shown narrower (never wider than they are), so nobody scrolls sideways.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QResizeEvent, QTextCursor, QTextDocument, QTextFormat, QTextImageFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.i18n import DEFAULT_LANGUAGE, _, language
from kina_desktop.reports.resource_paths import resource

PREFERRED_SIZE = (1100, 840)
ORIGINAL_NAME = QTextFormat.Property.UserProperty + 1  # the picture's file, before it was fitted
PICTURE_MARGIN = 24  # pixels left free beside a picture that is made narrower


def guide_path() -> Path:
    return resource("guide", "gebruikersgids.md")


def heading_anchor(title: str) -> str:
    """The anchor of a heading as GitHub makes it for plain (ASCII) titles:
    'De dagelijkse routine: wat moet er vandaag gebeuren?' -> 'de-dagelijkse-routine-wat-moet-er-vandaag-gebeuren'."""
    return re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")


def name_headings(document: QTextDocument) -> list[str]:
    """Give every heading of ``document`` its anchor; the anchors, in order."""
    names: list[str] = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.length() > 1:
            name = heading_anchor(block.text())
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            char_format = cursor.charFormat()
            char_format.setAnchor(True)
            char_format.setAnchorNames([name])
            cursor.mergeCharFormat(char_format)
            names.append(name)
        block = block.next()
    return names


def pictures(document: QTextDocument) -> list[tuple[int, int, QTextImageFormat]]:
    """Each picture as (position, length, format)."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                found.append((fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()))
            it += 1
        block = block.next()
    return found


def fit_pictures(
    document: QTextDocument,
    folder: Path,
    width: int,
    added: set[str] | None = None,
    originals: dict[str, QImage] | None = None,
) -> None:
    """Show each picture at most ``width`` pixels wide, keeping its proportions; a narrower
    picture is scaled smoothly once and kept in the document (Qt would scale it pixel by pixel).
    ``added`` remembers which scaled pictures the document holds already, ``originals`` the
    pictures read from disk (both kept by the caller across resizes)."""
    added = set() if added is None else added
    originals = {} if originals is None else originals
    for position, length, image_format in pictures(document):
        original = image_format.stringProperty(ORIGINAL_NAME) or image_format.name()
        image = originals.get(original)
        if image is None:
            image = originals[original] = QImage(str(folder / original))
        if image.isNull():
            continue
        shown = min(image.width(), max(width, 200))
        name = original if shown == image.width() else f"{original}?width={shown}"
        if image_format.name() == name and image_format.width() == shown:
            continue
        if name != original and name not in added:
            added.add(name)
            scaled = image.scaledToWidth(shown, Qt.TransformationMode.SmoothTransformation)
            # looked up relative to the document's base URL, but stored as given
            url = document.baseUrl().resolved(QUrl(name))
            document.addResource(QTextDocument.ResourceType.ImageResource, url, scaled)
        image_format.setProperty(ORIGINAL_NAME, original)
        image_format.setName(name)
        image_format.setWidth(shown)
        image_format.setHeight(image.height() * shown / image.width())
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image_format)


class GuideBrowser(QTextBrowser):
    """QTextBrowser for the guide: named headings, pictures that fit the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.anchors: list[str] = []
        self._scaled: set[str] = set()  # the pictures scaled for this document
        self._originals: dict[str, QImage] = {}  # the pictures as read from disk

    def show_guide(self, path: Path) -> None:
        self.folder = path.parent
        self.setSearchPaths([str(path.parent)])
        self.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)

    def doSetSource(
        self, name: QUrl, type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource
    ) -> None:
        # A link within the guide only scrolls: QTextBrowser would load the file again (the named
        # headings and fitted pictures count as a change) and lose the anchors.
        here = self.source()
        target = here.resolved(name)
        same_file = (target.scheme(), target.path()) == (here.scheme(), here.path())
        if self.anchors and same_file and target.fragment():
            self.scrollToAnchor(target.fragment())
            return
        super().doSetSource(name, type)
        self._scaled, self._originals = set(), {}
        self.anchors = name_headings(self.document())
        self._fit()

    def _fit(self) -> None:
        if self.folder is not None:
            fit_pictures(
                self.document(), self.folder, self.viewport().width() - PICTURE_MARGIN, self._scaled, self._originals
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.setWindowTitle(_("Gebruikershandleiding — KINA Klachten"))
        self.browser = GuideBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setAccessibleName(_("Gebruikershandleiding"))
        self.browser.setOpenExternalLinks(True)
        source = path or guide_path()
        if source.is_file():
            self.browser.show_guide(source)
        else:
            self.browser.setPlainText(_("De gebruikershandleiding is niet gevonden ({path}).").format(path=source))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if language() != DEFAULT_LANGUAGE:  # the guide is written in Dutch only
            notice = QLabel(_("De gebruikershandleiding bestaat alleen in het Nederlands."), self)
            notice.setObjectName("guide_language_notice")
            notice.setWordWrap(True)
            layout.addWidget(notice)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        resize_within_screen(self, *PREFERRED_SIZE, margin=SCREEN_MARGIN)
