"""Run the rules over agenda files and collect findings.

Data flows one way: text → document (positions) + model → timeline → problems → findings. The
rules yield problems at document paths; here they get their file, line and column. The linter,
not the rules, applies the settings: which rules are selected, per-file ignores, severity
overrides, and the suppressions written in the file (then I001 reports those that were unused).

One loop checks any number of files: ``check_file`` loads and checks one file and returns a
``FileReport`` of plain values (its settled findings, its suppressions, its O003 ``Bookings``),
the same whether it ran here or, for a large run, in a worker process (``tfagenda.parallel``).
Then this process compares the bookings of all files (O003 across files) and ``finish`` adds
what that found and I001 to each file's findings.
"""

from __future__ import annotations

import gc
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tfagenda.config import Settings
from tfagenda.discover import agenda_files
from tfagenda.findings import (
    MAX_FINDINGS_PER_RULE,
    Applicability,
    Edit,
    Finding,
    Fix,
    Problem,
    Severity,
    Span,
    Suppression,
    more_not_listed,
)
from tfagenda.load import Loaded, load_bytes, load_file, load_text
from tfagenda.messages import Commas, Message, T
from tfagenda.parallel import map_in_processes, workers_for
from tfagenda.registry import Registry, load_registry, registry_for, registry_path_for
from tfagenda.rules import ALL_RULES, RULES, Context, Rule
from tfagenda.rules.base import SuppressionsContext
from tfagenda.rules.changeover import cross_file_changeovers
from tfagenda.rules.owners import Bookings, bookings_of, cross_file_double_bookings
from tfagenda.suppress import covering, find_suppressions, string_spans
from tfagenda.timeline import resolve
from tfagenda.yamldoc import LINE_BREAK, Document, gc_paused

if TYPE_CHECKING:
    from tfagenda.atomic import Rewrite
    from tfagenda.calendars.clash import CalendarOption

# Every finding is kept (the text report lists MAX_FINDINGS_PER_RULE per rule and file and says how
# many more there are; --format json lists them all); this bound only limits what a hostile file costs.
# Fixing passes cap=None: it fixes everything it can.
MAX_FINDINGS_KEPT_PER_RULE = 100 * MAX_FINDINGS_PER_RULE


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
    not_fixed: list[Message] = field(default_factory=list)  # with --fix: why a file was not fixed, one each

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

    @property
    def notes(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.INFO)

    def exit_code(self, strict: bool = False) -> int:
        """0: clean (warnings and notes allowed); 1: an error, or a warning with ``strict``
        (information never fails a check, not even with ``strict``)."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0


class Fixer(Protocol):
    """What ``check_paths`` fixes with (``fix.FileFixer``; given by the caller, so that the check
    loop does not depend on the fixer, which depends on it)."""

    def fix_and_check_file(
        self, job: tuple[str, bool], settings: Settings, compare: bool = True
    ) -> FileReport:
        """``check_file``, the file fixed first; the fixed bytes left in ``FileReport.rewrite``."""
        ...

    def write_fixes(
        self, reports: list[FileReport], jobs: list[tuple[str, bool]], settings: Settings, compare: bool
    ) -> None:
        """Write the reports' fixed bytes; replace the report of a file not written."""
        ...


@dataclass(slots=True)
class FileReport:
    """One file's part of a run, as ``check_file`` makes it in whichever process checked the file.

    Plain values only (it is sent back from a worker process). ``findings`` have the settings and
    the suppressions applied; what depends on the other files is added by ``finish``.
    """

    path: str
    text: str | None  # for excerpts; None when the file cannot have findings (not reported on)
    findings: list[Finding]  # sorted; I001 and cross-file O003 come in ``finish``
    suppressions: list[Suppression] = field(default_factory=list)  # each knowing what it silenced so far
    bookings: Bookings | None = None  # for O003 across files
    # With --fix: what was fixed (None: the file could not be fixed, ``not_fixed`` says why), and the
    # fixed bytes still to be written (by ``check_paths``, together with the other files').
    fixed: Counter[str] | None = None
    not_fixed: Message | None = None
    rewrite: Rewrite | None = None


def run_rules(
    loaded: Loaded, settings: Settings, cap: int | None = MAX_FINDINGS_KEPT_PER_RULE
) -> tuple[Context, list[Finding]]:
    """Run the rules over one file. Their messages (and the loader's) are deferred, said at output.
    ``cap``: at most this many findings per rule, then a note (None: all, as fixing needs them)."""
    context = _context(loaded, settings)
    findings = []
    path, document, timeline = loaded.path, loaded.document, context.timeline
    for rule in ALL_RULES:
        if rule.after_suppressions or (rule.needs_timeline and timeline is None):
            continue
        findings.extend(_capped(path, document, rule, rule.check(context), cap))
    return context, findings


def _context(loaded: Loaded, settings: Settings) -> Context:
    """What the rules look at for one loaded file: its timeline, policy and people registry."""
    agenda = loaded.agenda
    timeline = resolve(agenda, loaded.is_damaged) if agenda is not None else None
    policy = settings.policy.overridden_by(agenda.policy if agenda is not None else None)
    registry = registry_of(loaded.path, settings) if agenda is not None else None
    return Context(loaded, timeline, policy, registry)


def registry_of(path: str, settings: Settings) -> Registry | None:
    """The people registry a file at ``path`` uses (docs/people.md)."""
    return registry_for(path, settings.root if settings.source else None, settings.people)


def _capped(
    path: str,
    document: Document | None,
    rule: Rule,
    problems: Iterable[Problem],
    cap: int | None = MAX_FINDINGS_KEPT_PER_RULE,
) -> list[Finding]:
    if cap is None:
        return [_finding(path, document, rule, problem) for problem in problems]
    findings = [_finding(path, document, rule, problem) for problem in islice(problems, cap + 1)]
    if len(findings) > cap:
        findings[cap:] = [_more_than(cap, path, document, rule)]
    return findings


def _more_than(cap: int, path: str, document: Document | None, rule: Rule) -> Finding:
    """The note that ends a rule's findings past ``cap``."""
    return _finding(path, document, rule, more_not_listed(rule.code, cap))


def _cap_found(loaded: Loaded, found: list[Finding], cap: int) -> list[Finding]:
    """``run_rules(loaded, settings, cap)``'s findings from its uncapped ones (each rule's are together,
    in the order the rule gave them): the same list, without running the rules again."""
    counts = Counter(finding.code for finding in found)
    if all(count <= cap for count in counts.values()):
        return found
    capped: list[Finding] = []
    kept: Counter[str] = Counter()
    for finding in found:
        code = finding.code
        kept[code] += 1
        if kept[code] <= cap:
            capped.append(finding)
        elif kept[code] == cap + 1:
            capped.append(_more_than(cap, loaded.path, loaded.document, RULES[code]))
    return capped


def _settle(
    loaded: Loaded, findings: list[Finding], settings: Settings, active: frozenset[str] | None = None
) -> tuple[list[Finding], list[Suppression]]:
    """Apply selection, per-file ignores, suppressions and severities to a file's own findings; sort them.
    ``active``: the rules selected for the file (``active_rules``), when already known."""
    if active is None:
        active = active_rules(settings, loaded.path)
    suppressions = (
        find_suppressions(
            loaded.document.lines,
            [*string_spans(loaded.document.nodes.values()), *loaded.document.unbuilt_strings],
        )
        if "tfagenda:" in loaded.document.text.lower()
        else []
    )
    covered = covering(suppressions)
    kept = [
        _with_severity(finding, settings)
        for finding in findings
        if finding.code in active and not (suppressions and covered(finding))
    ]
    kept.sort(key=lambda f: f.sort_key)
    return kept, suppressions


def active_rules(settings: Settings, path: str) -> frozenset[str]:
    """The rules selected for the file at ``path``: the selection without its per-file ignores."""
    return frozenset(settings.selected - settings.ignored_for(path))


def finish(
    report: FileReport,
    settings: Settings,
    cross: Sequence[Problem] = (),
    cap: int | None = MAX_FINDINGS_KEPT_PER_RULE,
) -> list[Finding]:
    """A file's findings, complete: its own (``report.findings``), its double bookings with other
    files (``cross``: O003 problems with spans), and the rules that judge its suppressions (I001),
    with the settings applied; sorted."""
    if not cross and not report.suppressions:
        return report.findings
    active = settings.selected - settings.ignored_for(report.path)
    added = []
    covered = covering(report.suppressions)
    for problem in cross:
        finding = _finding(report.path, None, RULES[problem.code], problem)
        if finding.code in active and not covered(finding):
            added.append(finding)
    if report.suppressions:
        judged = SuppressionsContext(report.suppressions)
        for rule in ALL_RULES:
            if rule.after_suppressions and rule.code in active:
                added.extend(_capped(report.path, None, rule, rule.check(judged), cap))
    if not added:
        return report.findings
    return sorted(report.findings + [_with_severity(f, settings) for f in added], key=lambda f: f.sort_key)


def _with_severity(finding: Finding, settings: Settings) -> Finding:
    level = settings.severity.get(finding.code)
    if level is None or level is finding.severity:
        return finding
    return replace(finding, severity=level)


def to_finding(loaded: Loaded, rule: Rule, problem: Problem) -> Finding:
    """The finding for a problem; it keeps the problem's deferred message, said at output."""
    return _finding(loaded.path, loaded.document, rule, problem)


def _finding(path: str, document: Document | None, rule: Rule, problem: Problem) -> Finding:
    """``to_finding`` where the document may be gone (a file checked on another process): then the
    problem points by span and its fix by edits, as O003 across files and I001 do."""
    if problem.span is not None:
        span = problem.span
    elif document is not None:
        span = document.span_of(problem.at, key=problem.key)
    else:
        raise ValueError(f"{rule.code}: a problem found after the file's check must give its span")
    fix = _with_edits(document, problem.fix)
    location = None
    if document is not None and document.from_office_document:  # imported only then: start-up
        from tfagenda.documents.load import document_fix, document_location

        fix, location = document_fix(document, fix), document_location(document, span)
    return Finding(
        path=path,
        span=span,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=problem.message,
        fix=fix,
        related=problem.related,
        location=location,
    )


def _with_edits(document: Document | None, fix: Fix | None) -> Fix | None:
    """Turn a fix that sets a value into a text edit of that value (inside its quotes, if any)."""
    if fix is None:
        return None
    description = fix.description
    node = (
        document.nodes.get(fix.target)
        if document is not None and fix.target is not None and not fix.edits
        else None
    )
    if node is None:
        return (
            fix
            if description is fix.description
            else Fix(description, fix.applicability, fix.value, fix.target, fix.edits)
        )
    assert document is not None and fix.target is not None
    edits = (Edit(node.inner, _spelled(document, fix.target, fix.value)),)
    sharing = document.shared.get(fix.target)
    if sharing and fix.applicability is not Applicability.DISPLAY_ONLY:
        # One text holds this value and others (an anchor and its aliases, a merge key): the edit
        # changes them all, so a person decides (--unsafe-fixes), told which places change.
        places = [_path_text(at) for at in sharing[:6] if at != fix.target][:5]
        more = len(sharing) - 1 - len(places)
        others: Commas | Message = Commas(places)
        if more > 0:
            others = T("{places} and {more} more", places=others, more=f"{more:,}")
        description = T(
            "{description}; this also changes {others}, which share the value (an anchor, alias or merge key)",
            description=description,
            others=others,
        )
        return Fix(description, Applicability.UNSAFE, fix.value, fix.target, edits)
    return Fix(description, fix.applicability, fix.value, fix.target, edits)


def _spelled(document: Document, at: tuple[str | int, ...], value: object) -> str:
    """A fix's value as the source writes it (``13:00`` as ``1:00`` in a 12-hour table)."""
    style = document.spelled.get(at)
    if style is None:
        return str(value)
    from tfagenda.notation import respell_time  # only for imported tables: start-up

    return respell_time(str(value), style)


def _path_text(at: tuple[object, ...]) -> str:
    """A document path as written in YAML terms: ``segments[1].start``."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def check_loaded(
    loaded: Loaded, settings: Settings | None = None, cap: int | None = MAX_FINDINGS_KEPT_PER_RULE
) -> list[Finding]:
    """Findings for one loaded file, sorted by position; their messages are deferred (said at output).
    ``cap``: at most this many findings per rule are listed (None: all of them, for fixing)."""
    settings = settings or Settings.defaults()
    _, found = run_rules(loaded, settings, cap)
    findings, suppressions = _settle(loaded, found, settings)
    return finish(FileReport(loaded.path, loaded.document.text, findings, suppressions), settings, cap=cap)


@dataclass(slots=True)
class Checked:
    """One text's check, whole: what ``check --fix`` works from, and what its last round keeps so
    that the file's report comes from it instead of a check of the written file. A check of only
    the rules that fix (``check_for_fixing(..., only=...)``) is not ``complete``: ``complete_check``
    runs the others on the same context."""

    loaded: Loaded
    context: Context
    found: list[Finding]  # every rule's findings, uncapped, before the settings
    findings: list[Finding]  # the file's own findings, settled and with I001, uncapped: what fixing applies
    by_rule: dict[str, list[Finding]] = field(default_factory=dict)  # ``found`` by rule, when not complete
    complete: bool = True
    active: frozenset[str] | None = None  # the rules selected for the file, when known (``active_rules``)


def rules_that_fix(unsafe: bool = False) -> frozenset[str]:
    """The rules whose findings ``--fix`` may apply (safe ones; unsafe ones too with ``unsafe``),
    and E001, which says whether the fixes made a text tfagenda cannot read (``fix.FixRefused``)."""
    from tfagenda.findings import Applicability

    wanted = (Applicability.SAFE, Applicability.UNSAFE) if unsafe else (Applicability.SAFE,)
    return frozenset(rule.code for rule in ALL_RULES if rule.fix in wanted) | {"E001"}


def check_for_fixing(
    loaded: Loaded,
    settings: Settings,
    only: frozenset[str] | None = None,
    active: frozenset[str] | None = None,
) -> Checked:
    """``check_loaded(loaded, settings, cap=None)`` (the display cap caps no fix), keeping its pieces.

    ``only`` (``rules_that_fix``): run these rules only, for a round of fixing that is not the last
    when it finds a fix (then its text changes and is checked again); unless the text has
    suppression comments, which the other rules' findings use up (I001 says which are unused).
    ``active``: ``active_rules(settings, loaded.path)``, when already known."""
    if active is None:
        active = active_rules(settings, loaded.path)
    if only is None or "tfagenda:" in loaded.document.text.lower():
        context, found = run_rules(loaded, settings, cap=None)
        findings, suppressions = _settle(loaded, found, settings, active)
        report = FileReport(loaded.path, loaded.document.text, findings, suppressions)
        return Checked(loaded, context, found, finish(report, settings, cap=None), active=active)
    context = _context(loaded, settings)
    by_rule = _rules_run(context, [rule for rule in ALL_RULES if rule.code in only], {})
    found = [finding for findings in by_rule.values() for finding in findings]
    findings, _ = _settle(loaded, found, settings, active)  # no suppressions: the text has none
    return Checked(loaded, context, found, findings, by_rule, complete=False, active=active)


def complete_check(checked: Checked, settings: Settings) -> Checked:
    """A check of only some rules made whole: the other rules run on the same context, and the
    findings are what ``check_for_fixing(checked.loaded, settings)`` finds, in its order."""
    if checked.complete:
        return checked
    by_rule = _rules_run(checked.context, ALL_RULES, checked.by_rule)
    found = [finding for rule in ALL_RULES for finding in by_rule.get(rule.code, ())]
    loaded = checked.loaded
    findings, suppressions = _settle(loaded, found, settings, checked.active)
    report = FileReport(loaded.path, loaded.document.text, findings, suppressions)
    return Checked(loaded, checked.context, found, finish(report, settings, cap=None), active=checked.active)


def _rules_run(
    context: Context, rules: Iterable[Rule], done: dict[str, list[Finding]]
) -> dict[str, list[Finding]]:
    """``run_rules``'s rule loop (uncapped) over ``rules``, except those in ``done``; by rule, with ``done``'s."""
    by_rule = dict(done)
    loaded = context.loaded
    for rule in rules:
        if rule.code in by_rule or rule.after_suppressions:
            continue
        if rule.needs_timeline and context.timeline is None:
            continue
        by_rule[rule.code] = _capped(loaded.path, loaded.document, rule, rule.check(context), None)
    return by_rule


def report_of(checked: Checked, settings: Settings, compare: bool = True) -> FileReport:
    """The ``FileReport`` that ``check_file`` makes of the file ``checked`` was loaded from, without
    loading and checking it again: the findings capped as a check caps them, then settled."""
    loaded = checked.loaded
    found = _cap_found(loaded, checked.found, MAX_FINDINGS_KEPT_PER_RULE)
    findings, suppressions = _settle(loaded, found, settings, checked.active)
    bookings = bookings_of(checked.context) if compare else None
    needed = findings or suppressions or (bookings is not None and bookings.bookings)
    return FileReport(loaded.path, loaded.document.text if needed else None, findings, suppressions, bookings)


def check_text(text: str, path: str = "<string>", settings: Settings | None = None) -> list[Finding]:
    """Check agenda YAML given as text; the findings' messages are deferred (said at output)."""
    return check_loaded(load_text(text, path), settings)


@gc_paused()  # all it loads lives until the end (O003 compares the files): collecting only costs time
def check_paths(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    compare_with: Sequence[str | Path] = (),
    fixer: Fixer | None = None,
    calendars: Sequence[CalendarOption] = (),
) -> CheckResult:
    """Check agenda files (folders are searched). Files are also checked against each other for
    double bookings (O003), and against the agendas in ``compare_with``, which are not reported on.
    The findings' messages are deferred: a reporter says them in the language chosen for output.

    ``fixer`` (``check --fix``: ``fix.FileFixer``): each file is fixed in place first, by whichever
    process checks it, and its report is what remains, from the last round of fixing; the result's
    ``fixed`` says what was fixed, ``not_fixed`` why a file was not. The files in ``compare_with``
    are not fixed.

    ``calendars`` (``--calendar kim=kim.ics``): each person's segments against their own calendar (O003)."""
    settings = settings or Settings.defaults()
    files = agenda_files(paths, settings)
    registries = _registries_to_report(files, settings)
    files += registries
    # Compare by resolved path: a file named as ./x.yaml or /abs/x.yaml is the same as agendas/x.yaml
    # found in the folder, and must not be compared with itself (a self double booking).
    named = {_real(path) for path in files}
    others = [p for p in agenda_files(compare_with, settings) if _real(p) not in named]
    changeovers = "O005" in settings.selected and settings.policy.changeover.checked
    # across files, and against calendars (--calendar)
    compare = ("O003" in settings.selected or changeovers) and (
        len(files) + len(others) > 1 or bool(calendars)
    )
    jobs = [(str(path), True) for path in files] + [(str(path), False) for path in others if compare]
    work: Callable[[tuple[str, bool]], FileReport] = (
        partial(
            _fix_and_check,
            fixer=fixer,
            settings=settings,
            compare=compare,
            only_checked=frozenset(str(path) for path in registries),
        )
        if fixer is not None
        else partial(check_file, settings=settings, compare=compare)
    )
    processes = workers_for(len(files))
    if processes > 1:  # many files: check them on every core (the same findings, in the same order)
        done = map_in_processes(work, jobs, processes)
    else:  # one process: each file's garbage (cycles: the collector is paused) is collected after it
        done = []
        for n, job in enumerate(jobs):
            done.append(work(job))
            if n + 1 < len(jobs):  # not after the last: a one-file check would only pay for it
                gc.collect(0)  # what the file made; what is kept moves out of the young generation
    if fixer is not None:
        fixer.write_fixes(done, jobs, settings, compare)
    reports = done[: len(files)]
    cross: dict[int, list[Problem]] = defaultdict(list)  # index in ``reports`` → its O003 with other files
    crashes: dict[int, list[Finding]] = {}
    compared = [(n, report.bookings) for n, report in enumerate(done) if report.bookings is not None]
    if compare and any(n < len(files) for n, _ in compared):
        try:
            for index, problem in cross_file_double_bookings([bookings for _, bookings in compared]):
                n = compared[index][0]
                if n < len(files):
                    cross[n].append(problem)
            if changeovers:  # O005 across files, by the same bookings
                found = cross_file_changeovers([bookings for _, bookings in compared], settings.policy)
                for index, problem in found:
                    n = compared[index][0]
                    if n < len(files):
                        cross[n].append(problem)
        except Exception as error:  # noqa: BLE001 - reported as a finding; the per-file findings still stand
            first = compared[0][0]
            crashes[first] = [
                internal_error(
                    reports[first].path, error, T("comparing the files for double bookings (O003)")
                )
            ]
    read_calendars: list[tuple[Loaded, list[Finding]]] = []
    if calendars and reports:
        try:
            read_calendars = _calendar_clashes(calendars, reports, cross, settings)
        except Exception as error:  # noqa: BLE001 - reported as a finding; the per-file findings still stand
            doing = T("comparing the agendas with the calendars (--calendar)")
            crashes.setdefault(0, []).append(internal_error(reports[0].path, error, doing))
    result = CheckResult()
    if fixer is not None:
        result.fixed = {report.path: report.fixed for report in reports if report.fixed is not None}
        result.not_fixed = [report.not_fixed for report in reports if report.not_fixed is not None]
    for n, report in enumerate(reports):
        try:
            findings = finish(report, settings, cross.get(n, ()))
        except Exception as error:  # noqa: BLE001
            findings = [internal_error(report.path, error)]
        findings = findings + crashes.get(n, [])
        result.files.append(report.path)
        result.findings.extend(findings)
        if findings:
            result.sources[report.path] = LINE_BREAK.split(report.text or "")
    for loaded, findings in read_calendars:
        result.add(loaded, [_with_severity(f, settings) for f in findings])
    return result


def _calendar_clashes(
    calendars: Sequence[CalendarOption],
    reports: list[FileReport],
    cross: dict[int, list[Problem]],
    settings: Settings,
) -> list[tuple[Loaded, list[Finding]]]:
    from tfagenda.calendars.clash import calendar_clashes

    clashes, read = calendar_clashes(calendars, [report.bookings for report in reports])
    for n, problem in clashes:
        cross[n].append(problem)
    files = []
    for item in read:
        document = Document(path=item.option.path, text=item.calendar.text)
        loaded = Loaded(document, None, list(item.calendar.problems))
        active = settings.selected - settings.ignored_for(loaded.path)
        found = [to_finding(loaded, RULES[p.code], p) for p in loaded.problems if p.code in active]
        files.append((loaded, found))
    return files


def check_file(
    job: tuple[str, bool], settings: Settings, compare: bool = True, raw: bytes | None = None
) -> FileReport:
    """Load and check one file of a run, in this process or a worker; ``job`` is (path, whether it is
    reported on: False for a file only compared with the others). With ``compare``, the report has
    the file's bookings for O003 across files. An unexpected exception becomes the file's E000.
    ``raw``: the file's bytes as they are about to be written (``check --fix``), instead of reading it."""
    path, reported = job
    with gc_paused():  # as check_paths does; in a worker the collector runs between files
        loaded = None
        try:
            loaded = load_file(path) if raw is None else load_bytes(raw, path)
            context, found = run_rules(loaded, settings, MAX_FINDINGS_KEPT_PER_RULE)
            # a calendar's meetings are also in its attendees' other calendars: compared with --calendar only
            calendar = getattr(loaded.document, "from_calendar", False)
            bookings = bookings_of(context) if compare and not calendar else None
        except Exception as error:  # noqa: BLE001 - one file's crash must not end the run
            text = loaded.document.text if loaded is not None else ""
            return FileReport(
                loaded.path if loaded is not None else path, text, [internal_error(path, error)]
            )
        if not reported:
            return FileReport(loaded.path, None, [], bookings=bookings)
        try:
            findings, suppressions = _settle(loaded, found, settings)
        except Exception as error:  # noqa: BLE001
            findings, suppressions = [internal_error(loaded.path, error)], []
        needed = findings or suppressions or (bookings is not None and bookings.bookings)
        return FileReport(
            loaded.path, loaded.document.text if needed else None, findings, suppressions, bookings
        )


def _registries_to_report(files: list[Path], settings: Settings) -> list[Path]:
    """The people registries the files use that are not among them, when they have a problem: a
    registry's mistakes are reported at its own lines, once, wherever it is."""
    named = {_real(path) for path in files}
    top = settings.root if settings.source else None
    found: dict[str, None] = {}
    for path in files:
        registry = registry_path_for(str(path), top, settings.people)
        if registry is not None:
            found.setdefault(registry)
    extra = []
    for registry in found:
        if _real(registry) in named:
            continue
        loaded = load_registry(registry)  # None: gone, or a people.yaml that is an agenda
        if loaded is not None and loaded.has_problems:
            extra.append(Path(registry))
    return extra


def _fix_and_check(
    job: tuple[str, bool], fixer: Fixer, settings: Settings, compare: bool, only_checked: frozenset[str]
) -> FileReport:
    """``fixer.fix_and_check_file``, except for the files in ``only_checked`` (the people registries
    reported with the agendas: ``check --fix`` fixes the agendas it is given, as before)."""
    if job[0] in only_checked:
        return check_file(job, settings, compare)
    return fixer.fix_and_check_file(job, settings, compare)


def _real(path: str | Path) -> str:
    """The path with symlinks resolved, for comparing files; a symlink loop is itself (Path.resolve raises)."""
    return os.path.realpath(path)


def internal_error(path: str, error: BaseException, doing: Message | None = None) -> Finding:
    """E000 for a file tfagenda failed on (a bug: please report it). It is added after the selection,
    suppressions and severities, so that no setting can turn a crash into a clean check."""
    import traceback  # here: only a crash needs it, and every check's start-up would pay for it

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
