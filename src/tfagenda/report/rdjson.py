"""``--format rdjson``: reviewdog's Diagnostic JSON (rdjson), read by ``reviewdog -f=rdjson``.

The shape is reviewdog's DiagnosticResult (proto/rdf/reviewdog.proto): a source, a severity,
and one diagnostic per finding with its location (path and range), severity, code (its value) and the fix as suggestions. reviewdog counts columns in UTF-8 bytes, tfagenda in code
points: the columns are converted with the file's lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from tfagenda.findings import Applicability, Finding, Severity, Span
from tfagenda.report import json_text

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions

_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def _byte_column(lines: list[str], line: int, column: int) -> int:
    """The 1-based code-point ``column`` of ``line`` as a 1-based UTF-8 byte column."""
    if not 1 <= line <= len(lines):
        return column
    text = lines[line - 1]
    before = text[: max(column - 1, 0)]
    extra = max(column - 1 - len(text), 0)  # a column past the end (the line break)
    return len(before.encode("utf-8", "surrogatepass")) + extra + 1


def _range(lines: list[str], span: Span) -> dict[str, Any]:
    return {
        "start": {"line": span.line, "column": _byte_column(lines, span.line, span.column)},
        "end": {"line": span.end_line, "column": _byte_column(lines, span.end_line, span.end_column)},
    }


def _diagnostic(finding: Finding, lines: list[str], options: ReportOptions) -> dict[str, Any]:
    diagnostic: dict[str, Any] = {
        "message": finding.message.say(options.lang),
        "location": {"path": finding.path, "range": _range(lines, finding.span)},
        "severity": _SEVERITY[finding.severity],
        "code": {"value": finding.code},
    }
    fix = finding.fix
    if fix is not None and fix.edits and fix.applicability is not Applicability.DISPLAY_ONLY:
        diagnostic["suggestions"] = [
            {"range": _range(lines, edit.span), "text": edit.text} for edit in fix.edits
        ]
    return diagnostic


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    diagnostics = [_diagnostic(f, result.sources.get(f.path, []), options) for f in result.findings]
    document = {
        "source": {"name": "tfagenda"},
        "severity": "ERROR" if result.errors else ("WARNING" if result.warnings else "INFO"),
        "diagnostics": diagnostics,
    }
    stream.write(json_text(document, indent=2) + "\n")
