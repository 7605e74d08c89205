"""Checking many files on several processes (``tfagenda.parallel``): the workers end with the run.

Issue 11, defect 17: SIGTERM or Ctrl-C during a parallel check left the worker processes alive
forever. Here a real ``tfagenda check`` runs with two workers and is interrupted while they work.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tfagenda.config import Settings
from tfagenda.linter import check_paths

linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def _agenda(n: int, segments: int) -> str:
    rows = "".join(
        f'  - {{title: Item {k}, start: "{8 + k // 12:02d}:{k % 12 * 5:02d}", duration: 5, owner: p{(n + k) % 7}}}\n'
        for k in range(segments)
    )
    return f'title: Meeting {n}\ndate: 2026-05-{1 + n % 5:02d}\nslot: "08:00-23:00"\nsegments:\n{rows}'


def _many(folder: Path, files: int = 400, segments: int = 120) -> Path:
    folder.mkdir()
    for n in range(files):
        (folder / f"agenda-{n:03d}.yaml").write_text(_agenda(n, segments), encoding="utf-8")
    return folder


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    """Running (not gone and not a zombie waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_while_working(folder: Path, send: str) -> tuple[set[int], subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tfagenda", "check", "--isolated", "--quiet", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TFAGENDA_JOBS": "2"},
        start_new_session=True,  # its own process group, as a shell gives a command
        # A shell's foreground command gets SIGINT's default action even when these tests were
        # started in the background (`pytest &` in a script ignores SIGINT, and children inherit it).
        preexec_fn=_default_sigint,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        workers |= _children(process.pid)
        time.sleep(0.02)
    assert len(workers) == 2, "the check did not start two workers"
    time.sleep(0.3)  # into the work
    assert process.poll() is None, "the check ended before it could be interrupted: give it more files"
    if send == "SIGTERM":
        process.send_signal(signal.SIGTERM)
    elif send == "SIGINT":
        process.send_signal(signal.SIGINT)
    else:  # Ctrl-C in a terminal: SIGINT to the whole foreground process group
        os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=10)
    return workers, process


@linux_only
@pytest.mark.parametrize("send", ["SIGTERM", "SIGINT", "Ctrl-C"])
def test_workers_end_with_an_interrupted_check(tmp_path: Path, send: str) -> None:
    workers, process = _interrupt_while_working(_many(tmp_path / "agendas"), send)
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # do not leave them to the rest of the test run
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers still running after {send}: {survivors}"
    stderr = process.stderr.read() if process.stderr else ""
    assert "Traceback" not in stderr, stderr[-3000:]
    if send == "SIGTERM":
        assert process.returncode == -signal.SIGTERM  # died of the signal, as a check without workers does
    else:
        assert process.returncode != 0


@linux_only
def test_workers_end_when_the_check_is_killed(tmp_path: Path) -> None:
    """Even SIGKILL, which the check cannot handle, leaves no worker behind (Linux: the kernel ends them)."""
    folder = _many(tmp_path / "agendas")
    process = subprocess.Popen(
        [sys.executable, "-m", "tfagenda", "check", "--isolated", "--quiet", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TFAGENDA_JOBS": "2"},
        start_new_session=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        workers |= _children(process.pid)
        time.sleep(0.02)
    assert len(workers) == 2
    time.sleep(0.3)
    process.kill()
    process.wait(timeout=10)
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors


def test_a_crash_comparing_files_is_e000_and_the_rest_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error in the cross-file comparison (O003) is one E000, on a compared file;
    each file's own findings are still reported, on one process and on several alike."""
    import tfagenda.linter

    def boom(files: object, lang: str = "en") -> object:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(tfagenda.linter, "cross_file_double_bookings", boom)
    monkeypatch.chdir(tmp_path)
    folder = _many(tmp_path / "agendas", files=20, segments=3)
    (folder / "agenda-005.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    results = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("TFAGENDA_JOBS", jobs)
        result = check_paths([folder], Settings.defaults())
        results.append([f.to_json() for f in result.findings])
    assert results[0] == results[1]
    crashes = [f for f in results[0] if f["code"] == "E000"]
    assert len(crashes) == 1 and "comparing the files for double bookings (O003)" in crashes[0]["message"]
    assert crashes[0]["path"].endswith("agenda-000.yaml")
    assert any(f["code"] == "E001" and f["path"].endswith("agenda-005.yaml") for f in results[0])


@pytest.mark.parametrize(
    ("files", "load", "runnable", "expected"),
    [
        (1000, 0.3, 1, 2),  # an idle machine: both cores
        (1000, 0.9, 3, 2),  # the average lags (checks that just ended), but nothing else runs now
        (1000, 1.2, 1, 2),  # nothing else runs now
        (1000, 1.6, 2, 1),  # one other process on one of the two cores
        (1000, 7.0, 9, 1),  # a busy machine: workers would only share the cores
        (150, 0.0, 1, 1),  # few files: starting workers costs what they save
        (16, 0.0, 1, 1),
    ],
)
def test_workers_only_on_free_cores(
    monkeypatch: pytest.MonkeyPatch, files: int, load: float, runnable: int, expected: int
) -> None:
    """Issue 17 target 4: a second process only where a core is free for it (bench/README.md)."""
    import tfagenda.parallel as parallel

    monkeypatch.delenv("TFAGENDA_JOBS", raising=False)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(parallel, "_runnable_now", lambda: runnable)
    assert parallel.workers_for(files) == expected
    monkeypatch.setenv("TFAGENDA_JOBS", "2")  # set by hand: as asked, whatever the load
    assert parallel.workers_for(files) == (2 if files >= 16 else 1)


def test_an_interrupted_pool_does_not_print_a_cancelled_result() -> None:
    """After an interruption, the pool's manager thread may die of InvalidStateError (a result for a
    cancelled item, Python 3.11): that is not said; any other thread's error still is."""
    import threading
    from concurrent.futures import InvalidStateError

    from tfagenda.parallel import _quiet_about_cancelled_results

    said: list[str] = []
    previous = threading.excepthook
    try:
        threading.excepthook = lambda args: said.append(repr(args.exc_value))
        _quiet_about_cancelled_results()

        def fail(error: BaseException) -> None:
            raise error

        for error in (InvalidStateError("CANCELLED: <Future>"), ValueError("a real bug")):
            thread = threading.Thread(target=fail, args=(error,))
            thread.start()
            thread.join()
    finally:
        threading.excepthook = previous
    assert said == ["ValueError('a real bug')"]
