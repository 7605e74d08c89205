"""The libyaml path lets go of its node graph while it builds, and shares line numbers (issue 17)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tfagenda.yamldoc import libyaml, parse, values
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


def _schedule(segments: int) -> str:
    rows = "".join(
        f"  - {{start: \"{9 + i % 10:02d}:{i % 4 * 15:02d}\", duration: 15, title: 'Talk #{i}', owner: [p{i % 7}], kind: lecture}}\n"
        for i in range(segments)
    )
    return (
        "title: Big\npeople:\n"
        + "".join(f"  p{i}: {{name: P {i}}}\n" for i in range(7))
        + "segments:\n"
        + rows
    )


def test_the_event_path_keeps_no_node_graph() -> None:
    """Values built from libyaml's events (yamldoc.events) peak at well under what composing a node
    graph first takes, for the same document."""
    import gc
    import tracemalloc

    text = _schedule(3000)

    def peak(read: object) -> int:
        gc.collect()
        tracemalloc.start()
        try:
            read()  # type: ignore[operator]
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def by_events() -> Document:
        doc = Document(path="t.yaml", text=text)
        libyaml.events.build(text, doc, 100)
        return doc

    def by_composer() -> Document:
        doc = Document(path="t.yaml", text=text)
        result = libyaml._compose_and_build(libyaml.composer_class(), text, doc)
        assert result is not None
        return result

    assert by_events().nodes == by_composer().nodes
    assert peak(by_events) < 0.75 * peak(by_composer)


def test_key_names_are_one_string_each() -> None:
    doc = parse(_schedule(3), "t.yaml")
    first, second = (list(segment) for segment in doc.data["segments"][:2])
    assert first == second == ["start", "duration", "title", "owner", "kind"]
    assert all(a is b for a, b in zip(first, second))


def test_the_inside_of_quotes_is_made_when_read() -> None:
    from tfagenda.findings import Span
    from tfagenda.yamldoc.document import INSIDE_QUOTES, Node

    doc = parse(TEXT, "t.yaml")
    node = doc.nodes[("segments", 0, "start")]
    assert node._inner is INSIDE_QUOTES
    assert node.span == Span(5, 13, 5, 20)
    assert node.inner == Span(5, 14, 5, 19)  # "09:00" without its quotes
    assert node == Node((5, 13, 5, 20), (5, 14, 5, 19), False, node.key, True)
    assert doc.nodes[("segments", 0, "title")].inner == doc.nodes[("segments", 0, "title")].span


_COLLECTOR_SCRIPT = """
import gc, os, sys
import tfagenda.cli as cli
from tfagenda.yamldoc import values

gc.disable()
cli._startup_paused = True  # as console() leaves it for the command it runs
cli._LazyCommands._built.clear()
cli._LazyCommands()[sys.argv[1]]
assert gc.isenabled()  # start-up is over: the collector runs while the command does
with values.gc_paused():
    assert not gc.isenabled()
mine = gc.isenabled()
pid = os.fork()
if pid == 0:  # a worker (with its collector running): collects as before
    gc.enable()
    with values.gc_paused():
        pass
    os._exit(0 if gc.isenabled() else 1)
_, status = os.waitpid(pid, 0)
print(mine, os.waitstatus_to_exitcode(status) == 0)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks a worker")
@pytest.mark.parametrize(("command", "paused"), [("check", True), ("lsp", False), ("render", False)])
def test_only_the_one_shot_check_leaves_the_collector_paused(command: str, paused: bool) -> None:
    """``tfagenda check`` on the command line ends its process when the check is done: the collector
    stays paused after it (nothing is walked or freed in vain); a long-running ``lsp``, other
    commands, tests calling ``main()`` and worker processes collect as before."""
    done = subprocess.run(
        [sys.executable, "-c", _COLLECTOR_SCRIPT, command], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == [str(not paused), "True"]
    assert values._paused_until_exit_in is None  # this process (tests call main()) never pauses


def test_the_one_shot_check_keeps_only_the_last_file_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not freed one object at a time before the process ends, and never more than one file kept."""
    import importlib

    load = importlib.import_module("tfagenda.load")
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT, encoding="utf-8")
    load.load_file(first)
    assert load._kept_until_exit == []  # tests, lsp, other commands: nothing is kept
    monkeypatch.setattr(values, "_paused_until_exit_in", os.getpid())
    kept = load.load_file(first)
    assert load._kept_until_exit == [kept]
    kept = load.load_file(second)
    assert load._kept_until_exit == [kept] and kept.path == str(second)
    monkeypatch.setattr(values, "_paused_until_exit_in", os.getpid() + 1)  # a worker of that process
    load.load_file(first)
    assert load._kept_until_exit == []
