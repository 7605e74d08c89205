"""Output formats of ``tfagenda check --format``: snapshots of each, and the contracts each CI
system relies on (SARIF schema, GitHub workflow-command escaping, GitLab fingerprints, JUnit XML,
JSON Lines)."""

from __future__ import annotations

import copy
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import AGENDAS_DIR, FIXTURES, REPO, check, run, write

from tfagenda.linter import check_paths
from tfagenda.report.github import escape_data, escape_property
from tfagenda.rules import ALL_RULES

CI = FIXTURES / "ci"
FORMATS = ["full", "concise", "json", "json-lines", "github", "sarif", "gitlab", "junit"]
# Paths as given on the command line (relative to the repository), so snapshots do not depend on
# where the repository is checked out.
INPUTS = {
    "seed": ["tests/fixtures/seed-as-printed.yaml"],
    "ci": ["tests/fixtures/ci"],
}
SCHEMA_PATH = REPO.parent / "shared" / "reference" / "sarif-schema-2.1.0.json"


# --------------------------------------------------------------------------------------------
# Snapshots


def _stable_sarif(text: str) -> dict[str, Any]:
    """The SARIF log without the rules' long documentation texts and the tool version, which
    change with every docs edit or release; those are checked against the registry below."""
    log = json.loads(text)
    driver = log["runs"][0]["tool"]["driver"]
    driver["version"] = "<version>"
    for entry in driver["rules"]:
        for key in ("fullDescription", "help"):
            entry[key] = "<rule doc>"
    return log


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(INPUTS))
def test_format_snapshot(fmt: str, name: str, in_repo: Path, snapshot) -> None:  # type: ignore[no-untyped-def]
    result = check(*INPUTS[name], "--format", fmt)
    assert result.exit_code == 1, result.output
    assert result.stderr == ""
    if fmt == "sarif":
        assert json.dumps(_stable_sarif(result.stdout), ensure_ascii=False, indent=2) + "\n" == snapshot
    else:
        assert result.stdout == snapshot


def test_text_is_an_alias_of_full(in_repo: Path) -> None:
    assert check(*INPUTS["ci"], "--format", "text").stdout == check(*INPUTS["ci"], "--format", "full").stdout


def test_ci_fixture_has_what_the_format_tests_need(in_repo: Path) -> None:
    """The multi-finding fixture keeps errors and warnings, fixes, related locations, Hangul and
    a message with %, : and , (if it stops doing so, the format tests stop testing those)."""
    result = check_paths([CI])
    severities = {str(f.severity) for f in result.findings}
    assert severities == {"error", "warning"}
    assert any(f.fix is not None and f.fix.edits for f in result.findings)
    assert any(f.related for f in result.findings)
    assert any(any("\uac00" <= ch <= "\ud7a3" for ch in f.message.say("en")) for f in result.findings)
    assert any(all(c in f.message.say("en") for c in "%:,") for f in result.findings)
    assert len(result.files) == 3 and len(result.sources) == 2  # clean.yaml has no findings


# --------------------------------------------------------------------------------------------
# full and concise


def test_full_shows_excerpt_underline_and_fix(in_repo: Path) -> None:
    out = check(*INPUTS["seed"], "--format", "full").stdout
    lines = out.splitlines()
    assert re.match(
        r"tests/fixtures/seed-as-printed\.yaml:8:27: T001( \[\*\])? \[error\] end 16:05 is before start 16:30",
        lines[0],
    )
    assert lines[1].startswith(' 8 |   - {start: "16:30", end: "16:05"')
    assert lines[2] == "   |                           ^^^^^^^"
    assert lines[3] == "     = fix (safe): set end to 16:35"
    assert lines[-1] == "Found 1 error and 0 warnings in 1 file; 1 with a fix."


def test_concise_is_one_line_per_finding_then_a_summary(in_repo: Path) -> None:
    result = check_paths(INPUTS["ci"])
    out = check(*INPUTS["ci"], "--format", "concise").stdout.splitlines()
    assert len(out) == len(result.findings) + 1
    for line, finding in zip(out, result.findings):
        # " [*]" marks a finding that ``check --fix`` fixes, as ruff marks them
        head = re.escape(f"{finding.path}:{finding.line}:{finding.column}: {finding.code}")
        assert re.fullmatch(
            rf"{head}( \[\*\])? \[{finding.severity}\] {re.escape(finding.message.say('en'))}", line
        ), line
    assert out[-1].startswith("Found 4 errors and 2 warnings in 3 files")


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_quiet_drops_the_summary(fmt: str, in_repo: Path) -> None:
    loud = check(*INPUTS["ci"], "--format", fmt).stdout
    quiet = check(*INPUTS["ci"], "--format", fmt, "--quiet").stdout
    assert "Found" in loud and "Found" not in quiet
    assert loud.startswith(quiet)


# --------------------------------------------------------------------------------------------
# json and json-lines


def test_json_lines_is_one_object_per_line_matching_json(in_repo: Path) -> None:
    array = json.loads(check(*INPUTS["ci"], "--format", "json").stdout)
    out = check(*INPUTS["ci"], "--format", "json-lines").stdout
    assert out.endswith("\n")
    lines = out.splitlines()
    assert len(lines) == len(array) == 6
    objects = [json.loads(line) for line in lines]
    assert all(isinstance(obj, dict) for obj in objects)
    assert objects == array
    assert "박서준" in out  # Hangul kept readable, not \u-escaped


def test_json_lines_of_a_clean_file_is_empty(in_repo: Path) -> None:
    result = check("tests/fixtures/ci/clean.yaml", "--format", "json-lines")
    assert result.exit_code == 0
    assert result.stdout == ""


# --------------------------------------------------------------------------------------------
# github


def _unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command ``::name k=v,k=v::data`` → (name, properties, data), unescaped."""
    assert line.startswith("::")
    head, data = line[2:].split("::", 1)
    name, _, props = head.partition(" ")
    properties = {}
    for item in props.split(","):
        key, _, value = item.partition("=")
        properties[key] = _unescape(value)
    return name, properties, _unescape(data)


def test_github_seed_is_one_error_line_with_the_fix(in_repo: Path) -> None:
    """Done-when: the seed gives one ::error line with file, line, col and the fix in the message."""
    result = check("tests/fixtures/seed-as-printed.yaml", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "::error file=tests/fixtures/seed-as-printed.yaml,line=8,col=27,endLine=8,endColumn=34,title=tfagenda (T001)::"
    )
    assert "set end to 16:35" in lines[0].split("::", 2)[2]


def test_github_warnings_are_warning_commands_and_every_finding_is_one_line(in_repo: Path) -> None:
    result = check_paths(INPUTS["ci"])
    lines = check(*INPUTS["ci"], "--format", "github").stdout.splitlines()
    assert len(lines) == len(result.findings)
    for line, finding in zip(lines, result.findings):
        name, props, data = _parse_command(line)
        assert name == ("error" if str(finding.severity) == "error" else "warning")
        assert props == {
            "file": finding.path,
            "line": str(finding.line),
            "col": str(finding.column),
            "endLine": str(finding.span.end_line),
            "endColumn": str(finding.span.end_column),
            "title": f"tfagenda ({finding.code})",
        }
        assert finding.message.say("en") in data


def test_github_escapes_percent_in_messages_but_not_colons_or_commas(in_repo: Path) -> None:
    out = check(*INPUTS["ci"], "--format", "github").stdout
    gap = next(line for line in out.splitlines() if "(S002)" in line)
    data = gap.split("::", 2)[2]
    assert "집행률 95%25 점검: 인건비, 운영비" in data
    assert "95% " not in data


def test_github_escapes_properties(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "seed-as-printed.yaml", tmp_path / "a,b:c%d 회의.yaml")
    line = check("a,b:c%d 회의.yaml", "--format", "github").stdout.strip()
    assert line.startswith("::error file=a%2Cb%3Ac%25d 회의.yaml,line=8,")
    assert _parse_command(line)[1]["file"] == "a,b:c%d 회의.yaml"


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("two\nlines\r\n", "two%0Alines%0D%0A", "two%0Alines%0D%0A"),
        ("%3A", "%253A", "%253A"),  # an escape sequence in the input is escaped, not kept
    ],
)
def test_github_escaping_matches_the_actions_toolkit(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop
    assert _unescape(prop) == raw


def test_github_is_the_default_on_github_actions(in_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    on_actions = run("check", "tests/fixtures/seed-as-printed.yaml")
    assert on_actions.stdout.startswith("::error file=tests/fixtures/seed-as-printed.yaml,line=8,col=27,")
    explicit = run("check", "tests/fixtures/seed-as-printed.yaml", "--format", "concise")
    assert explicit.stdout.startswith("tests/fixtures/seed-as-printed.yaml:8:27: T001")  # --format still wins
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert run("check", "tests/fixtures/seed-as-printed.yaml").stdout.startswith(
        "tests/fixtures/seed-as-printed.yaml:8:27:"
    )
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert (
        run("check", "tests/fixtures/seed-as-printed.yaml").stdout
        == check("tests/fixtures/seed-as-printed.yaml", "--format", "full").stdout
    )


# --------------------------------------------------------------------------------------------
# sarif


@pytest.fixture(scope="module")
def sarif_validator():  # type: ignore[no-untyped-def]
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SCHEMA_PATH} (../shared/reference/ is absent)")
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-04/")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _assert_valid(validator, text: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    log = json.loads(text)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    return log


def test_sarif_of_the_agendas_folder_validates(sarif_validator, in_repo: Path) -> None:  # type: ignore[no-untyped-def]
    """Done-when: ``tfagenda check agendas/ --format sarif`` validates against the SARIF schema."""
    result = check("agendas/", "--format", "sarif")
    assert result.exit_code == 0, result.output
    log = _assert_valid(sarif_validator, result.stdout)
    assert log["version"] == "2.1.0"
    assert [a["location"]["uri"] for a in log["runs"][0]["artifacts"]] == [
        f"agendas/{p.name}" for p in sorted(AGENDAS_DIR.glob("*.yaml"))
    ]


@pytest.mark.parametrize("name", list(INPUTS))
def test_sarif_with_fixes_and_related_locations_validates(sarif_validator, name: str, in_repo: Path) -> None:  # type: ignore[no-untyped-def]
    log = _assert_valid(sarif_validator, check(*INPUTS[name], "--format", "sarif").stdout)
    results = log["runs"][0]["results"]
    assert any("fixes" in r for r in results)
    if name == "ci":
        assert any("relatedLocations" in r for r in results)


def test_sarif_rules_come_from_the_registry(in_repo: Path) -> None:
    log = json.loads(check(*INPUTS["ci"], "--format", "sarif").stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in ALL_RULES]
    for entry, rule in zip(rules, ALL_RULES):
        assert entry["name"] == rule.name
        assert entry["shortDescription"]["text"] == rule.summary
        assert entry["fullDescription"]["text"] == rule.doc
        assert entry["defaultConfiguration"]["level"] == {"info": "note"}.get(
            str(rule.severity), str(rule.severity)
        )
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_carry_region_level_and_fix(in_repo: Path) -> None:
    findings = check_paths(INPUTS["ci"]).findings
    results = json.loads(check(*INPUTS["ci"], "--format", "sarif").stdout)["runs"][0]["results"]
    assert len(results) == len(findings)
    for result, finding in zip(results, findings):
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == finding.path
        assert location["region"] == {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.span.end_line,
            "endColumn": finding.span.end_column,
        }
        assert result["level"] == str(finding.severity)
        assert result["message"]["text"] == finding.message.say("en")
        if finding.fix is not None and finding.fix.edits:
            (change,) = result["fixes"][0]["artifactChanges"]
            (replacement,) = change["replacements"]
            edit = finding.fix.edits[0]
            assert replacement["insertedContent"]["text"] == edit.text
            assert replacement["deletedRegion"]["startColumn"] == edit.span.column
        else:
            assert "fixes" not in result
        assert len(result.get("relatedLocations", [])) == len(finding.related)


def test_sarif_cross_file_and_odd_files_validate(
    sarif_validator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Related locations in another file, Hangul and spaces in paths (percent-encoded URIs), a
    YAML syntax error, an empty file and a dangling symlink (E000)."""
    monkeypatch.chdir(tmp_path)
    body = 'title: {title}\ndate: 2026-05-04\nslot: "10:00-11:00"\nsegments:\n  - {{title: Talk, start: "{start}", duration: 45, owner: kim}}\n'
    write(tmp_path / "일정 가.yaml", body.format(title="가", start="10:00"))
    write(tmp_path / "b#1.yaml", body.format(title="B", start="10:15"))
    write(tmp_path / "broken.yaml", "title: [unclosed\n")
    write(tmp_path / "empty.yaml", "")
    result = check(".", "--format", "sarif")
    assert result.exit_code == 1
    log = _assert_valid(sarif_validator, result.stdout)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"O003", "E001"}
    related = [loc for r in results for loc in r.get("relatedLocations", [])]
    assert {loc["physicalLocation"]["artifactLocation"]["uri"] for loc in related} == {
        "%EC%9D%BC%EC%A0%95%20%EA%B0%80.yaml",
        "b%231.yaml",
    }
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    log = _assert_valid(sarif_validator, check("dangling.yaml", "--format", "sarif").stdout)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["E000"]


def test_sarif_of_a_clean_file_has_no_results(sarif_validator, in_repo: Path) -> None:  # type: ignore[no-untyped-def]
    result = check("tests/fixtures/ci/clean.yaml", "--format", "sarif")
    assert result.exit_code == 0
    log = _assert_valid(sarif_validator, result.stdout)
    assert log["runs"][0]["results"] == []


def test_sarif_validator_rejects_a_broken_log(sarif_validator, in_repo: Path) -> None:  # type: ignore[no-untyped-def]
    """The validation above can fail: a log with a region starting at line 0 does not validate."""
    log = json.loads(check(*INPUTS["seed"], "--format", "sarif").stdout)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert list(sarif_validator.iter_errors(broken))


# --------------------------------------------------------------------------------------------
# gitlab


def _fingerprints(*args: str) -> list[str]:
    return [issue["fingerprint"] for issue in json.loads(check(*args, "--format", "gitlab").stdout)]


def test_gitlab_issues_have_the_code_quality_fields(in_repo: Path) -> None:
    findings = check_paths(INPUTS["ci"]).findings
    issues = json.loads(check(*INPUTS["ci"], "--format", "gitlab").stdout)
    assert len(issues) == len(findings)
    for issue, finding in zip(issues, findings):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["severity"] == ("major" if str(finding.severity) == "error" else "minor")
        assert issue["location"]["path"] == finding.path
        assert issue["location"]["lines"]["begin"] == finding.line
        assert finding.message.say("en") in issue["description"]


def test_gitlab_fingerprints_are_unique(in_repo: Path, tmp_path: Path) -> None:
    # Two identical lines with the same finding (O001), so only a counter tells them apart.
    twin = write(
        tmp_path / "twin.yaml",
        'title: Twins\nslot: "10:00-10:20"\nsegments:\n'
        '  - {title: Chat, start: "10:00", duration: 10}\n'
        '  - {title: Chat, start: "10:10", duration: 10}\n',
    )
    prints = _fingerprints("tests/fixtures/seed-as-printed.yaml", "tests/fixtures/ci", str(twin))
    assert len(prints) == 9
    assert len(set(prints)) == len(prints)
    assert all(len(p) == 64 and int(p, 16) >= 0 for p in prints)


def test_gitlab_fingerprints_are_stable_across_runs_and_when_lines_shift(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CI, tmp_path / "ci")
    shutil.copy(FIXTURES / "seed-as-printed.yaml", tmp_path / "ci" / "seed.yaml")
    before = _fingerprints("ci")
    assert before == _fingerprints("ci")
    assert len(before) == 7
    for path in (tmp_path / "ci").glob("*.yaml"):
        path.write_text("\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    issues = json.loads(check("ci", "--format", "gitlab").stdout)
    assert [i["fingerprint"] for i in issues] == before  # including O003, whose message names a line
    assert issues[0]["location"]["lines"]["begin"] == 6  # the lines did move


def test_gitlab_fingerprint_changes_when_the_finding_moves_to_another_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "seed-as-printed.yaml", tmp_path / "a.yaml")
    shutil.copy(FIXTURES / "seed-as-printed.yaml", tmp_path / "b.yaml")
    first, second = _fingerprints("a.yaml", "b.yaml", "--select", "T001")  # (not their O003s)
    assert first != second


# --------------------------------------------------------------------------------------------
# junit


def test_junit_parses_and_counts(in_repo: Path) -> None:
    result = check(*INPUTS["ci"], "--format", "junit")
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "tests/fixtures/ci/clean.yaml",
        "tests/fixtures/ci/multi.yaml",
        "tests/fixtures/ci/tracks.yaml",
    ]
    assert root.get("tests") == str(sum(len(s.findall("testcase")) for s in suites)) == "7"
    assert root.get("failures") == "6"
    clean, multi, tracks = suites
    assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
    assert clean.find("testcase/failure") is None
    failures = multi.findall("testcase/failure")
    assert multi.get("failures") == str(len(failures)) == "5"
    assert [f.get("type") for f in failures] == ["D001", "T001", "O001", "S002", "O002"]
    assert "박서준" in failures[-1].get("message", "")
    assert "fix: set end to 14:10" in (failures[1].text or "")
    assert tracks.find("testcase/failure").get("type") == "O003"  # type: ignore[union-attr]


def test_junit_escapes_xml_special_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "x&y.yaml",
        'title: Q\nslot: "10:00-10:20"\nsegments:\n  - {title: "<b> & \\"q\\" ]]>", start: "10:00", duration: 20}\n',
    )
    out = check("x&y.yaml", "--format", "junit").stdout
    root = ET.fromstring(out.encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "x&y.yaml"
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "O001"
    assert '<b> & "q" ]]>' in failure.get("message", "")
