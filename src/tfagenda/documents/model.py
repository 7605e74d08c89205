"""The extracted-document model: what every reader (.hwpx, .hwp, .docx, .pdf) turns a file into.

A document is a sequence of blocks in document order: paragraphs and tables. A table has cells
placed on its grid (1-based row and column, the header row included, with the row and column
spans of merged cells); a cell holds its paragraphs and any tables nested in it. Every text knows
where it came from: the page for a PDF, and for the formats that can be fixed in place (.hwpx,
.docx) a ``TextMap`` from each character back to the bytes of the XML part that hold it.

Numbers are what a person finds in Hancom Office or Word: tables are numbered 1, 2, … in the
order they start in the document (a nested table after the table that holds it), paragraphs
outside tables 1, 2, … in document order (empty ones count, as moving paragraph by paragraph
counts them).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

# Positions (rows × columns) of one table: a hostile file's rowCnt of a billion is refused, not allocated.
MAX_GRID = 1_000_000


class DocumentError(Exception):
    """A document that cannot be read, and why, in words a person can act on.

    ``reason`` is a stable key for the message catalog (``encrypted``, ``distribution``, ``drm``,
    ``no_text``, ``too_large``, ``corrupt``, ``unsupported``); ``str(error)`` is the English text.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True, slots=True)
class SourceRange:
    """Bytes of an XML part that hold some characters of a text.

    ``part`` is the ZIP member (``Contents/section0.xml``, ``word/document.xml``); ``element`` is
    the index of the text element (``hp:t``, ``w:t``) among that part's text elements in
    document order, ``start``/``end`` the byte offsets of the characters in the part (escaped as
    the file has them: ``&amp;`` is five bytes for one ``&``).
    """

    part: str
    element: int
    start: int
    end: int


@dataclass(slots=True)
class _Piece:
    """Characters ``text_start``… of a text that come from one stretch of one text element."""

    text_start: int
    part: str
    element: int
    # Byte offset of each character in the part, plus the offset after the last: len(chars) + 1.
    bounds: list[int]

    @property
    def text_end(self) -> int:
        return self.text_start + len(self.bounds) - 1


@dataclass
class TextMap:
    """Maps character offsets of a text (a cell's or a paragraph's) to bytes of the source XML.

    Characters the document has no text bytes for (the line break between a cell's paragraphs, a
    tab element ``<hp:tab/>``) map to nothing. A time split across runs, ``14:3`` + ``0``, is two
    pieces: ``ranges(0, 5)`` gives both byte ranges, in order.
    """

    pieces: list[_Piece] = field(default_factory=list)

    def add(self, text_start: int, part: str, element: int, bounds: list[int]) -> None:
        if len(bounds) > 1:
            self.pieces.append(_Piece(text_start, part, element, bounds))

    def shifted(self, by: int) -> TextMap:
        return TextMap([_Piece(p.text_start + by, p.part, p.element, p.bounds) for p in self.pieces])

    def extend(self, other: TextMap, at: int) -> None:
        self.pieces.extend(other.shifted(at).pieces)

    def ranges(self, start: int, end: int) -> list[SourceRange]:
        """The source bytes of characters ``start`` to ``end`` (exclusive), one range per text element."""
        found: list[SourceRange] = []
        starts = [p.text_start for p in self.pieces]
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        for piece in self.pieces[index:]:
            if piece.text_start >= end:
                break
            low, high = max(start, piece.text_start), min(end, piece.text_end)
            if low >= high:
                continue
            first = piece.bounds[low - piece.text_start]
            last = piece.bounds[high - piece.text_start]
            if found and found[-1].element == piece.element and found[-1].end == first:
                found[-1] = SourceRange(piece.part, piece.element, found[-1].start, last)
            else:
                found.append(SourceRange(piece.part, piece.element, first, last))
        return found

    def covers(self, start: int, end: int) -> bool:
        """Whether every character from ``start`` to ``end`` has source bytes (so it can be rewritten)."""
        covered = sum(
            max(0, min(end, p.text_end) - max(start, p.text_start))
            for p in self.pieces
            if p.text_start < end and p.text_end > start
        )
        return covered == end - start


@dataclass
class Paragraph:
    """A paragraph: its text with runs joined, its 1-based number, and where it is."""

    text: str
    number: int  # outside tables: in the document; inside a cell: in that cell
    page: int | None = None  # PDF only
    source: TextMap | None = None  # .hwpx/.docx only
    # The XML part or stream it is in (``Contents/section0.xml``, ``word/document.xml``, ``BodyText/Section0``).
    part: str | None = None
    # .hwpx: the bytes of the paragraph's cached line layout, ``<hp:linesegarray>…</hp:linesegarray>``,
    # in ``part``; a fix that changes the paragraph's text drops it, so Hancom lays the line out again.
    layout: tuple[int, int] | None = None


@dataclass
class Cell:
    """A table cell on the grid: 1-based row and column of its top-left corner, and its spans."""

    row: int
    column: int
    row_span: int = 1
    column_span: int = 1
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # tables nested in this cell
    page: int | None = None  # PDF: the page of the cell
    box: tuple[float, float, float, float] | None = (
        None  # PDF: x0, top, x1, bottom in points from the page's top left
    )
    _text: str | None = field(default=None, repr=False)
    _source: TextMap | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The cell's text: its paragraphs joined with line breaks (nested tables not included)."""
        if self._text is None:
            self._text = "\n".join(p.text for p in self.paragraphs)
        return self._text

    @property
    def source(self) -> TextMap | None:
        """Character offsets of ``text`` → source bytes (None for .hwp and .pdf)."""
        if self._source is None and any(p.source is not None for p in self.paragraphs):
            joined = TextMap()
            at = 0
            for paragraph in self.paragraphs:
                if paragraph.source is not None:
                    joined.extend(paragraph.source, at)
                at += len(paragraph.text) + 1
            self._source = joined
        return self._source


@dataclass
class Table:
    """A table: number in document order, grid size, and its cells in reading order."""

    number: int
    rows: int
    columns: int
    cells: list[Cell] = field(default_factory=list)
    page: int | None = None  # PDF: the page the table starts on
    parent: tuple[int, int, int] | None = None  # nested: (table, row, column) of the cell holding it
    # The paragraph it comes after (in the body, or in the cell holding it): the one whose run
    # anchors it (.hwpx/.hwp), or the last before it (.docx, .pdf); 0 before any.
    anchor: int = 0
    _covering: dict[tuple[int, int], Cell] | None = field(default=None, repr=False, compare=False)

    def settle(self) -> None:
        """After reading: the grid covers every cell, cells are in reading order, the size is bounded."""
        if self.cells:
            self.rows = max(self.rows, max(c.row + c.row_span - 1 for c in self.cells))
            self.columns = max(self.columns, max(c.column + c.column_span - 1 for c in self.cells))
        if self.rows * self.columns > MAX_GRID:
            raise DocumentError(
                "too_large",
                f"table {self.number} has {self.rows:,} rows and {self.columns:,} columns; "
                f"at most {MAX_GRID:,} positions are read",
            )
        self.cells.sort(key=lambda c: (c.row, c.column))
        self._covering = None

    def covering(self) -> dict[tuple[int, int], Cell]:
        """Grid position (row, column) → the cell covering it, merged cells included."""
        if self._covering is None:
            covering: dict[tuple[int, int], Cell] = {}
            budget = 4 * MAX_GRID  # overlapping merges in a hostile file cannot make this quadratic
            for cell in self.cells:
                for row in range(cell.row, min(cell.row + cell.row_span, self.rows + 1)):
                    for column in range(cell.column, min(cell.column + cell.column_span, self.columns + 1)):
                        covering.setdefault((row, column), cell)
                        budget -= 1
                        if budget <= 0:
                            break
            self._covering = covering
        return self._covering

    def cell_at(self, row: int, column: int) -> Cell | None:
        """The cell covering grid position (row, column), merged cells included."""
        return self.covering().get((row, column))

    def grid(self) -> list[list[Cell | None]]:
        """Rows × columns; a merged cell appears at its top-left position only, covered positions are None."""
        grid: list[list[Cell | None]] = [[None] * self.columns for _ in range(self.rows)]
        for cell in self.cells:
            if 1 <= cell.row <= self.rows and 1 <= cell.column <= self.columns:
                grid[cell.row - 1][cell.column - 1] = cell
        return grid


Block = Paragraph | Table


@dataclass
class ExtractedDocument:
    """One document, whatever its format: blocks in document order and what they came from."""

    path: str
    format: str  # "hwpx", "hwp", "docx", "pdf"
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None  # PDF only

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> Iterator[Table]:
        """Every table, nested ones included, in number order."""
        found: list[Table] = []

        def walk(table: Table) -> None:
            found.append(table)
            for cell in table.cells:
                for inner in cell.tables:
                    walk(inner)

        for block in self.blocks:
            if isinstance(block, Table):
                walk(block)
        return iter(sorted(found, key=lambda t: t.number))

    def table(self, number: int) -> Table:
        for table in self.tables():
            if table.number == number:
                return table
        raise KeyError(number)
