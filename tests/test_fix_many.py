"""``check --fix`` on many files (issue 17, target 1): each file is fixed by the process that checks
it, the last round of fixing is its report (no third check), and the fixed files are written
together (one fsync each, one per folder). The report must be exactly what a check of the fixed
files says, on one process or several, O003 across files included."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import SEED, check, write

import tfagenda.atomic as atomic
import tfagenda.linter as linter
from tfagenda.config import Settings
from tfagenda.fix import FileFixer
from tfagenda.linter import check_paths

CLEAN = 'title: Clean {n}\ndate: 2026-05-04\nslot: "09:00~10:00"\nsegments:\n  - {{start: "09:00", end: "10:00", title: Talk, owner: "-"}}\n'


CAP = 20  # the findings kept per rule and file, lowered for the test (linter.MAX_FINDINGS_KEPT_PER_RULE)


def _corpus(folder: Path) -> dict[str, bytes]:
    """Files with every kind of fix (and files that are not fixed), as bytes."""
    files = {
        "a-seed.yaml": SEED.read_bytes(),  # T001, safe
        "b-unquoted.yaml": b'title: B\ndate: 2026-05-04\nslot: "09:00~10:00"\nsegments:\n'
        b'  - {start: 09:00, duration: 30, title: One, owner: "-"}\n'
        b'  - {start: 09:30, duration: 30, title: Two, owner: "-"}\n',  # Y001 twice
        "c-weekday.yaml": 'title: 회의\ndate: 2026-02-26\nweekday: 수\nslot: "16:30~17:00"\nsegments:\n'
        '  - {start: "16:30", end: "17:00", title: 인사말, owner: "-"}  # tfagenda: ignore[S002]\n'
        "  # tfagenda: ignore[T001]\n".encode(),  # D001, and two unused suppressions (I001)
        "d-cp949.yaml": 'title: 회의\ndate: 2026-02-26\nweekday: 수\nsegments:\n  - {start: "16:30", end: "17:00", title: 인사말, owner: "-"}\n'.encode(
            "cp949"
        ),  # D001 in a file kept as CP949 (E006 stays)
        "e-utf16.yaml": codecs_bom_utf16(
            'title: E\ndate: 2026-05-04\nweekday: Tue\nsegments:\n  - {start: "09:00", end: "09:30", title: X, owner: "-"}\n'
        ),  # D001 (2026-05-04 is a Monday) in UTF-16 with its byte-order mark
        "f-broken.yaml": b"title: [unclosed\n",  # E001: nothing to fix
        "g-table.txt": "□ 회의\n\n| 시간 | 내용 |\n|---|---|\n| 10:00~10:30 | 인사말 |\n".encode(),  # imported: checked, not fixed
    }
    # Many findings of a rule with no fix (O001: no owner), past the kept cap, and one typo.
    many = "title: Many\nsegments:\n" + "".join(
        "  - {start: 10:00, duration: 1, title: S0}\n" if m == 0 else f"  - {{duration: 1, title: S{m}}}\n"
        for m in range(CAP + 5)
    )
    files["h-many.yaml"] = many.encode()
    # O003 across files: fixing A's end (16:05 → 16:35) makes A's owner double-booked with B's segment.
    files["i-cross-a.yaml"] = (
        b'title: A\ndate: 2026-03-02\nslot: "16:30~16:50"\nsegments:\n'
        b'  - {start: "16:30", end: "16:05", duration: 5, title: Opening, owner: Kim Jun}\n'
        b'  - {start: "16:35", end: "16:50", title: Talk, owner: "-"}\n'
    )
    files["i-cross-b.yaml"] = (
        b'title: B\ndate: 2026-03-02\nslot: "16:32~16:40"\nsegments:\n'
        b'  - {start: "16:32", end: "16:40", title: Elsewhere, owner: Kim Jun}\n'
    )
    for n in range(16):  # enough files for two workers (parallel.workers_for)
        files[f"z-clean-{n:02d}.yaml"] = CLEAN.format(n=n).encode()
    folder.mkdir(parents=True, exist_ok=True)
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return files


def codecs_bom_utf16(text: str) -> bytes:
    import codecs

    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def _json(result: linter.CheckResult) -> list[dict[str, object]]:
    return [finding.to_json() for finding in result.findings]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_report_of_fix_is_the_check_of_the_fixed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setenv("TFAGENDA_JOBS", jobs)
    monkeypatch.setattr(linter, "MAX_FINDINGS_KEPT_PER_RULE", CAP)
    monkeypatch.chdir(tmp_path)
    before = _corpus(tmp_path / "agendas")
    settings = Settings.defaults()
    fixed = check_paths(["agendas"], settings, fixer=FileFixer())
    after = {path.name: path.read_bytes() for path in (tmp_path / "agendas").iterdir()}
    changed = sorted(name for name in before if after[name] != before[name])
    assert changed == [
        "a-seed.yaml",
        "b-unquoted.yaml",
        "c-weekday.yaml",
        "d-cp949.yaml",
        "e-utf16.yaml",
        "h-many.yaml",
        "i-cross-a.yaml",
    ]
    assert after["d-cp949.yaml"].decode("cp949").count("weekday: 목") == 1  # still CP949
    assert after["e-utf16.yaml"].startswith(b"\xff\xfe")
    assert fixed.not_fixed == []
    assert fixed.fixed is not None and sum(fixed.fixed["agendas/b-unquoted.yaml"].values()) == 2
    assert fixed.fixed["agendas/c-weekday.yaml"] == {"D001": 1, "I001": 2}
    # What remains is what a check of the fixed files finds: the same findings, in the same order.
    plain = check_paths(["agendas"], settings)
    assert _json(fixed) == _json(plain)
    assert fixed.sources == plain.sources and fixed.files == plain.files
    codes = {(Path(str(f["path"])).name, f["code"]) for f in _json(fixed)}
    assert ("i-cross-a.yaml", "O003") in codes and ("i-cross-b.yaml", "O003") in codes  # from the fixed times
    assert ("d-cp949.yaml", "E006") in codes and ("f-broken.yaml", "E001") in codes
    many = [f for f in _json(fixed) if str(f["path"]).endswith("h-many.yaml") and f["code"] == "O001"]
    assert len(many) == CAP + 1  # capped as a check caps them, with its note
    assert sum("are not listed" in str(f["message"]) for f in many) == 1


def test_each_file_is_checked_twice_and_fsynced_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before issue 17 a file with one typo was checked three times (two rounds, then the report)
    and fsynced twice (the file, then its folder); a file with nothing to fix twice."""
    monkeypatch.setenv("TFAGENDA_JOBS", "1")
    typo = SEED.read_text(encoding="utf-8")
    for n in range(3):
        write(tmp_path / f"typo-{n}.yaml", typo)
    write(tmp_path / "clean.yaml", CLEAN.format(n=0))
    checks: list[str] = []  # each check of a text, whole or of the rules that fix only
    real_context = linter._context

    def context(loaded, *args, **kwargs):  # type: ignore[no-untyped-def]
        checks.append(Path(loaded.path).name)
        return real_context(loaded, *args, **kwargs)

    fsyncs: list[int] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        fsyncs.append(descriptor)
        real_fsync(descriptor)

    monkeypatch.setattr(linter, "_context", context)
    monkeypatch.setattr(atomic.os, "fsync", fsync)
    result = check("--isolated", "--fix", "--ignore", "O003", str(tmp_path))  # the copies meet: O003
    assert result.exit_code == 0, result.output + result.stderr
    assert "3 fixed, 0 remaining" in result.stdout
    assert sorted(checks) == [
        "clean.yaml",
        "typo-0.yaml",
        "typo-0.yaml",
        "typo-1.yaml",
        "typo-1.yaml",
        "typo-2.yaml",
        "typo-2.yaml",
    ]
    assert len(fsyncs) == 3 + 1  # each fixed file, then the folder once
    assert all('end: "16:35"' in (tmp_path / f"typo-{n}.yaml").read_text(encoding="utf-8") for n in range(3))


def test_a_file_that_cannot_be_written_is_reported_as_it_is_and_the_others_are_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails (here: the file changed on disk after it was read) leaves that file alone,
    says why, and reports the file as it is on disk; the other files are written."""
    monkeypatch.setenv("TFAGENDA_JOBS", "1")
    typo = SEED.read_text(encoding="utf-8")
    first, second = write(tmp_path / "a.yaml", typo), write(tmp_path / "b.yaml", typo)
    theirs = typo.replace("16:05", "16:15") + "# someone's edit\n"
    real_write_all = atomic.write_all

    def write_all(rewrites):  # type: ignore[no-untyped-def]
        first.write_text(theirs, encoding="utf-8")  # an editor saves a.yaml before the writes
        return real_write_all(rewrites)

    monkeypatch.setattr(atomic, "write_all", write_all)
    result = check("--isolated", "--fix", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    assert "a.yaml changed on disk since it was read; not written" in result.stderr
    assert first.read_text(encoding="utf-8") == theirs
    assert 'end: "16:35"' in second.read_text(encoding="utf-8")
    findings = json.loads(result.stdout)
    [t001] = [f for f in findings if f["code"] == "T001"]
    assert t001["path"].endswith("a.yaml") and "16:15" in t001["message"]  # the file as it is on disk
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_write_all_writes_each_file_or_says_why(tmp_path: Path) -> None:
    good, gone = write(tmp_path / "good.yaml", "a: 1\n"), write(tmp_path / "gone.yaml", "a: 1\n")
    raw, snapshot = atomic.read_with_snapshot(good)
    gone_raw, gone_snapshot = atomic.read_with_snapshot(gone)
    gone.unlink()
    outcomes = atomic.write_all(
        [
            atomic.Rewrite(good, b"a: 2\n", raw, snapshot),
            atomic.Rewrite(gone, b"a: 2\n", gone_raw, gone_snapshot),
            atomic.Rewrite(tmp_path / "new.yaml", b"b: 1\n"),
        ]
    )
    assert outcomes[0] is None and outcomes[2] is None
    assert isinstance(outcomes[1], atomic.FileChanged)
    assert good.read_bytes() == b"a: 2\n" and (tmp_path / "new.yaml").read_bytes() == b"b: 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.yaml", "new.yaml"]
    assert atomic.write_all([]) == []


def test_one_process_frees_each_files_garbage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17 target 4: checking many files on one process, memory grows by what is kept of each
    file (its findings, its bookings), not by all it built: the collector is paused during a check,
    and each file's cycles are collected after it (before, 10,000 agendas peaked at 305 MiB on one
    process against 142 MiB on two, whose workers collect as they go)."""
    import tracemalloc

    monkeypatch.setenv("TFAGENDA_JOBS", "1")
    folder = tmp_path / "agendas"
    rows = "".join(
        f'  - {{title: Item {k}, start: "09:{k * 5:02d}", duration: 5, owner: "-"}}\n' for k in range(10)
    )
    for n in range(240):
        write(
            folder / f"agenda-{n:03d}.yaml",
            f'title: Meeting {n}\ndate: 2026-05-{1 + n % 28:02d}\nslot: "09:00-10:00"\nsegments:\n{rows}',
        )
    files = sorted(folder.iterdir())
    settings = Settings.defaults()
    check_paths(files[:5], settings)  # imports and caches first
    peaks = []
    for count in (40, 240):
        tracemalloc.start()
        check_paths(files[:count], settings)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    per_file = (peaks[1] - peaks[0]) / 200
    assert per_file < 9_000, f"{per_file:,.0f} bytes per file"  # was 17,000; now 3,000


def test_the_office_document_names_fixing_knows_are_the_readers() -> None:
    """``fix`` tells an office document by its name without importing the document readers (start-up)."""
    from tfagenda.documents.detect import SUFFIXES
    from tfagenda.documents.fix import _MAGIC
    from tfagenda.fix import _DOCUMENT_MAGIC, _DOCUMENT_SUFFIXES

    assert _DOCUMENT_SUFFIXES == set(SUFFIXES) and _DOCUMENT_MAGIC == _MAGIC
