"""PDF → the extracted-document model (read only): text lines and ruled tables, with page numbers.

The PDF is parsed by PDFium (``pypdfium2``, which ``pdfplumber`` itself depends on): it reads a
29-page press release in well under a second, where pdfplumber's own pure-Python parser
(pdfminer.six) takes some 20 seconds on this machine. Tables are found by pdfplumber's lattice
algorithm (``pdfplumber.table``: snap and join ruling lines, find their intersections, the
smallest rectangles between them, and group touching rectangles into tables), fed with the
horizontal and vertical line segments of the page's path objects as PDFium reports them. A
cell's text is the text PDFium finds inside its box; the text outside tables is read line by
line, each line a paragraph. Blocks are in reading order on each page, top to bottom.

A PDF whose text layer has no readable text (a scan, or text drawn as shapes as some printers
do) is refused with ``DocumentError("no_text")``: reading it as empty would report "no findings"
for a document nobody checked. Limits: tables must be ruled (drawn with lines); a table that
continues on the next page is two tables; a table nested in a cell is read as part of the outer
table's grid.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

from tfagenda.documents import _safety
from tfagenda.documents.model import Cell, DocumentError, ExtractedDocument, Paragraph, Table

# Text that is readable: letters (of any script) make up at least this share of the non-blank
# characters. Digits and punctuation alone are what a text layer keeps when the fonts have no
# Unicode map for the words (the cairo-printed press release keeps "2025. 8. 13.( ) 15:00").
MIN_LETTER_SHARE = 0.10
SNAP = 3.0  # points: ruling lines this close are one line (pdfplumber's default)
MIN_EDGE = 3.0  # points: shorter segments are not ruling lines
MAX_PAIRS = 4_000_000  # vertical × horizontal edges on a page: past this, no table search (bounded time)
MAX_PAGES = 2_000


@dataclass
class _Line:
    top: float  # from the top of the page
    bottom: float
    left: float
    text: str


def read(raw: bytes, path: str) -> ExtractedDocument:
    _safety.check_size(raw)
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(
                "encrypted", "the PDF is protected by a password; its text cannot be read"
            ) from None
        raise DocumentError("corrupt", f"the PDF is damaged or truncated ({error})") from None
    try:
        pages = len(pdf)
        if pages > MAX_PAGES:
            raise DocumentError("too_large", f"the PDF has {pages:,} pages; at most {MAX_PAGES:,} are read")
        document = ExtractedDocument(path=path, format="pdf", pages=pages)
        textpages = []
        for index in range(pages):
            page = pdf[index]
            textpages.append((page, page.get_textpage()))
        _require_readable_text([textpage for _, textpage in textpages])
        reader = _PageReader(document)
        for number, (page, textpage) in enumerate(textpages, start=1):
            reader.page(number, page, textpage)
        return document
    except DocumentError:
        raise
    except pdfium.PdfiumError as error:
        raise DocumentError("corrupt", f"the PDF is damaged ({error})") from None
    finally:
        pdf.close()


def _require_readable_text(textpages: list[Any]) -> None:
    text = "".join(textpage.get_text_range() for textpage in textpages)
    visible = [char for char in text if not char.isspace()]
    letters = sum(char.isalpha() for char in visible)
    if not visible:
        raise DocumentError(
            "no_text",
            "the PDF has no text layer (a scan, or text drawn as shapes): there is no readable text to check",
        )
    if letters < MIN_LETTER_SHARE * len(visible):
        raise DocumentError(
            "no_text",
            f"the PDF's text layer has no readable text: of its {len(visible):,} characters only {letters:,} are "
            "letters (the words are drawn as shapes or their fonts have no Unicode map); check the original document",
        )


class _PageReader:
    def __init__(self, document: ExtractedDocument) -> None:
        self.document = document
        self.tables = 0
        self.paragraphs = 0

    def page(self, number: int, page: Any, textpage: Any) -> None:
        height = page.get_height()
        boxes = _table_boxes(page, height)
        lines = _text_lines(textpage, height, [_outline(cells) for cells in boxes])
        items: list[tuple[float, int, Any]] = [(line.top, 1, line) for line in lines]
        items += [(min(c[1] for c in cells), 0, cells) for cells in boxes]
        for _, kind, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
            if kind == 1:
                for text in item.text.split("\n"):
                    self.paragraphs += 1
                    self.document.blocks.append(Paragraph(text, self.paragraphs, page=number))
            else:
                self.tables += 1
                table = _table(item, self.tables, number, textpage, height)
                table.anchor = self.paragraphs
                self.document.blocks.append(table)


def _edges(page: Any, height: float) -> list[dict[str, Any]]:
    """Horizontal and vertical segments of the page's paths, as pdfplumber's edge dictionaries."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    edges: list[dict[str, Any]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()

    def walk(objects: list[Any], outer: tuple[float, ...], depth: int) -> None:
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
                continue
            if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
                continue
            inner = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth < 4:
                    count = pdfium_c.FPDFFormObj_CountObjects(obj)
                    walk([pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count)], inner, depth + 1)
                continue
            _path_edges(obj, inner, edges, height, x, y)

    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    walk([pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(count)], (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)
    return edges


def _compose(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix of applying ``m`` then ``n`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _path_edges(
    obj: Any, m: tuple[float, ...], edges: list[dict[str, Any]], height: float, x: Any, y: Any
) -> None:
    import pypdfium2.raw as pdfium_c

    a, b, c, d, e, f = m
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            _add_edge(edges, previous, point, height)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        previous = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(edges, point, start, height)
            previous = start


def _add_edge(
    edges: list[dict[str, Any]], a: tuple[float, float], b: tuple[float, float], height: float
) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) < 0.5 and abs(x1 - x0) >= MIN_EDGE:
        left, right = sorted((x0, x1))
        top = height - y0
        edges.append(
            {
                "x0": left,
                "x1": right,
                "top": top,
                "bottom": top,
                "width": right - left,
                "height": 0.0,
                "orientation": "h",
                "object_type": "line",
            }
        )
    elif abs(x0 - x1) < 0.5 and abs(y1 - y0) >= MIN_EDGE:
        top, bottom = sorted((height - y0, height - y1))
        edges.append(
            {
                "x0": x0,
                "x1": x0,
                "top": top,
                "bottom": bottom,
                "width": 0.0,
                "height": bottom - top,
                "orientation": "v",
                "object_type": "line",
            }
        )


def _table_boxes(page: Any, height: float) -> list[list[tuple[float, float, float, float]]]:
    """The tables on the page, each a list of cell boxes (x0, top, x1, bottom), top-down coordinates."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    edges = _edges(page, height)
    if not edges:
        return []
    edges = merge_edges(edges, SNAP, SNAP, SNAP, SNAP)
    vertical = sum(e["orientation"] == "v" for e in edges)
    if vertical * (len(edges) - vertical) > MAX_PAIRS:
        return []
    cells = intersections_to_cells(edges_to_intersections(edges, 1, 1))
    return [
        [(float(c[0]), float(c[1]), float(c[2]), float(c[3])) for c in group]
        for group in cells_to_tables(cells)
    ]


def _outline(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _table(
    boxes: list[tuple[float, float, float, float]], number: int, page: int, textpage: Any, height: float
) -> Table:
    xs = sorted({round(v, 1) for box in boxes for v in (box[0], box[2])})
    ys = sorted({round(v, 1) for box in boxes for v in (box[1], box[3])})
    table = Table(number, len(ys) - 1, len(xs) - 1, page=page)
    for x0, top, x1, bottom in boxes:
        column, end_column = xs.index(round(x0, 1)), xs.index(round(x1, 1))
        row, end_row = ys.index(round(top, 1)), ys.index(round(bottom, 1))
        text = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
        cell = Cell(
            row=row + 1,
            column=column + 1,
            row_span=max(end_row - row, 1),
            box=(x0, top, x1, bottom),
            column_span=max(end_column - column, 1),
            page=page,
        )
        lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        cell.paragraphs = [Paragraph(line, n, page=page) for n, line in enumerate(lines, start=1)]
        table.cells.append(cell)
    table.settle()
    return table


def _text_lines(textpage: Any, height: float, tables: list[tuple[float, float, float, float]]) -> list[_Line]:
    """The page's text outside the tables (``tables``: their outlines), as lines top to bottom.

    PDFium's text rectangles (runs of text on a line) outside every cell are grouped into lines;
    each line's text is then read from the box around them, so PDFium's own word spacing holds
    (a time split into two runs, ``16:3`` + ``0``, reads ``16:30``).
    """
    pieces: list[tuple[float, float, float, float]] = []  # top, bottom, left, right (top-down)
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        center_x, center_y = (left + right) / 2, height - (top + bottom) / 2
        if any(x0 <= center_x <= x1 and y0 <= center_y <= y1 for x0, y0, x1, y1 in tables):
            continue
        pieces.append((height - top, height - bottom, left, right))
    pieces.sort()
    groups: list[list[tuple[float, float, float, float]]] = []
    group_bottom = 0.0
    for piece in pieces:
        middle = (piece[0] + piece[1]) / 2
        if groups and groups[-1][0][0] <= middle <= group_bottom:
            groups[-1].append(piece)
            group_bottom = max(group_bottom, piece[1])
        else:
            groups.append([piece])
            group_bottom = piece[1]
    lines = []
    for group in groups:
        top, bottom = min(p[0] for p in group), max(p[1] for p in group)
        left, right = min(p[2] for p in group), max(p[3] for p in group)
        text = textpage.get_text_bounded(
            left=left - 0.5, bottom=height - bottom - 0.5, right=right + 0.5, top=height - top + 0.5
        )
        text = " ".join(
            part.strip()
            for part in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if part.strip()
        )
        if text:
            lines.append(_Line(top, bottom, left, text))
    return lines
