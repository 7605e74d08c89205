"""Hancom Office's HWP 5.0 binary format → the extracted-document model (read only).

본 제품은 한글과컴퓨터의 HWP 문서 파일(.hwp) 공개 문서를 참고하여 개발하였습니다.

(This product was developed with reference to Hancom's published HWP document file (.hwp)
specification; the notice is the one the specification asks users of it to carry.)

An .hwp file is an OLE2 compound file (read with ``olefile``). Its ``FileHeader`` stream starts
with the signature ``HWP Document File`` and holds the version and a flags word (compressed,
password, distribution document, DRM, certificate encryption). The body is in the streams
``BodyText/Section0``, ``Section1``, …, raw-deflate compressed when the flag says so, as a
sequence of records: a 32-bit header (tag: bits 0–9, level: bits 10–19, size: bits 20–31, with
size 0xFFF meaning "a 32-bit size follows"), then the data. A record's children follow it at
level + 1. The records read here:

- ``HWPTAG_PARA_HEADER`` (66): a paragraph; ``HWPTAG_PARA_TEXT`` (67), its child: the text as
  UTF-16LE, in which code units below 32 are controls: one unit (line break 10, paragraph end 13,
  hyphen 24, special spaces 30 and 31) or eight units (tab 9, and the anchors of extended
  controls such as tables, 11);
- ``HWPTAG_CTRL_HEADER`` (71): a control of the paragraph, its id in the first four bytes
  (``tbl `` a table; ``head``/``foot``, ``fn  ``/``en  `` headers, footers and notes, not read);
- ``HWPTAG_TABLE`` (77): the table's row and column counts (UINT16 at 4 and 6);
- ``HWPTAG_LIST_HEADER`` (72): after the TABLE record, one per cell: column, row, column span,
  row span (UINT16 at 8, 10, 12, 14; 0-based addresses); the cell's paragraphs follow it at the
  same level.

Encrypted, password-protected, distribution-locked (배포용 문서) and DRM-protected files keep
their body encrypted: they are refused with an error that says which.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass

from tfagenda.documents import _safety
from tfagenda.documents.model import Cell, DocumentError, ExtractedDocument, Paragraph, Table

SIGNATURE = b"HWP Document File"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

TAG_PARA_HEADER = 66
TAG_PARA_TEXT = 67
TAG_CTRL_HEADER = 71
TAG_LIST_HEADER = 72
TAG_TABLE = 77

# FileHeader flags (the DWORD at offset 36)
FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
FLAG_CERTIFICATE_ENCRYPTION = 1 << 8
FLAG_CERTIFICATE_DRM = 1 << 11

_REFUSED = (
    (
        FLAG_PASSWORD,
        "encrypted",
        "the HWP file is protected by a password; save an unprotected copy to check it",
    ),
    (
        FLAG_DISTRIBUTION,
        "distribution",
        "the HWP file is a distribution document (배포용 문서), whose text is encrypted; check the original instead",
    ),
    (FLAG_DRM, "drm", "the HWP file is DRM-protected; its text cannot be read"),
    (
        FLAG_CERTIFICATE_ENCRYPTION,
        "encrypted",
        "the HWP file is encrypted with a certificate; its text cannot be read",
    ),
    (
        FLAG_CERTIFICATE_DRM,
        "drm",
        "the HWP file is DRM-protected with a certificate; its text cannot be read",
    ),
)
# Control ids (as the four bytes read in order, i.e. reversed) whose paragraphs are not the body.
_SKIPPED_CONTROLS = {b"daeh", b"toof", b"  nf", b"  ne", b"tmoc"}  # head, foot, fn, en, comment (hidden)
_TABLE_CONTROL = b" lbt"
# PARA_TEXT control characters: those that take eight code units, and what one-unit ones stand for.
_LONG_CONTROLS = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
_CHAR_CONTROLS = {9: "\t", 10: "\n", 24: "-", 30: " ", 31: " "}
_SECTION = re.compile(r"BodyText/Section(\d+)")
MAX_RECORDS = 2_000_000


@dataclass(slots=True)
class _Record:
    tag: int
    level: int
    data: bytes


def read(raw: bytes, path: str) -> ExtractedDocument:
    _safety.check_size(raw)
    import olefile  # type: ignore[import-untyped]  # imported here: a check of YAML files never pays for it

    if not raw.startswith(OLE_MAGIC):
        raise DocumentError(
            "corrupt",
            "the file is not an HWP 5.0 document (no OLE2 compound-file signature); if Hancom Office opens it, "
            "it is wrapped by a DRM or security product: save an unprotected copy to check it",
        )
    try:
        ole = olefile.OleFileIO(io.BytesIO(raw))
    except Exception as error:  # olefile raises OSError, struct.error, IndexError … on damaged files
        raise DocumentError("corrupt", f"the HWP file is damaged or truncated ({error})") from None
    try:
        header = _stream(ole, "FileHeader")
        flags = _check_header(header)
        names = ["/".join(entry) for entry in ole.listdir()]
        sections = sorted(
            ((int(m.group(1)), name) for name in names if (m := _SECTION.fullmatch(name))),
            key=lambda pair: pair[0],
        )
        if not sections:
            raise DocumentError("corrupt", "the HWP file has no body (no BodyText/Section0 stream)")
        document = _Builder(path)
        for _, name in sections:
            data = _stream(ole, name)
            if flags & FLAG_COMPRESSED:
                data = _inflate(data, name)
            document.section(_records(data, name), name)
        return document.document
    finally:
        ole.close()


def _stream(ole: object, name: str) -> bytes:
    try:
        with ole.openstream(name) as stream:  # type: ignore[attr-defined]
            data: bytes = stream.read(_safety.MAX_PART_BYTES + 1)
    except OSError:
        raise DocumentError("corrupt", f"the HWP file has no readable {name} stream") from None
    except Exception as error:
        raise DocumentError("corrupt", f"the {name} stream of the HWP file is damaged ({error})") from None
    if len(data) > _safety.MAX_PART_BYTES:
        raise DocumentError(
            "too_large", f"the {name} stream of the HWP file is over {_safety.MAX_PART_BYTES // 2**20} MiB"
        )
    return data


def _check_header(header: bytes) -> int:
    if not header.startswith(SIGNATURE):
        raise DocumentError(
            "unsupported", "the OLE file is not an HWP document (its FileHeader has no HWP signature)"
        )
    if len(header) < 40:
        raise DocumentError("corrupt", "the HWP file's FileHeader is truncated")
    version, flags = struct.unpack_from("<II", header, 32)
    major = version >> 24
    if major != 5:
        raise DocumentError(
            "unsupported", f"the HWP file is version {major}.x; only HWP 5.0 is read (save it as .hwpx)"
        )
    for flag, reason, message in _REFUSED:
        if flags & flag:
            raise DocumentError(reason, message)
    return int(flags)


def _inflate(data: bytes, name: str) -> bytes:
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(data, _safety.MAX_PART_BYTES + 1)
    except zlib.error as error:
        raise DocumentError(
            "corrupt", f"the {name} stream of the HWP file is damaged (cannot be decompressed: {error})"
        ) from None
    if len(out) > _safety.MAX_PART_BYTES or inflater.unconsumed_tail:
        raise DocumentError(
            "too_large",
            f"the {name} stream of the HWP file unpacks to over {_safety.MAX_PART_BYTES // 2**20} MiB",
        )
    return out


def _records(data: bytes, name: str) -> list[_Record]:
    records: list[_Record] = []
    at, size = 0, len(data)
    while at < size:
        if at + 4 > size:
            raise DocumentError(
                "corrupt", f"the {name} stream of the HWP file is truncated (a record header is cut off)"
            )
        (word,) = struct.unpack_from("<I", data, at)
        at += 4
        tag, level, length = word & 0x3FF, (word >> 10) & 0x3FF, word >> 20
        if length == 0xFFF:
            if at + 4 > size:
                raise DocumentError("corrupt", f"the {name} stream of the HWP file is truncated")
            (length,) = struct.unpack_from("<I", data, at)
            at += 4
        if at + length > size:
            raise DocumentError(
                "corrupt", f"the {name} stream of the HWP file is truncated (a record runs past its end)"
            )
        records.append(_Record(tag, level, data[at : at + length]))
        at += length
        if len(records) > MAX_RECORDS:
            raise DocumentError(
                "too_large", f"the {name} stream of the HWP file has over {MAX_RECORDS:,} records"
            )
    return records


def paragraph_text(data: bytes) -> str:
    """The text of a PARA_TEXT record: controls dropped or replaced, the paragraph end removed."""
    units = struct.unpack_from(f"<{len(data) // 2}H", data)
    out: list[str] = []
    plain_start: int | None = None
    index, count = 0, len(units)

    def flush(until: int) -> None:
        if plain_start is not None and until > plain_start:
            out.append(data[plain_start * 2 : until * 2].decode("utf-16-le", "replace"))

    while index < count:
        unit = units[index]
        if unit >= 32:
            if plain_start is None:
                plain_start = index
            index += 1
            continue
        flush(index)
        plain_start = None
        out.append(_CHAR_CONTROLS.get(unit, ""))
        index += 8 if unit in _LONG_CONTROLS else 1
    flush(count)
    return "".join(out)


class _Builder:
    def __init__(self, path: str) -> None:
        self.document = ExtractedDocument(path=path, format="hwp")
        self.tables = 0
        self.paragraphs = 0
        self.records: list[_Record] = []
        self.part = ""

    def section(self, records: list[_Record], part: str) -> None:
        self.records, self.part = records, part
        index = 0
        while index < len(records):
            record = records[index]
            if record.tag == TAG_PARA_HEADER and record.level == 0:
                index = self._paragraph(index, None, 0)
            else:
                index += 1

    def _end_of(self, index: int) -> int:
        """The index after the subtree of record ``index``."""
        level = self.records[index].level
        end = index + 1
        while end < len(self.records) and self.records[end].level > level:
            end += 1
        return end

    def _paragraph(self, index: int, cell: Cell | None, depth: int) -> int:
        """Read the paragraph at ``index`` into the body (cell None) or a cell; returns the next index."""
        level = self.records[index].level
        if cell is None:
            self.paragraphs += 1
            paragraph = Paragraph("", self.paragraphs, part=self.part)
            self.document.blocks.append(paragraph)
        else:
            paragraph = Paragraph("", len(cell.paragraphs) + 1, part=self.part)
            cell.paragraphs.append(paragraph)
        end = self._end_of(index)
        child = index + 1
        while child < end:
            record = self.records[child]
            if record.level != level + 1:
                child += 1
                continue
            if record.tag == TAG_PARA_TEXT:
                paragraph.text = paragraph_text(record.data)
            elif record.tag == TAG_CTRL_HEADER:
                control = record.data[:4]
                control_end = self._end_of(child)
                if control == _TABLE_CONTROL:
                    self._table(child, control_end, cell, depth, paragraph.number)
                elif control not in _SKIPPED_CONTROLS:
                    self._lists(child + 1, control_end, cell, depth)  # text boxes and the like
                child = control_end
                continue
            child += 1
        return end

    def _lists(self, start: int, end: int, cell: Cell | None, depth: int) -> None:
        """Paragraph lists (a LIST_HEADER, then paragraphs at its level) inside a control."""
        if depth >= _safety.MAX_NESTING:
            raise DocumentError(
                "too_large", f"text boxes and tables are nested more than {_safety.MAX_NESTING} deep"
            )
        index = start
        while index < end:
            record = self.records[index]
            if record.tag == TAG_LIST_HEADER:
                index = self._list_paragraphs(index + 1, end, record.level, cell, depth + 1)
            else:
                index += 1

    def _list_paragraphs(self, index: int, end: int, level: int, cell: Cell | None, depth: int) -> int:
        while index < end:
            record = self.records[index]
            if record.level < level or (record.level == level and record.tag != TAG_PARA_HEADER):
                break
            if record.tag == TAG_PARA_HEADER and record.level == level:
                index = self._paragraph(index, cell, depth)
            else:
                index += 1
        return index

    def _table(self, start: int, end: int, holder: Cell | None, depth: int, anchor: int) -> None:
        if depth >= _safety.MAX_NESTING:
            raise DocumentError("too_large", f"tables are nested more than {_safety.MAX_NESTING} deep")
        self.tables += 1
        table = Table(self.tables, 0, 0, anchor=anchor)
        if holder is None:
            self.document.blocks.append(table)
        else:
            holder.tables.append(table)
        level = self.records[start].level + 1
        index = start + 1
        seen_table = False
        while index < end:
            record = self.records[index]
            if record.level != level:
                index += 1
                continue
            if record.tag == TAG_TABLE and len(record.data) >= 8:
                table.rows, table.columns = struct.unpack_from("<HH", record.data, 4)
                seen_table = True
            elif record.tag == TAG_LIST_HEADER and seen_table:
                cell = self._cell(record.data, table)
                table.cells.append(cell)
                index = self._list_paragraphs(index + 1, end, level, cell, depth + 1)
                for inner in cell.tables:
                    inner.parent = (table.number, cell.row, cell.column)
                continue
            index += 1
        table.settle()

    @staticmethod
    def _cell(data: bytes, table: Table) -> Cell:
        if len(data) < 16:
            raise DocumentError("corrupt", f"a cell of table {table.number} in the HWP file is truncated")
        column, row, column_span, row_span = struct.unpack_from("<HHHH", data, 8)
        return Cell(
            row=row + 1, column=column + 1, row_span=max(row_span, 1), column_span=max(column_span, 1)
        )
