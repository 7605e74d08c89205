"""A parsed document: its text, data, and the place of every value (``Node``) by document path.

YAML files parse into it (``tfagenda.yamldoc.parse``), and so does every importer (frab, ministry):
the loader and the rules see one kind of document whatever the source format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from tfagenda.findings import DocPath, Problem, Span
from tfagenda.positions import LineIndex

# A span as the parsers give it, before it is needed as a ``Span``: (line, column, end line, end column).
Where = tuple[int, int, int, int]
# ``Node``'s ``inner`` for a quoted scalar on one line whose columns are offsets: its span without
# the quotes, made when first read (85,000 of a 20,000-event schedule's values are such).
INSIDE_QUOTES = "inside quotes"


class Node:
    """Where one value is: its whole text, the text a fix replaces (inside quotes), and how it was written.

    ``span``, ``inner`` and ``key`` are ``Span``s; the YAML builder hands them over as plain tuples,
    which become ``Span``s when first read: a 20,000-event schedule has 175,000 values, and few of
    their spans are ever read (making a ``Span`` costs 20 times what a tuple does). ``quoted``: a
    quoted or block scalar, whose text holds no comment (``tfagenda.suppress``).
    """

    __slots__ = ("_span", "_inner", "plain", "_key", "quoted")

    def __init__(
        self,
        span: Span | Where,
        inner: Span | Where | str | None,
        plain: bool,
        key: Span | Where | None = None,
        quoted: bool = False,
    ) -> None:
        self._span = span
        self._inner = inner  # None: the same as ``span``; INSIDE_QUOTES: ``span`` without its quotes
        self.plain = plain  # an unquoted scalar (YAML resolved its type from the text)
        self._key = key  # the key's span, for values in a mapping
        self.quoted = quoted

    @property
    def span(self) -> Span:
        span = self._span
        if type(span) is tuple:
            span = self._span = Span(*span)
        return span  # type: ignore[return-value]

    @property
    def inner(self) -> Span:
        inner = self._inner
        if inner is None:
            return self.span
        if type(inner) is tuple:
            inner = self._inner = Span(*inner)
        elif inner is INSIDE_QUOTES:
            span = self.span
            inner = self._inner = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
        return inner  # type: ignore[return-value]

    @property
    def key(self) -> Span | None:
        key = self._key
        if type(key) is tuple:
            key = self._key = Span(*key)
        return key  # type: ignore[return-value]

    def _fields(self) -> tuple[Span, Span, bool, Span | None, bool]:
        return (self.span, self.inner, self.plain, self.key, self.quoted)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        span, inner, plain, key, quoted = self._fields()
        return f"Node(span={span!r}, inner={inner!r}, plain={plain!r}, key={key!r}, quoted={quoted!r})"


@dataclass
class Document:
    """A parsed YAML file. ``data`` is None when the text is not YAML (a problem says why)."""

    # An office document (documents.load.DocumentSource) says True: its findings name a table cell.
    from_office_document: ClassVar[bool] = False

    path: str
    text: str
    data: Any = None
    nodes: dict[DocPath, Node] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Places an importer could not read (its E005 problems say so): the loader treats them as set
    # aside, so that they cause no follow-on findings.
    damaged: set[DocPath] = field(default_factory=set)
    encoding: str = (
        "utf-8"  # how the file's bytes were decoded (``tfagenda.fix`` writes it back the same way)
    )
    bom: bytes = b""  # the byte-order mark the file started with, if any
    # What the text is: "yaml" (an agenda file), or the importer's format ("ministry", "frab-xml", …),
    # whose findings point into the text but whose fixes cannot add a YAML key.
    written_as: str = "yaml"
    # Paths whose value is one text that other paths share (an anchor and its aliases, merge keys):
    # each such path → every path that holds that text, itself included.
    shared: dict[DocPath, list[DocPath]] = field(default_factory=dict)
    # How an importer's source writes a value, where a fix must write it the same way: "12h" for a
    # time on a table's 12-hour clock (13:00 is written 1:00, or the table would read otherwise).
    spelled: dict[DocPath, str] = field(default_factory=dict)
    # Quoted and block scalars that are in no ``nodes`` entry (a duplicate key's value): never comments.
    unbuilt_strings: list[Span] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        """The text's lines without their line breaks, counted as the parser counts them ("\\r\\n", "\\n" or a lone "\\r")."""
        return LineIndex(self.text).lines

    def span_of(self, at: DocPath, key: bool = False) -> Span:
        """The span of the value at ``at``; for a missing value, the nearest enclosing one."""
        while at:
            node = self.nodes.get(at)
            if node is not None:
                return (node.key or node.span) if key else node.span
            at = at[:-1]
        node = self.nodes.get(())
        return node.span if node else Span(1, 1, 1, 1)
