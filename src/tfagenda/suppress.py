"""Suppressions written in an agenda file.

``# tfagenda: ignore[S002]`` silences those rules on its own line, or, on a line of its own, on
the next line; ``# tfagenda: file-ignore[O001]`` anywhere silences them in the whole file. Codes and
names are both accepted (``S002`` or ``gap``); a bare ``# tfagenda: ignore`` silences every rule on
that line. A suppression that silences nothing is reported (I001), so they do not outlive the
problem they were written for.

Only real YAML comments count: text that reads like one inside a quoted string or a block
scalar (``title: "x # tfagenda: ignore"``) is the value's text, and removing it would change the
value. libyaml reports no comments, so a candidate is taken where the parsed document has no
quoted or block scalar (nor key) around it: a plain scalar cannot hold " #", so what is left is a comment.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

from tfagenda.findings import EVERY_RULE, Finding, Span, Suppression
from tfagenda.rules import find_rule
from tfagenda.yamldoc.document import Node

# A YAML comment's "#" starts the line or follows whitespace ("B#tfagenda: ignore" is a value).
_COMMENT = re.compile(
    r"(?:^|(?<=\s))#\s*tfagenda:\s*(?P<kind>file-ignore|ignore)\b(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE
)


def find_suppressions(lines: list[str], scalars: Iterable[Span] = ()) -> list[Suppression]:
    """The suppression comments in ``lines`` (the file's lines without their breaks), in order.

    ``scalars``: the spans of the document's quoted and block scalars and keys, whose text is
    never a comment (``string_spans`` gives them).
    """
    found = []
    inside: _Spans | None = None
    for index, line in enumerate(lines):
        if "tfagenda:" not in line.lower():  # as case-insensitive as _COMMENT
            continue
        for match in _COMMENT.finditer(line):
            number = index + 1
            if inside is None:
                inside = _Spans(scalars)
            if inside.holds(number, match.start() + 1):
                continue  # in a string's text, not a comment
            written = [c.strip() for c in (match["codes"] or "").split(",") if c.strip()]
            codes: dict[str, str] = {}
            unknown = []
            for name in written:
                rule = find_rule(name)
                if rule is None:
                    unknown.append(name)
                else:
                    codes[rule.code] = name
            if match["codes"] is None:
                codes[EVERY_RULE] = "every rule"
            alone = line[: match.start()].strip() == ""
            covered = {number, number + 1} if alone else {number}
            span = Span(number, match.start() + 1, number, match.end() + 1)
            removal = _removal(lines, index, match.start(), match.end())
            found.append(
                Suppression(
                    span,
                    match["kind"].lower() == "file-ignore",
                    frozenset(covered),
                    codes,
                    unknown,
                    removal=removal,
                )
            )
    return found


class _Spans:
    """Spans that do not overlap (scalars and keys), to ask whether a place is inside one (by bisection)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.line, s.column, s.end_line, s.end_column) for s in spans)
        self.starts = [(line, column) for line, column, _, _ in ordered]
        self.ends = [(end_line, end_column) for _, _, end_line, end_column in ordered]

    def holds(self, line: int, column: int) -> bool:
        at = bisect_right(self.starts, (line, column)) - 1
        return at >= 0 and (line, column) < self.ends[at]


def covering(suppressions: Sequence[Suppression]) -> Callable[[Finding], bool]:
    """``finding → whether a suppression silences it`` (marking the first that does, in file order,
    used), looking only at the file-wide ones and those on the finding's line: linear in the findings."""
    file_wide = [(i, s) for i, s in enumerate(suppressions) if s.file_wide]
    by_line: dict[int, list[tuple[int, Suppression]]] = {}
    for i, suppression in enumerate(suppressions):
        if not suppression.file_wide:
            for line in suppression.lines:
                by_line.setdefault(line, []).append((i, suppression))

    def covers(finding: Finding) -> bool:
        mine = by_line.get(finding.line)
        candidates = (
            sorted(file_wide + mine, key=lambda pair: pair[0]) if mine and file_wide else mine or file_wide
        )
        return any(suppression.covers(finding) for _, suppression in candidates)

    return covers


def string_spans(nodes: Iterable[Node]) -> Iterator[Span]:
    """The spans of the quoted and block scalars and of the keys among a document's nodes."""
    for node in nodes:
        if node.quoted:
            yield node.span
        if node.key is not None:
            yield node.key


def _removal(lines: list[str], index: int, start: int, end: int) -> Span | None:
    """What to delete to remove the comment at ``start:end`` of line ``index`` (0-based; ``lines`` without breaks).

    The whitespace before it goes too, and the rest of the comment when it is a reason written
    after the codes; a comment on a line of its own takes the whole line with it. When more text
    follows in the same comment that is another tfagenda comment, there is no safe removal.
    """
    line = lines[index]
    number = index + 1
    rest = line[end:]
    if rest.strip() == "":
        stop = len(line)
    elif rest.lstrip().startswith("#"):
        stop = end  # another comment follows: keep it (with the whitespace before it)
    elif "tfagenda:" in rest.lower():
        return None
    else:
        stop = len(line)  # "# tfagenda: ignore[S002] because ...": the reason goes with it
    begin = len(line[:start].rstrip(" \t"))
    if begin == 0 and stop == len(line):  # a line of its own: remove the line and its line break
        if number < len(lines):
            return Span(number, 1, number + 1, 1)
        if number > 1:
            return Span(number - 1, len(lines[index - 1]) + 1, number, len(line) + 1)
        return Span(number, 1, number, len(line) + 1)
    return Span(number, begin + 1, number, stop + 1)
