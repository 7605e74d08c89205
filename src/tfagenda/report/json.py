"""``--format json``: a JSON array of findings, one object each (see README for the fields)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    json.dump([f.to_json(options.lang) for f in result.findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
