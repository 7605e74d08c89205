"""Messages in English and Korean (issue 5): the catalog, Korean checks, the language switch.

English output is covered byte for byte by the other tests and snapshots; here, Korean: the same
findings (codes, lines, columns, fixes' values) with Korean sentences.
"""

from __future__ import annotations

import ast
import json
import pickle
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, rule_fixture_findings, run, write

from tfagenda.linter import check_paths, check_text
from tfagenda.messages import (
    Either,
    Message,
    T,
    join_and,
    josa,
    language_from_env,
    minutes,
    placeholders,
)
from tfagenda.messages.korean import KOREAN

HANGUL = re.compile(r"[\uac00-\ud7a3]")
RULES_DIR = FIXTURES / "rules"
BAD = sorted(RULES_DIR.glob("*/bad*.yaml"))
MULTI = FIXTURES / "ci" / "multi.yaml"
SRC = REPO / "src" / "tfagenda"


# -- the catalog ----------------------------------------------------------------------------


def _english(key: str | tuple[str, str]) -> str:
    return key[1] if isinstance(key, tuple) else key


@pytest.mark.parametrize("key", list(KOREAN), ids=repr)
def test_every_korean_entry_has_the_placeholders_of_its_english_key(key: str | tuple[str, str]) -> None:
    english, korean = _english(key), KOREAN[key]
    assert placeholders(english) == placeholders(korean), key
    assert not HANGUL.search(english), f"{key}: Hangul in the English template (pass it as a parameter)"
    assert HANGUL.search(korean), f"{key}: no Hangul in the Korean template"
    if isinstance(key, tuple):
        assert key[0], "a context is a non-empty name"
        assert english not in KOREAN, f"{key}: also listed without a context"


def _calls() -> list[tuple[str, int, str | None, object]]:
    """Every ``T(...)`` in src/tfagenda: (where, English literal, context literal, or ... when computed)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "T"):
                continue
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            first = node.args[0] if node.args else None
            english = (
                first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
            )
            context_node = next((k.value for k in node.keywords if k.arg == "context"), None)
            context: object = None
            if context_node is not None:
                is_literal = isinstance(context_node, ast.Constant)
                context = context_node.value if is_literal else ...  # type: ignore[union-attr]
            found.append((where, english, context))
    return found


CALLS = _calls()


def test_the_source_says_its_sentences_with_t() -> None:
    assert len(CALLS) > 150  # the walk finds the calls (a wrong folder would find none)
    assert {where for where, _, _ in CALLS if where.startswith("src/tfagenda/rules/")}


def test_every_english_sentence_in_the_source_has_a_korean_entry() -> None:
    missing = []
    for where, english, context in CALLS:
        assert english is not None, f"{where}: T(...) takes the English sentence as a literal"
        if context is ...:  # a computed context: some entry must have this sentence
            ok = any(isinstance(key, tuple) and key[1] == english for key in KOREAN)
        else:
            ok = ((context, english) if context else english) in KOREAN
        if not ok:
            missing.append(f"{where}: {english!r} (context {context!r})")
    assert not missing, "\n".join(missing)


def test_no_korean_entry_is_orphaned() -> None:
    used = {(c, e) if c else e for _, e, c in CALLS if c is not ...}
    computed = {e for _, e, c in CALLS if c is ...}
    orphans = [
        key for key in KOREAN if key not in used and not (isinstance(key, tuple) and key[1] in computed)
    ]
    assert not orphans, orphans


# -- deferred messages ----------------------------------------------------------------------


def test_a_message_is_said_in_the_language_chosen_and_survives_pickling() -> None:
    message = T("end {end} is before start {start}", end="16:05", start="16:30")
    assert not isinstance(message, str)
    assert message.say("en") == "end 16:05 is before start 16:30"
    assert message.say("ko") == "종료(16:05)가 시작(16:30)보다 이릅니다"
    assert message.say("fr") == "end 16:05 is before start 16:30"  # a language without a catalog: English
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message and copy.say("ko") == message.say("ko")
    assert pickle.loads(pickle.dumps(message)).say("ko") == message.say("ko")


@pytest.mark.parametrize(
    "use",
    [
        lambda m: f"{m}",
        lambda m: f"finding: {m:>10}",
        lambda m: f"{m}",
        lambda m: format(m),
    ],
    ids=["f-string", "f-string with a spec", "str.format", "format"],
)
def test_a_message_cannot_be_formatted_without_a_language(use) -> None:  # type: ignore[no-untyped-def]
    # The bug: a str subclass holding the English text turned English inside f-strings, silently.
    message = T("end {end} is before start {start}", end="16:05", start="16:30")
    with pytest.raises(TypeError, match=r"call \.say\(lang\)"):
        use(message)


def test_the_context_chooses_between_two_korean_sentences() -> None:
    start = T("{what}; {evidence} says {value}", context="start", what="x", evidence="y", value="09:00")
    end = T("{what}; {evidence} says {value}", context="end", what="x", evidence="y", value="09:00")
    assert start.say("en") == end.say("en") == "x; y says 09:00"
    assert start.say("ko") == "x. y에 따르면 시작은 09:00입니다"
    assert end.say("ko") == "x. y에 따르면 종료는 09:00입니다"
    assert start != end


def test_nested_messages_lists_and_minutes_are_said_in_the_same_language() -> None:
    evidence = (T("the {n}-minute duration", n=5), T("the next segment's start"))
    what = T("end {end} is before start {start}", end="16:05", start="16:30")
    message = T(
        "{what}; {evidence} both say {value}", context="end", what=what, evidence=evidence, value="16:35"
    )
    assert (
        message.say("en")
        == "end 16:05 is before start 16:30; the 5-minute duration and the next segment's start both say 16:35"
    )
    assert (
        message.say("ko")
        == "종료(16:05)가 시작(16:30)보다 이릅니다. 소요 시간(5분)과 다음 순서의 시작에 따르면 종료는 16:35입니다"
    )
    options = Either((T("end {value}", value="10:20"), T("duration {value}", value=minutes(20))))
    tie = T("{what}, and no repair is clearly best: {options}", what=what, options=options)
    assert tie.say("en").endswith("no repair is clearly best: end 10:20 or duration 20 minutes")
    assert tie.say("ko").endswith("어느 쪽으로 고칠지 분명하지 않습니다: 종료 10:20 또는 소요 시간 20분")
    assert minutes(1).say("en") == "1 minute" and minutes(1).say("ko") == "1분"


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
    assert T("All checks passed ({files}).", files="2 files").say("en") == "All checks passed (2 files)."
    files = T("{n} files", n=2)
    assert T("All checks passed ({files}).", files=files).say("ko") == "모든 점검을 통과했습니다(파일 2개)."


# -- checks in Korean -----------------------------------------------------------------------


def test_the_seed_in_korean_gives_one_t001_with_the_three_times() -> None:
    findings = check_paths([SEED]).findings
    assert [(f.code, f.line) for f in findings] == [("T001", 8)]
    message = findings[0].message.say("ko")
    assert (
        message
        == "종료(16:05)가 시작(16:30)보다 이릅니다. 소요 시간(5분)과 다음 순서의 시작에 따르면 종료는 16:35입니다"
    )
    fix = findings[0].fix
    assert fix is not None and fix.description.say("ko") == "종료 수정: 16:35" and fix.value == "16:35"


def _in_korean(finding) -> None:  # type: ignore[no-untyped-def]
    """The finding's message and fix say a Korean sentence: Hangul, and not the English one."""
    korean, english = finding.message.say("ko"), finding.message.say("en")
    assert HANGUL.search(korean) and korean != english, f"{finding.code}: {korean}"
    if finding.fix is not None:
        description = finding.fix.description.say("ko")
        assert HANGUL.search(description), f"{finding.code}: {description}"
        assert description != finding.fix.description.say("en")


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.relative_to(RULES_DIR).as_posix())
def test_every_finding_of_every_bad_fixture_has_a_korean_message(path: Path) -> None:
    findings = rule_fixture_findings(path)
    assert findings, "a bad fixture has findings"
    for finding in findings:
        _in_korean(finding)


@pytest.mark.parametrize("path", sorted((FIXTURES / "ministry").glob("bad*.txt")), ids=lambda p: p.name)
def test_import_problems_in_korean(path: Path) -> None:
    findings = check_paths([path]).findings
    assert [f.code for f in findings if f.code == "E005"]
    for finding in findings:
        _in_korean(finding)


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
        "title: x\nsegments:\n  - {title: a, start: '9:00', end: '9:30', duration: 20}\n  - {title: b, start: '9:40', duration: 5}\n  - {title: c, start: '9:45', end: '9:40'}\n",  # T001/T002 with evidence
    ],
)
def test_more_loader_and_rule_messages_in_korean(text: str) -> None:
    findings = check_text(text)
    assert findings
    for finding in findings:
        _in_korean(finding)


def test_an_internal_error_is_said_in_korean() -> None:
    from tfagenda.linter import internal_error

    finding = internal_error("x.yaml", ValueError("boom"))
    assert finding.message.say("en").startswith("internal error while checking this file (ValueError: boom")
    assert finding.message.say("ko").startswith("이 파일 점검 중 내부 오류가 발생했습니다(ValueError: boom")


# YAML syntax errors: ruamel.yaml's own English words ("expected <block end>, but found …") make
# the sentence; yamldoc/syntax_words.py says the known phrases in Korean (issue 10: they stayed English).
def test_check_lang_ko_says_a_yaml_syntax_error_in_korean(tmp_path: Path) -> None:
    target = tmp_path / "broken.yaml"
    target.write_text(
        "title: x\nsegments:\n  - title: a\n    start: '9:00'\n   end: b: c\n", encoding="utf-8"
    )
    result = run("check", str(target), "--lang", "ko", "--format", "concise")
    assert result.exit_code == 1
    (line,) = [line for line in result.stdout.splitlines() if " E001 " in line]
    sentence = line.split("[error] ", 1)[1]
    assert HANGUL.search(sentence)
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"'[^']*'|<[^>]*>", "", sentence))
    assert [word for word in words if word != "YAML"] == [], sentence


YAML_SYNTAX_ERRORS = [
    (
        "title: a: b\n",
        "YAML syntax: mapping values are not allowed here",
        "YAML 문법 오류: 여기에는 매핑 값을 쓸 수 없습니다",
    ),
    (
        "title: x\nsegments\n  - a\n",
        "YAML syntax: could not find expected ':' (while scanning a simple key that starts on line 2, column 1)",
        "YAML 문법 오류: 있어야 할 콜론(‘:’)이 없습니다(2행 1열에서 시작한 키를 읽는 중)",
    ),
    (
        "title: x\n\tstart: 1\n",
        "YAML syntax: found character '\\t' that cannot start any token; a tab indents this line, and YAML"
        " indents with spaces only: replace the tab with spaces",
        "YAML 문법 오류: 토큰을 시작할 수 없는 문자가 있습니다: '\\t'. 이 줄은 탭으로 들여 썼는데 YAML은"
        " 공백으로만 들여 씁니다. 탭을 공백으로 바꾸십시오",
    ),
    (
        "title: @x\n",
        "YAML syntax: found character '@' that cannot start any token",
        "YAML 문법 오류: 토큰을 시작할 수 없는 문자가 있습니다: '@'",
    ),
    (
        "title: *nope\n",
        "YAML syntax: found undefined alias 'nope'",
        "YAML 문법 오류: 정의되지 않은 별칭(alias)이 있습니다: 'nope'",
    ),
    (
        "title: 'abc\n",
        "YAML syntax: found unexpected end of stream (while scanning a quoted scalar that starts on line 1, column 8)",
        "YAML 문법 오류: 파일이 예상보다 일찍 끝났습니다(1행 8열에서 시작한 따옴표로 감싼 값을 읽는 중)",
    ),
    (
        "title: {a: 1\n",
        "YAML syntax: expected ',' or '}', but got '<stream end>' (while parsing a flow mapping that starts on line 1, column 8)",
        "YAML 문법 오류: 쉼표(‘,’)나 닫는 중괄호(‘}’)가 와야 할 자리에 다른 것이 있습니다: '<stream end>'"
        "(1행 8열에서 시작한 중괄호 매핑을 읽는 중)",
    ),
    (
        "a: 1\n- b\n",
        "YAML syntax: expected <block end>, but found '-' (while parsing a block mapping that starts on line 1, column 1)",
        "YAML 문법 오류: 블록의 끝(<block end>)이 와야 할 자리에 다른 것이 있습니다: '-'(1행 1열에서 시작한 블록 매핑을 읽는 중)",
    ),
    (
        "a: 1\n---\nb: 2\n",
        "YAML syntax: but found another document (expected a single document in the stream that starts on line 1, column 1)",
        "YAML 문법 오류: 문서가 하나 더 있습니다. 한 파일에는 YAML 문서를 하나만 쓸 수 있습니다(1행 1열에서 시작한 단일 문서를 읽는 중)",
    ),
    (
        'title: "a\\q"\n',
        "YAML syntax: found unknown escape character 'q'",
        "YAML 문법 오류: 알 수 없는 이스케이프 문자가 있습니다: 'q'",
    ),
    (  # a phrase not in the table: verbatim, after the Korean lead-in
        "a: !<x\n",
        "YAML syntax: expected '>' but found '\\n'",
        "YAML 문법 오류: expected '>' but found '\\n'",
    ),
]


@pytest.mark.parametrize(("text", "english", "korean"), YAML_SYNTAX_ERRORS, ids=lambda v: v[:24])
def test_yaml_syntax_errors_are_said_in_both_languages(text: str, english: str, korean: str) -> None:
    (finding,) = check_text(text)
    assert finding.code == "E001"
    assert finding.message.say("en") == english  # ruamel.yaml's words, unchanged
    assert finding.message.say("ko") == korean


def test_every_yaml_phrase_in_the_table_matches_its_own_english() -> None:
    from tfagenda.yamldoc.syntax_words import _PHRASES, syntax_words

    for phrase in _PHRASES:
        filled = phrase.template.format(**{name: "'x'" for name in placeholders(phrase.template)})
        said_again = syntax_words(filled)
        assert said_again.template == phrase.template, filled
        assert said_again.say("en") == filled
        assert HANGUL.search(said_again.say("ko")), filled
    assert syntax_words(None).say("en") == "invalid YAML"
    assert syntax_words("something new").say("ko") == "something new"


def test_the_nesting_limit_of_the_scanner_is_said_in_korean() -> None:
    (finding,) = check_text("a: " + "[" * 250 + "\n")
    assert finding.message.say("en").startswith("YAML syntax: more than 200 levels of nesting")
    assert finding.message.say("ko").startswith("YAML 문법 오류: 중첩이 200단계를 넘습니다")


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
    assert output.endswith(
        "파일 1개에서 오류 3건, 경고 2건을 찾았습니다. 그중 3건은 수정안이 있습니다.\n"
    )  # O002 has an unsafe fix (one close match)


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


# -- retime ---------------------------------------------------------------------------------


def test_retime_says_its_sentences_and_errors_in_the_language_asked() -> None:
    from tfagenda.load import load_text
    from tfagenda.retime import RetimeError, fits, parse_gap, parse_shift, retime_text

    text = (
        SEED.read_text(encoding="utf-8")
        .replace("end: 16:05", "end: '16:35'")
        .replace('end: "16:05"', 'end: "16:35"')
    )
    with pytest.raises(RetimeError) as english:
        retime_text(text, "x.yaml", shift=5, start_from="no such title")
    assert str(english.value).startswith("no segment is titled 'no such title'")
    with pytest.raises(RetimeError) as korean:
        retime_text(text, "x.yaml", shift=5, start_from="no such title", lang="ko")
    assert str(korean.value).startswith("제목이 'no such title'인 순서가 없습니다")
    assert korean.value.message.say("en") == str(english.value)
    with pytest.raises(ValueError, match="이동할 시간으로 읽을 수 없는 값입니다"):
        parse_shift("soon", lang="ko")
    with pytest.raises(ValueError, match="간격으로 읽을 수 없는 값입니다"):
        parse_gap("soon", lang="ko")
    with pytest.raises(RetimeError, match="읽을 수 있는 일정표가 아닙니다"):
        fits(load_text("- not an agenda\n", "x.yaml"), lang="ko")
    for fit in fits(load_text(text, "x.yaml")):
        assert HANGUL.search(fit.sentence("ko").split(": ", 1)[1]), fit.sentence("ko")
        assert fit.sentence() == fit.sentence("en")


# -- no output relies on str(message) -------------------------------------------------------


OUTPUT_SOURCES = [
    SEED,
    MULTI,
    *sorted((FIXTURES / "ministry").glob("bad*.txt"))[:2],
    *sorted(RULES_DIR.glob("[ETY]*/bad*.yaml")),  # the loader's and the timeline's messages
]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_report_format_says_its_messages_without_str(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``str(message)`` is English, for debugging only: every output says the message in its language."""
    import sys

    from tfagenda.report import REPORTERS

    callers: set[tuple[str, str]] = set()

    def spy(self: Message) -> str:
        code = sys._getframe(1).f_code
        callers.add((Path(code.co_filename).name, code.co_name))
        return "<str() of a Message>"

    paths = [str(path) for path in OUTPUT_SOURCES]
    expected = {path: check_paths([path]).findings for path in paths}
    monkeypatch.setattr(Message, "__str__", spy)
    for fmt in sorted(set(REPORTERS)):
        # TFAGENDA_JOBS=1: in this process, where the spy is (the output is the same either way)
        result = run(
            "check", *paths, "--format", fmt, "--lang", lang, "--isolated", env={"TFAGENDA_JOBS": "1"}
        )
        assert result.exit_code == 1, (fmt, result.stdout, result.stderr, result.exception)
        assert "<str() of a Message>" not in result.stdout + result.stderr, fmt
        if fmt in ("full", "concise"):
            for findings in expected.values():
                for finding in findings:
                    assert finding.message.say(lang) in result.stdout, (fmt, finding.code)
    # Only pydantic calls it, to fill in its own English ``msg`` of tfagenda's errors while
    # validating; the loader reads the message itself from the error's ``ctx``.
    assert callers <= {("load.py", "_validate_rounds")}, callers


# -- the commands' own sentences: usage errors, retime, render labels -----------------------


USAGE_ERRORS = [
    (("check", "no-such-folder"), "no-such-folder: no such file or directory", "파일이나 폴더가 없습니다"),
    (("render", str(SEED), "--segments"), "--segments is for --format ics", "--format ics에만 씁니다"),
    (("rule", "X999"), "no rule 'X999'; `tfagenda rules` lists them", "규칙이 없습니다: 'X999'"),
    (("retime", str(SEED)), "say what to do: --shift MINUTES, --pack or --fit", "할 일을 지정하십시오"),
    (("retime", str(SEED), "--shift", "5", "--pack"), "do not go together", "함께 쓸 수 없습니다"),
    (("import", str(FIXTURES)), "is a folder; name one file to import", "가져올 파일 하나를 지정하십시오"),
]


@pytest.mark.parametrize(("args", "english", "korean"), USAGE_ERRORS, ids=lambda v: str(v)[:30])
def test_a_usage_error_is_said_in_the_command_s_language(
    args: tuple[str, ...], english: str, korean: str
) -> None:
    said = run(*args, "--lang", "en")
    assert said.exit_code == 2 and english in said.stderr and not HANGUL.search(said.stderr), said.stderr
    said = run(*args, "--lang", "ko")
    assert said.exit_code == 2 and korean in said.stderr, said.stderr
    assert said.stderr.startswith("tfagenda: ")
    # without --lang, the locale's language
    assert korean in run(*args, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ko_KR.UTF-8"}).stderr


def test_a_usage_error_from_python_is_english_and_keeps_its_message() -> None:
    from tfagenda.commands import UsageError
    from tfagenda.commands.retime import retime_file

    with pytest.raises(UsageError, match="--gap goes with --pack") as error:
        retime_file(str(SEED), shift="5", gap="5")
    assert error.value.message.say("ko") == "--gap은 --pack과 함께 씁니다"


def test_retime_speaks_the_language_asked(tmp_path: Path) -> None:
    """Issue 10: retime had no --lang and printed English under LANG=ko_KR.UTF-8."""
    text = (
        SEED.read_text(encoding="utf-8")
        .replace("end: 16:05", "end: '16:35'")
        .replace('end: "16:05"', 'end: "16:35"')
    )
    fit = run("retime", str(SEED), "--fit", "--lang", "ko")
    assert fit.exit_code in (0, 1) and HANGUL.search(fit.stdout.split(": ", 1)[1]), fit.stdout
    english = run("retime", str(SEED), "--fit", "--lang", "en")
    assert not HANGUL.search(english.stdout.split(": ", 1)[1]), english.stdout
    agenda = tmp_path / "a.yaml"
    agenda.write_text(text.replace("16:30~18:00", "16:30~18:30"), encoding="utf-8")  # room for +5
    shifted = run("retime", str(agenda), "--shift", "nonsense", "--lang", "ko")
    assert shifted.exit_code == 2 and "이동할 시간으로 읽을 수 없는 값입니다" in shifted.stderr
    done = run("retime", str(agenda), "--shift", "+5", "--yes", env={"LANG": "ko_KR.UTF-8", "LC_ALL": ""})
    assert done.exit_code == 0 and f"{agenda}: 썼습니다." in done.stdout, done.stdout


def test_render_labels_come_from_the_catalog() -> None:
    from tfagenda.render.view import LABELS, duration_text, words

    for label in LABELS.values():
        assert label.say("ko") != label.say("en")
    assert words("ko")["time"] == "시간" and words("ko")["text_time"] == "시 간(안)"
    assert words("en")["time"] == words("en")["text_time"] == "Time"
    assert words("fr") == words("en")
    assert (duration_text(5, "ko"), duration_text(5, "en")) == ("5분", "5 min")
    rendered = run("render", str(SEED), "--format", "md", "--lang", "ko")
    assert rendered.exit_code == 0 and "시간" in rendered.stdout and "Time" not in rendered.stdout


def test_check_diff_import_and_render_say_their_own_lines_in_the_language_asked(tmp_path: Path) -> None:
    fixable = write(tmp_path / "a.yaml", SEED.read_text(encoding="utf-8"))
    english = run("check", str(fixable), "--diff", "--isolated", "--lang", "en")
    assert english.stderr == "Would fix 1 finding in 1 file.\n"
    korean = run("check", str(fixable), "--diff", "--isolated", "--lang", "ko")
    assert korean.stderr == "파일 1개에서 1건을 고칠 수 있습니다.\n"
    broken = write(tmp_path / "broken.yaml", "title: [unclosed\n")
    rendered = run("render", str(broken), "--lang", "ko")
    assert rendered.exit_code == 1
    assert rendered.stderr.startswith("tfagenda: 변환할 수 없습니다. 읽을 수 있는 일정표가 아닌 파일:\n")
    bad = sorted((FIXTURES / "ministry").glob("bad*.txt"))[0]
    imported = run("import", str(bad), "--from", "ministry", "--lang", "ko")
    assert imported.exit_code == 1 and "가져오지 않았습니다" in imported.stderr, imported.stderr
