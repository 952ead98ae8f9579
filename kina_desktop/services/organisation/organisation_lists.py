"""The member OCMWs and KINA's services as lists in the organisation settings.

The registration form completes the field 'Betrokken OCMW of dienst' from them; everyone reads
them, only an administrator changes them (Beheer → Lijsten…). Until an administrator saves a
list, the defaults of domain/organisations.py apply.
"""

from __future__ import annotations

from kina_desktop.domain.organisations import DEFAULT_KINA_SERVICES, DEFAULT_MEMBER_OCMWS, clean_list, list_problems
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import KINA_SERVICES, MEMBER_OCMWS, read_setting, write_setting


class ListProblem(ServiceError):
    pass


class OrganisationLists:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _read(self, key: str, default: tuple[str, ...]) -> list[str]:
        with self.ctx.database.read() as session:
            stored = read_setting(session, key)
        return list(default) if stored is None else [str(entry) for entry in stored]

    def _write(self, key: str, entries: list[str]) -> list[str]:
        require(self.ctx, Permission.CHANGE_SETTINGS)
        clean = clean_list(entries)
        problems = list_problems(clean)
        if problems:
            raise ListProblem(" ".join(problems))
        with self.ctx.database.write() as session:
            write_setting(session, key, clean)
        return clean

    def member_ocmws(self) -> list[str]:
        return self._read(MEMBER_OCMWS, DEFAULT_MEMBER_OCMWS)

    def kina_services(self) -> list[str]:
        return self._read(KINA_SERVICES, DEFAULT_KINA_SERVICES)

    def set_member_ocmws(self, entries: list[str]) -> list[str]:
        """Store the list (blank lines and second spellings dropped); returns what was stored."""
        return self._write(MEMBER_OCMWS, entries)

    def set_kina_services(self, entries: list[str]) -> list[str]:
        return self._write(KINA_SERVICES, entries)

    def organisations(self) -> list[str]:
        """Both lists, the member OCMWs first: what the registration form completes from."""
        with self.ctx.database.read() as session:
            ocmws = read_setting(session, MEMBER_OCMWS)
            services = read_setting(session, KINA_SERVICES)
        return clean_list(
            [
                *(DEFAULT_MEMBER_OCMWS if ocmws is None else ocmws),
                *(DEFAULT_KINA_SERVICES if services is None else services),
            ]
        )
