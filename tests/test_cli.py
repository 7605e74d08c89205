"""The ``tfagenda`` command: exit codes, output formats, render, rules, help."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AGENDAS, AGENDAS_DIR, REPO, SEED, run

from tfagenda.rules import ALL_RULES

ANSI = re.compile(r"\x1b\[")
README_CODES = (
    "E000 E001 E002 E003 E004 Y001 T001 T002 T003 T004 S001 S002 S003 F001 F002 F003 P001 P002 O001 O002 O003 D001"
).split()

CLEAN = """\
title: Clean meeting
slot: "10:00-10:30"
segments:
  - {title: Intro, start: "10:00", duration: 10, owner: ann}
  - {title: Review, duration: 20, owner: bob}
"""

# A gap (S002) and a missing owner (O001): warnings only.
WARNINGS_ONLY = """\
title: Warnings only
slot: "10:00-10:30"
segments:
  - {title: Intro, start: "10:00", duration: 10, owner: ann}
  - {title: Review, start: "10:15", end: "10:30"}
"""


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    path = tmp_path / "clean.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    return path


@pytest.fixture
def warnings_file(tmp_path: Path) -> Path:
    path = tmp_path / "warnings.yaml"
    path.write_text(WARNINGS_ONLY, encoding="utf-8")
    return path


@pytest.fixture
def agendas_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with a copy of agendas/ in it."""
    shutil.copytree(AGENDAS_DIR, tmp_path / "agendas")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- exit codes ---------------------------------------------------------------------------------


def test_check_agendas_folder_exits_0() -> None:
    result = run("check", str(AGENDAS_DIR))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"All checks passed ({len(AGENDAS)} files).\n"


def test_check_clean_file_exits_0(clean_file: Path) -> None:
    result = run("check", str(clean_file))
    assert result.exit_code == 0, result.output
    assert result.stdout == "All checks passed (1 file).\n"


def test_check_seed_exits_1() -> None:
    assert run("check", str(SEED)).exit_code == 1


def test_check_seed_with_clean_files_still_exits_1() -> None:
    result = run("check", "--format", "json", str(AGENDAS_DIR), str(SEED))
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert ("T001", 8) in [(f["code"], f["line"]) for f in findings if f["path"] == str(SEED)]


def test_warnings_only_exit_0_without_strict_and_1_with(warnings_file: Path) -> None:
    relaxed = run("check", str(warnings_file))
    assert relaxed.exit_code == 0, relaxed.output
    codes = re.findall(r": ([A-Z]\d{3}) \[(\w+)\]", relaxed.stdout)
    assert codes and all(severity == "warning" for _, severity in codes), relaxed.stdout
    assert {code for code, _ in codes} == {"S002", "O001"}
    strict = run("check", "--strict", str(warnings_file))
    assert strict.exit_code == 1, strict.output
    assert run("check", str(warnings_file), "--strict", "--format", "json").exit_code == 1


def test_nonexistent_path_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run("check", str(missing))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr
    assert result.stdout == ""


def test_nonexistent_path_with_existing_one_exits_2(tmp_path: Path) -> None:
    assert run("check", str(SEED), str(tmp_path / "nope.yaml")).exit_code == 2


def test_render_nonexistent_path_exits_2(tmp_path: Path) -> None:
    assert run("render", str(tmp_path / "nope.yaml")).exit_code == 2


@pytest.mark.parametrize(
    "args", [["check", "--bogus"], ["render", "--bogus"], ["rules", "--bogus"], ["--bogus"]]
)
def test_unknown_option_exits_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_unknown_format_exits_2() -> None:
    assert run("check", str(SEED), "--format", "xml").exit_code == 2
    assert run("render", str(SEED), "--format", "pdf").exit_code == 2


def test_unknown_rule_exits_2() -> None:
    result = run("rule", "X999")
    assert result.exit_code == 2
    assert "no rule 'X999'" in result.stderr
    assert result.stdout == ""


def test_folder_without_agenda_files_exits_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not an agenda\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "no agenda files" in result.stderr


def test_unreadable_agenda_file_is_an_error_not_a_pass(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "E001" in result.stdout


# --- the default agendas/ folder ----------------------------------------------------------------


def test_check_defaults_to_agendas_folder(agendas_cwd: Path) -> None:
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"All checks passed ({len(AGENDAS)} files).\n"


def test_check_default_folder_reports_relative_paths(agendas_cwd: Path) -> None:
    bad = CLEAN.replace("duration: 10, owner: ann", 'end: "09:55", duration: 10, owner: ann')
    (agendas_cwd / "agendas" / "zz-bad.yaml").write_text(bad, encoding="utf-8")
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)
    assert finding["path"] == "agendas/zz-bad.yaml"
    assert (finding["code"], finding["line"], finding["fix"]["value"]) == ("T001", 4, "10:10")


def test_render_defaults_to_every_agenda_in_date_order(agendas_cwd: Path) -> None:
    result = run("render", "--format", "md")
    assert result.exit_code == 0, result.output
    titles = re.findall(r"^## (.+)$", result.stdout, flags=re.MULTILINE)
    assert titles[0] == "AI 복지·돌봄 혁신 추진단(TF) 제4차 회의"
    assert titles[1] == "돌봄기술 혁신 포럼 2026"
    assert "Platform team weekly" in titles
    order = [result.stdout.index(t) for t in ("AI 복지·돌봄", "돌봄기술 혁신 포럼", "Platform team weekly")]
    assert order == sorted(order)


@pytest.mark.parametrize("command", ["check", "render"])
def test_no_agendas_folder_is_a_usage_error(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(command)
    assert result.exit_code == 2
    assert "agendas/" in result.stderr and "here" in result.stderr
    assert result.stdout == ""


# --- check --format json ------------------------------------------------------------------------


def test_json_output_fields() -> None:
    result = run("check", "--format", "json", str(SEED))
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and len(findings) == 1
    for item in findings:
        for key in (
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "code",
            "name",
            "severity",
            "message",
            "fix",
            "related",
        ):
            assert key in item, key
        assert isinstance(item["line"], int) and item["line"] >= 1
        assert isinstance(item["column"], int) and item["column"] >= 1
        assert (item["end_line"], item["end_column"]) > (item["line"], item["column"])
        assert item["severity"] in ("error", "warning")
        assert item["fix"] is None or {"description", "value"} <= set(item["fix"])
    (seed,) = findings
    assert seed["path"] == str(SEED)
    assert (seed["line"], seed["column"], seed["end_line"], seed["end_column"]) == (8, 27, 8, 34)
    assert (seed["code"], seed["name"], seed["severity"]) == ("T001", "end-before-start", "error")
    assert seed["fix"] == {
        "description": "set end to 16:35",
        "value": "16:35",
        "applicability": "safe",
        "edits": [{"line": 8, "column": 28, "end_line": 8, "end_column": 33, "text": "16:35"}],
    }
    assert seed["related"] == []


def test_json_output_of_clean_files_is_an_empty_array() -> None:
    result = run("check", "--format", "json", str(AGENDAS_DIR))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_json_output_with_warnings(warnings_file: Path) -> None:
    findings = json.loads(run("check", "-f", "json", str(warnings_file)).stdout)
    assert sorted(f["code"] for f in findings) == ["O001", "S002"]
    for item in findings:
        assert item["fix"] is None or isinstance(item["fix"]["description"], str)


def test_json_keeps_hangul_readable_or_escaped_consistently() -> None:
    # Whatever the escaping, the JSON must round-trip to the same message.
    findings = json.loads(run("check", "--format", "json", str(SEED)).stdout)
    assert "16:35" in findings[0]["message"]


# --- check --format text ------------------------------------------------------------------------


def test_text_output_shape() -> None:
    result = run("check", str(SEED), env={"COLUMNS": "120"})  # wide enough for the whole line
    lines = result.stdout.split("\n")
    assert lines[0] == (
        f"{SEED}:8:27: T001 [*] [error] end 16:05 is before start 16:30; "
        "the 5-minute duration and the next segment's start both say 16:35"
    )
    assert re.fullmatch(r"(.+):(\d+):(\d+): ([A-Z]\d{3})( \[\*\])? \[(error|warning)\] .+", lines[0])
    source = SEED.read_text(encoding="utf-8").split("\n")[7]
    assert lines[1] == f" 8 | {source}"
    # The caret line underlines "16:05" with its quotes: Hangul before it would count two columns.
    assert lines[2] == "   | " + " " * 26 + "^^^^^^^"
    assert lines[3] == "     = fix (safe): set end to 16:35"
    assert lines[4] == ""
    assert lines[5] == "Found 1 error and 0 warnings in 1 file; 1 with a fix."
    assert result.stdout.endswith(".\n")


def test_text_output_underlines_after_hangul(tmp_path: Path) -> None:
    path = tmp_path / "hangul.yaml"
    path.write_text(
        'title: 회의\nslot: "10:00-10:30"\nsegments:\n'
        '  - {title: 인사말, owner: 차관, start: "10:00", end: "09:55", duration: 10}\n'
        '  - {title: 토론, start: "10:10", end: "10:30", owner: 과장}\n',
        encoding="utf-8",
    )
    result = run("check", str(path))
    assert result.exit_code == 1
    lines = result.stdout.split("\n")
    source_line = lines[1]
    caret_line = lines[2]
    assert source_line.startswith(" 4 | ")
    prefix = source_line[5 : source_line.index('"09:55"')]
    # 인사말 and 차관 are 5 Hangul syllables: each counts two columns.
    assert caret_line.index("^") - 5 == len(prefix) + 5
    assert caret_line.count("^") == len('"09:55"')


def test_text_output_summary_for_warnings(warnings_file: Path) -> None:
    result = run("check", str(warnings_file))
    assert result.stdout.rstrip("\n").split("\n")[-1] == "Found 0 errors and 2 warnings in 1 file."


def test_no_ansi_escapes_off_a_terminal(warnings_file: Path) -> None:
    outputs = [
        run("check", str(SEED)),
        run("check", str(warnings_file)),
        run("check", "--format", "json", str(SEED)),
        run("render", str(SEED)),
        run("render", str(SEED), "--format", "md"),
        run("rules"),
        run("rule", "T001"),
    ]
    for result in outputs:
        assert not ANSI.search(result.stdout), result.stdout
        assert not ANSI.search(result.stderr), result.stderr


def test_force_color_colours_the_text_report() -> None:
    result = run("check", str(SEED), env={"FORCE_COLOR": "1"})
    assert ANSI.search(result.stdout)
    assert not ANSI.search(run("check", str(SEED), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)


def test_json_is_never_coloured() -> None:
    result = run("check", "--format", "json", str(SEED), env={"FORCE_COLOR": "1"})
    json.loads(result.stdout)


# --- render -------------------------------------------------------------------------------------


def test_render_reads_standard_input() -> None:
    text = (REPO / "agendas" / "2026-11-30-platform-team-weekly.yaml").read_text(encoding="utf-8")
    result = run("render", "-", "--format", "md", input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Platform team weekly\n")
    assert "| 10:05–10:20 (15 min) | Incident review " in result.stdout
    assert "[database failover]" in result.stdout


def test_render_table_from_standard_input() -> None:
    result = run("render", "-", input=CLEAN)
    assert result.exit_code == 0, result.output
    assert "Intro" in result.stdout and "10:10–10:30 (20 min)" in result.stdout


def test_render_of_a_file_with_errors_marks_the_row() -> None:
    for fmt in ("table", "md"):
        result = run("render", str(SEED), "--format", fmt)
        assert result.exit_code == 0, result.output
        (marked,) = [line for line in result.stdout.split("\n") if "⚠ T001" in line and "16:30–16:35" in line]
        assert "참석자 소개 및 인사말" in marked


def test_render_md_lists_findings_below_the_table() -> None:
    result = run("render", str(SEED), "--format", "md")
    assert "- ⚠ 8행: T001 [error] end 16:05 is before start 16:30" in result.stdout


def test_render_of_an_unreadable_agenda_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    result = run("render", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "cannot render" in result.stderr and "E001" in result.stderr


def test_render_of_unreadable_standard_input_exits_1() -> None:
    result = run("render", "-", input="just a string\n")
    assert result.exit_code == 1
    assert "E002" in result.stderr


def test_render_is_not_wrapped_at_80_columns() -> None:
    path = str(REPO / "agendas" / "2026-11-30-platform-team-weekly.yaml")
    piped = run("render", path).stdout.split("\n")  # no terminal, no COLUMNS: 100 columns
    assert 80 < max(len(line) for line in piped) <= 100
    # Given the room, nothing is wrapped.
    lines = run("render", path, env={"COLUMNS": "200"}).stdout.split("\n")
    assert any("INC-2231 [database failover] and INC-2240" in line for line in lines)
    row_lines = [line for line in lines if line.startswith("│")]
    assert len(row_lines) == 8  # one line per segment and part: nothing wrapped


# --- rules and rule -----------------------------------------------------------------------------


def test_rules_lists_every_code() -> None:
    result = run("rules")
    assert result.exit_code == 0
    listed = re.findall(r"^([A-Z]\d{3}) ", result.stdout, flags=re.MULTILINE)
    assert listed == [rule.code for rule in ALL_RULES]
    assert set(README_CODES) <= set(listed)
    assert len(README_CODES) == 22
    for rule in ALL_RULES:
        assert re.search(
            rf"^{rule.code}\s+{re.escape(rule.name)}\s+{rule.severity}\s", result.stdout, flags=re.MULTILINE
        )


@pytest.mark.parametrize("name", ["T001", "t001", "end-before-start"])
def test_rule_prints_its_doc(name: str) -> None:
    result = run("rule", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "# T001 end-before-start (error, fix: yes)\n\nA segment ends before it starts."
    )
    assert "## Example" in result.stdout and "## Fix (safe)" in result.stdout
    assert "16:35" in result.stdout


@pytest.mark.parametrize("code", [rule.code for rule in ALL_RULES])
def test_every_rule_has_a_doc(code: str) -> None:
    result = run("rule", code)
    assert result.exit_code == 0
    assert "## Example" in result.stdout or "## Fix" in result.stdout


# --- help ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["check"], ["render"], ["rules"], ["rule"]])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_for_every_command(command: list[str], flag: str) -> None:
    result = run(*command, flag)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert not ANSI.search(result.stdout)


def test_help_lists_the_commands_and_examples() -> None:
    top = run("--help").stdout
    for command in ("check", "render", "rules", "rule"):
        assert re.search(rf"^\s+{command}\b", top, flags=re.MULTILINE), top
    assert "tfagenda check meeting.yaml --strict" in run("check", "--help").stdout
    assert "tfagenda render - --format md" in run("render", "--help").stdout


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "Usage:" in result.output
    assert result.exit_code in (0, 2)


def test_python_dash_m_help() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "tfagenda", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=REPO,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Usage:" in completed.stdout
    assert "check" in completed.stdout


def test_python_dash_m_check_exit_code() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "tfagenda", "check", str(SEED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=REPO,
    )
    assert completed.returncode == 1
    assert "T001" in completed.stdout
    assert "\x1b[" not in completed.stdout
