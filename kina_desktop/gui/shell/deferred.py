"""A service the window hands to a menu at start-up but that is made only when first used: the
menus of the main window get one each, so that opening the window does not import the letters',
statistics', projects' or privacy services' modules (cold start: docs/performance.md).

``deferred(lambda: services.letters)`` stands in for ``services.letters``: the first attribute
asked of it makes the service (``Services`` keeps one of each), and every attribute after that is
the service's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

T = TypeVar("T")


class _Deferred:
    __slots__ = ("_make", "_made")

    def __init__(self, make: Callable[[], object]) -> None:
        self._make = make
        self._made: object | None = None

    def __getattr__(self, name: str) -> Any:
        made = self._made
        if made is None:
            made = self._made = self._make()
        return getattr(made, name)

    def __repr__(self) -> str:
        return f"deferred({self._made!r})" if self._made is not None else "deferred(not made yet)"


def deferred(make: Callable[[], T]) -> T:
    """``make()``, called when the result is first used (see the module's text)."""
    return cast(T, _Deferred(make))
