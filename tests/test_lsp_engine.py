"""The language server's pieces that need no protocol: message language, suppression edits,
the fix-all edit, and hover text."""

from __future__ import annotations

from tfagenda.config import Settings
from tfagenda.findings import Finding, Severity, Span
from tfagenda.fix import apply_edits, fix_text
from tfagenda.lsp.engine import (
    check_buffer,
    client_language,
    finding_text,
    fix_all,
    ignore_action,
    segment_at,
    segment_hover,
)


class Deferred:
    """A message said when its language is known (the form messages are moving to)."""

    def say(self, lang: str) -> str:
        return {"ko": "한국어", "en": "English"}[lang]


def test_finding_text_works_with_text_and_deferred_messages() -> None:
    assert finding_text("already said", "ko") == "already said"
    assert finding_text(Deferred(), "ko") == "한국어"
    assert finding_text(Deferred(), "en") == "English"


def test_the_client_locale_picks_the_language() -> None:
    assert [client_language(x) for x in ("ko", "ko-KR", "KO_kr")] == ["ko", "ko", "ko"]
    assert [client_language(x) for x in ("en-US", "kok", "de", None, "")] == ["en"] * 5


def finding(line: int, code: str = "S002") -> Finding:
    return Finding("x.yaml", Span(line, 5, line, 10), code, "gap", Severity.WARNING, "m")


def test_ignore_adds_a_comment_or_extends_the_one_there() -> None:
    lines = [
        "title: x",
        "  - {title: a}   ",
        "  - {title: b}  # tfagenda: ignore[O001]",
        "  - {title: c}  # tfagenda: ignore",
    ]
    text = "\n".join(lines) + "\n"
    added = ignore_action(finding(2), lines, "en")
    assert added is not None and added.title == "Ignore S002 on this line"
    assert apply_edits(text, added.edits).splitlines()[1] == "  - {title: a}  # tfagenda: ignore[S002]"
    extended = ignore_action(finding(3), lines, "en")
    assert extended is not None
    assert (
        apply_edits(text, extended.edits).splitlines()[2] == "  - {title: b}  # tfagenda: ignore[O001, S002]"
    )
    assert ignore_action(finding(4), lines, "en") is None  # a bare ignore already covers every rule
    assert ignore_action(finding(1, "E001"), lines, "en") is None


AGENDA = """\
title: x
date: 2026-03-06
slot: 16:30-17:00
segments:
  - {title: a, start: "16:30", end: "16:05", duration: 5, owner: "-"}
  - {title: b, duration: 25, owner: "-"}
"""


def test_fix_all_is_the_smallest_edit_giving_check_fix_text() -> None:
    begin, end, new = fix_all(AGENDA, "x.yaml", Settings.defaults()) or (0, 0, "")
    assert AGENDA[:begin] + new + AGENDA[end:] == fix_text(AGENDA, "x.yaml")[0]
    assert len(new) < 40  # from the slot's quote to the end's value, not the whole file
    assert fix_all(fix_text(AGENDA, "x.yaml")[0], "x.yaml", Settings.defaults()) is None


def test_segment_hover_marks_what_the_file_does_not_write() -> None:
    checked = check_buffer(AGENDA, "x.yaml", Settings.defaults())
    placed = segment_at(checked, 6, 8)
    assert placed is not None and placed.segment.title == "b"
    text = segment_hover(placed, "en")
    assert "| 16:35 (inferred) | 17:00 (inferred) | 25 min |" in text
    first = segment_at(checked, 5, 8)
    # The file's end (16:05) is before its start: the hover shows the repair the checks use.
    assert first is not None and "| 16:30 | 16:35 (repaired) | 5 min |" in segment_hover(first, "en")
    assert "소요 시간" in segment_hover(placed, "ko")
