"""Art. 4 and 5, e-mail: every note the intake makes about a message (a forward unwrapped, a
damaged part, a name made from the address, a text too long for the field, the member OCMW
proposed) is kept in the history of the registration; a text too long for the field keeps its
beginning and end and goes whole into the complaint folder; an information request or an
anonymous report registered from a message starts no acknowledgement deadline (Art. 3). On
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from kina_desktop.db.models import Case
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.enums import Kind, Level
from kina_desktop.domain.intake import Disposition
from kina_desktop.domain.validation import MAX_LENGTHS
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.intake.corpus import CORPUS

REQUEST = "Mijn vraag: betaal de dubbel aangerekende factuur van oktober terug."


def mail(
    body: str, sender: str = "Lange Brief <lange.brief@telenet.be>", message_id: str = "lang-1@telenet.be"
) -> bytes:
    return (
        f"From: {sender}\nTo: klacht@kina.be\nSubject: Dagboek van de thuiszorg\n"
        f"Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <{message_id}>\n"
        "Content-Type: text/plain; charset=utf-8\n\n" + body
    ).encode()


def long_body() -> str:
    """About 90,000 characters whose request sits in the last lines."""
    day = " ".join(["De verzorgster kwam niet opdagen en niemand verwittigde ons vooraf."] * 6)
    return "Geachte,\n\n" + "\n".join(f"Dag {n}: {day}" for n in range(1, 220)) + f"\n\n{REQUEST}\n\nJan Peeters\n"


def due_dates(ctx: ServiceContext, case_id: int) -> tuple[object, object]:
    """The acknowledgement and handling deadlines stored on the case (Art. 5)."""
    with ctx.database.read() as session:
        case = session.get(Case, case_id)
        assert case is not None
        return case.acknowledgement_due_on, case.handling_due_on


def intake_notes(services: Services, case_id: int) -> list[str]:
    return [e.new_value for e in services.history.for_case(case_id) if e.action == AuditAction.INTAKE_NOTE]


def test_the_reader_s_notes_are_kept_in_the_history_of_the_registration(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    for name, fragment in [
        ("16-forwarded-as-attachment.eml", "Doorgestuurd bericht (door Info KINA op 20-11-2026 08:00)"),
        ("18-missing-from-name.eml", "De naam van de klager werd afgeleid uit het e-mailadres"),
        ("30-broken-base64.eml", "beschadigd"),
    ]:
        message = services.intake.read((CORPUS / name).read_bytes(), name)
        record = services.intake.register_message(message, services.intake.draft_for(message))
        notes = intake_notes(services, record.header.id)
        assert any(fragment in note for note in notes), (name, notes)
        assert set(services.intake.review(message).notes) <= set(notes)
        entry = next(e for e in services.history.for_case(record.header.id) if e.action == AuditAction.INTAKE_NOTE)
        assert entry.part == "description" and entry.actor_name == ctx.viewer.display_name


def test_a_message_without_notes_adds_none_to_the_history(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    message = services.intake.read((CORPUS / "01-plain-utf8.eml").read_bytes(), "01-plain-utf8.eml")
    record = services.intake.register_message(message, services.intake.draft_for(message))
    assert intake_notes(services, record.header.id) == []


def test_a_long_message_keeps_its_request_and_the_whole_text_goes_into_the_complaint_folder(
    ctx: ServiceContext,
) -> None:
    services = Services.for_context(ctx)
    body = long_body()
    assert len(body) > MAX_LENGTHS["text"] + 30_000
    message = services.intake.read(mail(body), "dagboek.eml")
    record = services.intake.register_message(message, services.intake.draft_for(message))
    desc = record.description
    assert desc is not None and len(desc.text) <= MAX_LENGTHS["text"]
    assert desc.text.startswith("Geachte,") and REQUEST in desc.text  # the last lines are kept
    assert "tekens weggelaten …]" in desc.text
    original, whole = services.documents.list(record.header.id)
    assert (original.filename, original.kind) == ("dagboek.eml", "email")
    assert (whole.filename, whole.kind, whole.mime_type) == (
        "dagboek (volledige tekst).txt",
        "email_text",
        "text/plain",
    )
    text = services.documents.content(whole.id).decode("utf-8-sig")
    assert body.strip() in text  # every character of the text, nothing left out
    notes = intake_notes(services, record.header.id)
    assert any("begin en het einde" in n and "50.000" in n for n in notes), notes
    assert any("dagboek (volledige tekst).txt" in n and "klachtenmap" in n for n in notes), notes


def test_a_long_message_of_level_1_keeps_beginning_and_end_and_says_the_rest_is_not_kept(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    message = services.intake.read(mail(long_body(), message_id="lang-2@telenet.be"), "dagboek.eml")
    draft = services.intake.draft_for(message)
    level_one = type(draft)(description=draft.description, kind=draft.kind, category=draft.category, level=Level.ONE)
    record = services.intake.register_message(message, level_one)
    assert record.description is not None and REQUEST in record.description.text
    assert services.documents.list(record.header.id) == []  # level 1 has no complaint folder (Art. 5)
    notes = intake_notes(services, record.header.id)
    assert any("geen klachtenmap" in n for n in notes) and not any("gaat als" in n for n in notes)


@pytest.mark.parametrize("kind", [Kind.INFORMATION_REQUEST, Kind.ANONYMOUS_REPORT])
def test_a_message_imported_as_information_request_or_anonymous_report_starts_no_acknowledgement_deadline(
    ctx: ServiceContext, kind: Kind
) -> None:
    services = Services.for_context(ctx)
    name = "18-missing-from-name.eml"
    message = services.intake.read((CORPUS / name).read_bytes(), name)
    imported = services.intake.import_message(message, kind)
    header = imported.record.header
    assert header.kind == kind
    assert due_dates(ctx, header.id) == (None, None)
    record = services.intake.record_for(message.message_id)
    assert record is not None and record.tracking_number == imported.record.tracking_number
    expected = Disposition.INFORMATION_REQUEST if kind == Kind.INFORMATION_REQUEST else Disposition.REGISTERED
    assert record.disposition == expected
    desc = imported.record.description
    assert desc is not None
    if kind == Kind.ANONYMOUS_REPORT:  # Art. 3: nobody named whom the reporter did not name
        assert desc.complainant_name == ""
        assert not any("afgeleid uit het e-mailadres" in n for n in imported.notes)
    else:
        assert desc.complainant_name == "Jan Peeters"
    assert imported.notes and set(imported.notes) == set(intake_notes(services, header.id))


def test_the_same_message_imported_as_a_complaint_starts_the_acknowledgement_deadline(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    name = "18-missing-from-name.eml"
    imported = services.intake.import_message(services.intake.read((CORPUS / name).read_bytes(), name))
    assert imported.record.header.kind == Kind.COMPLAINT
    acknowledgement, handling = due_dates(ctx, imported.record.header.id)
    assert acknowledgement is not None and handling is not None


def test_the_member_ocmw_is_proposed_and_only_stored_when_asked(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    sender = "An Peeters <an.peeters@ocmw-schoten.be>"
    message = services.intake.read(mail("Een klacht van een cliënt.", sender, "ocmw-1@ocmw-schoten.be"), "a.eml")
    assert services.intake.draft_for(message).description.organisation == ""  # never filled in unseen
    imported = services.intake.import_message(message)
    assert imported.organisation is not None and imported.organisation.organisation == "OCMW Schoten"
    assert not imported.organisation_stored
    assert imported.record.description is not None and imported.record.description.organisation == ""
    history = intake_notes(services, imported.record.header.id)
    assert any("OCMW Schoten" in n and "niet ingevuld" in n and "ocmw-schoten.be" in n for n in history)

    other = services.intake.read(mail("Nog een klacht.", sender, "ocmw-2@ocmw-schoten.be"), "b.eml")
    taken = services.intake.import_message(other, take_organisation=True)
    assert taken.organisation_stored
    assert taken.record.description is not None and taken.record.description.organisation == "OCMW Schoten"
    assert any("zo geregistreerd" in n for n in intake_notes(services, taken.record.header.id))


def test_the_member_list_of_the_settings_decides_the_proposal(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    message = services.intake.read(mail("Klacht.", "X <x@ocmw-schoten.be>", "ocmw-3@ocmw-schoten.be"), "c.eml")
    services.lists.set_member_ocmws(["OCMW Malle"])
    assert services.intake.proposal_for(message) is None
    services.lists.set_member_ocmws(["Sociaal Huis Schoten"])
    proposal = services.intake.proposal_for(message)
    assert proposal is not None and proposal.organisation == "Sociaal Huis Schoten"


def test_a_complaint_forwarded_by_a_member_ocmw_proposes_that_member(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    data = (
        b"From: An Peeters <an.peeters@ocmw-wuustwezel.be>\nTo: klacht@kina.be\nSubject: Fwd: Klacht thuiszorg\n"
        b"Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <fwd-1@ocmw-wuustwezel.be>\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
        b"Zie hieronder.\n\n---------- Forwarded message ---------\n"
        b"From: Bart Wuyts <bart.wuyts@skynet.be>\nDate: Thu, 19 Nov 2026 12:00:00 +0100\n"
        b"Subject: Klacht thuiszorg\nTo: An Peeters <an.peeters@ocmw-wuustwezel.be>\n\n"
        b"De thuiszorg kwam drie keer niet.\n"
    )
    message = services.intake.read(data, "fwd.eml")
    assert message.sender_address == "bart.wuyts@skynet.be"  # the complainant is the original sender
    assert message.forwarded_by == "an.peeters@ocmw-wuustwezel.be"
    proposal = services.intake.proposal_for(message)
    assert proposal is not None and proposal.organisation == "OCMW Wuustwezel"
    assert proposal.evidence == "ocmw-wuustwezel.be"


def test_the_notes_name_the_sender_and_go_with_pseudonymisation(sqlite_database, director) -> None:  # type: ignore[no-untyped-def]
    """GDPR retention empties the history's values of a pseudonymised case but for the fields the
    figures need; the notes of the intake (names, addresses) are not among them. The statements
    themselves, on SQLite (PostgreSQL runs the same ones in its function, which only takes a case
    that is due: tests/services/test_retention.py)."""
    from kina_desktop.services.privacy.retention import _Run

    ctx = ServiceContext(sqlite_database, director, clock=lambda: NOW)
    services = Services.for_context(ctx)
    name = "16-forwarded-as-attachment.eml"
    record = services.intake.register_message(
        message := services.intake.read((CORPUS / name).read_bytes(), name), services.intake.draft_for(message)
    )
    assert any("bart.wuyts@skynet.be" in n for n in intake_notes(services, record.header.id))
    with ctx.database.write() as session:
        _Run(session).pseudonymise(record.header.id, ctx.today())
    assert intake_notes(services, record.header.id) and set(intake_notes(services, record.header.id)) == {""}
