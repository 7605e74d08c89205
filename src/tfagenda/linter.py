"""Run the rules over agenda files and collect findings.

Data flows one way: text → document (positions) + model → timeline → problems → findings. The
rules yield problems at document paths; here they get their file, line and column. The linter,
not the rules, applies the settings: which rules are selected, per-file ignores, severity
overrides, and the suppressions written in the file (then I001 reports those that were unused).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tfagenda.config import Settings
from tfagenda.findings import MAX_FINDINGS_PER_RULE, Edit, Finding, Fix, Problem, Severity, Span
from tfagenda.load import Loaded, load_file, load_text
from tfagenda.messages import Message, Said, T, verbatim
from tfagenda.rules import ALL_RULES, RULES, Context, Rule
from tfagenda.suppress import find_suppressions
from tfagenda.timeline import resolve
from tfagenda.yamldoc import Document, gc_paused


@dataclass
class CheckResult:
    """What a check run found, across all the files it read."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, list[str]] = field(
        default_factory=dict
    )  # the lines of files with findings, for excerpts
    fixed: dict[str, Counter[str]] | None = (
        None  # with --fix: per file, how many findings of each rule were fixed
    )

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


def run_rules(loaded: Loaded, settings: Settings, lang: str = "en") -> FileCheck:
    """Run the rules over one file. Their messages (and the loader's) are deferred, said at output;
    ``lang`` is kept for callers not yet converted (compat: parallel.py)."""
    agenda = loaded.agenda
    timeline = resolve(agenda, loaded.is_damaged) if agenda is not None else None
    policy = settings.policy.overridden_by(agenda.policy if agenda is not None else None)
    context = Context(loaded, timeline, policy, lang=lang)
    findings = []
    for rule in ALL_RULES:
        if rule.after_suppressions or (rule.needs_timeline and timeline is None):
            continue
        findings.extend(_capped(loaded, rule, rule.check(context), lang))
    return FileCheck(context, findings)


def _capped(loaded: Loaded, rule: Rule, problems: Iterable[Problem], lang: str) -> list[Finding]:
    from itertools import islice

    findings = [
        to_finding(loaded, rule, problem, lang) for problem in islice(problems, MAX_FINDINGS_PER_RULE + 1)
    ]
    if len(findings) > MAX_FINDINGS_PER_RULE:
        more = T(
            "more {code} findings in this file are not listed: tfagenda lists at most {limit} per rule and file",
            code=rule.code,
            limit=f"{MAX_FINDINGS_PER_RULE:,}",
        )
        findings[MAX_FINDINGS_PER_RULE:] = [
            to_finding(loaded, rule, Problem(rule.code, (), more, span=Span(1, 1, 1, 1)), lang)
        ]
    return findings


def settle(check: FileCheck, settings: Settings) -> list[Finding]:
    """Apply selection, per-file ignores, suppressions and severities; add I001; sort."""
    loaded = check.loaded
    ignored = settings.ignored_for(loaded.path)
    active = settings.selected - ignored
    suppressions = (
        find_suppressions(loaded.document.lines) if "tfagenda:" in loaded.document.text.lower() else []
    )
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
            kept.extend(_capped(loaded, rule, rule.check(check.context), check.context.lang))
    kept = [_with_severity(f, settings) for f in kept]
    kept.sort(key=lambda f: f.sort_key)
    return kept


def _with_severity(finding: Finding, settings: Settings) -> Finding:
    level = settings.severity.get(finding.code)
    if level is None or level is finding.severity:
        return finding
    from dataclasses import replace

    return replace(finding, severity=level)


def to_finding(loaded: Loaded, rule: Rule, problem: Problem, lang: str = "en") -> Finding:
    """The finding for a problem; it keeps the problem's deferred message, said at output.
    (``lang`` is unused: compat for parallel.py, remove when it is converted.)"""
    document = loaded.document
    span = problem.span or document.span_of(problem.at, key=problem.key)
    return Finding(
        path=loaded.path,
        span=span,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=_deferred(problem.message),
        fix=_with_edits(loaded, problem.fix),
        related=problem.related,
    )


def _deferred(message: Message | str) -> Message:
    """compat: importers/frab.py still makes plain English ``str`` messages, kept as they are; remove
    when it is converted."""
    return message if isinstance(message, Message) else verbatim(message)


def _with_edits(loaded: Loaded, fix: Fix | None) -> Fix | None:
    """Turn a fix that sets a value into a text edit of that value (inside its quotes, if any)."""
    if fix is None:
        return None
    description = _deferred(fix.description)
    node = loaded.document.nodes.get(fix.target) if fix.target is not None and not fix.edits else None
    if node is None:
        return (
            fix
            if description is fix.description
            else Fix(description, fix.applicability, fix.value, fix.target, fix.edits)
        )
    return Fix(description, fix.applicability, fix.value, fix.target, (Edit(node.inner, str(fix.value)),))


def check_loaded(loaded: Loaded, settings: Settings | None = None, lang: str | None = None) -> list[Finding]:
    """Findings for one loaded file, sorted by position; their messages are deferred (said at output)."""
    settings = settings or Settings.defaults()
    findings = settle(run_rules(loaded, settings), settings)
    if lang is not None:  # compat: remove when render/ and cli.py say the findings themselves
        findings = [_said_in(finding, lang) for finding in findings]
    return findings


def _said_in(finding: Finding, lang: str) -> Finding:
    """compat: ``finding`` with its message and fix description said in ``lang`` (``Said``: text that
    callers not yet converted format as a ``str``). Remove with ``check_loaded``'s ``lang``."""
    from dataclasses import replace

    fix = finding.fix
    if fix is not None:
        fix = replace(fix, description=Said(fix.description.say(lang)))  # type: ignore[arg-type]
    return replace(finding, message=Said(finding.message.say(lang)), fix=fix)  # type: ignore[arg-type]


def check_text(text: str, path: str = "<string>", settings: Settings | None = None) -> list[Finding]:
    """Check agenda YAML given as text; the findings' messages are deferred (said at output)."""
    return check_loaded(load_text(text, path), settings)


@gc_paused()  # all it loads lives until the end (O003 compares the files): collecting only costs time
def check_paths(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    compare_with: Sequence[str | Path] = (),
    lang: str = "en",  # compat: unused (cli.py and parallel.py pass it); remove when converted
) -> CheckResult:
    """Check agenda files (folders are searched). Files are also checked against each other for
    double bookings (O003), and against the agendas in ``compare_with``, which are not reported on.
    The findings' messages are deferred: a reporter says them in the language chosen for output."""
    from tfagenda.discover import agenda_files

    settings = settings or Settings.defaults()
    files = agenda_files(paths, settings)
    from tfagenda.parallel import check_files, workers_for

    processes = workers_for(len(files))
    if processes > 1:  # many files: check them on every core (the same findings, in the same order)
        named = {_real(path) for path in files}
        others = [p for p in agenda_files(compare_with, settings) if _real(p) not in named]
        return check_files(files, others, settings, lang, processes)
    entries = [_guarded_check(path, settings, lang) for path in files]
    checks = [entry for entry in entries if isinstance(entry, FileCheck)]
    # Compare by resolved path: a file named as ./x.yaml or /abs/x.yaml is the same as agendas/x.yaml
    # found in the folder, and must not be compared with itself (a self double booking).
    named = {_real(path) for path in files}
    others = [
        _guarded_check(p, settings, lang)
        for p in agenda_files(compare_with, settings)
        if _real(p) not in named
    ]
    crashes: dict[int, list[Finding]] = {}
    if "O003" in settings.selected and checks:
        from tfagenda.rules.owners import cross_file_double_bookings

        reported = {id(c.context): c for c in checks}
        try:
            for context, problem in cross_file_double_bookings(
                [c.context for c in checks + others if isinstance(c, FileCheck)]
            ):
                if id(context) in reported:
                    reported[id(context)].findings.append(
                        to_finding(context.loaded, RULES["O003"], problem, context.lang)
                    )
        except Exception as error:  # noqa: BLE001 - reported as a finding; the per-file findings still stand
            crashes[id(checks[0])] = [
                internal_error(
                    checks[0].loaded.path, error, T("comparing the files for double bookings (O003)")
                )
            ]
    result = CheckResult()
    for entry in entries:
        if isinstance(entry, FileCheck):
            try:
                findings = settle(entry, settings)
            except Exception as error:  # noqa: BLE001
                findings = [internal_error(entry.loaded.path, error)]
            result.add(entry.loaded, findings + crashes.get(id(entry), []))
        else:
            result.add(*entry)
    return result


def _real(path: str | Path) -> str:
    """The path with symlinks resolved, for comparing files; a symlink loop is itself (Path.resolve raises)."""
    return os.path.realpath(path)


def _guarded_check(
    path: str | Path, settings: Settings, lang: str = "en"
) -> FileCheck | tuple[Loaded, list[Finding]]:
    """Load and check one file; an unexpected exception becomes that file's internal-error finding."""
    loaded = None
    try:
        loaded = load_file(path)
        return run_rules(loaded, settings, lang)
    except Exception as error:  # noqa: BLE001 - one file's crash must not end the run
        if loaded is None:
            loaded = Loaded(Document(path=str(path), text=""), None)
        return loaded, [internal_error(str(path), error)]


def internal_error(path: str, error: BaseException, doing: Message | str | None = None) -> Finding:
    """E000 for a file tfagenda failed on (a bug: please report it). It is added after the selection,
    suppressions and severities, so that no setting can turn a crash into a clean check."""
    import traceback

    doing = doing or T("checking this file")
    frames = traceback.extract_tb(error.__traceback__) if error.__traceback__ else []
    where = f", at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    detail = str(error)
    detail = detail if len(detail) <= 200 else detail[:200] + "…"
    return Finding(
        path=path,
        span=Span(1, 1, 1, 1),
        code="E000",
        name=RULES["E000"].name,
        severity=Severity.ERROR,
        message=T(
            "internal error while {doing} ({error}: {detail}{where}); the other files were checked. "
            "This is a bug in tfagenda: please report it with the file",
            doing=doing,
            error=type(error).__name__,
            detail=detail,
            where=where,
        ),
    )
