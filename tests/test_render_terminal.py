"""``render --format table`` fits the terminal (issue 18, item 1).

At 60, 80 and 120 columns, for Korean and English agendas with findings and parts: no line is
wider than the terminal (Hangul counts two columns), empty columns are left out, a title is not
cut (it wraps), a finding's ``⚠`` stays with its code and a part's ``└`` with its title. Checked
in-process with ``COLUMNS`` (CliRunner) and in a real terminal (tmux ``capture-pane``; skipped,
with the reason, when tmux is not installed). Colour and width are independent: ``NO_COLOR``
does not make the table ignore the width, and piped output is 100 columns wide, not 80.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import REPO, SEED, run, write

from tfagenda.load import load_file
from tfagenda.render import render_many
from tfagenda.textwidth import cell_width

WELFARE = REPO / "agendas" / "2026-02-26-ai-welfare-tf-4.yaml"
FORUM = REPO / "agendas" / "2026-03-10-care-tech-forum.yaml"
WEEKLY = REPO / "agendas" / "2026-11-30-platform-team-weekly.yaml"
WIDTHS = (60, 80, 120)
TABLE_WIDTHS = (60, 80, 100, 120)

# An English agenda with parts, an empty note column, a long title and two findings on one row.
ENGLISH_WITH_FINDINGS = """\
title: Standards working group
date: 2026-12-02
weekday: Wed
slot: "14:00-15:30"
segments:
  - title: Standards alignment across the regional offices and partners
    start: "14:00"
    end: "13:50"
    duration: 10m
    owner: Chair
  - title: Review
    start: "14:10"
    end: "14:50"
    owner: Secretariat
    parts:
      - title: Interoperability profiles for the shared registry
        duration: 20m
      - title: Open issues
        duration: 20m
  - title: Wrap-up
    start: "14:50"
    end: "15:40"
    owner: Chair
"""


def _table(path: Path, width: int | None = None, **env: str) -> str:
    result = run(
        "render", str(path), "--format", "table", env={"COLUMNS": str(width) if width else None, **env}
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def _titles(path: Path) -> list[str]:
    import yaml

    titles: list[str] = []

    def walk(segments: list[dict]) -> None:  # type: ignore[type-arg]
        for segment in segments:
            titles.append(segment["title"])
            walk(segment.get("parts") or [])

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    for day in document.get("days") or [document]:
        walk(day.get("segments") or [])
        for track in day.get("tracks") or []:
            walk(track.get("segments") or [])
    return titles


def _assert_fits(text: str, width: int, titles: list[str]) -> None:
    lines = text.rstrip("\n").split("\n")
    wide = [line for line in lines if cell_width(line) > width]
    assert not wide, f"wider than {width}: {wide}"
    assert "…" not in text, "a cell was cut with …"
    # Every word of every title is there whole (wrapping breaks only at spaces).
    cells = " ".join(part.strip() for line in lines for part in line.split("│"))
    for title in titles:
        for word in title.split():
            assert word in cells, f"{word!r} of {title!r} is cut at {width} columns:\n{text}"
    for line in lines:
        assert not line.rstrip().endswith("⚠"), f"a ⚠ without its code: {line!r}"
        assert not re.search(r"│\s*└\s*│", line), f"a └ alone on its line: {line!r}"
    rows = [line for line in lines if line.startswith("│")]
    assert rows


def _row_heights(text: str) -> list[int]:
    """How many lines each table row takes (a row starts where the time column has text)."""
    heights: list[int] = []
    for line in text.split("\n"):
        if not line.startswith("│"):
            continue
        first = line.split("│")[1].strip()
        if first and first[0].isdigit():
            heights.append(1)
        elif heights:
            heights[-1] += 1
    return heights


@pytest.mark.parametrize("width", TABLE_WIDTHS)
@pytest.mark.parametrize("path", [SEED, WELFARE, FORUM, WEEKLY], ids=lambda p: p.stem)
def test_the_table_fits_the_columns(path: Path, width: int, in_repo) -> None:  # type: ignore[no-untyped-def]
    text = _table(path, width)
    _assert_fits(text, width, _titles(path))
    assert max(_row_heights(text)) <= 4, text


@pytest.mark.parametrize("width", TABLE_WIDTHS)
def test_english_titles_with_findings_and_parts_fit(width: int, tmp_path: Path) -> None:
    path = write(tmp_path / "standards.yaml", ENGLISH_WITH_FINDINGS)
    text = _table(path, width)
    _assert_fits(text, width, _titles(path))
    assert "Stan…" not in text and "Standards" in text
    assert re.search(r"⚠ [A-Z]\d{3}", text), text
    assert re.search(r"└ Interoperability", text), text
    assert max(_row_heights(text)) <= 4, text


def test_an_empty_note_column_is_left_out(tmp_path: Path) -> None:
    seed = _table(SEED, 120)
    assert "메모" in next(line for line in seed.split("\n") if line.startswith("┃"))  # one note
    without_notes = _table(write(tmp_path / "standards.yaml", ENGLISH_WITH_FINDINGS), 120)
    header = next(line for line in without_notes.split("\n") if line.startswith("┃"))
    assert "Note" not in header
    assert "Owner" in header and "Check" in header


def test_the_bar_is_sized_to_the_width(in_repo) -> None:  # type: ignore[no-untyped-def]
    def bar_cells(text: str) -> int:
        bars = [re.search(r"[·█]+", line) for line in text.split("\n")]
        return max(len(match.group()) for match in bars if match)

    wide, piped = _table(SEED, 160), _table(SEED)
    assert bar_cells(wide) > bar_cells(piped) >= 10
    narrow = _table(SEED, 60)
    assert "█" not in narrow  # no room for a readable bar and the titles: the bar gives way


def test_no_color_does_not_change_the_width(in_repo) -> None:  # type: ignore[no-untyped-def]
    plain = _table(SEED, 80)
    no_color = _table(SEED, 80, NO_COLOR="1")
    assert no_color == plain
    assert max(cell_width(line) for line in no_color.split("\n")) <= 80


def test_piped_output_is_100_columns_not_80(in_repo) -> None:  # type: ignore[no-untyped-def]
    text = _table(SEED)
    widest = max(cell_width(line) for line in text.split("\n"))
    assert 80 < widest <= 100
    # The finding line is wrapped at 100, under its text.
    assert "\n       " in text


def test_the_library_takes_a_width(in_repo) -> None:  # type: ignore[no-untyped-def]
    loaded = [load_file(SEED)]
    for width in WIDTHS:
        text = render_many(loaded, "table", width=width)
        assert max(cell_width(line) for line in text.split("\n")) <= width


def test_color_output_fits_too(in_repo) -> None:  # type: ignore[no-untyped-def]
    text = render_many([load_file(SEED)], "table", color=True, width=80)
    assert "\x1b[" in text
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert max(cell_width(line) for line in plain.split("\n")) <= 80


# --- in a real terminal -------------------------------------------------------------------------


def _tmux() -> str | None:
    return shutil.which("tmux")


@pytest.mark.parametrize("width", WIDTHS)
def test_in_a_real_terminal(width: int, tmp_path: Path) -> None:
    tmux = _tmux()
    if tmux is None:
        pytest.skip("tmux is not installed (Debian: apt-get install tmux); no real terminal to capture")
    english = write(tmp_path / "standards.yaml", ENGLISH_WITH_FINDINGS)
    socket = f"tfagenda-{uuid.uuid4().hex[:8]}"
    done = tmp_path / "done"
    # COLUMNS is unset: the width comes from the terminal itself. NO_COLOR=1: still that width.
    script = " ; ".join(
        [
            f"cd {shlex.quote(str(REPO))}",
            "unset COLUMNS",
            *(
                f"NO_COLOR=1 {shlex.quote(sys.executable)} -m tfagenda render {shlex.quote(str(path))}"
                for path in (SEED, english)
            ),
            f"touch {shlex.quote(str(done))}",
            "sleep 30",
        ]
    )
    env = {key: value for key, value in os.environ.items() if key not in ("TMUX", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    subprocess.run(
        [
            tmux,
            "-L",
            socket,
            "-u",
            "new-session",
            "-d",
            "-x",
            str(width),
            "-y",
            "200",
            "bash",
            "--norc",
            "-c",
            script,
        ],
        check=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert done.exists(), "the renders did not finish in the terminal"
        captured = subprocess.run(
            [tmux, "-L", socket, "capture-pane", "-p", "-J", "-S", "-", "-E", "-"],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
    finally:
        subprocess.run([tmux, "-L", socket, "kill-server"], check=False, env=env)
    assert "Traceback" not in captured, captured
    _assert_fits(captured, width, _titles(SEED) + _titles(english))
    assert "Stan…" not in captured and "복지·돌…" not in captured
    assert re.search(r"⚠ T001", captured), captured
    assert re.search(r"└ Interoperability", captured), captured
    assert max(_row_heights(captured)) <= 4, captured


@pytest.mark.parametrize("width", [60, 100, 200])
def test_control_characters_are_sized_as_shown(width: int, tmp_path: Path) -> None:
    # A title with escapes takes the cells of its visible form (``\x1b[1m`` is 7 cells, not 4):
    # sized on the raw text, the column would be too narrow and wrap it where it fits.
    title = r"Kick\e[1m off\e[0m with\e[2J the\e]0;x\a team\e[1m and\e[0m the\e[1m guests\e[0m"
    path = write(
        tmp_path / "escapes.yaml",
        f'title: t\nslot: "10:00-10:30"\nsegments:\n  - {{title: "{title}", owner: "Kim\\tLee", duration: 30}}\n',
    )
    text = _table(path, width)
    shown = "Kick\\x1b[1m off\\x1b[0m with\\x1b[2J the\\x1b]0;x\\x07 team\\x1b[1m and\\x1b[0m the\\x1b[1m guests\\x1b[0m"
    _assert_fits(text, width, [shown])
    assert "\x1b" not in text and "\t" not in text
    assert "Kim Lee" in text
    if width == 200:  # the room for the title as shown: one line
        assert shown in text
