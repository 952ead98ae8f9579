"""Admissibility (Art. 3): the grounds the program proposes, and a person's decision."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.domain.admissibility import (
    AdmissibilityDecision,
    EarlierCase,
    GroundFinding,
    ProposalReview,
    decide,
    decision_problems,
    propose_grounds,
    same_complainant,
    subject_similarity,
)
from kina_desktop.domain.enums import Admissibility, InadmissibilityGround, Kind, Status
from kina_desktop.domain.errors import RuleViolation
from tests.factories import description

G = InadmissibilityGround


def earlier(**kw) -> EarlierCase:
    base = dict(
        tracking_number="2026-0007",
        received_on=dt.date(2026, 6, 1),
        complainant_name="Jan Peeters",
        complainant_email="jan.peeters@example.be",
        subject="Lange wachttijd aan het loket",
        kind=Kind.COMPLAINT,
        status=Status.CLOSED,
    )
    base.update(kw)
    return EarlierCase(**base)


def grounds(proposals) -> list[G]:
    return [p.ground for p in proposals]


def test_nine_grounds_in_the_order_of_the_reglement():
    assert [g.value for g in G] == [
        "anonymous",
        "general_regulation",
        "general_policy",
        "already_handled",
        "older_than_six_months",
        "court_proceedings",
        "manifestly_unfounded",
        "no_interest",
        "member_decision",
    ]


def test_an_ordinary_recent_complaint_gets_no_proposal():
    assert propose_grounds(description(), Kind.COMPLAINT, [earlier(subject="Factuur klopt niet")]) == []


def test_facts_more_than_six_months_before_receipt_are_proposed():
    desc = description(received_on=dt.date(2026, 8, 31), facts_on=dt.date(2026, 2, 27))
    [proposal] = propose_grounds(desc, Kind.COMPLAINT)
    assert proposal.ground == G.OLDER_THAN_SIX_MONTHS
    assert "27 februari 2026" in proposal.explanation and "28 februari 2026" in proposal.explanation
    assert "(Art. 3)" in proposal.explanation
    assert (
        propose_grounds(description(received_on=dt.date(2026, 8, 31), facts_on=dt.date(2026, 2, 28)), Kind.COMPLAINT)
        == []
    )


def test_anonymous_is_proposed_for_an_anonymous_report_or_a_complaint_without_name():
    assert grounds(propose_grounds(description(complainant_name=""), Kind.ANONYMOUS_REPORT)) == [G.ANONYMOUS]
    assert grounds(propose_grounds(description(complainant_name="  "), Kind.COMPLAINT)) == [G.ANONYMOUS]


def test_earlier_correctly_handled_complaint_of_the_same_complainant_about_the_same_facts():
    desc = description(received_on=dt.date(2026, 11, 20), subject="Wachttijd aan het loket veel te lang")
    [proposal] = propose_grounds(desc, Kind.COMPLAINT, [earlier()])
    assert proposal.ground == G.ALREADY_HANDLED
    assert proposal.earlier_cases == ("2026-0007",)
    assert "2026-0007" in proposal.explanation and "zelfde e-mailadres" in proposal.explanation


def test_same_complainant_by_name_and_address_regardless_of_word_order_and_accents():
    desc = description(complainant_email="")
    old = earlier(
        complainant_name="PEETERS, Jän",
        complainant_email="ander@example.be",
        complainant_street="Kerkstraat 12",
        complainant_postal_code="2390",
        complainant_city="Malle",
    )
    [proposal] = propose_grounds(desc, Kind.COMPLAINT, [old])
    assert "zelfde naam en adres" in proposal.explanation


@pytest.mark.parametrize(
    "namesake",
    [
        {"complainant_email": "", "complainant_street": ""},  # the name alone, nothing more known
        {"complainant_email": "een.andere@example.be"},  # another e-mail address
    ],
    ids=["naam-alleen", "ander-e-mailadres"],
)
def test_a_namesake_never_gets_the_proposal_already_handled(namesake):
    """Art. 3 'already handled' rests on the same e-mail address, or the same name at the same
    address: on the name alone the earlier case may be another person's (GDPR)."""
    desc = description()
    old = earlier(complainant_name="Jan Peeters", **namesake)
    assert propose_grounds(desc, Kind.COMPLAINT, [old]) == []


@pytest.mark.parametrize(
    "change",
    [
        {"status": Status.WITH_HANDLER},  # not handled yet
        {"kind": Kind.INFORMATION_REQUEST},  # was no complaint
        {"complainant_name": "Marie Claes", "complainant_email": "marie@example.be"},  # someone else
        {"subject": "Factuur van de maaltijden klopt niet"},  # other facts
        {"received_on": dt.date(2026, 12, 1)},  # later than this one
    ],
)
def test_no_repeat_proposal_when_the_earlier_case_does_not_qualify(change):
    assert propose_grounds(description(), Kind.COMPLAINT, [earlier(**change)]) == []


def test_several_repeats_are_listed_most_similar_first():
    cases = [earlier(tracking_number="2025-0100", subject="Wachttijd loket"), earlier(tracking_number="2026-0007")]
    [proposal] = propose_grounds(description(), Kind.COMPLAINT, cases)
    assert proposal.earlier_cases == ("2026-0007", "2025-0100")


def test_similarity_helpers_are_explainable():
    assert subject_similarity("Lange wachttijd aan het loket", "lange wachttijd aan het loket") == 1.0
    assert subject_similarity("Lange wachttijd", "") == 0.0
    assert subject_similarity("Factuur maaltijden", "Wachttijd loket") < 0.5
    assert same_complainant("Jan Peeters", "", "Jan Peters", "") == "bijna dezelfde naam"
    assert same_complainant("Jan Peeters", "", "", "") is None


def test_a_person_confirms_or_rejects_each_proposal():
    desc = description(received_on=dt.date(2026, 8, 31), facts_on=dt.date(2026, 1, 5), complainant_name="")
    proposals = propose_grounds(desc, Kind.COMPLAINT)
    assert grounds(proposals) == [G.ANONYMOUS, G.OLDER_THAN_SIX_MONTHS]
    with pytest.raises(RuleViolation, match="Bevestig of verwerp"):
        decide(proposals, [ProposalReview(G.ANONYMOUS, True)])
    decision = decide(proposals, [ProposalReview(G.ANONYMOUS, False), ProposalReview(G.OLDER_THAN_SIX_MONTHS, True)])
    assert decision.admissibility == Admissibility.INADMISSIBLE
    assert decision.grounds == (G.OLDER_THAN_SIX_MONTHS,)
    # no own motivation: the program's explanation is the motivation the person confirmed
    assert decision.findings[0].motivation == proposals[1].explanation


def test_rejecting_every_proposal_makes_the_complaint_admissible():
    proposals = propose_grounds(description(complainant_name=""), Kind.COMPLAINT)
    decision = decide(proposals, [ProposalReview(G.ANONYMOUS, False, "Naam achteraf gekend.")])
    assert decision == AdmissibilityDecision.admissible()


def test_grounds_that_are_a_persons_judgement_are_added_with_a_motivation():
    decision = decide([], [], [GroundFinding(G.COURT_PROCEEDINGS, "Zaak hangende bij de arbeidsrechtbank.")])
    assert decision.grounds == (G.COURT_PROCEEDINGS,)
    with pytest.raises(RuleViolation, match="Motiveer"):
        decide([], [], [GroundFinding(G.MANIFESTLY_UNFOUNDED, "")])


def test_decision_problems_name_article_3():
    assert decision_problems(AdmissibilityDecision()) == ["Kies ontvankelijk of niet ontvankelijk (Art. 3)."]
    assert decision_problems(AdmissibilityDecision.admissible()) == []
    bad = AdmissibilityDecision(Admissibility.ADMISSIBLE, (GroundFinding(G.GENERAL_POLICY, "x"),))
    assert "geen grond" in decision_problems(bad)[0]
    twice = AdmissibilityDecision.inadmissible(
        GroundFinding(G.GENERAL_POLICY, "a"), GroundFinding(G.GENERAL_POLICY, "b")
    )
    assert "twee keer" in decision_problems(twice)[0]
    assert all("(Art. 3)" in p or "Art. 3" in p for p in decision_problems(AdmissibilityDecision.inadmissible()))
