"""``--format json-lines``: one JSON object per line, the same objects as ``--format json``."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tfagenda.report import json_text

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    for finding in result.findings:
        stream.write(json_text(finding.to_json(options.lang)) + "\n")
