"""Combo boxes that offer the members of one of the domain's enumerations by their Dutch label."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=Enum)


def fill_combo(combo: QComboBox, members: Iterable[Enum]) -> None:
    """Offer ``members`` (label shown, code kept as item data)."""
    combo.clear()
    for member in members:
        combo.addItem(member.label(), member.value)  # type: ignore[attr-defined]


def combo_value(combo: QComboBox, enum_type: type[E]) -> E:
    return enum_type(combo.currentData())


def set_combo_value(combo: QComboBox, member: Enum) -> None:
    index = combo.findData(member.value)
    if index < 0:
        raise ValueError(f"{member!r} is not offered by {combo.objectName()}")
    combo.setCurrentIndex(index)
