"""Art. 4 on real mail: every message of the corpora of real messages (real .eml and Outlook .msg
files from the test suites of other mail and Outlook parsers, each with its source and licence in
its corpus's SOURCES.md; tests/intake/public_corpus.py) is read and then registered, or set aside
when it is a delivery report, or refused as a whole: nothing is ever half-registered. What the
intake read is compared with an independent reader (the standard library's ``email`` for .eml,
extract-msg for .msg): sender, subject, date of receipt, body text and attachment names. Every
difference is listed with its reason in tests/intake/known_differences.md, in its corpus's section;
one that is not listed fails, and so does a listed one that no longer occurs (the list stays true).

The ``registry`` corpus (tests/intake/corpus_registry, from registry packages) is in the repository
and always runs. The ``fetched`` corpus (taken with the fetch tool, which by the workplace's rule
stays out of the repository) runs where it is present (/work/mail-corpus-fetched, or
``KINA_FETCHED_MAIL_CORPUS``) and is skipped with the reason otherwise.

All files run on SQLite; a sample of them also on PostgreSQL."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Case, IntakeMessage
from kina_desktop.domain.intake import Disposition, IncomingMessage, MessageSource, folder_plan
from kina_desktop.domain.visibility import Viewer
from kina_desktop.mail.message_reading import MessageUnreadable
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.documents import DocumentRefused
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ValidationFailed
from tests.conftest import NOW, pg_database
from tests.intake.public_corpus import (
    CORPORA,
    FETCHED,
    FETCHED_ABSENT,
    FIELDS,
    REGISTRY,
    corpus_files,
    corpus_name,
    corpus_present,
    corpus_root,
    differences,
    known_differences,
    our_reading,
    outlook_reading,
    standard_reading,
)
from tests.intake.test_intake_service import counts

FILES = {corpus: corpus_files(corpus) for corpus in CORPORA}
LISTED = {corpus: known_differences(corpus) for corpus in CORPORA}
SKIP_FETCHED = pytest.mark.skip(reason=FETCHED_ABSENT)


def corpus_params(files: dict[str, list[Path]]) -> list[object]:
    """(corpus, path) for every file; one skipped entry for a corpus that is not here."""
    params: list[object] = []
    for corpus in CORPORA:
        if corpus_present(corpus):
            params += [pytest.param(corpus, p, id=f"{corpus}:{corpus_name(p, corpus)}") for p in files[corpus]]
        else:
            assert corpus == FETCHED, f"the {corpus} corpus is missing at {corpus_root(corpus)}"
            params.append(pytest.param(corpus, None, id=f"{corpus}:absent", marks=SKIP_FETCHED))
    return params


# A few of every kind for PostgreSQL: plain, HTML, a bounce, a forward, an attached message,
# attachments with encoded names, Outlook with attachments, an Outlook message inside one, a
# signed Outlook message, a fuzzed Outlook file.
PG_SAMPLE = {
    REGISTRY: (
        "eml/cpython/msg_01.eml",
        "eml/cpython/msg_43.eml",
        "eml/cpython/msg_46.eml",
        "eml/cpython/msg_16.eml",
        "eml/rspamd/zip.eml",
        "eml/eml-format/multipart.eml",
        "msg/apache-poi/hsmf__attachment_msg_pdf.msg",
        "msg/apache-poi/hsmf__58214_with_attachment.msg",
        "msg/apache-poi/hsmf__logsat.com_signatures_valid.msg",
        "msg/email-outlook-message/gpg_signed.msg",
        "msg/apache-poi/poifs__unknown_properties.msg",
    ),
    FETCHED: (
        "eml/mikel-mail/emails__plain_emails__basic_email.eml",
        "eml/flanker/bounce__office365.eml",
        "eml/mikel-mail/emails__attachment_emails__attachment_with_base64_encoded_name.eml",
        "eml/mikel-mail/emails__attachment_emails__attachment_message_rfc822.eml",
        "eml/sicos-msgreader/TestWithAttachmentsAndInlines.eml",
        "msg/apache-poi/hsmf__attachment_msg_pdf.msg",
        "msg/hiraoka-msgreader/test__msgInMsgInMsg.msg",
        "msg/apache-poi/hsmf__logsat.com_signatures_valid.msg",
        "msg/apache-poi/hsmf__clusterfuzz-testcase-minimized-POIHSMFFuzzer-4848576776503296.msg",
    ),
}


def pg_params() -> list[object]:
    params: list[object] = []
    for corpus in CORPORA:
        marks = () if corpus_present(corpus) else (SKIP_FETCHED,)
        params += [pytest.param(corpus, name, id=f"{corpus}:{name}", marks=marks) for name in PG_SAMPLE[corpus]]
    return params


def intake_outcome(database: Database, viewer: Viewer, path: Path) -> IncomingMessage | None:
    """Read the file and register it as the draft proposes it (or set a delivery report aside):
    the case, the original message, the attachments the folder accepts and the Message-ID, or
    nothing at all. The message read, None when it was refused as unreadable."""
    ctx = ServiceContext(database, viewer, clock=lambda: NOW)
    services = Services.for_context(ctx)
    intake = services.intake
    data = path.read_bytes()
    before = counts(database)
    try:
        message = intake.read(data, path.name)
    except MessageUnreadable:
        assert counts(database) == before
        return None
    if message.not_a_complaint:
        assert intake.set_aside_if_no_complaint(message, MessageSource.FILE)
        record = intake.record_for(message.message_id)
        assert record is not None and record.disposition == Disposition.NOT_A_COMPLAINT and record.case_id is None
        after = counts(database)
        assert (after["cases"], after["documents"], after["numbers"]) == (
            before["cases"],
            before["documents"],
            before["numbers"],
        )
        return message
    draft = intake.draft_for(message)
    try:
        record = intake.register_message(message, draft)
    except (ValidationFailed, DocumentRefused) as refused:
        assert refused.message  # a Dutch reason for the person
        assert counts(database) == before  # nothing half-registered: no case, no file, no number
        if not isinstance(refused, ValidationFailed):
            return message
        # as the person does: fill in what the message lacks (most often the sender's address of
        # an Outlook draft, appointment or contact) and register again
        description = dataclasses.replace(
            draft.description,
            complainant_name=draft.description.complainant_name or "Onbekende afzender",
            complainant_email=draft.description.complainant_email or "onbekend@kina.be",
        )
        record = intake.register_message(message, dataclasses.replace(draft, description=description))
    documents = services.documents.list(record.header.id)
    assert tuple(d.filename for d in documents) == folder_plan(message).kept_names
    assert services.documents.content(documents[0].id) == data  # the original, byte for byte
    assert intake.seen(message.message_id)
    with database.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Case)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(IntakeMessage)).scalar_one() == 1
    return message


def compared(path: Path, message: IncomingMessage | None) -> dict[str, str]:
    """The fields in which the intake's reading differs from the independent reader's."""
    data = path.read_bytes()
    try:
        theirs = outlook_reading(data) if path.suffix.lower() == ".msg" else standard_reading(data)
    except Exception as error:  # the oracle cannot read it: there is nothing to compare
        return {"read": f"the oracle fails: {type(error).__name__}: {error}"[:200]}
    if message is None:
        return {"read": "the intake refuses it as unreadable; the oracle reads it"}
    return differences(our_reading(message), theirs)


def check_against_the_list(corpus: str, path: Path, found: dict[str, str]) -> None:
    name = corpus_name(path, corpus)
    listed = LISTED[corpus].get(name, {})
    unlisted = {field: detail for field, detail in found.items() if field not in listed}
    assert not unlisted, f"{corpus}:{name}: differences not in known_differences.md: {unlisted}"
    gone = sorted(set(listed) - set(found))
    assert not gone, (
        f"{corpus}:{name}: listed in known_differences.md but no longer different: {gone} (remove the line)"
    )


@pytest.mark.parametrize(("corpus", "path"), corpus_params(FILES))
def test_a_real_message_is_registered_whole_or_not_at_all_and_reads_as_an_independent_parser_reads_it(
    corpus: str, path: Path, sqlite_database: Database, director: Viewer
) -> None:
    message = intake_outcome(sqlite_database, director, path)
    check_against_the_list(corpus, path, compared(path, message))


@pytest.mark.postgres
@pytest.mark.parametrize(("corpus", "name"), pg_params())
def test_a_sample_of_real_messages_on_postgresql(
    corpus: str, name: str, request: pytest.FixtureRequest, director: Viewer
) -> None:
    database = pg_database(request, "kina_test", request.getfixturevalue("pg_template"))
    path = corpus_root(corpus) / name
    message = intake_outcome(database, director, path)
    check_against_the_list(corpus, path, compared(path, message))


def _table(root: Path, columns: int) -> list[list[str]]:
    rows = []
    for line in (root / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == columns:
            rows.append(cells)
    return rows


REGISTRY_LICENCES = {
    "PSF-2.0",
    "Apache-2.0",
    "MIT",
    "BSD-2-Clause",
    "ISC",
    "Zlib",
    "Artistic-1.0-Perl OR GPL-1.0-or-later",
}


def test_the_registry_corpus_is_large_enough_and_every_file_has_its_source_and_licence() -> None:
    """Files from registry packages only (no fetched file), each with its package, version,
    registry, path in the package and licence, and the licence text of every source beside it."""
    root = corpus_root(REGISTRY)
    files = FILES[REGISTRY]
    msgs = [p for p in files if p.suffix.lower() == ".msg"]
    emls = [p for p in files if p.suffix.lower() == ".eml"]
    # 41 real Outlook files are all that the registries reachable here hold (see SOURCES.md); the
    # fetched corpus adds 107 more where it is present
    assert len(msgs) >= 40 and len(emls) >= 100
    assert all(p.stat().st_size <= 2 * 1024 * 1024 for p in files)
    per_source = {cells[0]: cells for cells in _table(root, 8) if cells[0] not in ("source", "---", "**total**")}
    rows = {cells[0]: cells for cells in _table(root, 4) if cells[0].endswith((".eml", ".msg"))}
    assert sorted(rows) == sorted(corpus_name(p) for p in files)
    for name, (_file, source, package_path, licence) in rows.items():
        assert licence in REGISTRY_LICENCES and package_path, name
        _source, _package, _version, registry, s_licence, _emls, _msgs, texts = per_source[source]
        assert registry.split(" ")[0] in ("Debian", "PyPI", "npm"), name
        assert licence == s_licence and name.split("/")[1] == source, name
        for text in texts.split(","):
            assert (root / text.strip()).is_file(), (name, text)
    assert len(per_source) >= 5  # several suites, several Outlook and mail programs


@pytest.mark.skipif(not corpus_present(FETCHED), reason=FETCHED_ABSENT)
def test_the_fetched_corpus_has_its_source_and_licence_for_every_file() -> None:
    root = corpus_root(FETCHED)
    files = FILES[FETCHED]
    assert all(p.stat().st_size <= 2 * 1024 * 1024 for p in files)
    rows = {cells[0]: cells for cells in _table(root, 5) if cells[0].endswith((".eml", ".msg"))}
    per_source = {cells[0]: cells for cells in _table(root, 6) if "/" in cells[0]}
    assert sorted(rows) == sorted(corpus_name(p, FETCHED) for p in files)
    for name, (_file, repository, source_path, commit, licence) in rows.items():
        assert source_path.endswith((".eml", ".msg")), name
        assert licence in ("MIT", "Apache-2.0"), name
        _source, source_commit, source_licence, _emls, _msgs, texts = per_source[repository]
        assert (commit, licence) == (source_commit, source_licence) and re.fullmatch(r"[0-9a-f]{40}", commit), name
        for text in texts.split(","):
            assert (root / text.strip()).is_file(), (name, text)


@pytest.mark.parametrize("corpus", CORPORA)
def test_the_list_of_known_differences_names_only_files_and_fields_of_the_corpus(corpus: str) -> None:
    if not corpus_present(corpus):
        pytest.skip(FETCHED_ABSENT)
    names = {corpus_name(p, corpus) for p in FILES[corpus]}
    for name, fields in LISTED[corpus].items():
        assert name in names, f"known_differences.md names {name}, which is not in the {corpus} corpus"
        assert set(fields) <= set(FIELDS), name
