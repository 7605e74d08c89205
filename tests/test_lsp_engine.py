"""The language server's pieces that need no protocol: message language, suppression edits,
the fix-all edit, and hover text."""

from __future__ import annotations

from pathlib import Path

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


FOLDER = {
    # Kim Minsu is in both meetings at 10:10-10:20 (by id here, by a local alias in b.yaml; across
    # files a person is known by the name of their people entry): O003 in each file
    "a.yaml": """\
title: Planning
date: 2026-03-06
slot: "10:00-10:30"
people:
  kim: {name: Kim Minsu}
segments:
  - {title: Opening, duration: 10, owner: kim}
  - {title: Budget, duration: 20, owner: kim}  # tfagenda: ignore[T001]
""",
    "b.yaml": """\
title: Review
date: 2026-03-06
slot: "10:10-10:40"
people:
  minsu: {name: Kim Minsu, aliases: [Minsu]}
segments:
  - {title: Status, duration: 10, owner: Minsu}
  - {title: Risks, duration: 20, owner: lee}
""",
    # the same person again (written as the name, no people entry), its double booking with
    # a.yaml silenced on its line
    "c.yaml": """\
title: Hiring
date: 2026-03-06
slot: "10:20-10:30"
segments:
  - {title: Interviews, duration: 10, owner: Kim Minsu}  # tfagenda: ignore[O003]
""",
}


def _said(finding: Finding, lang: str) -> tuple[object, ...]:
    return (finding.path, finding.code, finding.span, finding.severity, finding_text(finding.message, lang))


def test_the_server_finds_what_check_finds_in_a_folder_with_double_bookings(tmp_path: Path) -> None:
    """The server's check of each file (its buffer against the other files on disk) gives exactly
    ``tfagenda check``'s findings (``check_paths`` on the folder): the same steps, no mirror to drift."""
    from tfagenda.config import load_settings
    from tfagenda.linter import check_paths
    from tfagenda.lsp.engine import Workspace, compare_with

    folder = tmp_path / "agendas"
    folder.mkdir()
    for name, text in FOLDER.items():
        (folder / name).write_text(text, encoding="utf-8")
    workspace = Workspace(tmp_path)
    assert workspace.reload_settings() is None
    settings = load_settings(cwd=tmp_path)

    result = check_paths([workspace.settings.agenda_dir], settings)  # messages are said at output
    for lang in ("en", "ko"):
        # what the test is about: double bookings across files, a suppressed one, an unused suppression
        codes = {(Path(f.path).name, f.code) for f in result.findings}
        assert {("a.yaml", "O003"), ("b.yaml", "O003"), ("a.yaml", "I001")} <= codes
        assert ("c.yaml", "O003") not in codes
        for path in result.files:
            text = Path(path).read_text(encoding="utf-8")
            others = compare_with(workspace, path, [])
            assert len(others) == 2
            served = check_buffer(text, path, workspace.settings, others).findings
            expected = [f for f in result.findings if f.path == path]
            assert [_said(f, lang) for f in served] == [_said(f, lang) for f in expected]
