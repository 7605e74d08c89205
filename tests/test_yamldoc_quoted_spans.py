"""The inside of a quoted scalar (the span a fix replaces) is where the text between its quotes is,
on the fast path for one-line scalars (issue 17) as on the general one."""

from __future__ import annotations

import pytest

from tfagenda.positions import LineIndex
from tfagenda.yamldoc import parse

TEXTS = [
    'title: "Opening"\n',
    "title: '회의 시작'\nowner: \"김 민준\"\n",
    "a: \"say \\\"hi\\\" 😀\"\nb: 'it''s'\n",
    "a: \"\"\nb: ''\n",
    'list:\n  - "x"\n  - {k: "a, b", j: \'c\'}\n',
    'a: "two\n  lines"\nb: "one"\n',
    "a: &anchor 'anchored'\nb: *anchor\n",  # anchors: the general path (ruamel.yaml)
    "a: \"x\ufeffy\"\nb: 'z'\n",  # U+FEFF takes no column: the general path
]


def _expected(text: str, quoted: str) -> tuple[int, int, int, int]:
    """The span between the quotes of the first scalar written as ``quoted``, found by searching the text."""
    at = text.index(quoted)
    lines = LineIndex(text, skip_bom=True)
    if "\n" in quoted:  # a quoted scalar over lines: the whole scalar, quotes and all
        span = lines.span(at, at + len(quoted))
    else:
        span = lines.span(at + 1, at + len(quoted) - 1)
    return (span.line, span.column, span.end_line, span.end_column)


@pytest.mark.parametrize("text", TEXTS)
def test_inside_of_quoted_scalars(text: str) -> None:
    document = parse(text)
    assert not document.problems
    checked = 0
    for at, node in document.nodes.items():
        if not node.quoted:
            continue
        span = node.span
        start = LineIndex(text, skip_bom=True).offsets_of(span)
        written = text[start[0] : start[1]]
        if written.startswith("&"):
            written = written.split(" ", 1)[1]
        inner = node.inner
        assert (inner.line, inner.column, inner.end_line, inner.end_column) == _expected(text, written), at
        checked += 1
    assert checked >= 1
