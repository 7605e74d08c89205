"""``--format github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=tfagenda (T001)::message``, escaped as
the Actions toolkit escapes them (``%``, CR and LF in the message; also ``:`` and ``,`` in
properties). Control characters, bidi controls and undecodable bytes in a file name or a message
are first made visible (``\\x1b``, see ``tfagenda.textwidth.visible``): the Actions log is a
terminal too, and a line break in a file name must not end the command. The default format when
``GITHUB_ACTIONS=true``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tfagenda.findings import Severity
from tfagenda.textwidth import visible

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions


_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    for f in result.findings:
        command = _COMMAND[f.severity]
        properties = ",".join(
            f"{key}={escape_property(visible(str(value)))}"
            for key, value in (
                (("file", f.path),)
                + (
                    (
                        ("line", f.line),
                        ("col", f.column),
                        ("endLine", f.span.end_line),
                        ("endColumn", f.span.end_column),
                    )
                    if f.location is None  # a document has no lines: its place is said in the message
                    else ()
                )
                + (("title", f"tfagenda ({f.code})"),)
            )
        )
        message = f"{f.code} {f.name}: {f.message.say(options.lang)}"
        place = f.location.describe(options.lang) if f.location is not None else ""
        if place:
            message = f"{place}: {message}"
        if f.fix is not None:
            message += f" (fix: {f.fix.description.say(options.lang)})"
        stream.write(f"::{command} {properties}::{escape_data(visible(message))}\n")
