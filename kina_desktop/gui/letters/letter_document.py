"""A section of a letter (reports/letter_text.py) in a Qt text document and back.

A paragraph is one block, its line breaks kept as line separators; a "- " line is an item of a
bulleted list; bold and italic become the characters' format. A list that starts a paragraph of
its own carries a block property, so that a round trip keeps the empty line before it.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from kina_desktop.reports.letter_text import BOLD, ITALIC, LetterSection, paragraphs_of, runs

LINE_SEPARATOR = "\u2028"
STARTS_PARAGRAPH = QTextFormat.Property.UserProperty


def _char_format(bold: bool, italic: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    return fmt


def _insert_marked(cursor: QTextCursor, text: str) -> None:
    for piece, bold, italic in runs(text):
        cursor.insertText(piece.replace("\n", LINE_SEPARATOR), _char_format(bold, italic))


PARAGRAPH_GAP = 8.0  # pixels under a paragraph, as the letter leaves space between them
ITEM_GAP = 2.0


def _block_format(gap: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(gap)
    return fmt


def fill_document(document: QTextDocument, text: str) -> None:
    """Put a section's text into ``document`` (its old content goes)."""

    document.clear()
    cursor = QTextCursor(document)
    first = True
    for paragraph in paragraphs_of([LetterSection(text)]):
        lines = paragraph.split("\n")
        index = 0
        new_paragraph = True
        while index < len(lines):
            line = lines[index]
            bullet = line.lstrip().startswith(("- ", "• "))
            if not first:
                cursor.insertBlock(_block_format(PARAGRAPH_GAP), _char_format(False, False))
            else:
                cursor.setBlockFormat(_block_format(PARAGRAPH_GAP))
            first = False
            if bullet:
                block_format = _block_format(ITEM_GAP)
                block_format.setProperty(STARTS_PARAGRAPH, new_paragraph)
                cursor.setBlockFormat(block_format)
                current = cursor.currentList()
                previous = cursor.block().previous()
                if previous.isValid() and previous.textList() is not None and not new_paragraph:
                    previous.textList().add(cursor.block())
                elif current is None:
                    cursor.createList(QTextListFormat.Style.ListDisc)
                _insert_marked(cursor, line.lstrip()[2:].strip())
                index += 1
            else:
                # the lines up to the next bullet are one block, with line separators
                run = [line]
                index += 1
                while index < len(lines) and not lines[index].lstrip().startswith(("- ", "• ")):
                    run.append(lines[index])
                    index += 1
                _insert_marked(cursor, "\n".join(run))
            new_paragraph = False
    document.setModified(False)


def _block_text(block: object) -> str:
    from PySide6.QtGui import QTextBlock

    assert isinstance(block, QTextBlock)
    out: list[str] = []
    bold = italic = False
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            fmt = fragment.charFormat()
            want_bold = fmt.fontWeight() >= QFont.Weight.DemiBold
            want_italic = fmt.fontItalic()
            if want_italic != italic and italic:
                out.append(ITALIC[1])
                italic = False
            if want_bold != bold:
                out.append(BOLD[0] if want_bold else BOLD[1])
                bold = want_bold
            if want_italic != italic:
                out.append(ITALIC[0] if want_italic else ITALIC[1])
                italic = want_italic
            out.append(fragment.text().replace(LINE_SEPARATOR, "\n").replace("\u2029", "\n"))
        iterator += 1
    if italic:
        out.append(ITALIC[1])
    if bold:
        out.append(BOLD[1])
    return "".join(out)


def document_text(document: QTextDocument) -> str:
    """The section's text as reports/letter_text.py keeps it."""
    paragraphs: list[str] = []
    block = document.begin()
    while block.isValid():
        text = _block_text(block)
        if text.strip():
            if block.textList() is not None:
                line = "- " + text.replace("\n", " ")
                starts = bool(block.blockFormat().property(STARTS_PARAGRAPH))
                if paragraphs and not starts and paragraphs[-1] is not None:
                    paragraphs[-1] += "\n" + line
                else:
                    paragraphs.append(line)
            else:
                paragraphs.append(text)
        block = block.next()
    return "\n\n".join(paragraphs)
