"""The ready views of the case list ('Te bevestigen', 'Over termijn', ...)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from kina_desktop.domain.enums import Category, Kind, Level, Role, Status, _Labelled
from kina_desktop.domain.routes import ROUTES, route_key
from kina_desktop.i18n import N_


class ReadyView(_Labelled):
    ALL = "all"
    MINE = "mine"
    TODAY = "today"
    TO_ACKNOWLEDGE = "to_acknowledge"
    OVERDUE = "overdue"
    IN_PROGRESS = "in_progress"
    WAITING_FOR_COMPLAINANT = "waiting"
    CLOSED = "closed"
    CONFIDENTIAL = "confidential"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "all": N_("Alle dossiers"),
            "mine": N_("Aan mij"),
            "today": N_("Vandaag binnengekomen"),
            "confidential": N_("Vertrouwelijk"),
            "to_acknowledge": N_("Te bevestigen"),
            "overdue": N_("Over termijn"),
            "in_progress": N_("In behandeling"),
            "waiting": N_("Wacht op klager"),
            "closed": N_("Afgesloten"),
        }


class SortKey(_Labelled):
    TRACKING_NUMBER = "tracking_number"
    RECEIVED_ON = "received_on"
    COMPLAINANT = "complainant_name"
    SUBJECT = "subject"
    CATEGORY = "category"
    LEVEL = "level"
    STATUS = "status"
    HANDLER = "handler_name"
    NEXT_DEADLINE = "next_deadline"
    KIND = "kind"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "tracking_number": N_("Opvolgingsnummer"),
            "received_on": N_("Ontvangen"),
            "complainant_name": N_("Klager"),
            "subject": N_("Onderwerp"),
            "category": N_("Categorie"),
            "level": N_("Niveau"),
            "status": N_("Status"),
            "handler_name": N_("Behandelaar"),
            "next_deadline": N_("Volgende termijn"),
            "kind": N_("Soort"),
        }


@dataclass(frozen=True)
class CaseQuery:
    """What the case list shows: a ready view, a search text and an order."""

    search: str = ""
    view: ReadyView = ReadyView.ALL
    kind: Kind | None = None  # Art. 3: complaints, information requests or anonymous reports only
    category: Category | None = None
    level: Level | None = None
    sort: SortKey = SortKey.TRACKING_NUMBER
    descending: bool = True


def views_for(roles: Iterable[Role]) -> list[ReadyView]:
    """The views a person sees: 'Vertrouwelijk' (the personnel track of Art. 6) for the director only."""
    roles = set(roles)
    return [v for v in ReadyView if v != ReadyView.CONFIDENTIAL or Role.DIRECTOR in roles]


@dataclass(frozen=True)
class Move:
    """Cases of this kind, category and level in this status wait for a person with ``roles``;
    ``assigned`` when it is the named handler's move (the case's handler, or nobody yet)."""

    kind: Kind
    category: Category
    level: Level
    status: Status
    assigned: bool


def my_moves(roles: Iterable[Role]) -> list[Move]:
    """'Aan mij': where a case waits for one of these roles on its route (``Route.holders``). A
    case with the handler waits for its own handler only (Art. 6), or for any handler while none
    was chosen."""
    roles = set(roles)
    moves = []
    for kind, category, level in itertools.product(Kind, Category, Level):
        route = ROUTES[route_key(kind, category, level)]
        for status, holders in route.holders:
            mine = roles.intersection(holders)
            if mine:
                moves.append(Move(kind, category, level, status, assigned=mine == {Role.HANDLER}))
    return moves


# The list's filter by kind (Art. 3), in the plural.
KIND_FILTERS: tuple[tuple[Kind | None, str], ...] = (
    (None, N_("Alle soorten")),
    (Kind.COMPLAINT, N_("Klachten")),
    (Kind.INFORMATION_REQUEST, N_("Informatievragen")),
    (Kind.ANONYMOUS_REPORT, N_("Anonieme meldingen")),
)
