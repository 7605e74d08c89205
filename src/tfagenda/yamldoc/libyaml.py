"""The fast path: libyaml (PyYAML's C extension) composes the node graph where it reads the text as
ruamel.yaml does, 10 to 50 times faster (a 20,000-event schedule: 0.3 s instead of 15 s).

``parse`` returns None when ruamel.yaml must read the text instead: libyaml is missing, the text
has something the two might read differently (``unsure``), or libyaml refuses it (ruamel.yaml then
words the syntax error). libyaml's marks are made ruamel.yaml's (``_match_ruamel_marks``), so a
document's spans do not depend on which parser ran.

Most texts are built straight from libyaml's events (``events``: no node graph, a third less time
and memory); what that path leaves (anchors, aliases, tags, merge keys, the limits, anything it is
unsure of) is composed into a node graph and built by ``values.Builder``, as before, which then
decides: a document, or None for ruamel.yaml.
"""

from __future__ import annotations

import re
from typing import Any

from tfagenda.findings import Problem, Span
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import events
from tfagenda.yamldoc.document import Document
from tfagenda.yamldoc.limits import MAX_EXPANDED_VALUES, too_big, too_many_values, value_bound
from tfagenda.yamldoc.values import Builder, gc_paused

# Text that libyaml (a YAML 1.1 parser) might read other than ruamel.yaml (YAML 1.2) does goes to
# ruamel.yaml: characters that are line breaks in YAML 1.1 only (NEL, LS, PS), byte-order marks and
# other characters either may refuse, and tabs (ruamel.yaml refuses some that libyaml takes);
_UNSURE_CHARACTERS = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
# directives (%YAML 1.1 changes ruamel.yaml's rules) and document ends (...);
_UNSURE_LINES = ("%", "...")
# and where a token starts: anchors, aliases and tags (&a, *a, !t), whose names YAML 1.1 spells with
# fewer characters, block scalars (| and >), whose corners the two read differently (ruamel.yaml
# keeps a BEL where a folded scalar folds), and complex keys (? key).
_UNSURE_INDICATORS = "&*!|>?"


def unsure(text: str) -> bool:
    """Whether libyaml might read ``text`` other than ruamel.yaml does (fast: most texts need no regex)."""
    if _UNSURE_CHARACTERS.search(text):
        return True
    if text.startswith(_UNSURE_LINES) or any(b + s in text for b in "\n\r" for s in _UNSURE_LINES):
        return True
    present = "".join(c for c in _UNSURE_INDICATORS if c in text)
    return (
        bool(present)
        and re.search(f"(?:^|[\\s\\[{{,])[{re.escape(present)}]", text, re.MULTILINE) is not None
    )


# Nesting deeper than this goes to ruamel.yaml, whose guarded scanner reports it (an agenda needs < 20).
_MAX_DEPTH = 100
_C_COMPOSER: Any = None


def composer_class() -> Any:
    """PyYAML's libyaml composer as a bare parser (None without the C extension).

    libyaml composes the same node graph as ruamel.yaml (``id``, ``value``, ``style``, and marks
    that count lines and code points as ruamel.yaml does), 10 to 50 times faster. Tags are not
    resolved: ``Builder`` resolves plain scalars itself, by YAML 1.2.
    """
    global _C_COMPOSER
    if _C_COMPOSER is None:
        try:
            from yaml._yaml import CParser
        except ImportError:
            _C_COMPOSER = False
            return None

        class Composer(CParser):
            def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
                return None

            def descend_resolver(self, parent: Any, index: Any) -> None:
                pass

            def ascend_resolver(self) -> None:
                pass

        _C_COMPOSER = Composer
    return _C_COMPOSER or None


class _Unsure(Exception):
    """libyaml's reading might not be ruamel.yaml's: parse with ruamel.yaml instead."""


class _Mark:
    """A position, as libyaml's marks give it (0-based line and column, character index)."""

    __slots__ = ("line", "column", "index")

    def __init__(self, line: int, column: int, index: int) -> None:
        self.line, self.column, self.index = line, column, index


def _match_ruamel_marks(root: Any, text: str) -> int:
    """Make libyaml's marks ruamel.yaml's, or raise ``_Unsure``; the number of nodes (keys, values,
    lists and mappings), counted on the way.

    They differ in two places. At the end of a text without a final line break, libyaml moves to
    the start of a line after it, where ruamel.yaml stays at the end of the text (where a
    collection that ends there ends). And an empty value (``key:`` with nothing after it) is at the
    end of the ``:`` for libyaml, and at the start of what follows for ruamel.yaml (the next key, or
    where the mapping ends); when a comment comes between, or the empty value is anywhere else
    (a key, in a flow collection, the whole document), ruamel.yaml's rules get intricate, and
    ruamel.yaml parses the text.
    """
    # 0-based, as marks are; (0, 0) when the text ends with a line break (libyaml's mark is right then).
    ends_line = text.endswith(("\n", "\r"))
    eof_line, eof_column = LineIndex(text).line1_column1(len(text)) if not ends_line else (1, 1)
    eof_line, eof_column = eof_line - 1, eof_column - 1
    if root.id == "scalar":
        if root.start_mark.index == root.end_mark.index:
            raise _Unsure
        return 1
    count = 1
    stack = [root]
    while stack:
        node = stack.pop()
        end = node.end_mark
        if eof_column and end.column == 0 and end.line == eof_line + 1:
            end = node.end_mark = _Mark(eof_line, eof_column, len(text))
        count += len(node.value) if node.id == "sequence" else 2 * len(node.value)
        if node.id == "sequence":
            for item in node.value:
                if item.id != "scalar":
                    stack.append(item)
                elif item.start_mark.index == item.end_mark.index and node.flow_style:
                    raise _Unsure
            continue
        pairs = node.value
        for index, (key, value) in enumerate(pairs):
            if key.id != "scalar":
                stack.append(key)
            elif key.start_mark.index == key.end_mark.index:
                raise _Unsure
            if value.id != "scalar":
                stack.append(value)
            elif value.start_mark.index == value.end_mark.index:
                if node.flow_style:
                    raise _Unsure
                following = pairs[index + 1][0].start_mark if index + 1 < len(pairs) else end
                if "#" in text[value.start_mark.index : following.index]:
                    raise _Unsure
                value.start_mark = value.end_mark = _Mark(following.line, following.column, following.index)
    return count


def parse(text: str, path: str) -> Document | None:
    """The document as libyaml reads it, or None when ruamel.yaml must read it: libyaml is
    missing, the text has something the two might read differently, or libyaml refuses it (then
    ruamel.yaml's message, which tfagenda words its E001 from, says why)."""
    composer = composer_class()
    if composer is None or unsure(text):
        return None
    with gc_paused():
        if value_bound(text) <= 2 * MAX_EXPANDED_VALUES:  # else the composer path counts them first
            doc = Document(path=path, text=text)
            try:
                events.build(text, doc, _MAX_DEPTH)
                return doc
            except Exception:  # noqa: BLE001, S110 - anything unusual: the composer path decides, as it always did
                pass
        doc = Document(path=path, text=text)
        try:
            return _compose_and_build(composer, text, doc)
        except Exception:  # a syntax error, or too deep (TooDeep): ruamel.yaml reports it
            return None


def _compose_and_build(composer: Any, text: str, doc: Document) -> Document | None:
    if value_bound(text) > 2 * MAX_EXPANDED_VALUES:  # perhaps too many to build: count them first
        too_many = _too_many_events(text)
        if too_many is not None:
            doc.problems.append(too_many)
            return doc
    parser = composer(text)
    try:
        root = parser.get_single_node()
    finally:
        parser.dispose()
    if root is None:
        return doc
    # An alias needs an anchor ("&name"): without one nothing expands, the node graph is a tree, and
    # counting its nodes (on the way through the marks) is all the limit needs. With one, the
    # expanded size is counted (``too_big``; memoised, so a bomb costs nothing to count).
    if "&" in text:
        refusal = too_big(root)
    else:
        refusal = None
        count = _match_ruamel_marks(root, text)
        if count > MAX_EXPANDED_VALUES:
            refusal = too_many_values()
    if refusal is not None:  # said here: ruamel.yaml would compose it all again, slowly
        mark = root.start_mark
        doc.problems.append(
            Problem(
                "E001",
                (),
                refusal,
                span=Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1),
            )
        )
        return doc
    if "&" in text:
        _match_ruamel_marks(root, text)
    doc.data = Builder(doc, _MAX_DEPTH, release="&" not in text).build(root, (), None, 0)
    return doc


def _too_many_events(text: str) -> Problem | None:
    """E001 where libyaml's events pass ``MAX_EXPANDED_VALUES`` values (events cost no memory: nothing is built)."""
    from yaml._yaml import CParser

    parser = CParser(text)
    values = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if type(event).__name__ in (
                "ScalarEvent",
                "AliasEvent",
                "SequenceStartEvent",
                "MappingStartEvent",
            ):
                values += 1
                if values > MAX_EXPANDED_VALUES:
                    mark = event.start_mark
                    span = Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)
                    return Problem(
                        "E001",
                        (),
                        too_many_values(),
                        span=span,
                    )
    finally:
        parser.dispose()
    return None
