"""Snapshots of every output format, on the seed and on each agenda in agendas/.

Paths are passed relative to the repository root (the tests run from there), so nothing
machine-dependent ends up in a snapshot. Update with ``pytest --snapshot-update`` and review
the diff: Hangul alignment, no wrapping at 80 columns, ``[...]`` kept literally.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import AGENDAS, REPO, SEED, run

FILES = [SEED.relative_to(REPO).as_posix()] + [p.relative_to(REPO).as_posix() for p in AGENDAS]
FORMATS = [
    ("check", "text"),
    ("check", "json"),
    ("render", "table"),
    ("render", "md"),
]


@pytest.mark.parametrize("command, fmt", FORMATS, ids=[f"{c}-{f}" for c, f in FORMATS])
@pytest.mark.parametrize("path", FILES, ids=[p.rsplit("/", 1)[-1].removesuffix(".yaml") for p in FILES])
def test_output(path: str, command: str, fmt: str, snapshot, in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run(command, path, "--format", fmt)
    expected_exit = 1 if command == "check" and path == FILES[0] else 0
    assert result.exit_code == expected_exit, result.output
    assert result.stderr == ""
    assert result.stdout == snapshot


def _display_width(text: str) -> int:
    """Terminal columns: East Asian wide and fullwidth characters count two (independent of tfagenda's own)."""
    return sum(
        2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1
        for ch in text
    )


@pytest.mark.parametrize("fmt, border", [("md", "|"), ("table", "┏┃┡│└")], ids=["md", "table"])
@pytest.mark.parametrize("path", FILES, ids=[p.rsplit("/", 1)[-1].removesuffix(".yaml") for p in FILES])
def test_table_rows_line_up(path: str, fmt: str, border: str, in_repo) -> None:  # type: ignore[no-untyped-def]
    """Every line of one table has the same display width, Hangul included, and nothing is wrapped."""
    output = run("render", path, "--format", fmt).stdout
    tables: list[list[str]] = [[]]
    for line in output.split("\n"):
        if line[:1] and line[0] in border:
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    tables = [t for t in tables if t]
    assert tables
    for table in tables:
        widths = {_display_width(line) for line in table}
        assert len(widths) == 1, "\n".join(f"{_display_width(line):4d} {line}" for line in table)
    duration = re.compile(r"\(\d+(?:분| min)\)")
    segments = len(duration.findall(output))
    rows = sum(1 for t in tables for line in t if line.startswith(("| ", "│")) and duration.search(line))
    assert segments and rows == segments  # one line per row: no cell was wrapped


def test_markup_is_not_eaten(in_repo) -> None:  # type: ignore[no-untyped-def]
    path = "agendas/2026-11-30-platform-team-weekly.yaml"
    for fmt in ("table", "md"):
        # Wide enough that the table does not wrap the note.
        shown = run("render", path, "--format", fmt, env={"COLUMNS": "200"}).stdout
        assert "INC-2231 [database failover] and INC-2240" in shown
