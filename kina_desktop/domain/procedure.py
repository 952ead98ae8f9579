"""Which registrations go through the complaint procedure: a complaint above level 1 (Art. 6).

A level-1 complaint is solved at once by whoever receives it (Art. 6); an information request or
an anonymous report is not a complaint (Art. 3). Everything the procedure brings — the
acknowledgement and the complaint folder (Art. 5), the 30-day target (Art. 5), the written
confirmation of an oral complaint (Art. 3), the complainant's address (Art. 4) — follows from this
one rule.
"""

from __future__ import annotations

from kina_desktop.domain.enums import Kind, Level


def enters_procedure(kind: Kind, level: Level) -> bool:
    return kind == Kind.COMPLAINT and level != Level.ONE
