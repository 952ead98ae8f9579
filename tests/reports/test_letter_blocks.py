"""The fixed blocks of a letter by the post's rules, measured in the PDF with poppler's
``pdftotext -bbox``: the complainant's address whole inside the envelope window (bpost: no part of
it may disappear under the envelope; street, number and box on one line; postal code and
municipality on one line; no word broken), "Persoonlijk en vertrouwelijk" with room to the window's
edge, an e-mail address in the reference block broken only where a reader expects it, and a
board-date letter that never announces a meeting already past (Art. 6). docs/letters.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.domain.enums import Category
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.letters import LetterKind, letter_allowed_for
from kina_desktop.reports.letter_blocks import (
    ADDRESS_SIZE,
    SMALLEST_SIZE,
    address_notice,
    break_at_allowed_points,
    fit_address,
    fits,
)
from kina_desktop.reports.letter_content import LetterContent, build_letter
from kina_desktop.reports.letter_errors import MissingLetterData
from kina_desktop.reports.letter_pdf import render_letter
from kina_desktop.reports.letter_templates import default_template

from .cases import ANSWER, BOARD_MEETING, CONTACT, COURT, LETTERHEAD, TODAY, case_for
from .pdf_reading import text
from .pdf_words import Word, in_area, lines, words

# The window of the DL envelope on the folded A4 sheet, in mm from the top-left corner (docs/letters.md).
WINDOW = (100.0, 50.0, 200.0, 95.0)  # left, top, right, bottom
MARGIN = 5.0  # what is printed in the window keeps this much room to its edge

LONG_NAME = "Françoise Marie-Thérèse Ghislaine D'Hondt-Van Aelst de Sélys Longchamps-Vandenbergh-Verschueren"
SHORT_NAME = "Françoise D'Hondt-Van Aelst"
STREET = "Onze-Lieve-Vrouw-van-Gedurige-Bijstandstraat 1234 bus 56"
CITY = "2860 Sint-Katelijne-Waver"
LONG_EMAIL = "francoise.vandenbroeck-verschueren@ocmw-sint-katelijne-waver.be"
CONTACT_LONG_EMAIL = replace(CONTACT, email=LONG_EMAIL)
TRACKS = {"dagelijkse werking": Category.DAILY_OPERATIONS, "personeel": Category.PERSONNEL}


def _allowed(record: CaseRecord, kind: LetterKind) -> bool:
    return letter_allowed_for(kind, record) is None


def _case(kind: LetterKind, category: Category, name: str) -> CaseRecord:
    record = case_for(kind)
    record = replace(record, header=replace(record.header, category=category))
    assert record.description is not None
    description = replace(
        record.description,
        complainant_name=name,
        complainant_street=STREET,
        complainant_postal_code="2860",
        complainant_city="Sint-Katelijne-Waver",
    )
    return replace(record, description=description)


# Every letter kind on a daily-operations and on a personnel case, where the reglement allows it.
COMBINATIONS = [
    (kind, track)
    for kind in LetterKind
    for track, category in TRACKS.items()
    if _allowed(_case(kind, category, SHORT_NAME), kind)
]


def _letter(kind: LetterKind, track: str, name: str) -> LetterContent:
    return build_letter(
        kind,
        _case(kind, TRACKS[track], name),
        default_template(kind),
        LETTERHEAD,
        CONTACT_LONG_EMAIL,
        TODAY,
        grounds=(COURT,),
        answer=ANSWER,
    )


def _window_words(found: list[Word]) -> list[Word]:
    """Whatever is printed right of the reference block between the letterhead and the body: the
    window's contents, and anything that spills over its edges."""
    return in_area(found, WINDOW[0], 40, 210, 100)


def test_the_test_data_is_what_the_brief_asks_for() -> None:
    assert len(LONG_NAME) == 95
    kinds = {kind for kind, _track in COMBINATIONS}
    assert kinds == set(LetterKind)  # every kind is rendered at least once
    assert {track for _kind, track in COMBINATIONS} == set(TRACKS)


@pytest.mark.parametrize("name", [LONG_NAME, SHORT_NAME], ids=["95 tekens", "Françoise"])
@pytest.mark.parametrize(("kind", "track"), COMBINATIONS, ids=[f"{k.value}-{t}" for k, t in COMBINATIONS])
def test_the_address_is_whole_inside_the_envelope_window(kind: LetterKind, track: str, name: str) -> None:
    content = _letter(kind, track, name)
    found = words(render_letter(content, LETTERHEAD))
    in_window = _window_words(found)
    left, top, right, bottom = WINDOW
    for word in in_window:
        assert left + MARGIN <= word.left and word.right <= right - MARGIN, (word, "sideways out of the window")
        assert top + MARGIN <= word.top and word.bottom <= bottom - MARGIN, (word, "out of the top or bottom")

    rows = [" ".join(w.text for w in row) for row in lines(in_window)]
    if content.confidential:
        assert rows[0] == "Persoonlijk en vertrouwelijk"
        rows = rows[1:]
    block = fit_address(name, [STREET, CITY])
    street = block.lines[-2]
    # Street, house number and box on one line; postal code and municipality on one line.
    assert rows[-2:] == [street, CITY]
    assert street.endswith(" 1234 bus 56") and street.replace("O.-L.-Vrouw", "Onze-Lieve-Vrouw") == STREET
    # The name whole, broken between words only, on at most three lines; five lines in all.
    assert " ".join(rows[:-2]) == name
    assert len(rows[:-2]) <= 3 and len(rows) <= 5


@pytest.mark.parametrize(("kind", "track"), COMBINATIONS, ids=[f"{k.value}-{t}" for k, t in COMBINATIONS])
def test_no_word_of_the_address_is_split_over_two_lines(kind: LetterKind, track: str) -> None:
    content = _letter(kind, track, LONG_NAME)
    in_window = _window_words(words(render_letter(content, LETTERHEAD)))
    printed = [w.text for w in in_window if w.text not in ("Persoonlijk", "en", "vertrouwelijk")]
    expected = " ".join([LONG_NAME, *fit_address(LONG_NAME, [STREET, CITY]).lines[-2:]]).split()
    assert printed == expected  # "Bijstandstra" + "at" would be two words here


def test_confidential_mark_keeps_its_margin_inside_the_window() -> None:
    content = _letter(LetterKind.OUTCOME_PERSONNEL, "personeel", LONG_NAME)
    assert content.confidential
    found = words(render_letter(content, LETTERHEAD))
    mark = [w for w in _window_words(found) if w.text in ("Persoonlijk", "en", "vertrouwelijk")]
    assert [w.text for w in mark] == ["Persoonlijk", "en", "vertrouwelijk"]
    name = next(w for w in found if w.text == "Françoise")
    top_margin = min(w.top for w in mark) - WINDOW[1]
    left_margin = min(w.left for w in mark) - WINDOW[0]
    assert top_margin >= MARGIN - 0.05, f"{top_margin:.1f} mm below the window's top edge"  # was 2.8 mm
    assert left_margin >= MARGIN, f"{left_margin:.1f} mm from the window's left edge"
    assert max(w.bottom for w in mark) + 1.5 <= name.top  # a clear gap above the address


@pytest.mark.parametrize(("kind", "track"), COMBINATIONS, ids=[f"{k.value}-{t}" for k, t in COMBINATIONS])
def test_reference_block_breaks_an_email_address_only_at_allowed_points(kind: LetterKind, track: str) -> None:
    found = words(render_letter(_letter(kind, track, SHORT_NAME), LETTERHEAD))
    reference = in_area(found, 0, 55, WINDOW[0], 95)
    assert reference and all(w.right <= WINDOW[0] - 2 for w in reference)  # left of the window
    pieces = [w.text for w in reference if w.left > 50 and (w.text[:1] in "-.@_" or "@" in w.text or "." in w.text)]
    pieces = [p for p in pieces if p not in ("2026-0042",)]
    assert "".join(pieces) == LONG_EMAIL
    assert all(piece[:1] in "-.@_/" for piece in pieces[1:])  # each new line goes on with a separator


def test_an_ordinary_address_is_printed_as_it_is() -> None:
    block = fit_address("Sofie Van den Broeck-Maës", ["Kerkstraat 12 bus 3", "2390 Westmalle"])
    assert block.lines == ("Sofie Van den Broeck-Maës", "Kerkstraat 12 bus 3", "2390 Westmalle")
    assert block.size == ADDRESS_SIZE and not block.shortened
    assert address_notice("Sofie Van den Broeck-Maës", ["Kerkstraat 12 bus 3", "2390 Westmalle"]) == ""


def test_a_long_street_is_abbreviated_as_bpost_allows_and_the_user_is_told() -> None:
    block = fit_address(SHORT_NAME, [STREET, CITY])
    assert block.lines == (SHORT_NAME, "O.-L.-Vrouw-van-Gedurige-Bijstandstraat 1234 bus 56", CITY)
    assert SMALLEST_SIZE <= block.size < ADDRESS_SIZE and block.scale == 100 and fits(block)
    notice = address_notice(SHORT_NAME, [STREET, CITY])
    assert notice == (
        "Het adres is te lang voor het venster van de envelop en staat daarom ingekort in de brief, "
        "zoals bpost dat toelaat: „O.-L.-Vrouw-van-Gedurige-Bijstandstraat 1234 bus 56”."
    )


def test_the_road_type_is_abbreviated_last() -> None:
    street = "Burgemeester Generaal Van Oudenhove-de-la-Kapellekensstraat 1234 bus 56"
    block = fit_address("An Peeters", [street, "9000 Gent"])
    assert block.lines[1] == "Burg. Gen. Van Oudenhove-de-la-Kapellekensstr. 1234 bus 56"
    assert fits(block)


def test_a_street_of_forty_characters_or_fewer_is_never_abbreviated() -> None:
    street = "Onze-Lieve-Vrouwstraat 12 bus 3"  # bpost: only a line of more than 40 characters
    assert fit_address("An Peeters", [street, "2390 Malle"]).lines[1] == street
    wide = "Sint-" + "M" * 25 + "straat 1"  # 37 characters without spaces, too wide at 9 pt
    block = fit_address("An Peeters", [wide, "2390 Malle"])
    assert block.lines[1] == wide and block.size == 8.5 and not block.narrowed and fits(block)
    assert address_notice("An Peeters", [wide, "2390 Malle"]) == (
        "Naam en adres van de klager zijn te lang voor het venster van de envelop en staan daarom in een "
        "kleinere letter in de brief."
    )


def test_an_impossible_address_stays_in_the_window_and_the_user_is_asked_to_check_it() -> None:
    for street in ("W" * 29 + "straat 1 bus 2", "W" * 120 + " 1"):  # 40 characters; a typing error
        block = fit_address("An Peeters", [street, "2390 Malle"])
        assert block.lines[1] == street and block.size == SMALLEST_SIZE and block.narrowed and fits(block)
        assert address_notice("An Peeters", [street, "2390 Malle"]).endswith(
            "staan smaller gedrukt in de brief: kijk het adres na voor u de brief verstuurt."
        )


def test_the_name_is_never_abbreviated_only_wrapped_between_words() -> None:
    block = fit_address(LONG_NAME, [STREET, CITY])
    assert " ".join(block.lines[:-2]) == LONG_NAME
    assert all(line.split() == line.split(" ") for line in block.lines)  # no empty or broken words


def test_email_breaks_before_at_sign_dot_or_hyphen() -> None:
    from reportlab.lib.units import mm

    lines_ = break_at_allowed_points(LONG_EMAIL, 46 * mm, 9)
    assert "".join(lines_) == LONG_EMAIL and len(lines_) > 1
    assert all(line[:1] in "@.-_/" for line in lines_[1:])
    assert break_at_allowed_points("els.janssens@kina.be", 46 * mm, 9) == ["els.janssens@kina.be"]


def test_board_date_letter_announces_a_meeting_to_come_and_refuses_one_already_past() -> None:
    record = case_for(LetterKind.BOARD_DATE)
    template = default_template(LetterKind.BOARD_DATE)
    today = build_letter(LetterKind.BOARD_DATE, record, template, LETTERHEAD, CONTACT, BOARD_MEETING)
    assert "bespreekt uw klacht op 15 december 2026" in text(render_letter(today, LETTERHEAD))
    with pytest.raises(MissingLetterData) as refused:
        build_letter(LetterKind.BOARD_DATE, record, template, LETTERHEAD, CONTACT, BOARD_MEETING + dt.timedelta(days=1))
    assert str(refused.value) == (
        "De vergadering van de Raad van Bestuur op 15-12-2026 is al voorbij, en deze brief kondigt een "
        "komende vergadering aan (Art. 6): leg eerst de datum van de volgende vergadering vast."
    )
    assert refused.value.fields == ("board_meeting_on",)


def test_other_letters_are_not_refused_for_a_past_board_date() -> None:
    record = case_for(LetterKind.OUTCOME_PERSONNEL)
    record = replace(record, header=replace(record.header, board_meeting_on=TODAY - dt.timedelta(days=30)))
    try:
        build_letter(
            LetterKind.OUTCOME_PERSONNEL,
            record,
            default_template(LetterKind.OUTCOME_PERSONNEL),
            LETTERHEAD,
            CONTACT,
            TODAY,
        )
    except RuleViolation:  # pragma: no cover - which letters are allowed is decided elsewhere
        pytest.skip("the personnel outcome is not allowed on this case")
