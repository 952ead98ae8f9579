"""Letter templates: a missing or misspelled placeholder is reported, in Dutch, before anything is
printed; the default texts ship in resources/ and are found from a checkout and a bundle."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kina_desktop.domain.enums import Level
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports import resource_paths
from kina_desktop.reports.letter_content import build_letter, letter_values
from kina_desktop.reports.letter_errors import CaseNotReadable, MissingLetterData, TemplateProblems
from kina_desktop.reports.letter_fields import fields_for
from kina_desktop.reports.letter_templates import (
    available_languages,
    check_template,
    default_template,
    fill,
    letter_language,
)

from .cases import CONTACT, LETTERHEAD, TODAY, case_for, record

L = LetterKind
ACK = default_template(L.ACKNOWLEDGEMENT)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_default_template_passes_its_own_check(kind: LetterKind) -> None:
    for language in available_languages(kind):
        assert check_template(kind, default_template(kind, language)) == [], (kind, language)


def test_acknowledgement_exists_in_dutch_french_and_english_dutch_first() -> None:
    assert available_languages(L.ACKNOWLEDGEMENT) == ("nl", "en", "fr")
    assert set(available_languages(L.OUTCOME_PERSONNEL)) == {"nl"}


def test_letters_go_out_in_the_complainants_language_where_a_template_exists() -> None:
    assert letter_language(L.ACKNOWLEDGEMENT, "fr") == "fr"
    assert letter_language(L.ACKNOWLEDGEMENT, "en_GB") == "en"
    assert letter_language(L.ACKNOWLEDGEMENT, "de") == "nl"
    assert letter_language(L.OUTCOME_PERSONNEL, "fr") == "nl"
    assert letter_language(L.OUTCOME_PERSONNEL, "fr", available=("nl", "fr")) == "fr"


def test_misspelled_placeholder_is_reported_with_a_suggestion() -> None:
    problems = check_template(L.ACKNOWLEDGEMENT, ACK.replace("{tracking_number}", "{trackingnumber}", 1))
    assert problems == ["Onbekend veld {trackingnumber}: bedoelt u {tracking_number}?"]


def test_missing_tracking_number_is_reported_with_article_5() -> None:
    problems = check_template(L.ACKNOWLEDGEMENT, ACK.replace("{tracking_number}", "het nummer"))
    assert problems == [
        "Het veld {tracking_number} ontbreekt: het opvolgingsnummer wordt vermeld bij elke communicatie (Art. 5)."
    ]


def test_acknowledgement_without_the_30_days_is_refused() -> None:
    problems = check_template(L.ACKNOWLEDGEMENT, ACK.replace("{handling_target_days}", "dertig"))
    assert len(problems) == 1 and "{handling_target_days}" in problems[0] and "30 kalenderdagen" in problems[0]


def test_unbalanced_braces_are_reported_with_their_line() -> None:
    problems = check_template(L.ACKNOWLEDGEMENT, ACK.replace("{received_on}", "{received_on", 1))
    assert problems[0].startswith("Regel 3: een ‘{’ zonder ‘}’.")
    problems = check_template(L.ACKNOWLEDGEMENT, ACK + "\nTot } ziens\n")
    assert any(p.startswith("Regel ") and "‘}’ zonder ‘{’" in p for p in problems)


def test_literal_braces_are_written_doubled() -> None:
    text = ACK + "\nCode {{A}}\n"
    assert check_template(L.ACKNOWLEDGEMENT, text) == []
    _subject, paragraphs = fill(L.ACKNOWLEDGEMENT, text, _values())
    assert paragraphs[-1] == "Code {A}"


def test_template_without_a_subject_line_is_refused() -> None:
    body = ACK.split("\n", 1)[1]
    problems = check_template(L.ACKNOWLEDGEMENT, "Geachte,\n" + body)
    assert any("De eerste regel moet het onderwerp zijn" in p for p in problems)
    assert check_template(L.ACKNOWLEDGEMENT, "") == ["De brieftekst is leeg."]
    assert "Onder het onderwerp staat nog geen tekst." in check_template(
        L.ACKNOWLEDGEMENT, "Onderwerp: x {tracking_number}"
    )


def test_format_tricks_are_not_placeholders() -> None:
    problems = check_template(L.ACKNOWLEDGEMENT, ACK + "\n{tracking_number.__class__} {tracking_number!r}\n")
    assert problems == [
        "Ongeldig veld {tracking_number.__class__}: bedoelt u {tracking_number}?",
        "Ongeldig veld {tracking_number!r}: bedoelt u {tracking_number}?",
    ]


def test_personnel_outcome_template_may_not_reveal_the_verdict_or_measures() -> None:
    text = default_template(L.OUTCOME_PERSONNEL) + "\nOordeel: {verdict}. Maatregelen: {measures}.\n"
    problems = check_template(L.OUTCOME_PERSONNEL, text)
    assert len(problems) == 2
    assert all("hoort niet in de brief" in p and "(Art. 7)" in p for p in problems)


def test_personnel_outcome_template_must_keep_the_privacy_wording() -> None:
    text = default_template(L.OUTCOME_PERSONNEL).replace("{privacy_notice}", "Uw klacht is afgehandeld.")
    assert any("{privacy_notice}" in p and "Art. 7" in p for p in check_template(L.OUTCOME_PERSONNEL, text))


def test_a_template_with_problems_is_refused_before_a_letter_is_made() -> None:
    with pytest.raises(TemplateProblems) as caught:
        build_letter(
            L.ACKNOWLEDGEMENT,
            case_for(L.ACKNOWLEDGEMENT),
            ACK.replace("{received_on}", "{ontvangen}"),
            LETTERHEAD,
            CONTACT,
            TODAY,
        )
    assert "Onbekend veld {ontvangen}" in str(caught.value)
    assert caught.value.problems


def test_a_case_without_the_data_the_letter_needs_is_refused_naming_the_field() -> None:
    record = case_for(L.INADMISSIBLE)
    with pytest.raises(MissingLetterData) as caught:
        build_letter(L.INADMISSIBLE, record, default_template(L.INADMISSIBLE), LETTERHEAD, CONTACT, TODAY)
    assert "Grond(en) van niet-ontvankelijkheid ({grounds})" in str(caught.value)
    assert set(caught.value.fields) == {"grounds", "motivation"}


def test_a_redacted_confidential_case_gives_a_clear_error() -> None:
    redacted = replace(case_for(L.OUTCOME_PERSONNEL), description=None, handling=None)
    with pytest.raises(CaseNotReadable) as caught:
        build_letter(L.OUTCOME_PERSONNEL, redacted, default_template(L.OUTCOME_PERSONNEL), LETTERHEAD, CONTACT, TODAY)
    assert "2026-0042" in str(caught.value) and "(Art. 6)" in str(caught.value)


def test_a_letter_the_reglement_does_not_allow_is_refused_naming_the_article() -> None:
    with pytest.raises(RuleViolation) as caught:
        build_letter(L.ACKNOWLEDGEMENT, record(level=Level.ONE), ACK, LETTERHEAD, CONTACT, TODAY)
    assert "niveau 1" in str(caught.value) and "Art. 5" in str(caught.value)


def test_the_template_editor_can_list_the_fields_of_a_kind() -> None:
    names = [f.name for f in fields_for(L.OUTCOME_PERSONNEL)]
    assert "privacy_notice" in names and "verdict" not in names and "measures" not in names
    assert all(f.label for f in fields_for(L.ACKNOWLEDGEMENT))


def test_default_templates_are_found_in_a_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(resource_paths.resources_dir(), bundle / "resources")
    marker = bundle / "resources" / "letters" / "nl" / "acknowledgement.txt"
    marker.write_text(ACK.replace("Wij hebben", "Uit de bundel: wij hebben"), encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    resource_paths.resources_dir.cache_clear()
    default_template.cache_clear()
    try:
        assert resource_paths.resources_dir() == bundle / "resources"
        assert "Uit de bundel" in default_template(L.ACKNOWLEDGEMENT)
    finally:
        monkeypatch.undo()
        resource_paths.resources_dir.cache_clear()
        default_template.cache_clear()
    assert "Uit de bundel" not in default_template(L.ACKNOWLEDGEMENT)


def _values() -> dict[str, str]:
    return letter_values(L.ACKNOWLEDGEMENT, case_for(L.ACKNOWLEDGEMENT), LETTERHEAD, CONTACT, TODAY)
