"""Each letter of a batch cut from the batch's PDF as a PDF of its own (the copy kept in the
complaint folder, Art. 5): its own pages and nothing else, readable by any PDF reader, with the
letter's title; a PDF of another structure falls back to rendering each letter on its own."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdfium2
from PIL import Image
from pypdf import PdfReader, PdfWriter

from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports.letter_content import LetterContent, build_letter
from kina_desktop.reports.letter_copies import letter_copies, split_pages
from kina_desktop.reports.letter_pdf import render_batch, render_letter
from kina_desktop.reports.letter_templates import default_template

from .cases import CONTACT, LETTERHEAD, TODAY, record
from .pdf_reading import fonts, page_texts

ACK = default_template(LetterKind.ACKNOWLEDGEMENT)


def letter(number: str, name: str, note: str = "") -> LetterContent:
    return build_letter(
        LetterKind.ACKNOWLEDGEMENT,
        record(number=number, complainant_name=name),
        ACK,
        LETTERHEAD,
        CONTACT,
        TODAY,
        note=note,
    )


LONG_NOTE = "\n\n".join(f"Alinea {i}: " + "Wij lezen uw brief aandachtig en nemen de tijd. " * 8 for i in range(9))
# given out of tracking-number order: the batch sorts them, the copies follow the given order
LETTERS = [
    letter("2026-0003", "Célestine Derde"),
    letter("2026-0001", "Anna Eerste", LONG_NOTE),
    letter("2026-0002", "Bart Tweede"),
]


def test_each_copy_holds_its_own_letters_pages_and_nothing_else() -> None:
    batch = render_batch(LETTERS, LETTERHEAD)
    assert batch.pages == (range(3, 4), range(0, 2), range(2, 3))
    copies = split_pages(batch.pdf, batch.pages, [content.subject for content in LETTERS])
    assert copies is not None  # ReportLab's PDF is cut, not rendered again
    batch_pages = page_texts(batch.pdf)
    for content, pages, copy in zip(LETTERS, batch.pages, copies):
        assert page_texts(copy) == [batch_pages[page] for page in pages]
        words = " ".join(page_texts(copy))
        assert content.tracking_number in words and content.recipient_name in words
        others = [other for other in LETTERS if other is not content]
        assert not [o for o in others if o.tracking_number in words or o.recipient_name in words]
        strict = PdfReader(io.BytesIO(copy), strict=True)
        assert strict.metadata is not None and strict.metadata.title == content.subject
        assert strict.metadata.author == LETTERHEAD.name
        assert len(pypdfium2.PdfDocument(copy)) == len(pages)  # PDFium (printing, preview) reads it too
        assert {str(font["/BaseFont"]) for font in fonts(copy)} == {str(font["/BaseFont"]) for font in fonts(batch.pdf)}
    assert "Pagina 2 van 2" in page_texts(copies[1])[1]


def test_a_copy_keeps_the_logo_and_a_title_beyond_ascii(tmp_path) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (300, 120), (0, 90, 160)).save(logo, format="PNG")
    letterhead = replace(LETTERHEAD, logo=logo.getvalue())
    contents = [replace(LETTERS[0], subject="Accusé de réception (plainte 2026-0003)"), LETTERS[2]]
    batch = render_batch(contents, letterhead)
    copies = letter_copies(batch.pdf, batch.pages, contents, letterhead)
    for copy in copies:
        assert len(PdfReader(io.BytesIO(copy), strict=True).pages[0].images) == 1
    assert PdfReader(io.BytesIO(copies[0])).metadata.title == "Accusé de réception (plainte 2026-0003)"


def test_a_pdf_of_another_structure_is_not_cut_and_each_letter_is_rendered_on_its_own() -> None:
    batch = render_batch(LETTERS[1:], LETTERHEAD)
    assert split_pages(b"%PDF-1.4 not really", batch.pages, ["a", "b"]) is None
    copies = letter_copies(b"%PDF-1.4 not really", batch.pages, LETTERS[1:], LETTERHEAD)
    assert [page_texts(copy) for copy in copies] == [
        page_texts(render_letter(content, LETTERHEAD)) for content in LETTERS[1:]
    ]


def test_a_pdf_another_writer_rewrote_is_cut_by_its_pages_or_not_at_all() -> None:
    batch = render_batch(LETTERS[1:], LETTERHEAD)
    rewritten = io.BytesIO()
    PdfWriter(clone_from=PdfReader(io.BytesIO(batch.pdf))).write(rewritten)  # pypdf's own layout
    cut = split_pages(rewritten.getvalue(), batch.pages, ["a", "b"])
    if cut is not None:
        assert [page_texts(copy) for copy in cut] == [page_texts(batch.pdf)[0:2], page_texts(batch.pdf)[2:3]]
