"""Art. 4, e-mail: every message of the corpus is read as its mail program meant it — sender,
date, subject, plain text, attachments — or refused with one clear Dutch sentence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kina_desktop.domain.enums import Channel
from kina_desktop.domain.intake import draft_from_message, folder_plan
from kina_desktop.mail.html_text import html_to_text
from kina_desktop.mail.message_reading import (
    MessageUnreadable,
    parse_date,
    parse_sender,
    read_message,
    synthetic_message_id,
)
from tests.intake.corpus import CORPUS, EXPECTED, corpus_files

TODAY = dt.date(2026, 11, 24)


def test_the_corpus_has_at_least_30_messages_and_2_outlook_files() -> None:
    files = corpus_files()
    assert len(files) >= 30
    assert len([f for f in files if f.suffix == ".msg"]) >= 2
    assert {f.name for f in files} == set(EXPECTED)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_each_corpus_message_is_read_as_its_sender_wrote_it(path: Path) -> None:
    expected = EXPECTED[path.name]
    data = path.read_bytes()
    if expected.unreadable_because:
        with pytest.raises(MessageUnreadable) as caught:
            read_message(data, path.name)
        assert path.name in caught.value.message and expected.unreadable_because in caught.value.message
        return
    message = read_message(data, path.name)
    assert (message.sender_name, message.sender_address) == (expected.sender_name, expected.sender_address)
    assert message.subject == expected.subject
    assert message.received_at == expected.received_at
    for fragment in expected.body_contains:
        assert fragment in message.body_text, (fragment, message.body_text)
    assert tuple(a.filename for a in message.attachments) == expected.attachments
    for fragment in expected.problems_contain:
        assert any(fragment in p for p in message.problems), (fragment, message.problems)
    if not expected.problems_contain and not message.problems:
        assert message.problems == ()
    assert message.original_bytes == data and message.original_filename == path.name
    assert message.message_id and " " not in message.message_id and "<" not in message.message_id
    assert "\r" not in message.body_text and "\x00" not in message.body_text
    plan = folder_plan(message)
    kept = expected.kept_in_folder or (path.name, *expected.attachments)
    assert plan.kept_names == kept


def test_reading_the_same_file_twice_gives_the_same_message_id() -> None:
    data = (CORPUS / "37-no-message-id.eml").read_bytes()
    assert read_message(data).message_id == read_message(data).message_id == synthetic_message_id(data)
    assert read_message(data + b"\n").message_id != synthetic_message_id(data)


def test_a_draft_from_a_message_is_an_email_registration_with_its_date() -> None:
    message = read_message((CORPUS / "01-plain-utf8.eml").read_bytes(), "01-plain-utf8.eml")
    draft, notes = draft_from_message(message, TODAY)
    desc = draft.description
    assert desc.channel == Channel.EMAIL and desc.received_on == dt.date(2026, 11, 23)
    assert (desc.complainant_name, desc.complainant_email) == ("Els Vermeulen", "els.vermeulen@telenet.be")
    assert desc.subject == "Klacht over de thuiszorg in Zoersel" and desc.text.startswith("Geachte,")
    assert notes == ()


def test_a_message_without_date_gets_today_with_a_note() -> None:
    message = read_message((CORPUS / "21-missing-date.eml").read_bytes())
    draft, notes = draft_from_message(message, TODAY)
    assert draft.description.received_on == TODAY
    assert any("vandaag ingevuld" in n for n in notes)


def test_a_message_dated_in_the_future_gets_today_with_a_note() -> None:
    message = read_message((CORPUS / "27-future-date.eml").read_bytes())
    draft, notes = draft_from_message(message, TODAY)
    assert draft.description.received_on == TODAY
    assert any("toekomst" in n and "01-03-2031" in n for n in notes)


def test_a_missing_name_is_made_from_the_address_for_a_person_to_check() -> None:
    draft, notes = draft_from_message(read_message((CORPUS / "18-missing-from-name.eml").read_bytes()), TODAY)
    assert draft.description.complainant_name == "Jan Peeters"
    assert any("afgeleid uit het e-mailadres" in n for n in notes)
    draft, notes = draft_from_message(read_message((CORPUS / "19-missing-from-name-angle.eml").read_bytes()), TODAY)
    assert draft.description.complainant_name == "mj74@gmail.com"
    assert any("vul de naam" in n for n in notes)


def test_an_empty_message_gets_a_text_that_points_to_the_folder() -> None:
    draft, _notes = draft_from_message(read_message((CORPUS / "31-empty-body.eml").read_bytes()), TODAY)
    assert "klachtenmap" in draft.description.text


def test_a_huge_body_keeps_its_beginning_and_end_in_the_draft() -> None:
    paragraph = "De poetsdienst kwam opnieuw niet opdagen en niemand verwittigde ons. " * 20 + "\n\n"
    body = paragraph * 4000  # about 5.6 MB of text
    data = (
        "From: Lange Brief <lange.brief@telenet.be>\nTo: klacht@kina.be\nSubject: Heel lange klacht\n"
        "Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <huge-1@telenet.be>\n"
        "Content-Type: text/plain; charset=utf-8\n\n" + body
    ).encode()
    message = read_message(data, "lang.eml")
    assert len(message.body_text) <= 1_000_000
    assert message.body_text.rstrip().endswith(body.rstrip()[-300:])  # the end is read too
    assert any("ingekort tot het begin en het einde" in p for p in message.problems)
    draft, notes = draft_from_message(message, TODAY)
    assert len(draft.description.text) <= 50_000
    assert "tekens weggelaten …]" in draft.description.text
    assert draft.description.text.endswith(message.body_text.rstrip()[-200:])
    assert any("50.000" in n for n in notes)
    assert any("lang (volledige tekst).txt" in n for n in notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue, 24 Nov 2026 10:15:00 +0100", dt.datetime(2026, 11, 24, 10, 15)),
        ("Tue, 24 Nov 2026 09:15:00 GMT", dt.datetime(2026, 11, 24, 10, 15)),
        ("Mon, 6 Jul 2026 08:00:00 +0000", dt.datetime(2026, 7, 6, 10, 0)),  # summer time in Brussels
        ("24/11/2026 10:15", dt.datetime(2026, 11, 24, 10, 15)),
        ("2026-11-24T10:15:00+01:00", dt.datetime(2026, 11, 24, 10, 15)),
        ("dinsdag 24 november 2026 10:15", dt.datetime(2026, 11, 24, 10, 15)),
        ("Tue, Nov 24, 2026 at 10:15 PM", dt.datetime(2026, 11, 24, 22, 15)),
        ("mardi 24 novembre 2026 à 10:15", dt.datetime(2026, 11, 24, 10, 15)),
        ("24 nov. 2026 om 14u30", dt.datetime(2026, 11, 24, 14, 30)),
        ("gisteren", None),
        ("", None),
        ("Tue, 24 Nov 1066 10:15:00 +0100", None),
    ],
)
def test_dates_are_read_in_the_forms_mail_programs_write(text: str, expected: dt.datetime | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan Peeters <jan@telenet.be>", ("Jan Peeters", "jan@telenet.be")),
        ('"Peeters, Jan" <jan@telenet.be>', ("Jan Peeters", "jan@telenet.be")),
        ("Peeters, Jan <jan@telenet.be>", ("Jan Peeters", "jan@telenet.be")),
        ("jan@telenet.be, Els <els@telenet.be>", ("", "jan@telenet.be")),
        ("Peeters Jan [mailto:jan@telenet.be]", ("Peeters Jan", "jan@telenet.be")),
        ("Jan Peeters <jan@telenet.be", ("Jan Peeters", "jan@telenet.be")),
        ("jan@telenet.be", ("", "jan@telenet.be")),
        ("Jan Peeters", ("Jan Peeters", "")),
    ],
)
def test_senders_are_read_as_people_write_them(text: str, expected: tuple[str, str]) -> None:
    assert parse_sender(text) == expected


def test_html_becomes_readable_text() -> None:
    html = (
        "<html><head><title>x</title><style>p{}</style></head><body><p>Eén&nbsp;twee</p>"
        "<p>drie<br/>vier</p><table><tr><td>a</td><td>b</td></tr></table><script>bad()</script></body></html>"
    )
    assert html_to_text(html) == "Eén twee\n\ndrie\nvier\n\na\tb"
