"""Text helpers shared by search and validation."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, for search that finds 'Sofié' when typing 'sofie'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


# Words that begin a Flemish or French family name ("Van den Broeck", "De Smet", "Le Clercq").
NAME_PARTICLES = frozenset(
    {
        "van",
        "vanden",
        "vander",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "du",
        "le",
        "la",
        "ver",
        "ten",
        "ter",
        "t",
        "'t",
        "d'",
        "op",
        "in",
    }
)


def family_name_key(name: str) -> str:
    """How a list sorts a complainant: by family name, then the given names, without accents or
    case ('Céline' beside 'Celine'); '' for nobody (anonymous). 'Peeters, Jan' and 'Jan Peeters'
    sort alike; a particle starts the family name as Flemish registers do ('Van den Broeck'
    under V)."""
    text = " ".join((name or "").split())
    if not text:
        return ""
    if "," in text:
        family, _sep, given = text.partition(",")
    else:
        words = text.split()
        start = next((i for i, w in enumerate(words[1:], 1) if fold(w) in NAME_PARTICLES), len(words) - 1)
        start = max(start, 1) if len(words) > 1 else 0
        family, given = " ".join(words[start:]), " ".join(words[:start])
    return f"{fold(family)} {fold(given)}".strip()
