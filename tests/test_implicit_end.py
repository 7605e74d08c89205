"""T005 implicit-end: opt-in, and its unsafe fix writes the inferred end (issue 13 item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tfagenda.cli import app
from tfagenda.config import Settings, expand_selector
from tfagenda.linter import check_paths

RUNNER = CliRunner()

START_ONLY = """\
title: Weekly
slot: "10:00-11:00"
segments:
  - start: "10:00"  # opening
    title: Opening
    owner: "-"
  - {start: "10:15", title: Review, owner: "-"}
  - title: Review parts
    start: "10:40"
    owner: "-"
    parts:
      - {title: First, start: "10:40"}
      - {title: Second, start: "10:50"}
"""

FIXED = """\
title: Weekly
slot: "10:00-11:00"
segments:
  - start: "10:00"  # opening
    end: "10:15"
    title: Opening
    owner: "-"
  - {start: "10:15", end: "10:40", title: Review, owner: "-"}
  - title: Review parts
    start: "10:40"
    end: "11:00"
    owner: "-"
    parts:
      - {title: First, start: "10:40", end: "10:50"}
      - {title: Second, start: "10:50", end: "11:00"}
"""


def _codes(path: Path, settings: Settings | None = None) -> list[str]:
    return [f.code for f in check_paths([path], settings).findings]


def test_not_selected_by_default_nor_by_a_prefix_or_all(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(START_ONLY, encoding="utf-8")
    assert _codes(path) == []
    assert "T005" not in Settings.defaults().with_selection(select=["T", "ALL"]).selected
    assert expand_selector("T005") == ["T005"] and expand_selector("implicit-end") == ["T005"]
    named = Settings.defaults().with_selection(extend_select=["T005"])
    assert _codes(path, named) == ["T005"] * 5


def test_unsafe_fix_writes_each_end_in_the_mappings_style(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(START_ONLY, encoding="utf-8")
    safe_only = RUNNER.invoke(app, ["check", "--extend-select", "T005", "--fix", str(path)])
    assert safe_only.exit_code == 0, safe_only.output
    assert path.read_text(encoding="utf-8") == START_ONLY  # unsafe: not applied without --unsafe-fixes
    result = RUNNER.invoke(app, ["check", "--extend-select", "T005", "--fix", "--unsafe-fixes", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == FIXED
    assert _codes(path, Settings.defaults().with_selection(extend_select=["T005"])) == []


def test_crlf_file_keeps_its_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(START_ONLY.replace("\n", "\r\n").encode("utf-8"))
    result = RUNNER.invoke(app, ["check", "--extend-select", "T005", "--fix", "--unsafe-fixes", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == FIXED.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("lang, words", [("en", "where the slot ends"), ("ko", "회의 시간이 끝나는")])
def test_message_says_where_the_end_comes_from(tmp_path: Path, lang: str, words: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(START_ONLY, encoding="utf-8")
    result = RUNNER.invoke(app, ["check", "--extend-select", "T005", "--lang", lang, str(path)])
    assert words in result.output and "11:00" in result.output


def test_an_imported_text_gets_the_finding_without_an_edit(tmp_path: Path) -> None:
    path = tmp_path / "agenda.md"
    path.write_text(
        "# 운영위원회\n\n일시: 2026-06-01(월) 10:00~11:00\n\n| 시간 | 내용 | 담당 |\n|---|---|---|\n"
        "| 10:00 | 개회 | 위원장 |\n| 10:10 | 안건 심의 | 위원장 |\n",
        encoding="utf-8",
    )
    findings = check_paths([path], Settings.defaults().with_selection(extend_select=["T005"])).findings
    assert [f.code for f in findings] == ["T005", "T005"], [f.message.say("en") for f in findings]
    assert all(f.fix is None for f in findings)


def test_a_start_only_parent_ends_where_its_parts_end(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'title: W\nsegments:\n  - title: Talks\n    start: "09:00"\n    owner: "-"\n    parts:\n'
        "      - {title: A, duration: 20}\n      - {title: B, duration: 25}\n",
        encoding="utf-8",
    )
    findings = check_paths([path], Settings.defaults().with_selection(extend_select=["T005"])).findings
    assert [f.message.say("en") for f in findings] == [
        "'Talks' gives no end: it ends at 09:45, where its last part ends"
    ]


def test_a_flow_mapping_with_an_anchor_or_tag_gets_the_end_inside_its_braces(tmp_path: Path) -> None:
    # The mapping's text starts at its anchor or tag, not at '{': the end once went on a new line
    # after the '}', and the fix was refused as unreadable.
    path = tmp_path / "a.yaml"
    path.write_text(
        'title: W\nslot: "10:00-11:00"\nsegments:\n'
        '  - &a {title: A, owner: "-", start: "10:00"}\n'
        '  - !!map\n    # tagged\n    {title: B, owner: "-", start: "10:20"}\n'
        '  - {title: C, owner: "-", start: "10:30", end: "11:00"}\n',
        encoding="utf-8",
    )
    result = RUNNER.invoke(app, ["check", "--extend-select", "T005", "--fix", "--unsafe-fixes", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == (
        'title: W\nslot: "10:00-11:00"\nsegments:\n'
        '  - &a {title: A, owner: "-", start: "10:00", end: "10:20"}\n'
        '  - !!map\n    # tagged\n    {title: B, owner: "-", start: "10:20", end: "10:30"}\n'
        '  - {title: C, owner: "-", start: "10:30", end: "11:00"}\n'
    )
    assert _codes(path, Settings.defaults().with_selection(extend_select=["T005"])) == []
