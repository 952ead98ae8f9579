"""argparse that speaks Dutch: its own words ("usage:", "options", its error messages) are
translated, and a usage error raises UsageError instead of printing and exiting.

argparse looks its messages up through the module-level names ``argparse._`` and
``argparse.ngettext``; they are swapped only while one of our parsers is working, so other
users of argparse in the same process (pytest, for one) are not affected.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import textwrap
from collections.abc import Iterator
from typing import Any, NoReturn

from kina_desktop.i18n import N_, _

# argparse's English msgids (Python 3.11-3.13) and their Dutch msgids.
_MESSAGES: dict[str, str] = {
    "usage: ": N_("gebruik: "),
    "positional arguments": N_("argumenten"),
    "options": N_("opties"),
    "optional arguments": N_("opties"),
    "show this help message and exit": N_("toon deze hulp en stop"),
    "show program's version number and exit": N_("toon het versienummer en stop"),
    "argument %(argument_name)s: %(message)s": N_("argument %(argument_name)s: %(message)s"),
    "the following arguments are required: %s": N_("deze argumenten ontbreken: %s"),
    "unrecognized arguments: %s": N_("onbekende argumenten: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("ongeldige keuze: %(value)r (kies uit %(choices)s)"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": N_(
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "expected one argument": N_("verwacht één waarde"),
    "expected at most one argument": N_("verwacht hoogstens één waarde"),
    "expected at least one argument": N_("verwacht minstens één waarde"),
    "invalid %(type)s value: %(value)r": N_("ongeldige waarde: %(value)r"),
    "ambiguous option: %(option)s could match %(matches)s": N_("dubbelzinnige optie: %(option)s kan %(matches)s zijn"),
    "one of the arguments %s is required": N_("een van deze argumenten is verplicht: %s"),
    "not allowed with argument %s": N_("niet samen met argument %s"),
    "ignored explicit argument %r": N_("genegeerd argument %r"),
    "unexpected option string: %s": N_("onverwachte optie: %s"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: fout: %(message)s\n"),
}
_PLURALS: dict[str, tuple[str, str]] = {"expected %s argument": (N_("verwacht %s waarde"), N_("verwacht %s waarden"))}


def _dutch(message: str) -> str:
    dutch = _MESSAGES.get(message)
    return _(dutch) if dutch is not None else message


def _dutch_plural(singular: str, plural: str, n: int) -> str:
    dutch = _PLURALS.get(singular)
    if dutch is None:
        return singular if n == 1 else plural
    # Marked as two N_() messages, so each is looked up on its own (the catalogs hold no
    # plural entry for them).
    return _(dutch[0] if n == 1 else dutch[1])


@contextlib.contextmanager
def dutch_messages() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _dutch, _dutch_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class UsageError(Exception):
    """The command line is wrong; ``str(error)`` is the Dutch message, ``prog`` the (sub)command."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


class HelpFormatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own and keeps indented lines (the
    examples) as they are; lists the subcommands without a header line."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=min(100, shutil.get_terminal_size().columns))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for line in text.splitlines():
            if not line.strip() or line[0].isspace():
                lines.append(indent + line)
            else:
                lines += textwrap.wrap(line, width, initial_indent=indent, subsequent_indent=indent)
        return "\n".join(lines)

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(sub) for sub in action._get_subactions())
        return super()._format_action(action)


class DutchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs.setdefault("add_help", False)
        with dutch_messages():
            super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help=_("toon deze hulp en stop"))

    def parse_args(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def,override]
        with dutch_messages():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def,override]
        with dutch_messages():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with dutch_messages():
            return super().format_usage()

    def format_help(self) -> str:
        with dutch_messages():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)
