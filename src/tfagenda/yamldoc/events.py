"""The fastest path: values built straight from libyaml's events, without a node graph.

libyaml's composer (``libyaml.composer_class``) makes a Python node object, with two marks, for
every value, and ``values.Builder`` then walks that graph; on a 20,000-event schedule the graph is
the peak of memory and about a third of the parse. Here each event becomes its value as it comes:
the same values, spans and problems as ``_match_ruamel_marks`` followed by ``Builder`` (a
differential test compares the two paths), with libyaml's marks made ruamel.yaml's on the way (an
empty value in a block mapping is placed at the next key, or where the mapping ends; the end of a
text without a final line break).

What this path does not read itself it hands back (``UseComposer``): anchors, aliases, tags and
merge keys (``<<``), nesting past the depth limit, and more values than ``MAX_EXPANDED_VALUES``.
The composer path reads those as before, and words their problems.
"""

from __future__ import annotations

from typing import Any

from tfagenda.findings import Problem, Span
from tfagenda.messages import T
from tfagenda.positions import LineIndex
from tfagenda.yamldoc.document import Document, Node, Where
from tfagenda.yamldoc.limits import MAX_EXPANDED_VALUES
from tfagenda.yamldoc.values import _clean, _content, _resolve_plain


class UseComposer(Exception):
    """Something this path leaves to the composer path (anchors, merge keys, the limits)."""


class Unsure(Exception):
    """libyaml's reading might not be ruamel.yaml's: ruamel.yaml parses the text."""


class _Open:
    """A mapping or list whose events are coming: what is built so far, and the pair being read."""

    __slots__ = (
        "mapping",
        "flow",
        "at",
        "value",
        "node",
        "start",
        "depth",
        "key",
        "skip",
        "own_segment",
        "key_turn",
        "name",
        "key_where",
        "value_skip",
        "pending",
        "first_line",
    )

    def __init__(
        self,
        mapping: bool,
        flow: bool,
        at: Any,
        value: Any,
        node: Node | None,
        start: Any,
        depth: int,
        key: bool,
        skip: list[Span] | None,
        own_segment: bool,
    ) -> None:
        self.mapping = mapping
        self.flow = flow  # a flow collection ([...] or {...})
        self.at = at  # its document path (None when not built)
        self.value = value  # the dict or list being built (None when not built)
        self.node = node  # its ``Node`` in the document, whose span is completed at its end
        self.start = start  # its start mark
        self.depth = depth
        self.key = key  # a list or mapping used as a key (E002)
        # Not built (a duplicate key's value, a key that is not text, or anything inside one): the
        # spans of its quoted and block scalars, which are no comment either (``Builder._unbuilt``).
        self.skip = skip
        self.own_segment = own_segment  # the top of a value not built: its spans are recorded at its end
        self.key_turn = True  # a mapping's next event is a key
        self.name: str = ""  # the key of the value being read
        self.key_where: Where | None = None
        self.value_skip: list[Span] | None = None  # the value being read is not built
        # An empty value in a block mapping, placed when what follows it is known: (its index, its
        # Node or None when not built).
        self.pending: tuple[int, Node | None] | None = None
        self.first_line: dict[str, int] = {}


def build(text: str, doc: Document, max_depth: int) -> None:
    """Build ``doc.data`` and ``doc.nodes`` from libyaml's events of ``text``.

    Raises ``Unsure`` (ruamel.yaml must parse the text), ``UseComposer`` (the composer path must),
    or libyaml's error for a text that is not YAML."""
    from yaml._yaml import CParser

    parser = CParser(text)
    try:
        _build(parser.get_event, text, doc, max_depth)
    finally:
        parser.dispose()


def _build(get_event: Any, text: str, doc: Document, max_depth: int) -> None:  # noqa: C901, PLR0912, PLR0915
    # One loop over the events, its state in local variables: this runs for every value of a file.
    from yaml.events import (  # type: ignore[import-untyped]
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    nodes = doc.nodes
    problems = doc.problems
    unbuilt = doc.unbuilt_strings
    # One int object per line number, shared by every span on that line (as ``Builder``).
    breaks = sum(text.count(b) for b in "\n\r\x85\u2028\u2029")
    line = list(range(breaks + 3))
    columns_are_offsets = "\ufeff" not in text
    size = len(text)
    # libyaml ends a collection that ends with a text without a final line break at the start of
    # the line after it; ruamel.yaml at the end of the text (0-based, as marks are).
    if text.endswith(("\n", "\r")) or not text:
        eof_line, eof_column = -1, 0
    else:
        eof_line, eof_column = LineIndex(text).line1_column1(size)
        eof_line, eof_column = eof_line - 1, eof_column - 1
    after_eof = eof_line + 1

    get_event()  # the stream's start
    event = get_event()
    if type(event) is StreamEndEvent:
        return  # no document: data None
    if type(event) is not DocumentStartEvent:
        raise Unsure
    stack: list[_Open] = []
    count = 0
    root: Any = None
    while True:
        event = get_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            end = event.end_mark
            end_line, end_column, end_index = end.line, end.column, end.index
            if eof_column and end_column == 0 and end_line == after_eof:
                end_line, end_column, end_index = eof_line, eof_column, size
            if frame.pending is not None:
                _place_empty(frame, text, end_index, end_line, end_column, line)
            if frame.skip is not None:
                if frame.key:  # a list or mapping as a key: E002, then its value is not built either
                    parent = stack[-1]
                    if parent.skip is None:
                        start = frame.start
                        where = (line[start.line + 1], start.column + 1, line[end_line + 1], end_column + 1)
                        problems.append(
                            Problem(
                                "E002",
                                parent.at,
                                T("a key must be plain text, not a list or mapping"),
                                span=Span(*where),
                            )
                        )
                        frame.skip.reverse()
                        unbuilt.extend(frame.skip)
                        parent.value_skip = []
                    parent.key_turn = False
                    continue
                if frame.own_segment:
                    frame.skip.reverse()  # in the order ``Builder._unbuilt`` finds them
                    unbuilt.extend(frame.skip)
                if stack:
                    stack[-1].key_turn = True
                continue
            start = frame.start
            frame.node._span = (  # type: ignore[union-attr]
                line[start.line + 1],
                start.column + 1,
                line[end_line + 1],
                end_column + 1,
            )
            value = frame.value
            if not stack:
                root = value
                break
            parent = stack[-1]
            if parent.mapping:
                parent.value[parent.name] = value
                parent.key_turn = True
            else:
                parent.value.append(value)
            continue

        if kind is not ScalarEvent and kind is not MappingStartEvent and kind is not SequenceStartEvent:
            raise UseComposer  # an alias (or anything else): the composer path reads it
        if event.anchor is not None or event.tag is not None:
            raise UseComposer
        count += 1
        start = event.start_mark
        end = event.end_mark
        # Where the value goes: the document's root, a mapping's key or value, a list's item.
        skip: list[Span] | None = None
        own_segment = False
        key: Where | None = None
        at: Any = ()
        depth = 0
        parent = stack[-1] if stack else None  # type: ignore[assignment]
        if parent is not None:
            if parent.mapping:
                if parent.pending is not None:  # an empty value before this key
                    _place_empty(parent, text, start.index, start.line, start.column, line)
                if parent.key_turn:
                    if kind is ScalarEvent:
                        if start.index == end.index:
                            raise Unsure  # an empty key: ruamel.yaml's marks differ
                        style = event.style
                        if parent.skip is not None:
                            if style:
                                parent.skip.append(
                                    Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
                                )
                            parent.key_turn = False
                            continue
                        scalar = event.value
                        if not style and scalar == "<<":
                            raise UseComposer  # a merge key
                        key_where = (
                            line[start.line + 1],
                            start.column + 1,
                            line[end.line + 1],
                            end.column + 1,
                        )
                        name = _clean(str(_resolve_plain(scalar) if not style else scalar))
                        first_line = parent.first_line
                        if name in first_line:
                            problems.append(
                                _given_twice(parent.at + (name,), name, first_line[name], key_where)
                            )
                            parent.value_skip = []
                        else:
                            first_line[name] = key_where[0]
                            parent.name = name
                            parent.key_where = key_where
                            parent.value_skip = None
                        parent.key_turn = False
                        continue
                    # a list or mapping as a key: not built (E002 at its end)
                    if count > MAX_EXPANDED_VALUES:
                        raise UseComposer
                    skip = parent.skip if parent.skip is not None else []
                    stack.append(
                        _Open(
                            kind is MappingStartEvent,
                            bool(event.flow_style),
                            None,
                            None,
                            None,
                            start,
                            0,
                            True,
                            skip,
                            False,
                        )
                    )
                    continue
                # a value
                if parent.skip is not None:
                    skip = parent.skip
                elif parent.value_skip is not None:
                    skip, own_segment = parent.value_skip, True
                else:
                    at = parent.at + (parent.name,)
                    key = parent.key_where
                    depth = parent.depth + 1
                if kind is ScalarEvent and start.index == end.index:  # an empty value
                    if parent.flow:
                        raise Unsure
                    if skip is not None:
                        parent.pending = (start.index, None)
                    else:
                        if depth > max_depth:
                            raise UseComposer
                        node = Node((0, 0, 0, 0), None, True, key)
                        nodes[at] = node
                        parent.value[parent.name] = None
                        parent.pending = (start.index, node)
                    parent.key_turn = True
                    continue
            else:  # a list's item
                if parent.skip is not None:
                    skip = parent.skip
                else:
                    at = parent.at + (len(parent.value),)
                    depth = parent.depth + 1
                if kind is ScalarEvent and start.index == end.index and parent.flow:
                    raise Unsure
        elif kind is ScalarEvent and start.index == end.index:
            raise Unsure  # the whole document empty ("---" alone): ruamel.yaml's marks differ

        if kind is ScalarEvent:
            style = event.style
            if skip is not None:
                if style:
                    skip.append(Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1))
                if own_segment:
                    skip.reverse()
                    unbuilt.extend(skip)
                if parent.mapping:
                    parent.key_turn = True
                continue
            if depth > max_depth:
                raise UseComposer  # the composer path raises TooDeep where ``Builder`` does
            where = (line[start.line + 1], start.column + 1, line[end.line + 1], end.column + 1)
            begin = start.index
            if begin < size and text[begin] in "&!":
                raise UseComposer
            if not style:  # plain
                nodes[at] = Node(where, None, True, key)
                value = _resolve_plain(event.value)
            else:
                if (
                    style in ("'", '"')
                    and where[0] == where[2]
                    and end.index - begin >= 2
                    and columns_are_offsets
                ):
                    inner: Where | None = (where[0], where[1] + 1, where[0], where[1] + end.index - begin - 1)
                else:
                    inner = _content(text, begin, end.index, style, where, start)
                nodes[at] = Node(where, inner, False, key, True)
                value = _clean(event.value)
            if parent is None:
                root = value
                break
            if parent.mapping:
                parent.value[parent.name] = value
                parent.key_turn = True
            else:
                parent.value.append(value)
            continue

        # the start of a mapping or list
        if count > MAX_EXPANDED_VALUES:
            raise UseComposer  # the composer path refuses it, where it always did
        mapping = kind is MappingStartEvent
        if skip is not None:
            stack.append(
                _Open(mapping, bool(event.flow_style), None, None, None, start, 0, False, skip, own_segment)
            )
            continue
        if depth > max_depth:
            raise UseComposer
        node = Node((0, 0, 0, 0), None, False, key)
        nodes[at] = node
        stack.append(
            _Open(
                mapping,
                bool(event.flow_style),
                at,
                {} if mapping else [],
                node,
                start,
                depth,
                False,
                None,
                False,
            )
        )

    if count > MAX_EXPANDED_VALUES:
        raise UseComposer
    get_event()  # the document's end
    if type(get_event()) is not StreamEndEvent:
        raise Unsure  # a second document: ruamel.yaml words the error
    doc.data = root


def _place_empty(frame: _Open, text: str, index: int, line0: int, column0: int, line: list[int]) -> None:
    """Place the pending empty value of a block mapping where what follows it starts (ruamel.yaml's mark)."""
    begin, node = frame.pending  # type: ignore[misc]
    frame.pending = None
    if "#" in text[begin:index]:
        raise Unsure  # a comment between: ruamel.yaml's rules get intricate
    if node is not None:
        if index < len(text) and text[index] in "&!":
            raise UseComposer
        number = line[line0 + 1]
        node._span = (number, column0 + 1, number, column0 + 1)


def _given_twice(at: Any, name: str, first: int, key_where: Where) -> Problem:
    return Problem(
        "E003",
        at,
        T(
            "key {name!r} is given twice, on lines {first} and {second}; the second is ignored: remove one of them",
            name=name,
            first=first,
            second=key_where[0],
        )
        if first != key_where[0]
        else T(
            "key {name!r} is given twice on line {line}; the second is ignored: remove one of them",
            name=name,
            line=key_where[0],
        ),
        span=Span(*key_where),
    )
