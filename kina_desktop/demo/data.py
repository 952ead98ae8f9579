"""Word lists for the demo data: Flemish names, streets, the member OCMWs and texts.

Everything here is invented for trying the program; any resemblance to a real person is chance.
The 27 member OCMWs are the municipalities of the arrondissement Antwerpen outside the city of
Antwerpen itself (as of 2025); KINA's own services are plausible names, not an organisation chart.
Texts are Dutch on purpose: they are what a person sees in the demo register, not program messages.
"""

from __future__ import annotations

from kina_desktop.domain import organisations

# The 27 member OCMWs and KINA's services: the defaults of the settings' lists.
MEMBER_MUNICIPALITIES = organisations.MEMBER_MUNICIPALITIES
MEMBER_OCMWS: tuple[str, ...] = organisations.DEFAULT_MEMBER_OCMWS
KINA_SERVICES: tuple[str, ...] = organisations.DEFAULT_KINA_SERVICES

# Where complainants live: the member municipalities, their sections and a few neighbours.
EXTRA_PLACES: tuple[tuple[str, str], ...] = (
    ("Antwerpen", "2000"),
    ("Berchem", "2600"),
    ("Deurne", "2100"),
    ("Merksem", "2170"),
    ("Wilrijk", "2610"),
    ("Ekeren", "2180"),
    ("Hoboken", "2660"),
    ("Borgerhout", "2140"),
    ("Oostmalle", "2390"),
    ("Westmalle", "2390"),
    ("Sint-Job-in-'t-Goor", "2960"),
    ("Halle", "2980"),
    ("Massenhoven", "2240"),
    ("Pulderbos", "2242"),
    ("Emblem", "2520"),
    ("Oelegem", "2520"),
    ("Vremde", "2531"),
    ("Waarloos", "2550"),
    ("Reet", "2840"),
    ("Terhagen", "2840"),
    ("Hoevenen", "2940"),
    ("Heide", "2920"),
    ("Nieuwmoer", "2920"),
    ("Loenhout", "2990"),
    ("Gooreind", "2990"),
    ("Brecht", "2960"),
    ("Lier", "2500"),
    ("Turnhout", "2300"),
    ("Zwijndrecht", "2070"),
    ("Borsbeek", "2150"),
)

FIRST_NAMES: tuple[str, ...] = (
    "Jan",
    "Marc",
    "Luc",
    "Peter",
    "Koen",
    "Bart",
    "Tom",
    "Wim",
    "Dirk",
    "Geert",
    "Jos",
    "Rudi",
    "Frank",
    "Stijn",
    "Pieter",
    "Jef",
    "Karel",
    "Lucas",
    "Noah",
    "Arthur",
    "Louis",
    "Liam",
    "Mohamed",
    "Youssef",
    "Thomas",
    "Jonas",
    "Wout",
    "Ruben",
    "Jeroen",
    "Kristof",
    "Sven",
    "Dries",
    "Maria",
    "Annie",
    "Rita",
    "Hilde",
    "Els",
    "An",
    "Katrien",
    "Sofie",
    "Lies",
    "Ilse",
    "Veerle",
    "Nathalie",
    "Sarah",
    "Julie",
    "Emma",
    "Olivia",
    "Louise",
    "Mila",
    "Noor",
    "Marie",
    "Lotte",
    "Fatima",
    "Amira",
    "Leen",
    "Griet",
    "Martine",
    "Christel",
    "Joke",
    "Inge",
    "Eline",
    "Febe",
    "Anaïs",
    "Zoë",
    "Chloë",
    "Renée",
    "Hélène",
    "Céline",
    "Noël",
    "René",
    "Joëlle",
)

LAST_NAMES: tuple[str, ...] = (
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Hermans",
    "Aerts",
    "Michiels",
    "Lambrechts",
    "Smets",
    "Van den Broeck",
    "Verhoeven",
    "Vermeulen",
    "Van Dyck",
    "De Backer",
    "Van Hoof",
    "Van Looy",
    "Verstraeten",
    "Cools",
    "Segers",
    "Vercammen",
    "Nuyts",
    "Bogaerts",
    "Van de Velde",
    "Pauwels",
    "Stevens",
    "Thys",
    "Van Gorp",
    "Hendrickx",
    "Geerts",
    "Van Camp",
    "Wuyts",
    "Leysen",
    "Sels",
    "Op de Beeck",
    "Verbruggen",
    "Van Roey",
    "Huybrechts",
    "Daems",
    "Van Loock",
    "De Ridder",
    "Boeckx",
    "Vandenbussche",
    "El Amrani",
    "Yilmaz",
    "Benali",
    "Nowak",
    "Kowalski",
    "Moreau",
    "Lemaire",
    "Vanderlinden",
    "Schepers",
    "Van Aken",
    "Raeymaekers",
    "Van Bael",
    "Luyten",
    "De Wachter",
    "Van Hove",
    "Celis",
    "Dockx",
    "Wyns",
    "Van Ranst",
    "Bastiaensen",
    "Verheyen",
    "Heylen",
)

STREETS: tuple[str, ...] = (
    "Kerkstraat",
    "Dorpsstraat",
    "Stationsstraat",
    "Molenstraat",
    "Schoolstraat",
    "Nieuwstraat",
    "Kapelstraat",
    "Antwerpsesteenweg",
    "Bredabaan",
    "Turnhoutsebaan",
    "Lindenlaan",
    "Beukenlaan",
    "Eikenlaan",
    "Berkenlaan",
    "Kastanjelaan",
    "Populierenlaan",
    "Heidestraat",
    "Veldstraat",
    "Bosstraat",
    "Hoogstraat",
    "Markt",
    "Grote Markt",
    "Lange Nieuwstraat",
    "Pastorijstraat",
    "Gemeentestraat",
    "Sint-Jobsesteenweg",
    "Boomsesteenweg",
    "Liersesteenweg",
    "Kontichsesteenweg",
    "Oude Baan",
    "Zandstraat",
    "Akkerstraat",
    "Weidestraat",
    "Vaartstraat",
    "Processieweg",
    "Pater Damiaanstraat",
    "Koning Albertlei",
    "Prins Boudewijnlaan",
    "Jozef Hendrickxstraat",
    "Bisschoppenhoflaan",
    "Kapelsesteenweg",
    "Bergstraat",
    "Smisstraat",
)

EMAIL_DOMAINS: tuple[str, ...] = (
    "telenet.be",
    "skynet.be",
    "proximus.be",
    "gmail.com",
    "hotmail.com",
    "outlook.be",
    "live.be",
)

# Subjects and opening sentences per theme; {org} is the OCMW or service concerned.
COMPLAINT_THEMES: tuple[tuple[str, str], ...] = (
    ("Lange wachttijd aan het loket", "Ik heb bij {org} meer dan twee uur moeten wachten zonder enige uitleg."),
    ("Geen antwoord op mijn e-mails", "Ik stuurde {org} al drie e-mails en kreeg nog steeds geen antwoord."),
    (
        "Factuur niet correct",
        "De factuur die ik van {org} ontving, klopt niet: er staan dagen op die niet gebruikt werden.",
    ),
    ("Afspraak niet nagekomen", "Er was een afspraak bij mij thuis gepland, maar niemand van {org} is langsgekomen."),
    ("Onduidelijke brief ontvangen", "De brief van {org} is voor mij onbegrijpelijk; ik weet niet wat ik moet doen."),
    ("Website werkt niet", "Het aanvraagformulier op de website van {org} geeft telkens een foutmelding."),
    (
        "Telefonisch onbereikbaar",
        "{org} is telefonisch bijna nooit bereikbaar; ik word telkens doorverbonden en dan valt de lijn weg.",
    ),
    ("Verkeerde informatie gekregen", "Aan het onthaal van {org} kreeg ik verkeerde informatie over mijn aanvraag."),
    ("Laattijdige terugbetaling", "Ik wacht al maanden op de terugbetaling die {org} mij beloofde."),
    (
        "Gebouw niet toegankelijk",
        "Het gebouw van {org} is niet toegankelijk met een rolstoel; de lift is al weken defect.",
    ),
    ("Dossier zoekgeraakt", "Mijn documenten zijn bij {org} zoekgeraakt; ik moest alles opnieuw indienen."),
    (
        "Gegevens zonder toestemming gedeeld",
        "Ik heb vastgesteld dat {org} mijn gegevens doorgaf zonder mijn toestemming.",
    ),
    (
        "Plaats in de opvang geweigerd",
        "Mijn kind kreeg geen plaats in de opvang, terwijl {org} dat eerder had toegezegd.",
    ),
    ("Openingsuren niet gerespecteerd", "Ik stond tijdens de openingsuren voor een gesloten deur bij {org}."),
    (
        "Parkeerprobleem bij het gebouw",
        "Er is bij {org} geen enkele parkeerplaats voor bezoekers, ook niet voor mensen met een handicap.",
    ),
)

PERSONNEL_THEMES: tuple[tuple[str, str], ...] = (
    (
        "Onvriendelijke behandeling door een medewerker",
        "Een medewerker van {org} sprak mij op een zeer onvriendelijke toon aan.",
    ),
    (
        "Ongepaste opmerkingen tijdens een huisbezoek",
        "Tijdens het huisbezoek maakte de medewerker van {org} ongepaste opmerkingen.",
    ),
    (
        "Medewerker kwam afspraken niet na",
        "De medewerker die mijn dossier bij {org} opvolgt, kwam al verschillende afspraken niet na.",
    ),
    (
        "Vertrouwelijke informatie doorverteld",
        "Een medewerker van {org} heeft informatie over mijn situatie aan derden verteld.",
    ),
    ("Discriminerende uitspraken", "Ik voelde mij gediscrimineerd door de uitspraken van een medewerker van {org}."),
)

INFORMATION_THEMES: tuple[tuple[str, str], ...] = (
    ("Vraag naar de openingsuren", "Wat zijn de openingsuren van {org} tijdens de schoolvakanties?"),
    ("Hoe een aanvraag indienen?", "Hoe kan ik bij {org} een aanvraag indienen en welke documenten heb ik nodig?"),
    ("Vraag over de tarieven", "Hoeveel kost de dienstverlening van {org} en is er een sociaal tarief?"),
    ("Vraag naar een contactpersoon", "Wie is bij {org} de contactpersoon voor mijn dossier?"),
    ("Adreswijziging doorgeven", "Ik ben verhuisd; hoe geef ik mijn nieuwe adres door aan {org}?"),
)

ANONYMOUS_THEMES: tuple[tuple[str, str], ...] = (
    ("Anonieme melding over de netheid van het gebouw", "Het sanitair bij {org} is al weken vuil."),
    ("Anonieme melding over wachttijden", "De wachttijden bij {org} zijn onaanvaardbaar lang."),
    ("Anonieme melding over het gedrag van bezoekers", "Bezoekers van {org} parkeren telkens op het voetpad."),
)

FOLLOW_UPS: tuple[str, ...] = (
    "Dit is niet de eerste keer dat dit gebeurt.",
    "Ik vind dit onaanvaardbaar voor een openbare dienst.",
    "Ik heb hierover al eerder telefonisch contact opgenomen, zonder resultaat.",
    "Mijn buren hebben gelijkaardige ervaringen.",
    "Ik heb hierdoor een halve dag verlof moeten nemen.",
    "Ik hoop dat u hier iets aan kunt doen.",
    "Ik voeg een kopie van de briefwisseling toe.",
    "Ik wil graag dat dit ernstig genomen wordt.",
)

REQUESTS: tuple[str, ...] = (
    "Ik vraag een verontschuldiging.",
    "Graag een correcte factuur.",
    "Ik wil dat mijn dossier zo snel mogelijk verder behandeld wordt.",
    "Ik verwacht een duidelijke uitleg.",
    "Ik vraag dat dit in de toekomst vermeden wordt.",
    "Graag een nieuwe afspraak.",
    "Ik vraag de terugbetaling van de te veel betaalde kosten.",
    "Ik wil een gesprek met de verantwoordelijke.",
)

INVESTIGATIONS: tuple[str, ...] = (
    "Gesprek gehad met de verantwoordelijke van de dienst; de feiten werden nagegaan in het dossier.",
    "De klager werd telefonisch gecontacteerd voor bijkomende uitleg. De betrokken dienst bevestigt de feiten gedeeltelijk.",
    "Het dossier en de briefwisseling werden nagekeken. De planning van die dag toont een personeelstekort.",
    "De facturatie werd gecontroleerd; er bleek een fout in de registratie van de aanwezigheden.",
    "De dienst ICT heeft het probleem met het webformulier onderzocht en kon het reproduceren.",
    "De verantwoordelijke van het OCMW werd om een verslag gevraagd en bezorgde dat binnen de week.",
)

MOTIVATIONS: dict[str, tuple[str, ...]] = {
    "founded": (
        "De feiten worden door de dienst bevestigd; de klager heeft gelijk.",
        "De gevraagde dienstverlening werd niet geleverd zoals afgesproken.",
    ),
    "unfounded": (
        "De dienst heeft correct gehandeld volgens de geldende afspraken.",
        "Uit het dossier blijkt dat de klager tijdig en correct werd geïnformeerd.",
    ),
    "undetermined": (
        "De verklaringen van de klager en van de dienst spreken elkaar tegen; het is niet uit te maken wie gelijk heeft.",
    ),
}

# Motivations per inadmissibility ground of Art. 3 (the codes of InadmissibilityGround).
GROUND_MOTIVATIONS: dict[str, str] = {
    "general_regulation": "De klacht gaat over de regelgeving zelf, niet over de werking van KINA.",
    "general_policy": "De klacht gaat over het algemeen beleid van het bestuur, niet over een concrete behandeling.",
    "already_handled": "Over dezelfde feiten werd eerder een klacht ingediend en correct behandeld.",
    "older_than_six_months": "De feiten vonden meer dan zes maanden voor de indiening van de klacht plaats.",
    "court_proceedings": "De zaak is het voorwerp van een lopende gerechtelijke procedure.",
    "manifestly_unfounded": "Uit het dossier blijkt meteen dat de klacht niet kan kloppen.",
    "no_interest": "De klager kon na onze vraag geen persoonlijk belang aantonen.",
    "member_decision": "De feiten zijn het gevolg van een beslissing van het leden-OCMW zelf.",
}

INTEREST_REQUESTS: tuple[str, ...] = (
    "Gevraagd per brief om aan te tonen welk persoonlijk belang de klager heeft.",
    "Telefonisch gevraagd in welke hoedanigheid de klager betrokken is.",
)
INTEREST_ANSWERS: tuple[str, ...] = (
    "Antwoord ontvangen met de nodige uitleg.",
    "Geen antwoord binnen de gevraagde termijn.",
)

SOLUTIONS: tuple[str, ...] = (
    "Meteen telefonisch opgelost: de afspraak werd verplaatst.",
    "Aan het onthaal uitgelegd en de ontbrekende brief opnieuw meegegeven.",
    "De factuur werd ter plaatse rechtgezet.",
    "Excuses aangeboden en het juiste contactnummer gegeven.",
)

ANSWERS: tuple[str, ...] = (
    "Per e-mail de openingsuren en het adres doorgegeven.",
    "De aanvraagprocedure en de nodige documenten uitgelegd.",
    "Doorverwezen naar de juiste dienst van het leden-OCMW.",
    "De tarieven en de voorwaarden voor het sociaal tarief bezorgd.",
)

ANONYMOUS_NOTES: tuple[str, ...] = (
    "Doorgegeven aan de verantwoordelijke van het gebouw.",
    "Meegenomen in het overleg over de wachttijden.",
    "Ter informatie bewaard; geen verdere actie mogelijk.",
)

REQUALIFY_REASONS: tuple[str, ...] = (
    "Bij nader inzien een vraag naar informatie, geen ernstige ontevredenheid.",
    "De melder vroeg enkel uitleg over de procedure.",
)

UNCONFIRMED_REASONS: tuple[str, ...] = (
    "De klager bevestigde de mondelinge klacht niet schriftelijk binnen de gevraagde termijn.",
)

TEAM_DISCUSSIONS: tuple[str, ...] = (
    "Besproken op het overleg van het klachtenteam.",
    "Maatregelen voorgelegd aan het klachtenteam en goedgekeurd.",
)

MEASURES: tuple[str, ...] = (
    "Extra bezetting van het loket op drukke dagen.",
    "De standaardbrief wordt herschreven in duidelijke taal.",
    "De factuur werd gecorrigeerd en het teveel betaalde bedrag teruggestort.",
    "Afspraken worden voortaan per sms bevestigd.",
    "Het webformulier werd hersteld en wordt maandelijks getest.",
    "De medewerkers van het onthaal kregen een opfrissing over de procedure.",
    "De lift werd hersteld; er komt een onderhoudscontract.",
)

PERSONNEL_REQUESTS: tuple[str, ...] = (
    "Ik wil dat de medewerker hierop aangesproken wordt.",
    "Ik verwacht excuses van de betrokken medewerker.",
    "Ik vraag dat een andere medewerker mijn dossier opvolgt.",
)

PERSONNEL_MEASURES: tuple[str, ...] = (
    "Gesprek met het personeelslid over een respectvolle omgang met cliënten.",
    "Opfrissing van de deontologische code en de regels over beroepsgeheim.",
    "Het dossier van de klager wordt voortaan door een collega opgevolgd.",
)

COMMUNICATIONS: tuple[str, ...] = (
    "De klager werd per brief op de hoogte gebracht van de uitkomst van het onderzoek en van de genomen maatregelen.",
    "De klager werd telefonisch en per e-mail geïnformeerd over de uitkomst en de maatregelen.",
    "Antwoord per e-mail met de resultaten van het onderzoek en een verontschuldiging.",
)

PERSONNEL_COMMUNICATION = (
    "De klacht werd behandeld en besproken met het betrokken personeelslid en de leidinggevenden. "
    "Omwille van privacyredenen kan geen verdere informatie gegeven worden (Art. 7)."
)


WORKING_GROUP_MINUTES = (
    "De permanente werkgroep bestuurlijk en financieel management besprak de klacht, "
    "achtte ze ontvankelijk en besliste over de voorgestelde oplossingen."
)

# Demo staff: (username, display name, function, roles). On the embedded database every demo
# account signs in with DEMO_PASSWORD (the README says so); never use a demo database for real.
DEMO_PASSWORD = "demo-wachtwoord"
STAFF: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("an.claes", "An Claes", "Klachtenontvanger", ("receiver", "team")),
    ("sofie.wuyts", "Sofie Wuyts", "Klachtenontvanger", ("receiver",)),
    ("koen.peeters", "Koen Peeters", "Klachtenbehandelaar", ("handler", "team")),
    ("els.janssens", "Els Janssens", "Klachtenbehandelaar", ("handler", "team")),
    ("tom.maes", "Tom Maes", "Klachtenbehandelaar", ("handler",)),
    ("marleen.vandenbroeck", "Marleen Van den Broeck", "Directeur", ("director", "team", "administrator")),
)
