"""``LineIndex``: offsets ↔ lines and columns, one counting for every reader and ``--fix``."""

from __future__ import annotations

import bisect
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tfagenda.findings import Span
from tfagenda.positions import LineIndex

# Texts made of what positions depend on: every kind of line break, byte-order marks, characters
# outside the BMP (one column, two UTF-16 units) and two-byte ones.
texts = st.lists(st.sampled_from(["a", "b", " ", "\n", "\r", "\r\n", "\ufeff", "é", "😀", "\t"])).map("".join)
_BREAK = re.compile(r"\r\n|\r|\n")


def _inside_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


# --- what the copies LineIndex replaces did (frab's _Lines, fix.Offsets, yamldoc's error columns) ---


def _frab_point(text: str, offset: int) -> tuple[int, int]:
    breaks = list(_BREAK.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    offset = max(0, min(offset, len(text)))
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, min(offset, ends[index]) - starts[index] + 1


def _yaml_point(text: str, at: int) -> tuple[int, int]:
    before = text[:at]
    breaks = list(_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(before) - start - before[start:].count("\ufeff") + 1


def _ruamel_marks(text: str) -> list[tuple[int, int]]:
    """(line, column), 1-based, at every offset, from ruamel.yaml's own reader."""
    from ruamel.yaml.reader import Reader

    reader = Reader(text)
    marks = []
    for _ in range(len(text) + 1):
        mark = reader.get_mark()
        marks.append((mark.line + 1, mark.column + 1))
        if reader.peek() != "\0":
            reader.forward()
    return marks


@given(texts)
def test_the_two_directions_are_inverse(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = index.line1_column1(offset)
        if not _inside_crlf(text, offset):
            assert index.offset_of_line1_column1(line, column) == offset
    for line in range(1, index.line_count + 1):
        width = index.line_end(line) - index.line_start(line)
        for column in range(1, width + 2):
            assert index.line1_column1(index.offset_of_line1_column1(line, column)) == (line, column)


@given(texts)
def test_skipping_byte_order_marks_round_trips_to_the_same_place(text: str) -> None:
    index = LineIndex(text, skip_bom=True)
    for offset in range(len(text) + 1):
        place = index.line1_column1(offset)
        assert index.line1_column1(index.offset_of_line1_column1(*place)) == place


@given(texts)
def test_agrees_with_the_frab_readers_former_counting(text: str) -> None:
    index = LineIndex(text)
    for offset in range(-1, len(text) + 2):
        assert index.line1_column1(offset) == _frab_point(text, offset)


@given(texts)
def test_agrees_with_the_yaml_error_columns_and_ruamel_yamls_reader(text: str) -> None:
    index = LineIndex(text, skip_bom=True)
    marks = _ruamel_marks(text)
    for offset in range(len(text) + 1):
        if _inside_crlf(text, offset):
            continue  # ruamel.yaml's marks never point there
        assert index.line1_column1(offset) == _yaml_point(text, offset) == marks[offset], offset


@given(texts)
def test_lines_and_starts_agree_with_the_line_break_regex(text: str) -> None:
    index = LineIndex(text)
    assert index.lines == _BREAK.split(text)
    assert index.starts == [0] + [m.end() for m in _BREAK.finditer(text)]
    assert [
        text[index.line_start(n) : index.line_end(n)] for n in range(1, index.line_count + 1)
    ] == index.lines


@pytest.mark.parametrize(
    ("text", "offset", "place"),
    [
        ("a\r\nb", 1, (1, 2)),  # the "\r" of "\r\n" is a column of its line
        ("a\r\nb", 2, (1, 2)),  # between "\r" and "\n": the end of the line
        ("a\r\nb", 3, (2, 1)),
        ("a\rb", 2, (2, 1)),  # a lone "\r" breaks the line
        ("\ufeffab", 2, (1, 2)),
        ("😀x", 1, (1, 2)),  # code points, not UTF-16 units
        ("ab", 99, (1, 3)),  # past the end: at the end
    ],
)
def test_places(text: str, offset: int, place: tuple[int, int]) -> None:
    skip = LineIndex(text, skip_bom=True)
    assert skip.line1_column1(offset) == (
        place if "\ufeff" in text else LineIndex(text).line1_column1(offset)
    )


def test_byte_order_marks_take_no_column_only_when_asked() -> None:
    assert LineIndex("\ufeffab", skip_bom=True).line1_column1(2) == (1, 2)
    assert LineIndex("\ufeffab").line1_column1(2) == (1, 3)
    assert LineIndex("x\ufeffy", skip_bom=True).line1_column1(2) == (1, 2)
    assert LineIndex("x\ufeffy").offset_of_line1_column1(1, 3) == 2


def test_places_not_in_the_text_are_refused() -> None:
    index = LineIndex("ab\ncd")
    for line, column in [(0, 1), (1, 0), (3, 1), (1, 5)]:
        with pytest.raises(ValueError, match="no position"):
            index.offset_of_line1_column1(line, column)
    assert index.offset_of_line1_column1(1, 4) == 3  # the start of the next line: a span over the break
    with pytest.raises(ValueError, match="ends before it starts"):
        index.offsets_of(Span(2, 2, 1, 1))


def test_expat_places() -> None:
    index = LineIndex("<a>\r\n  <b/>\r\n</a>")
    assert index.offset_of_line1_column0(2, 2) == 7
    assert index.offset_of_line1_column0(9, 0) == index.line_start(3)  # past the last line: the last
    assert index.span(7, 11) == Span(2, 3, 2, 7)


def test_a_yaml_error_found_after_parsing_counts_columns_as_the_parser_does() -> None:
    """The E001 for an escape past U+10FFFF was placed by a copy of the line counting that counted
    U+FEFF as a column, unlike ruamel.yaml's marks (and every other YAML position, and ``--fix``)."""
    from tfagenda.yamldoc import parse

    text = 'a: "\ufeffx \\U00110000"\n'
    (problem,) = parse(text).problems
    assert problem.span is not None and (problem.span.line, problem.span.column) == (1, 7)
    offset = LineIndex(text, skip_bom=True).offset_of_line1_column1(1, problem.span.column)
    assert text[offset:].startswith("\\U00110000")
