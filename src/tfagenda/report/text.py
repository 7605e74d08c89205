"""``--format text``: ``path:line:col: CODE [severity] message``, the source line with the value
underlined, the fix as a hint, then a summary. Colour only when asked (a terminal, no NO_COLOR).

The source line is a window around the value as wide as the terminal (``window``), so that a long
flow-style line does not wrap the underline away from the value and a one-line agenda of megabytes
prints a line per finding, not the file. File names, messages and source text go through
``textwidth.visible``: a file cannot send escape sequences to the terminal."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from tfagenda.findings import MAX_FINDINGS_PER_RULE, Applicability, Finding, Severity
from tfagenda.messages import Message, T, plural
from tfagenda.textwidth import cell_width, terminal_width, visible, visible_char

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions

_RED, _YELLOW, _CYAN, _BOLD, _DIM, _RESET = (
    "\x1b[31m",
    "\x1b[33m",
    "\x1b[36m",
    "\x1b[1m",
    "\x1b[2m",
    "\x1b[0m",
)
ELLIPSIS = "…"  # where an excerpt cuts the source line
_RIGHT_CONTEXT = 12  # columns after the value that keep a window anchored at the line's start


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    paint = _painter(options.color)
    width = options.width or terminal_width(stream)
    writable = writable_paths(result)
    listed: Counter[tuple[str, str]] = Counter()
    for finding in result.findings:
        listed[(finding.path, finding.code)] += 1
        if listed[(finding.path, finding.code)] > MAX_FINDINGS_PER_RULE:
            continue  # counted in the summary; --format json lists them all
        star = finding.path in writable and fixable(finding, options.unsafe_fixes)
        stream.write(_headline(finding, paint, star, options.lang) + "\n")
        lines = result.sources.get(finding.path, [])
        stream.write(_excerpt(finding, lines, paint, width))
        if finding.fix is not None:
            label = "fix" if finding.fix.edits else "hint"
            kind = f" ({finding.fix.applicability})" if finding.fix.edits else ""
            description = visible(finding.fix.description.say(options.lang))
            stream.write(f"     {paint('= ' + label + kind + ':', _CYAN)} {description}\n")
        stream.write("\n")
    if options.show_fixes and result.fixed is not None:
        from tfagenda.fix import fixes_listing

        stream.write(visible_lines(fixes_listing(result.fixed)) + "\n")
    if not options.quiet:
        stream.write(summary(result, options.lang) + "\n")
    unlisted = sum(max(0, n - MAX_FINDINGS_PER_RULE) for n in listed.values())
    if unlisted:
        note = T(
            "{shown} more findings are not listed (tfagenda lists at most {limit} per rule and file; --format json lists them all)",
            shown=f"{unlisted:,}",
            limit=f"{MAX_FINDINGS_PER_RULE:,}",
        )
        stream.write(note.say(options.lang) + "\n")


def fixable(finding: Finding, unsafe: bool = False) -> bool:
    """Whether ``check --fix`` would fix this finding (marked ``[*]``, as ruff marks them)."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    return fix.applicability is Applicability.SAFE or (unsafe and fix.applicability is Applicability.UNSAFE)


def writable_paths(result: CheckResult) -> set[str]:
    """The files ``--fix`` writes: YAML agendas (an imported format is checked, never rewritten)."""
    if not result.sources:
        return set()  # a clean run needs no more (and so does not import tfagenda.fix: start-up time)
    from tfagenda.documents.detect import suffix_format
    from tfagenda.fix import is_yaml

    # .hwpx and .docx documents are fixed in place too (tfagenda.documents.fix)
    return {
        path
        for path, lines in result.sources.items()
        if suffix_format(path) in ("hwpx", "docx") or is_yaml(path, "\n".join(lines))
    }


def mark(finding: Finding, unsafe: bool = False, writable: bool = True) -> str:
    """`` [*]`` after the code of a finding ``--fix`` fixes, else nothing."""
    return " [*]" if writable and fixable(finding, unsafe) else ""


def visible_lines(text: str) -> str:
    """``visible`` on each line of a text that is made of lines (the line breaks stay)."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _painter(color: bool):
    if not color:
        return lambda text, *styles: text
    return lambda text, *styles: "".join(styles) + text + _RESET


def _headline(finding: Finding, paint, fixable: bool = False, lang: str = "en") -> str:
    tone = {Severity.ERROR: _RED, Severity.WARNING: _YELLOW}.get(finding.severity, _CYAN)
    place = finding.location.describe(lang) if finding.location is not None else ""
    if finding.location is not None:  # a document (.hwpx, .docx…): where a person finds it in Hancom or Word
        where = paint(f"{visible(finding.path)}:{' ' + place + ':' if place else ''}", _BOLD)
    else:
        where = paint(f"{visible(finding.path)}:{finding.line}:{finding.column}:", _BOLD)
    star = " [*]" if fixable else ""
    return f"{where} {paint(finding.code, tone, _BOLD)}{star} [{paint(str(finding.severity), tone)}] {visible(finding.message.say(lang))}"


def _excerpt(finding: Finding, lines: list[str], paint, width: int) -> str:
    location = finding.location
    if location is not None and location.text:  # the cell's (or paragraph's) text, the value underlined
        shown = window(location.text.replace("\n", " "), location.start, location.end, width - 3)
        return f" {paint('|', _DIM)} {shown.text}\n {paint('|', _DIM)} {' ' * shown.indent}{paint('^' * shown.marks, _RED)}\n"
    if location is not None:
        return ""  # a document without a place to show (it could not be read): the message says why
    if not 1 <= finding.line <= len(lines):
        return ""
    source = lines[finding.line - 1]
    number = str(finding.line)
    start = finding.column - 1
    end = finding.span.end_column - 1 if finding.span.end_line == finding.line else len(source)
    gutter = f" {number} | "
    shown = window(source, start, end, width - len(gutter))
    return (
        f" {paint(number, _DIM)} | {shown.text}\n"
        f" {' ' * len(number)} | {' ' * shown.indent}{paint('^' * shown.marks, _RED)}\n"
    )


@dataclass(frozen=True)
class Window:
    """What the excerpt shows of a source line: its text (control characters escaped, ``…`` where
    the line is cut), and the columns before the underline and under it."""

    text: str
    indent: int
    marks: int


def window(line: str, start: int, end: int, width: int) -> Window:
    """The part of ``line`` around the value at code points ``[start, end)`` that fits in ``width``
    columns, ``…`` included, as a terminal shows it (Hangul two columns, escapes as wide as they
    are written, a tab one column as the column numbers count it). The value comes first (its
    beginning, if it is wider than ``width``); then the line from its start if that and some
    context after the value fit, else the context on each side, the narrower side first, so that
    the value sits in the middle of a long line. The work is bounded by ``width``, not by the line's length (a one-line agenda may be 8 MiB)."""
    length = len(line) - 1 if line.endswith("\r") else len(line)
    start = min(max(start, 0), length)
    end = min(max(end, start + 1), length)
    limit = 4 * max(width, 1)  # characters at most: zero-width ones take no columns

    widths: dict[int, int] = {}  # each character's columns, computed once

    def shown(at: int) -> str:
        char = line[at]
        return " " if char == "\t" else visible_char(char)

    def columns(at: int) -> int:
        known = widths.get(at)
        if known is None:
            char = line[at]
            known = widths[at] = (
                1 if char == "\t" or (char.isascii() and char.isprintable()) else cell_width(shown(at))
            )
        return known

    def fits(first: int, stop: int, used: int) -> bool:
        return used + (first > 0) + (stop < length) <= width

    first = stop = start
    used = 1 if start == length else 0  # a caret after the end of the line needs its column too
    while stop < end and stop - start < limit:
        more = columns(stop)
        if stop > start and not fits(first, stop + 1, used + more):
            break  # the value is wider than the terminal: show its beginning
        used += more
        stop += 1
    left = right = 0
    # A value near the start of the line: show the line from its beginning, as an editor does,
    # when some context after the value still fits.
    prefix = 0
    while first > 0 and start - first < limit and prefix <= width:
        first -= 1
        prefix += columns(first)
    if first == 0 and fits(0, stop, used + prefix + _RIGHT_CONTEXT):
        used += prefix
        left = prefix
    else:
        first = start
    while stop - first < limit:
        grow_left = first > 0 and fits(first - 1, stop, used + columns(first - 1))
        grow_right = stop < length and fits(first, stop + 1, used + columns(stop))
        if grow_left and (left <= right or not grow_right):
            first -= 1
            more = columns(first)
            left += more
        elif grow_right:
            more = columns(stop)
            stop += 1
            right += more
        else:
            break
        used += more
    head = ELLIPSIS if first > 0 else ""
    text = head + "".join(shown(at) for at in range(first, stop)) + (ELLIPSIS if stop < length else "")
    indent = cell_width(head) + sum(columns(at) for at in range(first, start))
    marks = max(1, sum(columns(at) for at in range(start, min(end, stop))))
    return Window(text, indent, marks)


def summary(result: CheckResult, lang: str = "en") -> str:
    """``Found 1 error and 0 warnings in 1 file; 1 with a fix.`` / ``All checks passed (1 file).``, in ``lang``."""
    return _summary(result).say(lang)


def _summary(result: CheckResult) -> Message:
    n = len(result.files)
    files = plural(n, T("{n} file", n=n), T("{n} files", n=n))
    if not result.findings:
        if result.fixed is not None:
            return T("All checks passed ({files}); {fixed}.", files=files, fixed=_fixed_tail(result))
        return T("All checks passed ({files}).", files=files)
    n = result.errors
    errors = plural(n, T("{n} error", n=n), T("{n} errors", n=n))
    n = result.warnings
    warnings = plural(n, T("{n} warning", n=n), T("{n} warnings", n=n))
    counts: dict[str, Any] = {"errors": errors, "warnings": warnings, "files": files}
    if result.notes:  # information is counted apart: it never fails a check
        n = result.notes
        counts["notes"] = plural(n, T("{n} note", n=n), T("{n} notes", n=n))
    if result.fixed is not None:
        if result.notes:
            return T(
                "Found {errors}, {warnings} and {notes} in {files}; {fixed}.",
                **counts,
                fixed=_fixed_tail(result),
            )
        return T("Found {errors} and {warnings} in {files}; {fixed}.", **counts, fixed=_fixed_tail(result))
    fixable = sum(1 for f in result.findings if f.fix is not None and f.fix.edits)
    tail = T("; {n} with a fix", n=fixable) if fixable else ""
    if result.notes:
        return T("Found {errors}, {warnings} and {notes} in {files}{tail}.", **counts, tail=tail)
    return T("Found {errors} and {warnings} in {files}{tail}.", **counts, tail=tail)


def _fixed_tail(result: CheckResult) -> Message:
    """After --fix: ``N fixed, M remaining``, and how many of those --unsafe-fixes would fix."""
    fixed = sum(sum(counts.values()) for counts in (result.fixed or {}).values())
    remaining = len(result.findings)
    unsafe = sum(
        1
        for f in result.findings
        if f.fix is not None and f.fix.edits and f.fix.applicability is Applicability.UNSAFE
    )
    if not unsafe:
        return T("{fixed} fixed, {remaining} remaining", fixed=fixed, remaining=remaining)
    return plural(
        unsafe,
        T(
            "{fixed} fixed, {remaining} remaining ({n} with an unsafe fix: --unsafe-fixes applies it)",
            fixed=fixed,
            remaining=remaining,
            n=unsafe,
        ),
        T(
            "{fixed} fixed, {remaining} remaining ({n} with an unsafe fix: --unsafe-fixes applies them)",
            fixed=fixed,
            remaining=remaining,
            n=unsafe,
        ),
    )
