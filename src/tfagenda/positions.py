"""Offsets into a text ↔ line and column, counted as the parsers count them.

Every reader that reports places (the YAML parsers, the frab JSON and XML readers, the ministry
reader, the document readers to come) and ``--fix``, which turns those places back into offsets,
use one ``LineIndex``, so that a line and column mean the same character everywhere.

- Line breaks are ``"\\r\\n"``, a lone ``"\\r"`` and ``"\\n"`` (YAML 1.2, as ruamel.yaml, libyaml
  and expat count them); ``"\\r\\n"`` is one break.
- Columns count code points (not bytes, not UTF-16 units). With ``skip_bom``, U+FEFF takes no
  column, as ruamel.yaml's reader counts it; expat and the frab JSON reader count it like any
  character (``skip_bom=False``).
- Names say the convention: ``line1``/``column1`` are 1-based (as ``Span`` and findings), and
  ``column0`` is 0-based (expat's).

The index of line starts is built once, on first use; a lookup is a binary search, O(log n).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tfagenda.findings import Span

# Line breaks as ruamel.yaml's reader counts lines (YAML 1.2): "\r\n" is one break, a lone "\r" is one too.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


class LineIndex:
    """The line starts of one text, for converting offsets to lines and columns and back."""

    __slots__ = ("text", "skip_bom", "_starts", "_lines")

    def __init__(self, text: str, *, skip_bom: bool = False) -> None:
        self.text = text
        self.skip_bom = skip_bom
        self._starts: list[int] | None = None
        self._lines: list[str] | None = None

    @property
    def starts(self) -> list[int]:
        """The offset where each line starts (the first is 0)."""
        if self._starts is None:
            text = self.text
            if "\r" in text:
                self._starts = [0, *(match.end() for match in LINE_BREAK.finditer(text))]
            else:  # most files: a plain split is several times faster than the regex
                starts, at = [0], 0
                for line in text.split("\n")[:-1]:
                    at += len(line) + 1
                    starts.append(at)
                self._starts = starts
        return self._starts

    @property
    def lines(self) -> list[str]:
        """The text's lines without their line breaks (a text ending in a break ends with "")."""
        if self._lines is None:
            self._lines = LINE_BREAK.split(self.text)
        return self._lines

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_start(self, line1: int) -> int:
        """The offset of the first character of 1-based line ``line1``."""
        return self.starts[line1 - 1]

    def line_end(self, line1: int) -> int:
        """The offset where 1-based line ``line1``'s text ends: its line break, or the end of the text."""
        starts = self.starts
        if line1 >= len(starts):
            return len(self.text)
        following = starts[line1]
        if following >= 2 and self.text.startswith("\r\n", following - 2):
            return following - 2
        return following - 1

    def line1_column1(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``.

        An offset past either end is at that end; one inside a line break (between the "\\r" and
        "\\n" of "\\r\\n") is at the end of its line.
        """
        text = self.text
        offset = max(0, min(offset, len(text)))
        starts = self._starts or self.starts
        index = bisect_right(starts, offset) - 1
        start = starts[index]
        # Between the "\r" and "\n" of "\r\n" (the line's last column but one): at the "\r".
        if offset > start and text[offset - 1] == "\r" and text.startswith("\n", offset):
            offset -= 1
        column = offset - start + 1
        if self.skip_bom and _BOM in text[start:offset]:
            column -= text.count(_BOM, start, offset)
        return index + 1, column

    def span(self, start: int, end: int) -> Span:
        """The span from offset ``start`` to offset ``end``."""
        return Span(*self.line1_column1(start), *self.line1_column1(end))

    def offset_of_line1_column1(self, line1: int, column1: int) -> int:
        """The offset of a 1-based line and column; ``ValueError`` if the text has no such place.

        A column may go on into the line break (the "\\r" of "\\r\\n" is a column of its line) and
        to the start of the next line, which is where a span that takes in the break ends.
        """
        starts = self.starts
        if line1 < 1 or column1 < 1 or line1 > len(starts):
            raise ValueError(f"no position {line1}:{column1} in the text")
        start = starts[line1 - 1]
        stop = starts[line1] if line1 < len(starts) else len(self.text)
        if not self.skip_bom or _BOM not in self.text[start:stop]:
            offset = start + column1 - 1
        else:
            text, offset, counted = self.text, start, 1
            while counted < column1 and offset < stop:
                if text[offset] != _BOM:
                    counted += 1
                offset += 1
        if offset > stop:
            raise ValueError(f"no position {line1}:{column1} in the text")
        return offset

    def offsets_of(self, span: Span) -> tuple[int, int]:
        """The start and end offsets of ``span``; ``ValueError`` if it is not in the text or ends before it starts."""
        begin = self.offset_of_line1_column1(span.line, span.column)
        end = self.offset_of_line1_column1(span.end_line, span.end_column)
        if end < begin:
            raise ValueError(f"span {span} ends before it starts")
        return begin, end

    def offset_of_line1_column0(self, line1: int, column0: int) -> int:
        """The offset of a 1-based line and 0-based column, as expat reports them (a line past the
        last is the last; the column is not checked: expat's places are in the text)."""
        starts = self._starts or self.starts
        return starts[min(line1, len(starts)) - 1] + column0
