"""``--format json``: a JSON array of findings, one object each (see README for the fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tfagenda.report import json_text

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    stream.write(json_text([f.to_json(options.lang) for f in result.findings], indent=2) + "\n")
