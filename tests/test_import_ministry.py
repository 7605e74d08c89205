"""The Korean ministry agenda format: import (``importers/ministry.py``), ``check`` of the text
itself, ``render --format text`` (``render/ministry.py``) and the ``import`` command.

The press release of 2026-02-26 is read from ``../shared/seed/`` (never copied into the
repository); those tests skip when it is absent. Layout variants are small synthetic fixtures in
``tests/fixtures/ministry/``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import AGENDAS_DIR, FIXTURES, REPO, run

from tfagenda.clock import parse_duration
from tfagenda.findings import Applicability, Severity, Span
from tfagenda.importers import detect_format
from tfagenda.importers.ministry import read
from tfagenda.importers.yamlout import to_yaml
from tfagenda.linter import check_loaded, check_paths, check_text
from tfagenda.load import load_file, load_text
from tfagenda.render import render
from tfagenda.render.rows import build_rows
from tfagenda.rules import RULES
from tfagenda.yamldoc import parse

SEED_DIR = REPO.parent / "shared" / "seed"
PRESS_RELEASE = SEED_DIR / "press-release-2026-02-26.txt"
MINISTRY = FIXTURES / "ministry"
CORRECTED = AGENDAS_DIR / "2026-02-26-ai-welfare-tf-4.yaml"

# The press release's schedule table as printed, with the first row's end corrected to 16:35.
PRESS_RELEASE_TABLE_CORRECTED = [
    "시 간(안)\t내 용\t비고",
    "16:30 ~ 16:35 ('05)\t참석자 소개 및 인사말\t제1차관",
    "16:35 ~ 17:35 ('60)\t복지·돌봄 AI 혁신계획 추진과제 발표 - 반별 20분씩\t반별 발표",
    "17:35 ~ 17:40 ('05)\t향후 일정 공유\t복지정책과장",
    "17:40 ~ 17:55 ('15)\t자유토론\t-",
    "17:55 ~ 18:00 ('05)\t정리 및 마무리\t-",
]


@pytest.fixture(scope="module")
def press_release() -> str:
    if not PRESS_RELEASE.is_file():
        pytest.skip(f"the seed press release is not here ({PRESS_RELEASE}); it lives in ../shared/seed/")
    return PRESS_RELEASE.read_text(encoding="utf-8")


def segments_of(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (s.get("start"), s.get("end"), s.get("duration"), s.get("title"), s.get("owner"))
        for s in data["segments"]
    ]


def text_at(text: str, span: Any) -> str:
    lines = text.split("\n")
    assert span.line == span.end_line
    return lines[span.line - 1][span.column - 1 : span.end_column - 1]


def without_parts(path: Path) -> str:
    """The agenda's YAML without any segment's parts (the press release has none)."""
    data = parse(path.read_text(encoding="utf-8"), str(path)).data
    for segment in data["segments"]:
        segment.pop("parts", None)
    return to_yaml(data)


# ---------------------------------------------------------------------------------------------
# The press release


def test_press_release_imports_as_printed(press_release: str) -> None:
    doc = read(press_release, "press-release.txt")
    assert doc.problems == []
    data = doc.data
    assert {k: data[k] for k in ("title", "date", "weekday", "slot", "venue")} == {
        "title": "AI 복지·돌봄 혁신 추진단(TF) 제4차 회의",
        "date": "2026-02-26",
        "weekday": "목",
        "slot": "16:30~18:00",
        "venue": "서울스퀘어 - 세종 영상연결",
    }
    assert "people" not in data  # 참석자 is not imported: owners are the 비고 column's free text
    assert segments_of(data) == [
        ("16:30", "16:05", "'05", "참석자 소개 및 인사말", "제1차관"),
        ("16:35", "17:35", "'60", "복지·돌봄 AI 혁신계획 추진과제 발표 - 반별 20분씩", "반별 발표"),
        ("17:35", "17:40", "'05", "향후 일정 공유", "복지정책과장"),
        ("17:40", "17:55", "'15", "자유토론", "-"),
        ("17:55", "18:00", "'05", "정리 및 마무리", "-"),
    ]


def test_press_release_spans_are_the_values_in_the_text(press_release: str) -> None:
    doc = read(press_release, "press-release.txt")
    checked = 0
    for at, node in doc.nodes.items():
        value: Any = doc.data
        for step in at:
            value = value[step]
        if isinstance(value, str):
            if at == ("date",):
                assert text_at(press_release, node.inner) == "2026. 2. 26."
            else:
                assert text_at(press_release, node.inner) == value, at
            checked += 1
    assert checked == 5 + 5 * 5
    row = doc.nodes[("segments", 0)].span
    assert (row.line, row.column) == (51, 1)
    assert text_at(press_release, row) == "16:30 ~ 16:05 ('05)\t참석자 소개 및 인사말\t제1차관"


def test_check_of_the_press_release_itself(press_release: str) -> None:
    result = check_paths([str(PRESS_RELEASE)])
    assert [(f.code, f.line, f.column) for f in result.findings] == [("T001", 51, 9)]
    (finding,) = result.findings
    assert finding.path == str(PRESS_RELEASE)
    assert text_at(press_release, finding.span) == "16:05"
    assert finding.fix is not None
    assert finding.fix.value == "16:35"
    assert finding.fix.applicability is Applicability.SAFE
    (edit,) = finding.fix.edits
    assert text_at(press_release, edit.span) == "16:05"
    assert edit.text == "16:35"


def test_cli_check_of_the_press_release_shows_the_source_line(press_release: str) -> None:
    result = run("check", str(PRESS_RELEASE))
    assert result.exit_code == 1
    assert f"{PRESS_RELEASE}:51:9: T001 [" in result.stdout
    assert "16:30 ~ 16:05 ('05)" in result.stdout
    assert "fix (safe): set end to 16:35" in result.stdout
    findings = json.loads(run("check", "--format", "json", str(PRESS_RELEASE)).stdout)
    assert [(f["code"], f["line"], f["column"], f["end_column"]) for f in findings] == [("T001", 51, 9, 14)]


def test_import_of_the_press_release_checks_to_the_one_t001(press_release: str) -> None:
    result = run("import", str(PRESS_RELEASE))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"# Imported from {PRESS_RELEASE} (ministry)")
    findings = check_text(result.stdout, "imported.yaml")
    assert [f.code for f in findings] == ["T001"]
    assert findings[0].fix is not None and findings[0].fix.value == "16:35"
    assert findings[0].fix.applicability is Applicability.SAFE


def test_import_output_snapshot(press_release: str, snapshot, in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run("import", "../shared/seed/press-release-2026-02-26.txt")
    assert result.exit_code == 0
    assert result.stdout == snapshot


def test_render_text_of_the_corrected_agenda_reproduces_the_press_release(press_release: str) -> None:
    printed = [line.rstrip() for line in press_release.split("\n")]
    start = printed.index("시 간(안)\t내 용\t비고")
    as_printed = printed[start : start + 6]
    assert as_printed[1] == "16:30 ~ 16:05 ('05)\t참석자 소개 및 인사말\t제1차관"
    corrected = [as_printed[0], as_printed[1].replace("16:05", "16:35"), *as_printed[2:]]
    assert corrected == PRESS_RELEASE_TABLE_CORRECTED
    assert "- (일시) 2026. 2. 26.(목) 16:30~18:00" in printed
    assert "- (장소) 서울스퀘어 - 세종 영상연결" in printed
    text = render(load_text(without_parts(CORRECTED), "corrected.yaml"), "text")
    lines = text.split("\n")
    assert "- (일시) 2026. 2. 26.(목) 16:30~18:00" in lines
    assert "- (장소) 서울스퀘어 - 세종 영상연결" in lines
    table = lines[lines.index(corrected[0]) :][:6]
    assert table == corrected


# ---------------------------------------------------------------------------------------------
# render --format text


def test_render_text_of_the_corrected_agenda_with_parts() -> None:
    lines = render(load_file(CORRECTED), "text").split("\n")
    table = lines[lines.index(PRESS_RELEASE_TABLE_CORRECTED[0]) :]
    # The press release's rows, in order, with the parts as "- " rows after their segment.
    assert [line for line in table if line and "\t- " not in line] == PRESS_RELEASE_TABLE_CORRECTED
    assert "16:35 ~ 16:55 ('20)\t- 복지행정반\t복지행정지원관" in table


def test_render_text_snapshot(snapshot) -> None:  # type: ignore[no-untyped-def]
    assert render(load_file(CORRECTED), "text") == snapshot


def test_render_text_english_snapshot(snapshot) -> None:  # type: ignore[no-untyped-def]
    text = render(load_file(CORRECTED), "text", lang="en")
    assert "Time\tItem\tOwner" in text
    assert "- (When) 2026. 2. 26.(Thu) 16:30~18:00" in text
    assert text == snapshot


def test_render_text_lists_findings_after_the_table() -> None:
    text = render(load_file(FIXTURES / "seed-as-printed.yaml"), "text")
    # Rows show the resolved times (the repair T001 names), as every render format does; the
    # finding itself is listed under the table so that the draft does not go out looking clean.
    assert "16:30 ~ 16:35 ('05)\t참석자 소개 및 인사말\t제1차관" in text
    assert text.rstrip().split("\n")[-2:] == [
        "※ 점검 결과",
        "- 8행: T001 [error] end 16:05 is before start 16:30; the 5-minute duration and the next segment's start both say 16:35",
    ]


def test_cli_render_text_with_lang_en(in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run("render", str(CORRECTED.relative_to(REPO)), "--format", "text", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Time\tItem\tOwner\n16:30 ~ 16:35 ('05)\t참석자 소개 및 인사말\t제1차관\n" in result.stdout


def _rows(loaded) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    rows = build_rows(loaded, [])
    return [
        (r.depth, r.start, r.end, f"{r.title} - {r.note}" if r.note else r.title, r.owner)
        for day in rows.days
        for r in day.rows
    ]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("parts", [False, True], ids=["parts-free", "with-parts"])
def test_round_trip_render_text_then_import(lang: str, parts: bool) -> None:
    original = load_file(CORRECTED) if parts else load_text(without_parts(CORRECTED), "corrected.yaml")
    text = render(original, "text", lang=lang)
    imported = load_text(text, "rendered.txt")
    assert imported.problems == []
    assert check_loaded(imported) == []
    assert imported.agenda is not None and original.agenda is not None
    assert imported.agenda.title == original.agenda.title
    assert (imported.agenda.date, imported.agenda.slot, imported.agenda.venue) == (
        original.agenda.date,
        original.agenda.slot,
        original.agenda.venue,
    )
    # Times, titles (a note is printed after the title and read back as part of it) and owners.
    assert _rows(imported) == _rows(original)
    if parts:
        assert len(imported.agenda.segments[1].parts) == 3
    # Rendering what was imported gives the same text again.
    assert render(imported, "text", lang=lang) == text


# ---------------------------------------------------------------------------------------------
# Layouts


VARIANTS = {
    "pipe-table.md": (
        {
            "title": "돌봄 데이터 협의체 제2차 회의",
            "date": "2026-03-05",
            "weekday": "목",
            "slot": "10:00∼11:00",
            "venue": "정부세종청사 10동 대회의실",
        },
        [
            ("10:00", "10:05", "5분", "개회 및 인사말", "복지정책과장"),
            ("10:05", "10:45", "40분", "데이터 연계 방안 논의", "돌봄정책과장"),
            ("10:45", "11:00", "15분", "자유토론", "-"),
        ],
    ),
    "space-aligned.txt": (
        {
            "title": "돌봄로봇 실증 점검회의 계획",
            "date": "2026-03-06",
            "weekday": "금",
            "slot": "14:00～15:30",
            "venue": "서울 중앙우체국 회의실",
        },
        [
            ("14:00", "14:10", "10'", "인사말 및 참석자 소개", "돌봄기술혁신팀장"),
            ("14:10", "15:10", "60'", "실증 결과 보고", "-"),
            ("15:10", "15:30", "20'", "질의응답 및 정리", "돌봄기술혁신팀장"),
        ],
    ),
    "no-durations.txt": (
        {
            "title": "AI 윤리 자문회의",
            "date": "2026-03-09",
            "weekday": "월",
            "slot": "09:00-10:00",
            "venue": "세종 영상회의실",
        },
        [
            ("09:00", "09:10", None, "개회", "-"),
            ("09:10", "09:50", None, "윤리 기준안 검토", "사회서비스정책관"),
            ("09:50", "10:00", None, "정리", "-"),
        ],
    ),
    "parts.txt": (
        {
            "title": "AI 복지·돌봄 혁신 추진단(TF) 분과 회의",
            "date": "2026-03-19",
            "weekday": "목",
            "slot": "16:30~17:30",
            "venue": "서울스퀘어",
        },
        [
            ("16:30", "16:35", "'05", "인사말", "제1차관"),
            ("16:35", "17:15", "'40", "분과별 발표", "반별 발표"),
            ("17:15", "17:30", "'15", "자유토론", "-"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_layout_variants(name: str) -> None:
    path = MINISTRY / name
    text = path.read_text(encoding="utf-8")
    assert detect_format(str(path), text) == "ministry"
    doc = read(text, str(path))
    assert doc.problems == []
    overview, segments = VARIANTS[name]
    assert {k: doc.data.get(k) for k in overview} == overview
    assert segments_of(doc.data) == segments
    for at, node in doc.nodes.items():
        value: Any = doc.data
        for step in at:
            value = value[step]
        if isinstance(value, str) and at != ("date",) and at[-1] != "note":
            assert text_at(text, node.inner) == value, (name, at)
    assert check_paths([str(path)]).findings == []


def test_parts_and_continuation_lines() -> None:
    doc = read((MINISTRY / "parts.txt").read_text(encoding="utf-8"), "parts.txt")
    first, talks, _ = doc.data["segments"]
    assert first["note"] == "(영상 메시지 포함)"
    assert [(p["start"], p["end"], p["duration"], p["title"], p["owner"]) for p in talks["parts"]] == [
        ("16:35", "16:55", "'20", "복지행정반", "복지행정지원관"),
        ("16:55", "17:15", "'20", "돌봄반", "사회서비스정책관"),
    ]
    title = doc.nodes[("segments", 1, "parts", 0, "title")].span
    assert (title.line, title.column) == (10, 23)  # after the "- "


def _table(*rows: str, head: str = "- (일시) 2026. 2. 26.(목) 16:30~18:00") -> str:
    return "\n".join(["회의", "", head, "", "시 간(안)\t내 용\t비고", *rows, ""])


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- (일시) 2026. 2. 26.(목) 16:30~18:00", ("2026-02-26", "목", "16:30~18:00")),
        ("○ 일시 : 2026. 2. 26.(목) 16:30∼18:00", ("2026-02-26", "목", "16:30∼18:00")),
        ("- 일시: 2026. 2. 26.(목요일) 16:30 ～ 18:00", ("2026-02-26", "목요일", "16:30 ～ 18:00")),
        ("(일시) 2026년 2월 26일(목) 16:30-18:00", ("2026-02-26", "목", "16:30-18:00")),
        ("□ 일시 : '26. 2. 26.(목) 16:30–18:00", ("2026-02-26", "목", "16:30–18:00")),
        ("- (일시) 2026. 2. 30.(목) 16:30~18:00", ("2026-02-30", "목", "16:30~18:00")),  # never corrected
    ],
)
def test_meeting_line_variants(line: str, expected: tuple[str, str, str]) -> None:
    doc = read(_table("16:30 ~ 16:35 ('05)\t인사말\t-", head=line), "m.txt")
    assert doc.problems == []
    assert (doc.data["date"], doc.data["weekday"], doc.data["slot"]) == expected
    assert text_at(doc.text, doc.nodes[("slot",)].inner) == expected[2]


def test_an_unreadable_meeting_line_is_a_d003_warning_and_the_table_is_imported() -> None:
    doc = read(
        _table("16:30 ~ 16:35 ('05)\t인사말\t-", head="- (일시) 2026. 2. 26.(목) 16:30~18:00 (3부제)"),
        "m.txt",
    )
    (problem,) = doc.problems
    assert problem.code == "D003" and problem.span is not None and problem.span.line == 3
    assert RULES["D003"].severity is Severity.WARNING
    assert doc.data["segments"][0]["title"] == "인사말"


def test_a_meeting_line_with_a_korean_start_time_alone() -> None:
    doc = read(
        _table("16:30 ~ 16:35 ('05)\t인사말\t-", head="- (일시) 2026. 2. 26.(목) 오후 4시 30분"), "m.txt"
    )
    assert doc.problems == []
    assert (doc.data["date"], doc.data["weekday"], "slot" in doc.data) == ("2026-02-26", "목", False)


@pytest.mark.parametrize(
    "cell, start, end, duration",
    [
        ("16:30 ~ 16:35 ('05)", "16:30", "16:35", "'05"),
        ("16:30 ~ 16:35 (5')", "16:30", "16:35", "5'"),
        ("16:30 ~ 16:35 (5분)", "16:30", "16:35", "5분"),
        ("16:30 ~ 16:35 (05분)", "16:30", "16:35", "05분"),
        ("16:30~16:35('05)", "16:30", "16:35", "'05"),
        ("16:30 ∼ 16:35", "16:30", "16:35", None),
        ("16:30～16:35", "16:30", "16:35", None),
        ("16:30 – 16:35 (5분)", "16:30", "16:35", "5분"),
        ("16:30-16:35", "16:30", "16:35", None),
        ("16:30 (5분)", "16:30", None, "5분"),
    ],
)
def test_row_time_variants(cell: str, start: str, end: str | None, duration: str | None) -> None:
    doc = read(_table(f"{cell}\t인사말\t제1차관"), "m.txt")
    assert doc.problems == []
    (segment,) = doc.data["segments"]
    assert (segment.get("start"), segment.get("end"), segment.get("duration")) == (start, end, duration)
    if duration is not None:
        assert parse_duration(duration) == 5
        assert text_at(doc.text, doc.nodes[("segments", 0, "duration")].inner) == duration


@pytest.mark.parametrize(
    "header",
    [
        "시 간(안)\t내 용\t비고",
        "시간\t내용\t비고",
        "| 시 간(안) | 내 용 | 비고 |",
        "시 간      주요 내용      비 고",
        "Time\tItem\tOwner",
    ],
)
def test_header_rows_are_recognised_not_imported(header: str) -> None:
    text = "\n".join(
        ["회의", header, "16:30 ~ 16:35 ('05)\t인사말\t제1차관", "16:35 ~ 16:40 ('05)\t마무리\t-"]
    )
    doc = read(text, "m.txt")
    assert doc.problems == []
    assert [s["title"] for s in doc.data["segments"]] == ["인사말", "마무리"]
    assert doc.data["segments"][0]["owner"] == "제1차관"


def test_a_table_without_a_header() -> None:
    text = "\n".join(
        [
            "회의",
            "",
            "16:30 ~ 16:35 ('05)\t인사말\t제1차관",
            "16:35 ~ 16:40 ('05)\t마무리\t-",
            "",
            "16:40 이후 해산",
        ]
    )
    doc = read(text, "m.txt")
    assert doc.problems == []
    assert segments_of(doc.data) == [
        ("16:30", "16:35", "'05", "인사말", "제1차관"),
        ("16:35", "16:40", "'05", "마무리", "-"),
    ]


def test_no_title_is_not_made_up() -> None:
    text = "- (일시) 2026. 2. 26.(목) 16:30~16:35\n시간\t내용\t비고\n16:30 ~ 16:35\t인사말\t-\n"
    doc = read(text, "m.txt")
    assert "title" not in doc.data
    assert [f.code for f in check_text(text, "m.txt")] == ["E002"]


def test_header_columns_choose_the_owner() -> None:
    text = "\n".join(["회의", "시간\t내용\t발표자\t비고", "16:30 ~ 16:35 ('05)\t인사말\t제1차관\t영상"])
    (segment,) = read(text, "m.txt").data["segments"]
    assert (segment["title"], segment["owner"], segment["note"]) == ("인사말", "제1차관", "영상")


# ---------------------------------------------------------------------------------------------
# Titles


@pytest.mark.parametrize(
    "first_lines, title",
    [
        (["<붙임> AI 복지·돌봄 혁신 추진단(TF) 제4차 회의 개요"], "AI 복지·돌봄 혁신 추진단(TF) 제4차 회의"),
        (["보도자료 제목", "", "[붙임 1] 제4차 회의 개요"], "제4차 회의"),
        (["# 제4차 회의 개요"], "제4차 회의"),
        (["보도자료 제목", "□ **회의 개요**"], "보도자료 제목"),
        (["", "  제4차 회의 계획  "], "제4차 회의 계획"),
    ],
)
def test_title(first_lines: list[str], title: str) -> None:
    text = "\n".join(
        [
            *first_lines,
            "- (일시) 2026. 2. 26.(목) 16:30~18:00",
            "시간\t내용\t비고",
            "16:30 ~ 16:35\t인사말\t-",
        ]
    )
    doc = read(text, "m.txt")
    assert doc.data["title"] == title
    assert text_at(text, doc.nodes[("title",)].inner) == title


# ---------------------------------------------------------------------------------------------
# Unreadable rows


def test_bad_row_is_e005_at_its_line_and_nothing_else() -> None:
    path = MINISTRY / "bad-row.txt"
    result = check_paths([str(path)])
    assert [(f.code, f.line, f.column) for f in result.findings] == [("E005", 8, 1)]
    (finding,) = result.findings
    text = path.read_text(encoding="utf-8")
    assert text_at(text, finding.span) == "15:10 ~ 미정 ('40)"
    assert "15:10 ~ 미정 ('40)" in finding.message.say("en")


def test_cli_check_reports_the_bad_row_with_its_source_line() -> None:
    path = MINISTRY / "bad-row.txt"
    result = run("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:8:1: E005 [error]" in result.stdout
    assert "15:10 ~ 미정 ('40) 현장 의견 청취 -" in result.stdout  # the source line (tabs shown as spaces)


def test_import_with_a_bad_row_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    result = run("import", str(MINISTRY / "bad-row.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{MINISTRY / 'bad-row.txt'}:8:1: E005" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_import_partial_writes_the_rest(tmp_path: Path) -> None:
    result = run("import", str(MINISTRY / "bad-row.txt"), "--partial")
    assert result.exit_code == 1
    assert "# UNREADABLE, line 8 of the source:" in result.stdout
    data = parse(result.stdout).data
    assert [s["title"] for s in data["segments"]] == ["인사말", "현장 의견 청취", "마무리"]
    assert data["segments"][1]["note"] == "time as printed (unreadable): 15:10 ~ 미정 ('40)"
    assert "start" not in data["segments"][1]


def test_text_without_a_table_is_e005() -> None:
    doc = read("회의\n\n- (일시) 2026. 2. 26.(목) 16:30~18:00\n", "m.txt")
    assert doc.data is None
    assert [p.code for p in doc.problems] == ["E005"]
    assert "no schedule table" in doc.problems[0].message.say("en")


def test_detect_format() -> None:
    assert detect_format("<stdin>", "<붙임> 회의 개요\n- (일시) 2026. 2. 26.(목) 16:30-18:00") == "ministry"
    assert detect_format("x.txt", "<붙임> 회의 개요") == "ministry"
    assert detect_format("<stdin>", "title: x\n# 일시 16:30~18:00\nsegments: []\n") == "yaml"
    assert detect_format("<stdin>", "<?xml version='1.0'?><schedule/>") == "frab-xml"


# ---------------------------------------------------------------------------------------------
# The import command


def test_import_to_a_file(tmp_path: Path) -> None:
    source = MINISTRY / "pipe-table.md"
    out = tmp_path / "agenda.yaml"
    to_stdout = run("import", str(source))
    result = run("import", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.yaml"]  # no temporary file left
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()
    out.chmod(0o640)
    assert run("import", str(source), "-o", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    assert check_paths([str(out)]).findings == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_import_from_stdin_with_from() -> None:
    text = (MINISTRY / "no-durations.txt").read_text(encoding="utf-8")
    result = run("import", "-", "--from", "ministry", input=text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Imported from <stdin> (ministry)")
    assert segments_of(parse(result.stdout).data) == VARIANTS["no-durations.txt"][1]


@pytest.mark.parametrize(
    "args",
    [
        ["import", "no-such-file.txt"],
        ["import", "tests/fixtures/ministry"],
        ["import", "agendas/2026-02-26-ai-welfare-tf-4.yaml"],
        ["import", "tests/fixtures/ministry/parts.txt", "--from", "yaml"],
        ["import", "tests/fixtures/ministry/parts.txt", "-o", "no-such-folder/out.yaml"],
        ["import"],
    ],
)
def test_import_usage_problems_exit_2(args: list[str], in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""


# ---------------------------------------------------------------------------------------------
# Tables as people write them (issue 13): header words, columns, notations, markup, real agendas

TABLES = FIXTURES / "tables"
REAL_DIR = REPO.parent / "shared" / "reference" / "real"


def findings_of(path: Path) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in check_paths([str(path)]).findings]


def test_topic_column_is_the_title_and_an_unlabelled_minutes_column_the_duration() -> None:
    path = TABLES / "ko-topic-detail.md"
    doc = read(path.read_text(encoding="utf-8"), str(path))
    assert doc.problems == []
    data = doc.data
    # A date line without a label: date, weekday and slot.
    assert (data["title"], data["date"], data["weekday"], data["slot"]) == (
        "2026년 돌봄 정책 워크숍",
        "2026-04-09",
        "목요일",
        "13:00~17:00",
    )
    assert segments_of(data) == [
        ("13:00", "13:10", "10분", "개회", "-"),
        ("13:10", "14:00", "50분", "1부", "-"),
        ("14:00", "14:10", "10분", "휴식", None),  # the break keeps its title (empty 세부내용)
        ("14:10", "15:00", "40분", "2부", "-"),
        ("15:00", "16:30", "90분", "종합 토론", "-"),
        ("16:30", "17:30", "60분", "폐회 및 네트워킹", "-"),
    ]
    assert data["segments"][0]["note"] == "인사말 및 참석자 소개"
    assert data["segments"][2]["kind"] == "break"
    # T002 checks the 소요 column; the rows overrun the date line's slot (F002).
    assert findings_of(path) == [("T002", 10, 14), ("F002", 12, 8)]
    (t002, _) = check_paths([str(path)]).findings
    assert t002.fix is not None and t002.fix.value == "50분"


def test_number_presenter_and_duration_columns_on_a_12_hour_clock() -> None:
    path = TABLES / "en-12-hour.md"
    doc = read(path.read_text(encoding="utf-8"), str(path))
    # The 12-hour reading is said once, as information, at the first time it moved.
    (note,) = doc.problems
    assert (note.code, note.span) == ("N001", Span(11, 15, 11, 19))
    assert note.message.say("en") == (
        "the table is on a 12-hour clock: 1:00 after 12:30 is read as 13:00 (and the later times as afternoon)"
    )
    data = doc.data
    # The title is the heading above the table, not the URL on the first line; the English
    # date line is read (it used to fail the import).
    assert (data["title"], data["date"], data["weekday"]) == ("Quarterly planning", "2024-05-06", "Monday")
    assert segments_of(data) == [
        ("11:00", "11:30", "30 min", "Welcome", "Dana"),
        ("11:30", "12:30", "60 min", "Roadmap", "Lee"),
        ("12:30", "13:00", "30 min", "Lunch", None),
        ("13:00", "14:15", "60 min", "Hiring plan", "Sam"),
    ]
    # 1:00 after 12:30 is 13:00; its place is the printed 1:00.
    assert text_at(doc.text, doc.nodes[("segments", 2, "end")].inner) == "1:00"
    assert findings_of(path) == [("N001", 11, 15), ("T002", 12, 14)]


def test_korean_time_notations_and_a_table_inside_an_html_comment() -> None:
    path = TABLES / "ko-notations.md"
    doc = read(path.read_text(encoding="utf-8"), str(path))
    assert doc.problems == []
    data = doc.data
    assert (data["title"], data["date"], data["weekday"], data["slot"]) == (
        "제3차 현장 간담회",
        "2025-08-13",
        "목",
        "14:00-16:00",
    )
    assert segments_of(data) == [
        ("14:00", "14:30", "30분", "개회 및 인사말", "복지정책과장"),
        ("14:30", "15:10", "40분", "현장 의견 청취", "돌봄정책과장"),
        ("15:10", "15:50", "40분", "자유토론", "-"),
        ("15:50", "16:00", "10분", "마무리", "복지정책과장"),
    ]
    assert text_at(doc.text, doc.nodes[("segments", 0, "start")].inner) == "오후 2시"
    # '25.8.13. is a Wednesday: D001 reads the label and fixes it in the source.
    (finding,) = check_paths([str(path)]).findings
    assert (finding.code, finding.line, finding.column) == ("D001", 8, 18)
    assert finding.fix is not None and finding.fix.value == "수"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("| # | Time | Talk | Speaker |", ("Talk", "Ann")),
        ("| 연번 | 시간 | 주제 | 발표자 |", ("Talk", "Ann")),
        ("| No. | Time | Topic | Presenter |", ("Talk", "Ann")),
        ("| Time | Session | Chair |", None),
        ("| 시간 | 프로그램 | 사회 |", None),
        ("| 시간 | 내용 | 진행 |", None),
        ("| Time | Description | Lead |", None),
    ],
)
def test_header_words(head: str, expected: tuple[str, str] | None) -> None:
    cells = head.count("|") - 1
    row = "| 1 | 10:00 - 10:30 | Talk | Ann |" if cells == 4 else "| 10:00 - 10:30 | Talk | Ann |"
    blank = "|   | 10:30 - 10:40 | Break | |" if cells == 4 else "| 10:30 - 10:40 | Break | |"
    text = "\n".join(["# Meeting", "", head, "|" + "---|" * cells, row, blank])
    doc = read(text, "m.md")
    assert doc.problems == []
    first, second = doc.data["segments"]
    assert (first["title"], first["owner"]) == ("Talk", "Ann")
    assert (second["start"], second["title"], second.get("kind")) == ("10:30", "Break", "break")


def test_front_matter_style_and_other_tables_are_skipped() -> None:
    text = "\n".join(
        [
            "---",
            "title: Page",
            "---",
            "## Team sync",
            "<style>",
            "| Time | Item |",
            "| 08:00 - 09:00 | styled |",
            "</style>",
            "| Name | Role |",
            "|---|---|",
            "| Ann | Chair |",
            "",
            "| Time | Item | Owner |",
            "|---|---|---|",
            "| 10:00 - 10:30 | Review | Ann |",
        ]
    )
    doc = read(text, "m.md")
    assert doc.problems == []
    assert doc.data["title"] == "Team sync"
    assert segments_of(doc.data) == [("10:00", "10:30", None, "Review", "Ann")]


def test_an_ambiguous_date_is_said_not_guessed() -> None:
    text = "# 회의\n\n- (일시) 11/12/2024 10:00~11:00\n\n| 시간 | 내용 | 담당 |\n|---|---|---|\n| 10:00~11:00 | 회의 | 과장 |\n"
    doc = read(text, "m.md")
    (problem,) = doc.problems
    assert problem.code == "D003" and problem.span is not None and problem.span.line == 3
    assert "2024-11-12 or 2024-12-11" in problem.message.say("en")
    assert "date" not in doc.data
    # English text reads it month first.
    english = (
        text.replace("# 회의", "# Meeting")
        .replace("회의 | 과장", "Talk | Ann")
        .replace("시간 | 내용 | 담당", "Time | Item | Owner")
        .replace("(일시)", "Date:")
    )
    assert read(english, "m.md").data["date"] == "2024-11-12"


def _real(name: str) -> Path:
    path = REAL_DIR / name
    if not path.is_file():
        pytest.skip(f"the real agenda is not here ({path}); it lives in ../shared/reference/real/")
    return path


def test_real_korean_workshop_table() -> None:
    path = _real("ko-dotnet-bicycle-workshop.md")
    doc = read(path.read_text(encoding="utf-8"), str(path))
    assert doc.problems == []
    assert doc.data["title"] == "타임 테이블"  # the heading above the table
    assert segments_of(doc.data) == [
        ("10:00", "10:20", None, "오프닝 및 후원사 소개", ["김진석", "유현아"]),  # two people
        ("10:20", "10:50", None, "Blazor", "김진석"),
        ("11:00", "12:00", None, "Backend & Aspire", "박구삼"),
        ("12:00", "12:45", None, "점심 시간", None),
        ("12:45", "14:15", None, "Uno-Platform", "이재웅"),
        ("14:25", "15:25", None, "Avalonia", "이광석"),
        ("15:35", "17:05", None, "MAUI", "조장원"),
        ("17:10", "17:30", None, "클로징, 경품 추첨, 기념사진", ["김진석", "조동수"]),
    ]
    # The 5- and 10-minute gaps the table does not list are the only findings.
    assert findings_of(path) == [("S002", 37, 7), ("S002", 40, 7), ("S002", 41, 7), ("S002", 42, 7)]


def test_real_english_workshop_programme() -> None:
    path = _real("en-iros2025-workshop-programme.md")
    doc = read(path.read_text(encoding="utf-8"), str(path))
    assert doc.problems == []
    data = doc.data
    assert data["title"] == "Workshop Schedule"
    segments = data["segments"]
    assert len(segments) == 11  # the older table inside <!-- --> is not imported
    assert [(s["start"], s["end"]) for s in segments][:2] == [("09:00", "09:05"), ("09:05", "09:30")]
    assert segments[1]["owner"] == "Kensuke Harada"
    assert segments[1]["title"] == "Realizing robust motion planning for robotic manipulation tasks"
    assert [parse_duration(s["duration"]) for s in segments] == [5, 25, 25, 25, 15, 30, 25, 10, 25, 30, 10]
    assert (segments[5]["title"], segments[5]["kind"]) == ("Break", "break")
    assert findings_of(path) == []


@pytest.mark.parametrize(
    ("name", "days", "findings"),
    [
        (
            "en-day-sections.md",
            [
                ("Day 1 (11/18/2024)", "2024-11-18", None, 5),
                ("Day 2 — Tuesday (11/19/2024)", "2024-11-19", "Tuesday", 3),
            ],
            [("N001", 10, 11)],  # day 1's 12:30 - 1:30; day 2 has no afternoon
        ),
        (
            "ko-day-sections.md",
            [
                ("첫째 날 2026. 4. 9.(목)", "2026-04-09", "목", 3),
                ("2일차 — 2026. 4. 10.(목)", "2026-04-10", "목", 2),
            ],
            [("D001", 11, 23)],
        ),
    ],
)
def test_day_sections_become_days(
    name: str, days: list[tuple[Any, ...]], findings: list[tuple[str, int, int]]
) -> None:
    path = TABLES / name
    doc = read(path.read_text(encoding="utf-8"), str(path))
    notes = [(p.code, p.span.line, p.span.column) for p in doc.problems if p.span is not None]
    assert notes == [f for f in findings if f[0] == "N001"] and len(notes) == len(doc.problems)
    assert doc.data["title"] in ("Robotics summer school", "2026 돌봄 정책 연수")  # not the day heading
    assert [(d["title"], d["date"], d.get("weekday"), len(d["segments"])) for d in doc.data["days"]] == days
    assert findings_of(path) == findings


def test_a_12_hour_clock_restarts_each_day() -> None:
    path = TABLES / "en-day-sections.md"
    data = read(path.read_text(encoding="utf-8"), str(path)).data
    assert [(s["start"], s["end"]) for s in data["days"][0]["segments"]][-2:] == [
        ("12:30", "13:30"),
        ("13:30", "15:00"),
    ]
    assert [(s["start"], s["end"]) for s in data["days"][1]["segments"]] == [
        ("9:00", "10:30"),
        ("10:30", "11:00"),
        ("11:00", "12:00"),
    ]


# ---------------------------------------------------------------------------------------------
# render --format text → import: several days, and owner lists (session 3 leftovers)

SEVERAL_DAYS = """\
title: 돌봄 정책 연수
venue: 세종
days:
  - date: 2026-04-09
    slot: "09:00-10:00"
    segments:
      - {title: 개회, start: "09:00", end: "09:30", owner: [김진석, 유현아]}
      - {title: 발표, start: "09:30", end: "10:00", owner: 박구삼}
  - date: 2026-04-10
    slot: "13:00-14:00"
    venue: 서울
    segments:
      - {title: 토론, start: "13:00", end: "13:40", owner: 김진석}
      - {title: 폐회, start: "13:40", end: "14:00", owner: [이재웅, 조장원]}
"""


def _days(loaded) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    return [(d.title, d.date, d.slot, d.venue, len(d.segments)) for d in loaded.agenda.days]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("titled", [False, True], ids=["untitled-days", "titled-days"])
def test_round_trip_of_several_days_keeps_them_apart(lang: str, titled: bool) -> None:
    source = SEVERAL_DAYS
    if titled:  # titles that are not day-section words: only the meeting lines tell the days apart
        source = source.replace("  - date: 2026-04-09\n", "  - title: Workshop\n    date: 2026-04-09\n")
        source = source.replace("  - date: 2026-04-10\n", "  - title: Field visit\n    date: 2026-04-10\n")
    original = load_text(source, "days.yaml")
    text = render(original, "text", lang=lang)
    imported = load_text(text, "days.txt")
    assert imported.problems == [] and check_loaded(imported) == []
    assert imported.agenda is not None and imported.agenda.title == "돌봄 정책 연수"  # not a day's title
    assert [(d.title, d.date, d.slot) for d in imported.agenda.days] == [
        (d.title, d.date, d.slot) for d in original.agenda.days
    ]
    assert [d.venue or imported.agenda.venue for d in imported.agenda.days] == ["세종", "서울"]
    assert _rows(imported) == _rows(original)
    assert render(imported, "text", lang=lang) == text


def test_untitled_days_of_the_import_command_are_days(tmp_path: Path) -> None:
    source = tmp_path / "days.yaml"
    source.write_text(SEVERAL_DAYS, encoding="utf-8")
    rendered = run("render", str(source), "--format", "text")
    assert rendered.exit_code == 0, rendered.stderr
    (tmp_path / "days.txt").write_text(rendered.stdout, encoding="utf-8")
    result = run("import", str(tmp_path / "days.txt"))
    assert result.exit_code == 0, result.stderr
    data = parse(result.stdout, "out.yaml").data
    assert [(d["date"], d["slot"], [s["title"] for s in d["segments"]]) for d in data["days"]] == [
        ("2026-04-09", "09:00~10:00", ["개회", "발표"]),
        ("2026-04-10", "13:00~14:00", ["토론", "폐회"]),
    ]
    # Merged into one day, day 2's rows overlapped day 1's (S001) and ran out of order (S003).
    assert run("check", str(tmp_path / "days.txt")).exit_code == 0


def test_a_day_heading_with_its_own_meeting_line_takes_that_lines_slot() -> None:
    table = "시간\t내용\t담당\n{a} ~ {b}\t발표\t과장\n"
    text = (
        "# 연수\n\n## 1일차\n- (일시) 2026. 4. 9.(목) 09:00~10:00\n\n"
        + table.format(a="09:00", b="10:00")
        + "\n## 2일차\n- (일시) 2026. 4. 10.(금) 13:00~14:00\n\n"
        + table.format(a="13:00", b="14:00")
    )
    doc = read(text, "m.md")
    assert doc.problems == []
    assert [(d["title"], d.get("date"), d["slot"]) for d in doc.data["days"]] == [
        ("1일차", "2026-04-09", "09:00~10:00"),
        ("2일차", "2026-04-10", "13:00~14:00"),  # not day 1's slot, which gave F001/F002
    ]
    assert check_text(text, "m.md") == []


def test_a_meeting_line_after_the_table_without_rows_is_no_day() -> None:
    text = (
        "□ 제5차 회의 개요\n- (일시) 2026. 3. 5.(목) 16:30~17:00\n\n시 간(안)\t내 용\t비고\n"
        "16:30 ~ 17:00 ('30)\t안건 논의\t과장\n\n□ 향후 일정\n- (일시) 2026. 3. 19.(목)\n"
    )
    data = read(text, "m.txt").data
    assert "days" not in data and data["date"] == "2026-03-05" and len(data["segments"]) == 1
    assert data["title"] == "제5차 회의"


@pytest.mark.parametrize(
    ("cell", "owner"),
    [
        ("김진석, 유현아", ["김진석", "유현아"]),
        ("김진석，유현아、조동수", ["김진석", "유현아", "조동수"]),
        ("제1차관", "제1차관"),
        ("보건복지부(제1차관, 복지정책관)", "보건복지부(제1차관, 복지정책관)"),  # a comma inside brackets
        ("김진석, 보건복지부(제1차관, 복지정책관)", ["김진석", "보건복지부(제1차관, 복지정책관)"]),
        ("과장,", "과장,"),  # one name: kept as written
    ],
)
def test_an_owner_cell_with_commas_is_a_list_of_owners(cell: str, owner: Any) -> None:
    text = f"시 간(안)\t내 용\t비고\n16:30 ~ 16:35 ('05)\t인사말\t{cell}\n"
    doc = read(text, "m.txt")
    assert doc.data["segments"][0]["owner"] == owner
    if isinstance(owner, list):  # each name is where the cell prints it
        for i, name in enumerate(owner):
            assert text_at(text, doc.nodes[("segments", 0, "owner", i)].span) == name


def test_an_owner_in_two_rooms_at_once_is_found_in_a_list() -> None:
    text = (
        "| 시간 | 장소 | 주제 | 발표자 |\n|---|---|---|---|\n"
        "| 13:30~14:30 | 101호 | 분과 1 | 이영희, 박철수 |\n"
        "| 13:30~14:30 | 102호 | 분과 2 | 김민수, 이영희 |\n"
    )
    (finding,) = check_text(text, "m.md")
    assert (finding.code, finding.line) == ("O003", 4)
    assert "이영희" in finding.message.say("en") and "박철수" not in finding.message.say("en")


def test_a_later_meeting_line_without_rows_keeps_the_title_and_its_warning() -> None:
    text = (
        "intro\n\n□ 워크숍\n- (일시) 2026. 3. 5.(목) 16:30~17:00\n\n시 간(안)\t내 용\t비고\n"
        "16:30 ~ 17:00 ('30)\t안건\t과장\n\n□ 향후 일정\n- (일시) 2026. 3. 19.(목) 3부제\n"
    )
    doc = read(text, "m.txt")
    assert "days" not in doc.data and doc.data["title"] == "워크숍"  # one day: its heading is the title
    assert [(p.code, p.span.line) for p in doc.problems if p.span is not None] == [("D003", 10)]


@pytest.mark.parametrize("path", sorted(AGENDAS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_agenda_in_the_folder_comes_back_from_its_text(path: Path) -> None:
    # The two-day care-tech forum (tracks, untitled days) came back as one day: 6 S001 and 2 S003.
    text = render(load_file(path), "text")
    imported = load_text(text, "rendered.txt")
    assert check_loaded(imported) == []
    assert render(imported, "text") == text
