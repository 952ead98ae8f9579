"""Which letter may go out for which case (Art. 3, 5, 6, 7): every refusal is a Dutch sentence that
names the article."""

from __future__ import annotations

import re

import pytest

from kina_desktop.domain.enums import Admissibility, Category, Channel, Kind, Level, Verdict
from kina_desktop.domain.letters import LetterKind, allowed_letters, letter_allowed, letter_is_confidential

L = LetterKind
DAILY, PERSONNEL = Category.DAILY_OPERATIONS, Category.PERSONNEL
ARTICLE = re.compile(r"\(Art\. \d")


def refusal(
    kind: LetterKind, case_kind: Kind = Kind.COMPLAINT, category: Category = DAILY, level: Level = Level.TWO, **kw
) -> str:
    problem = letter_allowed(kind, case_kind, category, level, **kw)
    assert problem is not None, f"{kind} should be refused"
    assert ARTICLE.search(problem), problem
    return problem


def test_every_complaint_above_level_1_gets_an_acknowledgement() -> None:
    for category in Category:
        for level in (Level.TWO, Level.THREE):
            assert letter_allowed(L.ACKNOWLEDGEMENT, Kind.COMPLAINT, category, level) is None


def test_level_1_is_solved_at_once_so_no_acknowledgement_and_no_letter_at_all() -> None:
    for kind in LetterKind:
        problem = refusal(kind, level=Level.ONE)
        assert "niveau 1" in problem or kind == L.INFORMATION_ANSWER
    assert allowed_letters(Kind.COMPLAINT, DAILY, Level.ONE) == []


def test_an_information_request_gets_only_an_answer() -> None:
    assert allowed_letters(Kind.INFORMATION_REQUEST, DAILY, Level.TWO) == [L.INFORMATION_ANSWER]
    assert "informatievraag" in refusal(L.ACKNOWLEDGEMENT, Kind.INFORMATION_REQUEST)
    assert "Art. 3" in refusal(L.ACKNOWLEDGEMENT, Kind.INFORMATION_REQUEST)


def test_an_anonymous_report_gets_no_letter() -> None:
    for kind in LetterKind:
        assert "anonieme melding" in refusal(kind, Kind.ANONYMOUS_REPORT).lower()
    assert allowed_letters(Kind.ANONYMOUS_REPORT, DAILY, Level.TWO) == []


def test_a_complaint_gets_no_information_answer() -> None:
    assert "Art. 3" in refusal(L.INFORMATION_ANSWER)


def test_only_an_oral_complaint_is_asked_to_confirm_in_writing() -> None:
    assert letter_allowed(L.CONFIRM_ORAL, Kind.COMPLAINT, DAILY, Level.TWO, channel=Channel.PHONE) is None
    assert letter_allowed(L.CONFIRM_ORAL, Kind.COMPLAINT, DAILY, Level.TWO, channel=Channel.DESK) is None
    assert "mondelinge" in refusal(L.CONFIRM_ORAL, channel=Channel.EMAIL)


def test_the_board_date_is_only_for_personnel_level_3() -> None:
    assert letter_allowed(L.BOARD_DATE, Kind.COMPLAINT, PERSONNEL, Level.THREE) is None
    assert "Raad van Bestuur" in refusal(L.BOARD_DATE, category=PERSONNEL, level=Level.TWO)
    assert "Art. 6" in refusal(L.BOARD_DATE, category=DAILY, level=Level.THREE)


def test_personnel_complainants_hear_only_that_the_complaint_was_handled() -> None:
    assert letter_allowed(L.OUTCOME_PERSONNEL, Kind.COMPLAINT, PERSONNEL, Level.TWO) is None
    assert "Art. 7" in refusal(L.OUTCOME_DAILY, category=PERSONNEL)
    assert "Art. 7" in refusal(L.OUTCOME_PERSONNEL, category=DAILY)


def test_the_outcome_of_a_daily_operations_complaint_needs_a_verdict() -> None:
    assert letter_allowed(L.OUTCOME_DAILY, Kind.COMPLAINT, DAILY, Level.TWO, verdict=Verdict.FOUNDED) is None
    assert "oordeel" in refusal(L.OUTCOME_DAILY, verdict=Verdict.NONE)


def test_an_inadmissible_complaint_gets_the_notice_not_the_outcome() -> None:
    assert "niet ontvankelijk" in refusal(L.OUTCOME_DAILY, admissibility=Admissibility.INADMISSIBLE)
    assert (
        letter_allowed(L.INADMISSIBLE, Kind.COMPLAINT, DAILY, Level.TWO, admissibility=Admissibility.INADMISSIBLE)
        is None
    )
    assert "Art. 3" in refusal(L.INADMISSIBLE, admissibility=Admissibility.ADMISSIBLE)


def test_letters_of_the_confidential_personnel_track_are_marked_confidential() -> None:
    assert {k for k in LetterKind if k.is_confidential} == {L.BOARD_DATE, L.OUTCOME_PERSONNEL}
    assert letter_is_confidential(L.ACKNOWLEDGEMENT, PERSONNEL, Level.TWO)
    assert not letter_is_confidential(L.ACKNOWLEDGEMENT, DAILY, Level.TWO)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_letter_names_its_article_and_has_a_dutch_label(kind: LetterKind) -> None:
    assert re.fullmatch(r"Art\. \d", kind.article)
    assert kind.label() and kind.label()[0].isupper()
    assert LetterKind.from_label(kind.label()) == kind


def test_a_staff_name_in_a_letter_is_found_but_not_the_contact_person() -> None:
    from kina_desktop.domain.letters import staff_names_in

    text = "Wij spraken met veerle DE BACKER over uw dossier. Els Janssens volgt uw klacht op."
    names = ["Veerle De Backer", "Els Janssens", "Tom Maes", "Al"]
    assert staff_names_in(text, names, allowed=["Els Janssens"]) == ["Veerle De Backer"]
    assert staff_names_in("Onze dienst Thomaes helpt u.", names) == []  # whole words only
    assert staff_names_in("Céline Dubois belde.", ["Celine Dubois"]) == ["Celine Dubois"]
