"""Agendas checked together are checked against each other: one person (by id, alias or name) in
two agendas at overlapping times on the same date is O003 in both files. Also the CI options
that choose which files are checked and compared (--with-agenda-dir, --changed-since) and the
ones that shape the output (--statistics, --quiet, --exit-zero)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, check, run, write

from tfagenda.config import Settings
from tfagenda.linter import check_paths


def agenda(title: str, date: str, slot: str, segments: list[str], people: str = "") -> str:
    """A single-meeting agenda; each segment is a flow mapping, one per line (line 5 + people lines on)."""
    text = f'title: {title}\ndate: {date}\nslot: "{slot}"\n'
    if people:
        text += "people:\n" + "".join(f"  {line}\n" for line in people.strip().splitlines())
    text += "segments:\n" + "".join(f"  - {s}\n" for s in segments)
    return text


# Two agendas on 2026-05-04 whose chair (kim) is in both from 10:30 to 10:45.
A = agenda(
    "Board",
    "2026-05-04",
    "10:00-11:00",
    [
        '{title: Opening, start: "10:00", duration: 45, owner: kim}',
        '{title: Review, duration: 15, owner: "-"}',
    ],
)
B = agenda(
    "Budget",
    "2026-05-04",
    "10:30-11:30",
    [
        '{title: Budget, start: "10:30", duration: 30, owner: kim}',
        '{title: Wrap-up, duration: 30, owner: "-"}',
    ],
)


def by_file(result) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {Path(path).name: [f.code for f in result.findings if f.path == path] for path in result.files}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------------------------
# O003 across files


def test_same_chair_overlapping_is_o003_in_both_files(folder: Path) -> None:
    """Done-when: two agendas with the same chair at overlapping times on the same day give O003
    in both files, each naming the other file and line."""
    write(folder / "agendas" / "a.yaml", A)
    write(folder / "agendas" / "b.yaml", B)
    result = check_paths(["agendas"])
    assert by_file(result) == {"a.yaml": ["O003"], "b.yaml": ["O003"]}
    in_a, in_b = result.findings
    assert (in_a.path, in_a.line) == ("agendas/a.yaml", 5)
    assert (in_b.path, in_b.line) == ("agendas/b.yaml", 5)
    assert "agendas/b.yaml:5" in in_a.message.say("en") and "'Budget'" in in_a.message.say("en")
    assert "agendas/a.yaml:5" in in_b.message.say("en") and "'Opening'" in in_b.message.say("en")
    assert "2026-05-04" in in_a.message.say("en") and "10:30–11:00" in in_a.message.say("en")
    assert [(r.path, r.line) for r in in_a.related] == [("agendas/b.yaml", 5)]
    assert [(r.path, r.line) for r in in_b.related] == [("agendas/a.yaml", 5)]
    # the finding points at the owner value in its own file
    line = A.splitlines()[in_a.line - 1]
    assert line[in_a.column - 1 : in_a.span.end_column - 1] == "kim"


def test_cli_reports_o003_in_both_files(folder: Path) -> None:
    write(folder / "a.yaml", A)
    write(folder / "b.yaml", B)
    result = check("a.yaml", "b.yaml", "--format", "concise")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("a.yaml:5:") and "O003" in lines[0] and "(b.yaml:5," in lines[0]
    assert lines[1].startswith("b.yaml:5:") and "O003" in lines[1] and "(a.yaml:5," in lines[1]


def test_each_file_names_the_owner_as_it_writes_it(folder: Path) -> None:
    write(
        folder / "a.yaml",
        A.replace("owner: kim", "owner: chair") + "people:\n  kim: {name: kim, aliases: [chair]}\n",
    )
    write(folder / "b.yaml", B)
    in_a, in_b = check_paths(["a.yaml", "b.yaml"]).findings
    assert in_a.message.say("en").startswith("chair is also in 'Budget'")
    assert in_b.message.say("en").startswith("kim is also in 'Opening'")


@pytest.mark.parametrize(
    ("people_a", "owner_a", "people_b", "owner_b"),
    [
        ("kim: {name: Kim Minji, aliases: [chair]}", "chair", "", "Kim Minji"),  # an alias, known by its name
        ("kim: {name: Kim Minji}", "kim", "", "Kim Minji"),  # a name
        ("kim: {name: Kim Minji}", "kim", "km: {name: Kim Minji}", "km"),  # linked by a shared name
    ],
)
def test_aliases_and_names_across_files(
    folder: Path, people_a: str, owner_a: str, people_b: str, owner_b: str
) -> None:
    write(folder / "a.yaml", A.replace("owner: kim", f'owner: "{owner_a}"') + f"people:\n  {people_a}\n")
    write(
        folder / "b.yaml",
        B.replace("owner: kim", f'owner: "{owner_b}"') + (f"people:\n  {people_b}\n" if people_b else ""),
    )
    assert by_file(check_paths(["a.yaml", "b.yaml"])) == {"a.yaml": ["O003"], "b.yaml": ["O003"]}


def test_owner_lists_across_files(folder: Path) -> None:
    write(folder / "a.yaml", A.replace("owner: kim", "owner: [lee, kim]"))
    write(folder / "b.yaml", B.replace("owner: kim", "owner: [kim, park]"))
    assert by_file(check_paths(["a.yaml", "b.yaml"])) == {"a.yaml": ["O003"], "b.yaml": ["O003"]}


@pytest.mark.parametrize(
    "change_b",
    [
        lambda b: b.replace("2026-05-04", "2026-05-05"),  # another date
        lambda b: b.replace("owner: kim", "owner: lee"),  # another person
        lambda b: b.replace('start: "10:30"', 'start: "10:45"'),  # right after: touching is not overlapping
        lambda b: b.replace("date: 2026-05-04\n", ""),  # no date: not known to be the same day
        lambda b: b.replace("owner: kim", 'owner: "-"'),  # nobody
    ],
    ids=["other-date", "other-person", "touching", "undated", "nobody"],
)
def test_no_double_booking(folder: Path, change_b) -> None:  # type: ignore[no-untyped-def]
    write(folder / "a.yaml", A)
    write(folder / "b.yaml", change_b(B))
    result = check_paths(["a.yaml", "b.yaml"], Settings.defaults().with_selection(select=["O003"]))
    assert result.findings == []


def test_multi_day_file_against_a_single_meeting(folder: Path) -> None:
    forum = (
        "title: Forum\ndays:\n"
        '  - date: 2026-05-03\n    slot: "10:00-11:00"\n    segments:\n'
        '      - {title: Day one, start: "10:00", duration: 60, owner: kim}\n'
        '  - date: 2026-05-04\n    slot: "10:00-11:00"\n    tracks:\n'
        "      - name: Hall\n        segments:\n"
        '          - {title: Keynote, start: "10:00", duration: 60, owner: lee}\n'
        "      - name: Room B\n        segments:\n"
        '          - {title: Workshop, start: "10:40", duration: 20, owner: kim}\n'
    )
    write(folder / "forum.yaml", forum)
    write(folder / "b.yaml", B)
    result = check_paths(["forum.yaml", "b.yaml"])
    assert by_file(result) == {"forum.yaml": ["O003"], "b.yaml": ["O003"]}
    in_forum = next(f for f in result.findings if f.path == "forum.yaml")
    assert in_forum.line == 15 and "b.yaml:5" in in_forum.message.say("en")
    assert "'Workshop'" in next(f for f in result.findings if f.path == "b.yaml").message.say("en")


def test_three_files_each_pair_reported(folder: Path) -> None:
    write(folder / "a.yaml", A)
    write(folder / "b.yaml", B)
    write(folder / "c.yaml", B.replace("Budget", "Audit"))
    result = check_paths(["a.yaml", "b.yaml", "c.yaml"], Settings.defaults().with_selection(select=["O003"]))
    assert by_file(result) == {
        "a.yaml": ["O003", "O003"],
        "b.yaml": ["O003", "O003"],
        "c.yaml": ["O003", "O003"],
    }


def test_same_track_overlap_in_one_file_stays_s001(folder: Path) -> None:
    text = agenda(
        "Overlap",
        "2026-05-04",
        "10:00-11:00",
        [
            '{title: One, start: "10:00", duration: 40, owner: kim}',
            '{title: Two, start: "10:30", duration: 30, owner: kim}',
        ],
    )
    write(folder / "one.yaml", text)
    write(folder / "other.yaml", B.replace("2026-05-04", "2026-06-01"))
    result = check_paths(["one.yaml", "other.yaml"])
    codes = [f.code for f in result.findings]
    assert "S001" in codes and "O003" not in codes


def test_same_file_is_not_compared_with_itself(folder: Path) -> None:
    """A file named twice (relative and absolute), or named and found in a folder, is one file."""
    write(folder / "agendas" / "b.yaml", B)
    assert check_paths(["agendas/b.yaml", str(folder / "agendas" / "b.yaml"), "agendas"]).findings == []
    result = check_paths([str(folder / "agendas" / "b.yaml")], compare_with=["agendas"])
    assert result.findings == [] and len(result.files) == 1


def test_o003_deselected_skips_the_cross_file_check(folder: Path) -> None:
    write(folder / "a.yaml", A)
    write(folder / "b.yaml", B)
    assert [f.code for f in check_paths(["a.yaml", "b.yaml"]).findings] == ["O003", "O003"]
    assert (
        check_paths(
            ["a.yaml", "b.yaml"], Settings.defaults().with_selection(ignore=["double-booked"])
        ).findings
        == []
    )


def test_compare_with_files_are_not_reported_on(folder: Path) -> None:
    write(folder / "a.yaml", A)
    write(folder / "b.yaml", B + "  - {title: Broken, start: 10:70}\n")
    result = check_paths(["a.yaml"], compare_with=["b.yaml"])
    assert result.files == ["a.yaml"]
    assert [(f.path, f.code) for f in result.findings] == [("a.yaml", "O003")]


def test_unreadable_files_do_not_break_the_comparison(folder: Path) -> None:
    write(folder / "a.yaml", A)
    write(folder / "b.yaml", B)
    write(folder / "broken.yaml", "title: [unclosed\n")
    result = check_paths(["."])
    assert by_file(result) == {"a.yaml": ["O003"], "b.yaml": ["O003"], "broken.yaml": ["E001"]}


# --------------------------------------------------------------------------------------------
# --with-agenda-dir (the pre-commit hook)


def test_with_agenda_dir_compares_a_named_file_with_the_folder(folder: Path) -> None:
    write(folder / "agendas" / "a.yaml", A)
    write(folder / "agendas" / "b.yaml", B)
    alone = check("agendas/b.yaml", "--format", "concise")
    assert alone.exit_code == 0, alone.output
    result = check("agendas/b.yaml", "--with-agenda-dir", "--format", "concise")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # b only: a is compared with, not reported on
    assert lines[0].startswith("agendas/b.yaml:5:") and "(agendas/a.yaml:5," in lines[0]
    assert lines[1].startswith("Found 1 error and 0 warnings in 1 file")


def test_with_agenda_dir_given_an_absolute_name_does_not_compare_the_file_with_itself(folder: Path) -> None:
    write(folder / "agendas" / "b.yaml", B)
    result = check(str(folder / "agendas" / "b.yaml"), "--with-agenda-dir")
    assert result.exit_code == 0, result.output


def test_with_agenda_dir_uses_the_configured_folder(folder: Path) -> None:
    write(folder / "tfagenda.toml", 'agenda-dir = "schedules"\n')
    write(folder / "schedules" / "a.yaml", A)
    write(folder / "new" / "b.yaml", B)
    result = check("new/b.yaml", "--with-agenda-dir", "--format", "concise")
    assert result.exit_code == 1
    assert "(schedules/a.yaml:5," in result.stdout


def test_with_agenda_dir_without_an_agenda_folder_checks_the_named_files(folder: Path) -> None:
    write(folder / "b.yaml", B)
    assert check("b.yaml", "--with-agenda-dir").exit_code == 0


def test_pre_commit_hook_runs_check_with_agenda_dir() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "tfagenda"]
    assert hook["entry"].split() == ["tfagenda", "check", "--with-agenda-dir"]
    assert hook["language"] == "python"
    assert re.search(hook["files"], "agendas/x.yaml") and not re.search(hook["files"], ".github/ci.yml")


# --------------------------------------------------------------------------------------------
# --changed-since


def _git(repo: Path, *args: str) -> str:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
    )
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def git_repo(folder: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(folder, "init", "-q")
    write(folder / "agendas" / "a.yaml", A)
    write(
        folder / "agendas" / "b.yaml", B.replace("10:30", "10:45").replace("11:30", "11:45")
    )  # no overlap yet
    write(
        folder / "agendas" / "c.yaml",
        agenda("Other", "2026-06-01", "09:00-09:30", ['{title: X, start: "09:00", duration: 20}']),
    )
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "agendas")
    return folder


def test_changed_since_checks_only_changed_files_but_compares_with_the_rest(git_repo: Path) -> None:
    assert check("--format", "concise").exit_code == 0  # c.yaml has only a warning (O001)
    write(git_repo / "agendas" / "b.yaml", B)  # now overlaps a.yaml
    result = check("--changed-since", "HEAD", "--format", "concise")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == ["agendas/b.yaml"]  # not a.yaml, not c.yaml's O001
    assert "O003" in lines[0] and "(agendas/a.yaml:5," in lines[0]
    assert lines[-1].startswith("Found 1 error and 0 warnings in 1 file")


def test_changed_since_a_commit(git_repo: Path) -> None:
    write(git_repo / "agendas" / "b.yaml", B)
    _git(git_repo, "commit", "-q", "-am", "move the budget meeting")
    assert check("--changed-since", "HEAD", "--format", "concise").stdout.startswith(
        "All checks passed (0 files)"
    )
    result = check("--changed-since", "HEAD~1", "--format", "json")
    assert result.exit_code == 1
    assert [(f["path"], f["code"]) for f in json.loads(result.stdout)] == [("agendas/b.yaml", "O003")]


def test_changed_since_includes_new_untracked_agendas(git_repo: Path) -> None:
    write(git_repo / "agendas" / "new.yaml", B.replace("Budget", "New"))
    write(git_repo / "agendas" / "notes.txt", "not an agenda\n")
    result = check("--changed-since", "HEAD", "--format", "json")
    assert {(f["path"], f["code"]) for f in json.loads(result.stdout)} == {("agendas/new.yaml", "O003")}


def test_changed_since_with_nothing_changed_passes(git_repo: Path) -> None:
    result = check("--changed-since", "HEAD")
    assert result.exit_code == 0
    assert "0 files" in result.stdout


def test_changed_since_with_a_named_folder(git_repo: Path) -> None:
    write(git_repo / "agendas" / "b.yaml", B)
    write(
        git_repo / "elsewhere" / "x.yaml", A.replace("Board", "Elsewhere")
    )  # new, but outside the named folder
    result = check("agendas", "--changed-since", "HEAD", "--format", "json")
    assert [(f["path"], f["code"]) for f in json.loads(result.stdout)] == [("agendas/b.yaml", "O003")]


def test_changed_since_with_absolute_paths(git_repo: Path) -> None:
    write(git_repo / "agendas" / "b.yaml", B)
    result = check(str(git_repo / "agendas"), "--changed-since", "HEAD", "--format", "json")
    found = json.loads(result.stdout)
    assert [f["code"] for f in found] == ["O003"]  # b against a, not b against itself


def test_changed_since_deleted_files_are_not_checked(git_repo: Path) -> None:
    (git_repo / "agendas" / "c.yaml").unlink()
    result = check("--changed-since", "HEAD")
    assert result.exit_code == 0, result.output


def test_changed_since_an_unknown_revision_exits_2(git_repo: Path) -> None:
    result = check("--changed-since", "no-such-revision")
    assert result.exit_code == 2
    assert "no-such-revision" in result.stderr


def test_changed_since_outside_a_git_repository_exits_2(folder: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    write(folder / "agendas" / "a.yaml", A)
    env_ceiling = {"GIT_CEILING_DIRECTORIES": str(folder.parent)}
    result = run("check", "--changed-since", "HEAD", env=env_ceiling)
    assert result.exit_code == 2
    assert "--changed-since HEAD" in result.stderr


# --------------------------------------------------------------------------------------------
# --statistics, --quiet, --exit-zero


@pytest.fixture
def mixed(folder: Path) -> Path:
    write(folder / "a.yaml", A)
    write(folder / "b.yaml", B)
    write(
        folder / "c.yaml",
        agenda(
            "Gaps",
            "2026-06-01",
            "09:00-10:00",
            [
                '{title: X, start: "09:00", duration: 20}',
                '{title: Y, start: "09:30", duration: 20}',
                '{title: Z, start: "09:50", end: "09:40", owner: "-"}',
            ],
        ),
    )
    return folder


def test_statistics(mixed: Path) -> None:
    result = check(".", "--statistics")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    rows = [re.split(r"\s+", line.strip(), maxsplit=2) for line in lines[:-1]]
    assert rows == [
        ["2", "O001", "missing-owner"],
        ["2", "O003", "double-booked"],
        ["1", "S002", "gap"],
        ["1", "T001", "end-before-start"],
    ]
    assert lines[-1] == "Found 3 errors and 3 warnings in 3 files; 1 with a fix."
    assert check(".", "--statistics", "--quiet").stdout.splitlines() == lines[:-1]


def test_statistics_of_clean_files(folder: Path) -> None:
    write(folder / "a.yaml", A)
    result = check("a.yaml", "--statistics")
    assert result.exit_code == 0
    assert result.stdout == "All checks passed (1 file).\n"


def test_quiet_prints_only_the_findings(mixed: Path) -> None:
    loud = check(".", "--format", "concise")
    quiet = check(".", "--format", "concise", "--quiet")
    assert quiet.exit_code == loud.exit_code == 1
    assert quiet.stdout == "".join(line + "\n" for line in loud.stdout.splitlines()[:-1])


def test_quiet_with_no_findings_prints_nothing(folder: Path) -> None:
    write(folder / "a.yaml", A)
    result = check("a.yaml", "--quiet")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_exit_zero(mixed: Path) -> None:
    assert check(".").exit_code == 1
    result = check(".", "--exit-zero", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 6
    assert check(".", "--exit-zero", "--strict").exit_code == 0


def test_exit_zero_does_not_hide_usage_errors(folder: Path) -> None:
    assert check("missing.yaml", "--exit-zero").exit_code == 2
    write(folder / "tfagenda.toml", "selct = 1\n")
    write(folder / "a.yaml", A)
    assert check("a.yaml", "--exit-zero").exit_code == 2
