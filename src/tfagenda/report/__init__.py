"""Reporters: a ``CheckResult`` → text on a stream. Checking never depends on them.

Each format is a module with ``write(result, stream, options)``; ``REPORTERS`` maps format
names to modules, imported only when that format is used (start-up time matters in CI).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

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
    "rdjson": "tfagenda.report.rdjson",
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
    # Columns for the full format's excerpts; None: COLUMNS, else the stream's terminal, else 100.
    width: int | None = None


# In JSON text these can only stand inside strings. A lone surrogate (a byte of a file name that
# is not UTF-8) cannot be written as UTF-8 at all: it becomes U+FFFD. The others are valid JSON
# but act on a terminal that shows the report (C1 controls) or reorder its lines (bidi controls):
# they are written as \u escapes, which every JSON parser reads back as the same characters.
_SURROGATE = re.compile("[\ud800-\udfff]")
_TERMINAL_ACTIVE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]"
)


def json_text(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON that is valid UTF-8 and safe to show in a terminal (see above); Hangul and
    other text stay readable, not ``\\u``-escaped."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    text = _SURROGATE.sub("\ufffd", text)
    return _TERMINAL_ACTIVE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write_report(
    format: str, result: CheckResult, stream: TextIO, options: ReportOptions = ReportOptions()
) -> None:
    module = importlib.import_module(REPORTERS[format])
    module.write(result, stream, options)
