"""YAML text → plain data + the position of every key and value.

We compose the node graph with libyaml (PyYAML's C extension) where it reads the text as
ruamel.yaml (YAML 1.2) does, else with ruamel.yaml (see ``parse``), and build the Python values
ourselves, so that (1) every scalar keeps its start and end mark, (2) a key given twice is
reported with both lines instead of silently overwritten, (3) plain scalars resolve by the YAML 1.2 core schema
(``14:10`` stays the text it spells, ``2026-02-26`` stays text for the model to read as a date),
and (4) alias bombs and runaway nesting are refused before anything expands them.

The modules, one job each: ``document`` (``Document``, ``Node``), ``decode`` (byte-order marks and
encodings), ``values`` (nodes → values with spans), ``limits`` (the size and depth guards),
``libyaml`` (the fast path), ``events`` (its fastest part: values straight from libyaml's events,
without a node graph) and ``ruamel`` (the full path, its guarded scanner, syntax errors).
Positions are counted by ``tfagenda.positions.LineIndex``.
"""

from __future__ import annotations

from tfagenda.positions import LINE_BREAK
from tfagenda.yamldoc import libyaml, ruamel
from tfagenda.yamldoc.decode import decode, sniff_encoding
from tfagenda.yamldoc.document import Document, Node
from tfagenda.yamldoc.limits import MAX_ALIAS_VALUES, MAX_DEPTH, MAX_EXPANDED_VALUES
from tfagenda.yamldoc.values import SEXAGESIMAL, gc_paused

__all__ = [
    "LINE_BREAK",
    "MAX_ALIAS_VALUES",
    "MAX_DEPTH",
    "MAX_EXPANDED_VALUES",
    "SEXAGESIMAL",
    "Document",
    "Node",
    "decode",
    "gc_paused",
    "parse",
    "sniff_encoding",
]


def parse(text: str, path: str = "<string>") -> Document:
    """Parse YAML text; syntax errors and structural problems become problems on the document.

    libyaml (PyYAML's C extension) parses when it can; ruamel.yaml parses the rest and reports
    every syntax error, so messages do not depend on which parser ran.
    """
    fast = libyaml.parse(text.removeprefix("\ufeff"), path)
    if fast is not None:
        return fast
    return ruamel.parse(text, path)
