"""Issue 5: the administrator edits the letterhead and the letter templates in the program; the
letters use what was stored, a template with a misspelt field is refused with a suggestion."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kina_desktop.domain.enums import Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from tests.factories import draft
from tests.services.logo_pictures import picture_bytes

PNG_BYTES = picture_bytes("PNG")


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_letterhead_shows_the_defaults_of_art_4_until_it_is_changed(ctx: ServiceContext) -> None:
    head = Services.for_context(ctx).letters.letterhead()
    assert head["name"] == "KINA p.v." and head["city"] == "Malle" and head["email"] == "klacht@kina.be"
    assert head["logo_path"] == ""


def test_a_changed_letterhead_is_kept_and_printed_on_the_letters(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    head = services.letters.letterhead() | {
        "name": "KINA Welzijn",
        "street": "Kerkplein 1",
        "postal_code": "2390",
        "city": "Westmalle",
        "phone": " 03 312 00 00 ",
        "place": "Westmalle",
    }
    services.letters.set_letterhead(head, PNG_BYTES)
    stored = services.letters.letterhead()
    assert stored["name"] == "KINA Welzijn" and stored["phone"] == "03 312 00 00"
    assert services.letters.letterhead_logo() == PNG_BYTES and stored["logo_path"] == ""
    case = services.cases.register(draft())
    letter = text_of(services.letters.preview(case.header.id, LetterKind.ACKNOWLEDGEMENT))
    assert "KINA Welzijn" in letter and "Kerkplein 1" in letter and "Westmalle, 24 november 2026" in letter


def test_a_letterhead_without_a_name_or_with_a_logo_that_is_no_image_is_refused_per_field(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    before = services.letters.letterhead()
    with pytest.raises(ValidationFailed) as refused:
        services.letters.set_letterhead(before | {"name": " ", "email": "klacht@"}, b"this is not a picture")
    fields = {p.field for p in refused.value.problems}
    assert fields == {"name", "email", "logo"}
    assert "PNG- of JPEG" in next(p.message for p in refused.value.problems if p.field == "logo")
    assert services.letters.letterhead() == before and services.letters.letterhead_logo() is None


def test_only_an_administrator_changes_the_letterhead(ctx: ServiceContext) -> None:
    receiver = Services.for_context(
        ServiceContext(ctx.database, Viewer(None, frozenset({Role.RECEIVER}), "R"), clock=ctx.clock)
    )
    with pytest.raises(PermissionDenied):
        receiver.letters.set_letterhead(receiver.letters.letterhead() | {"name": "Iets anders"})
    assert receiver.letters.letterhead()["name"] == "KINA p.v."


def test_the_template_editor_gets_the_fields_languages_and_checks_of_each_kind(ctx: ServiceContext) -> None:
    letters = Services.for_context(ctx).letters
    fields = dict(letters.template_fields(LetterKind.ACKNOWLEDGEMENT))
    assert fields["{tracking_number}"] == "Opvolgingsnummer"
    assert "{privacy_notice}" not in fields  # Art. 7: only in the personnel outcome
    assert letters.template_languages(LetterKind.ACKNOWLEDGEMENT)[0] == "nl"
    assert letters.template_languages(LetterKind.BOARD_DATE) == ("nl",)
    text = letters.template(LetterKind.ACKNOWLEDGEMENT).replace("{received_on}", "{recieved_on}")
    assert letters.check_template(LetterKind.ACKNOWLEDGEMENT, text) == [
        "Onbekend veld {recieved_on}: bedoelt u {received_on}?",
        "Het veld {received_on} ontbreekt: de klager moet weten welke klacht of vraag bedoeld is.",
    ]
    with pytest.raises(ServiceError, match="bedoelt u"):
        letters.set_template(LetterKind.ACKNOWLEDGEMENT, text)
    assert "{received_on}" in letters.template(LetterKind.ACKNOWLEDGEMENT)
