"""Limits that bound the time and memory of reading a hostile document, and a hardened XML parser.

ZIP containers (.hwpx, .docx) are checked before anything is decompressed: the member count, the
declared uncompressed total, and the compression ratio of large members (a ZIP bomb inflates a
few kilobytes into gigabytes); a member is then read with a hard cap, whatever its header says.
XML is parsed by expat with DTDs refused, so no entity is ever declared or expanded.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

from tfagenda.documents.model import DocumentError

MAX_DOCUMENT_BYTES = 64 * 2**20  # the file itself
MAX_MEMBERS = 10_000  # ZIP members (a real .hwpx has about 15, a .docx about 20)
MAX_TOTAL_UNCOMPRESSED = 512 * 2**20  # all members, as declared
MAX_PART_BYTES = 64 * 2**20  # one XML part or HWP stream, decompressed
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR (real XML: under 50)
RATIO_FLOOR = 2**20
MAX_NESTING = 32  # tables inside tables


def check_size(raw: bytes) -> None:
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            "too_large",
            f"the document is {len(raw) / 2**20:.0f} MiB; at most {MAX_DOCUMENT_BYTES // 2**20} MiB is read",
        )


def declared_members(raw: bytes) -> int | None:
    """The member count the ZIP's end-of-directory record declares (None when it has none).

    Read before ``zipfile`` parses the directory: a 64 MiB file can declare over a million
    members, and parsing them all would take seconds and hundreds of megabytes.
    """
    try:
        record = zipfile._EndRecData(io.BytesIO(raw))  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return None
    return int(record[zipfile._ECD_ENTRIES_TOTAL]) if record else None  # type: ignore[attr-defined]


def open_zip(raw: bytes, what: str) -> zipfile.ZipFile:
    """Open a ZIP container after checking its directory against the limits."""
    declared = declared_members(raw)
    if declared is not None and declared > MAX_MEMBERS:
        raise DocumentError(
            "too_large", f"the {what} file has {declared:,} parts; at most {MAX_MEMBERS:,} are read"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise DocumentError(
            "corrupt", f"the {what} file is damaged or truncated (not a readable ZIP: {error})"
        ) from None
    if len(members) > MAX_MEMBERS:
        raise DocumentError(
            "too_large", f"the {what} file has {len(members):,} parts; at most {MAX_MEMBERS:,} are read"
        )
    total = sum(m.file_size for m in members)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise DocumentError(
            "too_large",
            f"the {what} file would unpack to {total / 2**20:,.0f} MiB; at most "
            f"{MAX_TOTAL_UNCOMPRESSED // 2**20} MiB is read (a ZIP bomb?)",
        )
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise DocumentError(
                "too_large",
                f"the part {member.filename} of the {what} file is compressed {member.file_size // max(member.compress_size, 1):,} "
                f"to 1; at most {MAX_RATIO} to 1 is read (a ZIP bomb?)",
            )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, what: str) -> bytes:
    """One member's bytes, never more than MAX_PART_BYTES whatever its header declares."""
    try:
        info = archive.getinfo(name)
        if info.flag_bits & 0x1:
            raise DocumentError(
                "encrypted", f"the {what} file is encrypted (its part {name} needs a password)"
            )
        with archive.open(info) as stream:
            data = stream.read(MAX_PART_BYTES + 1)
    except DocumentError:
        raise
    except KeyError:
        raise DocumentError("corrupt", f"the {what} file has no part {name}") from None
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ) as error:
        raise DocumentError("corrupt", f"the part {name} of the {what} file is damaged ({error})") from None
    if len(data) > MAX_PART_BYTES:
        raise DocumentError(
            "too_large", f"the part {name} of the {what} file unpacks to over {MAX_PART_BYTES // 2**20} MiB"
        )
    return data


def _refuse_dtd(*_: Any) -> None:
    raise DocumentError(
        "corrupt", "the XML declares a DTD or entities, which a document never needs; refused"
    )


def _refuse_external(*_: Any) -> int:
    _refuse_dtd()
    return 0


def xml_parser(
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    characters: Callable[[str], None],
) -> Any:
    """An expat parser with namespaces split by a space, DTDs and entity declarations refused."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.UnparsedEntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_external
    parser.buffer_text = False  # one call per stretch of text, so CurrentByteIndex is that stretch's start
    return parser


def parse_xml(parser: Any, data: bytes, part: str, what: str) -> None:
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise DocumentError(
            "corrupt",
            f"the part {part} of the {what} file is not well-formed XML (line {error.lineno}: {expat.ErrorString(error.code)})",
        ) from None


def char_bounds(data: bytes, start: int, text: str) -> list[int] | None:
    """The byte offset in ``data`` of each character of ``text`` (parsed from ``start``), and the end.

    Character data as expat delivers it: UTF-8, ``&amp;``/``&#44;`` references (one character
    each), ``\\r\\n`` read as ``\\n``. None when the bytes do not spell ``text`` (then the text
    is read but cannot be mapped back, so it cannot be fixed in place).
    """
    bounds = [start]
    at = start
    size = len(data)
    for char in text:
        if at >= size:
            return None
        lead = data[at]
        if lead == 0x26:  # & … ;
            close = data.find(b";", at, at + 12)
            if close < 0:
                return None
            at = close + 1
        elif lead == 0x0D:
            at += 2 if data[at + 1 : at + 2] == b"\n" else 1
            if char != "\n":
                return None
        else:
            width = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            if data[at : at + width].decode("utf-8", "replace") != char:
                return None
            at += width
        bounds.append(at)
    return bounds
