"""The letterhead an administrator fills in (issue 5), checked before it is stored: every
problem is tied to its field so the dialog can show it there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path

from kina_desktop.domain.file_types import JPEG, PNG, detect
from kina_desktop.domain.validation import Problem, is_valid_email
from kina_desktop.i18n import _
from kina_desktop.reports.letter_content import Letterhead

LETTERHEAD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Letterhead))
MAX_LETTERHEAD_TEXT = 200
LOGO_TYPES = (PNG, JPEG)


def clean_letterhead(values: Mapping[str, object]) -> dict[str, str]:
    """The known fields, stripped; unknown keys are left out (as ``letterhead_of`` does)."""
    return {name: str(values.get(name) or "").strip() for name in LETTERHEAD_FIELDS}


def _logo_problem(path: str) -> str | None:
    try:
        with Path(path).open("rb") as file:
            head = file.read(16)
    except OSError:
        return _("Het bestand {path} bestaat niet of kan niet gelezen worden.").format(path=path)
    if detect(head) not in LOGO_TYPES:
        return _("Het logo moet een PNG- of JPEG-afbeelding zijn (gekeken naar de inhoud, niet naar de naam).")
    return None


def letterhead_problems(values: Mapping[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    if not values.get("name"):
        problems.append(Problem("name", _("Vul de naam in zoals ze bovenaan elke brief staat.")))
    if not values.get("place"):
        problems.append(Problem("place", _("Vul de plaats in die voor de datum van elke brief staat.")))
    email = values.get("email", "")
    if email and not is_valid_email(email):
        problems.append(Problem("email", _("Dit is geen geldig e-mailadres (bijvoorbeeld klacht@kina.be).")))
    for name in LETTERHEAD_FIELDS:
        if name != "logo_path" and len(values.get(name, "")) > MAX_LETTERHEAD_TEXT:
            problems.append(Problem(name, _("Maximaal {n} tekens.").format(n=MAX_LETTERHEAD_TEXT)))
    logo = values.get("logo_path", "")
    problem = _logo_problem(logo) if logo else None
    if problem:
        problems.append(Problem("logo_path", problem))
    return problems
