"""Messages in English and Korean (issue 5): the catalog, Korean checks, the language switch.

English output is covered byte for byte by the other tests and snapshots; here, Korean: the same
findings (codes, lines, columns, fixes' values) with Korean sentences.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, run

from tfagenda.linter import check_paths, check_text
from tfagenda.messages import (
    CATALOG,
    Message,
    join_and,
    josa,
    language_from_env,
    localize,
    placeholders,
    say,
)

HANGUL = re.compile(r"[\uac00-\ud7a3]")
RULES_DIR = FIXTURES / "rules"
BAD = sorted(RULES_DIR.glob("*/bad*.yaml"))
MULTI = FIXTURES / "ci" / "multi.yaml"


# -- the catalog ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_key_is_in_english_and_korean_with_the_same_placeholders(key: str) -> None:
    entry = CATALOG[key]
    assert set(entry) == {"en", "ko"}
    assert placeholders(entry["en"]) == placeholders(entry["ko"]), key
    assert not HANGUL.search(entry["en"]), f"{key}: Hangul in the English template (pass it as a parameter)"
    assert HANGUL.search(entry["ko"]), f"{key}: no Hangul in the Korean template"


def test_a_message_is_its_english_text_and_says_itself_in_korean() -> None:
    message = Message("conflict.end_before_start", end="16:05", start="16:30")
    assert message == "end 16:05 is before start 16:30"
    assert type(localize(message, "en")) is str and localize(message, "en") == message
    assert localize(message, "ko") == "종료(16:05)가 시작(16:30)보다 이릅니다"
    assert localize("plain text", "ko") == "plain text"
    assert pickle.loads(pickle.dumps(message)).say("ko") == localize(message, "ko")


def test_nested_messages_and_lists_are_said_in_the_same_language() -> None:
    evidence = (Message("evidence.duration", n=5), Message("evidence.next_start"))
    what = Message("conflict.end_before_start", end="16:05", start="16:30")
    message = Message("because.both.end", what=what, evidence=evidence, value="16:35")
    assert (
        message
        == "end 16:05 is before start 16:30; the 5-minute duration and the next segment's start both say 16:35"
    )
    assert (
        message.say("ko")
        == "종료(16:05)가 시작(16:30)보다 이릅니다. 소요 시간(5분)과 다음 순서의 시작에 따르면 종료는 16:35입니다"
    )


@pytest.mark.parametrize(
    "word, pair, expected",
    [
        ("종료", "이/가", "가"),
        ("시작", "이/가", "이"),
        ("소요 시간(5분)", "과/와", "과"),
        ("앞 순서의 종료", "과/와", "와"),
        ("‘자유토론’", "은/는", "은"),
        ("서울", "으로/로", "로"),  # ㄹ takes 로
        ("회의실", "으로/로", "로"),
        ("본관", "으로/로", "으로"),
        ("5", "이/가", "가"),  # 오
        ("16", "이/가", "이"),  # 육
        ("10", "을/를", "을"),  # 십
        ("7", "으로/로", "로"),  # 칠
        ("Keynote", "이/가", "이(가)"),  # unknown reading: both forms
    ],
)
def test_josa_follows_the_final_syllable(word: str, pair: str, expected: str) -> None:
    assert josa(word, pair) == expected


def test_join_and() -> None:
    assert join_and(["A", "B"], "en") == "A and B"
    assert join_and(["소요 시간(5분)", "다음 순서의 시작"], "ko") == "소요 시간(5분)과 다음 순서의 시작"
    assert join_and(["앞 순서의 종료", "다음 순서의 시작"], "ko") == "앞 순서의 종료와 다음 순서의 시작"
    assert (
        join_and(["16:30–16:35", "17:55–18:00"], "ko") == "16:30–16:35 및 17:55–18:00"
    )  # no particle after a number


def test_summary_line_in_korean() -> None:
    assert say("summary.passed", "ko", files="파일 2개") == "모든 점검을 통과했습니다(파일 2개)."


# -- checks in Korean -----------------------------------------------------------------------


def test_the_seed_in_korean_gives_one_t001_with_the_three_times() -> None:
    findings = check_paths([SEED], lang="ko").findings
    assert [(f.code, f.line) for f in findings] == [("T001", 8)]
    message = findings[0].message
    assert HANGUL.search(message)
    for time in ("16:05", "16:30", "16:35"):
        assert time in message
    assert (
        message
        == "종료(16:05)가 시작(16:30)보다 이릅니다. 소요 시간(5분)과 다음 순서의 시작에 따르면 종료는 16:35입니다"
    )
    assert findings[0].fix is not None and findings[0].fix.description == "종료 수정: 16:35"
    assert findings[0].fix.value == "16:35"


def _shape(finding):  # type: ignore[no-untyped-def]
    """What must not depend on the language: where, which rule, and what a fix writes."""
    fix = finding.fix
    return (
        finding.path,
        finding.span,
        finding.code,
        finding.name,
        finding.severity,
        (fix.applicability, fix.value, fix.edits) if fix else None,
        tuple((r.path, r.line, r.column, r.message) for r in finding.related),
    )


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.relative_to(RULES_DIR).as_posix())
def test_every_bad_fixture_in_korean(path: Path) -> None:
    english = check_paths([path]).findings
    korean = check_paths([path], lang="ko").findings
    assert korean, "a bad fixture has findings"
    assert [_shape(f) for f in korean] == [_shape(f) for f in english]
    for finding in korean:
        assert HANGUL.search(finding.message), f"{finding.code}: {finding.message}"
        if finding.fix is not None:
            assert HANGUL.search(finding.fix.description), f"{finding.code}: {finding.fix.description}"


@pytest.mark.parametrize("path", sorted((FIXTURES / "ministry").glob("bad*.txt")), ids=lambda p: p.name)
def test_import_problems_in_korean(path: Path) -> None:
    korean = check_paths([path], lang="ko").findings
    assert [f.code for f in korean if f.code == "E005"]
    assert all(HANGUL.search(f.message) for f in korean)


@pytest.mark.parametrize(
    "text",
    [
        "title: x\nsegments:\n  - {title: a, start: '9:00', end: '10:00', owner: [1, 2]}\n",  # E002 owner
        "- just a list\n",  # E002 not a mapping
        "",  # E002 empty
        "title: x\nsegments: 5\n",  # E002 not a list
        "title: x\ndays:\n  - {date: 2026-02-30, slot: '9:00-10:00', segments: [{title: a, duration: 60}]}\n",  # E002 date
        "title: x\nslot: soon\nsegments:\n  - {title: a, duration: 60}\n",  # E004 slot
        "title: x\nslot: {start: '9:00', stop: '10:00'}\nsegments:\n  - {title: a, duration: 60}\n",  # E002 slot keys
        "title: x\nsegments:\n  - {title: a, start: 930, duration: 60}\n",  # E004 a number
        "title: x\nsegments:\n  - {title: a, start: '9:00', duration: -5}\n",  # E004 negative
        "title: x\nsegments:\n  - {title: a, start: '9:00'}\n  - {title: b, start: '10:00', duration: 5}\n",  # T003 with the next start
        "title: x\nweekday: Funday\nsegments:\n  - {title: a, start: '9:00', duration: 5}\n",  # E002 weekday
        "title: x\ntimezone: Mars/Base\nsegments:\n  - {title: a, start: '9:00', duration: 5}\n",  # E002 timezone
        "title: x\nsegments:\n  - {title: a, start: '9:00', end: '9:30', duration: 20}\n",  # T002, no neighbours
        "title: x\nsegments: []\n",  # E002 no segments
        "title: x\ndays: [{segments: [{title: a, start: '9:00', duration: 5}]}]\nslot: '9:00-10:00'\n",  # E002 misplaced
    ],
)
def test_more_loader_and_rule_messages_in_korean(text: str) -> None:
    english = check_text(text)
    korean = check_text(text, lang="ko")
    assert korean
    assert [_shape(f) for f in korean] == [_shape(f) for f in english]
    for finding in korean:
        assert HANGUL.search(finding.message), f"{finding.code}: {finding.message}"


# -- choosing the language ------------------------------------------------------------------


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, "en"),
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "ko_KR.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL wins
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "ko_KR.UTF-8", "LC_ALL": ""}, "ko"),  # empty: the next one decides
    ],
)
def test_language_from_env(env: dict[str, str], expected: str) -> None:
    assert language_from_env(env) == expected


def test_korean_locale_switches_the_check_default_and_lang_en_overrides_it(
    monkeypatch: pytest.MonkeyPatch, in_repo
) -> None:  # type: ignore[no-untyped-def]
    path = SEED.relative_to(REPO).as_posix()
    english = run("check", path).stdout
    assert "end 16:05 is before start 16:30" in english and "Found 1 error" in english
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    korean = run("check", path).stdout
    assert "종료(16:05)가 시작(16:30)보다 이릅니다" in korean
    assert "파일 1개에서 오류 1건, 경고 0건을 찾았습니다" in korean
    assert run("check", path, "--lang", "en").stdout == english
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # LC_ALL first
    assert run("check", path).stdout == english


def test_json_keeps_its_keys_and_codes_in_korean(in_repo) -> None:  # type: ignore[no-untyped-def]
    path = MULTI.relative_to(REPO).as_posix()
    english = json.loads(run("check", path, "--format", "json").stdout)
    korean = json.loads(run("check", path, "--format", "json", "--lang", "ko").stdout)
    assert [sorted(item) for item in korean] == [sorted(item) for item in english]
    for en, ko in zip(english, korean):
        assert {k: v for k, v in ko.items() if k not in ("message", "fix")} == {
            k: v for k, v in en.items() if k not in ("message", "fix")
        }
        assert HANGUL.search(ko["message"])
        if en["fix"]:
            assert {k: v for k, v in ko["fix"].items() if k != "description"} == {
                k: v for k, v in en["fix"].items() if k != "description"
            }


def test_fix_summary_in_korean(tmp_path: Path) -> None:
    target = tmp_path / "seed.yaml"
    target.write_bytes(SEED.read_bytes())
    result = run("check", str(target), "--fix", "--lang", "ko")
    assert result.exit_code == 0
    assert result.stdout.strip() == "모든 점검을 통과했습니다(파일 1개). 1건 수정, 0건 남음."


def test_statistics_summary_in_korean(in_repo) -> None:  # type: ignore[no-untyped-def]
    output = run("check", MULTI.relative_to(REPO).as_posix(), "--statistics", "--lang", "ko").stdout
    assert output.endswith("파일 1개에서 오류 3건, 경고 2건을 찾았습니다. 그중 2건은 수정안이 있습니다.\n")


@pytest.mark.parametrize("fmt", ["md", "table", "text", "html"])
def test_render_lang_ko_lists_the_findings_in_korean(fmt: str, in_repo) -> None:  # type: ignore[no-untyped-def]
    path = SEED.relative_to(REPO).as_posix()
    korean = run("render", path, "--format", fmt, "--lang", "ko").stdout
    assert "종료(16:05)가 시작(16:30)보다 이릅니다" in korean
    assert "end 16:05 is before" not in korean
    # without --lang, the findings follow the locale (English here), as check's do
    assert "end 16:05 is before start 16:30" in run("render", path, "--format", fmt).stdout


def test_render_follows_a_korean_locale(monkeypatch: pytest.MonkeyPatch, in_repo) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    output = run("render", SEED.relative_to(REPO).as_posix(), "--format", "md").stdout
    assert "종료(16:05)가 시작(16:30)보다 이릅니다" in output


@pytest.mark.parametrize("path", [SEED, MULTI], ids=["seed", "multi"])
def test_check_lang_ko_snapshot(path: Path, snapshot, in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run("check", path.relative_to(REPO).as_posix(), "--lang", "ko")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout == snapshot
