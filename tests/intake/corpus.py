"""The corpus of messages written for the tests (tests/intake/corpus), and what each must give.

Every file is shaped after what mail programs really send (Outlook, Gmail, Thunderbird, Apple
Mail, webmail, a website's form), one peculiarity per file; the name says which. The .msg files
were made with tests/intake/msg_builder.py (no Outlook is at hand; 54-58 by
tests/intake/make_outlook_corpus.py), the .eml files by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Expected:
    sender_name: str = ""
    sender_address: str = ""
    subject: str = ""
    received_at: dt.datetime | None = None
    body_contains: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    problems_contain: tuple[str, ...] = ()
    kept_in_folder: tuple[str, ...] | None = None  # None: the message plus every attachment
    refused_because: str = ""  # a readable message whose draft cannot be registered as it is
    unreadable_because: str = ""


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts)  # type: ignore[arg-type]


EXPECTED: dict[str, Expected] = {
    "01-plain-utf8.eml": Expected(
        "Els Vermeulen",
        "els.vermeulen@telenet.be",
        "Klacht over de thuiszorg in Zoersel",
        at(2026, 11, 23, 19, 41, 58),
        ("afgesproken\nuren", "Lindenlaan 4"),
    ),
    "02-iso-8859-1-quoted-printable.eml": Expected(
        "José De Backer",
        "jose.debacker@skynet.be",
        "Onbeleefde behandeling aan het onthaal van het café",
        at(2026, 11, 17, 8, 3, 40),
        ("José De Backer", "74 jaar"),
    ),
    "03-windows-1252-8bit-header.eml": Expected(
        "Renée Wouters",
        "renee.wouters@proximus.be",
        "Factuur van € 245 klopt niet – dringend",
        at(2026, 11, 18, 14, 22, 5),
        ("“slechts”", "€ 8,50"),
    ),
    "04-koi8-r-russian.eml": Expected(
        "Ольга Петрова",
        "olga.petrova@mail.ru",
        "Жалоба на обслуживание",
        at(2026, 11, 19, 19, 15),
        ("Сотрудник не пришёл",),
    ),
    "05-utf8-base64-body.eml": Expected(
        "Mohamed El Amrani",
        "m.elamrani@hotmail.com",
        "Wachttijd sociale dienst",
        at(2026, 11, 20, 11, 1, 12),
        ("Mohamed El Amrani – Brugstraat",),
    ),
    "06-html-only.eml": Expected(
        "Sofie Claes",
        "sofie.claes@gmail.com",
        "Klacht: rolstoeltoegang dienstencentrum",
        at(2026, 11, 21, 11, 30),
        ("‘De Linde’", "- Gemeld aan: de balie & per telefoon"),
    ),
    "07-html-only-cp1252-qp.eml": Expected(
        "Luc Van den Broeck",
        "luc.vandenbroeck@outlook.be",
        "Klacht – verloren documenten",
        at(2026, 11, 13, 17, 48, 31),
        ("“niet gevonden”", "€ 35"),
    ),
    "08-alternative-plain-and-html.eml": Expected(
        "Annelies Smets",
        "annelies.smets@telenet.be",
        "Lawaai nachtploeg woonzorgcentrum",
        at(2026, 11, 22, 22, 5, 47),
        ("nachtploeg maakt elke\nnacht",),
    ),
    "09-alternative-empty-plain.eml": Expected(
        "Karim Benali",
        "karim.benali@yahoo.fr",
        "Geen antwoord op mijn aanvraag",
        at(2026, 11, 16, 7, 55),
        ("energiefactuur",),
    ),
    "10-attachment-pdf.eml": Expected(
        "Marleen Jacobs",
        "marleen.jacobs@gmail.com",
        "Klacht met bijgevoegde brief",
        at(2026, 11, 12, 13, 14, 15),
        ("als PDF",),
        ("klacht Jacobs.pdf",),
    ),
    "11-inline-jpg-related.eml": Expected(
        "Tom Mertens",
        "tom.mertens@icloud.com",
        "Foto van de beschadigde rolstoel",
        at(2026, 11, 11, 17, 2, 33),
        ("beschadigd. Zie foto.",),
        ("IMG_0042.jpg",),
    ),
    "12-attachment-docx-rfc2231.eml": Expected(
        "Griet Peeters",
        "griet.peeters@scarlet.be",
        "Overzicht gemiste afspraken",
        at(2026, 11, 10, 9, 9, 9),
        ("poetsdienst",),
        ("Overzicht gemiste afspraken – résumé.docx",),
    ),
    "13-several-attachments-one-refused.eml": Expected(
        "Dirk Van Gestel",
        "dirk.vangestel@telenet.be",
        "Klacht schoonmaak serviceflat + bewijsstukken",
        at(2026, 11, 9, 20, 20, 20),
        ("rekening (Excel)",),
        ("brief.pdf", "foto keuken.png", "overzicht.docx", "rekening.xlsx"),
        kept_in_folder=("13-several-attachments-one-refused.eml", "brief.pdf", "foto keuken.png", "overzicht.docx"),
    ),
    "14-forwarded-gmail-inline.eml": Expected(
        "Jef Verstraeten",
        "jef.verstraeten@telenet.be",
        "Klacht over maaltijdbedeling",
        at(2026, 11, 24, 8, 30),  # forwarded to KINA then (Art. 5); written 22-11 18:12
        ("soep zelfs\nhelemaal koud", "Opmerking bij het doorsturen (An Claes)"),
        problems_contain=("Doorgestuurd",),
    ),
    "15-forwarded-outlook-nl-inline.eml": Expected(
        "Hilde Maes",
        "hilde.maes@gmail.com",
        "dringend - afspraak niet nagekomen",
        at(2026, 11, 23, 10, 15, 2),  # forwarded to KINA then (Art. 5); written 20-11 16:45
        ("huurwaarborg",),
        problems_contain=("door Koen Peeters",),
    ),
    "16-forwarded-as-attachment.eml": Expected(
        "Bart Wuyts",
        "bart.wuyts@skynet.be",
        "Klacht: parkeerplaatsen voor mindervaliden",
        at(2026, 11, 20, 8),  # forwarded to KINA then (Art. 5); written 19-11 12:00
        ("personeelswagens", "Doorgestuurd vanuit de infobox"),
        ("Klacht parkeerplaatsen.eml",),
        problems_contain=("Doorgestuurd",),
    ),
    "17-forwarded-thunderbird-nl.eml": Expected(
        "Nadia Aerts",
        "nadia.aerts@gmail.com",
        "Onheus antwoord van de maatschappelijk werker",
        at(2026, 11, 24, 7, 45),  # forwarded to KINA then (Art. 5); written 23-11 21:04
        ("vertrouwelijk behandeld",),
        problems_contain=("Doorgestuurd",),
    ),
    "18-missing-from-name.eml": Expected(
        "",
        "jan.peeters@telenet.be",
        "Te lange wachttijd",
        at(2026, 11, 4, 10, 10, 10),
        problems_contain=("Geen naam bij de afzender",),
    ),
    "19-missing-from-name-angle.eml": Expected(
        "", "mj74@gmail.com", "klacht", at(2026, 11, 4, 11, 11, 11), problems_contain=("Geen naam bij de afzender",)
    ),
    "20-missing-from.eml": Expected(
        "Patrick Goossens",
        "patrick.goossens@telenet.be",
        "Klacht zonder afzenderregel",
        at(2026, 11, 5, 12),
        problems_contain=("Reply-To",),
    ),
    "21-missing-date.eml": Expected(
        "Lien Hermans",
        "lien.hermans@telenet.be",
        "Klacht zonder datum",
        None,
        problems_contain=("Geen datum in het bericht",),
    ),
    "22-missing-date-with-received.eml": Expected(
        "Wim Jacobs",
        "wim.jacobs@scarlet.be",
        "Bericht zonder Date-kop",
        at(2026, 11, 6, 15, 16, 17),
        problems_contain=("mailserver",),
    ),
    "23-odd-date-dutch.eml": Expected(
        "Ingrid Van Dyck", "ingrid.vandyck@telenet.be", "Datum in het Nederlands", at(2026, 11, 17, 10, 15)
    ),
    "24-odd-date-numeric.eml": Expected(
        "Frank De Smet", "frank.desmet@hotmail.com", "Numerieke datum", at(2026, 11, 18, 9, 12)
    ),
    "25-odd-date-two-digit-year.eml": Expected(
        "Rita Verhoeven", "rita.verhoeven@skynet.be", "Jaartal met twee cijfers", at(2026, 11, 19, 16, 40)
    ),
    "26-odd-date-garbage.eml": Expected(
        "Geert Lambrechts", "geert.lambrechts@telenet.be", "Onleesbare datum", None, problems_contain=("onleesbaar",)
    ),
    "27-future-date.eml": Expected(
        "Kevin Wouters", "kevin.wouters@gmail.com", "Computerklok verkeerd", at(2031, 3, 1, 10)
    ),
    "28-broken-boundary.eml": Expected(
        "Yves Claessens",
        "yves.claessens@telenet.be",
        "Kapotte MIME-grens",
        at(2026, 11, 2, 8, 8, 8),
        ("verwarming",),
        ("foto-verwarming.pdf",),
        problems_contain=("MIME-structuur",),
    ),
    "29-missing-closing-boundary.eml": Expected(
        "Eva Willems",
        "eva.willems@gmail.com",
        "Afgebroken bericht",
        at(2026, 11, 3, 19, 19, 19),
        ("leefloon",),
        ("bijlage.pdf",),
        problems_contain=("onvolledig",),
    ),
    "30-broken-base64.eml": Expected(
        "Hans Peeters",
        "hans.peeters@telenet.be",
        "Beschadigde base64",
        at(2026, 11, 4, 9),
        ("chauffeur van de minder mobielen centrale.",),
        problems_contain=("base64",),
    ),
    "31-empty-body.eml": Expected(
        "Leen Michiels",
        "leen.michiels@telenet.be",
        "Klacht over de wachtlijst",
        at(2026, 11, 5, 10),
        problems_contain=("geen tekst",),
    ),
    "32-only-a-scanned-letter.eml": Expected(
        "Jozef Van Looy",
        "jozef.vanlooy@telenet.be",
        "Scan van mijn brief",
        at(2026, 11, 6, 11),
        (),
        ("Scan_20261106.pdf",),
        problems_contain=("bijlagen",),
    ),
    "33-emoji-utf8.eml": Expected(
        "Zoë Maes 🌻", "zoe.maes@gmail.com", "Nog steeds geen antwoord 😡", at(2026, 11, 7, 12, 34, 56), ("😡😡", "👧")
    ),
    "34-rtl-arabic-hebrew.eml": Expected(
        "فاطمة الزهراء",
        "fatima.zahra@gmail.com",
        "شكوى بخصوص المساعدة الاجتماعية",
        at(2026, 11, 8, 13),
        ("لم أتلق أي رد", "שלום"),
    ),
    "35-unknown-charset.eml": Expected(
        "Bert Goris", "bert.goris@telenet.be", "Onbekende tekenset", at(2026, 11, 9, 14), ("café", "€ 1,50")
    ),
    "36-mislabeled-charset.eml": Expected(
        "Chantal Dewit", "chantal.dewit@skynet.be", "Verkeerd aangegeven tekenset", at(2026, 11, 10, 15), ("één jaar",)
    ),
    "37-no-message-id.eml": Expected(
        "Ludo Segers", "ludo.segers@telenet.be", "Bericht zonder Message-ID", at(2026, 11, 11, 16), ("zwembad",)
    ),
    "38-noreply-with-reply-to.eml": Expected(
        "Sarah Dupont",
        "sarah.dupont@gmail.com",
        "Nieuw bericht via het contactformulier",
        at(2026, 11, 12, 17),
        ("sociale woning",),
        problems_contain=("no-reply",),
    ),
    "39-mbox-from-line.eml": Expected(
        "Jan Hendrickx", "jan.hendrickx@telenet.be", "Uit een mbox-export", at(2026, 11, 13, 8), ("thuisverpleging",)
    ),
    "40-unreadable-not-a-mail.eml": Expected(unreadable_because="geen e-mailkoppen"),
    "41-unreadable-image-renamed.eml": Expected(unreadable_because="geen e-mailkoppen"),
    "42-unreadable-empty.eml": Expected(unreadable_because="leeg"),
    "43-reply-with-quote.eml": Expected(
        "Nele Goossens",
        "nele.goossens@telenet.be",
        "Re: Uw vraag over de opvang",
        at(2026, 11, 14, 9, 30),
        ("ik wil een klacht indienen", "volzet tot januari"),
    ),
    "44-long-folded-subject-crlf.eml": Expected(
        "Marie-Thérèse Van Hoof",
        "mt.vanhoof@skynet.be",
        "Klacht over de manier waarop mijn aanvraag voor een tussenkomst in de kosten van de thuiszorg werd behandeld "
        "door de sociale dienst van het OCMW, waarbij ik meermaals opnieuw dezelfde documenten moest bezorgen en "
        "telkens een ander antwoord kreeg van een andere medewerker aan het loket",
        at(2026, 11, 15, 10),
        ("duidelijke uitleg",),
    ),
    "45-invalid-sender-address.eml": Expected(
        "Oma Julia",
        "julia@localhost",
        "Bericht van een adres zonder domein",
        at(2026, 11, 16, 11),
        refused_because="e-mailadres",
    ),
    "46-attachment-without-filename.eml": Expected(
        "Pieter Baert",
        "pieter.baert@telenet.be",
        "Bijlage zonder naam",
        at(2026, 11, 17, 12),
        ("lek in het plafond",),
        ("bijlage-2.jpg",),
    ),
    "50-outlook-plain-with-attachments.msg": Expected(
        "Godelieve Verbist",
        "godelieve.verbist@telenet.be",
        "Klacht: factuur thuiszorg oktober",
        at(2026, 11, 19, 16, 5),
        ("er waren er 9",),
        ("factuur oktober.pdf", "kalender.jpg"),
    ),
    "51-outlook-html-only-french.msg": Expected(
        "Françoise Lemaire",
        "francoise.lemaire@skynet.be",
        "Plainte - aide familiale",
        at(2026, 11, 18, 8, 11, 40),
        ("L'aide familiale n'est pas venue",),
    ),
    "52-outlook-no-date-no-id.msg": Expected(
        "Kristof Mertens",
        "kristof.mertens@outlook.be",
        "Klacht zonder datum (concept uit Outlook)",
        None,
        ("poetsdienst",),
        problems_contain=("Geen datum",),
    ),
    "53-unreadable-word-file-renamed.msg": Expected(unreadable_because="Outlook-bestand"),
    "54-outlook-8bit-windows-1252.msg": Expected(
        "Ghislain Dubois",
        "ghislain.dubois@skynet.be",
        "Klacht: € 120 voor één bezoek van de gezinszorg",
        at(2026, 11, 20, 9, 30, 12),
        ("factuur van € 120", "“beloofd”"),
        ("factuur één bezoek.pdf",),
    ),
    "55-outlook-sent-on-behalf-headers-only.msg": Expected(
        "Sociale Dienst OCMW Zoersel",
        "sociale.dienst@ocmwzoersel.be",
        "Klacht van een cliënt over de poetsdienst",
        at(2026, 11, 25, 14, 2, 29),
        ("Denise Claes (Lindenlaan 8)",),
    ),
    "56-outlook-rtf-only.msg": Expected(
        "Paula Verhaegen",
        "paula.verhaegen@telenet.be",
        "Gezinshulp komt niet meer",
        at(2026, 11, 21, 11, 0),
        ("Geachte,\nSinds drie weken", "het één loket."),
        problems_contain=("opgemaakte versie (RTF)",),
    ),
    "57-outlook-forwarded-as-attachment.msg": Expected(
        "Roger Janssens",
        "roger.janssens@telenet.be",
        "Klacht over de maaltijden",
        at(2026, 11, 24, 9, 5),  # forwarded to KINA then (Art. 5); written 23-11 18:45
        ("al twee weken koud", "Opmerking bij het doorsturen (An Claes)"),
        ("Klacht over de maaltijden.eml", "maaltijd.jpg"),  # the photo of the forwarded message too
        problems_contain=("Doorgestuurd", "is een Outlook-bericht"),
    ),
    "58-outlook-rtf-only-from-html.msg": Expected(
        "Marc Dujardin",
        "marc.dujardin@proximus.be",
        "Plainte : aide à domicile",
        at(2026, 11, 22, 16, 20),
        ("Madame, Monsieur,\n\nDepuis le 3 novembre", "45 € par semaine"),
        problems_contain=("opgemaakte versie (RTF)",),
    ),
}


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in (".eml", ".msg"))
