"""The subject a registration proposes for a message that has none (Art. 4: every registration
has a subject the person can change). A salutation ("Geachte,", "Beste mevrouw,", "Madame,
Monsieur,") says nothing about the complaint; the first line after it usually does. Without such
a line the draft names the sender instead (domain/intake.py)."""

from __future__ import annotations

import re

SUBJECT_LIMIT = 80

# A line that only greets (Dutch, French, English, German): the greeting and a few words of
# address (a title, a name), ending in a comma, colon or exclamation mark, or of three words at
# most ("Geachte heer Peeters"); "Dag na dag wachtte ik" is a sentence, not a greeting.
_GREETING = (
    r"^(?:geachte|beste|lieve|dag|hallo|hello|hi|hey|goedemorgen|goedemiddag|goedenavond|goeiedag|"
    r"bonjour|bonsoir|madame|monsieur|mesdames|messieurs|cher|chère|chers|dear|to whom it may concern|"
    r"sehr geehrte[rn]?|liebe[rn]?|guten tag)\b"
)
_SALUTATION = re.compile(_GREETING + r"(?:[^.!?]{0,60}[,:;!]|(?:\s+[^\s.!?]+){0,2}\s*)$", re.IGNORECASE)
# Lines that are no text of the message: quoted text, rules, forward markers, header lines.
_NOT_TEXT = re.compile(
    r"^(?:>|-{2,}|_{2,}|={2,}|\*{2,}|(?:from|van|de|date|datum|sent|verzonden|to|aan|subject|onderwerp)\s*:)",
    re.IGNORECASE,
)


def subject_from_text(text: str) -> str:
    """The first meaningful line of ``text`` (no salutation, no quoted or header line), shortened
    to a subject at a word; "" when there is none."""
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line or not any(ch.isalpha() for ch in line):
            continue
        if _SALUTATION.match(line) or _NOT_TEXT.match(line):
            continue
        return _shorten(line)
    return ""


def _shorten(line: str) -> str:
    if len(line) <= SUBJECT_LIMIT:
        return line
    cut = line[: SUBJECT_LIMIT - 1]
    if " " in cut[SUBJECT_LIMIT // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"
