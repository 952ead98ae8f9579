"""The mail server (SMTP) through which letters go out by e-mail (set in Beheer → Instellingen…).

Where the server is, how the connection is secured, the account and the sender's address are an
organisation setting (the database key "smtp"); the password never is: it stays in each PC's
keyring. Pure data and checks: sending is mail/smtp_connection.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from kina_desktop.domain.enums import _Labelled
from kina_desktop.domain.server_address import address_problems, stored_mode_and_port
from kina_desktop.domain.validation import Problem, is_valid_email
from kina_desktop.i18n import N_, _


class SmtpSecurity(_Labelled):
    STARTTLS = "starttls"  # plain connection upgraded with STARTTLS (the submission port 587)
    SSL = "ssl"  # TLS from the first byte (port 465)
    NONE = "none"  # no encryption: a relay inside KINA's own network only

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "starttls": N_("STARTTLS (poort 587)"),
            "ssl": N_("SSL/TLS (poort 465)"),
            "none": N_("Geen (alleen binnen het eigen netwerk, poort 25)"),
        }

    @property
    def default_port(self) -> int:
        return {"starttls": 587, "ssl": 465, "none": 25}[self.value]


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: SmtpSecurity = SmtpSecurity.STARTTLS
    username: str = ""  # empty: the server takes mail without signing in
    sender: str = ""  # empty: the e-mail address of the letterhead

    @property
    def configured(self) -> bool:
        return bool(self.host.strip())

    def cleaned(self) -> SmtpSettings:
        return SmtpSettings(
            self.host.strip(), self.port, SmtpSecurity(self.security), self.username.strip(), self.sender.strip()
        )

    def as_setting(self) -> dict[str, object]:
        """What is stored in the database (no password, ever)."""
        return {
            "host": self.host,
            "port": self.port,
            "security": self.security.value,
            "username": self.username,
            "sender": self.sender,
        }

    @classmethod
    def from_setting(cls, raw: object) -> SmtpSettings:
        if not isinstance(raw, dict):
            return cls()
        security, port = stored_mode_and_port(raw, "security", SmtpSecurity.STARTTLS)
        return cls(
            str(raw.get("host") or ""), port, security, str(raw.get("username") or ""), str(raw.get("sender") or "")
        )


def smtp_problems(settings: SmtpSettings) -> list[Problem]:
    """What is wrong with the settings, each problem tied to its field (empty: fine)."""
    problems = address_problems(settings.host, settings.port, _("Vul de naam van de mailserver in (bv. smtp.kina.be)."))
    sender = settings.sender.strip()
    if sender and not is_valid_email(sender):
        problems.append(Problem("sender", _("Dit is geen geldig e-mailadres (bijvoorbeeld klacht@kina.be).")))
    return problems
