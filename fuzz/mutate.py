"""Mutations of agenda files, shared by ``tests/test_robustness.py`` (hypothesis) and ``fuzz/run``.

``mutate(data, rnd)`` applies one to four random operators to a file's bytes. ``rnd`` is a
``random.Random``: the fuzzer seeds its own, and the test gets one from hypothesis
(``st.randoms()``), so that hypothesis drives, shrinks and replays the same choices.

The operators cover what the robustness issue lists: byte flips, insertions of random bytes and of
odd Unicode (RTL marks, combining characters, surrogates written as YAML escapes, emoji,
full-width digits, NEL and the Unicode line separators), truncations and deletions, values
replaced by wrong types and huge numbers (10**100, 1e308, -1, .inf, 5,000 digits), deep
nesting, anchors and aliases, tabs and odd indentation, line-ending changes, and re-encoding
(UTF-16 LE/BE and UTF-8 with a byte-order mark); for the render oracle, values that YAML escapes
decode to control characters, bidi controls, surrogates, lone CRs and HTML/Markdown
(``escaped_value``), durations past a week, dates at 0001-01-01 and 9999-12-31, and file names
with control characters and bytes that are not UTF-8 (``mutate_name``).
"""

from __future__ import annotations

import codecs
import random
import re
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_SUFFIXES = (".yaml", ".yml", ".txt", ".md", ".xml", ".json")


def seed_files() -> list[Path]:
    """The files mutations start from: every agenda in agendas/ and every test fixture."""
    found = sorted((REPO / "agendas").glob("*.y*ml"))
    found += sorted(
        p for p in (REPO / "tests" / "fixtures").rglob("*") if p.is_file() and p.suffix in SEED_SUFFIXES
    )
    return found


ODD_TEXT = (
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u0301",  # combining acute accent
    "e\u0301\u0302\u0303",  # stacked combining marks
    "\u200d",  # zero-width joiner
    "\u200b",  # zero-width space
    "\ufeff",  # a byte-order mark in the middle of the text
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\x85",  # next line (NEL)
    "\u3000",  # ideographic space
    "\u00a0",  # no-break space
    "😀",
    "👨\u200d👩\u200d👧",
    "🇰🇷",
    "１６:３０",  # full-width digits
    "١٦:٣٠",  # Arabic-Indic digits
    "²",
    "가나다",
    "\t",
    "\r",
    "\r\n",
    "\x0b",
    "\x7f",
    "\x00",
    "\x1b[31m",
    "\ufffe",
    '"\\ud800"',  # a lone surrogate, written as a YAML escape
    '"\\udfff\\ud800"',
    '"\\ud83d\\ude00"',  # a surrogate pair, as JSON writes an emoji
    '"\\U0010FFFF"',
    '"\\x00\\N\\L\\P"',
    '"\\',
)

VALUES = (
    "1" + "0" * 100,  # 10**100
    "1" + "0" * 5000,  # more digits than Python converts by default
    "1e308",
    "1e309",
    "-1e308",
    "1e-308",
    "-1",
    "-0",
    "0",
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "0x7fffffffffffffff",
    "0o777",
    "99999999999999999999",
    "null",
    "~",
    "true",
    "false",
    "[]",
    "{}",
    "[1, [2, [3]]]",
    "{a: b, c: [d]}",
    '""',
    "''",
    '"',
    "'",
    "&anchor x",
    "*anchor",
    "*undefined",
    "!!binary aGVsbG8=",
    "!!int x",
    "!custom x",
    "|\n  block\n  text",
    ">-\n  folded",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "0001-01-01",
    "3000000000",  # minutes: 5,700 years (issue 11, defect 13)
    "10080",  # a week: the longest duration
    "10081",
    "24:00",
    "24:01",
    "23:59",
    "00:00",
    "99:99",
    '"25:10"',
    '"-5m"',
    '"PT99999H"',
    '"1h99999m"',
    "x" * 10_000,
    "\u202e16:30",
    '"１６:３０"',
    "- a\n- b",
    "? complex\n: key",
    "<<: *anchor",
)


def _pick_offset(data: bytes, rnd: random.Random) -> int:
    return rnd.randint(0, len(data))


def flip_bits(data: bytes, rnd: random.Random) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        at = rnd.randrange(len(out))
        out[at] ^= 1 << rnd.randrange(8)
    return bytes(out)


def insert_bytes(data: bytes, rnd: random.Random) -> bytes:
    alphabet = b"\x00\xff\xfe\xc3\xa0\r\n\t :-[]{}&*#!|>'\",?%@`"
    chunk = bytes(
        rnd.choice(alphabet) if rnd.random() < 0.6 else rnd.randrange(256) for _ in range(rnd.randint(1, 8))
    )
    at = _pick_offset(data, rnd)
    return data[:at] + chunk + data[at:]


def insert_text(data: bytes, rnd: random.Random) -> bytes:
    """Odd Unicode, inserted at a character boundary of the UTF-8 text (or anywhere, if it is not UTF-8)."""
    piece = rnd.choice(ODD_TEXT).encode("utf-8", "surrogatepass")
    at = _pick_offset(data, rnd)
    while 0 < at < len(data) and (data[at] & 0xC0) == 0x80:  # not inside a multi-byte character
        at -= 1
    return data[:at] + piece + data[at:]


def delete_range(data: bytes, rnd: random.Random) -> bytes:
    if not data:
        return data
    start = rnd.randrange(len(data))
    return data[:start] + data[start + rnd.randint(1, 64) :]


def truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: _pick_offset(data, rnd)]


def shuffle_lines(data: bytes, rnd: random.Random) -> bytes:
    lines = data.split(b"\n")
    if not lines:
        return data
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
    choice = rnd.randrange(3)
    if choice == 0:  # duplicate a line (a duplicate key, a repeated segment)
        lines.insert(j, lines[i])
    elif choice == 1 and len(lines) > 1:  # delete a line
        del lines[i]
    else:  # swap two lines
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


# A value in a block mapping ("key: value") or a flow mapping ("{key: value, …}").
_VALUE = re.compile(rb"(?<=: )[^,}\n#]+")


def replace_value(data: bytes, rnd: random.Random) -> bytes:
    """A value replaced by a wrong type, a huge number, a bad time, an alias, a nested mess."""
    spots = [m.span() for m in _VALUE.finditer(data)]
    if not spots:
        return insert_text(data, rnd)
    start, end = rnd.choice(spots)
    if rnd.random() < 0.2:
        new = nesting(rnd)
    else:
        new = rnd.choice(VALUES).encode("utf-8")
    return data[:start] + new + data[end:]


def nesting(rnd: random.Random) -> bytes:
    depth = rnd.choice((5, 50, 199, 200, 201, 500, 5000))
    style = rnd.randrange(4)
    if style == 0:
        return b"[" * depth + b"]" * depth
    if style == 1:
        return b"{a: " * depth + b"}" * depth
    if style == 2:
        return b"[" * depth  # never closed
    return b"\n" + b"".join(b" " * (i + 4) + b"- \n" for i in range(min(depth, 600)))


def insert_nesting(data: bytes, rnd: random.Random) -> bytes:
    at = _pick_offset(data, rnd)
    return data[:at] + nesting(rnd) + data[at:]


def indentation(data: bytes, rnd: random.Random) -> bytes:
    """A tab for the indentation of a line, or one space more or less."""
    lines = data.split(b"\n")
    indented = [i for i, line in enumerate(lines) if line.startswith(b" ")]
    if not indented:
        return data
    i = rnd.choice(indented)
    line = lines[i]
    choice = rnd.randrange(3)
    if choice == 0:
        lines[i] = b"\t" + line.lstrip(b" ")
    elif choice == 1:
        lines[i] = b" " + line
    else:
        lines[i] = line[1:]
    return b"\n".join(lines)


def line_endings(data: bytes, rnd: random.Random) -> bytes:
    choice = rnd.randrange(3)
    if choice == 0:
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if choice == 1:
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    lines = data.split(b"\n")  # mixed: some lines CRLF
    return b"\n".join(line + b"\r" if rnd.random() < 0.5 else line for line in lines)


def alias_bomb(data: bytes, rnd: random.Random) -> bytes:
    """A small billion-laughs block added at the top (the loader must refuse, not expand, it)."""
    width, levels = rnd.choice(((9, 9), (10, 7), (2, 30), (3, 12)))
    lines = [b"a0: &a0 [lol]"]
    for level in range(1, levels):
        lines.append(b"a%d: &a%d [" % (level, level) + b", ".join([b"*a%d" % (level - 1)] * width) + b"]")
    return b"\n".join(lines) + b"\n" + data


def reencode(data: bytes, rnd: random.Random) -> bytes:
    """The file saved as UTF-16 (LE or BE) or UTF-8 with a byte-order mark."""
    text = data.decode("utf-8", "replace")
    choice = rnd.randrange(4)
    if choice == 0:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if choice == 1:
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    if choice == 2:
        return codecs.BOM_UTF8 + data
    return text.encode("utf-16-le")  # no byte-order mark: NUL bytes everywhere


# -- YAML structure the fixer must respect (issue 11): anchors, aliases, merge keys, block scalars,
# tags, and "# tfagenda:" directives inside strings. Each finds a "key: value" to work on, in a
# block mapping or a flow one.

_PAIR = re.compile(
    rb"(?P<key>[A-Za-z_]+): (?P<value>\"[^\"\n]*\"|'[^'\n]*'|[^,{}\[\]\n#&*!|>][^,{}\n#]*?)(?=,|}|\s*#|\s*$)",
    re.M,
)
_BLOCK_PAIR = re.compile(
    rb"^(?P<indent> *(?:- )?)(?P<key>[A-Za-z_]+): (?P<value>[^{\[&*!|>#\n][^\n#]*?)[ \t]*$", re.M
)
_DIRECTIVES = (
    b"# tfagenda: ignore[T001]",
    b"# tfagenda: file-ignore[T001, S002]",
    b"# tfagenda: ignore",
    b"#tfagenda: file-ignore",
)


def anchor_and_alias(data: bytes, rnd: random.Random) -> bytes:
    """A value given an anchor (``&fzN``), and a later value of the same key made its alias."""
    pairs = list(_PAIR.finditer(data))
    if not pairs:
        return data
    first = rnd.choice(pairs)
    name = b"fz%d" % rnd.randrange(1000)
    later = [m for m in pairs if m.start() > first.end() and m["key"] == first["key"]] or [
        m for m in pairs if m.start() > first.end()
    ]
    if later:
        second = rnd.choice(later)
        data = data[: second.start("value")] + b"*" + name + data[second.end("value") :]
    return data[: first.start("value")] + b"&" + name + b" " + data[first.start("value") :]


def merge_key(data: bytes, rnd: random.Random) -> bytes:
    """A flow-mapping segment given an anchor, and a segment after it that merges it (``<<: *fzN``)
    and overrides its title (and sometimes its start)."""
    lines = data.split(b"\n")
    flow = [i for i, line in enumerate(lines) if re.match(rb"^ *- \{", line)]
    if not flow:
        return anchor_and_alias(data, rnd)
    i = rnd.choice(flow)
    indent = lines[i][: lines[i].index(b"-")]
    name = b"fz%d" % rnd.randrange(1000)
    lines[i] = lines[i].replace(b"- {", b"- &" + name + b" {", 1)
    added = [indent + b"- <<: *" + name, indent + b"  title: merged " + name]
    if rnd.random() < 0.5:
        added.append(indent + b'  start: "%02d:%02d"' % (rnd.randrange(24), rnd.randrange(60)))
    lines[i + 1 : i + 1] = added
    return b"\n".join(lines)


def block_scalar(data: bytes, rnd: random.Random) -> bytes:
    """A block mapping's value written as a block scalar: ``end: |`` (or ``>-``, ``|+``…) and the
    value on the next line, indented, sometimes with a comment after the header."""
    pairs = list(_BLOCK_PAIR.finditer(data))
    if not pairs:
        return data
    pair = rnd.choice(pairs)
    value = pair["value"].strip(b"\"'")
    header = rnd.choice((b"|", b">", b"|-", b">-", b"|+", b">+", b"|2"))
    if rnd.random() < 0.2:
        header += b"  # a comment"
    indent = b" " * (len(pair["indent"]) + 2)
    tail = b"\n" if rnd.random() < 0.3 else b""
    new = pair["indent"] + pair["key"] + b": " + header + b"\n" + indent + value + tail
    return data[: pair.start()] + new + data[pair.end() :]


def tag(data: bytes, rnd: random.Random) -> bytes:
    """A value given a tag: ``!!str 16:05``, ``!local``, ``!!int``."""
    pairs = list(_PAIR.finditer(data))
    if not pairs:
        return data
    pair = rnd.choice(pairs)
    name = rnd.choice((b"!!str ", b"!!int ", b"!local ", b"!<tag:yaml.org,2002:str> ", b"! "))
    return data[: pair.start("value")] + name + data[pair.start("value") :]


def directive_in_string(data: bytes, rnd: random.Random) -> bytes:
    """A ``# tfagenda:`` directive inside a quoted value or a block scalar: it is text, never a comment."""
    pairs = list(_BLOCK_PAIR.finditer(data)) if rnd.random() < 0.4 else []
    directive = rnd.choice(_DIRECTIVES)
    if pairs:
        pair = rnd.choice(pairs)
        indent = b" " * (len(pair["indent"]) + 2)
        value = pair["value"].strip(b"\"'")
        new = (
            pair["indent"]
            + pair["key"]
            + b": "
            + rnd.choice((b"|", b">-"))
            + b"\n"
            + indent
            + value
            + b" "
            + directive
        )
        return data[: pair.start()] + new + data[pair.end() :]
    pairs = list(_PAIR.finditer(data))
    if not pairs:
        return data
    pair = rnd.choice(pairs)
    value = pair["value"].strip(b"\"'")
    quote = rnd.choice((b'"', b"'"))
    return data[: pair.start("value")] + quote + value + b" " + directive + quote + data[pair.end("value") :]


YAML_STRUCTURE: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    anchor_and_alias,
    merge_key,
    block_scalar,
    tag,
    directive_in_string,
)


# Double-quoted YAML values whose escapes decode to what no output may pass on raw: terminal
# controls, bidi overrides, lone CRs, line separators, surrogates (paired and lone), HTML and
# Markdown, XML's forbidden characters.
ESCAPED_VALUES = (
    '"a\\e[2Jb"',
    '"\\x1b]0;pwned\\x07title"',
    '"bell\\a"',
    '"x\\x9b31my"',  # C1 CSI
    '"\\u202eevil"',
    '"a\\rb"',  # a lone CR
    '"a\\r\\nb\\nc"',
    '"\\N\\L\\P"',  # NEL, line and paragraph separators
    '"nul\\0byte"',
    '"\\ud83d\\ude00 joined"',
    '"lone \\ud800 surrogate"',
    '"\\uffff\\ufffe"',
    '"<script>alert(1)</script>"',
    '"<img src=x onerror=alert(1)>"',
    '"a | b | `c` & d"',
    '"]]>&amp;<!--"',
    '"tab\\there"',
    '"\\v\\f"',
)


def escaped_value(data: bytes, rnd: random.Random) -> bytes:
    """A value replaced by a double-quoted string whose YAML escapes decode to control characters."""
    spots = [m.span() for m in _VALUE.finditer(data)]
    if not spots:
        return insert_text(data, rnd)
    start, end = rnd.choice(spots)
    return data[:start] + rnd.choice(ESCAPED_VALUES).encode("utf-8") + data[end:]


NAME_PIECES = (
    "\x1b[2J",
    "\x07",
    "\x1b]0;x\x07",
    "\u202e",
    "\r",
    "\n",
    "\t",
    "\x7f",
    "\x9b",
    "\udcff",
    "<b>",
    "&",
)


def mutate_name(name: str, rnd: random.Random) -> str:
    """Sometimes (one in five) a file name with a control character, a bidi control or a byte that
    is not UTF-8 (``\\udcff``, as ``os.fsdecode`` keeps it) before its suffix; else the name itself."""
    if rnd.random() >= 0.2:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    at = rnd.randint(0, len(stem))
    return stem[:at] + rnd.choice(NAME_PIECES) + stem[at:] + dot + suffix


OPERATORS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    flip_bits,
    insert_bytes,
    insert_text,
    insert_text,
    delete_range,
    truncate,
    shuffle_lines,
    replace_value,
    replace_value,
    replace_value,
    escaped_value,
    escaped_value,
    insert_nesting,
    indentation,
    line_endings,
    alias_bomb,
    *YAML_STRUCTURE,
    *YAML_STRUCTURE,
)


def mutate(data: bytes, rnd: random.Random) -> tuple[bytes, list[str]]:
    """``data`` after one to four random operators (rarely, a re-encoding last); the operators' names."""
    names = []
    for _ in range(rnd.randint(1, 4)):
        operator = rnd.choice(OPERATORS)
        data = operator(data, rnd)
        names.append(operator.__name__)
    if rnd.random() < 0.05:
        data = reencode(data, rnd)
        names.append("reencode")
    return data, names
