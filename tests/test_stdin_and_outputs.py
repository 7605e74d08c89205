"""``check -`` with ``--stdin-filename``, ``--fix -``, ``--format rdjson`` and ``--output-file`` (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED, run

BROKEN = 'title: x\nsegments:\n  - start: "09:00"\n    end: "08:00"\n    title: a\n    owner: "-"\n'
NAME = "agendas/x.yaml"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agendas").mkdir()
    return tmp_path


def test_stdin_full_format_names_the_stdin_filename(in_tmp: Path) -> None:
    result = run("check", "-", "--stdin-filename", NAME, input=BROKEN)
    assert result.exit_code == 1, result.output
    assert f"{NAME}:4:10: T001 [error]" in result.stdout
    assert "Found 1 error" in result.stdout


def test_stdin_without_a_name_is_dash(in_tmp: Path) -> None:
    result = run("check", "-", "--format", "concise", input=BROKEN)
    assert result.exit_code == 1
    assert result.stdout.startswith("-:4:10: T001")


def test_stdin_json_sarif_github_and_rdjson_carry_the_path(in_tmp: Path) -> None:
    found = json.loads(run("check", "-", "--stdin-filename", NAME, "-f", "json", input=BROKEN).stdout)
    assert [f["path"] for f in found] == [NAME]
    sarif = json.loads(run("check", "-", "--stdin-filename", NAME, "-f", "sarif", input=BROKEN).stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == NAME
    github = run("check", "-", "--stdin-filename", NAME, "-f", "github", input=BROKEN).stdout
    assert github.startswith(f"::error file={NAME},line=4,col=10,")
    rdjson = json.loads(run("check", "-", "--stdin-filename", NAME, "-f", "rdjson", input=BROKEN).stdout)
    assert [d["location"]["path"] for d in rdjson["diagnostics"]] == [NAME]


def test_stdin_uses_the_config_and_per_file_ignores_of_its_name(in_tmp: Path) -> None:
    (in_tmp / "tfagenda.toml").write_text('[per-file-ignores]\n"agendas/x.yaml" = ["T001"]\n')
    ignored = run("check", "-", "--stdin-filename", NAME, input=BROKEN)
    assert ignored.exit_code == 0, ignored.output
    other = run("check", "-", "--stdin-filename", "agendas/y.yaml", input=BROKEN)
    assert other.exit_code == 1


def test_stdin_filename_picks_the_format() -> None:
    sample = (Path(__file__).parent / "fixtures" / "ministry" / "parts.txt").read_bytes()
    as_ministry = run("check", "-", "--stdin-filename", "x.txt", "-f", "json", input=sample)
    as_yaml = run("check", "-", "--stdin-filename", "x.yaml", "-f", "json", input=sample)
    assert json.loads(as_ministry.stdout) == [], as_ministry.stdout
    assert [f["code"] for f in json.loads(as_yaml.stdout)] == ["E001"]


def test_fix_stdin_writes_only_the_fixed_text_to_stdout(in_tmp: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    result = run("check", "--fix", "-", "--stdin-filename", NAME, input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout != text
    assert run("check", "-", "--stdin-filename", NAME, input=result.stdout).exit_code == 0
    assert "All checks passed" in result.stderr
    assert "fixed" in result.stderr


def test_fix_stdin_of_a_clean_agenda_echoes_it(in_tmp: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    fixed = run("check", "--fix", "-", input=text).stdout
    again = run("check", "--fix", "-", input=fixed)
    assert again.stdout == fixed


def test_stdin_is_read_bounded(in_tmp: Path) -> None:
    result = run("check", "-", input=b"a" * (8 * 2**20 + 10))
    assert result.exit_code == 1
    assert "E001" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["-", "agendas"], ["agendas", "--stdin-filename", NAME], ["-", "--diff"]],
    ids=["dash-and-path", "name-without-dash", "diff"],
)
def test_stdin_usage_errors(in_tmp: Path, args: list[str]) -> None:
    result = run("check", *args, input=BROKEN)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_rdjson_shape_and_suggestions(tmp_path: Path) -> None:
    target = tmp_path / "seed.yaml"
    target.write_bytes(SEED.read_bytes())
    document = json.loads(run("check", str(target), "-f", "rdjson").stdout)
    assert document["source"] == {"name": "tfagenda"}
    assert document["severity"] in {"ERROR", "WARNING", "INFO"}
    assert document["diagnostics"]
    for diagnostic in document["diagnostics"]:
        assert set(diagnostic) <= {"message", "location", "severity", "code", "suggestions"}
        assert diagnostic["severity"] in {"ERROR", "WARNING", "INFO"}
        assert diagnostic["location"]["path"] == str(target)
        for end in ("start", "end"):
            position = diagnostic["location"]["range"][end]
            assert position["line"] >= 1 and position["column"] >= 1
        assert set(diagnostic["code"]) == {"value"}
    suggested = [d for d in document["diagnostics"] if "suggestions" in d]
    assert suggested, "the seed has a fix"
    for suggestion in suggested[0]["suggestions"]:
        assert set(suggestion) == {"range", "text"}


def test_rdjson_columns_are_utf8_bytes(in_tmp: Path) -> None:
    text = 'title: 회의\nsegments:\n  - {title: 가나, start: "09:00", end: "08:00", owner: "-"}\n'
    finding = json.loads(run("check", "-", "-f", "json", input=text).stdout)
    diagnostics = json.loads(run("check", "-", "-f", "rdjson", input=text).stdout)["diagnostics"]
    t001 = next(f for f in finding if f["code"] == "T001")
    rd = next(d for d in diagnostics if d["code"]["value"] == "T001")
    line = text.splitlines()[t001["line"] - 1]
    assert rd["location"]["range"]["start"]["column"] == len(line[: t001["column"] - 1].encode()) + 1
    assert rd["location"]["range"]["start"]["column"] > t001["column"]


def test_output_file_gets_the_report(in_tmp: Path) -> None:
    (in_tmp / "agendas" / "x.yaml").write_text(BROKEN)
    result = run("check", "agendas", "-f", "sarif", "--output-file", "out.sarif")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads((in_tmp / "out.sarif").read_text())["runs"][0]["results"]


def test_output_file_refuses_an_input(in_tmp: Path) -> None:
    agenda = in_tmp / "agendas" / "x.yaml"
    agenda.write_text(BROKEN)
    for target in ("agendas/x.yaml", "./agendas/x.yaml"):
        result = run("check", "agendas", "--output-file", target)
        assert result.exit_code == 2
        assert "being checked" in result.stderr
    assert agenda.read_text() == BROKEN


def test_output_file_refuses_an_agenda_of_the_default_folder(in_tmp: Path) -> None:
    agenda = in_tmp / "agendas" / "x.yaml"
    agenda.write_text(BROKEN)
    result = run("check", "-o", "agendas/x.yaml")
    assert result.exit_code == 2
    assert agenda.read_text() == BROKEN
