"""Issue 13 leftovers: the ``info`` severity end to end (N001 twelve-hour-clock), D003 for a date
line that cannot be read, N002 and the year of a date printed without one, room columns as
tracks, and one weekday reader (``tfagenda.weekdays``)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import check, run, write

from tfagenda.findings import Severity
from tfagenda.importers import ministry
from tfagenda.importers.ministry import read
from tfagenda.linter import check_paths
from tfagenda.load import load_file
from tfagenda.lsp.server import _SEVERITY as LSP_SEVERITY
from tfagenda.render import render
from tfagenda.rules import RULES
from tfagenda.schema import WEEKDAY_PATTERN
from tfagenda.weekdays import weekday_index

TWELVE_HOUR = """# Workshop

| Time          | Session   | Speaker |
|---|---|---|
| 11:30 - 12:30 | Talks     | Ann |
| 12:30 - 1:00  | Lunch     | - |
| 1:00 - 2:30   | Workshops | Bob |
"""
NOTE_TEXT = (
    "the table is on a 12-hour clock: 1:00 after 12:30 is read as 13:00 (and the later times as afternoon)"
)


@pytest.fixture
def twelve(tmp_path: Path) -> Path:
    return write(tmp_path / "workshop.md", TWELVE_HOUR)


# --- the info severity -----------------------------------------------------------------------


def test_n001_is_information_said_once_and_the_check_passes(twelve: Path) -> None:
    assert RULES["N001"].severity is Severity.INFO
    result = check_paths([twelve])
    assert [(f.code, f.line, f.column, f.severity) for f in result.findings] == [
        ("N001", 6, 11, Severity.INFO)
    ]
    assert result.exit_code() == 0
    assert result.exit_code(strict=True) == 0  # information never fails a check
    text = check(str(twelve))
    assert text.exit_code == 0
    assert f"{twelve}:6:11: N001 [info] {NOTE_TEXT}" in text.stdout
    assert text.stdout.rstrip().endswith("Found 0 errors, 0 warnings and 1 note in 1 file.")
    assert check(str(twelve), "--strict").exit_code == 0


def test_the_summary_counts_notes_in_korean(twelve: Path) -> None:
    result = check(str(twelve), "--format", "concise", "--lang", "ko")
    assert result.stdout.rstrip().endswith("파일 1개에서 오류 0건, 경고 0건, 알림 1건을 찾았습니다.")
    assert (
        "N001 [info] 표가 오전/오후 없이 12시간제로 적혀 있습니다. 12:30 다음의 1:00을(를) 13:00(으)로"
        in result.stdout
    )


def test_a_summary_without_notes_is_unchanged(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md", TWELVE_HOUR.replace("- 1:00", "- 13:00").replace("1:00 - 2:30", "13:00 - 14:30")
    )
    assert check(str(path)).stdout.rstrip().endswith("All checks passed (1 file).")


def test_machine_formats_say_info_in_their_own_words(twelve: Path) -> None:
    out = json.loads(check(str(twelve), "--format", "json").stdout)
    assert [(f["code"], f["severity"]) for f in out] == [("N001", "info")]
    lines = check(str(twelve), "--format", "json-lines").stdout.splitlines()
    assert [json.loads(line)["severity"] for line in lines] == ["info"]
    sarif = json.loads(check(str(twelve), "--format", "sarif").stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["level"] == "note"
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["N001"]["defaultConfiguration"]["level"] == "note"
    github = check(str(twelve), "--format", "github").stdout
    assert github.startswith("::notice file=") and "title=tfagenda (N001)" in github
    (issue,) = json.loads(check(str(twelve), "--format", "gitlab").stdout)
    assert issue["severity"] == "info"
    rdjson = json.loads(check(str(twelve), "--format", "rdjson").stdout)
    assert rdjson["severity"] == "INFO"
    assert [d["severity"] for d in rdjson["diagnostics"]] == ["INFO"]


def test_junit_lists_a_note_as_a_passing_case(twelve: Path) -> None:
    root = ET.fromstring(check(str(twelve), "--format", "junit").stdout)
    assert root.get("failures") == "0" and root.get("tests") == "1"
    (case,) = root.iter("testcase")
    assert case.find("failure") is None
    output = case.find("system-out")
    assert output is not None and output.text is not None and "N001 [info]" in output.text


def test_a_severity_override_can_raise_or_lower_to_info(tmp_path: Path, twelve: Path) -> None:
    write(tmp_path / "tfagenda.toml", '[severity]\nN001 = "error"\n')
    raised = run("check", "--config", str(tmp_path / "tfagenda.toml"), str(twelve))
    assert raised.exit_code == 1 and "N001 [error]" in raised.stdout
    gap = write(
        tmp_path / "gap.yaml",
        'title: T\nsegments:\n  - {title: A, start: "10:00", end: "10:30", owner: Ann}\n  - {title: B, start: "10:45", end: "11:00", owner: Ann}\n',
    )
    write(tmp_path / "tfagenda.toml", '[severity]\ngap = "info"\n')
    lowered = run("check", "--config", str(tmp_path / "tfagenda.toml"), "--strict", str(gap))
    assert "S002 [info]" in lowered.stdout
    assert lowered.exit_code == 0, (
        lowered.stdout
    )  # a warning turned into information no longer fails --strict


def test_render_lists_a_note_and_the_editor_shows_information(twelve: Path) -> None:
    listed = render(load_file(str(twelve)), "text")
    assert "N001 [info]" in listed
    assert set(LSP_SEVERITY) == set(Severity)
    from lsprotocol import types

    assert LSP_SEVERITY[Severity.INFO] == types.DiagnosticSeverity.Information


# --- N001: the 12-hour reading -----------------------------------------------------------------


def test_a_table_starting_at_one_oclock_is_ambiguous_and_not_moved() -> None:
    text = "# Afternoon clinic\n\n| Time | Session | Who |\n|---|---|---|\n| 1:00 - 2:00 | Intake | Ann |\n| 2:00 - 3:00 | Review | Bob |\n"
    doc = read(text, "m.md")
    (note,) = doc.problems
    assert note.code == "N001" and note.span is not None and (note.span.line, note.span.column) == (5, 3)
    assert note.message.say("en") == (
        "1:00 has no am/pm and the table has no 24-hour time, so it may be morning or afternoon: "
        "it is read as 01:00; if it is in the afternoon, write 13:00"
    )
    assert [s["start"] for s in doc.data["segments"]] == ["1:00", "2:00"]  # not guessed


def test_a_time_going_back_by_hours_is_out_of_order_not_afternoon() -> None:
    # 11:00 after 11:30 would be 23:00 read as afternoon: that is a mistake in the table (S003),
    # not a 12-hour clock.
    text = "# Morning\n\n| Time | Session | Who |\n|---|---|---|\n| 9:00 - 11:30 | A | Ann |\n| 11:00 - 11:45 | B | Bob |\n"
    doc = read(text, "m.md")
    assert doc.problems == []
    assert [s["start"] for s in doc.data["segments"]] == ["9:00", "11:00"]


# --- D003: a date line that cannot be read; N002: the year -------------------------------------

TABLE = "\n| 시간 | 내용 | 담당 |\n|---|---|---|\n| 14:00~15:00 | 회의 | 과장 |\n"


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    day = dt.date(2026, 11, 30)
    monkeypatch.setattr(ministry, "_today", lambda: day)
    return day


def test_an_unreadable_date_line_is_a_warning_and_the_table_is_imported(tmp_path: Path) -> None:
    path = write(tmp_path / "m.md", "# 간담회\n\n- 일시: 2026. 2. 26.(목) 14:00~15:00 (3부제)\n" + TABLE)
    result = check_paths([path])
    assert [(f.code, f.severity) for f in result.findings] == [("D003", Severity.WARNING)]
    assert result.exit_code() == 0 and result.exit_code(strict=True) == 1
    assert load_file(str(path)).agenda is not None


def test_a_yearless_date_takes_the_year_of_the_documents_other_date(today: dt.date) -> None:
    text = "# 보도자료 (2025. 12. 30.)\n\n- 일시: 1. 8.(목) 14:00~15:00\n" + TABLE
    doc = read(text, "m.md")
    assert doc.problems == []
    assert (
        doc.data["date"] == "2026-01-08"
    )  # the December release's January meeting: 8 January 2026 is a Thursday


def test_a_yearless_date_takes_the_year_its_weekday_says(today: dt.date) -> None:
    doc = read("# 간담회\n\n- 일시: 4. 9.(목) 14:00~15:00\n" + TABLE, "m.md")
    (note,) = doc.problems
    assert (note.code, doc.data["date"]) == ("N002", "2026-04-09")
    assert note.message.say("en") == (
        "the date 4. 9. has no year; 2026 is taken, the year in which it falls on its weekday (목)"
    )
    assert RULES["N002"].severity is Severity.INFO


def test_a_yearless_date_without_a_weekday_assumes_this_year_and_says_so(today: dt.date) -> None:
    # (9.19 without a weekday is not read as a date: it may be the time 9:19.)
    doc = read("# 간담회\n\n- 일시: 9월 19일 14:00~15:00\n" + TABLE, "m.md")
    (warning,) = doc.problems
    assert (warning.code, doc.data["date"]) == ("D003", "2026-09-19")
    assert (
        "has no year, and neither the document nor a weekday gives it; 2026 is assumed"
        in warning.message.say("en")
    )


def test_a_yearless_date_whose_weekday_fits_no_nearby_year(tmp_path: Path, today: dt.date) -> None:
    # 9 April is a Wednesday in 2025, a Thursday in 2026 and a Friday in 2027: never a Monday.
    path = write(tmp_path / "m.md", "# 간담회\n\n- 일시: 4. 9.(월) 14:00~15:00\n" + TABLE)
    assert [f.code for f in check_paths([path]).findings] == ["D003", "D001"]


def test_a_yearless_day_section_date(today: dt.date) -> None:
    text = "# 연수\n\n## 1일차 4. 9.(목)\n" + TABLE + "\n## 2일차 4. 10.(금)\n" + TABLE
    doc = read(text, "m.md")
    assert [d["date"] for d in doc.data["days"]] == ["2026-04-09", "2026-04-10"]
    assert [p.code for p in doc.problems] == ["N002", "N002"]


def test_an_ambiguous_day_section_date_is_said() -> None:
    text = "# Summer school\n\n## Day 1 (03/04/2024)\n\n| Time | Session | Who |\n|---|---|---|\n| 09:00 - 10:00 | A | Ann |\n\n## Day 2 (03/05/2024)\n\n| Time | Session | Who |\n|---|---|---|\n| 09:00 - 10:00 | B | Bob |\n"
    doc = read(text.replace("Summer school", "여름 학교"), "m.md")  # Korean: the order is not decided
    assert [p.code for p in doc.problems] == ["D003", "D003"]
    assert all("date" not in day for day in doc.data["days"])


# --- rooms → tracks -----------------------------------------------------------------------------

ROOMS = """# 2026 돌봄 정책 연수

- 일시: 2026. 4. 9.(목) 13:00~17:00

| 시간 | 장소 | 주제 | 발표자 |
|---|---|---|---|
| 13:00~13:30 | 대강당 | 개회 및 기조 강연 | 김민수 |
| 13:30~14:30 | 101호 | 분과 1: 돌봄 인력 | 이영희 |
| 13:30~14:30 | 102호 | 분과 2: 재가 서비스 | 박철수 |
| 14:20~15:00 | 101호 | 분과 1 토론 | 이영희 |
| 14:30~15:00 | 102호 | 분과 2 토론 | 박철수 |
| 15:00~15:20 |  | 휴식 |  |
"""


def test_a_room_column_gives_one_track_per_room_in_order(tmp_path: Path) -> None:
    doc = read(ROOMS, "m.md")
    assert doc.problems == []
    (day,) = doc.data["days"]
    assert (day["date"], day["weekday"], day["slot"]) == ("2026-04-09", "목", "13:00~17:00")
    # A row with no room (the break) is in every room's track.
    assert [(t["name"], [s["title"] for s in t["segments"]]) for t in day["tracks"]] == [
        ("대강당", ["개회 및 기조 강연", "휴식"]),
        ("101호", ["분과 1: 돌봄 인력", "분과 1 토론", "휴식"]),
        ("102호", ["분과 2: 재가 서비스", "분과 2 토론", "휴식"]),
    ]
    # S001 within a track only: 101호 overlaps itself; 101호 and 102호 at the same time do not.
    # (대강당 is empty from 13:30 until the break: S002, as for any room of a multi-track event.)
    path = write(tmp_path / "rooms.md", ROOMS)
    assert [(f.code, f.line) for f in check_paths([path]).findings] == [("S001", 10), ("S002", 12)]


def test_english_room_and_track_headers(tmp_path: Path) -> None:
    text = "# Conf\n\n| Time | Track | Talk | Speaker |\n|---|---|---|---|\n| 10:00 - 10:30 | A | One | Ann |\n| 10:00 - 10:30 | B | Two | Bob |\n"
    doc = read(text, "m.md")
    assert [t["name"] for t in doc.data["days"][0]["tracks"]] == ["A", "B"]
    assert check_paths([write(tmp_path / "c.md", text)]).findings == []


# --- one weekday reader --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["Thurs", "thurs.", "(Thurs)", "Thu", "목", "(목)", "목요일", "Thursday", "TH"]
)
def test_weekday_labels_agree_with_the_schema(label: str) -> None:
    import re

    assert weekday_index(label) == 3
    assert re.fullmatch(WEEKDAY_PATTERN, label)


def test_an_imported_thurs_label_is_a_weekday(tmp_path: Path) -> None:
    text = "# Sync\n\nDate: Thurs, May 9, 2024\n\n| Time | Topic | Who |\n|---|---|---|\n| 10:00 - 10:30 | Review | Ann |\n"
    path = write(tmp_path / "s.md", text)
    loaded = load_file(str(path))
    assert loaded.agenda is not None and loaded.agenda.weekday == "Thurs"
    assert check_paths([path]).findings == []


def test_the_model_does_not_import_notation_at_start_up() -> None:
    import subprocess
    import sys

    code = "import sys, tfagenda.model; print('tfagenda.notation' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_yearless_dotted_date_is_not_read_as_the_time_and_the_slot_is_read(today: dt.date) -> None:
    doc = read("# 간담회\n\n- 일시: 9.19 (토) 14:00~15:00\n" + TABLE, "m.md")
    assert (doc.data["date"], doc.data["weekday"], doc.data["slot"]) == ("2026-09-19", "토", "14:00~15:00")
    assert [p.code for p in doc.problems] == ["N002"]


# --- fixes write a time as the table writes it ----------------------------------------------------


def test_a_fix_in_a_twelve_hour_table_writes_the_tables_notation(tmp_path: Path) -> None:
    text = TWELVE_HOUR.replace("| Speaker |", "| Speaker | Length |").replace(
        "|---|---|---|", "|---|---|---|---|"
    )
    text = text.replace("| Ann |", "| Ann | 60 min |").replace("| - |", "| - | 30 min |")
    text = text.replace("| 1:00 - 2:30   | Workshops | Bob |", "| 1:20 - 2:30   | Workshops | Bob | 90 min |")
    (finding,) = [f for f in check_paths([write(tmp_path / "w.md", text)]).findings if f.code != "N001"]
    assert finding.code == "T002" and finding.fix is not None
    assert finding.fix.value == "13:00"
    # 13:00 written into a 12-hour table would make it a 24-hour one, and every 1:xx morning.
    assert [e.text for e in finding.fix.edits] == ["1:00"]


def test_a_fix_keeps_hours_without_a_leading_zero(tmp_path: Path) -> None:
    text = "# Day\n\n| Time | Session | Who | Length |\n|---|---|---|---|\n| 9:00 - 9:45 | A | Ann | 30 min |\n| 9:30 - 9:50 | B | Bob | 20 min |\n"
    (finding,) = check_paths([write(tmp_path / "d.md", text)]).findings
    assert finding.fix is not None and [e.text for e in finding.fix.edits] == ["9:30"]


def test_respell_time() -> None:
    from tfagenda.notation import respell_time

    assert respell_time("13:05", "12h") == "1:05"
    assert respell_time("12:30", "12h") == "12:30"
    assert respell_time("09:05", "h:mm") == "9:05"
    assert respell_time("09:05", "other") == "09:05"
    assert respell_time("soon", "12h") == "soon"


def test_an_overlap_by_a_minute_does_not_break_the_afternoon_reading() -> None:
    from tfagenda.notation import read_time, read_twelve_hour

    times = [read_time(t) for t in ("12:16", "1:01", "1:00", "1:05")]
    reading = read_twelve_hour([t for t in times if t is not None])
    assert reading.minutes == [736, 781, 780, 785] and reading.moved == 1


def test_a_row_with_no_room_is_in_every_track_and_its_owner_counted_once(tmp_path: Path) -> None:
    text = (
        "# Conf\n\n| Time | Room | Talk | Speaker |\n|---|---|---|---|\n"
        "| 10:00 - 10:30 | A | One | Ann |\n| 10:00 - 10:30 | B | Two | Bob |\n"
        "| 10:30 - 11:00 |  | Keynote | Kim |\n| 11:00 - 11:15 |  | Coffee break | |\n"
        "| 11:15 - 11:45 | A | Three | Cy |\n| 11:15 - 11:45 | B | Four | Di |\n"
    )
    doc = read(text, "m.md")
    tracks = doc.data["days"][0]["tracks"]
    assert [[(s["title"], s.get("owner")) for s in t["segments"]] for t in tracks] == [
        [("One", "Ann"), ("Keynote", "Kim"), ("Coffee break", None), ("Three", "Cy")],
        [("Two", "Bob"), ("Keynote", "-"), ("Coffee break", None), ("Four", "Di")],
    ]
    # No gap in either room, and Kim is not double-booked with himself.
    assert check_paths([write(tmp_path / "c.md", text)]).findings == []
    # The copies are one text: a fix to one is a fix to both (unsafe, as for a YAML alias).
    start = ("days", 0, "tracks", 0, "segments", 1, "start")
    assert doc.shared[start] == [start, ("days", 0, "tracks", 1, "segments", 1, "start")]


def test_a_shared_row_with_a_mistake_is_reported_once(tmp_path: Path) -> None:
    text = (
        "# Conf\n\n| Time | Room | Talk | Speaker |\n|---|---|---|---|\n"
        "| 10:00 - 10:30 | A | One | Ann |\n| 10:00 - 10:30 | B | Two | Bob |\n"
        "| 10:30 - 오후 | | Lunch | |\n"
    )
    assert [f.code for f in check_paths([write(tmp_path / "c.md", text)]).findings] == ["E005"]
