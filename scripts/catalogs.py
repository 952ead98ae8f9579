"""The gettext catalogs of KINA Klachten: Dutch msgids, French and English translations.

    python scripts/catalogs.py update      extract -> kina.pot, merge into fr/en .po, compile .mo
    python scripts/catalogs.py todo        JSON of what is missing, untranslated or fuzzy
    python scripts/catalogs.py fill FILE   put the translations of such a JSON file (filled in) into the .po files
    python scripts/catalogs.py check       list the problems (exit 1 when there are any)

The messages are extracted as babel.cfg says: ``_()``, ``ngettext()`` and ``N_()`` in the Python
sources of kina_desktop/, and every <string> of the Designer forms in ui/ that is not marked
notr="true" (pyside6-uic hands those to QCoreApplication.translate, which
gui/shell/gettext_translator.py answers with ``_()``). The .po files and the compiled .mo files are
committed, so that a checkout, a pip install and the PyInstaller bundle have them without a
build step; tests/test_catalogs.py fails when a catalog misses a message, has an empty or fuzzy
translation, a translation whose placeholders differ, or a .mo that is older than its .po.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
import xml.parsers.expat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "babel.cfg"
SOURCE_DIRS = ("kina_desktop", "ui")
LOCALE_DIR = ROOT / "kina_desktop" / "locale"
DOMAIN = "kina"
LANGUAGES = ("fr", "en")
KEYWORDS: dict[str, Any] = {"_": None, "ngettext": (1, 2), "N_": None}
PROJECT = "KINA Klachten"
COPYRIGHT = "KINA p.v."
# Lines of a .po/.pot header that change on every run; a file is rewritten only when more changed.
# Header lines that say when and with which Babel a file was written, not what it means.
VOLATILE = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date|Generated-By): .*\\n"\n', re.MULTILINE)

# {name} {0} {}  and  %s %d %(name)s %r %%
PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_.!:\[\]]*\}|%(?:\([A-Za-z0-9_]+\))?[-#0+]*\d*(?:\.\d+)?[sdirfxXeEgGc%]")
ACCELERATOR = re.compile(r"(?<!&)&(?=[^&\s])")


# -- extraction ------------------------------------------------------------------------------------


def extract_ui(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str | None, str, list[str]]]:  # type: ignore[no-untyped-def]
    """Babel extractor for Qt Designer files: every <string> not marked notr="true"."""
    found: list[tuple[int, str | None, str, list[str]]] = []
    stack: list[tuple[bool, int, list[str]]] = []  # (translatable, line, text) per open <string>
    form: list[str] = []
    parser = xml.parsers.expat.ParserCreate("utf-8")

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == "string":
            stack.append((attributes.get("notr") != "true", parser.CurrentLineNumber, []))
        elif name == "class" and not form:
            form.append("")

    def text(data: str) -> None:
        if stack:
            stack[-1][2].append(data)
        elif len(form) == 1 and not form[0]:
            form[0] = data.strip()

    def end(name: str) -> None:
        if name == "string" and stack:
            translatable, line, parts = stack.pop()
            message = "".join(parts)
            if translatable and message:
                found.append((line, None, message, [f"Designer: {form[0] if form else ''}"]))
        elif name == "class" and form and form[0]:
            form.append("done")

    parser.StartElementHandler = start
    parser.CharacterDataHandler = text
    parser.EndElementHandler = end
    parser.ParseFile(fileobj)
    yield from found


def _mapping() -> tuple[list[tuple[str, Any]], dict[str, dict[str, Any]]]:
    with CONFIG.open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config, str(CONFIG))
    # The extractor of this file, also when this module was not imported as ``catalogs``.
    resolved = [(pattern, extract_ui if method == "catalogs:extract_ui" else method) for pattern, method in method_map]
    return resolved, options_map


def extract(root: Path = ROOT) -> Catalog:
    """Every message of the sources under ``root`` as a template catalog (nothing is written)."""
    method_map, options_map = _mapping()
    template = Catalog(project=PROJECT, copyright_holder=COPYRIGHT, domain=DOMAIN, fuzzy=False)
    template.header_comment = "# The messages of KINA Klachten; the msgids are Dutch. Made by scripts/catalogs.py."
    for directory in SOURCE_DIRS:
        found = extract_from_dir(root / directory, method_map, options_map, KEYWORDS)
        for filename, lineno, message, comments, context in found:
            location = f"{directory}/{filename}".replace("\\", "/")
            template.add(message, None, [(location, lineno)], auto_comments=comments, context=context)
    return template


# -- files -----------------------------------------------------------------------------------------


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def pot_path() -> Path:
    return LOCALE_DIR / f"{DOMAIN}.pot"


def po_bytes(catalog: Catalog) -> bytes:
    for message in catalog:
        # "{percent}% gelijk" reads as the %-format "% g" to Babel; a message with {placeholders}
        # is formatted with str.format, so msgfmt --check must not compare %-formats in it.
        if "python-brace-format" in message.flags:
            message.flags.discard("python-format")
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, ignore_obsolete=True, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` unless only the dates of the header would change."""
    if path.exists() and VOLATILE.sub(b"", path.read_bytes()) == VOLATILE.sub(b"", content):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def read_catalog(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, project=PROJECT, copyright_holder=COPYRIGHT, fuzzy=False)
    with path.open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


def save_catalog(language: str, catalog: Catalog) -> None:
    """Write the .po (only when more than its dates changed) and compile the .mo from the .po
    as it now is on disk: a run that changes no message leaves both files as they were, and
    the .mo is never newer than its .po (``stale_mo`` compares their content)."""
    catalog.last_translator = catalog.language_team = f"{PROJECT} <{COPYRIGHT}>"
    catalog.revision_date = dt.datetime.now(dt.UTC)
    _write_if_changed(po_path(language), po_bytes(catalog))
    if stale_mo(language):
        mo_path(language).write_bytes(mo_bytes(read_catalog(language)))


# -- checks ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    language: str
    msgid: str
    what: str

    def __str__(self) -> str:
        return f"[{self.language}] {self.what}: {self.msgid!r}"


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string or ""]


def translation_problems(message: Message) -> list[str]:
    """What is wrong with one translated message (empty when it is fine)."""
    ids, strings = _ids(message), _strings(message)
    if not all(strings):
        return ["untranslated"]
    if message.fuzzy:
        return ["fuzzy"]
    found = []
    for index, string in enumerate(strings):
        source = ids[min(index, len(ids) - 1)]
        if placeholders(source) != placeholders(string):
            found.append(f"placeholders {placeholders(source)} != {placeholders(string)} in {string!r}")
        if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(string)):
            found.append(f"accelerator (&) differs in {string!r}")
        if source.endswith("\n") != string.endswith("\n") or source.startswith("\n") != string.startswith("\n"):
            found.append(f"leading/trailing newline differs in {string!r}")
    return found


def problems(template: Catalog, language: str, catalog: Catalog | None = None) -> list[Problem]:
    """Everything the catalog of ``language`` lacks for the messages of ``template``."""
    catalog = catalog if catalog is not None else read_catalog(language)
    found: list[Problem] = []
    for wanted in template:
        if not wanted.id:
            continue
        message = catalog.get(wanted.id, wanted.context)
        if message is None:
            found.append(Problem(language, _ids(wanted)[0], "missing"))
            continue
        if _ids(message) != _ids(wanted):
            found.append(Problem(language, _ids(wanted)[0], "plural form differs from the sources"))
            continue
        found.extend(Problem(language, _ids(wanted)[0], what) for what in translation_problems(message))
    return found


def mo_meaning(mo: bytes) -> tuple[tuple[str, str, str], frozenset[tuple[Any, ...]]]:
    """What a compiled catalog means to gettext: its charset, plural rule and language, and every
    message with its context, ids and translations. Not the header's tool name or dates: a newer
    Babel that compiles the same messages makes a .mo with the same meaning."""
    catalog = read_mo(io.BytesIO(mo))
    header = (catalog.charset, catalog.plural_forms, str(catalog.locale))
    messages = frozenset((m.context, tuple(_ids(m)), tuple(_strings(m))) for m in catalog if m.id)
    return header, messages


def stale_mo(language: str) -> bool:
    """True when the committed .mo does not hold what the .po compiles to."""
    path = mo_path(language)
    return not path.exists() or mo_meaning(path.read_bytes()) != mo_meaning(mo_bytes(read_catalog(language)))


# -- commands --------------------------------------------------------------------------------------


def update() -> dict[str, int]:
    """Extract, merge into every language, compile; the number of messages still to translate."""
    template = extract()
    _write_if_changed(pot_path(), po_bytes(template))
    todo = {}
    for language in LANGUAGES:
        catalog = read_catalog(language)
        catalog.update(template, update_header_comment=True, update_creation_date=False)
        catalog.obsolete.clear()
        save_catalog(language, catalog)
        todo[language] = len(problems(template, language, catalog))
    print(f"{len(template)} messages in {pot_path().relative_to(ROOT)}")
    for language, count in todo.items():
        print(f"{language}: {count} to do" if count else f"{language}: complete")
    return todo


def todo() -> dict[str, dict[str, Any]]:
    """{msgid: {"plural": ..., "fr": suggestion, "en": suggestion}} for what needs a translator."""
    template = extract()
    wanted: dict[str, dict[str, Any]] = {}
    for language in LANGUAGES:
        catalog = read_catalog(language)
        for problem in problems(template, language, catalog):
            message = catalog.get(problem.msgid)
            entry = wanted.setdefault(problem.msgid, {})
            source = template.get(problem.msgid)
            if source is not None and isinstance(source.id, (list, tuple)):
                entry["plural"] = source.id[1]
            suggestion: Any = ""
            if message is not None and message.string:
                suggestion = list(message.string) if isinstance(message.string, (list, tuple)) else message.string
            entry[language] = suggestion
            entry.setdefault("why", []).append(f"{language}: {problem.what}")
    return wanted


def fill(translations: dict[str, dict[str, Any]]) -> int:
    """Put the translations in; returns how many were set."""
    count = 0
    for language in LANGUAGES:
        catalog = read_catalog(language)
        for msgid, entry in translations.items():
            string = entry.get(language)
            message = catalog.get(msgid)
            if not string or message is None:
                continue
            if isinstance(message.id, (list, tuple)):
                if not isinstance(string, (list, tuple)):
                    raise SystemExit(f"{language}: {msgid!r} needs a list (singular, plural)")
                message.string = tuple(string)
            else:
                message.string = string
            message.flags.discard("fuzzy")
            count += 1
        save_catalog(language, catalog)
    return count


def check() -> list[str]:
    template = extract()
    found = [str(p) for language in LANGUAGES for p in problems(template, language)]
    found += [
        f"[{language}] {mo_path(language).relative_to(ROOT)} is stale" for language in LANGUAGES if stale_mo(language)
    ]
    return found


def main(argv: Iterable[str]) -> int:
    args = list(argv)
    command = args[0] if args else "update"
    if command == "update":
        update()
        return 0
    if command == "todo":
        json.dump(todo(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if command == "fill" and len(args) == 2:
        print(f"{fill(json.loads(Path(args[1]).read_text(encoding='utf-8')))} translations set")
        return 0
    if command == "check":
        found = check()
        print("\n".join(found) or "complete")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
