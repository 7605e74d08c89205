"""Issue 18 items 4-6: commands that finish the job (retime checks its result, F002 advice,
O002's one-match fix, render of many agendas with a broken one, the README's examples)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from tfagenda.commands.retime import retime_file
from tfagenda.findings import Applicability
from tfagenda.linter import check_text
from tfagenda.retime import RetimeError, retime_text

ROOT = Path(__file__).resolve().parent.parent
WEEKLY = ROOT / "agendas" / "2026-11-30-platform-team-weekly.yaml"


def _retime(path: Path, **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = retime_file(str(path), yes=True, out=out, err=err, **options)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def _codes(text: str) -> list[str]:
    return [f.code for f in check_text(text, "a.yaml")]


def test_pack_gap_past_the_slot_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "weekly.yaml"
    shutil.copy(WEEKLY, target)
    before = target.read_bytes()
    with pytest.raises(Exception) as raised:
        _retime(target, pack=True, gap="5m")
    said = str(getattr(raised.value, "message", raised.value))
    assert "25 minutes past the slot's end (11:00)" in said
    assert "--fit" in said
    assert target.read_bytes() == before


def test_pack_gap_refusal_names_the_gap_that_fits() -> None:
    text = WEEKLY.read_text(encoding="utf-8").replace('"10:00-11:00"', '"10:00-11:10"')
    with pytest.raises(RetimeError, match="a gap of at most 2 minutes fits"):
        retime_text(text, "a.yaml", pack=True, gap=5)


def test_pack_gap_with_fit_shrinks_the_gaps_and_checks_clean() -> None:
    text = WEEKLY.read_text(encoding="utf-8").replace('"10:00-11:00"', '"10:00-11:10"')
    new = retime_text(text, "a.yaml", pack=True, gap=5, shrink_gaps=True)
    assert "policy: {gap-tolerance: 2}" in new
    assert 'start: "10:07"' in new  # 5 minutes, then a 2-minute gap
    findings = check_text(new, "a.yaml")
    assert not [f for f in findings if f.severity.value == "error"], findings
    assert "S002" not in _codes(new)


def test_gaps_retime_adds_do_not_raise_s002(tmp_path: Path) -> None:
    target = tmp_path / "weekly.yaml"
    target.write_text(
        WEEKLY.read_text(encoding="utf-8").replace('"10:00-11:00"', '"10:00-11:30"'), encoding="utf-8"
    )
    code, _, err = _retime(target, pack=True, gap="5m")
    assert code == 0, err
    written = target.read_text(encoding="utf-8")
    assert "policy: {gap-tolerance: 5}" in written
    assert _codes(written) == []


def test_an_existing_policy_gets_the_gap_tolerance() -> None:
    text = WEEKLY.read_text(encoding="utf-8").replace(
        'slot: "10:00-11:00"', 'slot: "10:00-11:30"\npolicy:\n  slot-tolerance: 1'
    )
    new = retime_text(text, "a.yaml", pack=True, gap=5)
    assert "policy:\n  gap-tolerance: 5\n  slot-tolerance: 1" in new
    assert _codes(new) == []
    smaller = text.replace("  slot-tolerance: 1", "  gap-tolerance: 3")
    assert "gap-tolerance: 5" in retime_text(smaller, "a.yaml", pack=True, gap=5)


def test_retime_exits_1_when_the_result_has_errors(tmp_path: Path) -> None:
    target = tmp_path / "weekly.yaml"
    shutil.copy(WEEKLY, target)
    code, _, err = _retime(target, shift="+10m")
    assert code == 1
    assert "F002" in err and "tfagenda check" in err


def test_f002_advises_retime_fit() -> None:
    text = WEEKLY.read_text(encoding="utf-8").replace('"10:00-11:00"', '"10:00-10:50"')
    overruns = [f for f in check_text(text, "w.yaml") if f.code == "F002"]
    assert overruns
    for finding in overruns:
        assert finding.fix is not None
        assert finding.fix.applicability == Applicability.DISPLAY_ONLY
        assert "tfagenda retime w.yaml --fit" in finding.fix.description.say("en")


OWNERS = """\
title: T
slot: "10:00-10:30"
people:
  제1차관: {}
  kim: {}
  kit: {}
segments:
  - {title: A, duration: 10, owner: 제1 차관}
  - {title: B, duration: 20, owner: kix}
"""


def test_o002_with_one_close_match_carries_an_unsafe_fix() -> None:
    first, second = [f for f in check_text(OWNERS, "a.yaml") if f.code == "O002"]
    assert first.fix is not None and first.fix.applicability == Applicability.UNSAFE
    assert first.fix.value == "제1차관" and [e.text for e in first.fix.edits] == ["제1차관"]
    # two people one edit away: both named, no fix
    assert second.fix is None
    assert "'kim', 'kit'" in second.message.say("en")


def test_render_of_many_agendas_renders_the_others_and_marks_the_broken_one(tmp_path: Path) -> None:
    from tfagenda.commands.render import render_paths

    folder = tmp_path / "agendas"
    folder.mkdir()
    shutil.copy(WEEKLY, folder / "weekly.yaml")
    (folder / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = render_paths(str(folder), "md", out=out, err=err)
    assert code == 1
    assert "Platform team weekly" in out.getvalue()
    assert "broken.yaml: could not be read" in out.getvalue()
    assert "broken.yaml" in err.getvalue()


def _readme_fix_and_retime_commands() -> list[list[str]]:
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for line in readme.splitlines():
        match = re.match(r"\s*(tfagenda (?:retime|check --fix)\b[^#]*)", line)
        if match and "`" not in match.group(1):
            commands.append(shlex.split(match.group(1))[1:])
    return commands


def test_the_readme_examples_leave_agendas_that_check_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from tfagenda.cli import app

    shutil.copytree(ROOT / "agendas", tmp_path / "agendas")
    monkeypatch.chdir(tmp_path)
    commands = _readme_fix_and_retime_commands()
    assert any(c[:1] == ["retime"] and "--gap" in c for c in commands), commands
    runner = CliRunner()
    for args in commands:
        args = [str(tmp_path / "agendas" / WEEKLY.name) if a == "FILE" else a for a in args]
        runner.invoke(app, args)
        errors = [
            f.code
            for path in sorted((tmp_path / "agendas").glob("*.yaml"))
            for f in check_text(path.read_text(encoding="utf-8"), str(path))
            if f.severity.value == "error"
        ]
        assert errors == [], (args, errors)
