"""Issue 13, the YAML and timeline side: start-only agendas, the time shorthand, an empty owner,
the unclosed '05, and agendas saved as CP949."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tfagenda import check_paths, load_file
from tfagenda.load import load_bytes
from tfagenda.render import render
from tfagenda.timeline import resolve

START_ONLY = """\
title: 제3차 운영위원회
{slot}segments:
  - {{start: "10:00", title: 개회, owner: 위원장}}
  - {{start: "10:10", title: 안건 심의, owner: 위원장}}
  - {{start: "11:20", title: 폐회, owner: 위원장}}
"""


def _codes(path: Path) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_paths([path]).findings]


def _tfagenda(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tfagenda", *args, "--isolated"], capture_output=True, text=True, check=False
    )


def test_start_only_rows_end_where_the_next_starts(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(START_ONLY.format(slot='slot: "10:00-11:30"\n'), encoding="utf-8")
    assert _codes(path) == []
    loaded = load_file(path)
    placed = list(resolve(loaded.agenda).segments())  # type: ignore[arg-type]
    assert [(p.start, p.end, p.inferred_end) for p in placed] == [
        (600, 610, True),
        (610, 680, True),
        (680, 690, True),
    ]
    assert "11:20–11:30 (10 min)" in render(loaded, "md", lang="en")


def test_start_only_without_a_slot_is_one_t003_worded_for_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(START_ONLY.format(slot=""), encoding="utf-8")
    findings = check_paths([path]).findings
    assert [(f.line, f.code) for f in findings] == [(5, "T003")]
    said = findings[0].message.say("en")
    assert "the last segment and the agenda gives no slot" in said
    assert "next segment starts" not in said
    assert "마지막 순서" in findings[0].message.say("ko")


def test_time_shorthand_is_start_and_end_and_fix_edits_the_end_inside_it(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = (
        'title: T\nslot: "16:30-16:45"\nsegments:\n'
        '  - {time: "16:30~16:05", duration: "\'05", title: 인사말, owner: a}\n'
        '  - time: "16:35 ~ 16:45"\n    title: 발표\n    owner: a\n'
    )
    path.write_text(text, encoding="utf-8")
    findings = check_paths([path]).findings
    assert [(f.line, f.column, f.code) for f in findings] == [(4, 19, "T001")]
    result = _tfagenda("check", "--fix", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_text(encoding="utf-8") == text.replace("16:30~16:05", "16:30~16:35")


def test_time_key_gets_no_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'title: T\nslot: "08:00-08:10"\nsegments:\n  - {time: "08:00~08:10", title: 개회, owner: a}\n',
        encoding="utf-8",
    )
    assert _codes(path) == []


def test_empty_owner_is_a_missing_owner_not_a_schema_error(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'title: T\nslot: "08:00-08:10"\nsegments:\n  - {start: "08:00", title: 개회, owner: ""}\n',
        encoding="utf-8",
    )
    assert _codes(path) == [(4, "O001")]


def test_unclosed_prime_is_reported_at_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'title: T\nslot: "16:30-16:45"\nsegments:\n'
        '  - {start: "16:30", duration: \'05, title: 인사말, owner: a}\n'
        '  - {start: "16:35", end: "16:45", title: b, owner: a}\n'
        '  - {start: "16:40", end: "16:45", title: c, owner: a}\n',
        encoding="utf-8",
    )
    (finding,) = check_paths([path]).findings
    assert (finding.code, finding.line, finding.column) == ("E001", 4, 32)
    assert 'write "\'05"' in finding.message.say("en")


CP949_AGENDA = (
    'title: 주간 업무 회의\nslot: "09:00-09:30"\nsegments:\n'
    '  - {start: "09:00", end: "08:50", duration: 20, title: 지난주 실적 보고, owner: 팀장}  # 비고\n'
    '  - {start: "09:20", duration: 10, title: 기타 안건, owner: "-"}\n'
)


def test_cp949_is_read_with_one_warning_naming_it() -> None:
    loaded = load_bytes(CP949_AGENDA.encode("cp949"), "a.yaml")
    assert loaded.agenda is not None and loaded.agenda.title == "주간 업무 회의"
    assert loaded.document.encoding == "cp949"
    e006 = [p for p in loaded.problems if p.code == "E006"]
    assert len(e006) == 1 and "CP949" in e006[0].message.say("en")


def test_fix_keeps_cp949_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    raw = CP949_AGENDA.encode("cp949")
    path.write_bytes(raw)
    result = _tfagenda("check", "--fix", str(path))
    assert "E006" in result.stdout
    assert path.read_bytes() == raw.replace(b'end: "08:50"', b'end: "09:20"')


def test_utf8_and_bom_and_utf16_are_not_taken_for_cp949() -> None:
    text = CP949_AGENDA
    for raw, encoding in (
        (text.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8"),
        (b"\xff\xfe" + text.encode("utf-16-le"), "utf-16-le"),
    ):
        loaded = load_bytes(raw, "a.yaml")
        assert loaded.document.encoding == encoding
        assert not [p for p in loaded.problems if p.code in ("E001", "E006")]


def test_bytes_that_are_neither_utf8_nor_korean_cp949_stay_e001() -> None:
    # Latin-1 "café": not UTF-8, and not CP949 text with Hangul.
    loaded = load_bytes('title: "caf\xe9"\nsegments: []\n'.encode("latin-1"), "a.yaml")
    assert [p.code for p in loaded.problems] == ["E001"]
