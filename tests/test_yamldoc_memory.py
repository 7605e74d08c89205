"""The libyaml path lets go of its node graph while it builds, and shares line numbers (issue 17)."""

from __future__ import annotations

from tfagenda.yamldoc import libyaml, parse
from tfagenda.yamldoc.document import Document
from tfagenda.yamldoc.values import Builder

TEXT = """title: Release
people:
  ana: {name: Ana}
segments:
  - {start: "09:00", end: '09:30', title: Intro, owner: ana}
  - start: "09:30"
    title: Parts
    parts:
      - [a, b, {c: d}]
      - x: 1
        <<: {y: 2, x: 3}
"""


def _built(release: bool) -> Document:
    composer = libyaml.composer_class()
    parser = composer(TEXT)
    root = parser.get_single_node()
    parser.dispose()
    doc = Document(path="t.yaml", text=TEXT)
    doc.data = Builder(doc, release=release).build(root, (), None, 0)
    return doc


def test_releasing_the_graph_builds_the_same_document() -> None:
    kept, released = _built(False), _built(True)
    assert released.data == kept.data
    assert released.nodes == kept.nodes
    assert released.data["segments"][1]["parts"][1] == {"x": 1, "y": 2}


def test_spans_read_as_spans_with_shared_line_numbers() -> None:
    doc = parse(TEXT, "t.yaml")
    node = doc.nodes[("segments", 0, "end")]
    assert (node.span.line, node.span.column, node.inner.column) == (5, 27, 28)
    assert node.key is not None and node.key.column == 22
    far = parse("# filler\n" * 400 + TEXT, "t.yaml").nodes[("segments", 0, "title")]
    assert far.span.line == 405
    assert far.span.line is far.key.line  # one int object per line number


def test_anchors_still_take_the_alias_walk() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(6)
    )
    doc = parse(bomb, "bomb.yaml")
    assert doc.data is None
    assert [p.code for p in doc.problems] == ["E001"]
