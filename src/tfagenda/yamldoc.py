"""YAML text → plain data + the position of every key and value.

We compose the node graph with ruamel.yaml (YAML 1.2) and build the Python values ourselves, so
that (1) every scalar keeps its start and end mark, (2) a key given twice is reported with both
lines instead of silently overwritten, (3) plain scalars resolve by the YAML 1.2 core schema
(``14:10`` stays the text it spells, ``2026-02-26`` stays text for the model to read as a date),
and (4) alias bombs and runaway nesting are refused before anything expands them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

from tfagenda.findings import DocPath, Problem, Span

# More values than this after expanding aliases is an alias bomb, not an agenda.
MAX_EXPANDED_VALUES = 2_000_000
MAX_DEPTH = 200

_INT = re.compile(r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
# YAML 1.1 (PyYAML, many editors and linters) reads these plain scalars as base-60 numbers: 14:10 → 850.
SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
# Line breaks as ruamel.yaml's reader counts lines (YAML 1.2): "\r\n" is one break, a lone "\r" is one too.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Node:
    """Where one value is: its whole text, the text a fix replaces (inside quotes), and how it was written."""

    span: Span
    inner: Span
    plain: bool  # an unquoted scalar (YAML resolved its type from the text)
    key: Span | None = None  # the key's span, for values in a mapping


@dataclass
class Document:
    """A parsed YAML file. ``data`` is None when the text is not YAML (a problem says why)."""

    path: str
    text: str
    data: Any = None
    nodes: dict[DocPath, Node] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Places an importer could not read (its E005 problems say so): the loader treats them as set
    # aside, so that they cause no follow-on findings.
    damaged: set[DocPath] = field(default_factory=set)
    encoding: str = "utf-8"  # how the file's bytes were decoded (``tfagenda.fix`` writes it back the same way)
    bom: bytes = b""  # the byte-order mark the file started with, if any

    @property
    def lines(self) -> list[str]:
        """The text's lines without their line breaks, counted as the parser counts them ("\\r\\n", "\\n" or a lone "\\r")."""
        return LINE_BREAK.split(self.text)

    def span_of(self, at: DocPath, key: bool = False) -> Span:
        """The span of the value at ``at``; for a missing value, the nearest enclosing one."""
        while at:
            node = self.nodes.get(at)
            if node is not None:
                return (node.key or node.span) if key else node.span
            at = at[:-1]
        node = self.nodes.get(())
        return node.span if node else Span(1, 1, 1, 1)


def sniff_encoding(raw: bytes) -> tuple[bytes, str]:
    """The byte-order mark ``raw`` starts with (or ``b""``) and the encoding it names (UTF-8 without one)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return bom, encoding
    return b"", "utf-8"


def decode(raw: bytes) -> str:
    """Bytes → text, honouring a UTF-8 or UTF-16/32 byte-order mark; invalid UTF-8 raises ``UnicodeDecodeError``."""
    bom, encoding = sniff_encoding(raw)
    return raw[len(bom) :].decode(encoding)


def _span(node: Any) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _resolve_plain(text: str) -> Any:
    """The YAML 1.2 core schema, nothing more."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(text):
        return int(text, 0) if text.lstrip("+-")[:2] in ("0o", "0x") else int(text)
    if _FLOAT.fullmatch(text):
        return float(text.replace("Inf", "inf").replace("INF", "inf").replace("NaN", "nan").replace("NAN", "nan"))
    return text


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def build(self, node: Any, at: DocPath, key: Span | None, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        span = _span(node)
        kind = node.id
        if kind == "scalar":
            plain = node.style is None
            inner = span
            if node.style in ("'", '"') and span.line == span.end_line:
                inner = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
            self.doc.nodes[at] = Node(span, inner, plain, key)
            return _resolve_plain(node.value) if plain else node.value
        self.doc.nodes[at] = Node(span, span, False, key)
        if kind == "sequence":
            return [self.build(item, at + (i,), None, depth + 1) for i, item in enumerate(node.value)]
        return self._mapping(node, at, depth)

    def _mapping(self, node: Any, at: DocPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in _merged_pairs(node):
            key_span = _span(key_node)
            if key_node.id != "scalar":
                self.doc.problems.append(
                    Problem("E002", at, "a key must be plain text, not a list or mapping", span=key_span)
                )
                continue
            name = str(_resolve_plain(key_node.value) if key_node.style is None else key_node.value)
            if name in result:
                self.doc.problems.append(
                    Problem(
                        "E003",
                        at + (name,),
                        f"key {name!r} is given twice, on lines {first_line[name]} and {key_span.line}; "
                        f"the second is ignored: remove one of them",
                        span=key_span,
                    )
                )
                continue
            first_line[name] = key_span.line
            result[name] = self.build(value_node, at + (name,), key_span, depth + 1)
        return result


def _merged_pairs(node: Any) -> list[tuple[Any, Any]]:
    """A mapping's pairs with YAML merge keys (``<<: *base``) expanded; own keys win over merged ones."""
    own = [(k, v) for k, v in node.value if not (k.id == "scalar" and k.value == "<<" and k.style is None)]
    merges = [v for k, v in node.value if k.id == "scalar" and k.value == "<<" and k.style is None]
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


class _TooDeep(Exception):
    def __init__(self, node: Any) -> None:
        self.node = node


def _expanded_size(root: Any) -> int:
    """How many values the document has once every alias is expanded (memoised, so a bomb costs nothing)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if done:
            sizes[id(node)] = min(MAX_EXPANDED_VALUES + 1, 1 + sum(sizes[id(c)] for c in children))
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _children(node: Any) -> list[Any]:
    if node.id == "sequence":
        return list(node.value)
    if node.id == "mapping":
        return [n for pair in node.value for n in pair]
    return []


def parse(text: str, path: str = "<string>") -> Document:
    """Parse YAML text; syntax errors and structural problems become problems on the document."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    doc = Document(path=path, text=text.removeprefix("\ufeff"))
    yaml = YAML(typ="rt")
    try:
        root = yaml.compose(doc.text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "invalid YAML"
        opened = error.context_mark
        if error.problem and error.context and opened and opened.line + 1 != line:
            what += f" ({error.context} that starts on line {opened.line + 1}, column {opened.column + 1})"
        doc.problems.append(Problem("E001", (), f"YAML syntax: {what}", span=Span(line, column, line, column + 1)))
        return doc
    except RecursionError:
        doc.problems.append(Problem("E001", (), "the YAML nests deeper than the parser can follow", span=Span(1, 1, 1, 2)))
        return doc
    except YAMLError as error:  # reader errors: control characters, and the like
        doc.problems.append(Problem("E001", (), f"YAML: {error}", span=Span(1, 1, 1, 2)))
        return doc
    if root is None:
        return doc
    if _expanded_size(root) > MAX_EXPANDED_VALUES:
        doc.problems.append(
            Problem(
                "E001",
                (),
                f"the YAML expands its aliases to more than {MAX_EXPANDED_VALUES:,} values (an alias bomb); "
                "write the values out instead",
                span=_span(root),
            )
        )
        return doc
    try:
        doc.data = _Builder(doc).build(root, (), None, 0)
    except _TooDeep as deep:
        span = _span(deep.node)
        doc.problems.append(Problem("E001", (), f"the YAML nests more than {MAX_DEPTH} levels deep", span=span))
        doc.data, doc.nodes = None, {}
    return doc
