"""Run the rules over agenda files and collect findings.

Data flows one way: text → document (positions) + model → timeline → problems → findings. The
rules yield problems at document paths; here they get their file, line and column, their
severity, and (for fixes that set a value) the text edit that would apply them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from tfagenda.findings import Edit, Finding, Fix, Problem, Severity
from tfagenda.load import Loaded, load_file, load_text
from tfagenda.rules import ALL_RULES, Context, Rule
from tfagenda.timeline import resolve


@dataclass
class CheckResult:
    """What a check run found, across all the files it read."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)  # the lines of files with findings, for excerpts

    def add(self, loaded: Loaded, findings: list[Finding]) -> None:
        self.files.append(loaded.path)
        self.findings.extend(findings)
        if findings:
            self.sources[loaded.path] = loaded.document.lines

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, strict: bool = False) -> int:
        """0: clean (warnings allowed); 1: an error, or any finding with ``strict``."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0


def check_loaded(loaded: Loaded, rules: Sequence[Rule] = ALL_RULES) -> list[Finding]:
    """Findings for one loaded file, sorted by position."""
    timeline = resolve(loaded.agenda, loaded.is_damaged) if loaded.agenda is not None else None
    context = Context(loaded, timeline)
    findings = []
    for rule in rules:
        if rule.needs_timeline and timeline is None:
            continue
        for problem in rule.check(context):
            findings.append(to_finding(loaded, rule, problem))
    findings.sort(key=lambda f: f.sort_key)
    return findings


def to_finding(loaded: Loaded, rule: Rule, problem: Problem, severity: Severity | None = None) -> Finding:
    document = loaded.document
    span = problem.span or document.span_of(problem.at, key=problem.key)
    return Finding(
        path=loaded.path,
        span=span,
        code=rule.code,
        name=rule.name,
        severity=severity or rule.severity,
        message=problem.message,
        fix=_with_edits(loaded, problem.fix),
        related=problem.related,
    )


def _with_edits(loaded: Loaded, fix: Fix | None) -> Fix | None:
    """Turn a fix that sets a value into a text edit of that value (inside its quotes, if any)."""
    if fix is None or fix.edits or fix.target is None:
        return fix
    node = loaded.document.nodes.get(fix.target)
    if node is None:
        return fix
    return Fix(fix.description, fix.applicability, fix.value, fix.target, (Edit(node.inner, str(fix.value)),))


def check_text(text: str, path: str = "<string>") -> list[Finding]:
    """Check agenda YAML given as text."""
    return check_loaded(load_text(text, path))


def check_paths(paths: Iterable[str | Path]) -> CheckResult:
    """Check agenda files (directories are searched for *.yaml / *.yml)."""
    from tfagenda.discover import agenda_files

    result = CheckResult()
    for path in agenda_files(paths):
        loaded = load_file(path)
        result.add(loaded, check_loaded(loaded))
    return result
