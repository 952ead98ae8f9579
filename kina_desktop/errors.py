"""The base of every error a person is shown: its message is one clear Dutch sentence.

Defined outside the layers so that the database layer can raise DatabaseUnavailable and the GUI
and the commands catch every such error as ServiceError (re-exported by services.errors).
"""

from __future__ import annotations


class ServiceError(Exception):
    """A failure a person can understand and act on; ``str(error)`` is the message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseUnavailable(ServiceError):
    """The database cannot be reached, is locked, or is of an incompatible version. ``detail``:
    the driver's own words ("Technische melding: ..."), for a detail line; may be empty."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail
