"""Agenda data → YAML text in the house style: the model's key order, times and slots in double
quotes (so YAML 1.1 tools read them as text too, Y001), one flow mapping per segment when it has
no parts, Korean written as is.

The text is written directly (``_Writer``), byte for byte as ruamel.yaml's round-trip dumper wrote
it before (``ruamel_yaml``, which stays as the reference and for the rare data the direct writer
does not take): a 20,000-event import spent three quarters of its time in ruamel.yaml's
pure-Python emitter. A scalar's style (plain, single or double quotes) follows ruamel.yaml's rules
(``Emitter.analyze_scalar``, ``choose_scalar_style`` and its YAML 1.2 resolver), so that every
string loads back as the same string.
"""

from __future__ import annotations

import io
import re
from typing import Any

from tfagenda.model import FIELDS

_QUOTED = ("start", "end", "slot")
_ORDER = {
    "agenda": FIELDS["agenda"],
    "segment": ("start", "end", "duration", "title", "owner", "kind", "note", "parts"),
    "day": FIELDS["day"],
    "track": FIELDS["track"],
}
# ruamel.yaml folds a line that passes this many columns; the direct writer never folds, so a
# document with a line this long is written by ruamel.yaml instead.
_WIDTH = 4096


def to_yaml(data: dict[str, Any], comment: str | None = None) -> str:
    """YAML text for agenda data; ``comment`` becomes a header comment (one ``#`` line per line)."""
    header = "".join(
        f"# {_COMMENT_UNSAFE.sub(_shown, line)}\n" if line else "#\n" for line in (comment or "").splitlines()
    )
    try:
        return header + _Writer().document(data)
    except _Unwritable:
        pass
    body = _ruamel_body(data)
    # ruamel.yaml's writer leaves some texts plain that no reader takes back (": -" in a flow
    # mapping): what it wrote is read again, and never handed on when it is not YAML.
    from tfagenda.yamldoc import parse

    problems = parse(body).problems
    if problems:
        raise ValueError(
            f"the YAML writer wrote text that does not read back: {problems[0].message.say('en')}"
        )
    return header + body


# What a comment line cannot hold as is (YAML refuses control characters; a byte order mark or a
# non-character is refused by the readers), shown as the escape ``check`` would show (``\x1b``).
_COMMENT_UNSAFE = re.compile("[^\t\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def ruamel_yaml(data: dict[str, Any], comment: str | None = None) -> str:
    """``to_yaml`` as ruamel.yaml's round-trip dumper writes it (the reference the direct writer matches)."""
    header = "".join(
        f"# {_COMMENT_UNSAFE.sub(_shown, line)}\n" if line else "#\n" for line in (comment or "").splitlines()
    )
    return header + _ruamel_body(data)


# --- the direct writer --------------------------------------------------------------------------


class _Unwritable(Exception):
    """Data the direct writer does not write as ruamel.yaml would (floats, other types, a key that
    is not short text, a list directly in a block list, a value reached twice, a line too long to
    stay unfolded): ruamel.yaml writes the document."""


class _Map(dict[str, Any]):
    """A mapping of the house style, its values already chosen; ``flow``: written in braces."""

    __slots__ = ("flow",)

    def __init__(self, flow: bool = False) -> None:
        super().__init__()
        self.flow = flow


class _Quoted(str):
    """A text always written in double quotes (times, durations, slots)."""

    __slots__ = ()


def _ordered(mapping: dict[str, Any], kind: str, flow: bool = False) -> _Map:
    keys = tuple(mapping)
    ordered = _KEY_ORDERS.get((kind, keys))
    if ordered is None:
        order = _ORDER.get(kind, ())
        ordered = [k for k in order if k in mapping] + [k for k in mapping if k not in order]
        if len(_KEY_ORDERS) < _CACHED:
            _KEY_ORDERS[kind, keys] = ordered
    result = _Map(flow)
    for key in ordered:
        value = mapping[key]
        if type(value) is str:  # most values: ``_value``, inline
            result[key] = _Quoted(value) if _double_quoted_text(key, value) else value
        else:
            result[key] = _value(key, value)
    return result


# The keys of each kind of mapping in the house style's order, by the order they come in: every
# segment of an import has the same few keys.
_KEY_ORDERS: dict[tuple[str, tuple[Any, ...]], list[Any]] = {}
# How many of each thing the module keeps (key orders, texts as written): a cache, not a leak.
_CACHED = 20_000


def _double_quoted_text(key: str, value: Any) -> bool:
    # "-" as the README writes "nobody"
    return isinstance(value, str) and (
        key in _QUOTED or key == "duration" or (key == "owner" and value == "-")
    )


def _value(key: str, value: Any) -> Any:
    """The house style's choices for one value (``_RuamelStyle.value``, for the direct writer)."""
    if isinstance(value, str):
        return _Quoted(value) if _double_quoted_text(key, value) else value
    if key in ("segments", "parts") and isinstance(value, list):
        return [
            _ordered(item, "segment", flow=not item.get("parts")) if isinstance(item, dict) else item
            for item in value
        ]
    if key == "days" and isinstance(value, list):
        return [_ordered(day, "day") for day in value]
    if key == "tracks" and isinstance(value, list):
        return [_ordered({**t, "segments": t.get("segments", [])}, "track") for t in value]
    if key == "slot" and isinstance(value, dict):
        slot = _Map(flow=True)
        for k, v in value.items():
            slot[k] = _Quoted(v) if isinstance(v, str) else v
        return slot
    if key == "people" and isinstance(value, dict):
        people = _Map()
        for person_id, person in value.items():
            if isinstance(person, dict):
                entry = _Map(flow=True)
                entry.update(person)
                people[person_id] = entry
            else:
                people[person_id] = person
        return people
    if isinstance(value, dict):
        return _ordered(value, key)
    return value


class _Writer:
    """Writes the house style's data as ruamel.yaml's round-trip dumper does (``indent(mapping=2,
    sequence=4, offset=2)``, ``width = 4096``, ``allow_unicode``)."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.seen: set[int] = set()  # lists and dicts of the source data: one reached twice gets an anchor

    def document(self, data: dict[str, Any]) -> str:
        if not isinstance(data, dict) or not data:
            raise _Unwritable
        self.block_mapping(_ordered(data, "agenda"), 0, "")
        text = "".join(self.out)
        if len(text) > _WIDTH and max(map(len, text.split("\n"))) > _WIDTH - 100:
            raise _Unwritable
        return text

    def _once(self, value: Any) -> None:
        if type(value) is not _Map:
            if id(value) in self.seen:
                raise _Unwritable
            self.seen.add(id(value))

    def block_mapping(self, mapping: dict[str, Any], indent: int, first: str) -> None:
        out = self.out
        pad = " " * indent
        for key, value in mapping.items():
            line = f"{first or pad}{_key(key, False)}:"
            first = ""
            if isinstance(value, (dict, list)):
                self._once(value)
                if value and not (type(value) is _Map and value.flow):
                    out.append(line + "\n")
                    if isinstance(value, dict):
                        self.block_mapping(value, indent + 2, "")
                    else:
                        self.block_sequence(value, indent + 2)
                    continue
                out.append(f"{line} {self.flow(value)}\n")
            elif value is None:
                out.append(line + "\n")
            else:
                out.append(f"{line} {_scalar(value, False)}\n")

    def block_sequence(self, items: list[Any], indent: int) -> None:
        out = self.out
        dash = " " * indent + "- "
        for item in items:
            if isinstance(item, (dict, list)):
                self._once(item)
                if item and not (type(item) is _Map and item.flow):
                    if isinstance(item, list):
                        raise _Unwritable  # ruamel.yaml's "-   - item"
                    self.block_mapping(item, indent + 2, dash)
                    continue
                out.append(f"{dash}{self.flow(item)}\n")
            elif item is None:
                out.append(dash + "\n")
            else:
                out.append(f"{dash}{_scalar(item, False)}\n")

    def flow(self, value: Any) -> str:
        """A value in a flow collection, or an empty or flow collection in a block one (whose
        caller saw it: ``_once``)."""
        if isinstance(value, dict):
            items = []
            for k, v in value.items():
                kind = type(v)
                if kind is str:  # most values: ``_flow_item`` and ``_scalar``, inline
                    written = _text(v, True, False)
                elif kind is _Quoted:
                    written = _double_quoted(v)
                else:
                    written = self._flow_item(v)
                items.append(f"{_key(k, True)}: {written}")
            return "{" + ", ".join(items) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self._flow_item(item) for item in value) + "]"
        if value is None:
            return "null"
        return _scalar(value, True)

    def _flow_item(self, value: Any) -> str:
        if isinstance(value, (dict, list)):
            self._once(value)
        return self.flow(value)


def _key(key: Any, flow: bool) -> str:
    # ruamel.yaml writes other keys as "? key" (a long text) or in a form of their own.
    if type(key) is not str or len(key) >= 128:
        raise _Unwritable
    if "\n" in key:
        # One line in double quotes ("a\nb"), a simple key: ruamel.yaml's "? " form put the value
        # after it as it wrote it, and a value such as ": -" then read back as no YAML at all.
        return _double_quoted(key)
    return _text(key, flow, True)


def _scalar(value: Any, flow: bool) -> str:
    kind = type(value)
    if kind is str:
        return _text(value, flow, False)
    if kind is _Quoted:
        return _double_quoted(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    raise _Unwritable  # floats (ruamel.yaml's own formatting), dates, other types


def _text(text: str, flow: bool, simple_key: bool) -> str:
    """A string in ruamel.yaml's style for it (``Emitter.choose_scalar_style``)."""
    written = _TEXTS[flow][simple_key]
    found = written.get(text)
    if found is None:
        found = _written_text(text, flow, simple_key)
        if len(written) < _CACHED:
            written[text] = found
    return found


# Texts as ``_text`` writes them, by (flow, simple_key): names, kinds, owners and times recur.
_TEXTS: tuple[tuple[dict[str, str], dict[str, str]], ...] = (({}, {}), ({}, {}))


def _written_text(text: str, flow: bool, simple_key: bool) -> str:
    if not text:
        return "''"
    analysis = _ANALYSES.get(text)
    if analysis is None:
        analysis = _ANALYSES[text] = _analyze(text)
    flow_plain, block_plain, single_quoted, multiline = analysis
    if (flow_plain if flow else block_plain) and not (simple_key and multiline) and _plain_is_text(text):
        return text
    if "'" in text or "\n" in text:
        return _double_quoted(text)
    if single_quoted and not (simple_key and multiline):
        return "'" + text + "'"
    return _double_quoted(text)


# What analysing a text found: (plain in a flow collection, plain in a block one, single quotes, multi-line).
_Analysis = tuple[bool, bool, bool, bool]
_ANALYSES: dict[str, _Analysis] = {}
# Texts of printable characters on one line (no line break, tab or other control character, no
# U+FEFF): most texts, analysed by a few substring tests instead of ruamel.yaml's loop.
_ONE_LINE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")
_LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`"
_OTHER_BREAKS = "\x85\u2028\u2029"


def _analyze(text: str) -> _Analysis:
    """ruamel.yaml's ``Emitter.analyze_scalar`` (``allow_unicode``, YAML 1.2) for a non-empty text."""
    if not _ONE_LINE.fullmatch(text):
        return _analyze_any(text)
    first = text[0]
    spaced = len(text) == 1 or text[1] == " "  # the first character is followed by whitespace
    both = (
        text.startswith(("---", "..."))
        or first in _LEADING_INDICATORS
        or (first == "-" and spaced)
        or ": " in text[1:]
        or (len(text) > 1 and text[-1] == ":")
        or " #" in text
    )
    # A plain text starting with "?" or ":" is no text in a flow collection for YAML readers
    # (ruamel.yaml's, libyaml), though ruamel.yaml's writer writes ":x" there unquoted.
    flow_only = first in "?:" or any(c in text[1:] for c in ",[]{}")
    block_only = first in "?:" and spaced
    plain_anywhere = not (both or first == " " or text[-1] == " ")
    return (plain_anywhere and not flow_only, plain_anywhere and not block_only, True, False)


def _analyze_any(text: str) -> _Analysis:
    """``_analyze`` for texts with line breaks, tabs and control characters: ruamel.yaml's loop."""
    if any(c in text for c in _OTHER_BREAKS):
        # ruamel.yaml writes these in single quotes, as line breaks, which read back as spaces:
        # double quotes keep them (escaped: \N, \L, \P).
        return (False, False, False, False)
    whitespace = "\0 \t\r\n\x85\u2028\u2029"
    block = flow = line_breaks = special = False
    leading = trailing = break_space = space_break = False
    if text.startswith(("---", "...")):
        block = flow = True
    preceded = True
    followed = len(text) == 1 or text[1] in whitespace
    previous_space = previous_break = False
    last = len(text) - 1
    for index, char in enumerate(text):
        if index == 0:
            if char in _LEADING_INDICATORS:
                flow = block = True
            if char in "?:":
                flow = True  # ruamel.yaml: only when it is the whole text (see ``_analyze``)
                if followed:
                    block = True
            if char == "-" and followed:
                flow = block = True
        else:
            if char in ",[]{}":
                flow = True
            if char == ":" and followed:
                flow = block = True
            if char == "#" and preceded:
                flow = block = True
        if char == "\n":
            line_breaks = True
        if not (char == "\n" or "\x20" <= char <= "\x7e"):
            if not (
                ("\xa0" <= char <= "\ud7ff" or "\ue000" <= char <= "\ufffd" or char >= "\U00010000")
                and char != "\ufeff"
            ):
                special = True
        if char == " ":
            leading = leading or index == 0
            trailing = trailing or index == last
            break_space = break_space or previous_break
            previous_space, previous_break = True, False
        elif char == "\n":
            leading = leading or index == 0
            trailing = trailing or index == last
            space_break = space_break or previous_space
            previous_space, previous_break = False, True
        else:
            previous_space = previous_break = False
        preceded = char in whitespace
        followed = index + 2 >= len(text) or text[index + 2] in whitespace
    plain = not (leading or trailing or break_space or special or space_break or line_breaks)
    single = not (break_space or special or space_break)
    return (plain and not flow, plain and not block, single, line_breaks)


# ruamel.yaml's YAML 1.2 implicit resolvers (``ruamel.yaml.resolver``): a plain scalar matching
# one of them is not read as text, so such a text is quoted. (Verbose mode: the spaces that
# ruamel.yaml's own patterns have between their pieces are not part of the pattern.)
_NOT_TEXT = re.compile(
    r"""^(?:true|True|TRUE|false|False|FALSE)$
    |^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$
    |^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$
    |^(?:<<)$
    |^(?:~|null|Null|NULL|)$
    |^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[\ \t]+)[0-9][0-9]?
        :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$
    |^(?:=)$""",
    re.X,
)
_RESOLVED_FIRST = frozenset("tTfF-+0123456789.<~nN=")


def _plain_is_text(text: str) -> bool:
    return text[0] not in _RESOLVED_FIRST or _NOT_TEXT.match(text) is None


_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\x09": "t",
    "\x0a": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\x0d": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}
# What ruamel.yaml's ``write_double_quoted`` escapes (with ``allow_unicode``).
_NEEDS_ESCAPE = re.compile(
    '["\\\\\x85\u2028\u2029\ufeff]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]'
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return "\\" + _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _double_quoted(text: str) -> str:
    found = _DOUBLE_QUOTED.get(text)
    if found is None:
        found = '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'
        if len(_DOUBLE_QUOTED) < _CACHED:
            _DOUBLE_QUOTED[text] = found
    return found


_DOUBLE_QUOTED: dict[str, str] = {}  # times and durations recur


# --- ruamel.yaml's writer (the reference) --------------------------------------------------------


def _ruamel_body(data: dict[str, Any]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = _WIDTH  # never fold a long title
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(_RuamelStyle().ordered(data, "agenda"), buffer)
    return buffer.getvalue()


class _RuamelStyle:
    """The house style's data as ruamel.yaml's round-trip types (flow style, double quotes)."""

    def __init__(self) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        self.map, self.seq, self.quoted = CommentedMap, CommentedSeq, DoubleQuotedScalarString

    def ordered(self, mapping: dict[str, Any], kind: str) -> Any:
        order = _ORDER.get(kind, ())
        keys = [k for k in order if k in mapping] + [k for k in mapping if k not in order]
        result = self.map()
        for key in keys:
            result[key] = self.value(key, mapping[key])
        return result

    def value(self, key: str, value: Any) -> Any:
        if key in ("segments", "parts") and isinstance(value, list):
            sequence = self.seq()
            for item in value:
                if not isinstance(item, dict):
                    sequence.append(item)
                    continue
                segment = self.ordered(item, "segment")
                if not item.get("parts"):
                    segment.fa.set_flow_style()
                sequence.append(segment)
            return sequence
        if key == "days" and isinstance(value, list):
            return self.seq([self.ordered(day, "day") for day in value])
        if key == "tracks" and isinstance(value, list):
            return self.seq([self.ordered({**t, "segments": t.get("segments", [])}, "track") for t in value])
        if _double_quoted_text(key, value):
            return self.quoted(value)
        if key == "slot" and isinstance(value, dict):
            slot = self.map((k, self.quoted(v) if isinstance(v, str) else v) for k, v in value.items())
            slot.fa.set_flow_style()
            return slot
        if key == "people" and isinstance(value, dict):
            people = self.map()
            for person_id, person in value.items():
                if isinstance(person, dict):
                    entry = self.map(person)
                    entry.fa.set_flow_style()
                    people[person_id] = entry
                else:
                    people[person_id] = person
            return people
        if isinstance(value, dict):
            return self.ordered(value, key)
        return value
