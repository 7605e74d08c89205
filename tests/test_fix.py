"""Fixing in place: ``check --fix``, ``--unsafe-fixes``, ``--diff``, ``--show-fixes``, and the splicing
machinery in ``tfagenda.fix`` (byte preservation, encodings, atomic writes, refusals)."""

from __future__ import annotations

import codecs
import json
import os
import stat
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import AGENDAS_DIR, FIXTURES, REPO, SEED, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tfagenda import atomic
from tfagenda.atomic import FileChanged, write_atomic
from tfagenda.clock import format_time
from tfagenda.findings import Edit, Span
from tfagenda.fix import (
    Source,
    apply_edits,
    apply_fixes,
    fix_file,
    fix_text,
    unified_diff,
)
from tfagenda.linter import check_text
from tfagenda.positions import LineIndex

SEED_HUNK = """\
--- a/{name}
+++ b/{name}
@@ -5,7 +5,7 @@
 slot: "16:30~18:00"
 venue: 서울스퀘어 - 세종 영상연결
 segments:
-  - {{start: "16:30", end: "16:05", duration: "'05", title: 참석자 소개 및 인사말, owner: 제1차관}}
+  - {{start: "16:30", end: "16:35", duration: "'05", title: 참석자 소개 및 인사말, owner: 제1차관}}
   - {{start: "16:35", end: "17:35", duration: "'60", title: 복지·돌봄 AI 혁신계획 추진과제 발표, note: 반별 20분씩, owner: 반별 발표}}
   - {{start: "17:35", end: "17:40", duration: "'05", title: 향후 일정 공유, owner: 복지정책과장}}
   - {{start: "17:40", end: "17:55", duration: "'15", title: 자유토론, owner: "-"}}
"""

# T002 with a repair that is only the best of several: an unsafe fix (end 09:30), and a gap.
UNSAFE = """\
title: Sprint planning
slot: "09:00-10:00"
segments:
  - {title: Sprint goal, start: "09:00", end: "09:05", duration: 5, owner: maria}
  - {title: Backlog walk-through, start: "09:10", end: "09:35", duration: 20, owner: jun}
  - {title: Estimation, start: "09:30", end: "10:00", duration: 30, owner: sam}
"""


def copy_of(source: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or source.name)
    target.write_bytes(source.read_bytes())
    return target


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


# --- the "done when" --------------------------------------------------------------------


def test_fix_on_the_seed_changes_exactly_one_value_and_exits_0(tmp_path: Path) -> None:
    target = copy_of(SEED, tmp_path)
    before = target.read_bytes()
    result = run("check", "--fix", str(target))
    assert result.exit_code == 0, result.output
    after = target.read_bytes()
    assert after == before.replace(b'end: "16:05"', b'end: "16:35"', 1)
    assert before.count(b'end: "16:05"') == 1
    changed = [(a, b) for a, b in zip(before.split(b"\n"), after.split(b"\n")) if a != b]
    assert len(changed) == 1 and len(before.split(b"\n")) == len(after.split(b"\n"))
    ((old, new),) = changed
    assert old.replace(b"16:05", b"16:35") == new
    assert result.stdout == "All checks passed (1 file); 1 fixed, 0 remaining.\n"


def test_diff_on_the_seed_prints_one_hunk_writes_nothing_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    before = SEED.read_bytes()
    result = run("check", "--diff", "tests/fixtures/seed-as-printed.yaml")
    assert result.exit_code == 1, result.output
    assert result.stdout == SEED_HUNK.format(name="tests/fixtures/seed-as-printed.yaml")
    assert result.stdout.count("@@ ") == 1
    assert result.stderr == "Would fix 1 finding in 1 file.\n"
    assert SEED.read_bytes() == before


def test_diff_of_a_clean_file_is_empty_and_exits_0(tmp_path: Path) -> None:
    fixed = copy_of(SEED, tmp_path)
    assert run("check", "--fix", str(fixed)).exit_code == 0
    result = run("check", "--diff", str(fixed))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "No fixes to apply.\n"


def test_a_second_fix_changes_nothing(tmp_path: Path) -> None:
    target = copy_of(SEED, tmp_path)
    run("check", "--fix", str(target))
    once = target.read_bytes()
    stamp = target.stat().st_mtime_ns
    again = run("check", "--fix", str(target))
    assert again.exit_code == 0
    assert target.read_bytes() == once
    assert target.stat().st_mtime_ns == stamp  # not even rewritten
    assert again.stdout == "All checks passed (1 file); 0 fixed, 0 remaining.\n"


def test_fix_leaves_the_original_alone_when_only_diffing_a_folder(tmp_path: Path) -> None:
    copy_of(SEED, tmp_path)
    for path in sorted(AGENDAS_DIR.glob("*.yaml")):
        copy_of(path, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = run("check", "--diff", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.count("+++ b/") == 1  # only the seed has something to fix
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# --- byte preservation ------------------------------------------------------------------------------


def _every_fixture() -> list[Path]:
    files = sorted(p for p in (FIXTURES).rglob("*") if p.is_file())
    return sorted(AGENDAS_DIR.glob("*.y*ml")) + files


@pytest.mark.parametrize("path", _every_fixture(), ids=lambda p: str(p.relative_to(REPO)))
def test_load_apply_no_edits_write_is_byte_identical(path: Path, tmp_path: Path) -> None:
    raw = path.read_bytes()
    try:
        source = Source.from_bytes(raw, str(path))
    except UnicodeDecodeError:
        pytest.skip("not text: tfagenda reports it (E001) and never writes it")
    assert source.encode(source.text) == raw
    assert source.encode(apply_edits(source.text, [])) == raw
    target = tmp_path / path.name
    target.write_bytes(raw)
    copy = Source.read(target)
    write_atomic(target, copy.encode(apply_edits(copy.text, [])), expected=copy.raw)
    assert target.read_bytes() == raw


def test_the_round_trip_covers_the_agendas_and_the_fixtures() -> None:
    files = _every_fixture()
    assert len([p for p in files if p.parent == AGENDAS_DIR]) >= 3
    assert SEED in files and len(files) > 20


SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode(), id="bom"),
        pytest.param(lambda t: t.rstrip("\n").encode(), id="no-final-newline"),
        pytest.param(
            lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").rstrip("\r\n").encode(),
            id="bom-crlf-no-final-newline",
        ),
        pytest.param(lambda t: t.replace("\n", "\r").encode(), id="lone-cr"),
        pytest.param(
            lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"), id="utf-16-le-crlf"
        ),
        pytest.param(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), id="utf-16-be"),
    ],
)
def test_fix_keeps_line_endings_bom_and_encoding(encode, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "seed.yaml"
    target.write_bytes(encode(SEED_TEXT))
    result = run("check", "--fix", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == encode(SEED_TEXT.replace('end: "16:05"', 'end: "16:35"'))


def test_offsets_count_lines_as_the_parser_does() -> None:
    text = "a: 1\r\nb: 2\rc: 3\nd: \ufeff4"
    positions = LineIndex(text, skip_bom=True)
    assert text[positions.offset_of_line1_column1(2, 4)] == "2"
    assert text[positions.offset_of_line1_column1(3, 4)] == "3"
    # "\ufeff" is not a column: a value that starts with one starts at the same column as the next character.
    assert text[positions.offset_of_line1_column1(4, 4)] == "\ufeff"
    assert positions.offset_of_line1_column1(4, 5) == len(text)
    assert positions.offset_of_line1_column1(1, 5) == text.index("\r")  # the end of line 1's content
    with pytest.raises(ValueError):
        positions.offset_of_line1_column1(9, 1)


def test_apply_edits_refuses_overlaps_and_apply_fixes_skips_them() -> None:
    text = "abcdef"
    assert apply_edits(text, [Edit(Span(1, 1, 1, 3), "X"), Edit(Span(1, 5, 1, 5), "Y")]) == "XcdYef"
    with pytest.raises(ValueError):
        apply_edits(text, [Edit(Span(1, 1, 1, 4), "X"), Edit(Span(1, 3, 1, 5), "Y")])


def test_overlapping_fixes_are_applied_in_the_next_round() -> None:
    # T001 sets the (unquoted) end, Y001 quotes it: the same span, so Y001 waits a round.
    text = SEED_TEXT.replace('end: "16:05"', "end: 16:05")
    findings = check_text(text, "seed.yaml")
    assert sorted(f.code for f in findings) == ["T001", "Y001"]
    once, applied = apply_fixes(text, findings)
    assert [f.code for f in applied] == ["T001"]
    assert "end: 16:35," in once
    fixed, counts = fix_text(text, "seed.yaml")
    assert 'end: "16:35",' in fixed
    assert counts == Counter({"T001": 1, "Y001": 1})
    assert fixed == SEED_TEXT.replace('end: "16:05"', 'end: "16:35"')


# --- which fixes are applied -------------------------------------------------------------------------


def test_unsafe_fixes_wait_for_unsafe_fixes(tmp_path: Path) -> None:
    target = write(tmp_path / "plan.yaml", UNSAFE)
    safe_only = run("check", "--fix", str(target))
    assert target.read_text(encoding="utf-8") == UNSAFE
    assert safe_only.exit_code == 1
    assert "T002 [error]" in safe_only.stdout and "T002 [*]" not in safe_only.stdout
    assert safe_only.stdout.rstrip().endswith(
        "0 fixed, 2 remaining (1 with an unsafe fix: --unsafe-fixes applies it)."
    )
    marked = run("check", "--unsafe-fixes", str(target))
    assert "T002 [*] [error]" in marked.stdout
    assert target.read_text(encoding="utf-8") == UNSAFE
    both = run("check", "--fix", "--unsafe-fixes", str(target))
    assert target.read_text(encoding="utf-8") == UNSAFE.replace('end: "09:35"', 'end: "09:30"')
    assert both.exit_code == 0  # the gap that remains is a warning
    assert "1 fixed, 1 remaining" in both.stdout


def test_y001_quotes_the_time_as_written(tmp_path: Path) -> None:
    text = 'title: T\nslot: "10:00-10:30"\nsegments:\n  - {title: A, start: 10:00, end: 9:30, duration: 30, owner: x}\n'
    target = write(tmp_path / "a.yaml", text)
    # 9:30 is before 10:00 (T001: end 10:30) and unquoted (Y001): both fixed, in two rounds.
    result = run("check", "--fix", "--show-fixes", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == text.replace("start: 10:00", 'start: "10:00"').replace(
        "end: 9:30", 'end: "10:30"'
    )
    assert "    1 × T001 (end-before-start)\n" in result.stdout
    assert "    2 × Y001 (yaml-implicit-number)\n" in result.stdout


@pytest.mark.parametrize(
    ("written", "right"),
    [("수", "목"), ("수요일", "목요일"), ("Wed", "Thu"), ("wednesday", "thursday"), ("(수)", "(목)")],
)
def test_d001_writes_the_weekday_in_the_labels_own_language(written: str, right: str, tmp_path: Path) -> None:
    text = f'title: T\ndate: 2026-02-26\nweekday: "{written}"  # as printed\nslot: "10:00-10:10"\nsegments:\n  - {{title: A, duration: 10, owner: x}}\n'
    target = write(tmp_path / "a.yaml", text)
    assert run("check", "--fix", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == text.replace(f'"{written}"', f'"{right}"')


def test_i001_removes_the_comment_with_its_whitespace_or_its_whole_line(tmp_path: Path) -> None:
    text = (
        'title: T\nslot: "10:00-10:30"\nsegments:\n'
        "  # tfagenda: ignore[S001]\n"
        '  - {title: A, start: "10:00", duration: 10, owner: x}  # tfagenda: ignore[S002]\n'
        "  - {title: B, duration: 20, owner: y}   # tfagenda: ignore[O001]  # keep this\n"
    )
    target = write(tmp_path / "a.yaml", text)
    result = run("check", "--fix", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == (
        'title: T\nslot: "10:00-10:30"\nsegments:\n'
        '  - {title: A, start: "10:00", duration: 10, owner: x}\n'
        "  - {title: B, duration: 20, owner: y}  # keep this\n"
    )


def test_nothing_is_fixed_for_rules_that_are_not_selected(tmp_path: Path) -> None:
    target = copy_of(SEED, tmp_path)
    result = run("check", "--fix", "--select", "D001", str(target))
    assert result.exit_code == 0
    assert target.read_bytes() == SEED.read_bytes()


def test_e003_and_gaps_are_not_fixed(tmp_path: Path) -> None:
    text = 'title: T\ntitle: U\nslot: "10:00-11:00"\nsegments:\n  - {title: A, start: "10:00", end: "10:20", owner: x}\n  - {title: B, start: "10:30", end: "11:00", owner: x}\n'
    target = write(tmp_path / "a.yaml", text)
    result = run("check", "--fix", str(target))
    assert target.read_text(encoding="utf-8") == text
    assert result.exit_code == 1
    assert "0 fixed, 2 remaining" in result.stdout


# --- output ------------------------------------------------------------------------------------------


def test_fixable_findings_are_marked_in_full_and_concise(tmp_path: Path) -> None:
    full = run("check", str(SEED))
    assert f"{SEED}:8:27: T001 [*] [error] end 16:05" in full.stdout
    concise = run("check", "--format", "concise", str(SEED))
    assert concise.stdout.startswith(f"{SEED}:8:27: T001 [*] [error] end 16:05")
    unsafe = run("check", str(write(tmp_path / "u.yaml", UNSAFE)))
    assert "T002 [error]" in unsafe.stdout and "[*]" not in unsafe.stdout


def test_show_fixes_lists_files_and_rules(tmp_path: Path) -> None:
    target = copy_of(SEED, tmp_path)
    result = run("check", "--fix", "--show-fixes", str(target))
    assert result.stdout == (
        f"Fixed 1 finding:\n- {target}:\n    1 × T001 (end-before-start)\n\n"
        "All checks passed (1 file); 1 fixed, 0 remaining.\n"
    )


def test_fix_with_json_keeps_stdout_json(tmp_path: Path) -> None:
    target = copy_of(SEED, tmp_path)
    result = run("check", "--fix", "--show-fixes", "--format", "json", str(target))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert "1 × T001" in result.stderr


def test_fix_exits_by_what_remains(tmp_path: Path) -> None:
    # The seed's T001 is fixed; an unknown key (E002) remains: exit 1.
    target = write(tmp_path / "a.yaml", SEED_TEXT + "colour: blue\n")
    result = run("check", "--fix", str(target))
    assert result.exit_code == 1
    assert "1 fixed, 1 remaining" in result.stdout
    assert run("check", "--fix", "--exit-zero", str(target)).exit_code == 0


# --- writing -----------------------------------------------------------------------------------------


def test_permissions_are_kept(tmp_path: Path) -> None:
    target = copy_of(SEED, tmp_path)
    os.chmod(target, 0o640)
    assert run("check", "--fix", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert b"16:35" in target.read_bytes()


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = copy_of(SEED, tmp_path, "real.yaml")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert run("check", "--fix", str(link)).exit_code == 0
    assert link.is_symlink()
    assert b'end: "16:35"' in real.read_bytes()


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    copy_of(SEED, tmp_path)
    run("check", "--fix", str(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["seed-as-printed.yaml"]


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tfagenda.fix

    target = copy_of(SEED, tmp_path)
    theirs = SEED.read_bytes() + b"# someone else's edit\n"
    real_fix_rounds = tfagenda.fix.fix_rounds

    def meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        target.write_bytes(theirs)  # another editor saves while the fixes are worked out
        return real_fix_rounds(*args, **kwargs)

    monkeypatch.setattr(tfagenda.fix, "fix_rounds", meanwhile)
    result = run("check", "--fix", str(target))
    assert result.exit_code == 1
    assert "changed on disk since it was read; not written" in result.stderr
    assert target.read_bytes() == theirs
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_write_atomic_refuses_when_the_bytes_differ(tmp_path: Path) -> None:
    target = write(tmp_path / "a.yaml", "a: 1\n")
    with pytest.raises(FileChanged):
        write_atomic(target, b"a: 2\n", expected=b"a: 0\n")
    assert target.read_bytes() == b"a: 1\n"


def test_a_crash_while_writing_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = copy_of(SEED, tmp_path)
    before = target.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    monkeypatch.setattr(atomic, "_rename_exchange", crash)  # the rename, where it is an exchange (Linux)
    with pytest.raises(OSError):
        fix_file(target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    result = run("check", "--fix", str(target))
    assert result.exit_code == 1
    assert "cannot write the fixes: No space left on device" in result.stderr
    assert target.read_bytes() == before


def test_fix_file_without_writing_reports_the_diff(tmp_path: Path) -> None:
    target = copy_of(SEED, tmp_path)
    outcome = fix_file(target, write=False)
    assert outcome.changed and not outcome.written
    assert outcome.fixed == Counter({"T001": 1})
    assert outcome.diff("seed.yaml") == SEED_HUNK.format(name="seed.yaml")
    assert target.read_bytes() == SEED.read_bytes()


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a: 1\nb: 2", "a: 1\nb: 3", "x.yaml")
    assert diff.endswith("-b: 2\n\\ No newline at end of file\n+b: 3\n\\ No newline at end of file\n")
    assert unified_diff("same", "same", "x.yaml") == ""


def test_pre_commit_has_a_fix_hook() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "tfagenda-fix"]
    assert hook["entry"].split()[:3] == ["tfagenda", "check", "--fix"]
    assert hook["language"] == "python" and "agendas/" in hook["files"]


# --- property: corrupt one time, --fix restores the exact bytes ------------------------------------

_COMMENT_CHARS = st.sampled_from(list("abcxyz XYZ019:#-,.{}[]'\"가나회의 "))
_comment = st.text(_COMMENT_CHARS, min_size=0, max_size=16)


@st.composite
def agenda_cases(draw):  # type: ignore[no-untyped-def]
    """A valid agenda (every segment with start, end and duration) in mixed styles, and one time to corrupt."""
    count = draw(st.integers(2, 6))
    first = draw(st.integers(6 * 60, 12 * 60))
    lengths = draw(st.lists(st.integers(5, 90), min_size=count, max_size=count))
    starts = [first + sum(lengths[:i]) for i in range(count)]
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    dash = draw(st.sampled_from(["  - ", "- ", "    - "]))
    pieces: list[object] = []  # text, or ("time", segment, field)

    def comment() -> str:
        return f"  # {draw(_comment)}" if draw(st.booleans()) else ""

    if draw(st.booleans()):
        pieces.append(f"# {draw(_comment)}{eol}")
    pieces.append(
        f"title: {draw(st.sampled_from(['Weekly', '주간 회의', 'Team sync', chr(34) + 'Quoted, title' + chr(34)]))}{comment()}{eol}"
    )
    pieces.append(f'slot: "{format_time(starts[0])}-{format_time(starts[-1] + lengths[-1])}"{comment()}{eol}')
    if draw(st.booleans()):
        pieces.append(eol)
    pieces.append(f"segments:{comment()}{eol}")
    for index in range(count):
        if draw(st.booleans()):
            pieces.append(eol if draw(st.booleans()) else f"{dash[:-2]}# {draw(_comment)}{eol}")
        minutes = lengths[index]
        duration = draw(
            st.sampled_from(
                [
                    f"{minutes}",
                    f'"{minutes}"',
                    f"'{minutes}'",
                    f'"{minutes}m"',
                    f"'{minutes}분'",
                    f'"\'{minutes:02d}"',
                ]
            )
        )
        fields = {
            "title": f"Item {index + 1}",
            "duration": duration,
            "owner": draw(st.sampled_from(["kim", '"-"', "[kim, lee]"])),
        }
        order = draw(st.permutations(["start", "end", "duration", "title", "owner"]))
        quotes = {name: draw(st.sampled_from(['"', "'"])) for name in ("start", "end")}

        def value(name: str, quotes=quotes, index=index, fields=fields) -> list[object]:
            if name in ("start", "end"):
                return [quotes[name], ("time", index, name), quotes[name]]
            return [fields[name]]

        if draw(st.booleans()):  # flow style
            pieces.append(dash + "{")
            for n, name in enumerate(order):
                pieces += [", " if n else "", f"{name}: ", *value(name)]
            pieces += ["}", comment(), eol]
        else:  # block style
            indent = " " * len(dash)
            for n, name in enumerate(order):
                pieces += [dash if n == 0 else indent, f"{name}: ", *value(name), comment(), eol]
    times = {(i, "start"): starts[i] for i in range(count)} | {
        (i, "end"): starts[i] + lengths[i] for i in range(count)
    }
    spot = draw(st.sampled_from(sorted(times)))
    wrong = draw(st.integers(0, 24 * 60 - 1).filter(lambda m: m != times[spot]))
    final = draw(st.booleans())
    bom = draw(st.booleans())

    def text(corrupt: bool) -> bytes:
        out = "".join(
            format_time(wrong if corrupt and (p[1], p[2]) == spot else times[(p[1], p[2])])
            if isinstance(p, tuple)
            else str(p)
            for p in pieces
        )
        if not final:
            out = out[: -len(eol)]
        return (codecs.BOM_UTF8 if bom else b"") + out.encode("utf-8")

    return text(False), text(True)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agenda_cases())
def test_fix_restores_a_corrupted_time_exactly(case: tuple[bytes, bytes]) -> None:
    original, corrupted = case
    assert original != corrupted
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "agenda.yaml"
        target.write_bytes(original)
        assert check_text(original.decode("utf-8-sig"), "agenda.yaml") == [], (
            "the generated agenda must check clean"
        )
        assert fix_file(target).fixed == Counter()
        assert target.read_bytes() == original
        target.write_bytes(corrupted)
        outcome = fix_file(target)
        assert sum(outcome.fixed.values()) == 1 and set(outcome.fixed) <= {"T001", "T002"}
        assert target.read_bytes() == original


# --- what is not written ------------------------------------------------------------------------------

MINISTRY = "- (일시) 2026. 2. 26.(목) 16:30~18:00\n\n16:30 ~ 16:05 ('05)\t인사말\t제1차관\n16:35 ~ 18:00 ('85)\t발표\t반별\n"


def test_an_imported_format_is_checked_but_never_rewritten(tmp_path: Path) -> None:
    source = write(tmp_path / "press-release.txt", MINISTRY)
    checked = run("check", str(source))
    assert (
        "T001 [error]" in checked.stdout and "[*]" not in checked.stdout
    )  # not marked: --fix will not write it
    assert run("check", "--fix", str(source)).exit_code == 1
    assert source.read_text(encoding="utf-8") == MINISTRY
    assert run("check", "--diff", str(source)).stdout == ""


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a suppression on the last line, without a final newline: the line and the break before it go
        ("a: 1\n# tfagenda: file-ignore[S003]", "a: 1"),
        ("a: 1\r\n# tfagenda: file-ignore[S003]\r\nb: 2\r\n", "a: 1\r\nb: 2\r\n"),
        ("a: 1  # tfagenda: ignore[S003] because of the lunch\n", "a: 1\n"),
    ],
)
def test_i001_removal_spans(text: str, fixed: str) -> None:
    from tfagenda.positions import LINE_BREAK
    from tfagenda.suppress import find_suppressions

    (suppression,) = find_suppressions(LINE_BREAK.split(text))
    assert suppression.removal is not None
    assert apply_edits(text, [Edit(suppression.removal, "")]) == fixed


def test_i001_has_no_fix_when_another_directive_shares_the_comment() -> None:
    from tfagenda.suppress import find_suppressions

    (only,) = find_suppressions(["a: 1  # tfagenda: ignore[S003] tfagenda: ignore[S002]"])
    assert only.removal is None
    line = "a: 1  # tfagenda: ignore[S003]  # tfagenda: ignore[S002]"
    first, second = find_suppressions([line])
    assert (
        first.removal is not None
        and apply_edits(line, [Edit(first.removal, "")]) == "a: 1  # tfagenda: ignore[S002]"
    )
    assert (
        second.removal is not None
        and apply_edits(line, [Edit(second.removal, "")]) == "a: 1  # tfagenda: ignore[S003]"
    )
