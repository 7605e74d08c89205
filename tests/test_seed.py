"""The agenda that started it all, and the repository's own agendas and docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AGENDAS, REPO, SEED

from tfagenda.findings import Applicability, Finding
from tfagenda.linter import check_paths, check_text
from tfagenda.ruledocs import rules_markdown


def apply_edits(text: str, finding: Finding) -> str:
    """Apply a finding's fix edits (1-based line/column spans) to ``text``."""
    assert finding.fix is not None
    lines = text.split("\n")
    # Apply from the last edit to the first so earlier spans stay valid.
    for edit in sorted(finding.fix.edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        span = edit.span
        assert span.line == span.end_line, "edits in these tests are on one line"
        line = lines[span.line - 1]
        lines[span.line - 1] = line[: span.column - 1] + edit.text + line[span.end_column - 1 :]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def seed_findings() -> list[Finding]:
    return check_text(SEED.read_text(encoding="utf-8"), "seed.yaml")


def test_seed_has_exactly_one_finding(seed_findings: list[Finding]) -> None:
    assert [(f.code, f.line) for f in seed_findings] == [("T001", 8)]


def test_seed_finding_message(seed_findings: list[Finding]) -> None:
    (finding,) = seed_findings
    assert finding.name == "end-before-start"
    assert str(finding.severity) == "error"
    assert finding.message.say("en") == (
        "end 16:05 is before start 16:30; the 5-minute duration and the next segment's start both say 16:35"
    )


def test_seed_finding_points_at_the_end_value(seed_findings: list[Finding]) -> None:
    (finding,) = seed_findings
    line = SEED.read_text(encoding="utf-8").split("\n")[finding.line - 1]
    assert line[finding.column - 1 : finding.span.end_column - 1] == '"16:05"'


def test_seed_fix_is_safe_and_sets_the_end(seed_findings: list[Finding]) -> None:
    (finding,) = seed_findings
    fix = finding.fix
    assert fix is not None
    assert fix.value == "16:35"
    assert fix.applicability is Applicability.SAFE
    assert fix.description.say("en") == "set end to 16:35"


def test_seed_fix_edit_replaces_exactly_the_wrong_time(seed_findings: list[Finding]) -> None:
    (finding,) = seed_findings
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    text = SEED.read_text(encoding="utf-8")
    line = text.split("\n")[edit.span.line - 1]
    assert edit.span.line == edit.span.end_line == 8
    assert line[edit.span.column - 1 : edit.span.end_column - 1] == "16:05"
    assert edit.text == "16:35"


def test_seed_with_fix_applied_checks_clean(seed_findings: list[Finding]) -> None:
    (finding,) = seed_findings
    text = SEED.read_text(encoding="utf-8")
    fixed = apply_edits(text, finding)
    assert '{start: "16:30", end: "16:35", duration: "\'05"' in fixed
    # Only that line changed.
    changed = [i for i, (a, b) in enumerate(zip(text.split("\n"), fixed.split("\n"))) if a != b]
    assert changed == [7]
    assert check_text(fixed) == []


def test_seed_through_check_paths() -> None:
    result = check_paths([SEED])
    assert [(f.code, f.line, f.path) for f in result.findings] == [("T001", 8, str(SEED))]
    assert result.exit_code() == 1


@pytest.mark.parametrize("agenda", AGENDAS, ids=lambda p: p.name)
def test_every_agenda_checks_clean(agenda: Path) -> None:
    findings = check_paths([agenda]).findings
    assert findings == [], "\n".join(f"{f.line}:{f.column} {f.code} {f.message.say('en')}" for f in findings)


def test_agendas_folder_is_not_empty() -> None:
    assert len(AGENDAS) >= 3
    result = check_paths([REPO / "agendas"])
    assert len(result.files) == len(AGENDAS)
    assert result.findings == []
    assert result.exit_code(strict=True) == 0


def test_rule_docs_are_current() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "regenerate with: python -m tfagenda.ruledocs > docs/rules.md"
