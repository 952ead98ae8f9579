"""The Dutch user guide (``resources/guide/gebruikersgids.md``), shown from the Help menu (F1).

The guide is Markdown with screenshots beside it; QTextBrowser renders both, and links between
sections or to the pictures stay inside the viewer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kina_desktop.i18n import _
from kina_desktop.reports.resource_paths import resource


def guide_path() -> Path:
    return resource("guide", "gebruikersgids.md")


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.setWindowTitle(_("Gebruikershandleiding — KINA Klachten"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(True)
        source = path or guide_path()
        if source.is_file():
            self.browser.setSearchPaths([str(source.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(source)), QTextDocument.ResourceType.MarkdownResource)
        else:
            self.browser.setPlainText(
                _("De gebruikershandleiding is niet gevonden ({path}).").format(path=source)
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 760)
