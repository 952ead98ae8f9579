"""The text of a letter as a person edits it: what the reglement prescribes stays fixed (Art. 5's
30-day aim, Art. 7's privacy sentence), bold and italic never come from typed or stored text."""

from __future__ import annotations

import pytest

from kina_desktop.domain.closing import PERSONNEL_OUTCOME
from kina_desktop.domain.enums import Status
from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports.letter_content import build_letter
from kina_desktop.reports.letter_errors import LetterTextProblem
from kina_desktop.reports.letter_templates import default_template
from kina_desktop.reports.letter_text import (
    BOLD,
    ITALIC,
    LetterEdits,
    LetterSection,
    apply_edits,
    edits_of,
    markup,
    paragraphs_of,
    plain,
    sections_from,
)

from .cases import CONTACT, LETTERHEAD, TODAY, case_for, record


def acknowledgement(**edits: object):  # type: ignore[no-untyped-def]
    return build_letter(
        LetterKind.ACKNOWLEDGEMENT,
        case_for(LetterKind.ACKNOWLEDGEMENT),
        default_template(LetterKind.ACKNOWLEDGEMENT),
        LETTERHEAD,
        CONTACT,
        TODAY,
        **edits,  # type: ignore[arg-type]
    )


def test_the_30_day_aim_of_article_5_is_a_fixed_section_of_the_acknowledgement() -> None:
    letter = acknowledgement()
    fixed = [s for s in letter.sections if not s.editable]
    assert len(fixed) == 1
    assert "binnen de 30 kalenderdagen" in fixed[0].text
    assert "Art. 5" in fixed[0].fixed_by
    # a person can write before and after it
    assert letter.sections[0].editable and letter.sections[-1].editable
    assert "Bedankt dat u ons dit laat weten." in letter.sections[0].text


def test_the_privacy_sentence_of_article_7_is_fixed_in_the_personnel_outcome() -> None:
    letter = build_letter(
        LetterKind.OUTCOME_PERSONNEL,
        case_for(LetterKind.OUTCOME_PERSONNEL),
        default_template(LetterKind.OUTCOME_PERSONNEL),
        LETTERHEAD,
        CONTACT,
        TODAY,
    )
    [fixed] = [s for s in letter.sections if not s.editable]
    assert fixed.text.startswith(PERSONNEL_OUTCOME[:40]) and "Art. 7" in fixed.fixed_by


def test_an_edited_sentence_reaches_the_letter_and_the_prescribed_text_stays() -> None:
    original = acknowledgement()
    edits = edits_of(original.subject, original.sections)
    first = edits.texts[0].replace("Bedankt dat u ons dit laat weten.", "Dank u wel voor uw bericht.")
    edited = acknowledgement(edits=LetterEdits("Uw klacht over het loket", (first, *edits.texts[1:])))
    text = "\n".join(edited.paragraphs)
    assert edited.subject == "Uw klacht over het loket"
    assert "Dank u wel voor uw bericht." in text and "Bedankt dat u ons" not in text
    assert "binnen de 30 kalenderdagen" in text  # the Art. 5 sentence, from the template
    assert edited.tracking_number == original.tracking_number  # "Ons kenmerk" is the frame's


def test_edits_cannot_remove_the_prescribed_sentence_even_when_they_leave_everything_else_out() -> None:
    original = acknowledgement()
    edits = LetterEdits(original.subject, tuple("" for s in original.sections if s.editable))
    edited = acknowledgement(edits=edits)
    assert len(edited.paragraphs) == 1 and "30 kalenderdagen" in edited.paragraphs[0]


@pytest.mark.parametrize(
    ("subject", "texts", "message"),
    [
        ("  ", None, "Vul het onderwerp van de brief in."),
        ("x" * 201, None, "Het onderwerp van de brief is te lang"),
        ("Onderwerp", ("a",), "De brieftekst is gewijzigd sinds deze brief werd bewerkt"),
        ("Onderwerp", ("a" * 20_001, ""), "Een deel van de brief is te lang"),
    ],
)
def test_edits_that_do_not_fit_are_refused_in_dutch(subject: str, texts: tuple[str, ...] | None, message: str) -> None:
    sections = sections_from([("Eerst.", ""), ("Voorgeschreven.", "Art. 5"), ("Daarna.", "")])
    edits = LetterEdits(subject, texts if texts is not None else ("Eerst.", "Daarna."))
    with pytest.raises(LetterTextProblem, match=message):
        apply_edits("Onderwerp", sections, edits)


def test_a_letter_without_any_text_is_refused() -> None:
    sections = sections_from([("Eerst.", "")])
    with pytest.raises(LetterTextProblem, match="De brief heeft geen tekst meer."):
        apply_edits("Onderwerp", sections, LetterEdits("Onderwerp", (" \n\n ",)))


def test_bold_and_italic_become_well_nested_markup_and_typed_tags_stay_text() -> None:
    line = f"Dit is {BOLD[0]}vet {ITALIC[0]}en schuin{BOLD[1]} en schuin{ITALIC[1]} <b>geen tag</b> & co"
    assert markup(line) == (
        "Dit is <b>vet </b><b><i>en schuin</i></b><i> en schuin</i> &lt;b&gt;geen tag&lt;/b&gt; &amp; co"
    )
    assert markup(f"{BOLD[0]}niet gesloten") == "<b>niet gesloten</b>"
    assert plain(line) == "Dit is vet en schuin en schuin <b>geen tag</b> & co"


def test_marks_in_a_case_value_never_become_bold() -> None:
    """A complainant's text (or anything stored on the case) cannot bring layout into a letter."""
    letter = acknowledgement()
    marked = record(handling=None, status=Status.REGISTERED, subject=f"{BOLD[0]}Lange{BOLD[1]} wachttijd")
    made = build_letter(
        LetterKind.ACKNOWLEDGEMENT, marked, default_template(LetterKind.ACKNOWLEDGEMENT), LETTERHEAD, CONTACT, TODAY
    )
    text = "\n".join(made.paragraphs)
    assert "‘Lange wachttijd’" in text and BOLD[0] not in text
    assert len(made.paragraphs) == len(letter.paragraphs)


def test_paragraphs_are_split_at_empty_lines_and_bullets_stay_with_their_lead_in() -> None:
    sections = (LetterSection("Eerst.\n\n\nRedenen:\n- een\n- twee"), LetterSection("Vast.", "Art. 7"))
    assert paragraphs_of(sections) == ("Eerst.", "Redenen:\n- een\n- twee", "Vast.")
