"""``--format junit``: a JUnit XML report: a test suite per file, a failing test case per finding
(a file without findings has one passing case), for CI systems that show test reports. A note
(severity ``info``) is a passing case with the note as its output: information fails nothing.

XML 1.0 cannot hold most control characters at all (not even as ``&#27;``), and CI systems show
these reports to people: file names, messages and fixes are written as ``visible`` shows them
(``\\x1b``; undecodable bytes of a file name as ``\\xff``), so the report parses for any input."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, TextIO

from tfagenda.findings import Finding, Severity
from tfagenda.textwidth import visible

if TYPE_CHECKING:
    from tfagenda.linter import CheckResult
    from tfagenda.report import ReportOptions


def write(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.path].append(finding)
    root = ET.Element(
        "testsuites",
        name="tfagenda",
        tests=str(_count(result, by_file)),
        failures=str(_failures(result.findings)),
    )
    for raw_path in result.files:
        findings = by_file.get(raw_path, [])
        path = visible(raw_path)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(max(1, len(findings))),
            failures=str(_failures(findings)),
            errors="0",
        )
        if not findings:
            ET.SubElement(suite, "testcase", name="tfagenda check", classname=path)
        for f in findings:
            case = ET.SubElement(
                suite, "testcase", name=visible(f"{f.code} {f.name} at {f.line}:{f.column}"), classname=path
            )
            message = visible(f.message.say(options.lang))
            text = f"{visible(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] {message}" + (
                f"\nfix: {visible(f.fix.description.say(options.lang))}" if f.fix else ""
            )
            if f.severity is Severity.INFO:
                ET.SubElement(case, "system-out").text = text
            else:
                ET.SubElement(case, "failure", message=message, type=f.code).text = text
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _failures(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.severity is not Severity.INFO)


def _count(result: CheckResult, by_file: dict[str, list[Finding]]) -> int:
    return sum(max(1, len(by_file.get(path, []))) for path in result.files)
