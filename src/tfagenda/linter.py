"""Run the rules over agenda files and collect findings.

Data flows one way: text → document (positions) + model → timeline → problems → findings. The
rules yield problems at document paths; here they get their file, line and column. The linter,
not the rules, applies the settings: which rules are selected, per-file ignores, severity
overrides, and the suppressions written in the file (then I001 reports those that were unused).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from tfagenda.config import Settings
from tfagenda.findings import Edit, Finding, Fix, Problem, Severity
from tfagenda.load import Loaded, load_file, load_text
from tfagenda.rules import ALL_RULES, RULES, Context, Rule
from tfagenda.suppress import find_suppressions
from tfagenda.timeline import resolve


@dataclass
class CheckResult:
    """What a check run found, across all the files it read."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)  # the lines of files with findings, for excerpts
    fixed: "dict[str, Counter[str]] | None" = None  # with --fix: per file, how many findings of each rule were fixed

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


@dataclass
class FileCheck:
    """One file in a run: its context and the rules' findings before settings are applied."""

    context: Context
    findings: list[Finding]

    @property
    def loaded(self) -> Loaded:
        return self.context.loaded


def run_rules(loaded: Loaded, settings: Settings) -> FileCheck:
    agenda = loaded.agenda
    timeline = resolve(agenda, loaded.is_damaged) if agenda is not None else None
    policy = settings.policy.overridden_by(agenda.policy if agenda is not None else None)
    context = Context(loaded, timeline, policy)
    findings = []
    for rule in ALL_RULES:
        if rule.after_suppressions or (rule.needs_timeline and timeline is None):
            continue
        findings.extend(to_finding(loaded, rule, problem) for problem in rule.check(context))
    return FileCheck(context, findings)


def settle(check: FileCheck, settings: Settings) -> list[Finding]:
    """Apply selection, per-file ignores, suppressions and severities; add I001; sort."""
    loaded = check.loaded
    ignored = settings.ignored_for(loaded.path)
    active = settings.selected - ignored
    suppressions = find_suppressions(loaded.document.lines) if "tfagenda:" in loaded.document.text.lower() else []
    check.context.suppressions = suppressions
    kept = []
    for finding in check.findings:
        if finding.code not in active:
            continue
        if any(s.covers(finding) for s in suppressions):
            continue
        kept.append(finding)
    for rule in ALL_RULES:
        if rule.after_suppressions and rule.code in active:
            kept.extend(to_finding(loaded, rule, problem) for problem in rule.check(check.context))
    kept = [_with_severity(f, settings) for f in kept]
    kept.sort(key=lambda f: f.sort_key)
    return kept


def _with_severity(finding: Finding, settings: Settings) -> Finding:
    level = settings.severity.get(finding.code)
    if level is None or level is finding.severity:
        return finding
    from dataclasses import replace

    return replace(finding, severity=level)


def to_finding(loaded: Loaded, rule: Rule, problem: Problem) -> Finding:
    document = loaded.document
    span = problem.span or document.span_of(problem.at, key=problem.key)
    return Finding(
        path=loaded.path,
        span=span,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
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


def check_loaded(loaded: Loaded, settings: Settings | None = None) -> list[Finding]:
    """Findings for one loaded file, sorted by position."""
    settings = settings or Settings.defaults()
    return settle(run_rules(loaded, settings), settings)


def check_text(text: str, path: str = "<string>", settings: Settings | None = None) -> list[Finding]:
    """Check agenda YAML given as text."""
    return check_loaded(load_text(text, path), settings)


def check_paths(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    compare_with: Sequence[str | Path] = (),
) -> CheckResult:
    """Check agenda files (folders are searched). Files are also checked against each other for
    double bookings (O003), and against the agendas in ``compare_with``, which are not reported on."""
    from tfagenda.discover import agenda_files

    settings = settings or Settings.defaults()
    files = agenda_files(paths, settings)
    checks = [run_rules(load_file(path), settings) for path in files]
    # Compare by resolved path: a file named as ./x.yaml or /abs/x.yaml is the same as agendas/x.yaml
    # found in the folder, and must not be compared with itself (a self double booking).
    named = {Path(path).resolve() for path in files}
    others = [run_rules(load_file(p), settings) for p in agenda_files(compare_with, settings) if Path(p).resolve() not in named]
    if "O003" in settings.selected:
        from tfagenda.rules.owners import cross_file_double_bookings

        reported = {id(c.context): c for c in checks}
        for context, problem in cross_file_double_bookings([c.context for c in checks + others]):
            if id(context) in reported:
                reported[id(context)].findings.append(to_finding(context.loaded, RULES["O003"], problem))
    result = CheckResult()
    for check in checks:
        result.add(check.loaded, settle(check, settings))
    return result
