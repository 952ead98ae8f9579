"""Writes the Outlook messages 54-58 of the corpus (tests/intake/corpus) with msg_builder:
    .venv/bin/python -m tests.intake.make_outlook_corpus
Each has one peculiarity of real Outlook files that the reader must handle: 8-bit strings in a
Windows code page, sent on behalf of a shared mailbox by an Exchange user with only the
transport headers' date and Message-ID, a body kept only as compressed RTF (plain, and made
from HTML), a message forwarded as an attached Outlook message. (50-53 were made earlier the same way.)
"""

from __future__ import annotations

import datetime as dt

import compressed_rtf  # dev only (comes with extract-msg): to write the compressed RTF body

from tests.intake.corpus import CORPUS
from tests.intake.msg_builder import MsgAttachment, build_msg

UTC = dt.UTC
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def ansi_cp1252() -> bytes:
    return build_msg(
        subject="Klacht: € 120 voor één bezoek van de gezinszorg",
        body="Geachte,\r\n\r\nVoor één bezoek van twee uur kreeg ik een factuur van € 120. "
        "Dat is het dubbele van wat men mij “beloofd” had.\r\n\r\nMet vriendelijke groeten,\r\n"
        "Ghislain Dubois\r\nKerkstraat 12, 2980 Zoersel\r\n",
        sender_name="Ghislain Dubois",
        sender_email="ghislain.dubois@skynet.be",
        sent=dt.datetime(2026, 11, 20, 8, 30, 12, tzinfo=UTC),
        message_id="<000001db3a2f$5e1c4f20$1a54ed60$@skynet.be>",
        ansi_codepage=1252,
        attachments=(MsgAttachment("factuur één bezoek.pdf", PDF, "application/pdf"),),
    )


def sent_on_behalf() -> bytes:
    headers = (
        "Microsoft Mail Internet Headers Version 2.0\r\n"
        "Received: from EX01.ocmwzoersel.local (10.0.0.12) by EX01.ocmwzoersel.local; "
        "Wed, 25 Nov 2026 14:02:31 +0100\r\n"
        "From: Sociale Dienst OCMW Zoersel <sociale.dienst@ocmwzoersel.be>\r\n"
        'Sender: "Peeters, Ann" <ann.peeters@ocmwzoersel.be>\r\n'
        "To: klacht@kina.be\r\n"
        "Subject: Klacht van een cliënt over de poetsdienst\r\n"
        "Date: Wed, 25 Nov 2026 14:02:29 +0100\r\n"
        "Message-ID: <AM0PR04MB6690E3F@AM0PR04MB6690.eurprd04.prod.outlook.com>\r\n"
        "Content-Type: text/plain\r\n"
    )
    return build_msg(
        subject="Klacht van een cliënt over de poetsdienst",
        body="Beste,\r\n\r\nNamens mevrouw Denise Claes (Lindenlaan 8) bezorgen wij u haar klacht: de "
        "poetsdienst kwam in november drie keer niet.\r\n\r\nAnn Peeters\r\nSociale dienst\r\n",
        sender_name="Peeters, Ann",
        sender_email="ann.peeters@ocmwzoersel.be",
        exchange_sender="/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/"
        "CN=3F1C2A-ANN.PEETERS",
        representing=("Sociale Dienst OCMW Zoersel", "sociale.dienst@ocmwzoersel.be"),
        headers=headers,
    )


RTF = (
    rb"{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang2067{\fonttbl{\f0\fswiss\fcharset0 Calibri;}}"
    b"\r\n"
    rb"{\*\generator Riched20 10.0.19041}\viewkind4\uc1 "
    b"\r\n"
    rb"\pard\sa200\sl276\slmult1\f0\fs22\lang19 Geachte,\par"
    b"\r\n"
    rb"Sinds drie weken komt de gezinshulp niet meer op dinsdag. Niemand verwittigde mij en ik moest zelf "
    rb"bellen naar het \'e9\'e9n loket.\par"
    b"\r\n"
    rb"Met vriendelijke groet,\par"
    b"\r\n"
    rb"Paula Verhaegen\par"
    b"\r\n"
    b"}\r\n\x00"
)


def rtf_only() -> bytes:
    return build_msg(
        subject="Gezinshulp komt niet meer",
        body=None,
        sender_name="Paula Verhaegen",
        sender_email="paula.verhaegen@telenet.be",
        sent=dt.datetime(2026, 11, 21, 10, 0, 0, tzinfo=UTC),
        message_id="<rtf-only-2026-11-21@telenet.be>",
        rtf_compressed=compressed_rtf.compress(RTF, compressed=True),
    )


RTF_FROM_HTML = (
    rb"{\rtf1\ansi\ansicpg1252\fromhtml1 \fbidis \deff0{\fonttbl{\f0\fswiss Arial;}{\f1\fmodern Courier New;}}"
    b"\r\n"
    rb"{\*\htmltag19 <html>}{\*\htmltag34 <head>}{\*\htmltag241 <style>p\{margin:0\}</style>}"
    rb"{\*\htmltag41 </head>}"
    b"\r\n"
    rb"{\*\htmltag50 <body>}\htmlrtf {\htmlrtf0 "
    b"\r\n"
    rb"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Madame, Monsieur,\htmlrtf\par}\htmlrtf0"
    b"\r\n"
    rb"{\*\htmltag72 </p>}"
    b"\r\n"
    rb"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Depuis le 3 novembre, l'aide \'e0 domicile ne vient plus. "
    rb"On me facture pourtant 45 \'80 par semaine.\htmlrtf\par}\htmlrtf0"
    b"\r\n"
    rb"{\*\htmltag72 </p>}"
    b"\r\n"
    rb"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Marc Dujardin\htmlrtf\par}\htmlrtf0"
    b"\r\n"
    rb"{\*\htmltag72 </p>}"
    b"\r\n"
    rb"{\*\htmltag58 </body>}{\*\htmltag27 </html>}\htmlrtf }\htmlrtf0 }"
    b"\r\n"
)


def rtf_from_html() -> bytes:
    return build_msg(
        subject="Plainte : aide à domicile",
        body=None,
        sender_name="Marc Dujardin",
        sender_email="marc.dujardin@proximus.be",
        sent=dt.datetime(2026, 11, 22, 15, 20, 0, tzinfo=UTC),
        message_id="<rtf-html-2026-11-22@proximus.be>",
        rtf_compressed=compressed_rtf.compress(RTF_FROM_HTML, compressed=True),
    )


def forwarded_as_attachment() -> bytes:
    original = dict(
        subject="Klacht over de maaltijden",
        body="Goedendag,\r\n\r\nDe warme maaltijden die aan huis geleverd worden, zijn al twee weken koud "
        "bij aankomst. Foto in bijlage.\r\n\r\nRoger Janssens\r\n",
        sender_name="Roger Janssens",
        sender_email="roger.janssens@telenet.be",
        sent=dt.datetime(2026, 11, 23, 17, 45, 0, tzinfo=UTC),
        message_id="<CAJ2026maaltijd@mail.gmail.com>",
        attachments=(MsgAttachment("maaltijd.jpg", JPEG, "image/jpeg"),),
    )
    return build_msg(
        subject="FW: Klacht over de maaltijden",
        body="Ter info: kwam binnen op de algemene mailbox.\r\n\r\nAn\r\n",
        sender_name="Claes, An",
        sender_email="an.claes@kina.be",
        sent=dt.datetime(2026, 11, 24, 8, 5, 0, tzinfo=UTC),
        message_id="<DB9PR02MB7001FWD@DB9PR02MB7001.eurprd02.prod.outlook.com>",
        attachments=(MsgAttachment("Klacht over de maaltijden", mime="", message=original),),
    )


FILES = {
    "54-outlook-8bit-windows-1252.msg": ansi_cp1252,
    "55-outlook-sent-on-behalf-headers-only.msg": sent_on_behalf,
    "56-outlook-rtf-only.msg": rtf_only,
    "57-outlook-forwarded-as-attachment.msg": forwarded_as_attachment,
    "58-outlook-rtf-only-from-html.msg": rtf_from_html,
}

if __name__ == "__main__":
    for name, make in FILES.items():
        (CORPUS / name).write_bytes(make())
        print(name)
