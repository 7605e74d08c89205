"""``--format text``: ``path:line:col: CODE [severity] message``, the source line with the value
underlined, the fix as a hint, then a summary. Colour only when asked (a terminal, no NO_COLOR)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tfagenda.findings import Applicability, Finding, Severity
from tfagenda.messages import Message, T, plural
from tfagenda.textwidth import cell_width

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


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    paint = _painter(options.color)
    writable = writable_paths(result)
    for finding in result.findings:
        star = finding.path in writable and fixable(finding, options.unsafe_fixes)
        stream.write(_headline(finding, paint, star, options.lang) + "\n")
        lines = result.sources.get(finding.path, [])
        stream.write(_excerpt(finding, lines, paint))
        if finding.fix is not None:
            label = "fix" if finding.fix.edits else "hint"
            kind = f" ({finding.fix.applicability})" if finding.fix.edits else ""
            description = finding.fix.description.say(options.lang)
            stream.write(f"     {paint('= ' + label + kind + ':', _CYAN)} {description}\n")
        stream.write("\n")
    if options.show_fixes and result.fixed is not None:
        from tfagenda.fix import fixes_listing

        stream.write(fixes_listing(result.fixed) + "\n")
    if not options.quiet:
        stream.write(summary(result, options.lang) + "\n")


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
    from tfagenda.fix import is_yaml

    return {path for path, lines in result.sources.items() if is_yaml(path, "\n".join(lines))}


def mark(finding: Finding, unsafe: bool = False, writable: bool = True) -> str:
    """`` [*]`` after the code of a finding ``--fix`` fixes, else nothing."""
    return " [*]" if writable and fixable(finding, unsafe) else ""


def _painter(color: bool):  # type: ignore[no-untyped-def]
    if not color:
        return lambda text, *styles: text
    return lambda text, *styles: "".join(styles) + text + _RESET


def _headline(finding: Finding, paint, fixable: bool = False, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    tone = _RED if finding.severity is Severity.ERROR else _YELLOW
    where = paint(f"{finding.path}:{finding.line}:{finding.column}:", _BOLD)
    star = " [*]" if fixable else ""
    return f"{where} {paint(finding.code, tone, _BOLD)}{star} [{paint(str(finding.severity), tone)}] {finding.message.say(lang)}"


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
    if result.fixed is not None:
        return T(
            "Found {errors} and {warnings} in {files}; {fixed}.",
            errors=errors,
            warnings=warnings,
            files=files,
            fixed=_fixed_tail(result),
        )
    fixable = sum(1 for f in result.findings if f.fix is not None and f.fix.edits)
    tail = T("; {n} with a fix", n=fixable) if fixable else ""
    return T(
        "Found {errors} and {warnings} in {files}{tail}.",
        errors=errors,
        warnings=warnings,
        files=files,
        tail=tail,
    )


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
