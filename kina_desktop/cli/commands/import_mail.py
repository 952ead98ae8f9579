"""``kina-desktop import-mail FILE...``: register complaints from saved e-mails (.eml, .msg)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import EXIT_INPUT, EXIT_OK, one_line
from kina_desktop.i18n import _
from kina_desktop.services.errors import DatabaseUnavailable, ServiceError, ValidationFailed
from kina_desktop.services.intake.intake_service import MessageAlreadyHandled


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-mail",
        help=_("registreer klachten uit bewaarde e-mails (.eml of Outlook .msg)"),
        description=_(
            "Registreert elk bericht als klacht (kanaal e-mail, datum van ontvangst = de datum van het "
            "bericht, afzender, onderwerp en tekst) en bewaart het oorspronkelijke bericht en zijn bijlagen "
            "in de klachtenmap. Per bestand verschijnt één regel met het opvolgingsnummer. Een bericht dat "
            "al geregistreerd is (zelfde Message-ID) wordt niet opnieuw geregistreerd en krijgt een regel "
            "‘opgelet’ met zijn opvolgingsnummer. Een bestand dat niet "
            "gelezen kan worden, krijgt een foutregel; de andere worden toch geregistreerd, en de opdracht "
            "eindigt dan met afsluitcode 2."
        ),
        epilog=_(
            "Voorbeelden:\n"
            "  kina-desktop import-mail klacht.eml\n"
            "  kina-desktop import-mail postvak/*.eml postvak/*.msg"
        ),
    )
    parser.add_argument("files", nargs="+", metavar=_("BESTAND"), help=_("een .eml- of .msg-bestand"))
    parser.set_defaults(handler=run)


def _read_file(name: str) -> bytes:
    path = Path(name)
    if path.is_dir():
        raise ServiceError(_("is een map, geen bestand"))
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ServiceError(_("bestaat niet")) from None
    except PermissionError:
        raise ServiceError(_("kan niet gelezen worden: geen toegang")) from None
    except OSError as error:
        raise ServiceError(_("kan niet gelezen worden: {reason}").format(reason=error.strerror or error)) from None


def run(args: argparse.Namespace, env: Environment) -> int:
    failed = 0
    with env.services() as services:
        intake = services.intake
        for name in args.files:
            try:
                data = _read_file(name)
                message = intake.read(data, Path(name).name)
                record = intake.register_message(message, intake.draft_for(message))
            except DatabaseUnavailable:
                raise
            except MessageAlreadyHandled as error:
                _fail(name, error.message, _("opgelet"))
                continue
            except ValidationFailed as error:
                failed += 1
                _fail(
                    name,
                    _("niet geregistreerd: {problems}").format(problems="; ".join(p.message for p in error.problems)),
                )
                continue
            except ServiceError as error:
                failed += 1
                _fail(name, error.message)
                continue
            print(f"{record.tracking_number}\t{name}", flush=True)
    return EXIT_INPUT if failed else EXIT_OK


def _fail(name: str, message: str, label: str = "") -> None:
    print(f"kina-desktop: {label or _('fout')}: {name}: {one_line(message)}", file=sys.stderr, flush=True)
