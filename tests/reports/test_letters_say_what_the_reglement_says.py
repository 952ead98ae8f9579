"""Every letter kind, made for a realistic case with its default text and read back from the PDF:
the tracking number, the dates in Dutch, the names and the wording of the reglement."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kina_desktop.domain.closing import PERSONNEL_OUTCOME
from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports.letter_content import build_letter
from kina_desktop.reports.letter_pdf import render_letter
from kina_desktop.reports.letter_templates import default_template

from .cases import ANSWER, BOARD_MEETING, CONTACT, COURT, LETTERHEAD, TODAY, TOO_OLD, case_for
from .pdf_reading import page_texts, text

L = LetterKind


def letter_pdf(kind: LetterKind, language: str = "nl", record=None, **kw) -> bytes:
    kw.setdefault("grounds", (COURT,) if kind == L.INADMISSIBLE else ())
    kw.setdefault("answer", ANSWER if kind == L.INFORMATION_ANSWER else "")
    content = build_letter(
        kind,
        record or case_for(kind),
        default_template(kind, language),
        LETTERHEAD,
        CONTACT,
        TODAY,
        language=language,
        **kw,
    )
    return render_letter(content, LETTERHEAD)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_letter_states_the_tracking_number_dates_names_and_contact(kind: LetterKind) -> None:
    pdf = letter_pdf(kind)
    body = text(pdf)
    assert "Ons kenmerk 2026-0042" in body  # Art. 5: on every communication
    assert "Malle, 24 november 2026" in body
    assert "20 november 2026" in body  # the day of receipt, in Dutch
    assert "Sofie Van den Broeck-Maës" in body
    assert "Kerkstraat 12 bus 3 2390 Westmalle" in body
    assert "Contactpersoon Els Janssens" in body
    assert "03 312 00 12" in body and "els.janssens@kina.be" in body
    assert "KINA p.v." in body and "Antwerpsesteenweg 503" in body and "www.kina.be" in body
    assert "Geachte mevrouw, geachte heer," in body
    assert "Met vriendelijke groeten Els Janssens Klachtenontvanger" in body
    assert len(page_texts(pdf)) == 1, "a default letter fits on one page"


def test_acknowledgement_says_kina_aims_to_handle_within_30_calendar_days() -> None:
    body = text(letter_pdf(L.ACKNOWLEDGEMENT))
    assert "Ontvangstbevestiging van uw klacht 2026-0042" in body
    assert "binnen de 30 kalenderdagen te behandelen" in body
    assert "uitkomst" in body  # "... en de klager over de uitkomst te informeren" (Art. 5)
    assert "opvolgingsnummer 2026-0042" in body
    # What the complaint is about, by its subject: the intake note is the receiver's own wording,
    # not meant for the complainant (docs/letters.md), so it is not quoted.
    assert "Uw klacht gaat over ‘Lange wachttijd aan het loket’." in body
    assert "drie uur moeten wachten" not in body
    assert "Els Janssens volgt uw klacht op" in body


def test_acknowledgement_goes_out_in_french_or_english_where_a_template_exists() -> None:
    french = text(letter_pdf(L.ACKNOWLEDGEMENT, "fr"))
    assert "Malle, le 24 novembre 2026" in french
    assert "Notre référence 2026-0042" in french
    assert "20 novembre 2026" in french and "30 jours calendrier" in french
    assert "Madame, Monsieur," in french
    english = text(letter_pdf(L.ACKNOWLEDGEMENT, "en"))
    assert "Our reference 2026-0042" in english
    assert "24 November 2026" in english and "30 calendar days" in english


def test_oral_complaint_is_asked_to_be_confirmed_in_writing_or_electronically() -> None:
    body = text(letter_pdf(L.CONFIRM_ORAL))
    assert "meldde u ons telefonisch een klacht" in body
    assert "schriftelijk of elektronisch" in body
    assert "per e-mail naar klacht@kina.be" in body
    assert "per post naar KINA p.v., Antwerpsesteenweg 503, 2390 Malle" in body
    assert "via het contactformulier op www.kina.be" in body


def test_complainant_in_doubt_is_asked_to_show_an_interest() -> None:
    body = text(letter_pdf(L.PROOF_OF_INTEREST, note="U schreef namens uw buurman, maar zonder volmacht."))
    assert "belang" in body and "niet ontvankelijk" in body
    assert "U schreef namens uw buurman, maar zonder volmacht." in body


def test_inadmissibility_notice_gives_the_ground_of_article_3_and_its_motivation() -> None:
    body = text(letter_pdf(L.INADMISSIBLE))
    assert "Uw klacht 2026-0042 is niet ontvankelijk" in body
    assert "• Voorwerp van een gerechtelijke procedure" in body
    assert "Over dezelfde feiten loopt een procedure bij de arbeidsrechtbank van Antwerpen." in body


def test_inadmissibility_notice_with_two_grounds_motivates_each() -> None:
    body = text(letter_pdf(L.INADMISSIBLE, grounds=(COURT, TOO_OLD)))
    assert "• Voorwerp van een gerechtelijke procedure • Feiten van meer dan zes maanden" in body
    assert "• Feiten van meer dan zes maanden voor de indiening: De feiten dateren van 3 maart 2026" in body


def test_personnel_level_3_complainant_hears_the_board_date_and_that_the_answer_follows_after() -> None:
    pdf = letter_pdf(L.BOARD_DATE)
    body = text(pdf)
    assert "Persoonlijk en vertrouwelijk" in body
    assert "De Raad van Bestuur bespreekt uw klacht op 15 december 2026." in body
    assert "Pas na die vergadering kunnen wij u een antwoord geven" in body
    assert "Piet Claes" not in body  # the staff member concerned is never named


def test_board_date_can_be_given_when_the_case_has_none_yet() -> None:
    record = case_for(L.BOARD_DATE)
    record = replace(record, header=replace(record.header, board_meeting_on=None))
    body = text(letter_pdf(L.BOARD_DATE, record=record, board_meeting_on=BOARD_MEETING.replace(day=22)))
    assert "22 december 2026" in body


def test_daily_operations_outcome_gives_verdict_motivation_and_measures() -> None:
    body = text(letter_pdf(L.OUTCOME_DAILY))
    assert "Uitkomst van uw klacht 2026-0042" in body
    assert "Ons oordeel over uw klacht: gegrond. Dat betekent dat u gelijk hebt." in body
    assert "De afspraak stond niet in de nieuwe agenda." in body
    assert "Alle afspraken staan voortaan in één agenda." in body


def test_outcome_without_measures_leaves_the_measures_paragraph_out() -> None:
    record = case_for(L.OUTCOME_DAILY)
    record = replace(record, handling=replace(record.handling, measures=""))
    body = text(letter_pdf(L.OUTCOME_DAILY, record=record))
    assert "maatregelen" not in body
    assert "Onze motivering:" in body


def test_personnel_outcome_gives_only_the_privacy_wording_of_article_7() -> None:
    pdf = letter_pdf(L.OUTCOME_PERSONNEL)
    body = text(pdf)
    assert "Persoonlijk en vertrouwelijk" in body
    assert " ".join(PERSONNEL_OUTCOME.split()) in body
    # the verdict, its motivation, the measures and the staff member stay inside KINA
    for secret in ("gegrond", "Piet Claes", "opleiding", "gaf toe"):
        assert secret not in body


def test_information_request_gets_the_answer() -> None:
    body = text(letter_pdf(L.INFORMATION_ANSWER))
    assert "Antwoord op uw vraag 2026-0042" in body
    assert "een vraag over de openingsuren van het sociaal huis in de kerstvakantie" in body
    assert ANSWER in body
    assert "klacht" not in body.replace("klacht@kina.be", "")  # a question, not a complaint


def test_every_dutch_character_renders_and_can_be_copied() -> None:
    note = "Wij betalen u € 12,50 terug – dat is naïef geregeld … “zo” en ‘zo’: één keer, Ökonomie, ç."
    body = text(letter_pdf(L.OUTCOME_DAILY, note=note))
    assert note in body
    assert "Sofie Van den Broeck-Maës" in body
