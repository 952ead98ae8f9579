"""The text of an Outlook message whose body is stored only as compressed RTF (PR_RTF_COMPRESSED):
decompression as in [MS-OXRTFCP] and a small RTF reader that keeps the words and paragraphs and
drops fonts, colours, pictures and other destinations.

RTF that Outlook made from an HTML mail ([MS-OXRTFEX], ``\\fromhtml``) carries the HTML in
``\\htmltag`` groups; that HTML is given back as such (the caller makes it plain text). Only
what a person needs to read the complaint: the original message stays in the complaint folder.
"""

from __future__ import annotations

import codecs
import re
import struct
from dataclasses import dataclass

_LZFU, _MELA = 0x75465A4C, 0x414C454D
# The dictionary's initial contents ([MS-OXRTFCP] 2.1.3.1.1), 207 bytes.
_PREBUF = (
    b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
    b"\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
    b"\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx"
)
_MAX_OUTPUT = 64 * 1024 * 1024


def decompress_rtf(data: bytes) -> bytes:
    """The RTF in a PR_RTF_COMPRESSED value; ValueError when it is no compressed RTF."""
    if len(data) < 16:
        raise ValueError("too short for compressed RTF")
    comp_size, raw_size, comp_type, _crc = struct.unpack_from("<IIII", data)
    if comp_type == _MELA:  # stored without compression
        return data[16 : 16 + raw_size]
    if comp_type != _LZFU:
        raise ValueError("not compressed RTF")
    dictionary = bytearray(4096)
    dictionary[: len(_PREBUF)] = _PREBUF
    write = len(_PREBUF)
    out = bytearray()
    pos, end = 16, min(len(data), comp_size + 4)
    while pos < end and len(out) < _MAX_OUTPUT:
        control = data[pos]
        pos += 1
        for bit in range(8):
            if pos >= end:
                break
            if control & (1 << bit):
                if pos + 1 >= end:
                    return bytes(out)
                reference = (data[pos] << 8) | data[pos + 1]
                pos += 2
                offset, length = reference >> 4, (reference & 0xF) + 2
                if offset == write:  # the end marker
                    return bytes(out)
                for k in range(length):
                    byte = dictionary[(offset + k) & 0xFFF]
                    out.append(byte)
                    dictionary[write] = byte
                    write = (write + 1) & 0xFFF
            else:
                byte = data[pos]
                pos += 1
                out.append(byte)
                dictionary[write] = byte
                write = (write + 1) & 0xFFF
    return bytes(out)


@dataclass(frozen=True)
class RtfText:
    text: str
    is_html: bool  # ``text`` is the HTML of a message Outlook kept as RTF


_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|([^\\{}\r\n]+)"
)
# Groups that hold no text of the message.
_SKIPPED = {
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "xmlnstbl",
    "mmathpr",
    "filetbl",
    "revtbl",
    "pgdsctbl",
    "fldinst",
    "xe",
    "tc",
    "footnote",
    "nonshppict",
    "userprops",
    "defchp",
    "defpap",
}
_CHARACTERS = {
    "par": "\n",
    "line": "\n",
    "sect": "\n\n",
    "page": "\n\n",
    "tab": "\t",
    "cell": "\t",
    "row": "\n",
    "emdash": "\u2014",
    "endash": "\u2013",
    "bullet": "\u2022",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "emspace": " ",
    "enspace": " ",
    "qmspace": " ",
}
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}"}


def _codec(codepage: int) -> str:
    try:
        return codecs.lookup("utf-8" if codepage == 65001 else f"cp{codepage}").name
    except LookupError:
        return "cp1252"


def rtf_to_text(rtf: bytes) -> RtfText:
    """The words of an RTF document; ValueError when it is no RTF."""
    if not rtf.lstrip().startswith(b"{\\rtf"):
        raise ValueError("not RTF")
    html = b"\\fromhtml" in rtf[:1024]
    codec = "cp1252"
    found = re.search(rb"\\ansicpg(\d+)", rtf[:1024])
    if found:
        codec = _codec(int(found.group(1)))
    out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together (a character may take two)
    # per group: skipped, unicode skip count (\ucN), inside \htmltag, inside \htmlrtf
    state = [False, 1, False, False]
    stack: list[list[object]] = []
    ignorable = False  # the group began with \*: skipped unless it is an \htmltag
    to_skip = 0  # characters after \uN that stand in for it

    def flush() -> None:
        if pending:
            out.append(pending.decode(codec, errors="replace"))
            pending.clear()

    def visible() -> bool:
        skipped, _uc, in_tag, in_htmlrtf = state
        if skipped:
            return False
        return in_tag or not in_htmlrtf if html else True

    for token in _TOKEN.finditer(rtf):
        word, argument, hexbyte, symbol, brace, text = token.groups()
        if brace == b"{":
            flush()
            stack.append(list(state))
            state = list(state)
            state[2] = False
            ignorable = False
            continue
        if brace == b"}":
            flush()
            state = stack.pop() if stack else state
            ignorable = False
            continue
        if word is not None:
            name = word.decode("ascii").lower()
            number = int(argument) if argument is not None else None
            if ignorable:
                ignorable = False
                if html and name == "htmltag":
                    state[2] = True
                    state[0] = False
                    continue
                state[0] = True
                continue
            if name in _SKIPPED:
                state[0] = True
            elif name == "htmlrtf":
                state[3] = number != 0
            elif name == "uc" and number is not None:
                state[1] = max(0, number)
            elif name == "u" and number is not None:
                flush()
                to_skip = int(state[1])  # type: ignore[call-overload]
                if visible():
                    out.append(chr(number % 65536))
            elif name in _CHARACTERS and visible():
                flush()
                out.append(_CHARACTERS[name])
            continue
        if hexbyte is not None:
            if to_skip:
                to_skip -= 1
            elif visible():
                pending.append(int(hexbyte, 16))
            continue
        if symbol is not None:
            sym = symbol.decode("latin-1")
            if sym == "*":
                ignorable = True
            elif visible() and sym in _SYMBOLS:
                flush()
                out.append(_SYMBOLS[sym])
            elif visible() and sym in "\r\n":
                flush()
                out.append("\n")
            continue
        if text is not None:
            chunk = text
            if to_skip:
                skipped = min(to_skip, len(chunk))
                chunk, to_skip = chunk[skipped:], to_skip - skipped
            if chunk and visible():
                flush()
                out.append(chunk.decode(codec, errors="replace"))
    flush()
    text = "".join(out).replace("\x00", "")
    # \uN gives UTF-16 units: join surrogate pairs (an emoji), replace a lone half
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return RtfText(text, html)


def rtf_body(compressed: bytes) -> RtfText | None:
    """The body in a PR_RTF_COMPRESSED value; None when it cannot be read."""
    try:
        return rtf_to_text(decompress_rtf(compressed))
    except (ValueError, IndexError, struct.error):
        return None
