"""``render --format html`` on a phone, a desktop and paper (issue 18, item 3).

The page is screenshotted in headless Chromium at 390 px (a phone) and 1400 px with findings
visible; the tick labels of the timeline are checked not to touch, by screenshotting the page with
everything but the labels hidden and the labels painted one colour, then counting the separate
patches of that colour (two labels that overlap or touch make one patch); the page prints on A4.
Chromium tests are skipped, with the reason, when Chromium is not installed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import REPO, SEED, run, write

from tfagenda.render.html import NARROW_TALL, narrow_tall

FORUM = REPO / "agendas" / "2026-03-10-care-tech-forum.yaml"
WEEKLY = REPO / "agendas" / "2026-11-30-platform-team-weekly.yaml"
MARK = (255, 0, 255)  # the colour the tick labels are painted for counting


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium); the page was not looked at")


def _wrong_weekday_seed(tmp_path: Path) -> Path:
    """The seed with a wrong weekday (수 for a Thursday): two findings, D001 and T001."""
    text = SEED.read_text(encoding="utf-8").replace("weekday: 목", "weekday: 수")
    assert "weekday: 수" in text
    return write(tmp_path / "seed-wrong-weekday.yaml", text)


def _page(path: Path, tmp_path: Path, extra_css: str = "") -> Path:
    page = tmp_path / f"{path.stem}.html"
    result = run("render", str(path), "-f", "html", "-o", str(page))
    assert result.exit_code == 0, result.output
    if extra_css:
        text = page.read_text(encoding="utf-8").replace("</head>", f"<style>{extra_css}</style></head>")
        page.write_text(text, encoding="utf-8")
    return page


def _chromium_run(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _screenshot(page: Path, tmp_path: Path, width: int, height: int) -> tuple[int, int, list[bytes]]:
    shot = tmp_path / f"{page.stem}-{width}.png"
    done = _chromium_run(page, tmp_path, f"--screenshot={shot}", f"--window-size={width},{height}")
    assert shot.is_file(), f"no screenshot (exit {done.returncode}): {done.stderr[-2000:]}"
    return _decode_png(shot.read_bytes())


def _decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of RGB(A) bytes of an 8-bit truecolour PNG, with the stdlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, idat = 8, b""
    width = height = channels = 0
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"PNG depth {depth} colour type {colour}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def _patches(width: int, rows: list[bytes], colour: tuple[int, int, int]) -> int:
    """How many separate (8-connected) patches of exactly ``colour`` the image has."""
    channels = len(rows[0]) // width
    needle = bytes(colour)
    marked: list[set[int]] = []
    for row in rows:
        xs: set[int] = set()
        at = row.find(needle)
        while at >= 0:
            if at % channels == 0:
                xs.add(at // channels)
            at = row.find(needle, at + 1)
        marked.append(xs)
    seen: set[tuple[int, int]] = set()
    count = 0
    for y, xs in enumerate(marked):
        for x in xs:
            if (x, y) in seen:
                continue
            count += 1
            stack = [(x, y)]
            seen.add((x, y))
            while stack:
                px, py = stack.pop()
                for ny in (py - 1, py, py + 1):
                    if not 0 <= ny < len(marked):
                        continue
                    for nx in (px - 1, px, px + 1):
                        if nx in marked[ny] and (nx, ny) not in seen:
                            seen.add((nx, ny))
                            stack.append((nx, ny))
    return count


def _has_colour(width: int, rows: list[bytes], colour: tuple[int, int, int], tolerance: int = 24) -> bool:
    channels = len(rows[0]) // width
    for row in rows:
        for x in range(0, width * channels, channels):
            if all(abs(row[x + k] - colour[k]) <= tolerance for k in range(3)):
                return True
    return False


# --- what the page says and how its CSS is built (no browser) ----------------------------------


def test_a_wrong_weekday_is_not_repeated_in_the_heading(tmp_path: Path) -> None:
    page = run("render", str(_wrong_weekday_seed(tmp_path)), "-f", "html").stdout
    header = page.split("</header>")[0]
    assert "2026-02-26 (목)" in header and "(수)" not in header
    assert "D001" in page  # the wrong one is listed as a finding
    lane_names = re.findall(r'<div class="lane-name"[^>]*>([^<]*)', page)
    assert [name.strip() for name in lane_names if name.strip()] == ["2/26 (목)"]
    table = run("render", str(_wrong_weekday_seed(tmp_path)), "-f", "table").stdout
    assert "2026-02-26 (목)" in table and "(수)" not in table.split("\n")[0]


def test_a_weekday_that_agrees_is_kept_as_written(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("weekday: 목", "weekday: 목요일")
    page = run("render", str(write(tmp_path / "long.yaml", text)), "-f", "html").stdout
    assert "2026-02-26 (목요일)" in page


def test_the_page_is_built_for_phones_and_paper(in_repo) -> None:  # type: ignore[no-untyped-def]
    page = run("render", str(SEED), "-f", "html").stdout
    assert "word-break: keep-all" in page
    # `anywhere` would let a table column shrink to one syllable (일/시); break-word does not.
    assert re.search(r"body \{[^}]*overflow-wrap: break-word", page)
    assert re.search(r"dl\.meta dt \{[^}]*white-space: nowrap", page)
    assert "@media screen and (max-width: 720px)" in page and "@media print" in page
    assert "size: A4" in page
    assert "<script" not in page and "url(" not in page


def test_empty_columns_are_left_out_of_the_page(in_repo) -> None:  # type: ignore[no-untyped-def]
    page = run("render", str(FORUM), "-f", "html").stdout
    assert '<th scope="col">메모</th>' not in page  # the forum has no notes
    seed = run("render", str(SEED), "-f", "html").stdout
    assert '<th scope="col">메모</th>' in seed


def test_short_blocks_are_marked_to_keep_their_words(in_repo) -> None:  # type: ignore[no-untyped-def]
    page = run("render", str(SEED), "-f", "html").stdout
    five_minutes = re.findall(r'<div class="(block[^"]*)" style="--at:[\d.]+%;--span:5\.556%"', page)
    assert five_minutes and all("slim" in c and "short" in c for c in five_minutes)
    sixty = re.search(r'<div class="(block[^"]*)" style="--at:5\.556%;--span:66\.667%"', page)
    assert sixty and "slim" not in sixty.group(1) and "short" not in sixty.group(1)


def test_the_phone_axis_leaves_room_between_tick_labels() -> None:
    # A tick label is .72rem × 1.5 ≈ 17 px high; the first hangs below its tick, the others are
    # centred: neighbours need ≥ 26 px. There are at most 12 steps, and the axis is never shorter
    # than NARROW_TALL[0].
    assert NARROW_TALL[0] / 12 >= 26
    for length in (15, 90, 450, 2000):
        assert NARROW_TALL[0] <= narrow_tall(length) <= NARROW_TALL[1]


# --- in a real browser --------------------------------------------------------------------------

ONLY_TICKS = (
    "*, *::before, *::after { visibility: hidden !important; }"
    ".tick { visibility: visible !important; color: rgb(255,0,255) !important;"
    " background: rgb(255,0,255) !important; }"
    # The tables and findings take room on a phone without moving the timeline's inside: drop them.
    "table.rows, section.findings { display: none !important; }"
)


def _visible_ticks(page: Path, width: int) -> int:
    text = page.read_text(encoding="utf-8")
    ticks = re.findall(r'<span class="(tick[^"]*)"', text)
    return sum(1 for classes in ticks if not (1100 >= width > 720 and "minor" in classes.split()))


@pytest.mark.parametrize("width", [390, 800, 1400])
@pytest.mark.parametrize("path", [SEED, WEEKLY, FORUM], ids=lambda p: p.stem)
def test_tick_labels_never_touch(path: Path, width: int, tmp_path: Path) -> None:
    page = _page(path, tmp_path, ONLY_TICKS)
    height = 3600 if width == 390 and path == FORUM else 1400
    shot_width, _, rows = _screenshot(page, tmp_path, width, height)
    expected = _visible_ticks(page, width)
    assert expected >= 5
    assert _patches(shot_width, rows, MARK) == expected, f"tick labels touch at {width} px"


@pytest.mark.parametrize("size", [(390, 1600), (1400, 900)], ids=["390px", "1400px"])
def test_screenshot_with_findings(size: tuple[int, int], tmp_path: Path) -> None:
    page = _page(_wrong_weekday_seed(tmp_path), tmp_path)
    width, height, rows = _screenshot(page, tmp_path, *size)
    assert (width, height) == size
    assert len({bytes(row) for row in rows}) > 100  # text, blocks and marks: not a blank page
    # The findings are visible in the first screen: the red of a finding (the badges, #c62828).
    assert _has_colour(width, rows[: min(height, 900)], (0xC6, 0x28, 0x28))
    # Nothing is wider than the phone: no sideways scrolling (the page's right margin is the wash).
    channels = len(rows[0]) // width
    right_edge = {row[(width - 2) * channels : (width - 1) * channels][:3] for row in rows}
    assert right_edge == {bytes((0xF5, 0xF7, 0xFA))}, "something reaches the right edge"


def test_the_page_prints_on_a4(tmp_path: Path) -> None:
    page = _page(_wrong_weekday_seed(tmp_path), tmp_path)
    pdf = tmp_path / "agenda.pdf"
    done = _chromium_run(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.is_file(), f"no PDF (exit {done.returncode}): {done.stderr[-2000:]}"
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no page in the PDF"
    for box_width, box_height in boxes:
        assert abs(float(box_width) - 595.3) < 2 and abs(float(box_height) - 841.9) < 2  # A4 in points
    assert len(boxes) <= 2  # the seed's table, timeline and findings fit on one or two pages
