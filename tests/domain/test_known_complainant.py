"""A known complainant (Art. 3 'feiten waarover eerder een klacht is ingediend die al correct werd
behandeld'): who is the same complainant, what looks like the same facts, and the proposal."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.domain.admissibility import EarlierCase, facts_similarity, propose_grounds
from kina_desktop.domain.complainant_match import Complainant, name_key, recognised, same_address
from kina_desktop.domain.enums import Category, InadmissibilityGround, Kind, Status
from kina_desktop.domain.known_complainant import known_cases, known_complainant
from kina_desktop.domain.organisations import DEFAULT_KINA_SERVICES, DEFAULT_MEMBER_OCMWS, clean_list, list_problems
from tests.factories import description

JAN = Complainant(
    name="Jan Peeters", email="jan.peeters@example.be", street="Kerkstraat 12", postal_code="2390", city="Malle"
)


def earlier(**kw) -> EarlierCase:
    base = dict(
        tracking_number="2026-0007",
        received_on=dt.date(2026, 6, 1),
        complainant_name="Jan Peeters",
        complainant_email="",
        complainant_street="Kerkstraat 12",
        complainant_postal_code="2390",
        complainant_city="Malle",
        subject="Factuur van de maaltijden",
        kind=Kind.COMPLAINT,
        status=Status.CLOSED,
        case_id=7,
        category=Category.DAILY_OPERATIONS,
        organisation="OCMW Zoersel",
        text="De factuur van oktober telde twintig maaltijden in plaats van twaalf.",
    )
    base.update(kw)
    return EarlierCase(**base)


@pytest.mark.parametrize(
    "other, reason",
    [
        (Complainant(email="JAN.Peeters@Example.be"), "zelfde e-mailadres"),
        (Complainant(name="PEETERS, Jän"), "zelfde naam"),
        (Complainant(name="Jan Peters"), "bijna dezelfde naam"),
        (
            Complainant(name="jan peeters", street="Kerkstr 12", postal_code="2390", city="Malle"),
            "zelfde naam en adres",
        ),
        (Complainant(name="Jan Peeters", street="kerkstraat 12", city="MALLE"), "zelfde naam en adres"),
    ],
)
def test_the_same_complainant_is_recognised_case_accents_word_order_and_typing_aside(other, reason):
    assert recognised(JAN, other) == reason


@pytest.mark.parametrize(
    "other",
    [
        Complainant(name="Jan Peeters", street="Kerkstraat 12", postal_code="2000", city="Antwerpen"),
        Complainant(name="Jan Peeters", street="Kerkstraat 21", postal_code="2390", city="Malle"),
        Complainant(name="Jan Peeters", street="Dorpsplein 3", postal_code="2390", city="Malle"),
        Complainant(name="Marie Claes", email="marie@example.be"),
        Complainant(name="Jan"),
        Complainant(),
    ],
)
def test_a_namesake_at_another_address_is_someone_else(other):
    assert recognised(JAN, other) is None


def test_the_helpers_explain_themselves():
    assert name_key("  PEETERS,  Jän ") == "jan peeters"
    assert same_address(JAN, Complainant(name="x")) is None
    assert Complainant(email="a@b.be").identifiable and not Complainant(phone="03 123").identifiable


def test_the_same_facts_by_subject_or_by_ocmw_category_and_description():
    desc = description(
        subject="Factuur maaltijden te hoog",
        organisation="ocmw zoersel",
        text="Op de factuur van oktober staan twintig maaltijden, het waren er twaalf.",
    )
    assert facts_similarity(desc, Category.DAILY_OPERATIONS, earlier()) >= 0.5
    # another subject, but the same OCMW, category and story
    other_subject = description(subject="Klopt niet", organisation="OCMW Zoersel", text=desc.text)
    assert facts_similarity(other_subject, Category.DAILY_OPERATIONS, earlier()) >= 0.4
    assert facts_similarity(other_subject, Category.PERSONNEL, earlier()) < 0.4
    assert facts_similarity(other_subject, Category.DAILY_OPERATIONS, earlier(organisation="OCMW Malle")) < 0.4


def test_a_known_complainant_lists_earlier_cases_newest_first_and_marks_the_same_facts():
    desc = description(complainant_email="", subject="Factuur maaltijden te hoog")
    cases = [
        earlier(
            tracking_number="2025-0100",
            received_on=dt.date(2025, 3, 1),
            subject="Wachttijd aan het loket",
            text="Twee uur gewacht.",
        ),
        earlier(),
        earlier(tracking_number="2026-0050", complainant_name="Marie Claes"),
    ]
    found = known_cases(desc, Category.DAILY_OPERATIONS, cases)
    assert [(k.tracking_number, k.same_facts) for k in found] == [("2026-0007", True), ("2025-0100", False)]
    assert found[0].reason == "zelfde naam en adres"


def test_the_proposal_is_the_admissibility_proposal_for_a_person_to_confirm():
    desc = description(complainant_email="", subject="Factuur maaltijden te hoog")
    result = known_complainant(desc, Kind.COMPLAINT, Category.DAILY_OPERATIONS, [earlier()])
    assert result.proposal is not None
    assert result.proposal.ground == InadmissibilityGround.ALREADY_HANDLED
    assert result.proposal.earlier_cases == ("2026-0007",)
    [same] = [
        p
        for p in propose_grounds(desc, Kind.COMPLAINT, [earlier()], Category.DAILY_OPERATIONS)
        if p.ground == InadmissibilityGround.ALREADY_HANDLED
    ]
    assert result.proposal == same  # word for word what the admissibility step shows


@pytest.mark.parametrize("change", [{"status": Status.WITH_HANDLER}, {"kind": Kind.INFORMATION_REQUEST}])
def test_an_earlier_case_not_correctly_handled_is_listed_without_a_proposal(change):
    desc = description(complainant_email="", subject="Factuur maaltijden te hoog")
    result = known_complainant(desc, Kind.COMPLAINT, Category.DAILY_OPERATIONS, [earlier(**change)])
    assert [k.tracking_number for k in result.cases] == ["2026-0007"] and result.proposal is None


def test_an_information_request_gets_no_art_3_proposal():
    desc = description(complainant_email="", subject="Factuur maaltijden te hoog")
    assert known_complainant(desc, Kind.INFORMATION_REQUEST, None, [earlier()]).proposal is None


def test_the_default_lists_are_the_27_member_ocmws_and_kinas_services():
    assert len(DEFAULT_MEMBER_OCMWS) == len(set(DEFAULT_MEMBER_OCMWS)) == 27
    assert "OCMW Malle" in DEFAULT_MEMBER_OCMWS and DEFAULT_KINA_SERVICES
    assert clean_list(["  OCMW  Malle ", "", "ocmw malle", "OCMW Zoersel"]) == ["OCMW Malle", "OCMW Zoersel"]
    assert list_problems(["x" * 201]) and not list_problems(["x" * 200])


SOFIES = [  # three people called Sofie Maes / Maës, in three towns
    dict(
        tracking_number="2024-0011",
        complainant_name="Sofie Maes",
        complainant_email="sofie.maes@brugge.be",
        complainant_street="Markt 1",
        complainant_postal_code="8000",
        complainant_city="Brugge",
    ),
    dict(
        tracking_number="2025-0022",
        complainant_name="Sofie Maës",
        complainant_email="sofie@malle.be",
        complainant_street="Kerkstraat 12",
        complainant_postal_code="2390",
        complainant_city="Malle",
    ),
    dict(
        tracking_number="2026-0033",
        complainant_name="MAES, Sofie",
        complainant_email="",
        complainant_street="Veldstraat 4",
        complainant_postal_code="9000",
        complainant_city="Gent",
    ),
]


def namesakes() -> list[EarlierCase]:
    return [earlier(**sofie) for sofie in SOFIES]


def test_a_name_alone_lists_no_earlier_case_of_a_namesake():
    """GDPR: the earlier-cases panel shows nobody else's cases on a name alone; the oral complaint
    that comes with only a name lists nothing until an address or e-mail address matches."""
    only_name = description(
        complainant_name="Sofie Maes",
        complainant_email="",
        complainant_street="",
        complainant_postal_code="",
        complainant_city="",
    )
    assert known_cases(only_name, Category.DAILY_OPERATIONS, namesakes()) == []
    assert known_complainant(only_name, Kind.COMPLAINT, Category.DAILY_OPERATIONS, namesakes()).cases == ()


def test_a_namesake_is_listed_only_on_the_same_address_or_e_mail_and_says_why():
    at_malle = description(
        complainant_name="Sofie Maes",
        complainant_email="",
        complainant_street="Kerkstr. 12",
        complainant_postal_code="2390",
        complainant_city="Malle",
    )
    assert [(k.tracking_number, k.reason) for k in known_cases(at_malle, None, namesakes())] == [
        ("2025-0022", "zelfde naam en adres")
    ]
    by_mail = description(
        complainant_name="S. Maes",
        complainant_email="Sofie.Maes@Brugge.be",
        complainant_street="",
        complainant_postal_code="",
        complainant_city="",
    )
    assert [(k.tracking_number, k.reason) for k in known_cases(by_mail, None, namesakes())] == [
        ("2024-0011", "zelfde e-mailadres")
    ]
    # the same name in Gent, another e-mail address: someone else, whatever the name
    elsewhere = description(
        complainant_name="Sofie Maes",
        complainant_email="sofie@antwerpen.be",
        complainant_street="Meir 50",
        complainant_postal_code="2000",
        complainant_city="Antwerpen",
    )
    assert known_cases(elsewhere, None, namesakes()) == []
