"""``--format concise``: one line per finding, ``path:line:col: CODE [severity] message``, then a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tfagenda.report.text import mark, summary, visible_lines, writable_paths
from tfagenda.textwidth import visible

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    writable = writable_paths(result)
    for f in result.findings:
        star = mark(f, options.unsafe_fixes, f.path in writable)
        stream.write(
            f"{visible(f.path)}:{f.line}:{f.column}: {f.code}{star} [{f.severity}] {visible(f.message.say(options.lang))}\n"
        )
    if options.show_fixes and result.fixed is not None:
        from tfagenda.fix import fixes_listing

        stream.write(visible_lines(fixes_listing(result.fixed)))
    if not options.quiet:
        stream.write(summary(result, options.lang) + "\n")
