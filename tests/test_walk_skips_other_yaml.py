"""A YAML file reached by a folder walk that is plainly not an agenda is skipped with a note;
named on the command line, it is still an error (issue 15 item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run

from tfagenda import discover

WORKFLOW = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
AGENDA = 'title: x\nsegments:\n  - start: "09:00"\n    end: "10:00"\n    title: a\n    owner: "-"\n'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(discover, "_noted", set())
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "meeting.yaml").write_text(AGENDA)
    (tmp_path / "agendas" / "ci.yml").write_text(WORKFLOW)
    return tmp_path


def test_walk_skips_a_workflow_with_a_note(folder: Path) -> None:
    result = run("check", "agendas")
    assert result.exit_code == 0, result.output
    assert "All checks passed (1 file)." in result.stdout
    assert "agendas/ci.yml not checked: not an agenda (its keys are name, on, jobs" in result.stderr


def test_named_workflow_is_still_an_error(folder: Path) -> None:
    result = run("check", "agendas/ci.yml")
    assert result.exit_code == 1
    assert "E002" in result.stdout
    assert "not checked" not in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "- a\n- b\n",  # a list: the loader says what it is
        "{name: x}\n",  # flow style
        "titel: t\nsegmnets: []\n",  # a misspelt agenda
        "# only a comment\n",
        "name: x\ntitle: y\n",  # one agenda key is enough
    ],
    ids=["list", "flow", "misspelt", "comment", "late-title"],
)
def test_anything_less_plain_is_still_checked(folder: Path, text: str) -> None:
    (folder / "agendas" / "ci.yml").write_text(text)
    result = run("check", "agendas", "-f", "json")
    assert "not checked" not in result.stderr
    assert "agendas/ci.yml" in result.stdout


def test_note_is_said_once_with_fix(folder: Path) -> None:
    result = run("check", "--fix", "agendas")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("not checked") == 1
