"""``check --fix`` for documents: .hwpx and .docx are fixed in place, .hwp and .pdf only advised.

A fix rewrites only the text of the wrong cell (``edit.part_edits``): every other ZIP member's
record (local header, compressed bytes, data descriptor) and central-directory entry is copied
byte for byte, in the same order (the ``mimetype`` first and stored, as HWPX requires); only the
offsets in the directory change. The changed XML part differs only in that text (and, for .hwpx,
that paragraph's cached line layout), recompressed with its method and the level its flags name,
under its own local header (name, extra field, times, version) with the new CRC and sizes. A ZIP
this cannot copy record by record (ZIP64, a compression other than stored or deflate) is rebuilt
by ``zipfile``, keeping each member's content, name, order and method. The file is written by the same atomic writer as YAML.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tfagenda.documents.detect import suffix_format
from tfagenda.documents.edit import ByteEdit, apply, part_edits
from tfagenda.documents.load import FIXABLE, MAX_DOCUMENT_BYTES, DocumentSource
from tfagenda.findings import DocLocation

if TYPE_CHECKING:
    from tfagenda.config import Settings

_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-")
_ROUNDS = 10


def is_document(path: str | Path) -> bool:
    """A document (by its first bytes, or its extension) rather than a text agenda."""
    if suffix_format(str(path)) is not None:
        return True
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe or a device: reading its first bytes would consume them
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError:
        return False
    return head.startswith(_MAGIC)


@dataclass
class CellChange:
    """One cell (or body paragraph) a fix rewrites: where, its text before and after."""

    where: DocLocation
    old: str
    new: str
    # this round's fixes in the cell: (start, end, value) in ``old``
    pending: list[tuple[int, int, str]] = field(default_factory=list, repr=False, compare=False)


def diff_cells(name: str, changes: list[CellChange], lang: str = "en") -> str:
    """What ``--fix`` would change in a document, as a diff of cells: a hunk per cell named by its
    place (``@@ table 2, row 2, column 1 @@``), its text before and after (a cell's paragraphs
    are lines)."""
    if not changes:
        return ""
    out = [f"--- {name}\n", f"+++ {name}\n"]
    for change in changes:
        out.append(f"@@ {change.where.describe(lang)} @@\n")
        out.extend(f"-{line}\n" for line in change.old.split("\n"))
        out.extend(f"+{line}\n" for line in change.new.split("\n"))
    return "".join(out)


def fix_document(
    path: str | Path, settings: Settings | None = None, unsafe: bool = False, write: bool = True
) -> tuple[Counter[str], bool]:
    """Fix a .hwpx or .docx in place: the fixes applied (per rule) and whether the file was written."""
    fixed, written, _ = fix_document_cells(path, settings, unsafe, write)
    return fixed, written


def fix_document_cells(
    path: str | Path, settings: Settings | None = None, unsafe: bool = False, write: bool = True
) -> tuple[Counter[str], bool, list[CellChange]]:
    """``fix_document``, and the cells it changes (or would change), in document order."""
    from tfagenda.atomic import read_for_rewrite, write_atomic

    name = str(path)
    if write:
        raw, snapshot = read_for_rewrite(path, MAX_DOCUMENT_BYTES)
    else:
        raw, snapshot = Path(path).read_bytes()[: MAX_DOCUMENT_BYTES + 1], None
    fixed: Counter[str] = Counter()
    if len(raw) > MAX_DOCUMENT_BYTES:
        return fixed, False, []
    data = raw
    cells: dict[tuple[int | None, ...], CellChange] = {}  # by place: the first text, the last
    for _ in range(_ROUNDS):
        edited, applied, changes = _fix_round(data, name, settings, unsafe)
        if not applied:
            break
        fixed.update(applied)
        for change in changes:
            key = _place(change.where)
            if key in cells:
                cells[key].new = change.new
            else:
                cells[key] = change
        data = edited
    changed = sorted((c for c in cells.values() if c.old != c.new), key=lambda c: _order(c.where))
    if write and data != raw:
        write_atomic(path, data, expected=raw, snapshot=snapshot)
        return fixed, True, changed
    return fixed, False, changed


def _place(where: DocLocation) -> tuple[int | None, ...]:
    return (where.page, where.table, where.row, where.column, where.paragraph)


def _order(where: DocLocation) -> tuple[int, ...]:
    return tuple(-1 if value is None else value for value in _place(where))


def _fix_round(
    raw: bytes, name: str, settings: Settings | None, unsafe: bool
) -> tuple[bytes, list[str], list[CellChange]]:
    """One check of the document and the fixes that apply without overlapping; the new bytes, their
    codes, and the cells they change."""
    from tfagenda.config import Settings
    from tfagenda.findings import applicable
    from tfagenda.linter import check_loaded
    from tfagenda.load import load_bytes

    loaded = load_bytes(raw, name)
    source = loaded.document
    if not isinstance(source, DocumentSource) or source.extracted is None:
        return raw, [], []
    if source.extracted.format not in FIXABLE:
        return raw, [], []
    findings = check_loaded(loaded, settings or Settings.defaults())
    edits: dict[str, list[ByteEdit]] = {}
    applied: list[str] = []
    texts: dict[tuple[int | None, ...], CellChange] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None or fix.value is None or not applicable(fix, unsafe):
            continue
        location = source.locate(finding.span)
        if location is None:
            continue
        wanted = part_edits(location, str(fix.value))
        if wanted is None or _overlaps(wanted, edits):
            continue
        for part, part_list in wanted.items():
            edits.setdefault(part, []).extend(part_list)
        applied.append(finding.code)
        where = DocLocation(
            table=location.table,
            row=location.row,
            column=location.column,
            paragraph=location.paragraph,
            page=location.page,
        )
        change = texts.setdefault(_place(where), CellChange(where, location.text, location.text))
        change.pending.append((location.start, location.end, str(fix.value)))
    if not edits:
        return raw, [], []
    for change in texts.values():
        text = change.old
        # fixes in one cell do not overlap: spliced from the end, earlier offsets stay right
        for start, end, value in sorted(change.pending, reverse=True):
            text = text[:start] + value + text[end:]
        change.new = text
    return _rewrite_zip(raw, edits), applied, list(texts.values())


def _overlaps(wanted: dict[str, list[ByteEdit]], taken: dict[str, list[ByteEdit]]) -> bool:
    for part, new in wanted.items():
        for a in new:
            for b in taken.get(part, []):
                if a.start < b.end and b.start < a.end or (a.start == b.start and a.end == b.end):
                    return True
    return False


def _rewrite_zip(raw: bytes, edits: dict[str, list[ByteEdit]]) -> bytes:
    """The package with the edited parts: every other member's record (local header, compressed
    bytes, data descriptor) and central-directory entry copied byte for byte."""
    try:
        return _splice_zip(raw, edits)
    except _NotSpliceable:
        return _rebuild_zip(raw, edits)


class _NotSpliceable(Exception):
    """A ZIP this module does not copy record by record (ZIP64, an unusual compression, a gap)."""


_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # signature … name length, extra length
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")  # signature … external attributes, local offset
_END = struct.Struct("<4sHHHHIIH")  # end of central directory, without its comment
_WANT_DESCRIPTOR = 0x08  # flag bit 3: sizes and CRC follow the data
_DEFLATE_LEVELS = {
    0: 6,
    1: 9,
    2: 1,
    3: 1,
}  # flag bits 1–2 of a deflated member: normal, max, fast, super fast


def _splice_zip(raw: bytes, edits: dict[str, list[ByteEdit]]) -> bytes:
    end_at = raw.rfind(b"PK\x05\x06")
    if end_at < 0 or len(raw) - end_at < _END.size:
        raise _NotSpliceable
    (_, disk, cd_disk, on_disk, total, cd_size, cd_offset, comment_length) = _END.unpack_from(raw, end_at)
    if (
        disk
        or cd_disk
        or on_disk != total
        or total == 0xFFFF
        or cd_offset == 0xFFFFFFFF
        or end_at + _END.size + comment_length != len(raw)
        or cd_offset + cd_size != end_at
    ):
        raise _NotSpliceable
    entries = []
    at = cd_offset
    for _ in range(total):
        fields = list(_CENTRAL.unpack_from(raw, at))
        if fields[0] != b"PK\x01\x02":
            raise _NotSpliceable
        size = _CENTRAL.size + fields[10] + fields[11] + fields[12]
        if 0xFFFFFFFF in (fields[8], fields[9], fields[16]):
            raise _NotSpliceable  # ZIP64
        entries.append((fields, raw[at : at + size]))
        at += size
    if at != end_at:
        raise _NotSpliceable
    records: dict[int, bytes] = {}
    central = []
    out_at = min((fields[16] for fields, _ in entries), default=cd_offset)
    prefix = raw[:out_at]
    for fields, entry in sorted(entries, key=lambda item: item[0][16]):
        offset = fields[16]
        local = list(_LOCAL.unpack_from(raw, offset))
        if local[0] != b"PK\x03\x04":
            raise _NotSpliceable
        name = raw[offset + _LOCAL.size : offset + _LOCAL.size + local[9]]
        data_at = offset + _LOCAL.size + local[9] + local[10]
        data_end = data_at + fields[8]
        record_end = data_end
        if local[2] & _WANT_DESCRIPTOR:
            record_end += 16 if raw[data_end : data_end + 4] == b"PK\x07\x08" else 12
        member = name.decode("utf-8" if fields[3] & 0x800 else "cp437")
        if member in edits:
            content = apply(_inflate(raw[data_at:data_end], fields[4], fields[9]), edits[member])
            packed = _deflate(content, fields[4], fields[3])
            crc = zlib.crc32(content)
            local[2] &= ~_WANT_DESCRIPTOR
            local[6:9] = [crc, len(packed), len(content)]
            record = _LOCAL.pack(*local) + raw[offset + _LOCAL.size : data_at] + packed
            fields[3] &= ~_WANT_DESCRIPTOR
            fields[7:10] = [crc, len(packed), len(content)]
            head = _CENTRAL.pack(*fields[:16], out_at)
        else:
            record = raw[offset:record_end]
            head = _CENTRAL.pack(*fields[:16], out_at)
        records[offset] = record
        central.append((fields[16], head + entry[_CENTRAL.size :]))
        out_at += len(record)
    # the central directory in its own order, each entry pointing at the member's new place
    body = prefix + b"".join(records[offset] for offset in sorted(records))
    by_offset = dict(central)
    directory = b"".join(by_offset[fields[16]] for fields, _ in entries)
    tail = _END.pack(b"PK\x05\x06", 0, 0, total, total, len(directory), len(body), comment_length)
    return body + directory + tail + raw[end_at + _END.size :]


def _inflate(data: bytes, method: int, size: int) -> bytes:
    if method == zipfile.ZIP_STORED:
        return data
    if method == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        content = inflater.decompress(data, size + 1)
        if len(content) != size:
            raise _NotSpliceable
        return content
    raise _NotSpliceable


def _deflate(content: bytes, method: int, flags: int) -> bytes:
    if method == zipfile.ZIP_STORED:
        return content
    deflater = zlib.compressobj(_DEFLATE_LEVELS[(flags >> 1) & 3], zlib.DEFLATED, -15)
    return deflater.compress(content) + deflater.flush()


def _rebuild_zip(raw: bytes, edits: dict[str, list[ByteEdit]]) -> bytes:
    """The package rebuilt by ``zipfile`` (ZIP64 and the like): every member's content, name, order
    and compression method kept, though not their compressed bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in edits:
                content = apply(content, edits[info.filename])
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.extra = info.extra
            copy.comment = info.comment
            target.writestr(copy, content)
        target.comment = source.comment
    return out.getvalue()
