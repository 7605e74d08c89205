"""Word's DOCX (Office Open XML) → the extracted-document model.

``python-docx`` opens the package and gives the body's XML tree: paragraphs ``<w:p>`` of runs
whose text is in ``<w:t>`` (``<w:tab/>``, ``<w:br/>``, ``<w:cr/>`` and ``<w:noBreakHyphen/>``
stand for characters; deleted text ``<w:delText>`` and field codes are not read), and tables
``<w:tbl>`` of rows ``<w:tr>`` of cells ``<w:tc>``. Merged cells: ``<w:gridSpan>`` spans columns;
``<w:vMerge w:val="restart"/>`` starts a vertical merge that the cells below with a bare
``<w:vMerge/>`` continue; ``<w:gridBefore>`` skips grid columns at a row's start. Content
controls (``<w:sdt>``) are read through. Text boxes are not read.

Byte offsets: the main part (``word/document.xml``) is also parsed with expat, which gives the
bytes of every ``<w:t>``'s text; the n-th ``<w:t>`` of python-docx's tree is the n-th of expat's
(both read the same part in document order), so each paragraph's ``TextMap`` maps its characters
to the part's bytes for a later ``--fix``.
"""

from __future__ import annotations

import io
from typing import Any

from tfagenda.documents import _safety
from tfagenda.documents.model import Cell, DocumentError, ExtractedDocument, Paragraph, Table, TextMap

WHAT = "DOCX"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_T, _P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    f"{{{W}}}{n}" for n in ("t", "p", "tbl", "tr", "tc", "sdt", "sdtContent")
)
_CHARS = {f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n", f"{{{W}}}cr": "\n", f"{{{W}}}noBreakHyphen": "-"}
# Subtrees of a paragraph whose text is not the paragraph's own.
_NOT_OWN_TEXT = {
    f"{{{W}}}txbxContent",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}


def read(raw: bytes, path: str) -> ExtractedDocument:
    _safety.check_size(raw)
    archive = _safety.open_zip(raw, WHAT)  # the limits, before python-docx unpacks every part
    import docx  # python-docx; imported here: a check of YAML files never pays for it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(raw))
    except PackageNotFoundError:
        raise DocumentError("corrupt", "the DOCX file has no Word document in it") from None
    except Exception as error:  # lxml's XMLSyntaxError, KeyError for a missing part, …
        raise DocumentError(
            "corrupt", f"the DOCX file is damaged ({type(error).__name__}: {error})"
        ) from None
    part = str(word.part.partname).lstrip("/")
    body = word.element.find(f"{{{W}}}body")
    if body is None:
        raise DocumentError("corrupt", f"the DOCX file's {part} has no document body (<w:body>)")
    offsets = _text_offsets(_safety.read_member(archive, part, WHAT), part)
    reader = _Reader(ExtractedDocument(path=path, format="docx"), part, word.element, offsets)
    reader.blocks(body, None)
    return reader.document


def _text_offsets(data: bytes, part: str) -> list[tuple[str, TextMap]]:
    """For each ``<w:t>`` of the part in document order: its text and the TextMap of that text."""
    found: list[tuple[str, TextMap]] = []
    names: list[str] = []
    current: list[tuple[list[str], TextMap]] = []
    parser: Any = None

    def start(name: str, attrs: dict[str, str]) -> None:
        names.append(name)
        if name == f"{W} t":
            current.append(([], TextMap()))

    def end(name: str) -> None:
        names.pop()
        if name == f"{W} t":
            chars, text_map = current.pop()
            found.append(("".join(chars), text_map))

    def characters(text: str) -> None:
        if names and names[-1] == f"{W} t" and current:
            chars, text_map = current[-1]
            bounds = _safety.char_bounds(data, parser.CurrentByteIndex, text)
            if bounds is not None:
                text_map.add(sum(map(len, chars)), part, len(found), bounds)
            chars.append(text)

    parser = _safety.xml_parser(start, end, characters)
    _safety.parse_xml(parser, data, part, WHAT)
    return found


class _Reader:
    def __init__(
        self, document: ExtractedDocument, part: str, root: Any, offsets: list[tuple[str, TextMap]]
    ) -> None:
        self.document = document
        self.part = part
        self.offsets = offsets
        self.index = {element: n for n, element in enumerate(root.iter(_T))}
        self.tables = 0
        self.paragraphs = 0

    def blocks(self, parent: Any, cell: Cell | None, depth: int = 0) -> None:
        for child in parent.iterchildren():
            if child.tag == _P:
                self._paragraph(child, cell)
            elif child.tag == _TBL:
                self._table(child, cell, depth)
            elif child.tag == _SDT:
                for content in child.iterchildren(_SDT_CONTENT):
                    self.blocks(content, cell, depth)

    def _paragraph(self, element: Any, cell: Cell | None) -> None:
        if cell is None:
            self.paragraphs += 1
            paragraph = Paragraph("", self.paragraphs, source=TextMap(), part=self.part)
            self.document.blocks.append(paragraph)
        else:
            paragraph = Paragraph("", len(cell.paragraphs) + 1, source=TextMap(), part=self.part)
            cell.paragraphs.append(paragraph)
        chars: list[str] = []
        length = 0
        assert paragraph.source is not None
        for node in _own_descendants(element):
            if node.tag == _T:
                text = node.text or ""
                position = self.index.get(node)
                if (
                    position is not None
                    and position < len(self.offsets)
                    and self.offsets[position][0] == text
                ):
                    paragraph.source.extend(self.offsets[position][1], length)
                chars.append(text)
                length += len(text)
            elif node.tag in _CHARS:
                chars.append(_CHARS[node.tag])
                length += 1
        paragraph.text = "".join(chars)

    def _table(self, element: Any, holder: Cell | None, depth: int) -> None:
        if depth >= _safety.MAX_NESTING:
            raise DocumentError("too_large", f"tables are nested more than {_safety.MAX_NESTING} deep")
        self.tables += 1
        grid = element.find(f"{{{W}}}tblGrid")
        columns = len(grid.findall(f"{{{W}}}gridCol")) if grid is not None else 0
        table = Table(self.tables, 0, columns, anchor=len(holder.paragraphs) if holder else self.paragraphs)
        if holder is None:
            self.document.blocks.append(table)
        else:
            holder.tables.append(table)
        bottom: dict[int, Cell] = {}  # grid column → the cell ending in the row above there
        for row_number, row in enumerate(_unwrapped(element, _TR), start=1):
            table.rows = row_number
            column = 1 + _val(row.find(f"{{{W}}}trPr/{{{W}}}gridBefore"), 0)
            for tc in _unwrapped(row, _TC):
                span = max(int(tc.grid_span or 1), 1)
                above = bottom.get(column)
                if tc.vMerge == "continue" and above is not None and above.row + above.row_span == row_number:
                    above.row_span += 1  # a continued vertical merge: the cell above grows
                    column += span
                    continue
                cell = Cell(row=row_number, column=column, column_span=span)
                bottom[column] = cell
                table.cells.append(cell)
                self.blocks(tc, cell, depth + 1)
                for inner in cell.tables:
                    inner.parent = (table.number, cell.row, cell.column)
                column += span
        table.settle()


def _own_descendants(element: Any) -> Any:
    """The paragraph's descendants in document order, without text boxes and fallback copies."""
    stack = [iter(element.iterchildren())]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if not isinstance(node.tag, str) or node.tag in _NOT_OWN_TEXT:
            continue
        yield node
        stack.append(iter(node.iterchildren()))


def _unwrapped(element: Any, tag: str) -> list[Any]:
    """Children with ``tag``, looking through content controls (``<w:sdt>``) around them."""
    found = []
    for child in element.iterchildren():
        if child.tag == tag:
            found.append(child)
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                found.extend(_unwrapped(content, tag))
    return found


def _val(element: Any, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(f"{{{W}}}val"))
    except (TypeError, ValueError):
        return default
