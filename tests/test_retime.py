"""``tfagenda retime``: --shift, --pack (with --gap), --fit, and when it writes (--yes, a prompt on a terminal)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import AGENDAS_DIR, SEED, run

from tfagenda.fix import unified_diff
from tfagenda.linter import check_text
from tfagenda.load import load_text
from tfagenda.retime import RetimeError, fits, parse_gap, parse_shift, retime_text, top_level
from tfagenda.timeline import resolve

WEEKLY = (AGENDAS_DIR / "2026-11-30-platform-team-weekly.yaml").read_text(encoding="utf-8")
# The weekly agenda with room for 5-minute gaps (its own slot is full: --gap would run past it).
ROOMY = WEEKLY.replace('slot: "10:00-11:00"', 'slot: "10:00-11:30"')
FORUM = (AGENDAS_DIR / "2026-03-10-care-tech-forum.yaml").read_text(encoding="utf-8")

FLOW = """\
title: Review
slot: "10:00-11:00"
segments:
  - {title: Intro, start: "10:00", end: "10:10", duration: 10, owner: ann}  # keep me
  - {title: Demo, start: '10:10', end: '10:40', owner: bob}
  - {title: Questions, duration: 20, owner: "-"}
"""

OVERNIGHT = """\
# An overnight shift handover, with parts.
title: 야간 상황실 교대 회의
slot: "22:00-01:30"
segments:
  - {title: 주간 상황 보고, start: "22:00", duration: 30, owner: 상황실장}
  - title: 재난 대응 점검
    start: "22:30"
    end: "23:50"
    owner: 재난대응과장
    parts:
      - {title: 1부, duration: 40}
      - {title: 2부, start: "23:10", end: "23:50"}
  - {title: 교대 인수인계, duration: 20, owner: 야간근무조장}
"""


def times(text: str) -> list[tuple[str, str, str]]:
    """Every segment and part as (title, start, end), resolved."""
    from tfagenda.clock import format_time

    loaded = load_text(text, "x.yaml")
    assert loaded.agenda is not None
    return [(p.title, format_time(p.start), format_time(p.end)) for p in resolve(loaded.agenda).segments()]  # type: ignore[arg-type]


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.split("\n"), after.split("\n")) if a != b]


# --- parsing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"), [("+10m", 10), ("-5m", -5), ("10", 10), ("+1h", 60), ("-1h30m", -90), ("+0:15", 15)]
)
def test_parse_shift(text: str, minutes: int) -> None:
    assert parse_shift(text) == minutes


@pytest.mark.parametrize("text", ["soon", "+", "10 hours later"])
def test_parse_shift_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_shift(text)


def test_parse_gap() -> None:
    assert parse_gap("5m") == 5 and parse_gap("0") == 0


# --- shift -------------------------------------------------------------------------------------------


def test_shift_moves_the_segment_and_all_after_it_keeping_quotes() -> None:
    after = retime_text(FLOW, "x.yaml", shift=5, start_from="2")
    assert after == FLOW.replace("start: '10:10', end: '10:40'", "start: '10:15', end: '10:45'")
    assert times(after)[1:] == [("Demo", "10:15", "10:45"), ("Questions", "10:45", "11:05")]


def test_shift_without_from_moves_everything_and_inserts_a_start_where_it_was_implied() -> None:
    after = retime_text(WEEKLY, "x.yaml", shift=10)
    assert changed_lines(WEEKLY, after) == [
        (
            "  - {title: Check-in and last week's actions, duration: 5m, owner: lead}",
            '  - {start: "10:10", title: Check-in and last week\'s actions, duration: 5m, owner: lead}',
        )
    ]
    assert times(after)[0] == ("Check-in and last week's actions", "10:10", "10:15")
    assert times(after)[-1] == ("Actions and wrap-up", "11:07", "11:10")


def test_shift_by_title_inserts_a_block_start_line_with_the_keys_indentation() -> None:
    after = retime_text(WEEKLY, "x.yaml", shift=-5, start_from="Roadmap")
    assert '  - start: "10:15"\n    title: Roadmap\n    duration: 25m\n' in after
    assert after.replace('  - start: "10:15"\n    title: Roadmap', "  - title: Roadmap") == WEEKLY
    resolved = dict((title, (start, end)) for title, start, end in times(after))
    assert resolved["Roadmap"] == ("10:15", "10:40")
    assert resolved["Q1 priorities"] == ("10:15", "10:30")  # parts follow their segment
    assert resolved["Incident review"] == ("10:05", "10:20")  # before --from: untouched


def test_shift_with_crlf_inserts_crlf() -> None:
    text = WEEKLY.replace("\n", "\r\n")
    after = retime_text(text, "x.yaml", shift=5, start_from="Roadmap")
    assert '  - start: "10:25"\r\n    title: Roadmap\r\n' in after
    assert "\n" not in after.replace("\r\n", "")


def test_shift_moves_written_part_times_too() -> None:
    after = retime_text(OVERNIGHT, "x.yaml", shift=10, start_from="재난 대응 점검")
    assert changed_lines(OVERNIGHT, after) == [
        ('    start: "22:30"', '    start: "22:40"'),
        ('    end: "23:50"', '    end: "24:00"'),
        (
            '      - {title: 2부, start: "23:10", end: "23:50"}',
            '      - {title: 2부, start: "23:20", end: "24:00"}',
        ),
    ]


def test_shift_in_an_overnight_slot_wraps_past_midnight() -> None:
    after = retime_text(OVERNIGHT, "x.yaml", shift=25, start_from="2")
    assert '    start: "22:55"\n    end: "00:15"\n' in after
    assert '{title: 2부, start: "23:35", end: "00:15"}' in after
    assert times(after) == [
        ("주간 상황 보고", "22:00", "22:30"),
        ("재난 대응 점검", "22:55", "00:15"),
        ("1부", "22:55", "23:35"),
        ("2부", "23:35", "00:15"),
        ("교대 인수인계", "00:15", "00:35"),
    ]
    findings = check_text(after, "x.yaml")
    assert [f.code for f in findings] == ["S002"]  # the 25 minutes opened before segment 2, nothing else


def test_shift_that_crosses_midnight_outside_an_overnight_slot_is_refused() -> None:
    text = FLOW.replace('"10:00-11:00"', '"22:00-23:00"').replace("10:", "22:")
    with pytest.raises(
        RetimeError,
        match=r"'Demo' would end at 00:10 \(past midnight\); the slot does not cross midnight: nothing written",
    ):
        retime_text(text, "x.yaml", shift=90, start_from="Demo")


def test_shift_keeps_single_digit_hours() -> None:
    text = 'title: T\nslot: "9:00-10:00"\nsegments:\n  - {title: A, start: "9:00", end: "9:30", owner: x}\n  - {title: B, start: "9:30", end: "9:55", owner: y}\n'
    after = retime_text(text, "x.yaml", shift=5, start_from="B")
    assert after.endswith('{title: B, start: "9:35", end: "10:00", owner: y}\n')


def test_shift_into_a_track_moves_only_that_track() -> None:
    after = retime_text(FORUM, "x.yaml", shift=-10, start_from="정책 세션")
    assert changed_lines(FORUM, after) == [
        (
            '          - {title: 정책 세션, duration: 120, owner: kim, parts: [{title: 제도 개선 방향, duration: 60}, {title: 질의응답, duration: 60, owner: "-"}]}',
            '          - {start: "12:50", title: 정책 세션, duration: 120, owner: kim, parts: [{title: 제도 개선 방향, duration: 60}, {title: 질의응답, duration: 60, owner: "-"}]}',
        )
    ]


def test_from_names_one_segment() -> None:
    with pytest.raises(
        RetimeError,
        match=r"3 segments match '점심' \(3: 점심 \(대회의실\), 10: 점심 \(대회의실\), 13: 점심 \(세미나실 A\)\); give the number",
    ):
        retime_text(FORUM, "x.yaml", shift=5, start_from="점심")
    with pytest.raises(RetimeError, match="no segment is titled 'Lunch'"):
        retime_text(FORUM, "x.yaml", shift=5, start_from="Lunch")
    with pytest.raises(RetimeError, match="there is no segment 99; the file has 14"):
        retime_text(FORUM, "x.yaml", shift=5, start_from="99")
    loaded = load_text(FORUM, "x.yaml")
    assert len(top_level(resolve(loaded.agenda))) == 14  # type: ignore[arg-type]
    assert retime_text(FORUM, "x.yaml", shift=5, start_from="기업 전시") != FORUM  # a unique part of a title


def test_a_segment_whose_times_disagree_is_not_retimed() -> None:
    text = SEED.read_text(encoding="utf-8")
    with pytest.raises(
        RetimeError, match=r"'참석자 소개 및 인사말': its start, end and duration do not add up \(T001\)"
    ):
        retime_text(text, "x.yaml", shift=5)
    assert retime_text(text, "x.yaml", shift=5, start_from="3") != text  # after it: fine


# --- pack --------------------------------------------------------------------------------------------


def test_pack_with_a_gap_writes_starts_where_they_are_no_longer_implied() -> None:
    after = retime_text(ROOMY, "x.yaml", pack=True, gap=5)
    assert [(title, start, end) for title, start, end in times(after)] == [
        ("Check-in and last week's actions", "10:00", "10:05"),
        ("Incident review", "10:10", "10:25"),
        ("Roadmap", "10:30", "10:55"),
        ("Q1 priorities", "10:30", "10:45"),
        ("Hiring plan", "10:45", "10:55"),
        ("Break", "11:00", "11:05"),
        ("Open questions", "11:10", "11:17"),
        ("Actions and wrap-up", "11:22", "11:25"),
    ]
    assert '  - {start: "11:00", title: Break, duration: 5, kind: break}\n' in after
    assert '  - start: "10:10"\n    title: Incident review\n' in after
    # comments, people, blank lines untouched; the gaps are declared planned (no S002 for them)
    assert after.replace("policy: {gap-tolerance: 5}\n", "", 1).startswith(ROOMY.split("segments:")[0])
    assert "S002" not in {f.code for f in check_text(after, "x.yaml")}


def test_pack_without_a_gap_closes_gaps_and_removes_overlaps() -> None:
    text = (
        'title: T\nslot: "09:00-10:00"\nsegments:\n'
        '  - {title: A, start: "09:00", end: "09:20", owner: x}\n'
        '  - {title: B, start: "09:30", end: "09:40", owner: x}   # after a gap\n'
        '  - {title: C, start: "09:35", duration: 15, owner: x}  # overlaps B\n'
    )
    assert {f.code for f in check_text(text, "x.yaml")} == {"S001", "S002"}
    after = retime_text(text, "x.yaml", pack=True)
    assert after == text.replace('start: "09:30", end: "09:40"', 'start: "09:20", end: "09:30"').replace(
        'start: "09:35"', 'start: "09:30"'
    )
    assert check_text(after, "x.yaml") != [] and {f.code for f in check_text(after, "x.yaml")} == {"F003"}


def test_pack_from_a_segment_starts_after_the_one_before() -> None:
    roomy = FLOW.replace('"10:00-11:00"', '"10:00-11:05"')
    after = retime_text(roomy, "x.yaml", pack=True, gap=5, start_from="Questions")
    assert after == "policy: {gap-tolerance: 5}\n" + roomy.replace(
        "{title: Questions, duration: 20", '{start: "10:45", title: Questions, duration: 20'
    )


def test_pack_in_an_overnight_slot_with_parts() -> None:
    after = retime_text(OVERNIGHT, "x.yaml", pack=True, gap=10)
    assert times(after) == [
        ("주간 상황 보고", "22:00", "22:30"),
        ("재난 대응 점검", "22:40", "24:00"),
        ("1부", "22:40", "23:20"),
        ("2부", "23:20", "24:00"),
        ("교대 인수인계", "00:10", "00:30"),
    ]
    assert '  - {start: "00:10", title: 교대 인수인계, duration: 20, owner: 야간근무조장}\n' in after


def test_pack_every_track_from_the_slot_start() -> None:
    after = retime_text(FORUM, "x.yaml", pack=True)
    resolved = times(after)
    assert (
        "실증 사례 발표",
        "09:30",
        "11:00",
    ) in resolved  # room A's first session moves to the slot's start
    assert ("점심", "11:00", "13:00") in resolved


def test_nothing_to_do_returns_the_text_unchanged() -> None:
    assert retime_text(WEEKLY, "x.yaml", pack=True) == WEEKLY
    assert retime_text(WEEKLY, "x.yaml", shift=0) == WEEKLY


# --- fit ---------------------------------------------------------------------------------------------


def test_fit_reports_spare_exact_and_overrun() -> None:
    (exact,) = fits(load_text(WEEKLY, "x.yaml"))
    assert exact.sentence() == "Platform team weekly: 10:00–11:00 fills the slot to its end (11:00)"
    (spare,) = fits(load_text(OVERNIGHT, "x.yaml"))
    assert spare.spare == 80
    assert (
        spare.sentence()
        == "야간 상황실 교대 회의: 22:00–00:10 leaves 80 minutes spare before the slot's end (01:30)"
    )
    (over,) = fits(load_text(retime_text(FLOW, "x.yaml", shift=15, start_from="Demo"), "x.yaml"))
    assert over.overrun == 15
    assert over.sentence() == "Review: 10:00–11:15 runs 15 minutes past the slot's end (11:00)"
    forum = [f.sentence() for f in fits(load_text(FORUM, "x.yaml"))]
    assert (
        forum[1]
        == "2026-03-10 · 세미나실 A: 13:00–15:30 leaves 90 minutes spare before the slot's end (17:00)"
    )


# --- the command -------------------------------------------------------------------------------------


@pytest.fixture
def weekly(tmp_path: Path) -> Path:
    path = tmp_path / "weekly.yaml"
    path.write_text(ROOMY, encoding="utf-8")
    return path


def test_retime_without_yes_off_a_terminal_shows_table_and_diff_and_writes_nothing(weekly: Path) -> None:
    result = run("retime", str(weekly), "--from", "Roadmap", "--shift", "+5m")
    assert result.exit_code == 1
    assert weekly.read_text(encoding="utf-8") == ROOMY
    assert "10:25–10:50 (25 min)" in result.stdout and "Roadmap" in result.stdout  # the new table
    assert '+  - start: "10:25"' in result.stdout  # the diff
    assert "not written (standard input is not a terminal); run with --yes" in result.stderr


def test_retime_with_yes_writes_and_keeps_permissions(weekly: Path) -> None:
    os.chmod(weekly, 0o600)
    result = run("retime", str(weekly), "--pack", "--gap", "5m", "--yes")
    assert result.exit_code == 0, result.output
    assert weekly.read_text(encoding="utf-8") == retime_text(ROOMY, str(weekly), pack=True, gap=5)
    assert stat.S_IMODE(weekly.stat().st_mode) == 0o600
    assert result.stdout.rstrip().endswith(f"Wrote {weekly}.")


@pytest.mark.parametrize(("answer", "written", "code"), [("y\n", True, 0), ("n\n", False, 1)])
def test_retime_asks_on_a_terminal(
    answer: str, written: bool, code: int, weekly: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tfagenda.cli.retime

    monkeypatch.setattr(tfagenda.cli.retime, "_interactive", lambda: True)
    result = run("retime", str(weekly), "--shift", "+10m", input=answer)
    assert result.exit_code == code, result.output
    assert f"Write these changes to {weekly}?" in result.stdout
    assert (weekly.read_text(encoding="utf-8") != ROOMY) is written


def test_retime_refuses_when_the_file_changed_while_asking(
    weekly: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tfagenda.cli.retime

    monkeypatch.setattr(tfagenda.cli.retime, "_interactive", lambda: True)

    def confirm(*args: object, **kwargs: object) -> bool:
        weekly.write_text(ROOMY + "# edited meanwhile\n", encoding="utf-8")
        return True

    monkeypatch.setattr(tfagenda.cli.retime.typer, "confirm", confirm)
    result = run("retime", str(weekly), "--shift", "+10m")
    assert result.exit_code == 1
    assert "changed on disk since it was read; not written" in result.stderr
    assert weekly.read_text(encoding="utf-8") == ROOMY + "# edited meanwhile\n"


def test_retime_keeps_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    original = b"\xef\xbb\xbf" + ROOMY.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    assert run("retime", str(path), "--from", "Roadmap", "--shift", "+5m", "--yes").exit_code == 0
    assert path.read_bytes() == original.replace(
        b"  - title: Roadmap\r\n", b'  - start: "10:25"\r\n    title: Roadmap\r\n'
    )


def test_retime_with_nothing_to_change_exits_0(weekly: Path) -> None:
    result = run("retime", str(weekly), "--pack")
    assert result.exit_code == 0
    assert "Nothing to change" in result.stdout


def test_retime_fit_alone_reports_and_exits_by_the_overrun(weekly: Path, tmp_path: Path) -> None:
    weekly.write_text(WEEKLY, encoding="utf-8")  # the full slot
    result = run("retime", str(weekly), "--fit")
    assert result.exit_code == 0
    assert result.stdout == "Platform team weekly: 10:00–11:00 fills the slot to its end (11:00)\n"
    late = tmp_path / "late.yaml"
    late.write_text(retime_text(FLOW, "x.yaml", shift=15, start_from="Demo"), encoding="utf-8")
    over = run("retime", str(late), "--fit")
    assert over.exit_code == 1
    assert "runs 15 minutes past the slot's end (11:00)" in over.stdout


def test_retime_fit_with_shift_reports_after_the_change(weekly: Path) -> None:
    weekly.write_text(WEEKLY, encoding="utf-8")  # the full slot
    result = run("retime", str(weekly), "--shift", "+10m", "--fit")
    assert "Platform team weekly: 10:10–11:10 runs 10 minutes past the slot's end (11:00)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "say what to do"),
        (("--shift", "+5m", "--pack"), "do not go together"),
        (("--shift", "+5m", "--gap", "5m"), "--gap goes with --pack"),
        (("--shift", "later"), "is not a shift"),
    ],
)
def test_retime_usage_problems_exit_2(args: tuple[str, ...], message: str, weekly: Path) -> None:
    result = run("retime", str(weekly), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert weekly.read_text(encoding="utf-8") == ROOMY


def test_retime_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    assert run("retime", str(tmp_path / "nope.yaml"), "--fit").exit_code == 2


def test_retime_that_cannot_be_done_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "seed.yaml"
    path.write_bytes(SEED.read_bytes())
    result = run("retime", str(path), "--shift", "+5m", "--yes")
    assert result.exit_code == 1
    assert "do not add up (T001)" in result.stderr
    assert path.read_bytes() == SEED.read_bytes()


def test_retime_result_diff_matches_the_library(weekly: Path) -> None:
    result = run("retime", str(weekly), "--pack", "--gap", "5")
    assert unified_diff(ROOMY, retime_text(ROOMY, "x", pack=True, gap=5), str(weekly)) in result.stdout


def test_an_inserted_start_copies_the_files_quotes() -> None:
    text = "title: T\nslot: '10:00-10:35'\nsegments:\n  - {title: A, duration: 10, owner: x}\n  - {title: B, duration: 20, owner: y}\n"
    after = retime_text(text, "x.yaml", pack=True, gap=5)
    assert after == "policy: {gap-tolerance: 5}\n" + text.replace("{title: B", "{start: '10:15', title: B")
