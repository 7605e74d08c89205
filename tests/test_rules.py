"""Per-rule fixtures: every ``bad*.yaml`` marks the lines where a finding is expected with a
trailing ``# expect: CODE`` (several codes: ``# expect: T001, O001``), and every ``good*.yaml``,
the same agenda corrected, must check clean. "One mistake, one finding": the set of (line, code)
findings of a bad fixture must equal its markers exactly, so an extra finding fails too.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from conftest import rule_fixture_findings

from tfagenda.findings import Applicability
from tfagenda.linter import check_paths, check_text
from tfagenda.rules import RULES

RULES_DIR = Path(__file__).parent / "fixtures" / "rules"
EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>[A-Z]\d{3}(?:\s*,\s*[A-Z]\d{3})*)\s*$")
# E000 (the file cannot be read) cannot be a fixture file; it has its own tests below. E005 is
# about imported (non-YAML) files and is tested with the importers.
NO_FIXTURES = {
    "E000",
    "E005",
    "D002",
    "O004",
    "D003",
    "N001",
    "N002",
}  # found by the frab importer (tests/test_import_frab_layouts.py) and the table importer (tests/test_issue13_leftovers.py)

BAD = sorted(RULES_DIR.glob("*/bad*.yaml"))
GOOD = sorted(RULES_DIR.glob("*/good*.yaml"))


def _id(path: Path) -> str:
    return path.relative_to(RULES_DIR).as_posix()


def expected(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs marked with ``# expect:`` in a fixture."""
    marks = set()
    text = path.read_bytes().decode("utf-8", errors="replace")  # a fixture may be deliberately not UTF-8
    for number, line in enumerate(text.splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            marks.update((number, code.strip()) for code in match["codes"].split(","))
    return marks


def findings_of(path: Path):
    return rule_fixture_findings(path)


def _describe(findings) -> str:
    return "\n".join(f"  {f.line}:{f.column} {f.code} {f.message.say('en')}" for f in findings) or "  (none)"


@pytest.mark.parametrize("path", BAD, ids=_id)
def test_bad_fixture_finds_exactly_the_marked_lines(path: Path) -> None:
    marks = expected(path)
    assert marks, f"{_id(path)} has no '# expect: CODE' marker"
    assert path.parent.name in {code for _, code in marks}, f"{_id(path)} does not expect its own rule"
    findings = findings_of(path)
    found = {(f.line, f.code) for f in findings}
    assert found == marks, f"findings:\n{_describe(findings)}"


@pytest.mark.parametrize("path", GOOD, ids=_id)
def test_good_fixture_is_clean(path: Path) -> None:
    assert not expected(path), f"{_id(path)} is a good fixture but has '# expect:' markers"
    findings = findings_of(path)
    assert findings == [], f"findings:\n{_describe(findings)}"


def test_every_rule_has_bad_and_good_fixtures() -> None:
    missing = []
    for code in RULES:
        if code in NO_FIXTURES:
            continue
        folder = RULES_DIR / code
        if not list(folder.glob("bad*.yaml")):
            missing.append(f"{code}/bad*.yaml")
        if not list(folder.glob("good*.yaml")):
            missing.append(f"{code}/good*.yaml")
    assert not missing, f"rules without fixtures: {', '.join(missing)}"


def test_fixture_folders_are_rule_codes() -> None:
    assert {p.name for p in RULES_DIR.iterdir() if p.is_dir()} <= set(RULES) - NO_FIXTURES


# E000: a file that cannot be read.


def test_e000_missing_file(tmp_path: Path) -> None:
    # check_paths refuses a path that does not exist before reading it; the loader itself reports E000.
    from tfagenda.linter import check_loaded
    from tfagenda.load import load_file

    findings = check_loaded(load_file(tmp_path / "nowhere.yaml"))
    assert [(f.code, f.line, f.column) for f in findings] == [("E000", 1, 1)]
    assert findings[0].message.say("en").startswith("cannot read the file: ")
    assert findings[0].fix is None


def test_e000_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "agenda.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    result = check_paths([link])
    assert [(f.code, f.line) for f in result.findings] == [("E000", 1)]
    assert result.exit_code() == 1


def test_e000_directory(tmp_path: Path) -> None:
    from tfagenda.linter import check_loaded
    from tfagenda.load import load_file

    (tmp_path / "agenda.yaml").mkdir()
    findings = check_loaded(load_file(tmp_path / "agenda.yaml"))
    assert [f.code for f in findings] == ["E000"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root (or Windows) reads any file")
def test_e000_not_permitted(tmp_path: Path) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text(
        'title: x\nsegments:\n  - {title: a, start: "09:00", duration: 5, owner: "-"}\n', encoding="utf-8"
    )
    path.chmod(0)
    try:
        findings = check_paths([path]).findings
    finally:
        path.chmod(0o600)
    assert [(f.code, f.line) for f in findings] == [("E000", 1)]
    assert "ermission" in findings[0].message.say("en")


# Messages and fixes of the key cases.


def _one(path: str, code: str):
    findings = [f for f in findings_of(RULES_DIR / path) if f.code == code]
    assert len(findings) == 1, _describe(findings)
    return findings[0]


def test_t001_seed_message_and_safe_fix() -> None:
    finding = _one("T001/bad-seed.yaml", "T001")
    assert finding.message.say("en") == (
        "end 16:05 is before start 16:30; the 5-minute duration and the next segment's start both say 16:35"
    )
    assert finding.fix is not None
    assert finding.fix.value == "16:35"
    assert finding.fix.applicability is Applicability.SAFE
    (edit,) = finding.fix.edits
    line = (RULES_DIR / "T001/bad-seed.yaml").read_text(encoding="utf-8").splitlines()[edit.span.line - 1]
    assert line[edit.span.column - 1 : edit.span.end_column - 1] == "16:05"
    assert edit.text == "16:35"
    # The finding points at the end value, inside its line.
    assert (finding.line, finding.column) == (edit.span.line, edit.span.column - 1)


def test_seed_as_printed_is_the_one_t001() -> None:
    findings = check_paths([Path(__file__).parent / "fixtures" / "seed-as-printed.yaml"]).findings
    assert [(f.code, f.line, f.fix.value) for f in findings] == [("T001", 8, "16:35")]


def test_t001_tie_has_no_fix_and_lists_candidates() -> None:
    finding = _one("T001/bad-tie.yaml", "T001")
    assert finding.fix is None
    assert "no repair is clearly best" in finding.message.say("en")
    assert finding.message.say("en").endswith("no repair is clearly best: end 10:20 or start 09:40")


def test_t002_repair_is_duration_respelled() -> None:
    finding = _one("T002/bad-duration-wrong.yaml", "T002")
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert finding.fix.value == 30  # written as the file wrote it: a plain number
    assert finding.message.say("en").endswith(
        "the previous segment's end and the next segment's start agree with 10:05–10:35: duration 30 minutes"
    )
    assert [e.text for e in finding.fix.edits] == ["30"]


def test_t002_respells_in_the_authors_notation() -> None:
    finding = _one("T002/bad-korean.yaml", "T002")
    assert finding.fix is not None and finding.fix.value == "'20"


def test_t002_tie_has_no_fix() -> None:
    finding = _one("T002/bad-tie.yaml", "T002")
    assert finding.fix is None
    assert "no repair is clearly best" in finding.message.say("en")


def test_t002_unsafe_when_only_some_neighbours_agree() -> None:
    finding = _one("T002/bad-unsafe.yaml", "T002")
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE


def test_d001_fix_keeps_the_language() -> None:
    korean = _one("D001/bad-korean.yaml", "D001")
    assert korean.fix is not None and korean.fix.value == "목"
    assert korean.fix.applicability is Applicability.SAFE
    assert [e.text for e in korean.fix.edits] == ["목"]
    english = _one("D001/bad-english.yaml", "D001")
    assert english.fix is not None and english.fix.value == "Thu"
    assert "a Thursday" in english.message.say("en")


def test_d001_long_forms() -> None:
    findings = [f for f in findings_of(RULES_DIR / "D001/bad-days.yaml") if f.code == "D001"]
    assert [f.fix.value for f in findings] == ["화요일", "Wednesday"]


def test_y001_fix_is_safe_and_quotes_the_time() -> None:
    findings = [f for f in findings_of(RULES_DIR / "Y001/bad.yaml") if f.code == "Y001"]
    assert findings
    for finding in findings:
        assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
        (edit,) = finding.fix.edits
        assert edit.text == f'"{finding.fix.value}"'
        assert re.fullmatch(r'"\d{1,2}:\d{2}"', edit.text)
    slot = [f for f in findings if f.message.say("en").startswith("slot start 14:00 is unquoted")]
    assert slot and "the number 840" in slot[0].message.say("en")
    duration = [f for f in findings if f.message.say("en").startswith("duration 1:05")]
    assert duration and "Read here as the duration 1:05 (65 minutes)" in duration[0].message.say("en")


def test_y001_applying_the_fixes_gives_the_good_fixture() -> None:
    text = (RULES_DIR / "Y001/bad.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    findings = sorted(check_text(text), key=lambda f: (f.line, -f.column))
    for finding in findings:
        (edit,) = finding.fix.edits
        assert edit.span.line == edit.span.end_line
        row = lines[edit.span.line - 1]
        lines[edit.span.line - 1] = row[: edit.span.column - 1] + edit.text + row[edit.span.end_column - 1 :]
    fixed = "\n".join(lines)
    assert check_text(fixed) == []


def test_e003_names_both_lines() -> None:
    finding = _one("E003/bad.yaml", "E003")
    lines = sorted(line for line, _ in expected(RULES_DIR / "E003/bad.yaml"))
    first = lines[0] - 1  # the first 'end' is the line before the marked duplicate
    assert f"on lines {first} and {lines[0]}" in finding.message.say("en")


def test_e003_twice_on_one_line_names_the_line_once() -> None:
    (finding,) = [
        f
        for f in check_text('title: t\nsegments:\n  - {title: a, title: b, owner: "-"}\n')
        if f.code == "E003"
    ]
    assert (
        finding.message.say("en")
        == "key 'title' is given twice on line 3; the second is ignored: remove one of them"
    )
    assert "한 줄에 두 번" in finding.message.say("ko")


def test_e002_unknown_key_did_you_mean() -> None:
    finding = _one("E002/bad-unknown-key.yaml", "E002")
    assert "unknown key 'duraton'" in finding.message.say("en")
    assert "did you mean 'duration'?" in finding.message.say("en")
    assert finding.fix is not None and finding.fix.value == "duration"
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY


def test_o002_close_match() -> None:
    finding = _one("O002/bad.yaml", "O002")
    assert (
        finding.message.say("en") == "owner '복지정책과 과장' is not in people; did you mean '복지정책과장'?"
    )


def test_o003_names_the_other_booking() -> None:
    finding = _one("O003/bad-tracks.yaml", "O003")
    assert finding.related and finding.related[0].line < finding.line
    assert f"line {finding.related[0].line}" in finding.message.say("en")


def test_f003_names_the_unplanned_time() -> None:
    finding = _one("F003/bad.yaml", "F003")
    assert finding.message.say("en").endswith("17:35–18:00 is not planned")


def test_t003_counts_the_parts_it_could_not_place() -> None:
    finding = _one("T003/bad-part.yaml", "T003")
    assert finding.message.say("en").endswith("1 part after it cannot be placed either")


def test_d001_message_names_the_real_day() -> None:
    finding = _one("D001/bad-korean.yaml", "D001")
    assert finding.message.say("en") == "weekday 수 does not match 2026-02-26, a Thursday; write 목"


def test_out_of_order_is_not_also_a_gap() -> None:
    findings = findings_of(RULES_DIR / "S003/bad.yaml")
    assert [f.code for f in findings] == ["S003"]


def test_overnight_times_after_the_slot_end_are_next_day() -> None:
    finding = _one("F002/bad-overnight.yaml", "F002")
    assert (
        finding.message.say("en")
        == "'야간 근무 배치' ends at 01:15, 15 minutes after the slot 22:00–01:00 ends"
    )


def test_t001_without_a_repair_has_no_fix() -> None:
    finding = _one("T001/bad-no-repair.yaml", "T001")
    assert (
        finding.message.say("en")
        == "end 08:30 is before start 09:00, and neither neighbour says what it should be"
    )
    assert finding.fix is None


@pytest.mark.parametrize(
    ("written", "right"),
    [
        ("수", "목"),
        ("(수)", "(목)"),
        ("수요일", "목요일"),
        ("Wed", "Thu"),
        ("Wed.", "Thu."),
        ("WED", "THU"),
        ("wednesday", "thursday"),
    ],
)
def test_d001_fix_keeps_the_form(written: str, right: str) -> None:
    text = f'title: x\ndate: 2026-02-26\nweekday: "{written}"\nslot: "16:30-17:00"\nsegments:\n  - {{title: a, duration: 30, owner: "-"}}\n'
    (finding,) = check_text(text)
    assert finding.code == "D001"
    assert finding.fix is not None and finding.fix.value == right
    assert [e.text for e in finding.fix.edits] == [right]
