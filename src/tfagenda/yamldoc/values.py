"""Composed YAML nodes → Python values, recording the span of every value in the ``Document``.

Plain scalars resolve by the YAML 1.2 core schema, nothing more (``14:10`` stays the text it
spells, ``2026-02-26`` stays text for the model to read as a date); a key given twice is reported
(E003) with both lines instead of silently overwritten; merge keys (``<<``) are expanded. Both
parsers' nodes (libyaml's and ruamel.yaml's) have the same shape, so one builder serves both.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tfagenda.findings import DocPath, Problem, Span
from tfagenda.messages import T
from tfagenda.yamldoc.document import INSIDE_QUOTES, Document, Node, Where
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
        # Without U+FEFF (which takes no column in ruamel.yaml's count), a column on one line is
        # the offset from the line's start: the inside of a quoted scalar on one line is its span
        # narrowed by one character on each side (``_content``'s common case, without its scan).
        self.columns_are_offsets = "\ufeff" not in text
        # A node reached twice (an alias, a merge key) is one text that several paths share: without
        # an alias ("*name") in the text no node can be, and nothing needs tracking.
        self._first_path: dict[int, DocPath] | None = {} if "*" in text else None

    def _reached(self, node: Any, at: DocPath) -> None:
        """Record that ``at`` holds ``node``; when another path holds it too, they share one text."""
        assert self._first_path is not None
        first = self._first_path.setdefault(id(node), at)
        if first != at:
            shared = self.doc.shared
            group = shared.get(first)
            if group is None:
                group = shared[first] = [first]
            group.append(at)  # one list for the group: a node reached 10,000 times costs 10,000 steps
            shared[at] = group

    def build(self, node: Any, at: DocPath, key: Where | None, depth: int) -> Any:
        if depth > self.max_depth:
            raise TooDeep(node)
        start, end = node.start_mark, node.end_mark  # node_span(node), inline: this runs for every value
        # Spans stay tuples until read (``Node``): most never are.
        line = self.line
        where = (line[start.line + 1], start.column + 1, line[end.line + 1], end.column + 1)
        kind = node.id
        if self._first_path is not None:
            self._reached(node, at)
        if kind == "scalar":
            style = node.style
            text = self.doc.text
            begin = start.index
            if begin < len(text) and text[begin] in "&!":  # an anchor or a tag: not part of the value's text
                begin = _after_properties(text, begin, end.index)
            elif not style:  # plain: None from ruamel.yaml, "" from libyaml
                self.nodes[at] = Node(where, None, True, key)
                return _resolve_plain(node.value)
            if (
                style in ("'", '"')
                and where[0] == where[2]
                and begin == start.index
                and end.index - begin >= 2
                and self.columns_are_offsets
            ):
                inner: Where | str | None = INSIDE_QUOTES
            else:
                inner = _content(text, begin, end.index, style, where, start)
            self.nodes[at] = Node(where, inner, not style, key, bool(style))
            return _resolve_plain(node.value) if not style else _clean(node.value)
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

    def _unbuilt(self, node: Any) -> None:
        """Record the quoted and block scalars of a value that is not built (a duplicate key's, a
        key that is not text): their text is no comment either (``tfagenda.suppress``)."""
        stack, seen = [node], set()
        while stack:
            item = stack.pop()
            if id(item) in seen:
                continue
            seen.add(id(item))
            if item.id == "scalar":
                if item.style:
                    self.doc.unbuilt_strings.append(node_span(item))
            elif item.id == "sequence":
                stack.extend(item.value)
            else:
                for pair in item.value:
                    stack.extend(pair)

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
                self._unbuilt(key_node)
                self._unbuilt(value_node)
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
                        )
                        if first_line[name] != key_where[0]
                        else T(
                            "key {name!r} is given twice on line {line}; the second is ignored: remove one of them",
                            name=name,
                            line=key_where[0],
                        ),
                        span=Span(*key_where),
                    )
                )
                self._unbuilt(value_node)
                continue
            first_line[name] = key_where[0]
            result[name] = self.build(value_node, at + (name,), key_where, depth + 1)
        return result


def _after_properties(text: str, begin: int, end: int) -> int:
    """Where a node's content starts after its anchor and tag (``&a !!str 14:00``), and any
    whitespace, line break or comment between them and it."""
    at = begin
    while at < end:
        char = text[at]
        if char in "&!":
            while at < end and text[at] not in " \t\r\n":
                at += 1
        elif char in " \t\r\n":
            at += 1
        elif char == "#" and text[at - 1] in " \t\r\n":
            while at < end and text[at] not in "\r\n":
                at += 1
        else:
            break
    return min(at, end)


def _content(text: str, begin: int, end: int, style: str | None, span: Where, start: Any) -> Where | None:
    """The span a fix replaces: a scalar's text without anchor and tag, inside its quotes when it
    has them on one line; for a block scalar (``|``, ``>``) its content lines without the
    indentation and the final line break (or, with no content, its header), so that an edit keeps
    the line breaks and the keys around it. None: the whole ``span``."""
    if style in ("|", ">"):
        header_end = begin
        while header_end < end and text[header_end] not in " \t\r\n#":
            header_end += 1
        first = header_end
        while first < end and text[first] not in "\r\n":
            first += 1
        while first < end and text[first] in " \t\r\n":
            first += 1
        last = end
        while last > first and text[last - 1] in " \t\r\n":
            last -= 1
        if last <= first:  # no content: the edit replaces the header ("end: |" → "end: 16:35")
            first, last = begin, header_end
        return _span_between(text, first, last, span, start)
    if style in ("'", '"') and span[0] == span[2] and end - begin >= 2:
        begin, end = begin + 1, end - 1
    elif begin == start.index:
        return None
    return _span_between(text, begin, end, span, start)


def _span_between(text: str, begin: int, end: int, span: Where, start: Any) -> Where:
    """The span of ``text[begin:end]``, counted from the node's start mark (lines and code points, as the parsers count)."""
    line, column = _advance(text, start.index, begin, span[0], span[1])
    end_line, end_column = _advance(text, begin, end, line, column)
    return (line, column, end_line, end_column)


def _advance(text: str, at: int, to: int, line: int, column: int) -> tuple[int, int]:
    piece = text[at:to]
    breaks = piece.count("\n") + piece.count("\r") - piece.count("\r\n")
    if not breaks:
        return line, column + len(piece) - piece.count("\ufeff")
    last = max(piece.rfind("\n"), piece.rfind("\r"))
    tail = piece[last + 1 :]
    return line + breaks, 1 + len(tail) - tail.count("\ufeff")


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


# The process (by its id) whose collector stays paused once a ``gc_paused`` block ends: the one-shot
# ``tfagenda check``, which ends its process (``os._exit``) as soon as its report is written
# (``pause_collector_until_exit``).
_paused_until_exit_in: int | None = None


def pause_collector_until_exit() -> None:
    """Leave the collector paused when ``gc_paused`` blocks end, in this process only, for a process
    that ends as soon as its one command is done (``tfagenda.cli.console`` for ``check``).

    Resumed, the collector would at once go through everything the check built, and free the
    cycles among it (the timeline's), work the operating system does faster when the process ends:
    a 20,000-event schedule's check took 10 to 20 % longer for it. Worker processes (another process
    id) and long-running commands (``lsp``) collect as before; ``gc.collect()`` still collects."""
    global _paused_until_exit_in
    _paused_until_exit_in = os.getpid()


def paused_until_exit() -> bool:
    """Whether this process ends as soon as its check does (``pause_collector_until_exit``)."""
    return _paused_until_exit_in is not None and _paused_until_exit_in == os.getpid()


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
        if collecting and not paused_until_exit():
            gc.enable()
