"""Reporters: a ``CheckResult`` → text on a stream. Checking never depends on them.

Each format is a module with ``write(result, stream, options)``; ``REPORTERS`` maps format
names to modules, imported only when that format is used (start-up time matters in CI).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult

REPORTERS: dict[str, str] = {
    "full": "tfagenda.report.text",
    "text": "tfagenda.report.text",  # the name issue 2 gave the full format; kept as an alias
    "concise": "tfagenda.report.concise",
    "json": "tfagenda.report.json",
    "json-lines": "tfagenda.report.jsonlines",
    "github": "tfagenda.report.github",
    "sarif": "tfagenda.report.sarif",
    "gitlab": "tfagenda.report.gitlab",
    "junit": "tfagenda.report.junit",
}


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    quiet: bool = False  # findings only: no summary
    unsafe_fixes: bool = (
        False  # mark findings with an unsafe fix as fixable too ([*]), as --unsafe-fixes applies them
    )
    show_fixes: bool = False  # after a --fix run, list what was fixed per file and rule
    lang: str = "en"  # the language findings, fixes and the summary are said in ("en" or "ko")


def write_report(
    format: str, result: CheckResult, stream: TextIO, options: ReportOptions = ReportOptions()
) -> None:
    module = importlib.import_module(REPORTERS[format])
    module.write(result, stream, options)
