"""Hancom Office's HWPX (OWPML, KS X 6101): a ZIP of XML parts → the extracted-document model.

The body is in ``Contents/section0.xml``, ``section1.xml``, …: paragraphs ``<hp:p>`` of runs
``<hp:run>`` whose text is in ``<hp:t>`` (with ``<hp:tab/>``, ``<hp:lineBreak/>`` and special
spaces inside), and tables ``<hp:tbl>`` of rows ``<hp:tr>`` of cells ``<hp:tc>``, each cell's
paragraphs in ``<hp:subList>`` and its place in ``<hp:cellAddr colAddr rowAddr>`` and
``<hp:cellSpan colSpan rowSpan>`` (0-based in the file, 1-based in the model). A table sits in a
run of the paragraph that anchors it; a cell may hold tables of its own.

Parsed with expat (see ``_safety``), which gives the byte offset of every stretch of text: each
paragraph's ``TextMap`` maps its characters to the bytes of its ``<hp:t>`` elements, so a later
``--fix`` can rewrite exactly a cell's text. Headers, footers, footnotes, endnotes and memos are
not read (page furniture, not the body); text boxes are read as paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tfagenda.documents import _safety
from tfagenda.documents.model import Cell, DocumentError, ExtractedDocument, Paragraph, Table, TextMap

WHAT = "HWPX"
_SECTION = re.compile(r"Contents/section(\d+)\.xml")
# Subtrees that are not the body's text.
_SKIPPED = frozenset({"header", "footer", "footNote", "endNote", "memo", "hiddenComment", "linesegarray"})
# Elements inside <hp:t> that stand for a character.
_INLINE_CHARS = {"tab": "\t", "lineBreak": "\n", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}


def section_parts(names: list[str]) -> list[str]:
    numbered = [(int(m.group(1)), name) for name in names if (m := _SECTION.fullmatch(name))]
    return [name for _, name in sorted(numbered)]


def read(raw: bytes, path: str) -> ExtractedDocument:
    _safety.check_size(raw)
    archive = _safety.open_zip(raw, WHAT)
    sections = section_parts(archive.namelist())
    if not sections:
        raise DocumentError("corrupt", "the HWPX file has no body (no Contents/section0.xml)")
    document = ExtractedDocument(path=path, format="hwpx")
    numbers = _Numbers()
    for part in sections:
        data = _safety.read_member(archive, part, WHAT)
        _SectionReader(document, numbers, part, data).run()
    return document


@dataclass
class _Numbers:
    table: int = 0
    paragraph: int = 0


@dataclass
class _ParagraphBuilder:
    paragraph: Paragraph
    chars: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> None:
        self.chars.append(text)
        self.length += len(text)


@dataclass
class _CellBuilder:
    cell: Cell
    placed: bool = False


@dataclass
class _TableBuilder:
    table: Table
    row: int = 0  # rows seen (<hp:tr>), for cells without <hp:cellAddr>
    next_column: int = 1


class _SectionReader:
    def __init__(self, document: ExtractedDocument, numbers: _Numbers, part: str, data: bytes) -> None:
        self.document = document
        self.numbers = numbers
        self.part = part
        self.data = data
        self.stack: list[object] = []  # open paragraphs, tables and cells, innermost last
        self.names: list[str] = []  # open elements' local names
        self.skipping = 0  # depth inside a skipped subtree
        self.text_elements = 0  # <hp:t> elements seen in this part (the element index of SourceRange)
        self._layout_start: int | None = None  # where the open paragraph's <hp:linesegarray> starts
        self.parser = _safety.xml_parser(self._start, self._end, self._characters)

    def run(self) -> None:
        _safety.parse_xml(self.parser, self.data, self.part, WHAT)

    # -- where we are ----------------------------------------------------------------------

    def _innermost(self, kind: type) -> object | None:
        for item in reversed(self.stack):
            if isinstance(item, kind):
                return item
        return None

    def _container(self) -> _CellBuilder | None:
        """The cell that new paragraphs and tables belong to (None: the body)."""
        for item in reversed(self.stack):
            if isinstance(item, _CellBuilder):
                return item
            if isinstance(item, _TableBuilder):  # between cells: not in a cell
                return None
        return None

    # -- expat handlers --------------------------------------------------------------------

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        self.names.append(local)
        if local == "t":  # counted everywhere: the index names the element among all of the part's
            self.text_elements += 1
        if self.skipping or local in _SKIPPED:
            if local == "linesegarray" and not self.skipping and self.names[-2:-1] == ["p"]:
                self._layout_start = self.parser.CurrentByteIndex
            self.skipping += 1
            return
        if local == "p":
            self._open_paragraph()
        elif local in _INLINE_CHARS and "t" in self.names[:-1]:
            paragraph = self._innermost(_ParagraphBuilder)
            if isinstance(paragraph, _ParagraphBuilder):
                paragraph.add(_INLINE_CHARS[local])
        elif local == "tbl":
            self._open_table(attrs)
        elif local == "tr":
            builder = self._innermost(_TableBuilder)
            if isinstance(builder, _TableBuilder):
                builder.row += 1
                builder.next_column = 1
        elif local == "tc":
            builder = self._innermost(_TableBuilder)
            if isinstance(builder, _TableBuilder):
                cell = Cell(row=builder.row, column=builder.next_column)
                self.stack.append(_CellBuilder(cell))
        elif local in ("cellAddr", "cellSpan"):
            self._cell_attributes(local, attrs)

    def _end(self, name: str) -> None:
        local = self.names.pop()
        if self.skipping:
            self.skipping -= 1
            if local == "linesegarray" and not self.skipping and self._layout_start is not None:
                paragraph = self._innermost(_ParagraphBuilder)
                close = self.data.find(b">", self.parser.CurrentByteIndex)
                if isinstance(paragraph, _ParagraphBuilder) and close >= 0:
                    paragraph.paragraph.layout = (self._layout_start, close + 1)
                self._layout_start = None
            return
        if local == "p":
            self._close_paragraph()
        elif local == "tc" and self.stack and isinstance(self.stack[-1], _CellBuilder):
            self._close_cell()  # (a <hp:tc> outside any table was never opened)
        elif local == "tbl":
            self._close_table()

    def _characters(self, text: str) -> None:
        if self.skipping or not self.names or self.names[-1] != "t":
            return
        paragraph = self._innermost(_ParagraphBuilder)
        if not isinstance(paragraph, _ParagraphBuilder):
            return
        bounds = _safety.char_bounds(self.data, self.parser.CurrentByteIndex, text)
        if bounds is not None and paragraph.paragraph.source is not None:
            paragraph.paragraph.source.add(paragraph.length, self.part, self.text_elements - 1, bounds)
        paragraph.add(text)

    # -- building --------------------------------------------------------------------------

    def _open_paragraph(self) -> None:
        cell = self._container()
        if cell is None:
            self.numbers.paragraph += 1
            paragraph = Paragraph("", self.numbers.paragraph, source=TextMap(), part=self.part)
            self.document.blocks.append(paragraph)  # placed now: before the tables it anchors
        else:
            paragraph = Paragraph("", len(cell.cell.paragraphs) + 1, source=TextMap(), part=self.part)
            cell.cell.paragraphs.append(paragraph)
        self.stack.append(_ParagraphBuilder(paragraph))

    def _close_paragraph(self) -> None:
        builder = self.stack.pop()
        assert isinstance(builder, _ParagraphBuilder)
        builder.paragraph.text = "".join(builder.chars)

    def _open_table(self, attrs: dict[str, str]) -> None:
        depth = sum(isinstance(item, _TableBuilder) for item in self.stack)
        if depth >= _safety.MAX_NESTING:
            raise DocumentError("too_large", f"tables are nested more than {_safety.MAX_NESTING} deep")
        self.numbers.table += 1
        table = Table(self.numbers.table, _int(attrs.get("rowCnt")), _int(attrs.get("colCnt")))
        anchor = self._innermost(_ParagraphBuilder)
        if isinstance(anchor, _ParagraphBuilder):
            table.anchor = anchor.paragraph.number
        cell = self._container()
        if cell is None:
            self.document.blocks.append(table)
        else:
            cell.cell.tables.append(table)
        self.stack.append(_TableBuilder(table))

    def _cell_attributes(self, local: str, attrs: dict[str, str]) -> None:
        cell = self._innermost(_CellBuilder)
        if not isinstance(cell, _CellBuilder):
            return
        if local == "cellAddr":
            cell.cell.row = _int(attrs.get("rowAddr")) + 1
            cell.cell.column = _int(attrs.get("colAddr")) + 1
            cell.placed = True
        else:
            cell.cell.row_span = max(_int(attrs.get("rowSpan"), 1), 1)
            cell.cell.column_span = max(_int(attrs.get("colSpan"), 1), 1)

    def _close_cell(self) -> None:
        builder = self.stack.pop()
        assert isinstance(builder, _CellBuilder)
        table = self._innermost(_TableBuilder)
        assert isinstance(table, _TableBuilder)
        cell = builder.cell
        table.next_column = cell.column + cell.column_span
        table.table.cells.append(cell)
        for inner in cell.tables:
            inner.parent = (table.table.number, cell.row, cell.column)

    def _close_table(self) -> None:
        builder = self.stack.pop()
        assert isinstance(builder, _TableBuilder)
        builder.table.settle()


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
