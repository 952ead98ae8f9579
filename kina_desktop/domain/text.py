"""Text helpers shared by search and validation."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, for search that finds 'Sofié' when typing 'sofie'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
