"""Suppressions written in agenda files: ``# tfagenda: ignore[...]`` on the line or the line
above, ``# tfagenda: file-ignore[...]`` anywhere, codes or names, bare ignore, and I001 for a
suppression that suppresses nothing (or names no rule)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run

from tfagenda.config import Settings
from tfagenda.findings import Finding
from tfagenda.linter import check_paths, check_text

HEAD = 'title: Suppressions\ndate: 2026-05-04\nslot: "10:00-11:00"\nsegments:\n'
# Line 5: clean. Line 6: a gap before it (S002, at line 6) and no owner (O001, at line 6).
BODY = (
    '  - {title: A, start: "10:00", duration: 20, owner: ann}\n  - {title: B, start: "10:30", duration: 30}\n'
)


# The cross-file tests' agendas do not fill their slots (F003); only owners and I001 matter there.
ONLY_OWNERS = Settings.defaults().with_selection(select=["O", "I"])


def found(text: str, settings: Settings | None = None) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_text(text, "a.yaml", settings)]


def findings(text: str) -> list[Finding]:
    return check_text(text, "a.yaml")


def test_without_suppressions() -> None:
    assert sorted(found(HEAD + BODY)) == [(6, "O001"), (6, "S002")]


def test_ignore_on_the_same_line() -> None:
    text = HEAD + BODY.replace("duration: 30}", "duration: 30}  # tfagenda: ignore[S002]")
    assert found(text) == [(6, "O001")]


def test_ignore_on_the_line_above() -> None:
    lines = (HEAD + BODY).splitlines(keepends=True)
    lines.insert(5, "  # tfagenda: ignore[S002, O001]\n")
    assert found("".join(lines)) == []


def test_ignore_on_the_line_above_covers_only_the_next_line() -> None:
    lines = (HEAD + BODY).splitlines(keepends=True)
    lines.insert(5, "  # tfagenda: ignore[S002]\n")
    lines.insert(6, "  # an ordinary comment in between\n")
    result = findings("".join(lines))
    assert sorted((f.line, f.code) for f in result) == [(6, "I001"), (8, "O001"), (8, "S002")]


def test_trailing_comment_covers_only_its_own_line() -> None:
    """A comment after a value on the previous line is about that line, not the next one."""
    text = HEAD + BODY.replace("owner: ann}", "owner: ann}  # tfagenda: ignore[S002]")
    assert sorted(found(text)) == [(5, "I001"), (6, "O001"), (6, "S002")]


def test_file_ignore_anywhere() -> None:
    for text in (
        "# tfagenda: file-ignore[O001]\n" + HEAD + BODY,
        HEAD + BODY + "# tfagenda: file-ignore[O001]\n",
        HEAD.replace("Suppressions", "Suppressions  # tfagenda: file-ignore[O001]") + BODY,
    ):
        assert [code for _, code in found(text)] == ["S002"], text


@pytest.mark.parametrize(
    "comment",
    [
        "# tfagenda: ignore[gap]",
        "# tfagenda: ignore[s002]",
        "# tfagenda: ignore[GAP]",
        "#tfagenda:ignore[ gap ]",
        "# TFAGENDA: IGNORE[S002]",
    ],
)
def test_names_and_spellings(comment: str) -> None:
    text = HEAD + BODY.replace("duration: 30}", "duration: 30}  " + comment)
    assert found(text) == [(6, "O001")]


def test_file_ignore_by_name_and_several_codes() -> None:
    text = "# tfagenda: file-ignore[missing-owner, gap]\n" + HEAD + BODY
    assert found(text) == []


def test_bare_ignore_silences_every_rule_on_its_line() -> None:
    text = HEAD + BODY.replace("duration: 30}", "duration: 30}  # tfagenda: ignore")
    assert found(text) == []


def test_bare_file_ignore_silences_the_whole_file() -> None:
    assert found("# tfagenda: file-ignore\n" + HEAD + BODY) == []


def test_unused_suppression_is_reported_at_the_comment() -> None:
    text = HEAD + BODY.replace("owner: ann}", "owner: ann}  # tfagenda: ignore[T001]")
    result = findings(text)
    (unused,) = [f for f in result if f.code == "I001"]
    line = text.splitlines()[unused.line - 1]
    assert unused.line == 5
    assert line[unused.column - 1 :].startswith("# tfagenda: ignore[T001]")
    assert str(unused.severity) == "warning"
    assert unused.name == "unused-suppression"
    assert "T001" in unused.message.say("en") and "suppresses nothing" in unused.message.say("en")
    assert unused.fix is not None and unused.fix.edits and unused.fix.edits[0].text == ""


def test_partly_used_suppression_names_only_the_unused_code() -> None:
    text = HEAD + BODY.replace("duration: 30}", "duration: 30}  # tfagenda: ignore[S002, T001, O001]")
    result = findings(text)
    assert [(f.line, f.code) for f in result] == [(6, "I001")]
    assert (
        "T001" in result[0].message.say("en")
        and "S002" not in result[0].message.say("en")
        and "O001" not in result[0].message.say("en")
    )
    assert result[0].fix is None  # removing the whole comment would unsuppress S002 and O001


def test_unused_name_is_reported_as_written() -> None:
    text = HEAD + BODY.replace("owner: ann}", "owner: ann}  # tfagenda: ignore[end-before-start]")
    (unused,) = [f for f in findings(text) if f.code == "I001"]
    assert "end-before-start" in unused.message.say("en")


def test_unused_file_ignore_and_bare_ignore() -> None:
    text = (
        "# tfagenda: file-ignore[D001]\n"
        + HEAD
        + BODY.replace("owner: ann}", "owner: ann}  # tfagenda: ignore")
    )
    result = findings(text)
    unused = [f for f in result if f.code == "I001"]
    assert [f.line for f in unused] == [1, 6]
    assert "D001" in unused[0].message.say("en")
    assert "every rule" in unused[1].message.say("en")


def test_unknown_code_is_reported() -> None:
    text = HEAD + BODY.replace("duration: 30}", "duration: 30}  # tfagenda: ignore[S002, X123, no-such-rule]")
    result = findings(text)
    unknown = [f for f in result if f.code == "I001"]
    assert [f.line for f in unknown] == [6, 6]
    assert "'X123'" in unknown[0].message.say("en") and "not a rule" in unknown[0].message.say("en")
    assert "'no-such-rule'" in unknown[1].message.say("en")
    assert [f.code for f in result if f.code != "I001"] == ["O001"]  # S002 is still suppressed


def test_a_suppression_does_not_cover_other_codes() -> None:
    text = HEAD + BODY.replace("duration: 30}", "duration: 30}  # tfagenda: ignore[O001]")
    assert found(text) == [(6, "S002")]


def test_a_file_of_suppressions_only_reports_each_unused_one() -> None:
    text = (
        "# tfagenda: file-ignore[O001]\n"
        "# tfagenda: file-ignore[O001]\n"  # the second is redundant: the first already covers it
        + HEAD
        + BODY
    )
    assert found(text) == [(2, "I001"), (8, "S002")]


def test_unused_suppression_does_not_fail_the_check(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        HEAD + BODY.replace("duration: 30}", "duration: 30, owner: bob}  # tfagenda: ignore[S002, T004]"),
        encoding="utf-8",
    )
    result = run("check", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [f["code"] for f in json.loads(result.stdout)] == ["I001"]
    assert run("check", str(path), "--strict").exit_code == 1


def test_i001_can_be_ignored_and_suppressions_still_work() -> None:
    text = HEAD + BODY.replace("duration: 30}", "duration: 30}  # tfagenda: ignore[S002, T001]")
    settings = Settings.defaults().with_selection(ignore=["unused-suppression"])
    assert found(text, settings) == [(6, "O001")]


def test_a_marker_glued_to_a_value_is_not_a_comment() -> None:
    """In YAML a comment's # starts the line or follows whitespace: "B#tfagenda: ignore" is text."""
    text = HEAD + BODY.replace("title: B,", 'title: "B#tfagenda: ignore",')
    assert sorted(found(text)) == [(6, "O001"), (6, "S002")]


def test_suppress_a_cross_file_double_booking(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text(
        HEAD
        + '  - {title: Talk, start: "10:00", duration: 60, owner: kim}  # tfagenda: ignore[double-booked]\n',
        encoding="utf-8",
    )
    b.write_text(
        HEAD + '  - {title: Other talk, start: "10:30", duration: 30, owner: kim}\n', encoding="utf-8"
    )
    result = check_paths([a, b], ONLY_OWNERS)
    by_file = {Path(path).name: [f.code for f in result.findings if f.path == path] for path in result.files}
    assert by_file == {"a.yaml": [], "b.yaml": ["O003"]}  # suppressed in a, no I001; still in b
    other = next(f for f in result.findings if f.path == str(b))
    assert other.related[0].path == str(a)
    # Checked alone, a's suppression suppresses nothing: then it is reported.
    alone = check_paths([a], ONLY_OWNERS)
    assert [f.code for f in alone.findings] == ["I001"]


def test_suppress_a_cross_file_double_booking_by_file_ignore_in_both(tmp_path: Path) -> None:
    for name, start in (("a.yaml", "10:00"), ("b.yaml", "10:15")):
        (tmp_path / name).write_text(
            "# tfagenda: file-ignore[O003]\n"
            + HEAD
            + f'  - {{title: T, start: "{start}", duration: 45, owner: kim}}\n',
            encoding="utf-8",
        )
    assert check_paths([tmp_path], ONLY_OWNERS).findings == []
    (tmp_path / "b.yaml").write_text(
        HEAD + '  - {title: T, start: "10:15", duration: 45, owner: kim}\n', encoding="utf-8"
    )
    assert [(Path(f.path).name, f.code) for f in check_paths([tmp_path], ONLY_OWNERS).findings] == [
        ("b.yaml", "O003")
    ]
