"""``kina-desktop register FILE.json``: register one complaint from the JSON form."""

from __future__ import annotations

import argparse
import codecs

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import CommandError
from kina_desktop.cli.input_file import read_input
from kina_desktop.i18n import _
from kina_desktop.services.errors import ValidationFailed

MAX_FILE_BYTES = 5_000_000  # far above any real complaint; stops a wrong file early


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "register",
        help=_("registreer één klacht uit een JSON-bestand"),
        description=_(
            "Registreert één klacht, informatievraag of anonieme melding uit een JSON-bestand "
            "(UTF-8) en toont het opvolgingsnummer dat ze kreeg. Het formulier staat beschreven "
            "in docs/register-json.md; een voorbeeld staat in resources/examples/klacht.json. "
            "Bij een fout in het bestand wordt niets geregistreerd en meldt de opdracht welk "
            "veld (en op welke regel) niet klopt."
        ),
        epilog=_(
            "Voorbeelden:\n"
            "  kina-desktop register klacht.json\n"
            "  kina-desktop register - < klacht.json      (het formulier via de standaardinvoer)"
        ),
    )
    parser.add_argument("file", metavar=_("BESTAND"), help=_("het JSON-bestand, of - voor de standaardinvoer"))
    parser.set_defaults(handler=run)


def read_form_text(name: str) -> str:
    """The text of the JSON file (UTF-8, with or without byte order mark)."""
    data = read_input(name, MAX_FILE_BYTES, stdin=True)
    if len(data) > MAX_FILE_BYTES:
        raise CommandError(_("{file} is te groot voor één klacht (meer dan 5 MB)").format(file=name))
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")  # Windows Notepad's "Unicode"
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CommandError(
            _("{file}, regel {line}: het bestand is geen UTF-8-tekst; bewaar het als UTF-8").format(
                file=name, line=line
            )
        ) from None


def run(args: argparse.Namespace, env: Environment) -> int:
    from kina_desktop.services.intake.json_form import FormError, draft_from_json, problems_text

    name = args.file
    text = read_form_text(name)
    try:
        draft = draft_from_json(text, env.now().date())
    except FormError as error:
        raise CommandError(f"{name}: {error.message}") from None
    with env.services() as services:
        try:
            record = services.cases.register(draft)
        except ValidationFailed as error:
            raise CommandError(
                _("{file}: niet geregistreerd: {problems}").format(
                    file=name, problems=problems_text(text, error.problems)
                )
            ) from None
    print(record.tracking_number)
    return 0
