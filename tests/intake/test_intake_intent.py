"""Art. 3-5, e-mail as it really arrives: the right complainant (a forward is unwrapped only when
it is one; a delivery report is no complaint), the right date of receipt (when the forward
reached KINA), every byte of text (only the bytes that do not fit the charset are replaced) and
every attachment (of a signed message, of the forwarded message). The messages are in
tests/intake/corpus_intent (see its README); each is also compared with the standard library's
own reading of it (``email`` with ``policy.default``)."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

import extract_msg
import pytest
from sqlalchemy import func, select

from kina_desktop.db.models import Case, IntakeMessage
from kina_desktop.domain.intake import Disposition, MessageSource, folder_plan
from kina_desktop.mail.message_headers import parse_date
from kina_desktop.mail.message_reading import read_message
from kina_desktop.mail.outlook_msg import codepage_for_locale
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.intake.intake_service import NoComplaintMessage
from tests.intake.msg_builder import PT_LONG, MsgAttachment, build_msg

CASES = Path(__file__).resolve().parent / "corpus_intent"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
UTC = dt.UTC


def read(name: str):
    return read_message((CASES / name).read_bytes(), name)


# -- 1. forwards read intent, not structure ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("60-bounce-postfix-dsn.eml", "niet bezorgd"),
        ("61-read-receipt-mdn.eml", "leesbevestiging"),
        ("62-bounce-exim-plain.eml", "niet bezorgd"),
        ("70-cpython-msg_16-delivery-status.eml", "niet bezorgd"),  # a real one (CPython's tests)
    ],
)
def test_a_delivery_report_is_no_complaint_and_is_not_unwrapped(name: str, reason: str) -> None:
    message = read(name)
    assert reason in message.not_a_complaint
    assert any(reason in p for p in message.problems)
    standard = email.message_from_bytes((CASES / name).read_bytes(), policy=policy.default)
    assert message.subject == standard["subject"]  # the report itself, not the message it returns
    assert message.sender_address.lower() == standard["from"].addresses[0].addr_spec.lower()


def test_a_citizen_who_attaches_a_social_workers_mail_is_the_complainant() -> None:
    message = read("63-citizen-attaches-social-worker-mail.eml")
    assert (message.sender_name, message.sender_address) == ("Marleen Goossens", "marleen.goossens@telenet.be")
    assert message.subject == "Klacht over mijn maatschappelijk werker"
    assert message.received_at == dt.datetime(2026, 11, 23, 20, 10)
    assert "Kerkstraat 12" in message.body_text and "niet aanvaard" not in message.body_text
    assert [a.filename for a in message.attachments] == ["Antwoord maatschappelijk werker.eml"]
    assert not any("Doorgestuurd" in p for p in message.problems)


def test_an_outlook_message_with_an_attached_message_but_no_forward_keeps_the_outer_sender() -> None:
    social_worker = dict(
        subject="Uw aanvraag",
        body="Mevrouw, uw aanvraag wordt niet aanvaard.\r\n",
        sender_name="Tom Peeters",
        sender_email="tom.peeters@kina.be",
        sent=dt.datetime(2026, 11, 20, 13, 0, tzinfo=UTC),
    )
    data = build_msg(
        subject="Klacht over mijn maatschappelijk werker",
        body="Geachte, zijn antwoord zit in bijlage. Ik vind dit onaanvaardbaar.\r\nMarleen Goossens\r\n",
        sender_name="Marleen Goossens",
        sender_email="marleen.goossens@telenet.be",
        sent=dt.datetime(2026, 11, 23, 19, 10, tzinfo=UTC),
        attachments=(MsgAttachment("Uw aanvraag", mime="", message=social_worker),),
    )
    message = read_message(data, "klacht.msg")
    assert message.sender_address == "marleen.goossens@telenet.be"
    assert message.subject == "Klacht over mijn maatschappelijk werker"
    assert message.received_at == dt.datetime(2026, 11, 23, 20, 10)
    assert "onaanvaardbaar" in message.body_text
    assert [a.filename for a in message.attachments] == ["Uw aanvraag.eml"]


def test_an_outlook_delivery_report_is_no_complaint() -> None:
    data = build_msg(
        subject="Onbestelbaar: Ontvangstmelding van uw klacht",
        body="Bezorging is mislukt voor deze ontvangers.\r\n",
        sender_name="Microsoft Outlook",
        sender_email="postmaster@kina.be",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        message_class="REPORT.IPM.Note.NDR",
    )
    assert "niet bezorgd" in read_message(data, "ndr.msg").not_a_complaint


# -- 2. the date of receipt of a forward is when it reached KINA ---------------------------------


def test_a_forward_is_received_when_it_reached_kina_and_keeps_the_original_date_and_sender() -> None:
    message = read("64-forward-with-later-received.eml")
    # its own Date is 27-11 17:30, KINA's server received it on 30-11 09:12 (the top Received)
    assert message.received_at == dt.datetime(2026, 11, 30, 9, 12, 44)
    assert (message.sender_name, message.sender_address) == ("Karim El Amrani", "karim.elamrani@gmail.com")
    assert message.subject == "Klacht over het OCMW-loket"
    assert "0470 12 34 56" in message.body_text and "Opmerking bij het doorsturen (An Claes)" in message.body_text
    note = next(p for p in message.problems if "Doorgestuurd" in p)
    assert "karim.elamrani@gmail.com" in note and "18-11-2026 11:20" in note
    # 4: the letter inside the forwarded message is filed with the rest
    assert [a.filename for a in message.attachments] == ["Klacht over het OCMW-loket.eml", "brief loket.pdf"]
    assert folder_plan(message).refused == ()


def test_an_outlook_forward_is_received_when_it_was_delivered() -> None:
    original = dict(
        subject="Klacht",
        body="De thuiszorg kwam niet.\r\nJan Peeters\r\n",
        sender_name="Jan Peeters",
        sender_email="jan.peeters@telenet.be",
        sent=dt.datetime(2026, 11, 16, 8, 0, tzinfo=UTC),
    )
    data = build_msg(
        subject="FW: Klacht",
        body="Ter info.\r\n",
        sender_name="An Claes",
        sender_email="an.claes@kina.be",
        sent=dt.datetime(2026, 11, 24, 8, 5, tzinfo=UTC),
        attachments=(MsgAttachment("Klacht", mime="", message=original),),
    )
    message = read_message(data, "fw.msg")
    assert message.sender_address == "jan.peeters@telenet.be"
    assert message.received_at == dt.datetime(2026, 11, 24, 9, 5)
    assert any("16-11-2026 09:00" in p for p in message.problems)


# -- 3. only the bytes that do not fit are replaced ----------------------------------------------


def test_a_utf8_body_with_one_bad_byte_keeps_every_other_character() -> None:
    message = read("65-utf8-one-bad-byte.eml")
    assert "één keer" in message.body_text and "€ 90 – dat klopt niet" in message.body_text
    assert message.body_text.count("\ufffd") == 1
    assert any(p.startswith("1 byte ") and "utf-8" in p for p in message.problems)


def test_a_gb2312_body_with_two_bad_bytes_keeps_its_chinese() -> None:
    message = read("66-gb2312-two-bad-bytes.eml")
    assert message.sender_name == "王芳" and message.subject == "投诉"
    assert "您好，我要投诉家庭护理服务。" in message.body_text and "护理员三次没有来。" in message.body_text
    assert message.body_text.count("\ufffd") == 2
    assert any(p.startswith("2 bytes ") and "gb2312" in p for p in message.problems)


def test_an_ansi_outlook_message_without_code_page_is_read_in_its_locales_code_page() -> None:
    assert codepage_for_locale(0x0419) == 1251 and codepage_for_locale(0x0404) == 950
    assert codepage_for_locale(0x0813) is None  # Dutch (Belgium): Windows-1252
    text = "Жалоба на социальную службу"
    data = build_msg(
        subject=text,
        body="Здравствуйте, помощь на дому не пришла.\r\nОльга\r\n",
        sender_name="Ольга Петрова",
        sender_email="olga.petrova@mail.ru",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        ansi_codepage=1251,
        store_codepage=False,
        extra=((0x3FF1, PT_LONG, 0x0419),),
    )
    message = read_message(data, "ru.msg")
    assert message.subject == text and message.sender_name == "Ольга Петрова"
    assert "помощь на дому не пришла" in message.body_text


def test_an_outlook_body_with_one_bad_byte_is_noted_and_keeps_the_rest() -> None:
    body = "Geachte, één keer niet gekomen; factuur € 90.".encode() + b" \xff " + b"Luc"
    data = build_msg(
        subject="Klacht",
        body=None,
        sender_name="Luc Wouters",
        sender_email="luc.wouters@telenet.be",
        sent=dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        html=b"<html><body><p>" + body + b"</p></body></html>",
        extra=((0x3FDE, PT_LONG, 65001),),
    )
    message = read_message(data, "bad.msg")
    assert "één keer niet gekomen; factuur € 90." in message.body_text and "Luc" in message.body_text
    assert message.body_text.count("\ufffd") == 1
    assert any(p.startswith("1 byte ") for p in message.problems)


# -- 4. signed messages ---------------------------------------------------------------------------


def test_a_signed_message_files_its_pdf_and_leaves_the_signature_in_the_original() -> None:
    message = read("67-multipart-signed-with-pdf.eml")
    assert [a.filename for a in message.attachments] == ["klacht.pdf"]
    assert message.attachments[0].data == PDF
    assert "mijn klacht als PDF" in message.body_text
    assert any("digitaal ondertekend" in p for p in message.problems)
    assert folder_plan(message).kept_names == ("67-multipart-signed-with-pdf.eml", "klacht.pdf")


def test_an_smime_signed_outlook_message_files_the_parts_of_its_blob() -> None:
    blob = (CASES / "67-multipart-signed-with-pdf.eml").read_bytes()
    blob = blob[blob.index(b"Content-Type: multipart/signed") :]
    data = build_msg(
        subject="Klacht met ondertekende brief",
        body="Geachte, in bijlage mijn klacht als PDF.\r\n",
        sender_name="Sofie Janssens",
        sender_email="sofie.janssens@proximus.be",
        sent=dt.datetime(2026, 11, 24, 14, 0, tzinfo=UTC),
        message_class="IPM.Note.SMIME.MultipartSigned",
        attachments=(MsgAttachment("", blob, "multipart/signed"),),
    )
    message = read_message(data, "signed.msg")
    assert [a.filename for a in message.attachments] == ["klacht.pdf"]
    assert message.attachments[0].data == PDF
    with extract_msg.openMsg(data) as independent:  # extract-msg opens the blob as MIME too
        files = {a.name: a.data for a in independent.attachments if a.name != "smime.p7s"}
    assert files == {"klacht.pdf": PDF}


# -- every message compared with the standard library ------------------------------------------


@pytest.mark.parametrize("path", sorted(CASES.glob("*.eml")), ids=lambda p: p.name)
def test_each_message_agrees_with_the_standard_librarys_reading(path: Path) -> None:
    data = path.read_bytes()
    message = read_message(data, path.name)
    standard = email.message_from_bytes(data, policy=policy.default)
    forwarded = any("Doorgestuurd" in p for p in message.problems)
    if not forwarded:
        assert message.subject == str(standard["subject"])
        assert message.sender_address.lower() == standard["from"].addresses[0].addr_spec.lower()
        assert message.received_at == parse_date(str(standard["date"]))
        body = standard.get_body(preferencelist=("plain", "html"))
        if body is not None:
            text = body.get_content().replace("\r\n", "\n").strip()
            assert message.body_text.splitlines()[0] in text
    names = [
        part.get_filename()
        for part in standard.walk()
        if part.get_filename() and part.get_content_type() != "application/pkcs7-signature"
    ]
    # an attached message without a file name is named after its subject here; the files inside
    # an opaque S/MIME blob (application/pkcs7-mime) are read from it and come before the blob
    ours = [a.filename for a in message.attachments if a.filename in names or not a.filename.endswith(".eml")]
    if any("S/MIME-blok" in p for p in message.problems):
        ours = [name for name in ours if name in names]
    assert ours == names


# -- the intake sets a delivery report aside, never registers it -----------------------------------


def test_a_delivery_report_is_set_aside_as_no_complaint_and_never_registered(ctx: ServiceContext) -> None:
    intake = Services.for_context(ctx).intake
    message = read("60-bounce-postfix-dsn.eml")
    with ctx.database.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(Case)).scalar_one()
    with pytest.raises(NoComplaintMessage) as refused:
        intake.register_message(message, intake.draft_for(message))
    assert "geen klacht" in refused.value.message
    with ctx.database.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Case)).scalar_one() == before
        assert conn.execute(select(func.count()).select_from(IntakeMessage)).scalar_one() == 0
    assert intake.set_aside_if_no_complaint(message, MessageSource.IMAP)
    record = intake.record_for(message.message_id)
    assert record is not None and record.disposition == Disposition.NOT_A_COMPLAINT and record.case_id is None
    assert intake.set_aside_if_no_complaint(message, MessageSource.IMAP)  # a second time: no error
    assert not intake.set_aside_if_no_complaint(read("63-citizen-attaches-social-worker-mail.eml"), MessageSource.IMAP)
