"""tfagenda positions (1-based line, code-point column) ↔ LSP positions in the negotiated encoding.

LSP counts a column in UTF-16 code units by default; a client may offer UTF-8 (bytes) or UTF-32
(code points) instead (``general.positionEncodings``). tfagenda's places go through offsets into
the text with ``positions.LineIndex``, the converter every reader and ``--fix`` use (code-point
columns; ``skip_bom``: a "\\ufeff" inside a line takes no column, as ruamel.yaml counts), and the
LSP column counts the units of the one line the position is on. LSP itself counts every character,
a "\\ufeff" too; its lines end at "\\r\\n", "\\r" and "\\n", as LineIndex's do.
"""

from __future__ import annotations

from bisect import bisect_right

from tfagenda.findings import Span
from tfagenda.positions import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in the code units of ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)  # a surrogate pair each


class PositionMap:
    """One text's positions, in both countings (built once per check of a document)."""

    def __init__(self, text: str, encoding: str = UTF16, *, skip_bom: bool = True) -> None:
        self.text = text
        self.encoding = encoding
        self.index = LineIndex(text, skip_bom=skip_bom)
        self.starts = self.index.starts  # offset of each line's first character

    def offset_of(self, line: int, column: int) -> int:
        """The offset of a tfagenda position; one past the end of its line (or text) is clamped."""
        line = min(max(line, 1), self.index.line_count)
        try:
            return self.index.offset_of_line1_column1(line, max(column, 1))
        except ValueError:
            return self.index.line_end(line)

    def lsp_position(self, offset: int) -> tuple[int, int]:
        """An offset → (0-based line, character in the client's encoding)."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self.starts, offset) - 1
        return line, units(self.text[self.starts[line] : offset], self.encoding)

    def lsp_range(self, span: Span) -> tuple[tuple[int, int], tuple[int, int]]:
        begin = self.offset_of(span.line, span.column)
        end = max(self.offset_of(span.end_line, span.end_column), begin)
        return self.lsp_position(begin), self.lsp_position(end)

    def offset_at(self, line: int, character: int) -> int:
        """An LSP position → an offset; a character past the line's end is its end (as LSP says)."""
        if line >= len(self.starts):
            return len(self.text)
        line = max(line, 0)
        start, stop = self.starts[line], self.index.line_end(line + 1)
        if self.encoding == UTF32:
            return min(start + character, stop)
        counted, at = 0, start
        while at < stop and counted < character:
            counted += units(self.text[at], self.encoding)
            at += 1
        return at

    def tfagenda_position(self, line: int, character: int) -> tuple[int, int]:
        """An LSP position → tfagenda's 1-based line and code-point column."""
        return self.index.line1_column1(self.offset_at(line, character))
