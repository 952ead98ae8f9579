"""Art. 7: what the complainant is told when a complaint is closed.

"Voor klachten over personeelsaangelegenheden wordt aan de klachtenmelder enkel gemeld dat de
klacht behandeld werd en besproken met het betrokken personeelslid en de leidinggevenden, maar dat
omwille van privacyredenen geen verdere informatie geboden kan worden." The closing dialog and the
letter start from this text; for other complaints the receiver writes the findings and measures.
"""

from __future__ import annotations

from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.visibility import is_confidential
from kina_desktop.i18n import N_, _

PERSONNEL_OUTCOME = N_(
    "Uw klacht werd behandeld en besproken met het betrokken personeelslid en de leidinggevenden. "
    "Omwille van privacyredenen kunnen wij u geen verdere informatie geven."
)


def only_privacy_outcome(category: Category, level: Level) -> bool:
    """Art. 7: the complainant of a personnel complaint hears only that it was handled."""
    return is_confidential(category, level)  # the personnel track (Art. 6)


def default_communication(category: Category, level: Level) -> str:
    """The text the closing step starts from ("" where the receiver writes it)."""
    return _(PERSONNEL_OUTCOME) if only_privacy_outcome(category, level) else ""
