"""A parsed document: its text, data, and the place of every value (``Node``) by document path.

YAML files parse into it (``tfagenda.yamldoc.parse``), and so does every importer (frab, ministry):
the loader and the rules see one kind of document whatever the source format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tfagenda.findings import DocPath, Problem, Span
from tfagenda.positions import LineIndex


@dataclass(frozen=True, slots=True)
class Node:
    """Where one value is: its whole text, the text a fix replaces (inside quotes), and how it was written."""

    span: Span
    inner: Span
    plain: bool  # an unquoted scalar (YAML resolved its type from the text)
    key: Span | None = None  # the key's span, for values in a mapping
    quoted: bool = False  # a quoted or block scalar: its text holds no comment


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
    encoding: str = (
        "utf-8"  # how the file's bytes were decoded (``tfagenda.fix`` writes it back the same way)
    )
    bom: bytes = b""  # the byte-order mark the file started with, if any
    # Paths whose value is one text that other paths share (an anchor and its aliases, merge keys):
    # each such path → every path that holds that text, itself included.
    shared: dict[DocPath, list[DocPath]] = field(default_factory=dict)
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
