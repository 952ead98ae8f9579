"""``register FILE.json`` and ``show NUMBER [--json]`` on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import re
import sys

import pytest

from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from tests.cli.conftest import EXAMPLE, example_form, row_counts, sign_in_as_demo_director, write_form


def test_register_prints_only_the_tracking_number(cli, database) -> None:
    before = row_counts(database)
    outcome = cli("--database", database.url, "register", str(EXAMPLE))
    assert outcome.code == 0, outcome.err
    assert outcome.out == "2026-0001\n"
    assert outcome.err == ""
    after = row_counts(database)
    assert after["cases"] == before["cases"] + 1
    assert after["case_descriptions"] == before["case_descriptions"] + 1


def test_register_continues_the_series_of_the_year(cli, database) -> None:
    numbers = [cli("--database", database.url, "register", str(EXAMPLE)).out.strip() for _ in range(3)]
    assert numbers == ["2026-0001", "2026-0002", "2026-0003"]


def test_show_json_gives_back_what_was_registered(cli, database, tmp_path) -> None:
    form = example_form()
    number = cli("--database", database.url, "register", str(write_form(tmp_path, form))).out.strip()

    outcome = cli("--database", database.url, "show", number, "--json")
    assert outcome.code == 0, outcome.err
    shown = json.loads(outcome.out)

    assert shown["tracking_number"] == number
    assert (shown["kind"], shown["category"], shown["level"]) == (form["kind"], form["category"], form["level"])
    assert shown["status"] == "registered"
    assert shown["received_on"] == form["description"]["received_on"]
    assert shown["channel"] == form["description"]["channel"]
    assert shown["registered_at"].startswith("2026-11-24T10:00")
    assert shown["confidential"] is False
    assert shown["description"] == form["description"]
    assert shown["handling"]["admissibility"] == "undecided"
    assert shown["closure"] == {"informed_on": None, "communication": "", "closed_on": None}
    assert shown["route"] == {
        "key": "daily_level_two",
        "steps": ["registered", "with_handler", "handled", "closed"],
        "current": "registered",
        "step_number": 1,
        "who_acts": ["receiver"],
        "waiting": "",
    }
    assert shown["admissibility"] == "undecided" and shown["grounds"] == [] and shown["verdict"] == "none"
    assert shown["steps"] == []


def test_show_json_gives_each_deadline_of_art5_as_a_date(cli, database, tmp_path) -> None:
    form = example_form()
    number = cli("--database", database.url, "register", str(write_form(tmp_path, form))).out.strip()
    shown = json.loads(cli("--database", database.url, "show", number, "--json").out)
    received = __import__("datetime").date.fromisoformat(form["description"]["received_on"])
    deadlines = shown["deadlines"]
    assert deadlines["handling"]["due_on"] == (received + __import__("datetime").timedelta(days=30)).isoformat()
    assert deadlines["acknowledgement"]["due_on"] > form["description"]["received_on"]
    assert deadlines["acknowledgement"]["done_on"] is None
    assert deadlines["waiting_for_complainant"] is False


def test_show_lists_the_steps_taken_on_the_route(cli, database, monkeypatch) -> None:
    cli("--database", database.url, "demo", "--complaints", "40", "--seed", "2")
    sign_in_as_demo_director(database, monkeypatch)
    shown = json.loads(cli("--database", database.url, "show", "2024-0001", "--json").out)
    assert shown["steps"], shown
    assert all(step["on"] >= shown["received_on"] for step in shown["steps"])
    assert shown["steps"][-1]["to_status"] == shown["status"] or shown["status"] != "closed"
    text = cli("--database", database.url, "show", "2024-0001").out
    assert "Route: " in text


def test_the_form_accepts_dutch_labels_and_fills_in_defaults(cli, database, tmp_path) -> None:
    form = {
        "kind": "Informatievraag",
        "level": 1,
        "description": {
            "channel": "Telefoon",
            "complainant_name": "Jos Peeters",
            "subject": "Openingsuren",
            "text": "Wanneer is het loket open?",
        },
    }
    number = cli("--database", database.url, "register", str(write_form(tmp_path, form))).out.strip()
    shown = json.loads(cli("--database", database.url, "show", number, "--json").out)
    assert (shown["kind"], shown["category"], shown["level"]) == ("information_request", "daily_operations", "1")
    assert shown["received_on"] == "2026-11-24"  # today, when the form does not say
    assert shown["description"]["complainant_language"] == "nl"


def test_register_reads_the_form_from_standard_input(cli, database, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    outcome = cli("--database", database.url, "register", "-")
    assert outcome.code == 0, outcome.err
    assert re.fullmatch(r"2026-\d{4}\n", outcome.out)


def test_show_as_text_uses_dutch_labels_and_dates(cli, database) -> None:
    number = cli("--database", database.url, "register", str(EXAMPLE)).out.strip()
    outcome = cli("show", number, "--database", database.url)
    assert outcome.code == 0, outcome.err
    for text in (
        f"Dossier {number}",
        "Soort registratie",
        "Klacht",
        "Dagelijkse werking",
        "20 november 2026",
        "Beschrijving",
        "Behandeling",
        "Afronding",
        "Marleen Wouters",
    ):
        assert text in outcome.out


def test_parts_the_caller_may_not_see_are_null(cli, database, tmp_path) -> None:
    form = example_form()
    form.update(category="personnel", level="2")
    form["description"]["staff_member"] = "Koen Maes"
    number = cli("--database", database.url, "register", str(write_form(tmp_path, form))).out.strip()

    receiver = Viewer(42, frozenset({Role.RECEIVER}), "Ontvanger")
    shown = json.loads(cli("--database", database.url, "show", number, "--json", viewer=receiver).out)
    assert shown["confidential"] is True
    assert shown["tracking_number"] == number and shown["status"] == "registered"
    assert shown["description"] is None and shown["handling"] is None and shown["closure"] is None

    text = cli("--database", database.url, "show", number, viewer=receiver).out
    assert "Koen Maes" not in text and "vertrouwelijk" in text

    director = json.loads(cli("--database", database.url, "show", number, "--json").out)
    assert director["description"]["staff_member"] == "Koen Maes"


@pytest.mark.parametrize("spelling", ["2026-1", "2026/0001", " 2026-0001 "])
def test_show_accepts_the_ways_people_write_a_number(cli, database, spelling: str) -> None:
    cli("--database", database.url, "register", str(EXAMPLE))
    outcome = cli("--database", database.url, "show", spelling, "--json")
    assert outcome.code == 0, outcome.err
    assert json.loads(outcome.out)["tracking_number"] == "2026-0001"


def test_the_embedded_database_is_used_when_none_is_given(cli, isolated_user_folders) -> None:
    assert cli("register", str(EXAMPLE)).out.strip() == "2026-0001"
    assert (isolated_user_folders / "kina-klachten.db").exists()
    assert json.loads(cli("show", "2026-0001", "--json").out)["tracking_number"] == "2026-0001"


def test_kina_database_url_is_used_when_no_option_is_given(cli, database, monkeypatch) -> None:
    monkeypatch.setenv("KINA_DATABASE_URL", database.url)
    assert cli("register", str(EXAMPLE)).out.strip() == "2026-0001"
    assert row_counts(database)["cases"] == 1


def test_a_plain_path_to_a_db_file_is_accepted(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("--database", "register.db", "register", str(EXAMPLE)).out.strip() == "2026-0001"
    assert (tmp_path / "register.db").exists()
