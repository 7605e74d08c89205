"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

``tool.driver.rules`` comes from the rule registry (with each rule's documentation as help);
each result has its region and, where there is one, the fix as a replacement. Columns count
Unicode code points (``columnKind``), as tfagenda's do everywhere.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from tfagenda import __version__
from tfagenda.findings import Finding, Severity
from tfagenda.report import json_text

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A relative URI reference: the path's bytes, percent-encoded (a file name that is not UTF-8
    keeps its exact bytes: ``bad%FF.yaml``; control characters are encoded too)."""
    posix = PurePath(path).as_posix()
    try:
        raw = os.fsencode(posix)
    except UnicodeEncodeError:  # a surrogate that no file name decodes to: U+FFFD
        raw = b"".join(_char_bytes(char) for char in posix)
    return quote(raw, safe="/")


def _char_bytes(char: str) -> bytes:
    try:
        return os.fsencode(char)
    except UnicodeEncodeError:
        return "\ufffd".encode()


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(finding: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    s = finding.span
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message.say(lang)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path)},
                    "region": _region(s.line, s.column, s.end_line, s.end_column),
                }
            }
        ],
    }
    if finding.location is not None:  # a document: its table, row and column; no lines to point at
        place = finding.location.describe(lang)
        where: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)}}}
        if place:
            where["logicalLocations"] = [{"name": place, "kind": "element"}]
        if finding.location.text:
            where["properties"] = {"snippet": finding.location.text}
        result["locations"] = [where]
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "message": {"text": r.message},
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": {"startLine": r.line, "startColumn": r.column},
                },
            }
            for number, r in enumerate(finding.related, 1)
        ]
    if finding.fix is not None and finding.fix.edits and finding.location is None:
        result["fixes"] = [
            {
                "description": {"text": f"{finding.fix.description.say(lang)} ({finding.fix.applicability})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "replacements": [
                            {
                                "deletedRegion": _region(
                                    e.span.line, e.span.column, e.span.end_line, e.span.end_column
                                ),
                                "insertedContent": {"text": e.text},
                            }
                            for e in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def sarif_log(result: CheckResult, lang: str = "en") -> dict[str, Any]:
    """The SARIF log of ``result``, its messages said in ``lang``."""
    from tfagenda.rules import ALL_RULES

    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "help": {"text": rule.doc, "markdown": rule.doc},
            # SARIF's reportingConfiguration.enabled: an opt-in rule runs only when selected.
            "defaultConfiguration": {
                "level": _LEVEL[rule.severity],
                **({"enabled": False} if rule.opt_in else {}),
            },
            "properties": {"fixable": rule.fixable},
        }
        for rule in ALL_RULES
    ]
    index = {rule.code: i for i, rule in enumerate(ALL_RULES)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tfagenda",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/tfagenda/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": _uri(path)}} for path in result.files],
                "results": [_result(f, index, lang) for f in result.findings],
            }
        ],
    }


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    stream.write(json_text(sarif_log(result, options.lang), indent=2) + "\n")
