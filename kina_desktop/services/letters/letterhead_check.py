"""The letterhead an administrator fills in, checked before it is stored: every
problem is tied to its field so the dialog can show it there. The logo is an image kept in the
database (every PC prints it, also on a shared server): PNG or JPEG by its content, at most
``MAX_LOGO_BYTES``."""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import fields

from kina_desktop.domain.file_types import JPEG, PNG, detect
from kina_desktop.domain.validation import Problem, is_valid_email
from kina_desktop.i18n import _
from kina_desktop.reports.letter_content import Letterhead

# The text fields (the logo is bytes; ``logo_path`` is the older setting, only read).
LETTERHEAD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Letterhead) if f.name not in ("logo", "logo_path"))
MAX_LETTERHEAD_TEXT = 200
LOGO_TYPES = (PNG, JPEG)
MAX_LOGO_BYTES = 1024 * 1024  # 1 MB: a logo printed 4 cm wide needs far less


def clean_letterhead(values: Mapping[str, object]) -> dict[str, str]:
    """The known text fields, stripped; unknown keys are left out (as ``letterhead_of`` does)."""
    return {name: str(values.get(name) or "").strip() for name in LETTERHEAD_FIELDS}


def logo_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be the logo (None when it can): checked by its content, not its name."""
    if detect(data[:16]) not in LOGO_TYPES:
        return _("Het logo moet een PNG- of JPEG-afbeelding zijn (gekeken naar de inhoud, niet naar de naam).")
    if len(data) > MAX_LOGO_BYTES:
        return _(
            "Het logo is te groot ({size} MB); de grens is {limit} MB. Sla de afbeelding kleiner op "
            "(bijvoorbeeld 600 pixels breed) en kies ze opnieuw."
        ).format(
            size=f"{math.ceil(len(data) / 104_857.6) / 10:.1f}".replace(".", ","), limit=MAX_LOGO_BYTES // 1_048_576
        )
    from PIL import Image, UnidentifiedImageError  # ReportLab's own image library, only when needed

    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.verify()
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError):
        return _("Dit logo is beschadigd: het kan niet als afbeelding gelezen worden.")
    return None


def letterhead_problems(values: Mapping[str, str], logo: bytes | None = None) -> list[Problem]:
    problems: list[Problem] = []
    if not values.get("name"):
        problems.append(Problem("name", _("Vul de naam in zoals ze bovenaan elke brief staat.")))
    if not values.get("place"):
        problems.append(Problem("place", _("Vul de plaats in die voor de datum van elke brief staat.")))
    email = values.get("email", "")
    if email and not is_valid_email(email):
        problems.append(Problem("email", _("Dit is geen geldig e-mailadres (bijvoorbeeld klacht@kina.be).")))
    for name in LETTERHEAD_FIELDS:
        if len(values.get(name, "")) > MAX_LETTERHEAD_TEXT:
            problems.append(Problem(name, _("Maximaal {n} tekens.").format(n=MAX_LETTERHEAD_TEXT)))
    problem = logo_problem(logo) if logo else None
    if problem:
        problems.append(Problem("logo", problem))
    return problems
