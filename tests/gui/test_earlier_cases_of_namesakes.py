"""'Nieuwe klacht', earlier cases (Art. 3, GDPR): three people called Sofie Maes / Maës in three
towns. A name alone shows none of their cases; the name with the address of one of them shows
that person's case only, and the panel says why it matched."""

from __future__ import annotations

import datetime as dt

from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.test_fast_registration import new_dialog

EARLY = dt.date(2026, 9, 1)
SOFIES = [
    ("Sofie Maes", "sofie.maes@brugge.be", "Markt 1", "8000", "Brugge", "Wachttijd aan het loket"),
    ("Sofie Maës", "sofie@malle.be", "Kerkstraat 12", "2390", "Malle", "Factuur van de maaltijden"),
    ("MAES, Sofie", "", "Veldstraat 4", "9000", "Gent", "Vuile gang in het woonzorgcentrum"),
]


def test_a_name_alone_shows_no_namesakes_case_and_an_address_shows_why(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    numbers = [
        services.cases.register(
            draft(
                complainant_name=name,
                complainant_email=email,
                complainant_street=street,
                complainant_postal_code=postal,
                complainant_city=city,
                subject=subject,
                received_on=EARLY,
                facts_on=EARLY,
            )
        ).tracking_number
        for name, email, street, postal, city, subject in SOFIES
    ]
    dialog = new_dialog(qtbot, services)
    ui = dialog.form.ui
    qtbot.keyClicks(ui.complainant_name, "Sofie Maes")
    dialog.known.refresh()  # type: ignore[union-attr]  # the lookup without waiting for the timer
    assert dialog.known is not None and dialog.known.numbers() == []
    assert not dialog.ui.known_group.isVisible()

    qtbot.keyClicks(ui.complainant_street, "Kerkstraat 12")
    qtbot.keyClicks(ui.complainant_postal_code, "2390")
    qtbot.keyClicks(ui.complainant_city, "Malle")
    qtbot.waitUntil(lambda: dialog.ui.known_group.isVisible(), timeout=3000)
    assert dialog.known.numbers() == [numbers[1]]
    table = dialog.ui.known_cases
    assert table.headerItem().text(4) == "Waarom"
    assert table.topLevelItem(0).text(4) == "zelfde naam en adres"
    assert "Factuur van de maaltijden" in table.topLevelItem(0).text(2)
    shown = " ".join(table.topLevelItem(0).text(c) for c in range(5)) + dialog.ui.known_summary.text()
    assert "Wachttijd" not in shown and "Vuile gang" not in shown
