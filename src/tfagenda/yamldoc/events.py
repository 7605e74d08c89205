"""The fastest path: values built straight from libyaml's events, without a node graph.

libyaml's composer (``libyaml.composer_class``) makes a Python node object, with two marks, for
every value, and ``values.Builder`` then walks that graph; on a 20,000-event schedule the graph is
the peak of memory and about a third of the parse. Here each event becomes its value as it comes:
the same values, spans and problems as ``_match_ruamel_marks`` followed by ``Builder`` (a
differential test compares the two paths), with libyaml's marks made ruamel.yaml's on the way (an
empty value in a block mapping is placed at the next key, or where the mapping ends; the end of a
text without a final line break).

What this path does not read itself it hands back (``UseComposer``): anchors, aliases, tags and
merge keys (``<<``), nesting past the depth limit, and more values than ``MAX_EXPANDED_VALUES``;
so does a text it is unsure of (``Unsure``: where ruamel.yaml's marks would differ) or that libyaml
refuses. ``libyaml.parse`` then gives the text to the composer path, which decides as it always did
(a document, its problems, or ruamel.yaml): the two paths cannot disagree on which texts they read.
"""

from __future__ import annotations

from sys import intern
from typing import Any

from tfagenda.findings import Problem, Span
from tfagenda.messages import T
from tfagenda.positions import LineIndex
from tfagenda.yamldoc.document import INSIDE_QUOTES, Document, Node, Where
from tfagenda.yamldoc.limits import MAX_EXPANDED_VALUES
from tfagenda.yamldoc.values import _clean, _content, _resolve_plain


class UseComposer(Exception):
    """Something this path leaves to the composer path (anchors, merge keys, the limits)."""


class Unsure(Exception):
    """libyaml's reading might not be ruamel.yaml's: ruamel.yaml parses the text."""


# What an open mapping or list expects next. Built: a mapping's key, its value, a list's item, or
# the value of a key given twice (or of a key that is a list or mapping), which is not built.
# Not built (inside such a value, or a list or mapping used as a key): a key, a value, an item.
_KEY, _VALUE, _ITEM, _VALUE_UNBUILT, _UNBUILT_KEY, _UNBUILT_VALUE, _UNBUILT_ITEM = range(7)


class _Open:
    """A mapping or list whose events are coming: what is built so far, and the pair being read."""

    __slots__ = (
        "state",
        "flow",
        "at",
        "value",
        "node",
        "start",
        "depth",
        "key",
        "skip",
        "own_segment",
        "name",
        "key_where",
        "pending",
        "first_line",
    )

    def __init__(
        self,
        state: int,
        flow: bool,
        at: Any,
        value: Any,
        node: Node | None,
        start: Any,
        depth: int,
        key: bool = False,
        skip: list[Span] | None = None,
        own_segment: bool = False,
    ) -> None:
        self.state = state
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
        self.name: str = ""  # the key of the value being read
        self.key_where: Where | None = None
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
    # One loop over the events, its state in local variables and the open collections' ``state``:
    # this runs for every key and value of a file, the common cases first.
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
    # Anchors need "&" and tags "!": without them no event has either, and none is looked for.
    properties = "&" in text or "!" in text
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
        if kind is ScalarEvent:
            if properties and (event.anchor is not None or event.tag is not None):
                raise UseComposer
            count += 1
            start = event.start_mark
            end = event.end_mark
            if not stack:  # the whole document is one scalar
                if start.index == end.index:
                    raise Unsure  # "---" alone: ruamel.yaml's marks differ
                root = _scalar(event, start, end, (), None, nodes, text, line, columns_are_offsets)
                break
            top = stack[-1]
            state = top.state
            if state == _VALUE:
                begin = start.index
                if begin == end.index:  # an empty value: placed at what follows it
                    if top.flow:
                        raise Unsure
                    if top.depth >= max_depth:
                        raise UseComposer
                    node = Node((0, 0, 0, 0), None, True, top.key_where)
                    nodes[top.at + (top.name,)] = node
                    top.value[top.name] = None
                    top.pending = (begin, node)
                    top.state = _KEY
                    continue
                if top.depth >= max_depth:
                    raise UseComposer  # the composer path raises TooDeep where ``Builder`` does
                name = top.name
                style = event.style
                if not style and not properties:  # a plain value (``_scalar``'s commonest case, inline)
                    nodes[top.at + (name,)] = Node(
                        (line[start.line + 1], start.column + 1, line[end.line + 1], end.column + 1),
                        None,
                        True,
                        top.key_where,
                    )
                    top.value[name] = _resolve_plain(event.value)
                elif (
                    (style == '"' or style == "'")
                    and start.line == end.line
                    and columns_are_offsets
                    and not properties
                ):  # a quoted value on one line (the next commonest, inline too)
                    number = line[start.line + 1]
                    nodes[top.at + (name,)] = Node(
                        (number, start.column + 1, number, end.column + 1),
                        INSIDE_QUOTES,
                        False,
                        top.key_where,
                        True,
                    )
                    scalar = event.value
                    top.value[name] = scalar if scalar.isascii() else _clean(scalar)
                else:
                    top.value[name] = _scalar(
                        event,
                        start,
                        end,
                        top.at + (name,),
                        top.key_where,
                        nodes,
                        text,
                        line,
                        columns_are_offsets,
                    )
                top.state = _KEY
                continue
            if state == _KEY:
                if top.pending is not None:  # an empty value before this key
                    _place_empty(top, text, start.index, start.line, start.column, line)
                if start.index == end.index:
                    raise Unsure  # an empty key: ruamel.yaml's marks differ
                style = event.style
                scalar = event.value
                if not style:
                    if scalar == "<<":
                        raise UseComposer  # a merge key
                    name = _resolve_plain(scalar)
                    if type(name) is not str:
                        name = str(name)
                else:
                    name = scalar
                if not name.isascii():
                    name = _clean(name)
                # One str object per key name: 20,000 segments' "start" keys are one string, not 20,000.
                name = intern(name)
                key_where = (line[start.line + 1], start.column + 1, line[end.line + 1], end.column + 1)
                first_line = top.first_line
                if name in first_line:
                    problems.append(_given_twice(top.at + (name,), name, first_line[name], key_where))
                    top.state = _VALUE_UNBUILT
                else:
                    first_line[name] = key_where[0]
                    top.name = name
                    top.key_where = key_where
                    top.state = _VALUE
                continue
            if state == _ITEM:
                if top.flow and start.index == end.index:
                    raise Unsure
                if top.depth >= max_depth:
                    raise UseComposer
                items = top.value
                items.append(
                    _scalar(
                        event,
                        start,
                        end,
                        top.at + (len(items),),
                        None,
                        nodes,
                        text,
                        line,
                        columns_are_offsets,
                    )
                )
                continue
            _unbuilt_scalar(top, event, start, end, text, line, unbuilt)
            continue

        if kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            end = event.end_mark
            end_line, end_column, end_index = end.line, end.column, end.index
            if eof_column and end_column == 0 and end_line == after_eof:
                end_line, end_column, end_index = eof_line, eof_column, size
            if frame.pending is not None:
                _place_empty(frame, text, end_index, end_line, end_column, line)
            start = frame.start
            if frame.skip is not None:
                top = stack[-1]
                if frame.key:  # a list or mapping as a key
                    if top.state == _KEY:  # E002, and its value is not built either
                        where = (line[start.line + 1], start.column + 1, line[end_line + 1], end_column + 1)
                        problems.append(
                            Problem(
                                "E002",
                                top.at,
                                T("a key must be plain text, not a list or mapping"),
                                span=Span(*where),
                            )
                        )
                        frame.skip.reverse()  # in the order ``Builder._unbuilt`` finds them
                        unbuilt.extend(frame.skip)
                        top.state = _VALUE_UNBUILT
                    else:
                        top.state = _UNBUILT_VALUE
                    continue
                if frame.own_segment:
                    frame.skip.reverse()
                    unbuilt.extend(frame.skip)
                _after_unbuilt(top)
                continue
            frame.node._span = (  # type: ignore[union-attr]
                line[start.line + 1],
                start.column + 1,
                line[end_line + 1],
                end_column + 1,
            )
            if not stack:
                root = frame.value
                break
            top = stack[-1]
            if top.state == _VALUE:
                top.value[top.name] = frame.value
                top.state = _KEY
            else:
                top.value.append(frame.value)
            continue

        if kind is not MappingStartEvent and kind is not SequenceStartEvent:
            raise UseComposer  # an alias (or anything else): the composer path reads it
        if properties and (event.anchor is not None or event.tag is not None):
            raise UseComposer
        count += 1
        if count > MAX_EXPANDED_VALUES:
            raise UseComposer  # the composer path refuses it, where it always did
        start = event.start_mark
        mapping = kind is MappingStartEvent
        flow = bool(event.flow_style)
        if not stack:
            at, key, depth = (), None, 0
        else:
            top = stack[-1]
            state = top.state
            if state == _VALUE:
                at, key, depth = top.at + (top.name,), top.key_where, top.depth + 1
            elif state == _ITEM:
                at, key, depth = top.at + (len(top.value),), None, top.depth + 1
            else:
                if state == _KEY or state == _UNBUILT_KEY:
                    if top.pending is not None:
                        _place_empty(top, text, start.index, start.line, start.column, line)
                    skip = [] if state == _KEY else top.skip
                    frame = _Open(
                        _UNBUILT_KEY if mapping else _UNBUILT_ITEM,
                        flow,
                        None,
                        None,
                        None,
                        start,
                        0,
                        True,
                        skip,
                    )
                elif state == _VALUE_UNBUILT:
                    frame = _Open(
                        _UNBUILT_KEY if mapping else _UNBUILT_ITEM,
                        flow,
                        None,
                        None,
                        None,
                        start,
                        0,
                        False,
                        [],
                        True,
                    )
                else:
                    frame = _Open(
                        _UNBUILT_KEY if mapping else _UNBUILT_ITEM,
                        flow,
                        None,
                        None,
                        None,
                        start,
                        0,
                        False,
                        top.skip,
                    )
                stack.append(frame)
                continue
        if depth > max_depth:
            raise UseComposer
        node = Node((0, 0, 0, 0), None, False, key)
        nodes[at] = node
        stack.append(_Open(_KEY if mapping else _ITEM, flow, at, {} if mapping else [], node, start, depth))

    if count > MAX_EXPANDED_VALUES:
        raise UseComposer
    get_event()  # the document's end
    if type(get_event()) is not StreamEndEvent:
        raise Unsure  # a second document: ruamel.yaml words the error
    doc.data = root


def _scalar(
    event: Any,
    start: Any,
    end: Any,
    at: Any,
    key: Where | None,
    nodes: dict[Any, Node],
    text: str,
    line: list[int],
    columns_are_offsets: bool,
) -> Any:
    """A scalar's value, its ``Node`` recorded at ``at`` (as ``Builder.build``)."""
    where = (line[start.line + 1], start.column + 1, line[end.line + 1], end.column + 1)
    style = event.style
    begin = start.index
    if begin < len(text) and text[begin] in "&!":
        raise UseComposer
    if not style:  # plain
        nodes[at] = Node(where, None, True, key)
        return _resolve_plain(event.value)
    if style in ("'", '"') and where[0] == where[2] and end.index - begin >= 2 and columns_are_offsets:
        inner: Where | str | None = INSIDE_QUOTES  # (where[0], where[1] + 1, where[2], where[3] - 1)
    else:
        inner = _content(text, begin, end.index, style, where, start)
    nodes[at] = Node(where, inner, False, key, True)
    return _clean(event.value)


def _unbuilt_scalar(
    top: _Open, event: Any, start: Any, end: Any, text: str, line: list[int], unbuilt: list[Span]
) -> None:
    """A scalar that is not built: a duplicate key's value, or anything in a value not built."""
    state = top.state
    empty = start.index == end.index
    if state == _UNBUILT_KEY:
        if top.pending is not None:
            _place_empty(top, text, start.index, start.line, start.column, line)
        if empty:
            raise Unsure
    elif empty and top.flow:
        raise Unsure
    elif empty and state != _UNBUILT_ITEM:  # an empty value in a block mapping
        top.pending = (start.index, None)
    if event.style:
        span = Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        if state == _VALUE_UNBUILT:
            unbuilt.append(span)
        else:
            top.skip.append(span)  # type: ignore[union-attr]
    if state == _UNBUILT_KEY:
        top.state = _UNBUILT_VALUE
    else:
        _after_unbuilt(top)


def _after_unbuilt(top: _Open) -> None:
    """A value not built has ended: its mapping's next event is a key."""
    if top.state == _VALUE_UNBUILT:
        top.state = _KEY
    elif top.state == _UNBUILT_VALUE:
        top.state = _UNBUILT_KEY


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
