"""A round of ``check --fix`` runs the rules that fix first (``linter.rules_that_fix``), the others
only when those find nothing (issue 17, target 1). What it fixes and reports must be what whole
checks in every round would give."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AGENDAS_DIR, FIXTURES, SEED

import tfagenda.linter as linter
from tfagenda.config import Settings
from tfagenda.findings import applicable
from tfagenda.fix import fix_rounds
from tfagenda.linter import check_for_fixing, complete_check, rules_that_fix
from tfagenda.load import load_text


def _texts() -> list[tuple[Path, str]]:
    found = []
    for path in sorted({*FIXTURES.rglob("*.yaml"), *AGENDAS_DIR.rglob("*.yaml"), SEED}):
        try:
            found.append((path, path.read_bytes().decode("utf-8").removeprefix("\ufeff")))
        except UnicodeDecodeError:
            continue
    return found


def test_every_fix_comes_from_a_rule_that_says_it_fixes() -> None:
    """A rule's ``fix`` (docs/rules.md's "Fixable") is what picks the rules of a round's first pass."""
    settings = Settings.defaults()
    offered = set()
    for path, text in _texts():
        for finding in check_for_fixing(load_text(text, str(path)), settings).findings:
            if applicable(finding.fix, unsafe=True):
                offered.add(finding.code)
                assert finding.code in rules_that_fix(unsafe=True), (path, finding.code)
            if applicable(finding.fix, unsafe=False):
                assert finding.code in rules_that_fix(unsafe=False), (path, finding.code)
    assert {"T001", "T002", "D001", "Y001", "I001"} <= offered


def test_the_rules_that_fix_then_the_others_are_a_whole_check() -> None:
    settings = Settings.defaults()
    for unsafe in (False, True):
        for path, text in _texts():
            whole = check_for_fixing(load_text(text, str(path)), settings)
            first = check_for_fixing(load_text(text, str(path)), settings, rules_that_fix(unsafe))
            assert first.complete == ("tfagenda:" in text.lower())
            assert {f.code for f in first.findings} <= rules_that_fix(unsafe) or first.complete
            completed = complete_check(first, settings)
            assert (completed.found, completed.findings) == (whole.found, whole.findings), path


def test_a_fix_from_a_rule_that_does_not_say_it_fixes_is_applied(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a rule offer a fix without declaring one, the round is completed and it is applied."""
    expected = {str(path): fix_rounds(text, str(path)) for path, text in _texts()[:60]}
    monkeypatch.setattr(linter, "rules_that_fix", lambda unsafe=False: frozenset({"E001"}))
    for path, text in _texts()[:60]:
        rounds = fix_rounds(text, str(path))
        before = expected[str(path)]
        assert (rounds.text, rounds.fixed, rounds.findings) == (before.text, before.fixed, before.findings), (
            path
        )
