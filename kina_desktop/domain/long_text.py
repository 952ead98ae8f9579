"""A text longer than the field that holds it.

Art. 4: the complaint is registered as the complainant wrote it, and what they ask for is most
often in the last lines. A text over the limit therefore keeps its beginning and its end, with a
marker between them that says how many characters were left out ("[… 12.345 tekens weggelaten
…]"); the whole text is kept elsewhere (for an e-mail: as a file in the complaint folder, see
domain/intake.py).
"""

from __future__ import annotations

from kina_desktop.i18n import _

# How far back (or forward) from a cut a line end or a space is looked for, so that the text
# is not cut in the middle of a word.
_NEAR = 400


def dutch_count(count: int) -> str:
    """12345 -> '12.345' (the thousands separator of nl_BE)."""
    return f"{count:,}".replace(",", ".")


def omission_marker(count: int) -> str:
    """The line that stands where ``count`` characters were left out."""
    return _("[… {count} tekens weggelaten …]").format(count=dutch_count(count))


def _cut_head(text: str, size: int) -> str:
    head = text[:size]
    for separator in ("\n", " "):
        at = head.rfind(separator, max(0, size - _NEAR))
        if at > 0:
            return head[:at]
    return head


def _cut_tail(text: str, size: int) -> str:
    start = len(text) - size
    tail = text[start:]
    for separator in ("\n", " "):
        at = tail.find(separator, 0, _NEAR)
        if at >= 0:
            return tail[at + 1 :]
    return tail


def keep_beginning_and_end(text: str, limit: int) -> tuple[str, int]:
    """``text`` itself when it has at most ``limit`` characters; otherwise its beginning and its
    end (about half each, cut at a line end or a space near each cut) around the omission
    marker, together never more than ``limit`` characters. Also returns how many characters
    were left out (0 when the text fits)."""
    if len(text) <= limit:
        return text, 0
    reserve = len(omission_marker(len(text))) + 4  # the marker on a paragraph of its own
    room = limit - reserve
    if room < 2:
        return text[:limit], len(text) - limit
    head = _cut_head(text, room - room // 2).rstrip()
    tail = _cut_tail(text, room // 2).lstrip()
    omitted = len(text) - len(head) - len(tail)
    return f"{head}\n\n{omission_marker(omitted)}\n\n{tail}", omitted
