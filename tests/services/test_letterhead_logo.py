"""Issue 9: the logo on the letters is kept in the database (every PC of a shared server prints
it, no file path needed), checked as PNG or JPEG by its content and at most 1 MB; a logo of an
older version, read from a file path, is still printed and is taken over into the database when
the letterhead is saved."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from kina_desktop.domain.letters import LetterKind
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ValidationFailed
from kina_desktop.services.letters.letter_service import LETTERHEAD, LETTERHEAD_LOGO
from kina_desktop.services.letters.letterhead_check import MAX_LOGO_BYTES
from tests.factories import draft
from tests.services.logo_pictures import noisy_png, picture_bytes


def images_on_first_page(pdf: bytes) -> int:
    """How many image XObjects the first page of the letter draws."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")


def acknowledgement(services: Services) -> bytes:
    case = services.cases.register(draft())
    return services.letters.preview(case.header.id, LetterKind.ACKNOWLEDGEMENT)


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_the_stored_logo_is_printed_on_the_letter(ctx: ServiceContext, kind: str) -> None:
    services = Services.for_context(ctx)
    assert images_on_first_page(acknowledgement(services)) == 0  # no logo yet
    logo = picture_bytes(kind)
    services.letters.set_letterhead(services.letters.letterhead(), logo)

    assert services.letters.letterhead_logo() == logo
    stored = services.settings.get(LETTERHEAD_LOGO)
    assert stored["type"] == {"PNG": "png", "JPEG": "jpg"}[kind]  # kept in the database, not as a path
    assert "logo_path" not in services.settings.get(LETTERHEAD)
    assert images_on_first_page(acknowledgement(services)) == 1


def test_a_recorded_letter_keeps_the_logo_in_its_pdf(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    services.letters.set_letterhead(services.letters.letterhead(), picture_bytes())
    case = services.cases.register(draft())
    pdf = services.letters.produce(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert images_on_first_page(pdf) == 1


def test_saving_the_letterhead_without_a_logo_keeps_it_and_an_empty_one_removes_it(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    logo = picture_bytes()
    services.letters.set_letterhead(services.letters.letterhead(), logo)
    services.letters.set_letterhead(services.letters.letterhead() | {"name": "KINA Welzijn"})
    assert services.letters.letterhead_logo() == logo
    services.letters.set_letterhead(services.letters.letterhead(), b"")
    assert services.letters.letterhead_logo() is None
    assert images_on_first_page(acknowledgement(services)) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a" + b"\x00" * 64, "moet een PNG- of JPEG-afbeelding zijn (gekeken naar de inhoud"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "Dit logo is beschadigd"),
    ],
)
def test_a_logo_that_is_no_png_or_jpeg_by_its_content_is_refused(
    ctx: ServiceContext, content: bytes, message: str
) -> None:
    services = Services.for_context(ctx)
    with pytest.raises(ValidationFailed) as refused:
        services.letters.set_letterhead(services.letters.letterhead(), content)
    [problem] = refused.value.problems
    assert problem.field == "logo" and message in problem.message
    assert services.letters.letterhead_logo() is None


def test_a_logo_over_one_megabyte_is_refused_with_its_size(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    big = noisy_png((700, 700))
    assert len(big) > MAX_LOGO_BYTES
    with pytest.raises(ValidationFailed) as refused:
        services.letters.set_letterhead(services.letters.letterhead(), big)
    [problem] = refused.value.problems
    assert problem.message.startswith("Het logo is te groot (1,") and "de grens is 1 MB" in problem.message
    assert services.letters.letterhead_logo() is None


def test_an_older_logo_path_is_still_printed_and_taken_over_into_the_database_on_saving(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    services = Services.for_context(ctx)
    old_file = tmp_path / "netwerkschijf" / "kina-logo.jpg"
    old_file.parent.mkdir()
    logo = picture_bytes("JPEG")
    old_file.write_bytes(logo)
    # What an older version stored: the letterhead with the logo as a path.
    services.settings.set(LETTERHEAD, services.letters.letterhead() | {"logo_path": str(old_file)})

    assert services.letters.letterhead()["logo_path"] == str(old_file)
    assert services.letters.letterhead_logo() == logo
    assert images_on_first_page(acknowledgement(services)) == 1  # still read from the file

    services.letters.set_letterhead(services.letters.letterhead() | {"phone": "03 312 00 00"})
    assert services.letters.letterhead()["logo_path"] == ""
    assert services.settings.get(LETTERHEAD_LOGO)["type"] == "jpg"
    old_file.unlink()  # the share is gone: the letters keep their logo
    assert services.letters.letterhead_logo() == logo
    assert images_on_first_page(acknowledgement(services)) == 1


def test_an_older_logo_path_that_cannot_be_read_here_is_left_as_it_is(ctx: ServiceContext, tmp_path: Path) -> None:
    services = Services.for_context(ctx)
    elsewhere = str(tmp_path / "onbereikbaar" / "logo.png")
    services.settings.set(LETTERHEAD, services.letters.letterhead() | {"logo_path": elsewhere})
    assert services.letters.letterhead_logo() is None
    services.letters.set_letterhead(services.letters.letterhead() | {"phone": "03 312 00 00"})
    assert services.letters.letterhead()["logo_path"] == elsewhere  # another PC may still read it
    assert images_on_first_page(acknowledgement(services)) == 0  # the letter is printed without it
