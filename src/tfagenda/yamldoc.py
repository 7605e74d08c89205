"""YAML text → plain data + the position of every key and value.

We compose the node graph with libyaml (PyYAML's C extension) where it reads the text as
ruamel.yaml (YAML 1.2) does, else with ruamel.yaml (see ``parse``), and build the Python values
ourselves, so that (1) every scalar keeps its start and end mark, (2) a key given twice is
reported with both lines instead of silently overwritten, (3) plain scalars resolve by the YAML 1.2 core schema
(``14:10`` stays the text it spells, ``2026-02-26`` stays text for the model to read as a date),
and (4) alias bombs and runaway nesting are refused before anything expands them.
"""

from __future__ import annotations

import codecs
import gc
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tfagenda.findings import DocPath, Problem, Span
from tfagenda.messages import Message

# More values than this (keys, values, lists and mappings, counting what aliases expand to) is not
# read: a 20,000-event schedule has about 180,000 (README, Robustness: this bounds time and memory).
MAX_EXPANDED_VALUES = 500_000
# Aliases that add more values than this to the document are an alias bomb too: building 100,000
# values takes about a second and 200 MB (README, Robustness); merge keys in an agenda add hundreds.
MAX_ALIAS_VALUES = 100_000
MAX_DEPTH = 200

_INT = re.compile(r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# YAML 1.1 (PyYAML, many editors and linters) reads these plain scalars as base-60 numbers: 14:10 → 850.
SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
# Line breaks as ruamel.yaml's reader counts lines (YAML 1.2): "\r\n" is one break, a lone "\r" is one too.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
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
    encoding: str = (
        "utf-8"  # how the file's bytes were decoded (``tfagenda.fix`` writes it back the same way)
    )
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


class _Builder:
    def __init__(self, doc: Document, max_depth: int = MAX_DEPTH) -> None:
        self.doc = doc
        self.max_depth = max_depth

    def build(self, node: Any, at: DocPath, key: Span | None, depth: int) -> Any:
        if depth > self.max_depth:
            raise _TooDeep(node)
        start, end = node.start_mark, node.end_mark  # _span(node), inline: this runs for every value
        span = Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        kind = node.id
        if kind == "scalar":
            style = node.style
            if not style:  # plain: None from ruamel.yaml, "" from libyaml
                self.doc.nodes[at] = Node(span, span, True, key)
                return _resolve_plain(node.value)
            inner = span
            if style in ("'", '"') and span.line == span.end_line:
                inner = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
            self.doc.nodes[at] = Node(span, inner, False, key)
            return _clean(node.value)
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
                self.doc.problems.append(Problem("E002", at, Message("e002.key_not_text"), span=key_span))
                continue
            name = _clean(str(_resolve_plain(key_node.value) if not key_node.style else key_node.value))
            if name in result:
                self.doc.problems.append(
                    Problem(
                        "E003",
                        at + (name,),
                        Message("e003", name=name, first=first_line[name], second=key_span.line),
                        span=key_span,
                    )
                )
                continue
            first_line[name] = key_span.line
            result[name] = self.build(value_node, at + (name,), key_span, depth + 1)
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


class _TooDeep(Exception):
    def __init__(self, node: Any) -> None:
        self.node = node


def _too_big(root: Any) -> Message | None:
    """Why the document is not read, if it is too big: more than ``MAX_EXPANDED_VALUES`` values, or
    aliases that add more than ``MAX_ALIAS_VALUES`` (an alias bomb)."""
    expanded, distinct = _expanded_size(root, with_distinct=True)
    if distinct > MAX_EXPANDED_VALUES:
        return Message("e001.too_many_values", limit=f"{MAX_EXPANDED_VALUES:,}")
    if expanded > MAX_EXPANDED_VALUES or expanded - distinct > MAX_ALIAS_VALUES:
        return Message("e001.alias_bomb", limit=f"{MAX_ALIAS_VALUES:,}")
    return None


def _value_bound(text: str) -> int:
    """An upper bound on the number of values in the YAML ``text``, from characters that every value
    but the first needs one of; cheap (``str.count``), and loose (a 20,000-event schedule: 3 times)."""
    return (
        2 * (text.count(":") + text.count("-") + text.count("?"))
        + text.count(",")
        + text.count("[")
        + text.count("{")
        + text.count("\n")
        + text.count("\r")
        + 1
    )


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
                        Message("e001.too_many_values", limit=f"{MAX_EXPANDED_VALUES:,}"),
                        span=span,
                    )
    finally:
        parser.dispose()
    return None


def _expanded_size(root: Any, with_distinct: bool = False) -> Any:
    """How many values the document has once every alias is expanded (memoised, so a bomb costs nothing).

    An alias inside the node it names (``a: &a [*a]``) expands forever: the size is then past the limit.
    """
    sizes: dict[int, int] = {}
    opened: set[int] = set()  # nodes whose children are being counted: meeting one again is a cycle
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if done:
            sizes[id(node)] = min(MAX_EXPANDED_VALUES + 1, 1 + sum(sizes[id(c)] for c in children))
            continue
        if id(node) in opened:  # reached from its own descendant: a recursive alias
            return (MAX_EXPANDED_VALUES + 1, len(sizes)) if with_distinct else MAX_EXPANDED_VALUES + 1
        opened.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return (sizes[id(root)], len(sizes)) if with_distinct else sizes[id(root)]


def _children(node: Any) -> list[Any]:
    if node.id == "sequence":
        return list(node.value)
    if node.id == "mapping":
        return [n for pair in node.value for n in pair]
    return []


def _point(text: str, mark: Any, line: int, column: int) -> Span:
    """The span of the character at a parser's mark: empty at the end of a line or of the text."""
    index = getattr(mark, "index", None)
    at_char = isinstance(index, int) and 0 <= index < len(text) and text[index] not in "\r\n"
    return Span(line, column, line, column + 1 if at_char else column)


def _bad_character(text: str, error: Any) -> Problem:
    """E001 for a character the YAML reader refuses, at its line and column."""
    import unicodedata

    at = error.position if isinstance(error.position, int) and 0 <= error.position <= len(text) else 0
    before = text[:at]
    breaks = list(LINE_BREAK.finditer(before))
    line = len(breaks) + 1
    column = (
        len(before)
        - (breaks[-1].end() if breaks else 0)
        - before[breaks[-1].end() if breaks else 0 :].count("\ufeff")
        + 1
    )
    code = error.character if isinstance(error.character, int) else ord(text[at]) if at < len(text) else 0
    name = {0: "NUL"}.get(code) or unicodedata.name(chr(code), "a control character")
    utf16 = code == 0 and text.count("\x00") * 4 > len(text)
    message = Message(
        "e001.bad_character_utf16" if utf16 else "e001.bad_character", code=f"{code:04X}", name=name
    )
    return Problem("E001", (), message, span=Span(line, column, line, column + 1))


def _guarded_scanner() -> Any:
    global _SCANNER
    if _SCANNER is None:
        from ruamel.yaml.scanner import RoundTripScanner, Scanner, ScannerError

        class GuardedScanner(RoundTripScanner):  # type: ignore[misc]
            """ruamel.yaml's scanner, guarded against hostile input (README, Robustness).

            Nesting deeper than ``MAX_DEPTH`` is refused where it happens (before the composer's
            recursion meets Python's limit), and so are more than twice ``MAX_EXPANDED_VALUES``
            value tokens (before the composer builds them all). The check for stale simple keys,
            which ruamel runs over every open level for every token (``[[[[…`` on one line:
            quadratic), is skipped while no key can have gone stale: all are on the current line
            and within 1024 characters. Comments are skipped, not made tokens.
            """

            _fresh_line = -1
            _fresh_until = -1

            # Comments and blank lines are skipped as the plain scanner skips them: the round-trip
            # scanner makes a token of each (8 MiB of comments took 46 s), and nothing here reads them.
            scan_to_next_token = Scanner.scan_to_next_token

            def stale_possible_simple_keys(self) -> None:
                reader = self.reader
                if reader.line == self._fresh_line and reader.index <= self._fresh_until:
                    return
                super().stale_possible_simple_keys()
                keys = self.possible_simple_keys.values()
                self._fresh_line = reader.line
                self._fresh_until = min((key.index for key in keys), default=reader.index) + 1024

            def add_indent(self, column: int) -> bool:
                added: bool = super().add_indent(column)
                if added:
                    self._check_depth()
                return added

            def _check_depth(self) -> None:
                if self.flow_level + len(self.indents) > MAX_DEPTH:
                    message = f"more than {MAX_DEPTH} levels of nesting (an agenda needs fewer than 20)"
                    raise ScannerError(None, None, message, self.reader.get_mark())

            # Every value starts with one of these tokens, and none takes more than two: past twice
            # the limit there are too many values, and composing them would take seconds and GBs.
            _values = 0

            def _count(self) -> None:
                self._values += 1
                if self._values > 2 * MAX_EXPANDED_VALUES:
                    raise _TooManyValues(self.reader.get_mark())

            def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
                self._check_depth()
                self._count()
                super().fetch_flow_collection_start(TokenClass, to_push)

            def fetch_block_entry(self) -> None:
                self._count()
                super().fetch_block_entry()

            def fetch_value(self) -> None:
                self._count()
                super().fetch_value()

            def fetch_flow_scalar(self, style: Any) -> None:
                self._count()
                super().fetch_flow_scalar(style)

            def fetch_block_scalar(self, style: Any) -> None:
                self._count()
                super().fetch_block_scalar(style)

            def fetch_plain(self) -> None:
                self._count()
                super().fetch_plain()

            def fetch_alias(self) -> None:
                self._count()
                super().fetch_alias()

        _SCANNER = GuardedScanner
    return _SCANNER


_SCANNER: Any = None


class _TooManyValues(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


# Text that libyaml (a YAML 1.1 parser) might read other than ruamel.yaml (YAML 1.2) does goes to
# ruamel.yaml: characters that are line breaks in YAML 1.1 only (NEL, LS, PS), byte-order marks and
# other characters either may refuse, and tabs (ruamel.yaml refuses some that libyaml takes);
_LIBYAML_UNSURE_CHARACTERS = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
# directives (%YAML 1.1 changes ruamel.yaml's rules) and document ends (...);
_LIBYAML_UNSURE_LINES = ("%", "...")
# and where a token starts: anchors, aliases and tags (&a, *a, !t), whose names YAML 1.1 spells with
# fewer characters, block scalars (| and >), whose corners the two read differently (ruamel.yaml
# keeps a BEL where a folded scalar folds), and complex keys (? key).
_LIBYAML_UNSURE_INDICATORS = "&*!|>?"


def _libyaml_unsure(text: str) -> bool:
    """Whether libyaml might read ``text`` other than ruamel.yaml does (fast: most texts need no regex)."""
    if _LIBYAML_UNSURE_CHARACTERS.search(text):
        return True
    if text.startswith(_LIBYAML_UNSURE_LINES) or any(
        b + s in text for b in "\n\r" for s in _LIBYAML_UNSURE_LINES
    ):
        return True
    present = "".join(c for c in _LIBYAML_UNSURE_INDICATORS if c in text)
    return (
        bool(present)
        and re.search(f"(?:^|[\\s\\[{{,])[{re.escape(present)}]", text, re.MULTILINE) is not None
    )


# Nesting deeper than this goes to ruamel.yaml, whose guarded scanner reports it (an agenda needs < 20).
_LIBYAML_MAX_DEPTH = 100
_C_COMPOSER: Any = None


def _libyaml_composer() -> Any:
    """PyYAML's libyaml composer as a bare parser (None without the C extension).

    libyaml composes the same node graph as ruamel.yaml (``id``, ``value``, ``style``, and marks
    that count lines and code points as ruamel.yaml does), 10 to 50 times faster. Tags are not
    resolved: ``_Builder`` resolves plain scalars itself, by YAML 1.2.
    """
    global _C_COMPOSER
    if _C_COMPOSER is None:
        try:
            from yaml._yaml import CParser
        except ImportError:
            _C_COMPOSER = False
            return None

        class Composer(CParser):  # type: ignore[misc]
            def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
                return None

            def descend_resolver(self, parent: Any, index: Any) -> None:
                pass

            def ascend_resolver(self) -> None:
                pass

        _C_COMPOSER = Composer
    return _C_COMPOSER or None


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


class _Unsure(Exception):
    """libyaml's reading might not be ruamel.yaml's: parse with ruamel.yaml instead."""


class _Mark:
    """A position, as libyaml's marks give it (0-based line and column, character index)."""

    __slots__ = ("line", "column", "index")

    def __init__(self, line: int, column: int, index: int) -> None:
        self.line, self.column, self.index = line, column, index


def _match_ruamel_marks(root: Any, text: str) -> None:
    """Make libyaml's marks ruamel.yaml's, or raise ``_Unsure``.

    They differ in two places. At the end of a text without a final line break, libyaml moves to
    the start of a line after it, where ruamel.yaml stays at the end of the text (where a
    collection that ends there ends). And an empty value (``key:`` with nothing after it) is at the
    end of the ``:`` for libyaml, and at the start of what follows for ruamel.yaml (the next key, or
    where the mapping ends); when a comment comes between, or the empty value is anywhere else
    (a key, in a flow collection, the whole document), ruamel.yaml's rules get intricate, and
    ruamel.yaml parses the text.
    """
    eof_column = len(text) - max(text.rfind("\n"), text.rfind("\r")) - 1
    eof_line = len(LINE_BREAK.findall(text)) if eof_column else 0
    if root.id == "scalar":
        if root.start_mark.index == root.end_mark.index:
            raise _Unsure
        return
    stack = [root]
    while stack:
        node = stack.pop()
        end = node.end_mark
        if eof_column and end.column == 0 and end.line == eof_line + 1:
            end = node.end_mark = _Mark(eof_line, eof_column, len(text))
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


def _parse_libyaml(text: str, path: str) -> Document | None:
    """The document as libyaml reads it, or None when ruamel.yaml must read it: libyaml is
    missing, the text has something the two might read differently, or libyaml refuses it (then
    ruamel.yaml's message, which tfagenda words its E001 from, says why)."""
    composer = _libyaml_composer()
    if composer is None or _libyaml_unsure(text):
        return None
    doc = Document(path=path, text=text)
    try:
        with gc_paused():
            return _compose_and_build(composer, text, doc)
    except Exception:  # a syntax error, or too deep (_TooDeep): ruamel.yaml reports it
        return None


def _compose_and_build(composer: Any, text: str, doc: Document) -> Document | None:
    if _value_bound(text) > 2 * MAX_EXPANDED_VALUES:  # perhaps too many to build: count them first
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
    # Without an alias ("*name") nothing expands, and a text this short cannot hold that many values.
    if "*" in text or len(text) > MAX_EXPANDED_VALUES // 4:
        too_big = _too_big(root)
        if too_big is not None:  # said here: ruamel.yaml would compose it all again, slowly
            mark = root.start_mark
            doc.problems.append(
                Problem(
                    "E001",
                    (),
                    too_big,
                    span=Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1),
                )
            )
            return doc
    _match_ruamel_marks(root, text)
    doc.data = _Builder(doc, _LIBYAML_MAX_DEPTH).build(root, (), None, 0)
    return doc


def parse(text: str, path: str = "<string>") -> Document:
    """Parse YAML text; syntax errors and structural problems become problems on the document.

    libyaml (PyYAML's C extension) parses when it can; ruamel.yaml parses the rest and reports
    every syntax error, so messages do not depend on which parser ran.
    """
    fast = _parse_libyaml(text.removeprefix("\ufeff"), path)
    if fast is not None:
        return fast
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    doc = Document(path=path, text=text.removeprefix("\ufeff"))
    yaml = YAML(typ="rt")
    yaml.Scanner = _guarded_scanner()
    try:
        with warnings.catch_warnings():  # ruamel warns on stderr about a reused anchor, which YAML allows
            warnings.simplefilter("ignore")
            root = yaml.compose(doc.text)
    except _TooManyValues as error:
        mark = error.mark
        span = Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)
        doc.problems.append(
            Problem("E001", (), Message("e001.too_many_values", limit=f"{MAX_EXPANDED_VALUES:,}"), span=span)
        )
        return doc
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "invalid YAML"
        opened = error.context_mark
        if error.problem and error.context and opened and opened.line + 1 != line:
            what += f" ({error.context} that starts on line {opened.line + 1}, column {opened.column + 1})"
        if mark and "'\\t'" in what and not doc.text[mark.index - mark.column : mark.index].strip(" \t"):
            what += (
                "; a tab indents this line, and YAML indents with spaces only: replace the tab with spaces"
            )
        doc.problems.append(
            Problem("E001", (), Message("e001.syntax", what=what), span=_point(doc.text, mark, line, column))
        )
        return doc
    except RecursionError:
        doc.problems.append(Problem("E001", (), Message("e001.recursion"), span=_point(doc.text, None, 1, 1)))
        return doc
    except ReaderError as error:  # a character YAML does not allow: NUL, other control characters, U+FFFE
        doc.problems.append(_bad_character(doc.text, error))
        return doc
    except YAMLError as error:
        doc.problems.append(
            Problem("E001", (), Message("e001.reader", error=str(error)), span=_point(doc.text, None, 1, 1))
        )
        return doc
    except (
        ValueError,
        OverflowError,
    ) as error:  # ruamel.yaml's own: "\U1010FFFF" is past the last code point
        escape = next(
            (m for m in re.finditer(r"\\U([0-9A-Fa-f]{8})", doc.text) if int(m[1], 16) > 0x10FFFF), None
        )
        at = escape.start() if escape else 0
        line = len(LINE_BREAK.findall(doc.text, 0, at)) + 1
        column = at - max(doc.text.rfind("\n", 0, at), doc.text.rfind("\r", 0, at)) if at else 1
        what = (
            f"an escape past the last Unicode character, {escape[0]}"
            if escape
            else f"a value the YAML reader cannot decode ({error})"
        )
        doc.problems.append(
            Problem("E001", (), Message("e001.syntax", what=what), span=Span(line, column, line, column))
        )
        return doc
    if root is None:
        return doc
    too_big = _too_big(root)
    if too_big is not None:
        doc.problems.append(Problem("E001", (), too_big, span=_span(root)))
        return doc
    try:
        doc.data = _Builder(doc).build(root, (), None, 0)
    except _TooDeep as deep:
        span = _span(deep.node)
        doc.problems.append(Problem("E001", (), Message("e001.too_deep", depth=MAX_DEPTH), span=span))
        doc.data, doc.nodes = None, {}
    return doc
