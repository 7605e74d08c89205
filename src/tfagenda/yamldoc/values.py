"""Composed YAML nodes → Python values, recording the span of every value in the ``Document``.

Plain scalars resolve by the YAML 1.2 core schema, nothing more (``14:10`` stays the text it
spells, ``2026-02-26`` stays text for the model to read as a date); a key given twice is reported
(E003) with both lines instead of silently overwritten; merge keys (``<<``) are expanded. Both
parsers' nodes (libyaml's and ruamel.yaml's) have the same shape, so one builder serves both.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tfagenda.findings import DocPath, Problem, Span
from tfagenda.messages import T
from tfagenda.yamldoc.document import Document, Node, Where
from tfagenda.yamldoc.limits import MAX_DEPTH, TooDeep

_INT = re.compile(r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# YAML 1.1 (PyYAML, many editors and linters) reads these plain scalars as base-60 numbers: 14:10 → 850.
SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")


def node_span(node: Any) -> Span:
    """The span of a composed node, from its parser's 0-based marks."""
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


# The first characters of a plain scalar that may be something other than text (null, a boolean, a number).
_NOT_JUST_TEXT = frozenset("0123456789+-.~nNtTfF")


def _resolve_plain(text: str) -> Any:
    """The YAML 1.2 core schema, nothing more."""
    if text and text[0] not in _NOT_JUST_TEXT:
        return text  # most values (titles, names): no pattern can match
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(text):
        try:
            return int(text, 0) if text.lstrip("+-")[:2] in ("0o", "0x") else int(text)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits): keep the text
            return text
    if _FLOAT.fullmatch(text):
        return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """A scalar's text with "\\ud83d\\ude00"-style escaped surrogate pairs joined and lone surrogates
    replaced by U+FFFD: a lone surrogate is not a character, and no output could encode it."""
    if text.isascii() or _SURROGATE.search(text) is None:  # isascii() looks at a flag: no scan
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class Builder:
    """Builds the value of a node and the values under it, recording each one's ``Node`` in the document."""

    def __init__(self, doc: Document, max_depth: int = MAX_DEPTH, release: bool = False) -> None:
        """``release``: let go of each node once its value is built, so that the node graph shrinks
        while the values grow (a third less peak memory on a large schedule); only for a graph
        without aliases, where no node is reached twice."""
        self.doc = doc
        self.nodes = doc.nodes
        self.max_depth = max_depth
        self.release = release
        # One int object per line number, shared by every span on that line (a 20,000-event
        # schedule has 180,000 lines: numbers above 256 are a new object per use otherwise).
        text = doc.text
        breaks = sum(text.count(b) for b in "\n\r\x85\u2028\u2029")  # every break either parser counts
        self.line = list(range(breaks + 3))

    def build(self, node: Any, at: DocPath, key: Where | None, depth: int) -> Any:
        if depth > self.max_depth:
            raise TooDeep(node)
        start, end = node.start_mark, node.end_mark  # node_span(node), inline: this runs for every value
        # Spans stay tuples until read (``Node``): most never are.
        line = self.line
        where = (line[start.line + 1], start.column + 1, line[end.line + 1], end.column + 1)
        kind = node.id
        if kind == "scalar":
            style = node.style
            if not style:  # plain: None from ruamel.yaml, "" from libyaml
                self.nodes[at] = Node(where, None, True, key)
                return _resolve_plain(node.value)
            inner = None
            if style in ("'", '"') and where[0] == where[2]:
                inner = (where[0], where[1] + 1, where[2], where[3] - 1)
            self.nodes[at] = Node(where, inner, False, key)
            return _clean(node.value)
        self.nodes[at] = Node(where, None, False, key)
        if kind == "sequence":
            items = node.value
            if not self.release:
                return [self.build(item, at + (i,), None, depth + 1) for i, item in enumerate(items)]
            node.value = None
            built = []
            for i in range(len(items)):
                built.append(self.build(items[i], at + (i,), None, depth + 1))
                items[i] = None
            return built
        return self._mapping(node, at, depth)

    def _mapping(self, node: Any, at: DocPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        pairs = _merged_pairs(node)
        release = self.release
        line = self.line
        if release:
            node.value = None
        for index in range(len(pairs)):
            key_node, value_node = pairs[index]
            if release:
                pairs[index] = None  # type: ignore[call-overload]
            start, end = key_node.start_mark, key_node.end_mark
            key_where = (line[start.line + 1], start.column + 1, line[end.line + 1], end.column + 1)
            if key_node.id != "scalar":
                self.doc.problems.append(
                    Problem(
                        "E002",
                        at,
                        T("a key must be plain text, not a list or mapping"),
                        span=Span(*key_where),
                    )
                )
                continue
            name = _clean(str(_resolve_plain(key_node.value) if not key_node.style else key_node.value))
            if name in result:
                self.doc.problems.append(
                    Problem(
                        "E003",
                        at + (name,),
                        T(
                            "key {name!r} is given twice, on lines {first} and {second}; the second is ignored: remove one of them",
                            name=name,
                            first=first_line[name],
                            second=key_where[0],
                        ),
                        span=Span(*key_where),
                    )
                )
                continue
            first_line[name] = key_where[0]
            result[name] = self.build(value_node, at + (name,), key_where, depth + 1)
        return result


def _merged_pairs(node: Any) -> list[tuple[Any, Any]]:
    """A mapping's pairs with YAML merge keys (``<<: *base``) expanded; own keys win over merged ones."""
    own = [(k, v) for k, v in node.value if not (k.id == "scalar" and k.value == "<<" and not k.style)]
    merges = [v for k, v in node.value if k.id == "scalar" and k.value == "<<" and not k.style]
    if not merges:
        return own
    names = {k.value for k, _ in own if k.id == "scalar"}
    merged: list[tuple[Any, Any]] = []
    for source in merges:
        for mapping in source.value if source.id == "sequence" else [source]:
            if mapping.id != "mapping":
                continue
            for k, v in _merged_pairs(mapping):
                if k.id == "scalar" and k.value not in names:
                    names.add(k.value)
                    merged.append((k, v))
    return own + merged


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (a context manager, or a decorator).

    Loading builds hundreds of thousands of objects that all stay alive, and the collector would
    scan them again and again as they pile up: for a 20,000-event schedule that costs more than
    the parsing. Nothing is lost: objects without cycles are still freed at once, and the
    collector resumes (if it was running) when the block ends.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
