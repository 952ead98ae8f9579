"""The vocabulary of the reglement as enumerations.

Values are stable English codes (they are stored in the database); ``label()`` gives the Dutch
word a user sees, translated through gettext. Names follow the glossary in shared/DOMAIN.md.
"""

from __future__ import annotations

from enum import StrEnum

from kina_desktop.i18n import N_, _


class _Labelled(StrEnum):
    """A StrEnum whose members carry a translatable Dutch label."""

    @classmethod
    def _labels(cls) -> dict[str, str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def label(self) -> str:
        return _(self._labels()[self.value])

    @classmethod
    def from_label(cls, text: str) -> _Labelled:
        for member in cls:
            if member.label() == text:
                return member
        raise ValueError(text)


class Kind(_Labelled):
    """Art. 3: what a registration is."""

    COMPLAINT = "complaint"
    INFORMATION_REQUEST = "information_request"
    ANONYMOUS_REPORT = "anonymous_report"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "complaint": N_("Klacht"),
            "information_request": N_("Informatievraag"),
            "anonymous_report": N_("Anonieme melding"),
        }


class Channel(_Labelled):
    """Art. 3 and 4: how the registration reached KINA."""

    POST = "post"
    EMAIL = "email"
    WEB_FORM = "web_form"
    PHONE = "phone"
    DESK = "desk"

    @property
    def is_oral(self) -> bool:
        """Art. 3: oral complaints must be confirmed in writing or electronically."""
        return self in (Channel.PHONE, Channel.DESK)

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "post": N_("Post"),
            "email": N_("E-mail"),
            "web_form": N_("Webformulier"),
            "phone": N_("Telefoon"),
            "desk": N_("Aan het onthaal"),
        }


class Category(_Labelled):
    """Art. 3 and 6: daily operations or personnel matters."""

    DAILY_OPERATIONS = "daily_operations"
    PERSONNEL = "personnel"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"daily_operations": N_("Dagelijkse werking"), "personnel": N_("Personeelsaangelegenheden")}


class Level(_Labelled):
    """Art. 6: level 1 (solved at once), 2 (handler or director), 3 (structural or disciplinary)."""

    ONE = "1"
    TWO = "2"
    THREE = "3"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"1": N_("Niveau 1"), "2": N_("Niveau 2"), "3": N_("Niveau 3")}


class Status(_Labelled):
    """Where a registration stands on its route of Art. 6 and 7 (routes: domain/routes.py).

    ``AWAITING_CONFIRMATION``: an oral complaint waits for its written confirmation (Art. 3).
    ``ANSWERED`` and ``KEPT``: an information request was answered, an anonymous report kept as
    a source of information (Art. 3); neither enters the complaint workflow.
    """

    AWAITING_CONFIRMATION = "awaiting_confirmation"
    REGISTERED = "registered"
    WITH_HANDLER = "with_handler"
    WITH_DIRECTOR = "with_director"
    WITH_WORKING_GROUP = "with_working_group"
    TEAM_BRIEFED = "team_briefed"
    WITH_BOARD = "with_board"
    HANDLED = "handled"
    ANSWERED = "answered"
    KEPT = "kept"
    CLOSED = "closed"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "awaiting_confirmation": N_("Wacht op schriftelijke bevestiging"),
            "registered": N_("Geregistreerd"),
            "with_handler": N_("Bij klachtenbehandelaar"),
            "with_director": N_("Bij directeur"),
            "with_working_group": N_("Bij permanente werkgroep"),
            "team_briefed": N_("Klachtenteam gebriefd"),
            "with_board": N_("Bij Raad van Bestuur"),
            "handled": N_("Behandeld"),
            "answered": N_("Beantwoord"),
            "kept": N_("Bewaard als informatie"),
            "closed": N_("Afgesloten"),
        }


class Admissibility(_Labelled):
    UNDECIDED = "undecided"
    ADMISSIBLE = "admissible"
    INADMISSIBLE = "inadmissible"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "undecided": N_("Nog niet beoordeeld"),
            "admissible": N_("Ontvankelijk"),
            "inadmissible": N_("Niet ontvankelijk"),
        }


class InadmissibilityGround(_Labelled):
    """The nine grounds of Art. 3, in the order of the reglement."""

    ANONYMOUS = "anonymous"
    GENERAL_REGULATION = "general_regulation"
    GENERAL_POLICY = "general_policy"
    ALREADY_HANDLED = "already_handled"
    OLDER_THAN_SIX_MONTHS = "older_than_six_months"
    COURT_PROCEEDINGS = "court_proceedings"
    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    NO_INTEREST = "no_interest"
    MEMBER_DECISION = "member_decision"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "anonymous": N_("Anonieme klacht"),
            "general_regulation": N_("Algemene klacht over de regelgeving"),
            "general_policy": N_("Klacht over het algemeen beleid, beleidsvoornemens of verklaringen"),
            "already_handled": N_("Feiten waarover eerder een klacht correct werd behandeld"),
            "older_than_six_months": N_("Feiten van meer dan zes maanden voor de indiening"),
            "court_proceedings": N_("Voorwerp van een gerechtelijke procedure"),
            "manifestly_unfounded": N_("Kennelijk ongegrond"),
            "no_interest": N_("De klager kan geen belang aantonen"),
            "member_decision": N_("Gevolg van beslissingen van leden-OCMW's"),
        }


class Verdict(_Labelled):
    """Art. 6: founded, unfounded or undetermined."""

    NONE = "none"
    FOUNDED = "founded"
    UNFOUNDED = "unfounded"
    UNDETERMINED = "undetermined"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "none": N_("Nog geen oordeel"),
            "founded": N_("Gegrond"),
            "unfounded": N_("Ongegrond"),
            "undetermined": N_("Onuitgesproken"),
        }


class Role(_Labelled):
    """The people of Art. 5-8, plus the administrator of the program."""

    RECEIVER = "receiver"
    HANDLER = "handler"
    TEAM = "team"
    DIRECTOR = "director"
    ADMINISTRATOR = "administrator"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "receiver": N_("Klachtenontvanger"),
            "handler": N_("Klachtenbehandelaar"),
            "team": N_("Klachtenteam"),
            "director": N_("Directeur"),
            "administrator": N_("Beheerder"),
        }


# The fields of a case whose stored value is one of the enums above (history, export, access request).
ENUM_OF_FIELD: dict[str, type[_Labelled]] = {
    "kind": Kind,
    "category": Category,
    "level": Level,
    "status": Status,
    "channel": Channel,
    "admissibility": Admissibility,
    "verdict": Verdict,
}
