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
    "text": "tfagenda.report.text",
    "json": "tfagenda.report.json",
}


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False


def write_report(format: str, result: "CheckResult", stream: TextIO, options: ReportOptions = ReportOptions()) -> None:
    module = importlib.import_module(REPORTERS[format])
    module.write(result, stream, options)
