"""Where a mail server is, as the IMAP mailbox (mailbox.py) and the SMTP server (mail_server.py)
store it among the organisation's settings: a host name, a port and how the connection is
secured (an enum whose members know their usual port). Pure checks and reading."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TypeVar

from kina_desktop.domain.validation import Problem
from kina_desktop.i18n import _


class _Mode(Protocol):
    @property
    def value(self) -> str: ...

    @property
    def default_port(self) -> int: ...


ModeT = TypeVar("ModeT", bound=_Mode)


def address_problems(host: str, port: int, missing_host: str) -> list[Problem]:
    """What is wrong with the server's name and port; ``missing_host`` when there is no name."""
    problems: list[Problem] = []
    host = host.strip()
    if not host:
        problems.append(Problem("host", missing_host))
    elif any(c.isspace() for c in host) or "/" in host or host.count(":") == 1:
        problems.append(
            Problem("host", _("De naam van de mailserver bevat geen spaties, '/' of ':' (de poort vult u apart in)."))
        )
    if not 1 <= port <= 65535:
        problems.append(Problem("port", _("De poort is een getal van 1 tot 65535.")))
    return problems


def stored_mode_and_port(raw: Mapping[str, object], key: str, default: ModeT) -> tuple[ModeT, int]:
    """The security mode stored under ``key`` (``default`` when missing or unknown) and the port
    (the mode's usual one when missing or not a number)."""
    try:
        mode = type(default)(raw.get(key) or default.value)  # type: ignore[call-arg]  # an Enum class
    except ValueError:
        mode = default
    try:
        port = int(raw.get("port") or mode.default_port)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        port = mode.default_port
    return mode, port
