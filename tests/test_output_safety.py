"""What ``check`` writes is safe to show and to parse, for any file (issue 11, defects 10, 12, 15,
20 and 23; issue 18, item 2).

- Text formats show control characters, bidi controls and undecodable bytes visibly (``\\x1b``,
  ``\\u202e``, ``\\xff``): a file cannot clear the screen, retitle the terminal or reorder a line.
- The full format's excerpt is a window of the source line sized to the terminal, with ``…`` at
  cut ends and the underline under the value (Hangul two columns), so a one-line agenda of
  2 MB does not print gigabytes.
- Every format is valid UTF-8, and JSON/XML that a real parser reads, for any message, title or
  file name (a hypothesis property below).
- ``check --diff`` quotes file names as git does, and ``git apply``/``patch`` read them.
"""

from __future__ import annotations

import io
import json
import os
import pty
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SEED, check, write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tfagenda.findings import Applicability, Edit, Finding, Fix, Related, Severity, Span
from tfagenda.fix import unified_diff
from tfagenda.linter import CheckResult
from tfagenda.messages import verbatim
from tfagenda.report import REPORTERS, ReportOptions, json_text, write_report
from tfagenda.report.text import ELLIPSIS, window
from tfagenda.textwidth import DEFAULT_WIDTH, cell_width, needs_escape, terminal_width, visible

TEXT_FORMATS = ["full", "concise", "github", "junit"]
ALL_FORMATS = sorted(REPORTERS)
UNDECODABLE = os.fsdecode(b"bad\xff.yaml")  # a file name that is not UTF-8, as os.fsdecode keeps it
CAN_NAME_BYTES = sys.platform.startswith("linux")  # other systems refuse names that are not UTF-8

ESCAPE_AGENDA = (
    "title: x\n"
    'slot: "10:00-10:30"\n'
    "segments:\n"
    '  - {title: "a\x1b]0;pwned\x07\x1b[2J", start: "10:00", duration: 30, owner: "-"}\n'
)
# A bidi override (allowed in YAML) before a value with a finding: the line as a terminal shows
# it would put the override's effect on everything after it ("Trojan source").
BIDI_AGENDA = (
    "title: x\n"
    'slot: "10:00-10:30"\n'
    "segments:\n"
    '  - {title: "안건\u202e 끝", owner: "-", start: "10:00", end: "09:55", duration: 5}\n'
    '  - {title: b, owner: "-", start: "10:05", end: "10:30"}\n'
)


def _raw_controls(text: str) -> set[str]:
    """The characters in ``text`` that should have been made visible (line breaks are the output's own)."""
    return {char for char in text if char != "\n" and needs_escape(char)}


def _cells(text: str, first: int, stop: int) -> str:
    """The characters of ``text`` that occupy terminal columns ``[first, stop)``."""
    out, at = [], 0
    for char in text:
        width = cell_width(char)
        if first <= at and at + width <= stop and (width or at < stop):
            out.append(char)
        at += width
    return "".join(out)


def _excerpts(stdout: str) -> list[tuple[str, str]]:
    """(source line, caret line) pairs of the full format, without their gutters."""
    lines = stdout.split("\n")
    pairs = []
    for shown, caret in zip(lines, lines[1:], strict=False):
        if " | " in shown and caret.strip().startswith("|") and "^" in caret:
            cut = shown.index(" | ") + 3
            pairs.append((shown[cut:], caret[cut:]))
    return pairs


def _underlined(shown: str, caret: str) -> str:
    indent = len(caret) - len(caret.lstrip(" "))
    marks = len(caret.strip())
    return _cells(shown, indent, indent + marks)


# --------------------------------------------------------------------------------------------
# Defect 10: terminal escape injection


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_control_characters_of_a_source_line_are_shown_visibly(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path / "esc.yaml", ESCAPE_AGENDA)
    result = check(str(path), "--format", fmt)
    assert result.exit_code == 1
    assert "U+001B" in result.stdout
    assert _raw_controls(result.stdout) == set()
    if fmt == "full":
        [(shown, caret)] = _excerpts(result.stdout)
        assert '"a\\x1b]0;pwned\\x07\\x1b[2J"' in shown
        assert _underlined(shown, caret) == "\\x1b"  # the underline stays under the escaped ESC


def test_bidi_override_is_shown_and_the_underline_stays_under_the_value(tmp_path: Path) -> None:
    path = write(tmp_path / "bidi.yaml", BIDI_AGENDA)
    result = check(str(path))
    assert result.exit_code == 1
    assert "\u202e" not in result.stdout
    [(shown, caret)] = _excerpts(result.stdout)
    assert "안건\\u202e 끝" in shown
    assert _underlined(shown, caret) == '"09:55"'


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "statistics"])
def test_a_file_name_with_control_characters_is_shown_visibly(tmp_path: Path, fmt: str) -> None:
    name = "evil\x1b]0;title\x07\u202e\x9b2J\r.yaml"
    path = write(tmp_path / name, BIDI_AGENDA)
    args = ["--statistics"] if fmt == "statistics" else ["--format", fmt]
    result = check(str(path), *args)
    assert result.exit_code == 1
    assert _raw_controls(result.stdout) == set()
    if fmt != "statistics":  # statistics lists rules, not files
        assert "evil\\x1b]0;title\\x07\\u202e\\u009b2J\\r.yaml" in result.stdout


def test_fixes_listing_shows_file_names_visibly(tmp_path: Path) -> None:
    path = write(tmp_path / "fix\x1b[2J.yaml", SEED.read_text(encoding="utf-8"))
    result = check(str(path), "--fix", "--show-fixes")
    assert "fix\\x1b[2J.yaml:" in result.stdout
    assert _raw_controls(result.stdout) == set()


def test_visible_convention() -> None:
    assert visible("plain 회의 😀 e\u0301") == "plain 회의 😀 e\u0301"
    assert visible("\x1b[2J\x07\x00\x7f") == "\\x1b[2J\\x07\\x00\\x7f"
    assert visible("a\tb\nc\rd") == "a\\tb\\nc\\rd"
    assert visible("\x85\x9b\u202a\u202e\u2066\u2069\u200f\u061c\u2028\ufffe") == (
        "\\u0085\\u009b\\u202a\\u202e\\u2066\\u2069\\u200f\\u061c\\u2028\\ufffe"
    )
    assert visible(os.fsdecode(b"\xff\xfe")) == "\\xff\\xfe"
    assert visible("C:\\agendas\\x.yaml") == "C:\\agendas\\x.yaml"  # a backslash stays itself


# --------------------------------------------------------------------------------------------
# Defect 15 / issue 18 item 2: a window of the source line, sized to the terminal


def test_window_keeps_a_short_line_whole() -> None:
    line = '  - {start: "16:30", end: "16:05"}'
    shown = window(line, 26, 33, 80)
    assert shown.text == line
    assert _cells(shown.text, shown.indent, shown.indent + shown.marks) == '"16:05"'


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
@pytest.mark.parametrize("where", [0, 0.3, 0.5, 0.9, 1.0])
def test_window_fits_and_underlines_the_value(width: int, where: float) -> None:
    filler = "참석자 소개 및 인사말, owner: 제1차관, " * 20
    cut = int(len(filler) * where)
    line = filler[:cut] + 'end: "16:05"' + filler[cut:]
    start = line.index('"16:05"')
    shown = window(line, start, start + 7, width)
    assert cell_width(shown.text) <= width
    assert _cells(shown.text, shown.indent, shown.indent + shown.marks) == '"16:05"'
    body = shown.text.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
    assert body in line
    assert shown.text.startswith(ELLIPSIS) == (not line.startswith(body))
    assert shown.text.endswith(ELLIPSIS) == (not line.endswith(body))


def test_window_of_a_value_near_the_start_keeps_the_start() -> None:
    line = '  - {start: "14:00", end: "13:10", duration: 10, title: 개회 및 안건 소개, owner: 팀장}'
    shown = window(line, 26, 33, 54)
    assert shown.text.startswith('  - {start: "14:00", end: "13:10"') and shown.text.endswith(ELLIPSIS)
    assert shown.indent == 26 and shown.marks == 7 and cell_width(shown.text) <= 54


def test_window_of_a_value_wider_than_the_terminal_shows_its_beginning() -> None:
    line = "title: " + "가" * 100 + " # end"
    shown = window(line, 7, 107, 40)
    assert cell_width(shown.text) <= 40
    assert shown.text.startswith(ELLIPSIS + "가")  # a little context would not fit
    assert shown.text.endswith(ELLIPSIS)
    assert shown.indent == 1 and shown.marks == cell_width(shown.text) - 2


def test_window_of_a_value_at_the_end_of_a_line() -> None:
    line = "x" * 200 + "\r"  # a CRLF file's line keeps its \r; it is not shown
    shown = window(line, 200, 200, 50)
    assert shown.text.startswith(ELLIPSIS) and not shown.text.endswith(ELLIPSIS)
    assert "\\r" not in shown.text
    assert shown.indent == cell_width(shown.text) and shown.marks == 1
    assert shown.indent + shown.marks == 50  # the caret after the line fits too


def test_window_escapes_and_counts_the_escapes() -> None:
    line = "a\x1b[31m" * 50 + 'end: "16:05"' + "\u202e" * 50
    start = line.index('"16:05"')
    shown = window(line, start, start + 7, 60)
    assert not _raw_controls(shown.text)
    assert cell_width(shown.text) <= 60
    assert _cells(shown.text, shown.indent, shown.indent + shown.marks) == '"16:05"'


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_full_format_fits_the_terminal_width(columns: int, tmp_path: Path) -> None:
    """Flow-style lines, as the README writes agendas, with Hangul: at 60, 80 and 120 columns each
    excerpt and its underline fit, and the underline is under the value."""
    path = write(tmp_path / "seed.yaml", SEED.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").split("\n")
    result = check(str(path), env={"COLUMNS": str(columns)})
    assert result.exit_code == 1
    pairs = _excerpts(result.stdout)
    assert pairs
    for line in result.stdout.split("\n"):
        if " | " in line[:8]:
            assert cell_width(line) <= columns, line
    for shown, caret in pairs:
        assert _underlined(shown, caret) == '"16:05"'
    full = cell_width(" 8 | " + lines[7])
    assert (full > columns) == (ELLIPSIS in pairs[0][0])


def test_full_format_uses_the_terminal_width_in_a_terminal(tmp_path: Path) -> None:
    """In a real pseudo-terminal of 60 columns (no COLUMNS), the excerpt fits the terminal."""
    import fcntl
    import struct
    import termios

    path = write(tmp_path / "seed.yaml", SEED.read_text(encoding="utf-8"))
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    env.update(NO_COLOR="1", LANG="C.UTF-8", GITHUB_ACTIONS="")
    done = subprocess.run(
        [sys.executable, "-m", "tfagenda", "check", str(path)],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
        check=False,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    assert done.returncode == 1, done.stderr
    excerpts = [line for line in out.split("\n") if line.startswith(" 8 | ")]
    assert excerpts and all(cell_width(line) <= 60 for line in excerpts)
    assert excerpts[0].endswith(ELLIPSIS)


def test_a_two_megabyte_line_gives_bounded_output(tmp_path: Path) -> None:
    """Defect 15: the excerpt of a 2 MB line is one window, not the line and a line of carets."""
    segments = ", ".join(f'{{title: s{i}, start: "10:{i:02d}", duration: 1}}' for i in range(0, 20, 2))
    line = f'{{title: big, slot: "10:00-10:20", segments: [{segments}]}}  # {"x" * 2_000_000}\n'
    path = write(tmp_path / "big.yaml", line)
    result = check(str(path))
    findings = result.stdout.count(": O001 ") + result.stdout.count(": S002 ")
    assert findings >= 10
    assert len(result.stdout) < findings * 1_000  # before: 4 MB per finding
    for text in result.stdout.split("\n"):
        if " | " in text[:8]:
            assert cell_width(text) <= DEFAULT_WIDTH


def test_a_thousand_findings_on_a_two_megabyte_line_report_quickly() -> None:
    """The window's work does not depend on the line's length (the reporter alone, no lint)."""
    import time

    line = "가, " * 700_000
    findings = [
        Finding("big.yaml", Span(1, col, 1, col + 5), "O001", "owner", Severity.WARNING, verbatim("m"))
        for col in range(1, 2_000_000, 2_000)
    ]
    result = CheckResult(files=["big.yaml"], findings=findings, sources={"big.yaml": [line]})
    stream = io.StringIO()
    began = time.perf_counter()
    write_report("full", result, stream, ReportOptions(width=80))
    assert time.perf_counter() - began < 10
    assert len(stream.getvalue()) < len(findings) * 300


def test_terminal_width() -> None:
    assert terminal_width(io.StringIO(), environ={}) == DEFAULT_WIDTH == 100
    assert terminal_width(io.StringIO(), environ={"COLUMNS": "72"}) == 72
    assert terminal_width(io.StringIO(), environ={"COLUMNS": "5"}) == 40  # too narrow to be useful
    assert terminal_width(io.StringIO(), environ={"COLUMNS": "wide"}) == DEFAULT_WIDTH


# --------------------------------------------------------------------------------------------
# Defect 23: file names that are not UTF-8


@pytest.mark.skipif(not CAN_NAME_BYTES, reason="the file system refuses names that are not UTF-8")
@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_a_file_name_that_is_not_utf8(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / UNDECODABLE, BIDI_AGENDA)
    result = check(UNDECODABLE, "--format", fmt)
    assert result.exit_code == 1, result.output
    out = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    if fmt in ("json", "gitlab", "rdjson"):
        data = json.loads(out)
        if fmt == "rdjson":
            data = data["diagnostics"]
        path = data[0]["path"] if fmt == "json" else data[0]["location"]["path"]
        assert path == "bad\ufffd.yaml"
    elif fmt == "json-lines":
        assert json.loads(out.splitlines()[0])["path"] == "bad\ufffd.yaml"
    elif fmt == "sarif":
        run = json.loads(out)["runs"][0]
        assert run["artifacts"][0]["location"]["uri"] == "bad%FF.yaml"  # the exact bytes
        assert (
            run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad%FF.yaml"
        )
    elif fmt == "junit":
        assert ET.fromstring(out.encode("utf-8")).find("testsuite").get("name") == "bad\\xff.yaml"  # type: ignore[union-attr]
    else:
        assert "bad\\xff.yaml" in out


@pytest.mark.skipif(not CAN_NAME_BYTES, reason="the file system refuses names that are not UTF-8")
def test_gitlab_fingerprints_of_undecodable_names_differ(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in (b"a\xff.yaml", b"a\xfe.yaml"):
        write(tmp_path / os.fsdecode(name), BIDI_AGENDA)
    issues = json.loads(check(".", "--format", "gitlab").stdout)
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints) == 2


def test_json_writes_terminal_active_characters_as_escapes() -> None:
    data = {"t": "a\x1b\x9b\u202e\u2028\ud800b 회의"}
    text = json_text(data)
    assert text.isascii() is False and "회의" in text  # Hangul stays readable
    assert _raw_controls(text) == set()
    assert json.loads(text) == {"t": "a\x1b\x9b\u202e\u2028\ufffdb 회의"}


# --------------------------------------------------------------------------------------------
# Defect 20 (reporter part) and 23: every format parses and is valid UTF-8, for any input

_ODD = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x1b",
        "\x1b]0;x\x07",
        "\r",
        "\n",
        "\r\n",
        "\t",
        "\x7f",
        "\x85",
        "\x9b",
        "\u202e",
        "\u2066",
        "\u2028",
        "\ufffe",
        "\uffff",
        "\ud800",
        "\udcff",
        "\udc80",
        "😀",
        "👩\u200d👩\u200d👧",
        "회의",
        "e\u0301",
        "]]>",
        "<&\"'>",
        "%0A",
        "::",
        ",",
        "\\",
    ]
)
_TEXT = st.lists(st.one_of(st.characters(codec=None, exclude_categories=()), _ODD), max_size=12).map("".join)


@st.composite
def _results(draw: st.DrawFn) -> CheckResult:
    paths = draw(st.lists(_TEXT.map(lambda t: t + ".yaml"), min_size=1, max_size=3, unique=True))
    sources = {path: draw(st.lists(_TEXT, min_size=1, max_size=3)) for path in paths}
    findings = []
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        line = draw(st.integers(1, len(sources[path]) + 1))
        column = draw(st.integers(1, 20))
        span = Span(line, column, line + draw(st.integers(0, 1)), column + draw(st.integers(0, 10)))
        fix = draw(
            st.none()
            | st.builds(
                Fix,
                description=_TEXT.map(verbatim),
                applicability=st.sampled_from(list(Applicability)),
                value=_TEXT,
                edits=st.lists(st.builds(Edit, st.just(span), _TEXT), max_size=1).map(tuple),
            )
        )
        related = tuple(
            Related(draw(st.sampled_from(paths)), 1, 1, draw(_TEXT)) for _ in range(draw(st.integers(0, 1)))
        )
        findings.append(
            Finding(
                path,
                span,
                draw(st.sampled_from(["T001", "O001", "E001", "O003"])),
                draw(_TEXT),
                draw(st.sampled_from(list(Severity))),
                verbatim(draw(_TEXT)),
                fix,
                related,
            )
        )
    return CheckResult(files=paths, findings=findings, sources=sources)


def _assert_parses(fmt: str, out: str) -> None:
    data = out.encode("utf-8")  # strict: no lone surrogates
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(data)
    elif fmt == "json-lines":
        for line in data.splitlines():
            json.loads(line)
    elif fmt == "junit":
        ET.fromstring(data)
    assert _raw_controls(out) == set(), fmt  # the line breaks are the format's own


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(result=_results(), color=st.booleans(), width=st.integers(1, 200))
@example(
    result=CheckResult(
        files=[UNDECODABLE, "x\r\x1b.yaml"],
        findings=[
            Finding(
                "x\r\x1b.yaml", Span(1, 1, 1, 2), "T001", "n\x00", Severity.ERROR, verbatim("m\ud800\u202e\r")
            )
        ],
        sources={"x\r\x1b.yaml": ["\x1b[2J\u202e\r"]},
    ),
    color=False,
    width=80,
)
def test_every_format_parses_and_is_utf8_for_any_finding(
    result: CheckResult, color: bool, width: int
) -> None:
    for fmt in ALL_FORMATS:
        stream = io.StringIO()
        options = ReportOptions(color=color and fmt in ("full", "text"), width=width)
        write_report(fmt, result, stream, options)
        out = stream.getvalue()
        for colour in ("\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[2m", "\x1b[0m"):
            out = out.replace(colour, "")  # the colours are ours: what is left must be visible
        _assert_parses(fmt, out)


# --------------------------------------------------------------------------------------------
# Defect 12 (second half): check --diff quotes file names as git does

DIFF_NAMES = {
    "plain.yaml": "a/plain.yaml",
    "x\ny.yaml": '"a/x\\ny.yaml"',
    "tab\there.yaml": '"a/tab\\there.yaml"',
    'q"uote.yaml': '"a/q\\"uote.yaml"',
    "back\\slash.yaml": '"a/back\\\\slash.yaml"',
    "esc\x1b[2J.yaml": '"a/esc\\033[2J.yaml"',
    "bidi\u202e.yaml": '"a/bidi\\342\\200\\256.yaml"',
    "회의 자료.yaml": "a/회의 자료.yaml\t",
    os.fsdecode(b"bad\xff.yaml"): '"a/bad\\377.yaml"',
}


@pytest.mark.parametrize("name", list(DIFF_NAMES), ids=lambda name: ascii(name))
def test_unified_diff_quotes_names_as_git_does(name: str) -> None:
    diff = unified_diff("a: 1\nb: 2\n", "a: 1\nb: 3\n", name)
    header = DIFF_NAMES[name]
    assert diff.split("\n")[:2] == [f"--- {header}", f"+++ {header.replace('a/', 'b/', 1)}"]
    diff.encode("utf-8")  # writable as UTF-8


@pytest.mark.skipif(not CAN_NAME_BYTES, reason="the file system refuses such names")
@pytest.mark.parametrize("tool", ["git", "patch"])
def test_quoted_diffs_apply(tool: str, tmp_path: Path) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    for name in DIFF_NAMES:
        target = tmp_path / name
        target.write_bytes(b"a: 1\nb: 2\n")
        patch = unified_diff("a: 1\nb: 2\n", "a: 1\nb: 3\n", name).encode("utf-8")
        command = ["git", "apply", "-"] if tool == "git" else ["patch", "-p1", "--batch"]
        done = subprocess.run(
            command, input=patch, cwd=tmp_path, capture_output=True, timeout=60, check=False
        )
        assert done.returncode == 0, (name, done.stdout, done.stderr)
        assert target.read_bytes() == b"a: 1\nb: 3\n", name
    assert {p.name for p in tmp_path.iterdir()} == set(DIFF_NAMES)  # no file of a misread name


def test_check_diff_quotes_a_name_with_a_line_break(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "x\n+++ b/evil.yaml"
    write(tmp_path / name, SEED.read_text(encoding="utf-8"))
    result = check(name, "--diff")
    assert result.exit_code == 1
    assert result.stdout.startswith('--- "a/x\\n+++ b/evil.yaml"\t\n+++ "b/x\\n+++ b/evil.yaml"\t\n@@ ')


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_full_format_in_a_real_terminal(columns: int, tmp_path: Path) -> None:
    """Issue 18: in tmux at 60, 80 and 120 columns, the underline is on the line right after the
    excerpt, under the value (nothing wraps)."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    import shlex
    import time

    path = write(tmp_path / "seed.yaml", SEED.read_text(encoding="utf-8"))
    socket = f"tfagenda-test-{os.getpid()}-{columns}"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "TMUX")}
    env.update(NO_COLOR="1", LANG="C.UTF-8", GITHUB_ACTIONS="")
    command = f"{shlex.quote(sys.executable)} -m tfagenda check {shlex.quote(str(path))}; sleep 60"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", str(columns), "-y", "30", command], env=env, check=True, timeout=30
    )
    try:
        screen = ""
        for _ in range(200):
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=True, timeout=30
            ).stdout
            if "Found 1 error" in screen:
                break
            time.sleep(0.1)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, timeout=30, check=False)
    rows = screen.split("\n")
    at = next(i for i, row in enumerate(rows) if row.startswith(" 8 | "))
    shown, caret = rows[at][5:], rows[at + 1]
    assert caret.startswith("   | ")
    assert _underlined(shown, caret[5:]) == '"16:05"'
    assert rows[at + 2].strip().startswith("= fix (safe)")
