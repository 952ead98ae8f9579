"""Outlook .msg files (Art. 4, e-mail) are read by our own reader (mail/outlook_msg.py, on
olefile); extract-msg, an independent reader that the program does not ship (GPL-3.0), is the
test oracle: every .msg of the corpus and the messages made below must read the same in both
(subject, sender, date, Message-ID, body, attachments, attached messages)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import compressed_rtf
import extract_msg
import pytest

from kina_desktop.domain.intake import IncomingMessage
from kina_desktop.mail.html_text import html_to_text
from kina_desktop.mail.message_reading import (
    MessageUnreadable,
    clean_text,
    normalise_message_id,
    parse_sender,
    read_message,
)
from kina_desktop.mail.outlook_msg import OutlookFileError, OutlookMessage, read_outlook_message
from kina_desktop.mail.rtf_text import decompress_rtf, rtf_body, rtf_to_text
from tests.intake.corpus import CORPUS, EXPECTED, corpus_files
from tests.intake.make_outlook_corpus import RTF, RTF_FROM_HTML
from tests.intake.msg_builder import PT_LONG, PT_UNICODE, MsgAttachment, build_msg

UTC = dt.UTC
OUTLOOK_FILES = [p for p in corpus_files() if p.suffix == ".msg"]


def _oracle(data: bytes) -> extract_msg.Message:
    return extract_msg.openMsg(data, strict=False, delayAttachments=False)


def _name_and_address(name: str, address: str) -> tuple[str, str]:
    """As the intake cleans them ("Claes, An" -> "An Claes")."""
    return parse_sender(f'"{name}" <{address}>' if address else name)


def _html_text(html: bytes | str) -> str:
    return clean_text(html_to_text(html.decode("utf-8") if isinstance(html, bytes) else html))


def assert_same_message(
    ours: OutlookMessage, theirs: extract_msg.Message, name: str, incoming: IncomingMessage | None = None
) -> None:
    """Our reading of a message equals extract-msg's, field by field. Without an SMTP address
    in the properties, the sender comes from the transport headers, as the intake reads them
    (``incoming``)."""
    assert ours.subject == " ".join((theirs.subject or "").split()), name
    if theirs.sender:
        if ours.author[1] or incoming is None:
            assert _name_and_address(*ours.author) == parse_sender(theirs.sender), name
        else:
            assert (incoming.sender_name, incoming.sender_address) == parse_sender(theirs.sender), name
    else:
        assert ours.author == ("", ""), name
    assert (None if ours.unsent else ours.submitted_at) == theirs.date, name
    if ours.body is not None:
        assert clean_text(ours.body) == clean_text(theirs.body or ""), name
    elif ours.rtf_compressed is not None:
        rtf = rtf_body(ours.rtf_compressed)
        assert rtf is not None, name
        if rtf.is_html:  # extract-msg gives the HTML it takes from the RTF, as we do
            assert _html_text(rtf.text) == _html_text(theirs.htmlBody), name
        else:  # extract-msg reads only RTF that wraps plain text or HTML; this one does not
            assert theirs.body is None, name
    if ours.html_text is not None:
        assert _html_text(ours.html_text) == _html_text(theirs.htmlBody), name
    their_attachments = list(theirs.attachments)
    assert [a.filename for a in ours.attachments] == [
        a.longFilename or a.shortFilename or a.displayName or "" for a in their_attachments
    ], name
    for mine, other in zip(ours.attachments, their_attachments):
        if mine.message is not None:
            assert isinstance(other.data, extract_msg.msg_classes.MessageBase), name
            assert_same_message(mine.message, other.data, f"{name} / {mine.filename}")
        else:
            assert mine.data == other.data, (name, mine.filename)
            assert mine.mime_type == (other.mimetype or ""), (name, mine.filename)


@pytest.mark.parametrize("path", OUTLOOK_FILES, ids=lambda p: p.name)
def test_every_outlook_message_of_the_corpus_reads_as_extract_msg_reads_it(path: Path) -> None:
    data = path.read_bytes()
    if EXPECTED[path.name].unreadable_because:
        with pytest.raises(OutlookFileError):
            read_outlook_message(data)
        with pytest.raises(Exception):  # noqa: B017 - extract-msg refuses it too, in its own way
            _oracle(data)
        return
    theirs = _oracle(data)
    try:
        message = read_message(data, path.name)
        assert_same_message(read_outlook_message(data), theirs, path.name, message)
        header_id = normalise_message_id(theirs.messageId or "")
        assert message.message_id == (header_id or message.message_id)
    finally:
        theirs.close()


def _made(**fields: object) -> bytes:
    base: dict[str, object] = dict(
        subject="Klacht",
        body="Tekst van de klacht.",
        sender_name="Jan Peeters",
        sender_email="jan.peeters@telenet.be",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        message_id="<m-1@telenet.be>",
    )
    base.update(fields)
    return build_msg(**base)


MADE = {
    "8-bit Cyrillic (Windows-1251)": lambda: _made(
        subject="Жалоба на социальную службу",
        body="Здравствуйте,\r\nсотрудник не пришёл.\r\n",
        sender_name="Ольга Петрова",
        sender_email="olga.petrova@mail.ru",
        ansi_codepage=1251,
    ),
    "a draft never sent": lambda: _made(subject="Concept", flags=9),
    "an attachment without a name": lambda: _made(attachments=(MsgAttachment("", b"\x89PNG\r\n\x1a\n", "image/png"),)),
    "a message in a message in a message": lambda: _made(
        subject="FW: FW: Klacht",
        attachments=(
            MsgAttachment(
                "FW: Klacht",
                message=dict(
                    subject="FW: Klacht",
                    body="Doorgestuurd.",
                    sender_name="Koen Peeters",
                    sender_email="koen@kina.be",
                    attachments=(
                        MsgAttachment(
                            "Klacht",
                            message=dict(
                                subject="Klacht",
                                body="De eigenlijke klacht.",
                                sender_name="Rita Smet",
                                sender_email="rita.smet@skynet.be",
                                sent=dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
                                attachments=(MsgAttachment("brief.pdf", b"%PDF-1.4 brief", "application/pdf"),),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    "a large attachment (big sectors)": lambda: _made(
        attachments=(MsgAttachment("scan.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 300, "application/pdf"),)
    ),
}


@pytest.mark.parametrize("kind", list(MADE))
def test_outlook_messages_made_for_the_test_read_as_extract_msg_reads_them(kind: str) -> None:
    data = MADE[kind]()
    theirs = _oracle(data)
    try:
        assert_same_message(read_outlook_message(data), theirs, kind)
    finally:
        theirs.close()


def test_an_8bit_message_is_read_in_its_code_page() -> None:
    message = read_message(MADE["8-bit Cyrillic (Windows-1251)"](), "olga.msg")
    assert message.subject == "Жалоба на социальную службу"
    assert message.sender_name == "Ольга Петрова" and "сотрудник не пришёл." in message.body_text


def test_a_draft_that_was_never_sent_has_no_date() -> None:
    message = read_message(MADE["a draft never sent"](), "concept.msg")
    assert message.received_at is None and "Geen datum in het bericht." in message.problems


def test_a_message_forwarded_twice_as_attachment_gives_the_original_complainant() -> None:
    message = read_message(MADE["a message in a message in a message"](), "fw.msg")
    assert message.attachments[0].filename == "FW_ Klacht.eml"
    inner = read_message(message.attachments[0].data, "FW_ Klacht.eml")
    assert inner.attachments[0].filename == "Klacht.eml"  # the innermost message, again as .eml
    innermost = read_message(inner.attachments[0].data, "Klacht.eml")
    assert (innermost.sender_name, innermost.subject) == ("Rita Smet", "Klacht")
    assert [a.filename for a in innermost.attachments] == ["brief.pdf"]
    assert innermost.attachments[0].data == b"%PDF-1.4 brief"


def test_an_attachment_without_a_name_gets_one() -> None:
    message = read_message(MADE["an attachment without a name"](), "x.msg")
    assert [a.filename for a in message.attachments] == ["bijlage-1.png"]


def test_an_exchange_sender_without_smtp_address_is_noted() -> None:
    data = build_msg(
        subject="Intern",
        body="Tekst.",
        sender_name="Peeters, Koen",
        extra=(
            (0x0C1F, PT_UNICODE, "/O=KINA/OU=EXCHANGE/CN=RECIPIENTS/CN=KOEN"),
            (0x0C1E, PT_UNICODE, "EX"),
            (0x0E07, PT_LONG, 1),
        ),
    )
    message = read_message(data, "intern.msg")
    assert (message.sender_name, message.sender_address) == ("Koen Peeters", "")
    assert "Geen e-mailadres van de afzender in het bericht." in message.problems


def test_a_body_kept_only_as_damaged_rtf_is_noted_and_the_message_kept() -> None:
    data = _made(body=None, rtf_compressed=b"\x10\x00\x00\x00garbage that is no compressed RTF")
    message = read_message(data, "rtf.msg")
    assert message.body_text == "" and message.original_bytes == data
    assert any("alleen in opgemaakte vorm (RTF)" in p and "kon niet gelezen worden" in p for p in message.problems)


def test_a_cut_off_outlook_file_keeps_its_text_and_skips_the_damaged_attachment() -> None:
    data = MADE["a large attachment (big sectors)"]()[:-1000]
    message = read_message(data, "afgebroken.msg")
    assert message.body_text == "Tekst van de klacht." and message.attachments == ()
    assert "De bijlage scan.pdf kon niet gelezen worden en werd overgeslagen." in message.problems
    assert any("Outlook-bestand is beschadigd" in p for p in message.problems)


def test_a_damaged_outlook_file_is_refused_with_one_sentence() -> None:
    data = (CORPUS / "50-outlook-plain-with-attachments.msg").read_bytes()
    with pytest.raises(MessageUnreadable) as caught:
        read_message(data[:1100], "kapot.msg")
    assert "kapot.msg" in caught.value.message and "Outlook-bestand" in caught.value.message


# -- compressed RTF ([MS-OXRTFCP]) against compressed-rtf, and the RTF text ------------------------


@pytest.mark.parametrize("seed", range(5))
def test_compressed_rtf_is_decompressed_as_compressed_rtf_does(seed: int) -> None:
    rng = random.Random(seed)
    words = [b"\\par ", b"klacht ", b"{\\b vet} ", b"\\'e9", b"OCMW ", b"\r\n", b"de ", b"dienst "]
    rtf = b"{\\rtf1\\ansi " + b"".join(rng.choice(words) for _ in range(rng.randint(10, 3000))) + b"}"
    compressed = compressed_rtf.compress(rtf, compressed=True)
    assert decompress_rtf(compressed) == compressed_rtf.decompress(compressed) == rtf
    stored = compressed_rtf.compress(rtf, compressed=False)
    assert decompress_rtf(stored) == rtf


def test_rtf_text_keeps_words_paragraphs_and_accents() -> None:
    text = rtf_to_text(RTF)
    assert not text.is_html and "Geachte,\nSinds drie weken" in text.text and "het één loket." in text.text
    unicode = rtf_to_text(
        b"{\\rtf1\\ansi\\ansicpg1252\\uc1 {\\fonttbl{\\f0 Arial;}}Caf\\'e9 \\u8364?"
        b" \\u-10179?\\u-8694? {\\*\\unknown verborgen}einde\\par}"
    )
    assert unicode.text == "Café € \U0001f60a einde\n"
    assert "verborgen" not in unicode.text and "Arial" not in unicode.text


def test_rtf_made_from_html_gives_back_the_html() -> None:
    text = rtf_to_text(RTF_FROM_HTML)
    assert text.is_html and text.text.startswith("<html><head>")
    assert _html_text(text.text).startswith("Madame, Monsieur,\n\nDepuis le 3 novembre, l'aide à domicile")


# -- licences --------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
GPL_READERS = ("extract_msg", "RTFDE", "compressed_rtf")


def test_the_program_never_imports_the_gpl_outlook_reader() -> None:
    """extract-msg (GPL-3.0) and its parts are test oracles: the proprietary program and its
    PyInstaller bundle must not contain them (see README, 'Licences')."""
    for source in (ROOT / "kina_desktop").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for name in GPL_READERS:
            assert f"import {name}" not in text and f"from {name}" not in text, source
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    excluded = spec[spec.index("excludes=[") :]
    assert all(f'"{name}"' in excluded[: excluded.index("]")] for name in GPL_READERS)


def test_extract_msg_is_a_development_dependency_only() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [d.lower() for d in project["dependencies"]]
    assert not any(d.startswith(("extract-msg", "extract_msg", "rtfde", "compressed-rtf")) for d in runtime)
    assert any(d.startswith("olefile") for d in runtime)
    assert any(d.lower().startswith("extract-msg") for d in project["optional-dependencies"]["dev"])
