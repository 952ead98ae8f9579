"""Art. 4, e-mail as real mail programs send it, beyond what the public corpus compares: a
message without a subject, internationalised addresses (RFC 6532), opaque S/MIME (signed or
encrypted in one blob), text without a usable charset, Outlook's display names and ANSI strings,
quoted forwards with more header lines, the obsolete header syntax, and the date of receipt of a
message that is no forward. The opaque S/MIME messages in tests/intake/corpus_intent were made
with ``openssl smime`` and a throwaway self-signed certificate (see its README).

Each regression test of a reading fix runs in CI on a file of the registry corpus
(tests/intake/corpus_registry) with the same feature, or else on a small message of our own made
here (with the standard library's conventions, or ``msg_builder`` for Outlook) that has it. The
real file of the fetched corpus that first showed the problem is kept as an extra test
(``…_fetched``), which is skipped where that corpus is absent: by the workplace's rule it is not in
the repository (tests/intake/public_corpus.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kina_desktop.domain.intake import draft_from_message, folder_plan
from kina_desktop.domain.mail_subject import subject_from_text
from kina_desktop.domain.validation import is_valid_email
from kina_desktop.mail.message_reading import read_message
from kina_desktop.mail.smime import open_opaque
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.intake.msg_builder import PT_LONG, MsgAttachment, build_msg
from tests.intake.public_corpus import REGISTRY, corpus_root, fetched_file

CASES = Path(__file__).resolve().parent / "corpus_intent"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = dt.date(2026, 11, 24)
UTC = dt.UTC


def eml(headers: str, body: bytes) -> bytes:
    return headers.replace("\n", "\r\n").encode("utf-8") + b"\r\n" + body


# -- a message without a subject -----------------------------------------------------------------


def test_a_message_without_a_subject_proposes_its_first_meaningful_line_not_the_salutation() -> None:
    data = eml(
        "From: Jan Peeters <jan.peeters@telenet.be>\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n"
        "Message-ID: <nosubject-1@telenet.be>\nContent-Type: text/plain; charset=utf-8\n",
        b"Geachte,\r\n\r\nDe poetshulp kwam drie weken niet en niemand liet iets weten.\r\nJan\r\n",
    )
    message = read_message(data, "zonder onderwerp.eml")
    assert message.subject == "" and "Het bericht heeft geen onderwerp." in message.problems
    draft, _notes = draft_from_message(message, TODAY)
    assert draft.description.subject == "De poetshulp kwam drie weken niet en niemand liet iets weten."


def test_a_subject_from_the_text_skips_greetings_in_four_languages_and_is_cut_at_a_word() -> None:
    assert subject_from_text("Beste mevrouw Claes,\n\nIk klaag over het onthaal.") == "Ik klaag over het onthaal."
    assert subject_from_text("Madame, Monsieur,\n> cité\nJe me plains du service.") == "Je me plains du service."
    assert subject_from_text("Dear Sir or Madam,\nThe meals were cold.") == "The meals were cold."
    assert subject_from_text("Geachte heer Peeters\nDe thuiszorg kwam niet.") == "De thuiszorg kwam niet."
    assert subject_from_text("Dag na dag wachtte ik op de poetshulp") == "Dag na dag wachtte ik op de poetshulp"
    long = subject_from_text("Geachte\n" + "woord " * 40)
    assert long.endswith("…") and len(long) <= 80 and not long[:-1].endswith(" ")
    assert subject_from_text("Geachte,\n\nMet vriendelijke groeten") == "Met vriendelijke groeten"
    assert subject_from_text("Hallo,\n\n-- \n") == ""


def test_a_message_with_only_a_greeting_is_named_after_its_sender() -> None:
    data = eml(
        "From: Els Wouters <els.wouters@gmail.com>\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n"
        "Message-ID: <nosubject-2@gmail.com>\nContent-Type: text/plain; charset=utf-8\n",
        b"Hallo,\r\n",
    )
    draft, _notes = draft_from_message(read_message(data, "x.eml"), TODAY)
    assert draft.description.subject == "E-mail van Els Wouters"


# -- RFC 6532 ------------------------------------------------------------------------------------


def test_an_internationalised_address_is_accepted_and_registered(ctx: ServiceContext) -> None:
    assert is_valid_email("jan@müller.be") and is_valid_email("jdöe@mächine.example")
    assert not is_valid_email("jan@x_y.be") and not is_valid_email("jan@-x.be")
    data = eml(
        "From: Jan Müller <jan@müller.be>\nTo: klachten@kina.be\nSubject: Klacht over de maaltijden\n"
        "Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <eai-1@müller.be>\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n",
        b"De maaltijden kwamen koud aan.\r\n",
    )
    message = read_message(data, "eai.eml")
    assert (message.sender_name, message.sender_address) == ("Jan Müller", "jan@müller.be")
    intake = Services.for_context(ctx).intake
    draft = intake.draft_for(message)
    assert draft.description.complainant_email == "jan@müller.be"
    record = intake.register_message(message, draft)
    assert record.description is not None and record.description.complainant_email == "jan@müller.be"


def test_a_message_with_only_utf8_headers_and_no_mime_keeps_its_utf8_address() -> None:
    # like RFC 6532's example: raw UTF-8 in the names and addresses, no MIME-Version, no Date
    data = (
        'From: "Jöhn Döe" <jdöe@mächine.example>\nTo: "Märy Smith" <märy@exämple.net>\nSubject: Säying Hello\n\nbody\n'
    ).encode()
    message = read_message(data, "utf8_headers.eml")
    assert (message.sender_name, message.sender_address, message.subject) == (
        "Jöhn Döe",
        "jdöe@mächine.example",
        "Säying Hello",
    )
    assert draft_from_message(message, TODAY)[0].description.complainant_email == "jdöe@mächine.example"


def test_the_rfc6532_example_of_a_public_suite_keeps_its_utf8_address_fetched() -> None:
    path = fetched_file("eml/mikel-mail/emails__rfc6532__utf8_headers.eml")
    message = read_message(path.read_bytes(), path.name)
    assert message.sender_address == "jdöe@mächine.example"
    assert draft_from_message(message, TODAY)[0].description.complainant_email == "jdöe@mächine.example"


# -- opaque S/MIME -------------------------------------------------------------------------------


def test_an_opaque_signed_message_is_read_and_filed_whole(ctx: ServiceContext) -> None:
    message = read_message((CASES / "68-opaque-smime-signed.eml").read_bytes(), "68-opaque-smime-signed.eml")
    assert "De thuiszorg kwam drie keer niet." in message.body_text
    assert [a.filename for a in message.attachments] == ["klacht.pdf", "smime.p7m"]
    assert message.attachments[0].data == PDF
    assert any("S/MIME-blok" in p and "niet gecontroleerd" in p for p in message.problems)
    plan = folder_plan(message)
    assert plan.kept_names == ("68-opaque-smime-signed.eml", "klacht.pdf")  # the blob stays in the original
    intake = Services.for_context(ctx).intake
    record = intake.register_message(message, intake.draft_for(message))
    documents = Services.for_context(ctx).documents.list(record.header.id)
    assert [d.filename for d in documents] == ["68-opaque-smime-signed.eml", "klacht.pdf"]


def test_an_encrypted_message_is_kept_and_says_it_cannot_be_read() -> None:
    message = read_message((CASES / "69-opaque-smime-encrypted.eml").read_bytes(), "69.eml")
    assert message.body_text == ""
    assert [a.filename for a in message.attachments] == ["smime.p7m"]
    assert any("versleuteld" in p for p in message.problems)
    assert open_opaque(b"\x30\x03\x02\x01\x01").kind == "unknown"
    assert open_opaque(b"not der at all").kind == "unknown"


def test_an_opaque_signed_outlook_message_gives_its_text_and_files() -> None:
    signed = (CASES / "68-opaque-smime-signed.eml").read_bytes()
    blob = open_opaque(_base64_body(signed))
    assert blob.kind == "signed"
    data = build_msg(
        subject="Klacht thuiszorg (ondertekend)",
        body=None,
        sender_name="Sofie Janssens",
        sender_email="sofie.janssens@proximus.be",
        sent=dt.datetime(2026, 11, 24, 13, 0, tzinfo=UTC),
        message_class="IPM.Note.SMIME",
        attachments=(MsgAttachment("smime.p7m", _base64_body(signed), "application/pkcs7-mime"),),
    )
    message = read_message(data, "signed.msg")
    assert "De thuiszorg kwam drie keer niet." in message.body_text
    assert [a.filename for a in message.attachments] == ["klacht.pdf", "smime.p7m"]


def _base64_body(data: bytes) -> bytes:
    import base64

    return base64.b64decode(data.split(b"\r\n\r\n", 1)[1])


# -- charsets ------------------------------------------------------------------------------------


def test_each_part_without_a_charset_is_read_as_utf8_else_windows_1252_with_a_note() -> None:
    data = eml(
        "From: Luc Wouters <luc.wouters@telenet.be>\nSubject: Klacht\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n"
        'Message-ID: <parts-1@telenet.be>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n',
        b"--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Eerste deel: één keer, € 90.\r\n".encode()
        + b"--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Tweede deel: café, “factuur”.\r\n".encode("cp1252")
        + b"--b--\r\n",
    )
    message = read_message(data, "parts.eml")
    assert "Eerste deel: één keer, € 90." in message.body_text
    assert "Tweede deel: café, “factuur”." in message.body_text
    assert "\ufffd" not in message.body_text
    assert sum("geen (bruikbare) tekenset" in p for p in message.problems) == 1


def test_utf8_text_declared_as_us_ascii_is_read_as_utf8() -> None:
    data = eml(
        "From: Luc Wouters <luc.wouters@telenet.be>\nSubject: Klacht\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n"
        "Message-ID: <ascii-1@telenet.be>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n",
        "De thuiszorg kwam niet.\r\n--\r\nEnvoyé par le service de messagerie texte de Bell Mobilité.\r\n".encode(),
    )
    message = read_message(data, "ascii.eml")
    assert "Envoyé par le service de messagerie texte de Bell Mobilité." in message.body_text
    assert not any("tekenset" in p for p in message.problems)


def test_utf8_text_declared_as_us_ascii_is_read_as_utf8_fetched() -> None:
    path = fetched_file("eml/mikel-mail/emails__plain_emails__raw_email6.eml")
    message = read_message(path.read_bytes(), path.name)
    assert "Envoyé par le service de messagerie texte de Bell Mobilité." in message.body_text
    assert not any("tekenset" in p for p in message.problems)


# -- Outlook ---------------------------------------------------------------------------------------


def _ansi_msg(subject: str, body: str, codepage: int, locale: int | None, internet_codepage: int | None) -> bytes:
    """An ANSI Outlook file without a stored code page: only the locale and the Internet code
    page (when given) tell how its strings are written."""
    extra: tuple[tuple[int, int, object], ...] = ()
    if locale is not None:
        extra += ((0x3FF1, PT_LONG, locale),)  # PR_MESSAGE_LOCALE_ID
    if internet_codepage is not None:
        extra += ((0x3FDE, PT_LONG, internet_codepage),)  # PR_INTERNET_CPID
    return build_msg(
        subject=subject,
        body=body,
        sender_name="Jan Peeters",
        sender_email="jan.peeters@telenet.be",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        ansi_codepage=codepage,
        store_codepage=False,
        extra=extra,
    )


def test_outlook_strings_are_read_in_the_locales_code_page_not_the_internet_one() -> None:
    # as Apache POI's Test7BitCodepage expects of its files: a German Outlook (locale 1031) with a
    # Cyrillic Internet code page writes its strings in Windows-1252, a Russian one (1049) without
    # any code page in Windows-1251, a Japanese one (1041) with ISO-2022-JP for the Internet in
    # Shift-JIS (cp932)
    german = _ansi_msg("Klacht öäü über die Küche", "Das Essen war kalt, größer Ärger.\r\n", 1252, 1031, 1251)
    assert read_message(german, "de.msg").subject == "Klacht öäü über die Küche"
    russian = _ansi_msg("Жалоба на питание", "Обед был холодный.\r\n", 1251, 1049, None)
    message = read_message(russian, "ru.msg")
    assert message.subject == "Жалоба на питание" and "Обед был холодный." in message.body_text
    japanese = _ansi_msg("日本語の苦情", "ヘルパーが来ませんでした。\r\n", 932, 1041, 50220)
    message = read_message(japanese, "jp.msg")
    assert message.subject == "日本語の苦情" and "ヘルパーが来ませんでした。" in message.body_text


def test_an_ansi_outlook_file_of_a_public_suite_is_read_in_its_locales_code_page() -> None:
    # Apache POI's Traditional Chinese Outlook file (locale and code page 950): Big5, not Windows-1252
    chinese = corpus_root(REGISTRY) / "msg/apache-poi/hsmf__chinese-traditional.msg"
    message = read_message(chinese.read_bytes(), chinese.name)
    assert message.subject == "Alfresco MSG format testing ( MSG 格式測試 )"
    assert "中文測試" in message.body_text


def test_outlook_strings_are_read_in_the_locales_code_page_not_the_internet_one_fetched() -> None:
    # Apache POI's own test expects these (Test7BitCodepage): a German Outlook (locale 1031)
    # with a Cyrillic Internet code page writes its subject in Windows-1252.
    german = fetched_file("msg/apache-poi/hsmf__HTMLBodyBinary_CP1251.msg")
    assert read_message(german.read_bytes(), german.name).subject == "Subject öäü Subject"
    russian = fetched_file("msg/apache-poi/hsmf__ASCII_CP1251_LCID1049.msg")
    message = read_message(russian.read_bytes(), russian.name)
    assert message.subject == "Subject автоматически Subject" and "Body автоматически Body" in message.body_text
    japanese = fetched_file("msg/hiraoka-msgreader/test__nonUnicodeCP932.msg")  # Internet code page ISO-2022-JP
    message = read_message(japanese.read_bytes(), japanese.name)
    assert message.subject == "日本語 Non Unicode タイトル" and "日本語 Non Unicode 本文" in message.body_text


def test_outlooks_display_name_is_used_when_the_address_is_written_in_another_form() -> None:
    data = build_msg(
        subject="Klacht",
        body="De thuiszorg kwam niet.\r\n",
        sender_name="Jan Peeters",
        sender_email="jan.peeters@telenet.be",
        representing=("'jan.peeters@telenet.be'", "jan.peeters@telenet.be"),
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
    )
    message = read_message(data, "x.msg")
    assert (message.sender_name, message.sender_address) == ("Jan Peeters", "jan.peeters@telenet.be")
    data = build_msg(
        subject="Klacht",
        body="De thuiszorg kwam niet.\r\n",
        sender_name="Peeters Jan (jan.peeters@telenet.be)",
        sender_email="jan.peeters@telenet.be",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
    )
    assert read_message(data, "x.msg").sender_name == "Peeters Jan"
    exchange = corpus_root(REGISTRY) / "msg/apache-poi/hsmf__chinese-traditional.msg"  # an Exchange name with an @
    assert read_message(exchange.read_bytes(), exchange.name).sender_name == "Tests Chang@FT (張毓倫)"


def test_an_ansi_outlook_file_with_only_an_internet_code_page_reads_its_strings_in_the_ansi_one() -> None:
    data = build_msg(
        subject="日本語の苦情",
        body="ヘルパーが来ませんでした。\r\n",
        sender_name="山田太郎",
        sender_email="taro.yamada@example.jp",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        ansi_codepage=932,
        store_codepage=False,
        extra=((0x3FDE, PT_LONG, 50220),),  # ISO-2022-JP, no locale
    )
    message = read_message(data, "jp.msg")
    assert (message.subject, message.sender_name) == ("日本語の苦情", "山田太郎")


# -- headers and dates ---------------------------------------------------------------------------


def test_a_quoted_forward_with_resent_lines_keeps_the_original_subject() -> None:
    # Pine's quoted forward: the forwarded header has Resent-Date and Resent-From lines (a mailing
    # list's resending) below its Subject, and the forward's own subject ends in "(fwd)"
    data = eml(
        "From: Marc Claes <marc.claes@ocmw-gent.be>\nTo: klachten@kina.be\n"
        "Subject: Klacht over de maaltijden (fwd)\nDate: Tue, 24 Nov 2026 10:48:46 +0100\n"
        "Message-ID: <pine-1@ocmw-gent.be>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n",
        b"Ter info, deze klacht kwam via de lijst binnen.\r\n\r\n"
        b"---------- Forwarded message ----------\r\n"
        b"Date: Mon, 23 Nov 2026 12:24:00 +0100\r\n"
        b"From: Els.Wouters@telenet.be\r\n"
        b"To: info@ocmw-gent.be\r\n"
        b"Cc: lijst%ocmw-gent.be@relay.ocmw-gent.be\r\n"
        b"Subject: Klacht over de maaltijden\r\n"
        b"Resent-Date: Mon, 23 Nov 2026 17:26:15 GMT\r\n"
        b"Resent-From: lijst@ocmw-gent.be\r\n"
        b"\r\n"
        b"De maaltijden kwamen drie dagen koud aan.\r\n",
    )
    message = read_message(data, "pine.eml")
    assert message.subject == "Klacht over de maaltijden"
    assert message.sender_address == "Els.Wouters@telenet.be"
    assert "De maaltijden kwamen drie dagen koud aan." in message.body_text


def test_a_quoted_forward_with_resent_lines_keeps_the_original_subject_fetched() -> None:
    path = fetched_file("eml/flanker/message-external-body.eml")
    message = read_message(path.read_bytes(), path.name)
    assert message.subject == "I-D ACTION:draft-ietf-http-authentication-00.txt"
    assert message.sender_address == "Internet-Drafts@ns.ietf.org"


def test_header_names_with_blanks_before_the_colon_are_read() -> None:
    # the obsolete syntax of RFC 5322 4.5 (as in RFC 2822's example A.6.3): blanks before the
    # colon, a comment and blanks inside the address, a comment in the date
    data = (
        b"From  : Jan Peeters <jan.peeters@telenet(commentaar).  be>\r\n"
        b"To    : Klachtendienst <klachten@kina.be>\r\n"
        b"Subject     : Klacht over de thuiszorg\r\n"
        b"Date  : Mon, 23 Nov 2026 10(commentaar):   15  :  06 +0100\r\n"
        b"Message-ID  : <obs-1   @   telenet(x)  .be>\r\n"
        b"\r\n"
        b"De thuiszorg kwam niet.\r\n"
    )
    message = read_message(data, "obsolete.eml")
    assert (message.sender_name, message.sender_address) == ("Jan Peeters", "jan.peeters@telenet.be")
    assert message.subject == "Klacht over de thuiszorg"
    assert "De thuiszorg kwam niet." in message.body_text


def test_header_names_with_blanks_before_the_colon_are_read_fetched() -> None:
    # RFC 2822's example of the obsolete syntax (A.6.3): "From  : John Doe <jdoe@machine(comment).
    # example>"; its line "__" then ends the header, so the subject below it is text
    path = fetched_file("eml/mikel-mail/emails__rfc2822__example13.eml")
    message = read_message(path.read_bytes(), path.name)
    assert (message.sender_name, message.sender_address) == ("John Doe", "jdoe@machine.example")


def test_a_message_that_is_no_forward_is_received_at_its_own_date_whatever_the_received_header_says() -> None:
    data = eml(
        "Received: from mx.telenet.be by mail.kina.be; Thu, 26 Nov 2026 09:12:44 +0100\n"
        "From: Jan Peeters <jan.peeters@telenet.be>\nSubject: Klacht\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n"
        "Message-ID: <late-1@telenet.be>\nContent-Type: text/plain; charset=utf-8\n",
        b"De thuiszorg kwam niet.\r\n",
    )
    assert read_message(data, "x.eml").received_at == dt.datetime(2026, 11, 23, 10, 0)
    # without a readable Date the mail server's date is the best there is, with a note
    data = data.replace(b"Date: Mon, 23 Nov 2026 10:00:00 +0100", b"Date: maandag")
    message = read_message(data, "x.eml")
    assert message.received_at == dt.datetime(2026, 11, 26, 9, 12, 44)
    assert any("onleesbaar" in p for p in message.problems)


def test_an_outlook_sender_with_an_internationalised_address_keeps_it() -> None:
    data = build_msg(
        subject="Klacht",
        body="De maaltijden kwamen koud aan.\r\n",
        sender_name="Jan Müller",
        sender_email="jan@müller.be",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
    )
    message = read_message(data, "x.msg")
    assert (message.sender_name, message.sender_address) == ("Jan Müller", "jan@müller.be")


# -- mailing lists -------------------------------------------------------------------------------


def test_a_mailing_list_footer_line_does_not_make_a_digest_a_forward() -> None:
    # CPython's digest test message: a Mailman digest (five messages in a multipart/digest) whose
    # footer starts with a line of underscores; that line is no "original message" marker, so the
    # digest stays one message from the list with five attached messages (it became a forward of
    # its first message before)
    path = corpus_root(REGISTRY) / "eml/cpython/msg_02.eml"
    message = read_message(path.read_bytes(), path.name)
    assert (message.sender_address, message.subject) == ("ppp-request@zzz.org", "Ppp digest, Vol 1 #2 - 5 msgs")
    assert len(message.attachments) == 5 and not message.forwarded_by
    # our own: one attached message below a list footer is no forward either
    data = eml(
        "From: Els Wouters <els.wouters@gmail.com>\nSubject: Klacht over de poetshulp\n"
        "Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <footer-1@gmail.com>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n',
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"De poetshulp kwam niet; hierbij de mail van de dienst.\r\n\r\n"
        + b"_"
        * 47
        + b"\r\nBuurtwerk mailing list\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n"
        b"From: Dienst Thuiszorg <thuiszorg@ocmw-gent.be>\r\nSubject: Planning\r\n"
        b"Date: Fri, 20 Nov 2026 09:00:00 +0100\r\n\r\nDe planning volgt.\r\n"
        b"--b--\r\n",
    )
    message = read_message(data, "footer.eml")
    assert (message.sender_address, message.subject) == ("els.wouters@gmail.com", "Klacht over de poetshulp")
    assert not message.forwarded_by
    # Outlook's line of underscores followed by the quoted header is a forward marker
    data = eml(
        "From: Marc Claes <marc.claes@ocmw-gent.be>\nSubject: FW: Klacht over de poetshulp\nDate: Tue, 24 Nov 2026 10:00:00 +0100\n"
        "Message-ID: <outlook-fw-1@ocmw-gent.be>\nContent-Type: text/plain; charset=utf-8\n",
        b"Ter info.\r\n\r\n" + b"_" * 32 + b"\r\nVan: Els Wouters <els.wouters@gmail.com>\r\n"
        b"Verzonden: maandag 23 november 2026 10:00\r\nOnderwerp: Klacht over de poetshulp\r\n\r\n"
        b"De poetshulp kwam niet.\r\n",
    )
    message = read_message(data, "fw.eml")
    assert message.sender_address == "els.wouters@gmail.com" and message.forwarded_by == "marc.claes@ocmw-gent.be"
