"""``--format gitlab``: GitLab Code Quality JSON, shown in merge requests.

Each finding has a fingerprint that is stable when lines move (it hashes the path, the rule and
the text of the flagged line, not its number nor the message, which may name other lines: O003,
E003) and unique (a repeat gets a counter).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, TextIO

from tfagenda.findings import Finding, Severity
from tfagenda.report import json_text

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _flagged_text(result: CheckResult, finding: Finding) -> str:
    lines = result.sources.get(finding.path, [])
    if 1 <= finding.line <= len(lines):
        return lines[finding.line - 1].strip()
    return finding.message.say("en")  # the fingerprint is the same in every language


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    seen: dict[str, int] = {}
    issues = []
    for f in result.findings:
        base = f"{f.path}\0{f.code}\0{_flagged_text(result, f)}"
        count = seen.get(base, 0)
        seen[base] = count + 1
        # surrogatepass: a file name that is not UTF-8 hashes too (stable, and distinct from others)
        fingerprint = hashlib.sha256(f"{base}\0{count}".encode("utf-8", "surrogatepass")).hexdigest()
        issues.append(
            {
                "description": f"{f.code} {f.message.say(options.lang)}",
                "check_name": f"{f.code} {f.name}",
                "fingerprint": fingerprint,
                "severity": _SEVERITY[f.severity],
                "location": {"path": f.path, "lines": {"begin": f.line, "end": f.span.end_line}},
            }
        )
    stream.write(json_text(issues, indent=2) + "\n")
