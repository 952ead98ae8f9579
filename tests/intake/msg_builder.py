"""Builds Outlook .msg files for the tests: a small writer of the Compound File Binary format
([MS-CFB], version 3, 512-byte sectors) filled with the MAPI properties of [MS-OXMSG].

No Outlook is at hand on the build machines, and no Python package writes .msg files, so this
writer makes files in the layout Outlook uses (property streams ``__substg1.0_PPPPTTTT``, a
``__properties_version1.0`` stream per storage, attachment storages, attached messages). The
program reads them with its own reader (mail/outlook_msg.py); the tests also read them with
extract-msg, an independent reader, and compare (tests/intake/test_outlook_msg.py).
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF

PT_LONG, PT_SYSTIME, PT_STRING8, PT_UNICODE, PT_BINARY = 0x0003, 0x0040, 0x001E, 0x001F, 0x0102


@dataclass
class Node:
    name: str
    data: bytes | None = None  # None: a storage
    children: list[Node] = field(default_factory=list)

    @property
    def is_storage(self) -> bool:
        return self.data is None


def _filetime(value: dt.datetime) -> int:
    epoch = dt.datetime(1601, 1, 1, tzinfo=dt.UTC)
    return int((value.astimezone(dt.UTC) - epoch).total_seconds() * 10_000_000)


def _properties(
    props: list[tuple[int, int, object]], header: bytes, codepage: str = "cp1252"
) -> tuple[bytes, list[Node]]:
    """The __properties_version1.0 stream and the __substg1.0 streams for (id, type, value)."""
    entries = [header]
    streams: list[Node] = []
    for prop_id, prop_type, value in props:
        tag = (prop_id << 16) | prop_type
        if prop_type in (PT_UNICODE, PT_STRING8):
            if isinstance(value, bytes):
                data = value
            else:
                data = str(value).encode("utf-16-le" if prop_type == PT_UNICODE else codepage)
            streams.append(Node(f"__substg1.0_{tag:08X}", data))
            entries.append(struct.pack("<IIII", tag, 6, len(data) + (2 if prop_type == PT_UNICODE else 1), 0))
        elif prop_type == PT_BINARY:
            data = bytes(value)  # type: ignore[arg-type]
            streams.append(Node(f"__substg1.0_{tag:08X}", data))
            entries.append(struct.pack("<IIII", tag, 6, len(data), 0))
        elif prop_type == PT_SYSTIME:
            entries.append(struct.pack("<IIQ", tag, 6, _filetime(value)))  # type: ignore[arg-type]
        elif prop_type == PT_LONG:
            entries.append(struct.pack("<IIiI", tag, 6, int(value), 0))  # type: ignore[call-overload]
    return b"".join(entries), streams


@dataclass
class MsgAttachment:
    filename: str
    data: bytes = b""
    mime: str = "application/octet-stream"
    message: dict[str, object] | None = None  # the build_msg arguments of an attached Outlook message


def build_msg(**fields: object) -> bytes:
    """The bytes of an Outlook message (.msg) with these properties (see ``message_nodes``)."""
    root = Node("Root Entry", None, message_nodes(top=True, **fields))  # type: ignore[arg-type]
    return write_cfb(root)


def message_nodes(
    *,
    subject: str,
    body: str | None,
    sender_name: str = "",
    sender_email: str = "",
    sent: dt.datetime | None = None,
    message_id: str = "",
    html: bytes | None = None,
    headers: str = "",
    attachments: tuple[MsgAttachment, ...] = (),
    extra: tuple[tuple[int, int, object], ...] = (),
    ansi_codepage: int | None = None,
    representing: tuple[str, str] | None = None,
    exchange_sender: str = "",
    rtf_compressed: bytes | None = None,
    flags: int = 1,
    top: bool = False,
    store_codepage: bool = True,
    message_class: str = "IPM.Note",
) -> list[Node]:
    """The streams and storages of a message: the top one of a file, or one attached.

    ``ansi_codepage`` writes the strings 8-bit in that Windows code page (as older Outlook
    versions did) instead of UTF-16; ``representing`` is the (name, address) of the person sent
    on behalf of; ``store_codepage=False`` leaves the code page out (only the locale, in
    ``extra``, then tells it); ``exchange_sender`` gives the sender an Exchange path as address (the SMTP
    address then only in PR_SENDER_SMTP_ADDRESS); ``body=None`` leaves PR_BODY out.
    """
    text = PT_STRING8 if ansi_codepage else PT_UNICODE
    codec = f"cp{ansi_codepage}" if ansi_codepage else "cp1252"
    props: list[tuple[int, int, object]] = [
        (0x001A, text, message_class),
        (0x0037, text, subject),
        (0x0E07, PT_LONG, flags),
    ]
    if body is not None:
        props.insert(2, (0x1000, text, body))
    if ansi_codepage and store_codepage:
        props += [(0x3FFD, PT_LONG, ansi_codepage), (0x3FDE, PT_LONG, ansi_codepage)]
    if sender_name:
        props.append((0x0C1A, text, sender_name))
    if sender_email:
        if exchange_sender:
            props += [(0x0C1F, text, exchange_sender), (0x0C1E, text, "EX"), (0x5D01, text, sender_email)]
        else:
            props += [(0x0C1F, text, sender_email), (0x0C1E, text, "SMTP"), (0x5D01, text, sender_email)]
    rep_name, rep_email = representing if representing is not None else (sender_name, sender_email)
    if rep_name:
        props.append((0x0042, text, rep_name))
    if rep_email:
        props += [(0x0065, text, rep_email), (0x0064, text, "SMTP")]
    if sent is not None:
        props += [(0x0039, PT_SYSTIME, sent), (0x0E06, PT_SYSTIME, sent)]
    if message_id:
        props.append((0x1035, text, message_id))
    if html is not None:
        props.append((0x1013, PT_BINARY, html))
    if rtf_compressed is not None:
        props.append((0x1009, PT_BINARY, rtf_compressed))
    if headers:
        props.append((0x007D, text, headers))
    props += list(extra)
    counts = struct.pack("<8sIIII", b"", 0, len(attachments), 0, len(attachments))
    stream, substreams = _properties(props, counts + (b"\x00" * 8 if top else b""), codec)
    nodes = [Node("__properties_version1.0", stream), *substreams]
    if top:
        nodes.append(
            Node(
                "__nameid_version1.0",
                None,
                [
                    Node("__substg1.0_00020102", b""),
                    Node("__substg1.0_00030102", b""),
                    Node("__substg1.0_00040102", b""),
                ],
            )
        )
    for number, attachment in enumerate(attachments):
        extension = "." + attachment.filename.rsplit(".", 1)[-1] if "." in attachment.filename else ""
        a_props: list[tuple[int, int, object]] = [
            (0x3705, PT_LONG, 5 if attachment.message is not None else 1),
            (0x3707, text, attachment.filename),
            (0x3704, text, attachment.filename[:12]),
            (0x370E, text, attachment.mime),
            (0x3703, text, extension),
            (0x0E21, PT_LONG, number),
        ]
        children: list[Node] = []
        if attachment.message is not None:
            children.append(Node("__substg1.0_3701000D", None, message_nodes(**attachment.message)))  # type: ignore[arg-type]
        else:
            a_props.insert(1, (0x3701, PT_BINARY, attachment.data))
        a_stream, a_subs = _properties(a_props, b"\x00" * 8, codec)
        nodes.append(
            Node(
                f"__attach_version1.0_#{number:08X}",
                None,
                [Node("__properties_version1.0", a_stream), *a_subs, *children],
            )
        )
    return nodes


# -- the compound file -------------------------------------------------------------------------


def _flatten(root: Node) -> list[Node]:
    order: list[Node] = []

    def visit(node: Node) -> None:
        order.append(node)
        for child in node.children:
            visit(child)

    visit(root)
    return order


def _sorted_children(node: Node) -> list[Node]:
    return sorted(node.children, key=lambda c: (len(c.name), c.name.upper()))


def write_cfb(root: Node) -> bytes:
    nodes = _flatten(root)
    index = {id(n): i for i, n in enumerate(nodes)}
    mini = bytearray()
    mini_fat: list[int] = []
    big_streams: list[tuple[Node, bytes]] = []
    start: dict[int, int] = {}
    for node in nodes[1:]:
        if node.is_storage or not node.data:
            continue
        if len(node.data) < MINI_CUTOFF:
            first = len(mini) // MINI_SECTOR
            count = -(-len(node.data) // MINI_SECTOR)
            mini += node.data + b"\x00" * (count * MINI_SECTOR - len(node.data))
            mini_fat += [first + k + 1 for k in range(count - 1)] + [END]
            start[id(node)] = first
        else:
            big_streams.append((node, node.data))
    n_dir = -(-len(nodes) // 4)
    n_minifat = -(-len(mini_fat) * 4 // SECTOR) if mini_fat else 0
    n_mini = -(-len(mini) // SECTOR) if mini else 0
    n_big = sum(-(-len(d) // SECTOR) for _n, d in big_streams)
    n_fat = 1
    while n_fat + n_dir + n_minifat + n_mini + n_big > n_fat * (SECTOR // 4):
        n_fat += 1
    assert n_fat <= 109, "too large for this small writer"
    fat = [FREE] * (n_fat * SECTOR // 4)
    position = 0

    def chain(count: int) -> int:
        nonlocal position
        first = position
        for k in range(count):
            fat[position + k] = position + k + 1 if k < count - 1 else END
        position += count
        return first

    for k in range(n_fat):
        fat[k] = FATSECT
    position = n_fat
    dir_start = chain(n_dir)
    minifat_start = chain(n_minifat) if n_minifat else END
    mini_start = chain(n_mini) if n_mini else END
    for node, data in big_streams:
        start[id(node)] = chain(-(-len(data) // SECTOR))

    entries = bytearray()
    for node in nodes:
        children = _sorted_children(node)
        child = index[id(children[0])] if children else NOSTREAM
        name = node.name.encode("utf-16-le") + b"\x00\x00"
        if node is root:
            kind, first, size = 5, mini_start, len(mini)
        elif node.is_storage:
            kind, first, size = 1, 0, 0
        else:
            kind, size = 2, len(node.data or b"")
            first = start.get(id(node), END)
        right = NOSTREAM
        for parent in nodes:
            siblings = _sorted_children(parent)
            for k, sibling in enumerate(siblings):
                if sibling is node and k + 1 < len(siblings):
                    right = index[id(siblings[k + 1])]
        entries += struct.pack(
            "<64sHBBIII16sIQQIQ", name, len(name), kind, 1, NOSTREAM, right, child, b"", 0, 0, 0, first, size
        )
    while len(entries) % SECTOR:
        entries += struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"", 0, 0, 0, 0, 0)

    difat = list(range(n_fat)) + [FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"",
        0x003E,
        0x0003,
        0xFFFE,
        9,
        6,
        b"",
        0,
        n_fat,
        dir_start,
        0,
        MINI_CUTOFF,
        minifat_start,
        n_minifat,
        END,
        0,
    ) + struct.pack("<109I", *difat)
    body = bytearray(struct.pack(f"<{len(fat)}I", *fat))
    body += entries
    if n_minifat:
        table = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
        body += table + struct.pack("<I", FREE) * ((n_minifat * SECTOR - len(table)) // 4)
    if n_mini:
        body += mini + b"\x00" * (n_mini * SECTOR - len(mini))
    for _node, data in big_streams:
        body += data + b"\x00" * (-len(data) % SECTOR)
    return header + bytes(body)
