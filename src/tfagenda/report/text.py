"""``--format text``: ``path:line:col: CODE [severity] message``, the source line with the value
underlined, the fix as a hint, then a summary. Colour only when asked (a terminal, no NO_COLOR)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tfagenda.findings import Finding, Severity
from tfagenda.textwidth import cell_width

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions

_RED, _YELLOW, _CYAN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def write(result: "CheckResult", stream: TextIO, options: "ReportOptions") -> None:
    paint = _painter(options.color)
    for finding in result.findings:
        stream.write(_headline(finding, paint) + "\n")
        lines = result.sources.get(finding.path, [])
        stream.write(_excerpt(finding, lines, paint))
        if finding.fix is not None:
            label = "fix" if finding.fix.edits else "hint"
            kind = f" ({finding.fix.applicability})" if finding.fix.edits else ""
            stream.write(f"     {paint('= ' + label + kind + ':', _CYAN)} {finding.fix.description}\n")
        stream.write("\n")
    stream.write(summary(result) + "\n")


def _painter(color: bool):  # type: ignore[no-untyped-def]
    if not color:
        return lambda text, *styles: text
    return lambda text, *styles: "".join(styles) + text + _RESET


def _headline(finding: Finding, paint) -> str:  # type: ignore[no-untyped-def]
    tone = _RED if finding.severity is Severity.ERROR else _YELLOW
    where = paint(f"{finding.path}:{finding.line}:{finding.column}:", _BOLD)
    return f"{where} {paint(finding.code, tone, _BOLD)} [{paint(str(finding.severity), tone)}] {finding.message}"


def _excerpt(finding: Finding, lines: list[str], paint) -> str:  # type: ignore[no-untyped-def]
    if not 1 <= finding.line <= len(lines):
        return ""
    source = lines[finding.line - 1].rstrip("\r").expandtabs(1)
    number = str(finding.line)
    start = finding.column - 1
    end = finding.span.end_column - 1 if finding.span.end_line == finding.line else len(source)
    end = max(end, start + 1)
    offset = cell_width(source[:start])
    marks = "^" * max(1, cell_width(source[start:end]))
    gutter = " " * len(number)
    return f" {paint(number, _DIM)} | {source}\n {gutter} | {' ' * offset}{paint(marks, _RED)}\n"


def summary(result: "CheckResult") -> str:
    files = len(result.files)
    noun = "file" if files == 1 else "files"
    if not result.findings:
        return f"All checks passed ({files} {noun})."
    errors, warnings = result.errors, result.warnings
    parts = [f"{errors} error{'s' if errors != 1 else ''}", f"{warnings} warning{'s' if warnings != 1 else ''}"]
    fixable = sum(1 for f in result.findings if f.fix is not None and f.fix.edits)
    tail = f"; {fixable} with a fix" if fixable else ""
    return f"Found {' and '.join(parts)} in {files} {noun}{tail}."
