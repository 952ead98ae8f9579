"""scripts/update_catalogs.sh run again on unchanged sources changes no file: the .po keeps its
date when only the date would change, and the .mo is compiled from the .po as it is on disk, so
it never carries a newer date than its .po ('catalogs.py check' reported it stale before)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.catalog import Catalog

from tests.test_catalogs import load_catalogs


def test_saving_an_unchanged_catalog_again_leaves_po_and_mo_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogs = load_catalogs()
    monkeypatch.setattr(catalogs, "LOCALE_DIR", tmp_path)

    def save(revision: dt.datetime) -> tuple[bytes, bytes]:
        catalog = Catalog(locale="fr", domain=catalogs.DOMAIN, project=catalogs.PROJECT, fuzzy=False)
        catalog.add("Opslaan", "Enregistrer")
        catalog.creation_date = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)

        class Clock(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return revision

        monkeypatch.setattr(catalogs, "dt", SimpleNamespace(datetime=Clock, timezone=dt.timezone, UTC=dt.UTC))
        catalogs.save_catalog("fr", catalog)
        return catalogs.po_path("fr").read_bytes(), catalogs.mo_path("fr").read_bytes()

    first = save(dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC))
    again = save(dt.datetime(2026, 1, 6, 11, 30, tzinfo=dt.UTC))  # the next day, nothing changed
    assert again == first
    assert not catalogs.stale_mo("fr")
