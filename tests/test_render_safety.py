"""What ``render`` writes is safe to show and to parse, for any agenda ``check`` reads (issue 11,
defects 10, 12, 13, 20, 21 and 22).

- Text formats (table, md, text) and html show control characters, bidi controls and undecodable
  bytes of titles, owners, notes, rooms and file names visibly (``\\x1b``), as ``check`` does.
- Markdown escapes HTML and the characters that would end a cell or start code.
- A duration of more than a week is E004 at the value, and every format draws a long axis in
  bounded time and size.
- json, frab-json, frab-xml, ics and html parse with real parsers (a hypothesis property below,
  and the render oracle of ``fuzz/harness.py`` on mutated files).
- Dates at 0001-01-01 and 9999-12-31 render; a time past 9999-12-31 is a usage error naming the
  date for the formats that write datetimes (json, ics, frab), never a traceback.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, check, run, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from tfagenda.load import load_bytes, load_text
from tfagenda.render import RENDERERS, RenderError, render
from tfagenda.render.html import _ticks
from tfagenda.textwidth import needs_escape

sys.path.insert(0, str(REPO / "fuzz"))
from harness import check_render, check_rendered  # noqa: E402
from mutate import mutate, mutate_name, seed_files  # noqa: E402

FORMATS = sorted(RENDERERS)
TEXT_FORMATS = ["table", "md", "text"]

ESCAPES_AGENDA = r"""title: "Meet \e[2J\a"
date: 2026-03-02
timezone: Asia/Seoul
venue: "Hall \e]0;pwned\a"
slot: "10:00-11:00"
segments:
  - title: "Opening \e[31mred \u202eevil \x9b1m"
    owner: "Kim\e]0;owned\a"
    kind: "talk\e[5m"
    duration: 30
    note: "note\e[2K\rspoof"
  - title: "Plain"
    owner: "-"
    duration: 30
"""


def _raw(text: str, allowed: str = "\n") -> set[str]:
    return {char for char in text if needs_escape(char) and char not in allowed}


# -- defect 10: control characters ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "html"])
def test_control_characters_in_values_are_shown_visibly(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path / "esc.yaml", ESCAPES_AGENDA)
    narrow = run("render", str(path), "--format", fmt, env={"COLUMNS": "40"})
    assert narrow.exit_code == 0, narrow.stderr
    assert _raw(narrow.stdout, "\n\t") == set()  # wrapped (the table) or not, nothing raw
    # Wide enough that the table does not wrap the owner inside its escape.
    result = run("render", str(path), "--format", fmt, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert _raw(result.stdout, "\n\t") == set()
    shown = result.stdout.replace("\\\\", "\\") if fmt == "md" else result.stdout  # md escapes "\\"
    assert "\\x1b[2J" in shown  # the title, shown
    assert "\\u202e" in shown and "\\u009b" in shown
    assert "Kim\\x1b]0;owned\\x07" in shown


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="other systems refuse such names")
@pytest.mark.parametrize("fmt", [*FORMATS])
def test_control_characters_in_file_names_are_shown_visibly(tmp_path: Path, fmt: str) -> None:
    name = os.fsdecode(b"a\x1b[2J\xff.yaml")
    path = write(
        tmp_path / name, "title: x\nslot: 10:00-10:30\nsegments:\n  - {title: a, duration: 30, owner: '-'}\n"
    )
    result = run("render", str(path), "--format", fmt)
    for text in (result.stdout, result.stderr):
        assert _raw(text, "\n\t\r") == set()
    if fmt in ("ics", "frab-xml", "frab-json"):  # no date: the usage error names the file, shown
        assert result.exit_code == 2
        assert "a\\x1b[2J\\xff.yaml" in result.stderr
    else:
        assert result.exit_code == 0, result.stderr
    if fmt in ("json", "html"):
        assert "a\\x1b[2J\\xff.yaml" in result.stdout.replace("\\\\", "\\")


# -- defect 12: Markdown -------------------------------------------------------------------------

MARKDOWN_AGENDA = r"""title: "<script>alert(1)</script>"
slot: "10:00-11:00"
segments:
  - title: "<img src=x onerror=alert(1)> | pipe `code` & amp"
    owner: "<b>bold</b>"
    note: "line one\rline two\nthree"
    duration: 30
  - title: "a\\|b"
    owner: "-"
    duration: 30
"""


def _columns(row: str) -> int:
    """The cells of a Markdown table row: ``|`` not escaped by a backslash."""
    count, escaped = 0, False
    for char in row:
        if char == "|" and not escaped:
            count += 1
        escaped = char == "\\" and not escaped
    return count - 1


def test_markdown_escapes_html_and_keeps_the_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "md.yaml", MARKDOWN_AGENDA)
    result = run("render", str(path), "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\r" not in text
    assert "\\`code\\`" in text and "&amp; amp" in text and "\\|" in text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) == 4  # header, rule, two segments: no row was split by a line break
    assert {_columns(row) for row in rows} == {_columns(rows[0])}
    assert "a\\\\\\|b" in text  # a backslash before a pipe stays a backslash, and the pipe escaped


# -- defect 13: huge durations -------------------------------------------------------------------

HUGE = 'title: x\ndate: 2026-03-02\ntimezone: Asia/Seoul\nsegments:\n  - title: a\n    start: "10:00"\n    duration: {duration}\n    owner: "-"\n'


def test_a_duration_over_a_week_is_e004_at_the_value(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.yaml", HUGE.format(duration=3000000000))
    result = check(str(path), "--format", "concise")
    assert result.exit_code == 1
    assert "huge.yaml:7:15: E004" in result.stdout
    assert "more than a week" in result.stdout and "10,080 minutes" in result.stdout
    ok = write(tmp_path / "week.yaml", HUGE.format(duration=10080))
    assert "E004" not in check(str(ok), "--format", "concise").stdout


@pytest.mark.parametrize("duration", ["3000000000", "10080", "10**400"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_a_huge_duration_fast_and_small(tmp_path: Path, fmt: str, duration: str) -> None:
    value = "1" + "0" * 400 if duration == "10**400" else duration
    path = write(tmp_path / "huge.yaml", HUGE.format(duration=value))
    started = time.perf_counter()
    result = run("render", str(path), "--format", fmt)
    assert time.perf_counter() - started < 10
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout) < 64 * 1024


def test_a_week_long_chain_draws_a_bounded_axis() -> None:
    segments = "".join(f"  - {{title: s{i}, duration: 10080, owner: '-'}}\n" for i in range(300))
    loaded = load_text(
        'title: x\ndate: 2026-03-02\ntimezone: UTC\nsegments:\n  - {title: s, start: "10:00", duration: 10080, owner: "-"}\n'
        + segments,
        "long.yaml",
    )
    started = time.perf_counter()
    page = render(loaded, "html")
    assert time.perf_counter() - started < 10
    assert len(page) < 1_000_000  # 300 rows; the axis adds at most 13 ticks
    assert page.count('class="tick') <= 13
    assert len(_ticks(0, 10**12)) <= 13 and len(_ticks(0, 3_000_000_000)) <= 13


# -- defect 21: a title with line breaks in an .ics ----------------------------------------------


@pytest.mark.parametrize("segments", [[], ["--segments"]])
def test_ics_with_a_block_scalar_title(tmp_path: Path, segments: list[str]) -> None:
    text = 'title: |\n  two\n  lines\ndate: 2026-03-02\nslot: "10:00-11:00"\nsegments:\n  - title: |\n      a\n      b\n    duration: 30\n    owner: "-"\n'
    path = write(tmp_path / "nl.yaml", text)
    result = run("render", str(path), "--format", "ics", *segments)
    assert result.exit_code == 0, result.stderr
    calendar = Calendar.from_ical(result.stdout)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == ("a b" if segments else "two lines")


# -- defect 22: dates at the ends of the calendar ------------------------------------------------

EXTREMES = {
    "late-overnight": 'title: x\ndate: 9999-12-31\nslot: "23:00-01:00"\nsegments:\n  - {title: a, duration: 30, owner: "-"}\n  - {title: b, duration: 90, owner: "-"}\n',
    "late-overnight-tz": 'title: x\ndate: 9999-12-31\ntimezone: Asia/Seoul\nslot: "23:00-01:00"\nsegments:\n  - {title: a, duration: 120, owner: "-"}\n',
    "early-tz": 'title: x\ndate: 0001-01-01\ntimezone: Asia/Seoul\nslot: "00:00-01:00"\nsegments:\n  - {title: a, duration: 30, owner: "-"}\n',
    "late-new-york": 'title: x\ndate: 9999-12-31\ntimezone: America/New_York\nslot: "22:00-23:00"\nsegments:\n  - {title: a, duration: 30, owner: "-"}\n',
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(EXTREMES))
def test_dates_at_the_ends_of_the_calendar(tmp_path: Path, case: str, fmt: str) -> None:
    path = write(tmp_path / f"{case}.yaml", EXTREMES[case])
    result = run("render", str(path), "--format", fmt)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    overnight_past_9999 = case.startswith("late-overnight") and fmt in (
        "json",
        "ics",
        "frab-xml",
        "frab-json",
    )
    no_timezone = case == "late-overnight" and fmt.startswith("frab")
    if overnight_past_9999 or no_timezone:
        assert result.exit_code == 2
        assert "9999-12-31" in result.stderr or "timezone" in result.stderr
    else:
        assert result.exit_code == 0, result.stderr
        check_rendered(fmt, result.stdout, len(EXTREMES[case]))


def test_past_9999_says_which_file_and_date() -> None:
    loaded = load_text(EXTREMES["late-overnight"], "late.yaml")
    with pytest.raises(RenderError, match=r"late\.yaml: the meeting on 9999-12-31 .* past 9999-12-31"):
        render(loaded, "json")


# -- defect 20: a property over generated agendas ------------------------------------------------

ODD = [
    "\x1b[2J",
    "\x07",
    "\x00",
    "\x7f",
    "\x85",
    "\x9b",
    "\u202e",
    "\u2066",
    "\u2028",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\ud83d\ude00",  # written as a YAML escape pair: joined into one emoji
    "\ud800",  # a lone surrogate escape: U+FFFD
    "\ufffe",
    "😀",
    "가나",
    "<script>",
    "&amp;",
    "]]>",
    "|",
    "`",
    '"',
    "\\",
]
KINDS = ["break", "talk", "\x1b[1m", "<i>"]
TEXT = st.lists(st.one_of(st.sampled_from(ODD), st.text(max_size=5)), max_size=5).map("".join)


def _yaml_string(text: str) -> str:
    r"""A YAML double-quoted scalar (JSON's escapes are YAML's; a surrogate is written ``\ud800``)."""
    return json.dumps(text, ensure_ascii=True)


@st.composite
def agendas(draw: st.DrawFn) -> str:
    lines = [f"title: {_yaml_string(draw(TEXT) or 't')}"]
    date = draw(st.sampled_from(["0001-01-01", "0001-01-02", "2026-03-02", "9999-12-30", "9999-12-31", None]))
    if date:
        lines.append(f"date: {date}")
    zone = draw(
        st.sampled_from([None, "Asia/Seoul", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"])
    )
    if zone:
        lines.append(f"timezone: {zone}")
    if draw(st.booleans()):
        lines.append(f"venue: {_yaml_string(draw(TEXT))}")
    start, end = (
        draw(st.sampled_from(["00:00", "09:00", "22:00", "23:30"])),
        draw(st.sampled_from(["00:00", "01:00", "10:00", "24:00"])),
    )
    if start != end and draw(st.booleans()):
        lines.append(f'slot: "{start}-{end}"')
    lines.append("segments:")
    for index in range(draw(st.integers(1, 4))):
        lines.append(f"  - title: {_yaml_string(draw(TEXT) or 's')}")
        if index == 0 or draw(st.booleans()):
            lines.append(f'    start: "{draw(st.sampled_from(["00:00", "10:00", "23:55"]))}"')
        lines.append(f"    duration: {draw(st.sampled_from([0, 5, 90, 1440, 10080]))}")
        lines.append(f"    owner: {_yaml_string(draw(TEXT) or '-')}")
        if draw(st.booleans()):
            lines.append(f"    note: {_yaml_string(draw(TEXT))}")
        if draw(st.booleans()):
            kind = draw(st.sampled_from(KINDS))
            lines.append(f"    kind: {_yaml_string(kind)}")
        if draw(st.booleans()):
            lines.append(f"    parts:\n      - {{title: {_yaml_string(draw(TEXT) or 'p')}, duration: 5}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=agendas(), name=st.sampled_from(["a.yaml", "\x1b[2J.yaml", os.fsdecode(b"\xff.yaml"), "\u202e.yaml"])
)
def test_every_format_of_every_agenda_is_well_formed(text: str, name: str) -> None:
    loaded = load_bytes(text.encode("utf-8"), name)
    assert loaded.agenda is not None, [p.message for p in loaded.problems]
    assert check_render(loaded) >= 4  # table, md, text, html at least; the others unless a RenderError


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(seed_files()), rnd=st.randoms(use_true_random=False))
def test_mutated_files_render_safely(seed: Path, rnd: random.Random) -> None:
    """The fuzzer's render oracle under hypothesis: mutated files and names, every format."""
    raw, _ = mutate(seed.read_bytes(), rnd)
    check_render(load_bytes(raw, mutate_name(seed.name, rnd)))
