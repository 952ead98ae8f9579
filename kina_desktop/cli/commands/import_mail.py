"""``kina-desktop import-mail FILE...``: register complaints from saved e-mails (.eml, .msg)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kina_desktop.cli.environment import Environment
from kina_desktop.cli.failures import EXIT_INPUT, EXIT_OK, one_line
from kina_desktop.domain.enums import Kind
from kina_desktop.i18n import _
from kina_desktop.services.errors import DatabaseUnavailable, ServiceError, ValidationFailed

if TYPE_CHECKING:  # loaded when the command runs (tests/test_lazy_start.py)
    from kina_desktop.services.intake.intake_service import ImportedMessage


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-mail",
        help=_("registreer klachten uit bewaarde e-mails (.eml of Outlook .msg)"),
        description=_(
            "Registreert elk bericht als klacht (kanaal e-mail, datum van ontvangst = de datum van het "
            "bericht, afzender, onderwerp en tekst) en bewaart het oorspronkelijke bericht en zijn bijlagen "
            "in de klachtenmap. Met --kind wordt het een informatievraag of een anonieme melding (Art. 3): "
            "die krijgen geen ontvangstbevestiging en geen klachtenmap. Per bestand verschijnt één regel "
            "met het opvolgingsnummer en de bestandsnaam, gescheiden door een tab. Daaronder staan, "
            "ingesprongen met een tab, de opmerkingen bij het inlezen (die ook in de geschiedenis van het "
            "dossier staan) en het voorgestelde betrokken OCMW, afgeleid uit het e-mailadres of de "
            "handtekening: een voorstel, dat alleen ingevuld wordt met --accept-organisation. Een tekst "
            "die te lang is voor het veld houdt het begin en het einde; de volledige tekst komt als "
            ".txt-bestand in de klachtenmap. Een bericht dat al geregistreerd is (zelfde Message-ID) "
            "wordt niet opnieuw geregistreerd en krijgt een regel ‘opgelet’ met zijn opvolgingsnummer. "
            "Een bestand dat niet gelezen kan worden, krijgt een foutregel; de andere worden toch "
            "geregistreerd, en de opdracht eindigt dan met afsluitcode 2."
        ),
        epilog=_(
            "Voorbeelden:\n"
            "  kina-desktop import-mail klacht.eml\n"
            "  kina-desktop import-mail postvak/*.eml postvak/*.msg\n"
            "  kina-desktop import-mail --kind information_request vraag.eml\n"
            "  kina-desktop import-mail --accept-organisation doorgestuurd.msg"
        ),
    )
    parser.add_argument("files", nargs="+", metavar=_("BESTAND"), help=_("een .eml- of .msg-bestand"))
    parser.add_argument(
        "--kind",
        type=_kind,
        default=Kind.COMPLAINT,
        metavar=_("SOORT"),
        help=_(
            "registreer als complaint (klacht, de standaard), information_request (informatievraag) of "
            "anonymous_report (anonieme melding); de laatste twee zijn geen klacht (Art. 3)"
        ),
    )
    parser.add_argument(
        "--accept-organisation",
        action="store_true",
        help=_(
            "vul het voorgestelde betrokken OCMW ook in (zonder deze optie wordt het alleen getoond en in "
            "de geschiedenis genoteerd)"
        ),
    )
    parser.set_defaults(handler=run)


def _kind(text: str) -> Kind:
    """The kind of registration named on the command line (Art. 3)."""
    wanted = text.strip().lower().replace("-", "_")
    for kind in Kind:
        if wanted in (kind.value, kind.label().lower().replace(" ", "_")):
            return kind
    raise argparse.ArgumentTypeError(
        _(
            "onbekende soort ‘{text}’: kies complaint (klacht), information_request (informatievraag) "
            "of anonymous_report (anonieme melding)"
        ).format(text=text)
    )


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
    from kina_desktop.services.intake.intake_service import MessageAlreadyHandled

    failed = 0
    with env.services() as services:
        intake = services.intake
        for name in args.files:
            try:
                data = _read_file(name)
                message = intake.read(data, Path(name).name)
                imported = intake.import_message(message, args.kind, take_organisation=args.accept_organisation)
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
            _print_imported(imported, name)
    return EXIT_INPUT if failed else EXIT_OK


def _print_imported(imported: ImportedMessage, name: str) -> None:
    """The tracking number and the file, then one indented line per note of the intake and for
    the organisation proposed."""
    lines = [f"{imported.record.tracking_number}\t{name}"]
    lines += ["\t" + _("opmerking: {note}").format(note=one_line(note)) for note in imported.notes]
    proposal = imported.organisation
    if proposal is not None:
        if imported.organisation_stored:
            text = _("betrokken OCMW ‘{organisation}’ ingevuld ({reason})")
        else:
            text = _("voorstel: betrokken OCMW ‘{organisation}’ ({reason}); niet ingevuld, zie --accept-organisation")
        lines.append("\t" + text.format(organisation=proposal.organisation, reason=proposal.reason()))
    print("\n".join(lines), flush=True)


def _fail(name: str, message: str, label: str = "") -> None:
    print(f"kina-desktop: {label or _('fout')}: {name}: {one_line(message)}", file=sys.stderr, flush=True)
