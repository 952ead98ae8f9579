"""Routes the texts of the Designer forms through gettext, like every other text the user sees.

pyside6-uic writes ``QCoreApplication.translate("Ui class", "Dutch text")``. This translator
answers those calls with ``_()`` for the contexts of our own forms and stays silent for Qt's own
contexts, which ``qtbase_nl.qm`` translates. Silent means ``None`` (a null QString): an empty
string would count as a translation and blank out every text of Qt itself.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from kina_desktop.i18n import _


class GettextTranslator(QTranslator):
    def __init__(self, contexts: frozenset[str], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._contexts = contexts

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        if context in self._contexts and source_text:
            return _(source_text)
        return None
