"""Opaque S/MIME (RFC 8551 3.5.2, ``application/pkcs7-mime``): the message a person signed is
inside a CMS structure (RFC 5652) instead of beside its signature. A signed one
(``smime-type=signed-data``) carries the signed MIME entity as it was written, so its text and
files can be read without checking the signature; an encrypted one (``enveloped-data``) cannot be
read without the recipient's key.

Only as much BER (X.690) is read as needed to reach the signed content: tags, definite and
indefinite lengths, and a constructed OCTET STRING in pieces, as Outlook writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Object identifiers (RFC 5652 and RFC 5083), as their DER content bytes.
_SIGNED_DATA = bytes.fromhex("2a864886f70d010702")  # 1.2.840.113549.1.7.2
_ENVELOPED_DATA = bytes.fromhex("2a864886f70d010703")  # 1.2.840.113549.1.7.3
_AUTH_ENVELOPED_DATA = bytes.fromhex("2a864886f70d0109100117")  # 1.2.840.113549.1.9.16.1.23
_MAX_DEPTH = 64

SMIME_TYPES = {"application/pkcs7-mime", "application/x-pkcs7-mime"}


@dataclass(frozen=True)
class Opaque:
    """What an opaque S/MIME blob holds: ``kind`` is "signed" (``content`` is the signed MIME
    entity), "encrypted" (nothing can be read) or "unknown" (no CMS structure found)."""

    kind: str
    content: bytes = b""


class _Malformed(Exception):
    pass


@dataclass(frozen=True)
class _Node:
    tag: int
    constructed: bool
    start: int  # first content byte
    end: int  # after the last content byte
    after: int  # after the node (its end-of-contents octets included)


def _node(data: bytes, pos: int, depth: int = 0) -> _Node:
    if depth > _MAX_DEPTH or pos + 2 > len(data):
        raise _Malformed
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:  # a tag number in more bytes
        while pos < len(data) and data[pos] & 0x80:
            pos += 1
        pos += 1
    if pos >= len(data):
        raise _Malformed
    constructed = bool(tag & 0x20)
    first = data[pos]
    pos += 1
    if first == 0x80:  # indefinite length: the children up to two zero bytes
        if not constructed:
            raise _Malformed
        cursor = pos
        while data[cursor : cursor + 2] != b"\x00\x00":
            cursor = _node(data, cursor, depth + 1).after
            if cursor >= len(data):
                raise _Malformed
        return _Node(tag, constructed, pos, cursor, cursor + 2)
    if first & 0x80:
        count = first & 0x7F
        if count > 4 or pos + count > len(data):
            raise _Malformed
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    else:
        length = first
    if pos + length > len(data):
        raise _Malformed
    return _Node(tag, constructed, pos, pos + length, pos + length)


def _children(data: bytes, node: _Node, depth: int = 0) -> list[_Node]:
    found = []
    cursor = node.start
    while cursor < node.end:
        child = _node(data, cursor, depth + 1)
        found.append(child)
        cursor = child.after
    return found


def _octets(data: bytes, node: _Node, depth: int = 0) -> bytes:
    if not node.constructed:
        return data[node.start : node.end]
    if depth > _MAX_DEPTH:
        raise _Malformed
    return b"".join(_octets(data, child, depth + 1) for child in _children(data, node, depth))


def open_opaque(data: bytes) -> Opaque:
    """The content of an opaque S/MIME blob (DER or BER, as the part's bytes)."""
    try:
        info = _node(data, 0)
        if info.tag != 0x30:
            return Opaque("unknown")
        parts = _children(data, info)
        if len(parts) < 2 or parts[0].tag != 0x06:
            return Opaque("unknown")
        oid = data[parts[0].start : parts[0].end]
        if oid in (_ENVELOPED_DATA, _AUTH_ENVELOPED_DATA):
            return Opaque("encrypted")
        if oid != _SIGNED_DATA or parts[1].tag != 0xA0:
            return Opaque("unknown")
        [signed] = _children(data, parts[1])[:1]
        fields = _children(data, signed)
        encapsulated = next((f for f in fields[1:4] if f.tag == 0x30 and _is_encapsulated(data, f)), None)
        if encapsulated is None:
            return Opaque("signed")
        inner = _children(data, encapsulated)
        if len(inner) < 2 or inner[1].tag != 0xA0:
            return Opaque("signed")  # a detached signature: the content is elsewhere
        [octets] = _children(data, inner[1])[:1]
        return Opaque("signed", _octets(data, octets))
    except (_Malformed, ValueError, IndexError, RecursionError):
        return Opaque("unknown")


def _is_encapsulated(data: bytes, node: _Node) -> bool:
    """EncapsulatedContentInfo: a SEQUENCE that starts with an OBJECT IDENTIFIER."""
    try:
        children = _children(data, node)
    except _Malformed:
        return False
    return bool(children) and children[0].tag == 0x06
