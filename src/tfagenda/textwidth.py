"""Text as a terminal shows it: cell widths (Hangul and other East Asian wide characters take two
columns), control characters made visible, and the width of the terminal.

Everything tfagenda writes for people goes through ``visible``: a file name or a value must never
move the cursor, change colours, clear the screen, set the window title or reorder the line
(bidirectional overrides, "Trojan source"). The convention, documented in the README ("Output"):

- a C0 control character or DEL is shown as ``\\xNN`` (``\\x1b`` for ESC), except tab, line feed
  and carriage return, shown as ``\\t``, ``\\n`` and ``\\r``;
- a C1 control character, a bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E,
  U+2066–U+2069), the line and paragraph separators U+2028 and U+2029, and the noncharacters
  U+FFFE and U+FFFF as ``\\uNNNN`` (``\\u202e``);
- a byte of a file name that is not UTF-8 (Python's ``surrogateescape``) as ``\\xNN``, the byte;
- a backslash stays a backslash.
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import IO, Any

DEFAULT_WIDTH = 100  # the terminal width when output goes to a pipe or a file and COLUMNS is unset
MIN_WIDTH = 40  # narrower than this, an excerpt would show nothing useful: use this much

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_OTHER = frozenset("\u2028\u2029\ufffe\uffff")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def needs_escape(char: str) -> bool:
    """Whether ``visible`` replaces ``char``: control characters, bidi controls, separators,
    XML-illegal noncharacters and undecodable bytes (lone surrogates)."""
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or char in _BIDI or char in _OTHER


def visible_char(char: str) -> str:
    """One character as it is shown (itself unless ``needs_escape``)."""
    if not needs_escape(char):
        return char
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code < 0x20 or code == 0x7F:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


_NEEDS_ESCAPE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]"
)


def visible(text: str) -> str:
    """``text`` with every character that could act on a terminal or reorder a line replaced by
    a visible escape (see the module's docstring); plain text is returned as it is."""
    return _NEEDS_ESCAPE.sub(lambda match: visible_char(match.group()), text)


def char_width(char: str) -> int:
    """The columns one (visible) character takes: 0 for combining marks and zero-width
    characters, 2 for East Asian wide and fullwidth ones, else 1."""
    if char in _ZERO_WIDTH or "\u1160" <= char <= "\u11ff":  # Hangul medial vowels and finals join
        return 0
    category = unicodedata.category(char)
    if category in ("Mn", "Me") or unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(char_width(char) for char in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` cells."""
    return text + " " * max(0, width - cell_width(text))


def terminal_width(stream: IO[Any] | None = None, environ: dict[str, str] | None = None) -> int:
    """The columns available on ``stream``: ``COLUMNS`` when it is a positive number, else the
    terminal's width when ``stream`` is one, else ``DEFAULT_WIDTH`` (a pipe or a file); never
    less than ``MIN_WIDTH``."""
    env = os.environ if environ is None else environ
    columns = env.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    if stream is not None:
        try:
            if stream.isatty():
                size = os.get_terminal_size(stream.fileno()).columns
                if size > 0:  # some pseudo-terminals (CI runners) report 0
                    return max(MIN_WIDTH, size)
        except (AttributeError, OSError, ValueError):
            pass  # not a real file (a test's buffer), or closed: as a pipe
    return DEFAULT_WIDTH
