"""A section of a letter in the editor's text document and back: paragraphs, line breaks,
bulleted lists and bold/italic survive the round trip (reports/letter_text.py)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from kina_desktop.gui.letters.letter_document import document_text, fill_document
from kina_desktop.reports.letter_text import BOLD, ITALIC, markup


@pytest.mark.parametrize(
    "text",
    [
        "Wij hebben uw klacht goed ontvangen.\n\nUw klacht gaat over ‘x’.",
        "Reden:\n- een\n- twee\n\nSlot.",
        "Eerst.\n\n- los\n- lijst\n\nNa.",
        f"Dit is {BOLD[0]}vet{BOLD[1]} en {ITALIC[0]}schuin {BOLD[0]}beide{BOLD[1]}{ITALIC[1]}.",
        "Regel een\nregel twee\n\nNieuwe alinea.",
        "",
    ],
)
def test_a_section_of_a_letter_survives_the_editor(qapp, text: str) -> None:  # type: ignore[no-untyped-def]
    document = QTextDocument()
    fill_document(document, text)
    back = document_text(document)
    assert [markup(line) for line in back.split("\n")] == [markup(line) for line in text.split("\n")]
    assert not document.isModified()
