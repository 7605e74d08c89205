"""A parsed document, patched after a fix instead of parsed again (``check --fix``, issue 17).

Most fixes rewrite one value on one line: a weekday label (``수`` → ``목``), a time (``16:05`` →
``16:35``), a time put in quotes (``16:30`` → ``"16:30"``). The next round of fixing would parse
the whole text again for that; here the document parsed before the fix (``keep``, taken before the
loader changes its data) is patched instead (``patch``): the value at the edited place, that
value's span, the spans after it on its line (shifted when the edit changed the line's length),
and the text. ``patch`` returns None for anything it cannot prove reads as it says, and the text
is parsed again: an edit over more than one line, one that is not inside exactly one value written
on one line, a value written otherwise than plain text of a safe alphabet or quotes without escapes
(before or after the edit), a document with problems, shared values (anchors, aliases, merge
keys), byte-order marks or line breaks other than CR and LF. ``tests/test_patch.py`` compares
patched documents with parses of the edited texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from tfagenda.findings import DocPath, Span
from tfagenda.yamldoc.document import Document, Node, Where
from tfagenda.yamldoc.values import _resolve_plain

# A plain scalar that reads as itself wherever a plain scalar can stand (a block or flow value): it
# starts with a letter or digit, and holds no indicator that could end it or start something else
# (": ", " #", flow indicators, quotes), no tab and no space at its end.
_LETTER = "0-9A-Za-z\uac00-\ud7a3"
_PLAIN = re.compile(f"[{_LETTER}](?:[{_LETTER}_./~+-]|[: ](?=[{_LETTER}]))*")
# The inside of a quoted scalar on one line that means what it says: no quote, no escape, nothing
# that is not a printable character, and none of the characters that send a text to ruamel.yaml
# when they start a token (``libyaml.unsure``), so that the patched text is read by the same parser.
_QUOTED = re.compile(
    "[^\"'\\\\&*!|>?%#\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ud800-\\udfff\\ufffe\\uffff]*"
)
# Texts that are never patched: a byte-order mark takes no column, and these line breaks are line
# breaks for one parser only.
_UNPATCHED = re.compile("[\ufeff\x85\u2028\u2029]")


class Kept(NamedTuple):
    """A parsed document as the parser made it, before the loader set values aside: the copy that
    ``patch`` patches."""

    path: str
    text: str
    data: Any
    nodes: dict[DocPath, Node]


class TextEdit(NamedTuple):
    """One edit a fix made to a text: its span (1-based line and column), its offsets, the new text."""

    span: Span
    begin: int
    end: int
    text: str


def keep(document: Document) -> Kept | None:
    """A copy of a freshly parsed ``document`` that ``patch`` can patch, or None when none of its
    edits would be patched (problems, shared values, a byte-order mark)."""
    text = document.text
    if (
        document.problems
        or document.shared
        or document.unbuilt_strings
        or document.damaged
        or document.spelled
        or not isinstance(document.data, dict)
        or "<<" in text
        or _UNPATCHED.search(text)
    ):
        return None
    return Kept(document.path, text, _copy(document.data), dict(document.nodes))


def _copy(value: Any) -> Any:
    """A copy of parsed data: its mappings and lists (the loader changes them), sharing the scalars."""
    if type(value) is dict:
        return {key: _copy(item) if type(item) in (dict, list) else item for key, item in value.items()}
    return [_copy(item) if type(item) in (dict, list) else item for item in value]


def _where(span: Span | Where | None) -> Where | None:
    if span is None or isinstance(span, tuple):
        return span
    return _from_span(span)


def _from_span(span: Span) -> Where:
    return (span.line, span.column, span.end_line, span.end_column)


def _written(text: str) -> tuple[Any, str] | None:
    """The value of a scalar written on one line as ``text``, and its style ("" plain, or its quote);
    None when it is not written in a way ``patch`` can be sure of."""
    if _PLAIN.fullmatch(text):
        return _resolve_plain(text), ""
    if (
        len(text) >= 2
        and text[0] == text[-1]
        and text[0] in "\"'"
        and _QUOTED.fullmatch(text, 1, len(text) - 1)
    ):
        return text[1:-1], text[0]
    return None


def _get(data: Any, at: DocPath) -> Any:
    for step in at:
        data = data[step]
    return data


def patch(kept: Kept, text: str, edits: Sequence[TextEdit]) -> Document | None:
    """The document that parsing ``text`` gives, made from ``kept`` (a parse of the text before
    ``edits``), or None when that cannot be shown (then the text is parsed). ``kept`` is used up:
    its data becomes the new document's."""
    if not edits or len(text) != len(kept.text) + sum(len(e.text) - (e.end - e.begin) for e in edits):
        return None
    by_line: dict[int, list[TextEdit]] = {}
    for edit in edits:
        span = edit.span
        if (
            span.line != span.end_line
            or span.column >= span.end_column  # an insertion: which side of it a span ends is a guess
            or span.end_column - span.column != edit.end - edit.begin
            or "\n" in edit.text
            or "\r" in edit.text
        ):
            return None
        by_line.setdefault(span.line, []).append(edit)
    for line_edits in by_line.values():
        line_edits.sort(key=lambda e: e.span.column)

    def shifted(line: int, column: int) -> int:
        """A column of the text before the edits, in the text after them (not inside an edit)."""
        moved = column
        for edit in by_line.get(line, ()):
            if column < edit.span.end_column:
                if column > edit.span.column:
                    raise _Unsure
                break
            moved += len(edit.text) - (edit.span.end_column - edit.span.column)
        return moved

    nodes = kept.nodes
    patched: dict[DocPath, Node] = {}
    edited: dict[int, DocPath] = {}  # id of an edit → the value it is in
    try:
        for at, node in nodes.items():
            # ``Node``'s spans as the parser left them (most are tuples): reading ``node.span`` would
            # make a ``Span`` of each, which costs more than the rest of the patch.
            node_span, key_span = node._span, node._key
            where: Where = node_span if isinstance(node_span, tuple) else _from_span(node_span)
            key = key_span if key_span is None or isinstance(key_span, tuple) else _from_span(key_span)
            on_edited_line = where[0] in by_line or where[2] in by_line
            if key is not None and (key[0] in by_line or key[2] in by_line):
                for edit in by_line.get(key[0], ()):
                    if key[0] != key[2] or (key[1] < edit.span.end_column and edit.span.column < key[3]):
                        raise _Unsure  # an edit in a key, or beside a key over several lines
                on_edited_line = True
            if not on_edited_line:
                continue
            inside = [
                edit
                for edit in by_line.get(where[0], ())
                if where[0] == where[2] and where[1] <= edit.span.column and edit.span.end_column <= where[3]
            ]
            if inside and type(_get(kept.data, at)) not in (dict, list):
                for edit in inside:
                    if id(edit) in edited:
                        raise _Unsure
                    edited[id(edit)] = at
                patched[at] = _patched_scalar(kept, at, node, where, key, inside, shifted)
                continue
            inner = node._inner
            patched[at] = Node(
                _moved(where, shifted),
                # A marker (``document.INSIDE_QUOTES``: the span without its quotes) moves with the span.
                inner if isinstance(inner, str) else _shift(_where(inner), shifted),
                node.plain,
                _shift(key, shifted),
                node.quoted,
            )
    except _Unsure:
        return None
    if len(edited) != len(edits):  # an edit in no value written on one line (a comment, a key)
        return None
    nodes = dict(nodes)
    nodes.update(patched)
    return Document(path=kept.path, text=text, data=kept.data, nodes=nodes)


def _shift(where: Where | None, shifted: Callable[[int, int], int]) -> Where | None:
    if where is None:
        return None
    return _moved(where, shifted)


def _moved(where: Where, shifted: Callable[[int, int], int]) -> Where:
    return (where[0], shifted(where[0], where[1]), where[2], shifted(where[2], where[3]))


class _Unsure(Exception):
    """A patch cannot show what parsing the text would give."""


def _patched_scalar(
    kept: Kept,
    at: DocPath,
    node: Node,
    where: Where,
    key: Where | None,
    edits: list[TextEdit],
    shifted: Callable[[int, int], int],
) -> Node:
    """The node of a scalar on one line with ``edits`` inside it; its value set in ``kept.data``."""
    line, column, _, end_column = where
    start = edits[0].begin - (edits[0].span.column - column)  # columns are offsets on a line here
    before = kept.text[start : start + end_column - column]
    after, at_column = [], column
    for edit in edits:
        after += [before[at_column - column : edit.span.column - column], edit.text]
        at_column = edit.span.end_column
    after.append(before[at_column - column :])
    new = "".join(after)
    old_value, new_value = _written(before), _written(new)
    parent = _get(kept.data, at[:-1]) if at else None
    if (
        old_value is None
        or new_value is None
        or parent is None
        or (old_value[1] == "") != node.plain
        or (old_value[1] != "") != node.quoted
        or type(parent[at[-1]]) is not type(old_value[0])
        or parent[at[-1]] != old_value[0]
    ):
        raise _Unsure
    parent[at[-1]] = new_value[0]
    new_column = shifted(line, column)
    span = (line, new_column, line, new_column + len(new))
    style = new_value[1]
    return Node(
        span,
        (line, new_column + 1, line, new_column + len(new) - 1) if style else None,
        not style,
        _shift(key, shifted),
        bool(style),
    )


class Reparser:
    """``yamldoc.parse`` for the rounds of fixing one text (``fix.fix_rounds``): each text parsed is
    kept, and the next one, when it is that text with the edits announced by ``edited``, is
    patched from it instead of parsed (when ``patch`` can show it reads so)."""

    def __init__(self) -> None:
        self._kept: Kept | None = None
        self._expected: str | None = None
        self._edits: Sequence[TextEdit] = ()
        self.patched = 0  # how many texts were patched rather than parsed

    def edited(self, text: str, edits: Sequence[TextEdit]) -> None:
        """The next text to parse is expected to be the last one with ``edits``: ``text``."""
        self._expected, self._edits = text, edits

    def __call__(self, text: str, path: str) -> Document:
        from tfagenda.yamldoc import parse

        kept, expected, edits = self._kept, self._expected, self._edits
        self._kept, self._expected, self._edits = None, None, ()
        document = None
        if kept is not None and text == expected and path == kept.path:
            document = patch(kept, text, edits)
        if document is None:
            document = parse(text, path)
        else:
            self.patched += 1
        self._kept = keep(document)
        return document
