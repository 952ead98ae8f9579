"""The ready views of the case list ('Te bevestigen', 'Over termijn', ...)."""

from __future__ import annotations

from dataclasses import dataclass

from kina_desktop.domain.enums import Category, Level, _Labelled
from kina_desktop.i18n import N_


class ReadyView(_Labelled):
    ALL = "all"
    TO_ACKNOWLEDGE = "to_acknowledge"
    OVERDUE = "overdue"
    IN_PROGRESS = "in_progress"
    WAITING_FOR_COMPLAINANT = "waiting"
    CLOSED = "closed"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "all": N_("Alle dossiers"),
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
        }


@dataclass(frozen=True)
class CaseQuery:
    """What the case list shows: a ready view, a search text and an order."""

    search: str = ""
    view: ReadyView = ReadyView.ALL
    category: Category | None = None
    level: Level | None = None
    sort: SortKey = SortKey.TRACKING_NUMBER
    descending: bool = True
