"""The letter as paper: embedded fonts, the address in the envelope window, batches in
tracking-number order with page numbers from a letter's second page, progress and cancel."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports.letter_content import ContactPerson, LetterContent, build_letter, complaint_summary
from kina_desktop.reports.letter_errors import Cancelled
from kina_desktop.reports.letter_pdf import in_tracking_number_order, render_letter, render_letters
from kina_desktop.reports.letter_templates import default_template

from .cases import CONTACT, DESCRIPTION, LETTERHEAD, TODAY, case_for, record
from .pdf_reading import fonts, page_texts, reader, run_with

L = LetterKind
ACK = default_template(L.ACKNOWLEDGEMENT)


def acknowledgement(number: str = "2026-0042", **kw) -> LetterContent:
    return build_letter(L.ACKNOWLEDGEMENT, record(number=number, **kw), ACK, LETTERHEAD, CONTACT, TODAY)


def long_acknowledgement(number: str) -> LetterContent:
    """An acknowledgement with a long note: two pages."""
    note = "\n\n".join(f"Alinea {i}: " + "Wij lezen uw brief aandachtig en nemen de tijd. " * 8 for i in range(9))
    return build_letter(L.ACKNOWLEDGEMENT, record(number=number), ACK, LETTERHEAD, CONTACT, TODAY, note=note)


def test_fonts_are_embedded_truetype_subsets_not_helvetica() -> None:
    pdf = render_letter(acknowledgement(), LETTERHEAD)
    found = fonts(pdf)
    assert found
    for font in found:
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert str(font["/BaseFont"]).startswith("/AAAAAA+DejaVuSans")  # a subset
        assert "/FontFile2" in font["/FontDescriptor"].get_object()  # the glyphs are in the file
        assert "/ToUnicode" in font  # and the text can be copied out
    assert not any("Helvetica" in str(font["/BaseFont"]) for font in found)


def test_address_sits_in_the_window_of_a_dl_envelope() -> None:
    pdf = render_letter(acknowledgement(), LETTERHEAD)
    for line in ("Sofie Van den Broeck-Maës", "Kerkstraat 12 bus 3", "2390 Westmalle"):
        run = run_with(pdf, line)
        assert run.x_mm == pytest.approx(110, abs=0.5)
        assert 52 <= run.top_mm <= 88, (line, run.top_mm)


def test_confidential_letters_say_so_above_the_address_inside_the_window() -> None:
    content = build_letter(
        L.OUTCOME_PERSONNEL,
        case_for(L.OUTCOME_PERSONNEL),
        default_template(L.OUTCOME_PERSONNEL),
        LETTERHEAD,
        CONTACT,
        TODAY,
    )
    assert content.confidential
    pdf = render_letter(content, LETTERHEAD)
    mark, name = run_with(pdf, "Persoonlijk en vertrouwelijk"), run_with(pdf, "Sofie Van den Broeck-Maës")
    assert mark.x_mm == pytest.approx(110, abs=0.5)
    assert 50 <= mark.top_mm < name.top_mm <= 88


def test_every_letter_of_a_confidential_personnel_case_is_marked_confidential() -> None:
    personnel = record(category=Category.PERSONNEL, level=Level.TWO)
    content = build_letter(L.ACKNOWLEDGEMENT, personnel, ACK, LETTERHEAD, CONTACT, TODAY)
    assert content.confidential
    assert "Persoonlijk en vertrouwelijk" in page_texts(render_letter(content, LETTERHEAD))[0]
    assert not acknowledgement().confidential
    assert "vertrouwelijk" not in page_texts(render_letter(acknowledgement(), LETTERHEAD))[0]


def test_letter_blocks_come_in_the_order_of_a_flemish_government_letter() -> None:
    pdf = render_letter(acknowledgement(), LETTERHEAD)
    order = [
        "KINA p.v.",
        "Ons kenmerk",
        "Malle, 24 november 2026",
        "Ontvangstbevestiging van uw klacht",
        "Geachte mevrouw, geachte heer,",
        "Wij hebben uw klacht",
        "Met vriendelijke groeten",
    ]
    tops = [run_with(pdf, needle).top_mm for needle in order]
    assert tops == sorted(tops)
    assert run_with(pdf, "Malle, 24 november 2026").top_mm > 90  # below the window


def test_batch_gives_each_letter_in_tracking_number_order_on_a_new_page() -> None:
    batch = [acknowledgement("2026-0107"), long_acknowledgement("2026-0009"), acknowledgement("2026-0042")]
    pages = page_texts(render_letters(batch, LETTERHEAD))
    assert len(pages) == 4
    numbers = [page.split("Ons kenmerk ", 1)[1][:9] for page in pages]
    assert numbers == ["2026-0009", "2026-0009", "2026-0042", "2026-0107"]
    starts = [i for i, page in enumerate(pages) if "Geachte mevrouw, geachte heer," in page]
    assert starts == [0, 2, 3]


def test_page_numbers_appear_only_from_a_letters_second_page() -> None:
    batch = [acknowledgement("2026-0042"), long_acknowledgement("2026-0009"), acknowledgement("2026-0107")]
    pages = page_texts(render_letters(batch, LETTERHEAD))
    assert "Pagina" not in pages[0] and "Pagina" not in pages[2] and "Pagina" not in pages[3]
    assert "KINA p.v. · Ons kenmerk 2026-0009 Pagina 2 van 2" in pages[1]


def test_batch_orders_tracking_numbers_as_numbers_and_years() -> None:
    contents = [acknowledgement(n) for n in ("2027-0001", "2026-10000", "2026-0042", "2026-9999")]
    assert [c.tracking_number for c in in_tracking_number_order(contents)] == [
        "2026-0042",
        "2026-9999",
        "2026-10000",
        "2027-0001",
    ]


def test_batch_reports_progress_per_letter() -> None:
    seen: list[tuple[int, int]] = []
    render_letters(
        [acknowledgement(f"2026-00{n}") for n in (11, 12, 13)], LETTERHEAD, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_batch_can_be_cancelled_between_letters() -> None:
    seen: list[tuple[int, int]] = []
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) >= 2  # a person presses Cancel while the first letter is being made

    with pytest.raises(Cancelled):
        render_letters(
            [acknowledgement(f"2026-00{n}") for n in (11, 12, 13)],
            LETTERHEAD,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=cancelled,
        )
    assert seen == [(0, 3), (1, 3)]
    assert len(asked) == 2


def test_pdf_title_is_the_subject_for_one_letter() -> None:
    meta = reader(render_letter(acknowledgement(), LETTERHEAD)).metadata
    assert meta.title == "Ontvangstbevestiging van uw klacht 2026-0042"
    assert meta.author == "KINA p.v."


def test_logo_from_the_settings_is_drawn_and_a_broken_one_is_left_out(tmp_path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), (0, 90, 160)).save(logo)
    with_logo = render_letter(acknowledgement(), replace(LETTERHEAD, logo_path=str(logo)))
    images = reader(with_logo).pages[0].images
    assert len(images) == 1
    assert run_with(with_logo, "KINA p.v.").x_mm > 25  # the name moves right of the logo
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    assert "KINA p.v." in page_texts(render_letter(acknowledgement(), replace(LETTERHEAD, logo_path=str(broken))))[0]


def test_summary_restates_the_complaint_and_cuts_long_texts_at_a_word() -> None:
    long = replace(DESCRIPTION, text="woord " * 100)
    summary = complaint_summary(long, limit=40)
    assert summary.startswith("Lange wachttijd aan het loket (OCMW Zoersel)\n“woord woord")
    assert summary.endswith(" …”") and "wo …" not in summary


def test_contact_without_a_phone_of_their_own_is_reached_through_kinas_phone() -> None:
    content = build_letter(
        L.ACKNOWLEDGEMENT,
        record(),
        ACK,
        LETTERHEAD,
        ContactPerson("Jan Wouters", "Klachtenbehandelaar", email="jan.wouters@kina.be"),
        TODAY,
    )
    body = " ".join("\n".join(content.paragraphs).split())
    assert "contact op via telefoon 03 312 00 00 of e-mail jan.wouters@kina.be." in body
    assert "telefoon\u00a003\u00a0312\u00a000\u00a000" in content.paragraphs[-1]  # never cut over two lines
    assert content.signature_name == "Jan Wouters"


def test_contact_without_any_phone_gives_the_email_only() -> None:
    content = build_letter(
        L.ACKNOWLEDGEMENT,
        record(),
        ACK,
        replace(LETTERHEAD, phone=""),
        ContactPerson("Jan Wouters", email="jan.wouters@kina.be"),
        TODAY,
    )
    assert content.paragraphs[-1].endswith("contact op via e-mail\u00a0jan.wouters@kina.be.")


def test_a_known_title_gives_a_personal_salutation_and_someone_else_may_sign() -> None:
    director = ContactPerson("An Peeters", "Directeur")
    content = build_letter(
        L.ACKNOWLEDGEMENT,
        record(),
        ACK,
        LETTERHEAD,
        CONTACT,
        TODAY,
        salutation="Geachte mevrouw Van den Broeck,",
        signatory=director,
    )
    assert content.salutation == "Geachte mevrouw Van den Broeck,"
    assert (content.signature_name, content.signature_function) == ("An Peeters", "Directeur")
    assert content.contact == CONTACT
