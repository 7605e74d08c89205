"""The full path: ruamel.yaml composes what libyaml might read otherwise, and words every syntax
error (E001, at its line and column).

ruamel.yaml's scanner is guarded against hostile input (``_guarded_scanner``): it overrides private
ruamel.yaml methods, so the ruamel.yaml versions it works with are pinned in ``pyproject.toml``,
and ``tests/test_ruamel_pin.py`` fails when the installed one is outside them or the overridden
methods changed.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from tfagenda.findings import Problem, Span
from tfagenda.messages import T
from tfagenda.positions import LineIndex
from tfagenda.yamldoc.document import Document
from tfagenda.yamldoc.limits import (
    MAX_DEPTH,
    MAX_EXPANDED_VALUES,
    TooDeep,
    TooManyValues,
    too_big,
    too_many_values,
)
from tfagenda.yamldoc.syntax_words import syntax_words
from tfagenda.yamldoc.values import Builder, node_span


def _point(text: str, mark: Any, line: int, column: int) -> Span:
    """The span of the character at a parser's mark: empty at the end of a line or of the text."""
    index = getattr(mark, "index", None)
    at_char = isinstance(index, int) and 0 <= index < len(text) and text[index] not in "\r\n"
    return Span(line, column, line, column + 1 if at_char else column)


def _bad_character(text: str, error: Any) -> Problem:
    """E001 for a character the YAML reader refuses, at its line and column."""
    import unicodedata

    at = error.position if isinstance(error.position, int) and 0 <= error.position <= len(text) else 0
    line, column = LineIndex(text, skip_bom=True).line1_column1(at)
    code = error.character if isinstance(error.character, int) else ord(text[at]) if at < len(text) else 0
    name = {0: "NUL"}.get(code) or unicodedata.name(chr(code), "a control character")
    utf16 = code == 0 and text.count("\x00") * 4 > len(text)
    message = (
        T(
            "the character U+{code} ({name}) is not allowed in YAML; remove it (the file looks like"
            " UTF-16 without a byte-order mark: save it as UTF-8)",
            code=f"{code:04X}",
            name=name,
        )
        if utf16
        else T(
            "the character U+{code} ({name}) is not allowed in YAML; remove it", code=f"{code:04X}", name=name
        )
    )
    return Problem("E001", (), message, span=Span(line, column, line, column + 1))


def _guarded_scanner() -> Any:
    """ruamel.yaml's round-trip scanner with the guards, built on first use (importing ruamel.yaml
    costs start-up time that the libyaml path does not pay)."""
    global _SCANNER
    if _SCANNER is None:
        from ruamel.yaml.scanner import RoundTripScanner, Scanner, ScannerError

        class GuardedScanner(RoundTripScanner):
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
                    raise TooManyValues(self.reader.get_mark())

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


# ``duration: '05`` (the press release's own notation for 5 minutes) unquoted: YAML opens a
# single-quoted string at the ``'`` and reads on to the next quote, lines later or never.
_PRIME_VALUE = re.compile(r"(?<=:)[ \t]+(?P<value>'(?P<digits>[0-9]+))(?P<rest>[^'\r\n]*)$", re.MULTILINE)


def _unclosed_prime(text: str, until: int) -> Problem | None:
    """E001 at the first value before ``until`` that is ``'`` and digits with no closing quote on its line."""
    for match in _PRIME_VALUE.finditer(text, 0, len(text)):
        if match.start() > until:
            break
        value = match["value"]
        line, column = LineIndex(text, skip_bom=True).line1_column1(match.start("value"))
        message = T(
            '{value} opens a single-quoted YAML string that is not closed on its line, so the rest is read as text; write "{value}" (in double quotes) or {minutes}',
            value=value,
            minutes=int(match["digits"]),
        )
        return Problem("E001", (), message, span=Span(line, column, line, column + len(value)))
    return None


def parse(text: str, path: str = "<string>") -> Document:
    """Parse YAML text with ruamel.yaml; syntax errors and structural problems become problems on the document."""
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
    except TooManyValues as error:
        mark = error.mark
        span = Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)
        doc.problems.append(Problem("E001", (), too_many_values(), span=span))
        return doc
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = syntax_words(error.problem or error.context)
        opened = error.context_mark
        if error.problem and error.context and opened and opened.line + 1 != line:
            what = T(
                "{what} ({during} that starts on line {line}, column {column})",
                what=what,
                during=syntax_words(error.context),
                line=opened.line + 1,
                column=opened.column + 1,
            )
        if (
            mark
            and "'\\t'" in (error.problem or error.context or "")
            and not doc.text[mark.index - mark.column : mark.index].strip(" \t")
        ):
            what = T(
                "{what}; a tab indents this line, and YAML indents with spaces only: replace the tab with spaces",
                what=what,
            )
        prime = _unclosed_prime(doc.text, mark.index if mark else len(doc.text))
        if prime is not None:  # the real mistake is that quote, often many lines before the parser stops
            doc.problems.append(prime)
            return doc
        doc.problems.append(
            Problem(
                "E001", (), T("YAML syntax: {what}", what=what), span=_point(doc.text, mark, line, column)
            )
        )
        return doc
    except RecursionError:
        doc.problems.append(
            Problem(
                "E001",
                (),
                T("the YAML nests deeper than the parser can follow"),
                span=_point(doc.text, None, 1, 1),
            )
        )
        return doc
    except ReaderError as error:  # a character YAML does not allow: NUL, other control characters, U+FFFE
        doc.problems.append(_bad_character(doc.text, error))
        return doc
    except YAMLError as error:
        doc.problems.append(
            Problem("E001", (), T("YAML: {error}", error=str(error)), span=_point(doc.text, None, 1, 1))
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
        line, column = LineIndex(doc.text, skip_bom=True).line1_column1(at)
        what = (
            T("an escape past the last Unicode character, {escape}", escape=escape[0])
            if escape
            else T("a value the YAML reader cannot decode ({error})", error=str(error))
        )
        doc.problems.append(
            Problem("E001", (), T("YAML syntax: {what}", what=what), span=Span(line, column, line, column))
        )
        return doc
    if root is None:
        return doc
    refusal = too_big(root)
    if refusal is not None:
        doc.problems.append(Problem("E001", (), refusal, span=node_span(root)))
        return doc
    try:
        doc.data = Builder(doc).build(root, (), None, 0)
    except TooDeep as deep:
        span = node_span(deep.node)
        doc.problems.append(
            Problem("E001", (), T("the YAML nests more than {depth} levels deep", depth=MAX_DEPTH), span=span)
        )
        doc.data, doc.nodes = None, {}
    return doc
