"""Art. 1 and 4: KINA works for its 27 member OCMWs; a message from a member OCMW's domain or
with its name in the signature proposes that OCMW for 'Betrokken OCMW of dienst', matched on
whole words (accents and case folded) against the list of the settings, never on a part of
another name, and only ever as a proposal."""

from __future__ import annotations

import pytest

from kina_desktop.domain.organisation_proposal import ProposalBasis, propose_organisation, signature_lines
from kina_desktop.domain.organisations import DEFAULT_MEMBER_OCMWS

MEMBERS = DEFAULT_MEMBER_OCMWS


@pytest.mark.parametrize(
    ("address", "member"),
    [
        ("an.peeters@ocmw-schoten.be", "OCMW Schoten"),
        ("AN.PEETERS@OCMW-SCHOTEN.BE", "OCMW Schoten"),
        ("onthaal@ocmwschoten.be", "OCMW Schoten"),
        ("onthaal@sociaalhuisschoten.be", "OCMW Schoten"),
        ("onthaal@schoten.be", "OCMW Schoten"),
        ("jan@mail.ocmw-wuustwezel.be", "OCMW Wuustwezel"),
        ("els@lokaalbestuur-zoersel.be", "OCMW Zoersel"),
    ],
)
def test_a_member_ocmw_s_own_domain_proposes_that_member(address: str, member: str) -> None:
    proposal = propose_organisation([address], "", MEMBERS)
    assert proposal is not None and proposal.organisation == member
    assert proposal.basis == ProposalBasis.ADDRESS
    assert proposal.evidence == address.rpartition("@")[2].lower()
    assert "voorgesteld op basis van het e-mailadres" in proposal.reason()


@pytest.mark.parametrize(
    "address",
    [
        "jan.boom@telenet.be",  # a citizen whose name is a member's municipality
        "boom@gmail.com",
        "info@kessel-lo.be",  # 'essen' inside another place's name
        "info@essenbeek.be",
        "info@ocmwkessen.be",
        "info@nielsen.dk",  # 'niel' at the start of another word
        "klacht@kina.be",
        "geen-adres",
    ],
)
def test_no_member_is_proposed_from_a_part_of_another_name_or_from_the_person_s_own_name(address: str) -> None:
    assert propose_organisation([address], "", MEMBERS) is None


def test_the_signature_proposes_the_member_it_names_accents_and_case_aside() -> None:
    text = (
        "Beste,\n\nIk stuur u de klacht van mevrouw door.\n\nMet vriendelijke groeten\n"
        "An Peeters\nMaatschappelijk werker\nSOCIAAL HUIS ZOERSEL\nKerkstraat 1, 2980 Zoersel"
    )
    proposal = propose_organisation(["an.peeters@gmail.com"], text, MEMBERS)
    assert proposal is not None and proposal.organisation == "OCMW Zoersel"
    assert proposal.basis == ProposalBasis.SIGNATURE and proposal.evidence == "SOCIAAL HUIS ZOERSEL"
    assert "de handtekening" in proposal.reason() and "SOCIAAL HUIS ZOERSEL" in proposal.reason()
    accented = propose_organisation([], "Groeten\n-- \nOCMW Sint-Katelijne-Wáver", ["OCMW Sint-Katelijne-Waver"])
    assert accented is not None and accented.organisation == "OCMW Sint-Katelijne-Waver"


def test_a_street_address_in_the_signature_proposes_nothing() -> None:
    text = "Ik wacht op uw antwoord.\n\nGroeten\nJan Peeters\nBredabaan 1\n2900 Schoten"
    assert propose_organisation(["jan.peeters@telenet.be"], text, MEMBERS) is None


def test_a_member_named_only_early_in_a_long_text_is_not_read_as_the_signature() -> None:
    text = "Vorig jaar was ik bij OCMW Boom.\n" + "\n".join(f"regel {n}" for n in range(40)) + "\nGroeten, Jan"
    assert propose_organisation([], text, MEMBERS) is None


def test_the_list_of_the_settings_is_used_not_the_defaults() -> None:
    assert propose_organisation(["x@ocmw-schoten.be"], "", ["OCMW Malle"]) is None
    proposal = propose_organisation(["x@ocmw-de-pinte.be"], "", ["OCMW De Pinte", "OCMW Pinte-Zuid"])
    assert proposal is not None and proposal.organisation == "OCMW De Pinte"


def test_the_address_goes_before_the_signature() -> None:
    proposal = propose_organisation(["x@ocmw-malle.be"], "Groeten\nOCMW Schoten", MEMBERS)
    assert proposal is not None and proposal.organisation == "OCMW Malle"


def test_two_members_that_fit_equally_well_propose_nothing() -> None:
    assert propose_organisation(["x@boom-niel.be"], "", MEMBERS) is None


def test_the_member_that_fits_with_more_words_wins() -> None:
    members = ["OCMW Hove", "OCMW Hove Zuid"]
    proposal = propose_organisation(["x@ocmw-hove-zuid.be"], "", members)
    assert proposal is not None and proposal.organisation == "OCMW Hove Zuid"


def test_the_signature_is_what_follows_the_dash_dash_line() -> None:
    text = "Klacht over OCMW Boom.\n\n-- \nJan\nOCMW Niel"
    assert signature_lines(text) == ["Jan", "OCMW Niel"]
    proposal = propose_organisation([], text, MEMBERS)
    assert proposal is not None and proposal.organisation == "OCMW Niel"


def test_what_became_of_the_proposal_is_said_for_the_history() -> None:
    proposal = propose_organisation(["x@ocmw-malle.be"], "", MEMBERS)
    assert proposal is not None
    assert "zo geregistreerd" in proposal.outcome("ocmw malle")
    assert "niet ingevuld" in proposal.outcome("")
    assert "‘OCMW Boom’" in proposal.outcome("OCMW Boom")
