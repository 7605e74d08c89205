"""tfagenda positions (1-based line, code-point column) → LSP positions in UTF-8, UTF-16 and UTF-32,
and back: Hangul (3 bytes, 1 UTF-16 unit), an emoji outside the BMP (4 bytes, a surrogate pair)
and combining characters (a code point of their own) before the value must not move the range."""

from __future__ import annotations

import pytest

from tfagenda.findings import Span
from tfagenda.lsp.positions import PositionMap

LINE = '  - {title: "회의 👩\u200d💻 cafe\u0301 \u1100\u1161", end: "16:05"}'
TEXT = f"title: x\r\n{LINE}\nlast"


def expected(prefix: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(prefix.encode("utf-8"))
    if encoding == "utf-16":
        return len(prefix.encode("utf-16-le")) // 2
    return len(prefix)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_a_value_after_hangul_emoji_and_combining_marks_is_placed_exactly(encoding: str) -> None:
    begin = LINE.index('"16:05"')
    end = begin + len('"16:05"')
    span = Span(2, begin + 1, 2, end + 1)  # tfagenda counts code points, from 1
    (line, character), (end_line, end_character) = PositionMap(TEXT, encoding).lsp_range(span)
    assert (line, end_line) == (1, 1)
    assert character == expected(LINE[:begin], encoding)
    assert end_character == expected(LINE[:end], encoding)
    # The values differ by encoding: the test would catch counting in the wrong one.
    assert len({expected(LINE[:begin], e) for e in ("utf-8", "utf-16", "utf-32")}) == 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_lsp_positions_read_back_as_tfagenda_columns(encoding: str) -> None:
    positions = PositionMap(TEXT, encoding)
    for index in range(len(LINE) + 1):
        if index and LINE[index - 1] in "\u200d":
            continue
        character = expected(LINE[:index], encoding)
        assert positions.tfagenda_position(1, character) == (2, index + 1)


def test_a_position_inside_a_surrogate_pair_or_past_the_line_is_clamped() -> None:
    positions = PositionMap(TEXT, "utf-16")
    emoji = LINE.index("👩")
    inside = expected(LINE[:emoji], "utf-16") + 1  # between the two halves of the pair
    assert positions.tfagenda_position(1, inside) == (2, emoji + 2)
    assert positions.tfagenda_position(1, 10_000) == (2, len(LINE) + 1)  # the end of the line, not the next
    assert positions.tfagenda_position(0, 10_000) == (1, len("title: x") + 1)  # before "\r\n"


def test_a_span_past_the_end_of_its_line_ends_at_the_line_end() -> None:
    positions = PositionMap(TEXT, "utf-16")
    assert positions.lsp_range(Span(3, 1, 3, 99)) == ((2, 0), (2, 4))
    assert positions.lsp_range(Span(1, 1, 1, 1)) == ((0, 0), (0, 0))
