"""Who a complaint can be about: KINA's 27 member OCMWs and KINA's own services.

The lists are settings (an administrator edits them under Beheer → Lijsten…); these are the
defaults. The reglement and DOMAIN.md say "27 OCMW's in het arrondissement Antwerpen" without
naming them: the defaults are the 27 municipalities of the arrondissement Antwerpen outside the
city of Antwerpen itself (as of 2025), each with its postal code for the demo data. KINA's
services are plausible names, not an organisation chart.
"""

from __future__ import annotations

from collections.abc import Iterable

from kina_desktop.domain.text import fold
from kina_desktop.i18n import _

# (municipality, postal code) of the 27 member OCMWs.
MEMBER_MUNICIPALITIES: tuple[tuple[str, str], ...] = (
    ("Aartselaar", "2630"),
    ("Boechout", "2530"),
    ("Boom", "2850"),
    ("Brasschaat", "2930"),
    ("Brecht", "2960"),
    ("Edegem", "2650"),
    ("Essen", "2910"),
    ("Hemiksem", "2620"),
    ("Hove", "2540"),
    ("Kalmthout", "2920"),
    ("Kapellen", "2950"),
    ("Kontich", "2550"),
    ("Lint", "2547"),
    ("Malle", "2390"),
    ("Mortsel", "2640"),
    ("Niel", "2845"),
    ("Ranst", "2520"),
    ("Rumst", "2840"),
    ("Schelle", "2627"),
    ("Schilde", "2970"),
    ("Schoten", "2900"),
    ("Stabroek", "2940"),
    ("Wijnegem", "2110"),
    ("Wommelgem", "2160"),
    ("Wuustwezel", "2990"),
    ("Zandhoven", "2240"),
    ("Zoersel", "2980"),
)

DEFAULT_MEMBER_OCMWS: tuple[str, ...] = tuple(f"OCMW {name}" for name, _code in MEMBER_MUNICIPALITIES)

DEFAULT_KINA_SERVICES: tuple[str, ...] = (
    "KINA – Onthaal en secretariaat",
    "KINA – Financiële dienst",
    "KINA – Personeelsdienst",
    "KINA – Dienst opvanggezinnen",
    "KINA – Buitenschoolse opvang",
    "KINA – ICT en website",
    "KINA – Vorming en ondersteuning",
)

MAX_ENTRY_LENGTH = 200  # the length of Description.organisation


def clean_list(lines: Iterable[str]) -> list[str]:
    """One entry per line as a person typed them: blank lines dropped, spaces trimmed, and a
    second spelling of the same name (case and accents aside) left out; the order is kept."""
    seen: set[str] = set()
    out: list[str] = []
    for line in lines:
        entry = " ".join(line.split())
        key = fold(entry)
        if key and key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def list_problems(entries: Iterable[str]) -> list[str]:
    """Entries that cannot be stored (too long for the field they fill in), in Dutch."""
    return [
        _("‘{entry}…’ is langer dan {max} tekens.").format(entry=entry[:40], max=MAX_ENTRY_LENGTH)
        for entry in entries
        if len(entry) > MAX_ENTRY_LENGTH
    ]
