"""``--format concise``: one line per finding, ``path:line:col: CODE [severity] message``, then a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tfagenda.report.text import mark, summary, writable_paths

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    writable = writable_paths(result)
    for f in result.findings:
        star = mark(f, options.unsafe_fixes, f.path in writable)
        stream.write(
            f"{f.path}:{f.line}:{f.column}: {f.code}{star} [{f.severity}] {f.message.say(options.lang)}\n"
        )
    if options.show_fixes and result.fixed is not None:
        from tfagenda.fix import fixes_listing

        stream.write(fixes_listing(result.fixed))
    if not options.quiet:
        stream.write(summary(result, options.lang) + "\n")
