"""The extracted document as the text the ministry reader understands, with a map back to the document.

``render(document)`` writes one line per paragraph (a line break inside a paragraph starts a new
line) and one line per table row, its cells separated by tabs, so that
``importers.ministry.read()`` reads a document's ``(일시)`` line and schedule table exactly as
it reads a text copy. ``RenderedText.locate()`` then turns a span of that text (what the
reader's findings point at) into a ``Location``: table, row and column (1-based, header
included), the paragraph (in the body, or in the cell), the page (PDF), and the characters of
the cell's or paragraph's own text, whose ``source_ranges()`` are the XML bytes to rewrite.

How tables are laid out:

- a row's cells are placed on the grid, so every column keeps its place under the header: a
  cell merged across columns is written in its first column, the others left empty; a cell
  merged across rows is repeated in each row (a 비고 merged over two rows names both rows'
  owner), except in the first column, where the rows below read as more of the first row;
- a line break or tab inside a cell is written as a space (one character for one, so offsets
  into the cell's text stay the same);
- a one-column table (a box around text, as press releases frame their overview) is written as
  its content: its paragraphs as lines, the tables nested in it where they are anchored;
- in other tables, nested tables follow the table that holds them;
- a leading number column (``연번``, ``순번``, ``No.``…) before a time column (``시 간``) is left
  out, so the row starts with its time as the reader expects; locations keep the true columns;
- a blank line follows every table, so two tables never read as one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tfagenda.documents.model import Cell, ExtractedDocument, Paragraph, SourceRange, Table, TextMap

_TIME_HEADER = re.compile(r"\s*(?:시\s*간|시\s*각|일\s*정|time)\s*(?:[(（]\s*안\s*[)）])?\s*", re.IGNORECASE)
# Characters that would break a table row's line (the reader splits lines at \r and \n) or its
# cells (tabs): each becomes one space, so offsets into the cell's text stay the same.
_ONE_LINE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_NUMBER_HEADER = re.compile(r"\s*(?:연\s*번|순\s*번|순\s*서|번\s*호|no\.?|#)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Location:
    """Where some characters of the rendered text are in the document.

    ``start``/``end`` index the text of the cell (``Cell.text``) or of the body paragraph.
    """

    start: int
    end: int
    table: int | None = None
    row: int | None = None
    column: int | None = None
    paragraph: int | None = None  # body paragraph, or the paragraph within the cell
    page: int | None = None
    cell: Cell | None = field(default=None, compare=False, repr=False)
    body_paragraph: Paragraph | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The whole text of the cell or paragraph (the context a finding shows)."""
        if self.cell is not None:
            return self.cell.text
        return self.body_paragraph.text if self.body_paragraph is not None else ""

    @property
    def value(self) -> str:
        return self.text[self.start : self.end]

    def source_map(self) -> TextMap | None:
        if self.cell is not None:
            return self.cell.source
        return self.body_paragraph.source if self.body_paragraph is not None else None

    def source_ranges(self) -> list[SourceRange]:
        """The XML bytes that hold ``value`` (.hwpx/.docx; empty for .hwp and .pdf)."""
        text_map = self.source_map()
        return text_map.ranges(self.start, self.end) if text_map is not None else []


@dataclass(frozen=True, slots=True)
class _Segment:
    column: int  # 0-based first column on the rendered line
    length: int
    offset: int  # the index in the target's text of the segment's first character
    table: Table | None
    cell: Cell | None
    paragraph: Paragraph | None  # for body text


@dataclass
class RenderedText:
    text: str
    lines: list[list[_Segment]]

    def locate(self, line: int, column: int, end_column: int | None = None) -> Location | None:
        """The document location of 1-based ``line``, ``column`` (to ``end_column``, exclusive, on the same line).

        None when the position is on a separator (a tab between cells) or past the text.
        """
        if not 1 <= line <= len(self.lines):
            return None
        segments = self.lines[line - 1]
        at = column - 1
        index = bisect.bisect_right([s.column for s in segments], at) - 1
        if index < 0:
            return None
        segment = segments[index]
        if not segment.column <= at < segment.column + max(segment.length, 1):
            return None
        start = segment.offset + at - segment.column
        stop = end_column - 1 if end_column is not None else at + 1
        end = segment.offset + min(stop, segment.column + segment.length) - segment.column
        end = max(end, start)
        if segment.cell is not None and segment.table is not None:
            cell = segment.cell
            return Location(
                start,
                end,
                table=segment.table.number,
                row=cell.row,
                column=cell.column,
                paragraph=cell.text.count("\n", 0, start) + 1,
                page=cell.page if cell.page is not None else segment.table.page,
                cell=cell,
            )
        paragraph = segment.paragraph
        assert paragraph is not None
        return Location(start, end, paragraph=paragraph.number, page=paragraph.page, body_paragraph=paragraph)

    def locate_span(self, line: int, column: int, end_line: int, end_column: int) -> Location | None:
        """A span as the ministry reader's ``Span`` gives it (a span over several lines: its first line)."""
        return self.locate(line, column, end_column if end_line == line else None)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.segments: list[list[_Segment]] = []

    def line(self, pieces: list[tuple[str, _Segment | None]]) -> None:
        text: list[str] = []
        segments: list[_Segment] = []
        column = 0
        for index, (piece, segment) in enumerate(pieces):
            if index:
                text.append("\t")
                column += 1
            if segment is not None:
                segments.append(
                    _Segment(
                        column, len(piece), segment.offset, segment.table, segment.cell, segment.paragraph
                    )
                )
            text.append(piece)
            column += len(piece)
        self.lines.append("".join(text))
        self.segments.append(segments)

    def text_lines(
        self, text: str, table: Table | None, cell: Cell | None, paragraph: Paragraph | None
    ) -> None:
        """Text as lines (split at its line breaks), each mapped to its offset in ``text``."""
        offset = 0
        for piece in text.replace("\r", " ").split("\n"):
            self.line([(piece, _Segment(0, len(piece), offset, table, cell, paragraph))])
            offset += len(piece) + 1


def render(document: ExtractedDocument) -> RenderedText:
    writer = _Writer()
    for block in document.blocks:
        if isinstance(block, Paragraph):
            writer.text_lines(block.text, None, None, block)
        else:
            _table(writer, block)
    return RenderedText("\n".join(writer.lines), writer.segments)


def _table(writer: _Writer, table: Table) -> None:
    if table.columns <= 1:
        _box(writer, table)
        return
    first = _first_column(table)
    for row in range(1, table.rows + 1):
        pieces: list[tuple[str, _Segment | None]] = []
        for column in range(first, table.columns + 1):
            cell = table.cell_at(row, column)
            # A merged cell is written at its first column; in the rows below its first it is
            # repeated (a 비고 merged over two rows is both rows' owner), except in the row's
            # first column: a row under a merged time is more of the row above.
            if cell is None or cell.column != column or (cell.row != row and column == first):
                pieces.append(("", None))
            else:
                text = cell.text.translate(_ONE_LINE)
                pieces.append((text, _Segment(0, len(text), 0, table, cell, None)))
        writer.line(pieces)
    writer.line([])
    for cell in table.cells:
        for inner in cell.tables:
            _table(writer, inner)


def _box(writer: _Writer, table: Table) -> None:
    """A one-column table: its cells' paragraphs as lines, nested tables where they are anchored."""
    for cell in table.cells:
        offset = 0
        anchored: dict[int, list[Table]] = {}
        for inner in cell.tables:
            anchored.setdefault(inner.anchor, []).append(inner)
        for inner in anchored.pop(0, []):
            _table(writer, inner)
        for paragraph in cell.paragraphs:
            for piece in paragraph.text.replace("\r", " ").split("\n"):
                writer.line([(piece, _Segment(0, len(piece), offset, table, cell, None))])
                offset += len(piece) + 1
            for inner in anchored.pop(paragraph.number, []):
                _table(writer, inner)
        for rest in anchored.values():
            for inner in rest:
                _table(writer, inner)
    writer.line([])


def _first_column(table: Table) -> int:
    """The column a schedule row starts at: after a leading number column before a time column."""
    for row in table.grid()[:3]:
        texts = [cell.text if cell is not None else "" for cell in row]
        for index, text in enumerate(texts[1:3], start=2):
            if _TIME_HEADER.fullmatch(text) and all(_NUMBER_HEADER.fullmatch(t) for t in texts[: index - 1]):
                return index
    return 1
