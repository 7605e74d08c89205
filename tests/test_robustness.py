"""Robustness (issue 6): tfagenda on input nobody meant to give it.

1. Mutated agendas (hypothesis, with the mutations of ``fuzz/mutate.py`` and the oracle of
   ``fuzz/harness.py``): through the library, nothing raises and every position is inside the
   file; through the CLI, the exit code is 0, 1 or 2, no traceback, and every JSON finding's
   line and column is inside the file. The invariant, exactly: the file's lines are counted as
   the parser counts them ("\\r\\n", "\\n" or a lone "\\r"; after a final line break there is one
   more, empty, line, where end-of-file marks point), and every start and end has
   ``1 <= line <= len(lines)`` and ``1 <= column <= len(lines[line - 1]) + 1``.
   ``fuzz/run`` runs the same for longer, outside the suite.
2. Hostile files, each checked in a subprocess with a wall-clock limit and an address-space
   limit (RLIMIT_AS), both generous against what was measured (README, Robustness): alias bombs,
   nesting 10,000 deep, 50 MB files, a 1 MB line, invalid UTF-8, UTF-16, NUL and other control
   characters, CRLF, tabs.
3. Paths: unreadable files and folders, symlink loops, broken symlinks, FIFOs, and YAML files that
   are not agendas in a folder walk: a clear message each, and the rest is still checked.
4. An internal error in one file's check is reported for that file; the others are checked.
5. ``check --fix`` killed (SIGKILL) while it writes leaves the old file or the new one, never half.
"""

from __future__ import annotations

import codecs
import ctypes
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SEED, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tfagenda.discover import agenda_files
from tfagenda.findings import MAX_FINDINGS_PER_RULE
from tfagenda.fix import fix_text
from tfagenda.linter import check_paths, check_text
from tfagenda.load import MAX_FILE_BYTES, load_bytes

sys.path.insert(0, str(REPO / "fuzz"))
from harness import check_json_findings, check_one, lines_of  # noqa: E402
from mutate import mutate, seed_files  # noqa: E402

SEEDS = [(path.name, path.read_bytes()) for path in seed_files()]
FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
FUZZ_CLI = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

AGENDA = SEED.read_text(encoding="utf-8")  # the ministry's agenda with its 16:05 slip (one T001)


# -- 1. mutated agendas ---------------------------------------------------------------------------


def test_the_fuzzer_has_seeds() -> None:
    names = {name for name, _ in SEEDS}
    assert len(SEEDS) > 100 and "seed-as-printed.yaml" in names
    assert {Path(name).suffix for name in names} >= {".yaml", ".txt", ".xml"}  # the importers are fuzzed too


@FUZZ
@given(seed=st.sampled_from(SEEDS), rnd=st.randoms(use_true_random=False))
def test_mutated_files_through_the_library(seed: tuple[str, bytes], rnd: random.Random) -> None:
    name, data = seed
    raw, _ = mutate(data, rnd)
    check_one(raw, name)  # load_bytes → check_loaded → fix_text; raises on any broken invariant


@FUZZ_CLI
@given(seed=st.sampled_from(SEEDS), rnd=st.randoms(use_true_random=False))
def test_mutated_files_through_the_cli(seed: tuple[str, bytes], rnd: random.Random) -> None:
    name, data = seed
    raw, _ = mutate(data, rnd)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        result = run("check", "--isolated", "--format", "json", str(path))
        _no_crash(result)
        check_json_findings(json.loads(result.stdout), lines_of(raw))
        _no_crash(run("check", "--isolated", str(path)))  # the text report, with its excerpts
        _no_crash(run("check", "--isolated", "--fix", "--unsafe-fixes", str(path)))


def _no_crash(result: Any) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr


# Inputs the fuzzer found that crashed or hung tfagenda, kept as regressions.
REGRESSIONS = [
    # ".inf" and ".nan" (YAML 1.2 floats) raised ValueError in the scalar resolver
    (
        b'title: t\nslot: "10:00-11:00"\nsegments:\n  - {title: x, duration: .inf, start: -.Inf, end: .nan}\n',
        "x.yaml",
        "E004",
    ),
    # an integer of more digits than Python converts (4,300) raised ValueError
    (b"title: t\nsegments:\n  - {title: x, duration: 1" + b"0" * 5000 + b"}\n", "x.yaml", "E004"),
    # a recursive alias made the alias counter loop until memory ran out
    (b"title: t\nsegments: &s [{title: x, duration: 5, parts: *s}]\n", "x.yaml", "E001"),
    # "\U1010FFFF" (past the last code point) raised ValueError inside ruamel.yaml
    (b'title: "\\U1010FFFF"\nsegments: []\n', "x.yaml", "E001"),
    # a time zone name too long for a file name raised OSError (zoneinfo)
    (
        b"title: t\ntimezone: Europe/"
        + b"x" * 300
        + b'\nslot: "10:00-11:00"\nsegments: [{title: a, duration: 60, owner: k}]\n',
        "x.yaml",
        "E002",
    ),
    # a syntax error at the very end of a text without a final line break: its span ended past the line
    (b"title: t\nsegments:\n  - {title: x, start: ", "x.yaml", "E001"),
    # lone CRs as line breaks in a ministry text: the importer counted lines its own way
    ("(일시) 2026. 3. 9.(월) 09:00-10:00\r시간\t내용\t비고\r09:00-09:10\t개회\t-\r".encode(), "x.txt", None),
    # an XML error at the end of the text: its span was past the last line
    (b"<schedule><conference>", "x.xml", "E005"),
    # an XML error at the end of a line that ends in CRLF: the span ended between the "\r" and the "\n"
    (b"<schedule><a>x<\r\n/a></schedule>", "x.xml", "E005"),
    # UTF-16 without a byte-order mark whose first line is empty: the finding's span was past it
    ("\ntitle: 가\nsegments: []\n".encode("utf-16-le"), "x.yaml", "E001"),
]


@pytest.mark.parametrize("raw, name, code", REGRESSIONS)
def test_regressions_found_by_fuzzing(raw: bytes, name: str, code: str | None) -> None:
    findings = check_one(raw, name)
    if code:
        assert code in {f.code for f in findings}


def test_lone_surrogates_in_escapes_can_be_written_out() -> None:
    """YAML escapes can spell surrogates; a lone one is not a character, and printing it crashed
    every output. Pairs join into the character (as JSON writes emoji), lone ones become U+FFFD."""
    text = 'title: "\\ud83d\\ude00 \\ud800"\nslot: "10:00-11:00"\nsegments:\n  - {title: "\\udfff", duration: 60}\n'
    loaded = load_bytes(text.encode(), "x.yaml")
    assert loaded.agenda is not None and loaded.agenda.title == "😀 \ufffd"
    for fmt in ("full", "json", "sarif", "junit", "github"):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "x.yaml"
            path.write_text(text, encoding="utf-8")
            _no_crash(run("check", "--isolated", "--format", fmt, str(path)))
            _no_crash(run("render", str(path), "--format", "md"))


# -- 2. hostile files, in a subprocess with time and memory limits -----------------------------------

MIB = 2**20


def check_bounded(
    path: Path, seconds: float, mib: int, *args: str
) -> tuple[int, list[dict[str, Any]], float, str]:
    """``tfagenda check --format json PATH`` in a subprocess that may take ``seconds`` and ``mib`` MiB of
    address space. Returns the exit code, the findings, the time taken and standard error."""
    limit = mib * MIB

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "tfagenda", "check", "--isolated", "--format", "json", *args, str(path)],
        capture_output=True,
        text=True,
        timeout=seconds,
        preexec_fn=limits,
        env={**os.environ, "TFAGENDA_JOBS": "1"},
    )
    elapsed = time.monotonic() - started
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, done.stderr[-2000:]
    assert done.returncode in (0, 1), (done.returncode, done.stderr[-2000:])
    return done.returncode, json.loads(done.stdout), elapsed, done.stderr


def check_json(path: Path) -> list[dict[str, Any]]:
    """``tfagenda check --format json PATH`` in this process (for inputs that are small: their point is the finding)."""
    result = run("check", "--isolated", "--format", "json", str(path))
    _no_crash(result)
    assert result.exit_code in (0, 1)
    return json.loads(result.stdout)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\ntitle: laughs\nsegments: [{title: a, duration: 5, owner: k}]\n"


@pytest.mark.parametrize(
    "name, text",
    [
        ("billion-laughs.yaml", billion_laughs()),  # 9**9 = 387,420,489 strings
        ("quadratic-blowup.yaml", billion_laughs(levels=30, width=2)),  # 2**30
        ("recursive-alias.yaml", "title: t\nsegments: &s [{title: a, duration: 5, parts: *s}]\n"),
        (
            "merge-bomb.yaml",
            "a: &a {x: 1}\n"
            + "".join(
                f"b{i}: &b{i} {{<<: [*{'a' if i == 0 else f'b{i - 1}'}], y{i}: 1}}\n" for i in range(150)
            )
            + "title: t\n",
        ),
    ],
)
def test_alias_bombs_are_refused_quickly(tmp_path: Path, name: str, text: str) -> None:
    code, findings, elapsed, _ = check_bounded(write(tmp_path, name, text), 30, 1024)
    assert code == 1 and elapsed < 30
    if (
        name != "merge-bomb.yaml"
    ):  # merge keys copy keys, they do not nest: 150 levels are 11,000 values, read
        assert [f["code"] for f in findings] == ["E001"]
        assert "alias bomb" in findings[0]["message"]


NESTING = 10_000


@pytest.mark.parametrize(
    "name, text",
    [
        ("flow-seq.yaml", "title: t\nsegments: " + "[" * NESTING + "]" * NESTING + "\n"),
        ("flow-map.yaml", "title: t\nsegments: " + "{a: " * NESTING + "}" * NESTING + "\n"),
        ("flow-unclosed.yaml", "title: t\nsegments: " + "[" * NESTING + "\n"),
        ("block-compact.yaml", "- " * NESTING + "x\n"),
        (
            "block-indented.yaml",
            "".join(" " * i + f"k{i}:\n" for i in range(2_000)),
        ),  # 2,000 deep is 2 MB already
        ("json-nested.json", "[" * NESTING + "]" * NESTING),
    ],
)
def test_deep_nesting_is_refused_where_it_starts(tmp_path: Path, name: str, text: str) -> None:
    code, findings, elapsed, _ = check_bounded(write(tmp_path, name, text), 30, 1024)
    assert code == 1 and elapsed < 30
    assert len(findings) == 1 and findings[0]["code"] in ("E001", "E005")
    assert "200 levels" in findings[0]["message"] or "nest" in findings[0]["message"]
    assert findings[0]["line"] >= 1


def large_agenda(size: int) -> bytes:
    """A valid agenda of about ``size`` bytes: one long day of 5-minute segments."""
    head = 'title: 큰 회의\nslot: "00:00-24:00"\nsegments:\n'
    row = "  - {title: 발표 %d, duration: 5, owner: 김}\n"
    count = (size - len(head)) // len((row % 100000).encode())
    return (head + "".join(row % i for i in range(count))).encode()


def test_a_50_mb_agenda_is_refused_unread(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.yaml", large_agenda(50 * 10**6))
    code, findings, elapsed, _ = check_bounded(path, 30, 512)
    assert code == 1 and elapsed < 30
    assert [(f["code"], f["line"]) for f in findings] == [("E001", 1)]
    assert f"larger than {MAX_FILE_BYTES // MIB} MiB" in findings[0]["message"]


def test_a_50_mb_scalar_is_refused_unread(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "scalar.yaml",
        b'title: t\nsegments:\n  - {title: "' + b"x" * (50 * 10**6) + b'", duration: 5}\n',
    )
    code, findings, _, _ = check_bounded(path, 30, 512)
    assert code == 1 and [f["code"] for f in findings] == ["E001"]


def test_zero_bytes_forever_are_not_read_forever(tmp_path: Path) -> None:
    """A file named directly is read only up to the limit: /dev/zero does not fill the memory."""
    for args in ((), ("--fix",)):
        code, findings, _, _ = check_bounded(Path("/dev/zero"), 30, 512, *args)
        assert code == 1 and [f["code"] for f in findings] == ["E001"]

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (512 * MIB, 512 * MIB))

    for command, stdin in ((["import", "/dev/zero"], None), (["render", "-"], "/dev/zero")):
        with open(stdin or os.devnull, "rb") as source:
            done = subprocess.run(
                [sys.executable, "-m", "tfagenda", *command],
                stdin=source,
                capture_output=True,
                text=True,
                timeout=30,
                preexec_fn=limits,
            )
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-1000:]


def test_a_large_valid_agenda_under_the_limit_is_checked(tmp_path: Path) -> None:
    path = write(
        tmp_path, "large.yaml", large_agenda(MIB)
    )  # 23,000 segments, 160,000 values: past 24:00, so F002s
    code, findings, elapsed, _ = check_bounded(path, 120, 2048)
    assert code == 1 and elapsed < 120
    f002 = [f for f in findings if f["code"] == "F002"]
    # --format json lists every finding (issue 12: the cap never hides findings; the text report
    # lists MAX_FINDINGS_PER_RULE per rule and file and says how many more there are)
    assert len(f002) > MAX_FINDINGS_PER_RULE
    assert not any("not listed" in f["message"] for f in f002)


def test_too_many_values_are_refused_before_they_are_built(tmp_path: Path) -> None:
    path = write(tmp_path, "values.yaml", "title: t\nsegments: [" + ",".join(["1"] * 1_500_000) + "]\n")
    code, findings, elapsed, _ = check_bounded(path, 60, 1024)
    assert code == 1 and elapsed < 60
    assert [f["code"] for f in findings] == ["E001"] and "500,000 values" in findings[0]["message"]


def test_a_1_mb_line(tmp_path: Path) -> None:
    title = "가" * (10**6 // 3)  # 1 MB of UTF-8 on one line
    path = write(
        tmp_path,
        "line.yaml",
        f'title: {title}\nslot: "10:00-10:05"\nsegments: [{{title: a, duration: 5, owner: k}}]\n',
    )
    code, findings, elapsed, _ = check_bounded(path, 30, 1024)
    assert code == 0 and findings == [] and elapsed < 30
    flow = (
        'title: t\nslot: "00:00-24:00"\nsegments: ['
        + ", ".join(["{title: a, duration: 0, owner: k}"] * 30_000)
        + "]\n"
    )
    code, findings, _, _ = check_bounded(
        write(tmp_path, "flow.yaml", flow), 60, 1024
    )  # one 1 MB line of segments
    assert code == 0 and {f["code"] for f in findings} == {"T004", "F003"}


def test_control_characters_and_nul(tmp_path: Path) -> None:
    for char in ("\x00", "\x07", "\x1b", "\x7f", "\x9b", "\ufffe"):
        text = AGENDA.replace("참석자 소개", f"참석자{char}소개")
        findings = check_json(write(tmp_path, "ctrl.yaml", text))
        assert len(findings) == 1
        finding = findings[0]
        assert (
            finding["code"] == "E001"
            and f"U+{ord(char):04X}" in finding["message"]
            and "not allowed" in finding["message"]
        )
        line = text.splitlines()[finding["line"] - 1]
        assert line[finding["column"] - 1] == char  # pointed at exactly


def test_invalid_utf8_is_pointed_at(tmp_path: Path) -> None:
    raw = AGENDA.encode("utf-8").replace("참석자".encode(), "참석자".encode() + b"\xff")
    [finding] = check_json(write(tmp_path, "bad.yaml", raw))
    line = raw.decode("utf-8", "replace").splitlines()[finding["line"] - 1]
    assert finding["code"] == "E001" and "not UTF-8" in finding["message"]
    assert line[finding["column"] - 1] == "\ufffd"  # the column counts characters, as every other column does


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-8", codecs.BOM_UTF8)],
)
def test_utf16_and_boms_load_as_utf8_does(tmp_path: Path, encoding: str, bom: bytes) -> None:
    plain = check_json(write(tmp_path, "plain.yaml", AGENDA))
    marked = check_json(write(tmp_path, "marked.yaml", bom + AGENDA.encode(encoding)))
    strip = lambda findings: [{k: v for k, v in f.items() if k != "path"} for f in findings]  # noqa: E731
    assert strip(marked) == strip(plain) and [f["code"] for f in plain] == ["T001"]


def test_utf16_without_a_bom_says_so(tmp_path: Path) -> None:
    findings = check_json(write(tmp_path, "u16.yaml", AGENDA.encode("utf-16-le")))
    assert [f["code"] for f in findings] == ["E001"] and "UTF-16 without a byte-order mark" in findings[0][
        "message"
    ]


def test_utf16_cut_in_half_a_character(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF16_LE + AGENDA.encode("utf-16-le")[:-1]
    findings = check_json(write(tmp_path, "cut.yaml", raw))
    assert [f["code"] for f in findings] == ["E001"] and "UTF-16-LE" in findings[0]["message"]
    check_json_findings(findings, lines_of(raw))


def test_crlf_gives_the_same_findings(tmp_path: Path) -> None:
    lf = check_json(write(tmp_path, "lf.yaml", AGENDA))
    crlf = check_json(write(tmp_path, "crlf.yaml", AGENDA.replace("\n", "\r\n")))
    cr = check_json(write(tmp_path, "cr.yaml", AGENDA.replace("\n", "\r")))
    where = lambda findings: [(f["code"], f["line"], f["column"], f["end_column"]) for f in findings]  # noqa: E731
    assert where(lf) == where(crlf) == where(cr) and where(lf)[0][0] == "T001"


def test_a_tab_used_for_indentation(tmp_path: Path) -> None:
    text = AGENDA.replace('\n  - {start: "16:35"', '\n\t- {start: "16:35"', 1)
    assert text != AGENDA
    [finding] = check_json(write(tmp_path, "tabs.yaml", text))
    assert finding["code"] == "E001" and "tab" in finding["message"] and "spaces" in finding["message"]
    assert text.splitlines()[finding["line"] - 1].startswith("\t") and finding["column"] == 1


# -- 3. paths -------------------------------------------------------------------------------------


def _cannot_override_permissions() -> str | None:
    """None if a subprocess can be denied by permission bits; else why not (root without CAP_SETPCAP)."""
    if os.geteuid() != 0:
        return None
    try:
        _ = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return "running as root, and prctl (to drop CAP_DAC_OVERRIDE) is not available"
    probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_dac_override, capture_output=True)
    if probe.returncode != 0:
        return "running as root, and CAP_DAC_OVERRIDE cannot be dropped here (no CAP_SETPCAP)"
    return None


def _drop_dac_override() -> None:
    """In the child, before exec: drop the capabilities that let root read any file (PR_CAPBSET_DROP)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


CHECK_API = """
import json, sys
from tfagenda.linter import check_paths
result = check_paths(sys.argv[1:])
print(json.dumps({"files": result.files, "findings": [[f.path, f.code, f.message.say("en")] for f in result.findings]}))
"""


def test_unreadable_files_and_folders(tmp_path: Path) -> None:
    """As root, permission bits deny nothing: the subprocess drops CAP_DAC_OVERRIDE (and
    CAP_DAC_READ_SEARCH) from its bounding set, so that chmod 000 applies to it as to anyone."""
    reason = _cannot_override_permissions()
    if reason:
        pytest.skip(reason)
    folder = tmp_path / "agendas"
    (folder / "locked").mkdir(parents=True)
    write(folder, "good.yaml", AGENDA)
    write(folder, "secret.yaml", AGENDA)
    write(folder / "locked", "inside.yaml", AGENDA)
    (folder / "secret.yaml").chmod(0)
    (folder / "locked").chmod(0)
    try:
        cli = subprocess.run(
            [sys.executable, "-m", "tfagenda", "check", "--isolated", str(folder)],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_drop_dac_override,
        )
        api = subprocess.run(
            [sys.executable, "-c", CHECK_API, str(folder)],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_drop_dac_override,
        )
    finally:
        (folder / "secret.yaml").chmod(0o644)
        (folder / "locked").chmod(0o755)
    assert cli.returncode == 1 and "Traceback" not in cli.stderr
    assert "Permission denied" in cli.stdout and "in 3 files" in cli.stdout
    result = json.loads(api.stdout)
    assert sorted(Path(p).name for p in result["files"]) == ["good.yaml", "locked", "secret.yaml"]
    messages = {(Path(p).name, code): message for p, code, message in result["findings"]}
    assert messages[("secret.yaml", "E000")] == "cannot read the file: Permission denied"
    assert messages[("locked", "E000")].startswith(
        "cannot read the folder: Permission denied; the files in it were not checked"
    )
    assert ("good.yaml", "T001") in messages  # the rest is still checked


def test_symlink_loops_and_broken_links(tmp_path: Path) -> None:
    folder = tmp_path / "agendas"
    folder.mkdir()
    write(folder, "good.yaml", AGENDA)
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "gone.yaml").symlink_to("missing.yaml")
    (folder / "up").symlink_to("..")  # a folder symlink to its parent: not followed
    (folder / "self").symlink_to(".")
    result = check_paths([folder])
    assert sorted(Path(p).name for p in result.files) == ["a.yaml", "b.yaml", "gone.yaml", "good.yaml"]
    messages = {(Path(f.path).name, f.code): f.message.say("en") for f in result.findings}
    assert "loops back on itself" in messages[("a.yaml", "E000")]
    assert "broken symbolic link (to missing.yaml" in messages[("gone.yaml", "E000")]
    assert ("good.yaml", "T001") in messages
    cli = run("check", "--isolated", str(folder / "a.yaml"))  # named directly, too
    assert cli.exit_code == 1 and "loops back on itself" in cli.stdout


def test_a_fifo_in_a_folder_is_skipped_not_waited_for(tmp_path: Path) -> None:
    folder = tmp_path / "agendas"
    folder.mkdir()
    write(folder, "good.yaml", AGENDA)
    os.mkfifo(folder / "pipe.yaml")
    code, findings, _, _ = check_bounded(folder, 30, 512)  # opening the FIFO would wait for a writer forever
    assert code == 1 and {Path(f["path"]).name for f in findings} == {"good.yaml"}


GITHUB_WORKFLOW = """name: CI
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pytest
"""
DOCKER_COMPOSE = """services:
  web:
    image: nginx
    ports: ["80:80"]
volumes:
  data: {}
"""
KUBERNETES = """apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers: [{name: x, image: y}]
"""


def test_yaml_files_that_are_not_agendas_get_one_clear_finding(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / "ci").mkdir(parents=True)
    write(folder / "ci", "workflow.yml", GITHUB_WORKFLOW)
    write(folder, "docker-compose.yml", DOCKER_COMPOSE)
    write(folder, "pod.yaml", KUBERNETES)
    write(folder, "list.yaml", "- a\n- b\n")
    write(folder, "meeting.yaml", AGENDA)
    (folder / ".github" / "workflows").mkdir(parents=True)
    write(folder / ".github" / "workflows", "ci.yml", GITHUB_WORKFLOW)  # hidden folder: skipped
    result = check_paths([folder])
    by_file: dict[str, list[str]] = {}
    for finding in result.findings:
        by_file.setdefault(Path(finding.path).name, []).append(finding.message.say("en"))
    # Issue 15: in a folder walk, plainly other YAML files are skipped (with a note), not errors.
    assert sorted(Path(p).name for p in result.files) == ["list.yaml", "meeting.yaml"]
    named = check_paths([folder / "ci" / "workflow.yml", folder / "docker-compose.yml", folder / "pod.yaml"])
    for finding in named.findings:
        by_file.setdefault(Path(finding.path).name, []).append(finding.message.say("en"))
    for name in ("workflow.yml", "docker-compose.yml", "pod.yaml"):
        [message] = by_file[name]
        assert message.startswith("not an agenda: its keys are "), message
    assert by_file["workflow.yml"] == [
        "not an agenda: its keys are name, on, jobs, and an agenda has title and segments (or days); "
        "if the file is not meant to be one, exclude it (exclude in the config) or name the agenda files"
    ]
    assert len(by_file["list.yaml"]) == 1
    assert [f.code for f in result.findings if f.path.endswith("meeting.yaml")] == ["T001"]  # still checked


def test_a_misspelt_agenda_is_still_an_agenda() -> None:
    """Only a mapping with none of the agenda's keys, nor near misses of them, is "not an agenda"."""
    findings = check_text("titel: t\nsegmnets:\n  - {title: a, duration: 5}\n", "x.yaml")
    assert any("did you mean 'title'" in f.message.say("en") for f in findings)
    assert not any(f.message.say("en").startswith("not an agenda") for f in findings)


def test_temporary_files_are_hidden_from_the_walk(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", AGENDA)
    write(tmp_path, ".a.yaml.k2j3h4.tfagenda.tmp", AGENDA)  # what an interrupted write leaves
    assert [p.name for p in agenda_files([tmp_path])] == ["a.yaml"]


# -- 4. an internal error in one file -------------------------------------------------------------


def test_a_crash_in_one_file_is_reported_and_the_rest_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tfagenda.linter

    write(tmp_path, "a-good.yaml", AGENDA)
    write(tmp_path, "b-boom.yaml", AGENDA.replace("제1차관", "BOOM"))
    real = tfagenda.linter.resolve

    def resolve(agenda: Any, *args: Any, **kwargs: Any) -> Any:
        if any("BOOM" in str(s.owner) for s in agenda.segments or []):
            raise ZeroDivisionError("a bug")
        return real(agenda, *args, **kwargs)

    monkeypatch.setattr(tfagenda.linter, "resolve", resolve)
    monkeypatch.setenv("TFAGENDA_JOBS", "1")
    result = run("check", "--isolated", "--select", "T", str(tmp_path))  # no selection hides it
    _no_crash(result)
    assert result.exit_code == 1
    assert "a-good.yaml:8:27: T001" in result.stdout  # the other file is checked
    [line] = [line for line in result.stdout.splitlines() if "b-boom.yaml" in line and "E000" in line]
    assert (
        "internal error while checking this file (ZeroDivisionError: a bug" in line
        and "please report it" in line
    )


def test_a_crash_while_fixing_one_file_leaves_the_others_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tfagenda.fix

    good, boom = write(tmp_path, "good.yaml", AGENDA), write(tmp_path, "boom.yaml", AGENDA)
    real = tfagenda.fix.fix_rounds

    def fix_rounds(text: str, path: str = "", *args: Any, **kwargs: Any) -> Any:
        if path.endswith("boom.yaml"):
            raise KeyError("a bug")
        return real(text, path, *args, **kwargs)

    monkeypatch.setattr(tfagenda.fix, "fix_rounds", fix_rounds)
    result = run("check", "--isolated", "--fix", str(tmp_path))
    assert result.exit_code == 1 and "Traceback" not in result.stdout + result.stderr
    assert "boom.yaml: not fixed: internal error (KeyError" in result.stderr
    assert '"16:35"' in good.read_text(encoding="utf-8") and boom.read_text(encoding="utf-8") == AGENDA


def test_an_unexpected_error_outside_a_check_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tfagenda.cli

    def app() -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(tfagenda.cli, "app", app)
    monkeypatch.delenv("TFAGENDA_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        tfagenda.cli.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("tfagenda: internal error (RuntimeError: a bug)") and "Traceback" not in err


# -- 5. --fix killed while it writes --------------------------------------------------------------

# The child runs `tfagenda check --fix FILE` with the write slowed down and narrated: the bytes go
# to the temporary file in 64 pieces, each announced on standard output, then "fsynced",
# "replacing" and "replaced". The parent kills it (SIGKILL) after a chosen announcement.
SLOW_FIX = r"""
import os, sys, time
import tfagenda.atomic as atomic

def say(what):
    sys.stdout.write(what + "\n"); sys.stdout.flush()

real_fdopen, real_replace, real_fsync = os.fdopen, os.replace, os.fsync

class Slow:
    def __init__(self, stream): self.stream = stream
    def write(self, data):
        step = max(1, len(data) // 64)
        for i in range(0, len(data), step):
            self.stream.write(data[i:i + step]); self.stream.flush()
            say(f"piece {i // step}"); time.sleep(0.002)
        return len(data)
    def __getattr__(self, name): return getattr(self.stream, name)
    def __enter__(self): return self
    def __exit__(self, *exc): return self.stream.__exit__(*exc)

def fdopen(fd, mode="r", *args, **kwargs):
    stream = real_fdopen(fd, mode, *args, **kwargs)
    return Slow(stream) if "w" in mode else stream

def fsync(fd):
    real_fsync(fd); say("fsynced"); time.sleep(0.3)

def replace(a, b):
    say("replacing"); time.sleep(0.5); real_replace(a, b); say("replaced"); time.sleep(0.5)

real_exchange = atomic._rename_exchange

def exchange(a, b):  # the rename, where it is an exchange (Linux renameat2): the same announcements
    say("replacing"); time.sleep(0.5); done = real_exchange(a, b)
    if done:
        say("replaced"); time.sleep(0.5)
    return done

atomic.os.fdopen, atomic.os.replace, atomic.os.fsync = fdopen, replace, fsync
atomic._rename_exchange = exchange
say("started")
sys.argv = ["tfagenda", "check", "--isolated", "--fix", sys.argv[1]]
from tfagenda.cli import main
main()
"""


@pytest.mark.parametrize("kill_after", ["piece 0", "piece 31", "fsynced", "replacing", "replaced"])
def test_fix_killed_while_writing_leaves_the_old_file_or_the_new(tmp_path: Path, kill_after: str) -> None:
    padding = "".join(
        f"# 비고 {i}: " + "가나다라마바사 " * 8 + "\n" for i in range(1500)
    )  # about 200 KB to write
    old = (padding + AGENDA).encode("utf-8")
    new = fix_text(old.decode("utf-8"), "agenda.yaml")[0].encode("utf-8")
    assert new != old
    path = write(tmp_path, "agenda.yaml", old)
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_FIX, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == kill_after:
                child.send_signal(signal.SIGKILL)
                break
        else:
            pytest.fail(
                f"the child ended before {kill_after!r}: {child.stderr.read() if child.stderr else ''}"
            )
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() in (old, new)
    assert path.read_bytes() == (new if kill_after == "replaced" else old)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "agenda.yaml"]
    assert all(name.startswith(".agenda.yaml.") and name.endswith(".tfagenda.tmp") for name in leftovers), (
        leftovers
    )
    assert [p.name for p in agenda_files([tmp_path])] == ["agenda.yaml"]  # a leftover is hidden from the walk
    assert run("check", "--isolated", "--fix", str(tmp_path)).exit_code in (
        0,
        1,
    )  # and the next run fixes the file
    assert path.read_bytes() == new
