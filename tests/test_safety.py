"""Files on disk (issue 11, defects 5, 8, 9, 11, 14, 19, 24, 25; issue 18 item 6): what tfagenda reads
in a folder, what it replaces, whose file it stays, and what it says when a write cannot be done.

Running as root, permission bits deny nothing: the tests that need a user's view run tfagenda in a
subprocess that drops CAP_DAC_OVERRIDE (as tests/test_robustness.py does)."""

from __future__ import annotations

import ctypes
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, check, run, write

from tfagenda import atomic
from tfagenda.atomic import FileChanged, write_atomic
from tfagenda.config import load_settings
from tfagenda.discover import agenda_files
from tfagenda.fix import fix_file
from tfagenda.linter import check_paths

AGENDA = SEED.read_text(encoding="utf-8")  # one T001 (16:30 ~ 16:05), which --fix repairs to 16:35
FIXED = AGENDA.replace('end: "16:05"', 'end: "16:35"')
# An agenda whose owner (kim) is busy from 10:00 to 10:45: checked against itself, it would be O003.
BOARD = """title: Board
date: 2026-05-04
slot: "10:00-11:00"
segments:
  - {title: Opening, start: "10:00", duration: 45, owner: kim}
  - {title: Review, duration: 15, owner: "-"}
"""


def tfagenda(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tfagenda", *args],
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,  # type: ignore[arg-type]
    )


def _drop_dac_override() -> None:
    """In the child, before exec: root without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH obeys permission bits."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):
            if libc.prctl(24, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_user(*args: str) -> subprocess.CompletedProcess[str]:
    """``tfagenda ARGS`` as a user for whom permission bits count."""
    if os.geteuid() == 0:
        probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_dac_override, check=False)
        if probe.returncode != 0:
            pytest.skip("running as root, and CAP_DAC_OVERRIDE cannot be dropped here")
    return tfagenda(*args, preexec_fn=_drop_dac_override)


# -- 5. a save between the last check and the rename ---------------------------------------------


def _editor_saves(path: Path, text: str, rename=os.replace) -> None:  # type: ignore[no-untyped-def]
    """As an editor saves: a new file renamed over the old one (by the real os.replace, bound here)."""
    fresh = path.with_name(".editor-save")
    fresh.write_text(text, encoding="utf-8")
    rename(fresh, path)


def test_a_save_just_before_the_rename_is_kept_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor saves after tfagenda's last look and before its rename (simulated at the rename
    itself): the save must be on disk afterwards, and tfagenda must say it wrote nothing."""
    target = write(tmp_path / "agenda.yaml", AGENDA)
    saved = AGENDA.replace("자유토론", "자유 토론")
    real_replace, real_exchange = os.replace, getattr(atomic, "_rename_exchange", None)

    def replace_after_a_save(source: str, destination: str) -> None:
        if Path(destination) == target.resolve():
            _editor_saves(target, saved)
        real_replace(source, destination)

    def exchange_after_a_save(first: str, second: str) -> bool:
        if Path(second) == target.resolve() and target.read_text(encoding="utf-8") != saved:
            _editor_saves(target, saved)
        return real_exchange(first, second)  # type: ignore[misc]

    monkeypatch.setattr(os, "replace", replace_after_a_save)
    monkeypatch.setattr(atomic, "_rename_exchange", exchange_after_a_save, raising=False)
    if not getattr(atomic, "exchange_supported", lambda _: True)(tmp_path):
        pytest.skip("no rename exchange on this file system: the window is the rename's (README)")
    with pytest.raises(FileChanged):
        fix_file(target)
    assert target.read_text(encoding="utf-8") == saved
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.yaml"]  # no temporary file left


def test_a_file_replaced_with_the_same_bytes_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check compares the file itself (inode, size, mtime, ctime), not only its bytes: a file
    saved meanwhile is someone's newer version, even when the bytes are the same."""
    import tfagenda.fix as fix

    target = write(tmp_path / "agenda.yaml", AGENDA)
    real_fix_rounds = fix.fix_rounds

    def fix_while_an_editor_saves(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        _editor_saves(target, AGENDA)
        return real_fix_rounds(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fix, "fix_rounds", fix_while_an_editor_saves)
    with pytest.raises(FileChanged):
        fix_file(target)
    assert target.read_text(encoding="utf-8") == AGENDA


def test_retime_does_not_overwrite_a_file_saved_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tfagenda.retime as retime

    target = write(tmp_path / "agenda.yaml", FIXED)
    real_retime_text = retime.retime_text

    def retime_while_an_editor_saves(*args: object, **kwargs: object) -> str:
        _editor_saves(target, FIXED)  # the same bytes, but a newer file
        return real_retime_text(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(retime, "retime_text", retime_while_an_editor_saves)
    result = run("retime", str(target), "--from", "3", "--shift", "+5m", "--yes")
    assert result.exit_code == 1
    assert "changed on disk since it was read; not written" in result.stderr
    assert target.read_text(encoding="utf-8") == FIXED


def test_an_unchanged_file_is_still_fixed(tmp_path: Path) -> None:
    target = write(tmp_path / "agenda.yaml", AGENDA)
    assert fix_file(target).written
    assert target.read_text(encoding="utf-8") == FIXED
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.yaml"]


# -- 8. -o onto a device, a FIFO, a folder ----------------------------------------------------------


def test_output_to_a_fifo_is_written_into_it_not_replaced(tmp_path: Path) -> None:
    source = write(tmp_path / "agenda.yaml", FIXED)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that opening it to write does not wait
    try:
        result = tfagenda("render", str(source), "-f", "md", "-o", str(fifo))
        received = os.read(reader, 1 << 16).decode("utf-8")
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received.startswith("# AI 복지·돌봄 혁신 추진단(TF) 제4차 회의")


def test_output_to_a_character_device_is_written_into_it_not_replaced(tmp_path: Path) -> None:
    """As root, ``-o /dev/null`` replaced the system's /dev/null with a regular file; here a copy of it."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    source = write(tmp_path / "agenda.yaml", FIXED)
    result = run("render", str(source), "-f", "md", "-o", str(null))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode) and os.lstat(null).st_rdev == os.makedev(1, 3)


def test_output_to_standard_output_that_is_a_pipe(tmp_path: Path) -> None:
    source = write(tmp_path / "agenda.yaml", FIXED)
    result = tfagenda("render", str(source), "-f", "md", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# AI 복지·돌봄 혁신 추진단(TF) 제4차 회의")


@pytest.mark.parametrize("spelled", ["out", "out/"])
def test_output_to_a_folder_is_refused(tmp_path: Path, spelled: str) -> None:
    source = write(tmp_path / "agenda.yaml", FIXED)
    (tmp_path / "out").mkdir()
    result = run("render", str(source), "-f", "md", "-o", str(tmp_path / spelled))
    assert result.exit_code == 2
    assert "it is a folder; name the file to write" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_a_rewrite_of_a_device_is_refused(tmp_path: Path) -> None:
    """--fix and retime rewrite what they read: never a device, which they would replace."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    with pytest.raises(OSError, match="it is a character device, not a regular file"):
        write_atomic(null, b"x", expected=b"")
    assert stat.S_ISCHR(os.lstat(null).st_mode)


# -- 9. the file's own permissions, owner and mode -----------------------------------------------


@pytest.mark.parametrize("command", ["check --fix", "retime", "render -o"])
def test_a_read_only_file_in_a_writable_folder_is_not_replaced(tmp_path: Path, command: str) -> None:
    """Someone else's read-only agenda in a shared folder: --fix, retime and -o refuse to replace
    it (before, the file was replaced, and the one who ran tfagenda became its owner)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    text = AGENDA if command == "check --fix" else FIXED
    target = write(folder / "agenda.yaml", text)
    target.chmod(0o444)
    if os.geteuid() == 0:
        os.chown(target, 12345, 12345)
    before = os.stat(target)
    clean = write(tmp_path / "clean.yaml", FIXED)
    arguments = {
        "check --fix": ("check", "--isolated", "--fix", str(target)),
        "retime": ("retime", str(target), "--from", "3", "--shift", "+5m", "--yes"),
        "render -o": ("render", str(clean), "-f", "md", "-o", str(target)),
    }[command]
    result = as_user(*arguments)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "Permission denied: the file is read-only for you; it is not replaced" in result.stderr, (
        result.stderr
    )
    after = os.stat(target)
    assert target.read_text(encoding="utf-8") == text
    assert (after.st_ino, after.st_uid, after.st_gid, after.st_mode) == (
        before.st_ino,
        before.st_uid,
        before.st_gid,
        before.st_mode,
    )
    assert sorted(p.name for p in folder.iterdir()) == ["agenda.yaml"]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_group_and_set_id_bits_are_kept(tmp_path: Path) -> None:
    target = write(tmp_path / "agenda.yaml", AGENDA)
    os.chown(target, 12345, 23456)
    target.chmod(0o6755)
    result = check("--isolated", "--fix", str(target))
    assert result.exit_code == 0, result.output
    info = os.stat(target)
    assert target.read_text(encoding="utf-8") == FIXED
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o6755)


def test_a_group_writable_file_keeps_its_mode(tmp_path: Path) -> None:
    target = write(tmp_path / "agenda.yaml", AGENDA)
    target.chmod(0o664)
    assert check("--isolated", "--fix", str(target)).exit_code == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o664 and target.read_text(encoding="utf-8") == FIXED


# -- 11. symlinks out of the folder ----------------------------------------------------------------


def test_a_symlink_out_of_the_folder_is_not_followed_in_a_walk(tmp_path: Path) -> None:
    """``agendas/env.yaml -> /proc/self/environ`` printed the CI's environment, tokens included."""
    folder = tmp_path / "agendas"
    folder.mkdir()
    write(folder / "good.yaml", AGENDA)
    secret = write(tmp_path / "secrets.env", "API_TOKEN=hunter2-very-secret\n")
    (folder / "env.yaml").symlink_to("/proc/self/environ")
    (folder / "secrets.yaml").symlink_to(secret)
    (folder / "inside.yaml").symlink_to("good.yaml")  # inside: followed (and the same file: listed once)
    (folder / "sub").mkdir()
    (folder / "sub" / "up.yaml").symlink_to("../good.yaml")  # inside the walked folder: followed
    result = tfagenda("check", "--isolated", str(folder), env={**os.environ, "CI_TOKEN": "ghp_leaked"})
    assert "ghp_leaked" not in result.stdout + result.stderr
    assert "hunter2" not in result.stdout + result.stderr
    assert "env.yaml not checked: it is a symbolic link to /proc/" in result.stderr
    assert f"secrets.yaml not checked: it is a symbolic link to {secret}, outside" in result.stderr
    assert "in 1 file" in result.stdout  # good.yaml, once (inside.yaml and sub/up.yaml are the same file)
    named = run(
        "check", "--isolated", str(folder / "secrets.yaml")
    )  # named on the command line: read as given
    assert named.exit_code == 1 and "secrets.yaml" in named.stdout


def test_a_symlink_to_another_file_inside_the_folder_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "agendas"
    write(folder / "drafts" / "real.yaml", AGENDA)
    (folder / "current.yaml").symlink_to("drafts/real.yaml")
    files = agenda_files([folder])
    assert [p.relative_to(folder).as_posix() for p in files] == ["current.yaml"]


# -- 19. the same file twice ----------------------------------------------------------------------


def test_a_latest_symlink_is_not_a_double_booking_with_itself(tmp_path: Path) -> None:
    folder = tmp_path / "agendas"
    write(folder / "board.yaml", BOARD)
    (folder / "latest.yaml").symlink_to("board.yaml")
    result = check_paths([folder])
    assert [Path(p).name for p in result.files] == ["board.yaml"]
    assert [f.code for f in result.findings] == []


def test_the_same_folder_named_twice_or_a_hard_link_is_checked_once(tmp_path: Path) -> None:
    folder = tmp_path / "agendas"
    write(folder / "board.yaml", BOARD)
    os.link(folder / "board.yaml", folder / "copy.yaml")
    (tmp_path / "alias").symlink_to("agendas")
    result = check_paths([folder, tmp_path / "alias", folder / "board.yaml"])
    assert [Path(p).name for p in result.files] == ["board.yaml"]
    assert [f.code for f in result.findings] == []


# -- issue 18 item 6: extensions in any case -------------------------------------------------------


def test_agenda_extensions_match_in_any_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "agendas"
    write(folder / "A.YAML", AGENDA)
    write(folder / "b.Yml", BOARD)
    write(folder / "c.yaml.txt", BOARD)
    monkeypatch.chdir(tmp_path)
    assert sorted(p.name for p in agenda_files([folder])) == ["A.YAML", "b.Yml"]
    assert sorted(p.name for p in agenda_files([folder], load_settings(isolated=True))) == ["A.YAML", "b.Yml"]


# -- 24. someone else's pyproject.toml ------------------------------------------------------------


def test_a_pyproject_whose_tool_is_not_a_table_is_not_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    work = tmp_path / "work"
    write(work / "agendas" / "board.yaml", BOARD)
    monkeypatch.chdir(work)
    result = check()
    assert result.exit_code == 0, result.output
    assert "All checks passed (1 file)" in result.stdout


def test_a_tfagenda_table_that_is_not_a_table_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool]\ntfagenda = 5\n", encoding="utf-8")
    write(tmp_path / "agendas" / "board.yaml", BOARD)
    monkeypatch.chdir(tmp_path)
    result = check()
    assert result.exit_code == 2
    assert f"{tmp_path / 'pyproject.toml'}: tool.tfagenda: must be a table" in result.stderr
    assert "internal error" not in result.stderr


# -- 25. what a failed write says -----------------------------------------------------------------


def test_a_full_disk_on_standard_output(tmp_path: Path) -> None:
    source = write(tmp_path / "agenda.yaml", AGENDA)
    for args in (("check", "--isolated", str(source)), ("render", str(source), "-f", "md")):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "tfagenda", *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
        assert result.returncode == 2
        assert result.stderr == "tfagenda: cannot write output: No space left on device\n"


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    target = write(folder / "agenda.yaml", AGENDA)
    folder.chmod(0o555)
    try:
        result = as_user("check", "--isolated", "--fix", str(target))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1
    assert f"Permission denied: cannot create a file in the folder {folder}/" in result.stderr
    assert target.read_text(encoding="utf-8") == AGENDA


def test_a_file_name_of_245_bytes_can_be_fixed(tmp_path: Path) -> None:
    target = write(
        tmp_path / ("가" * 80 + ".yaml"), AGENDA
    )  # 245 bytes: 255 with the old temporary name's parts overflowed
    result = check("--isolated", "--fix", str(target))
    assert result.exit_code == 0, result.output + result.stderr
    assert target.read_text(encoding="utf-8") == FIXED
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_fix_on_standard_input_is_refused_and_the_input_still_checked() -> None:
    result = tfagenda("check", "--isolated", "--fix", "/dev/stdin", input=AGENDA)
    assert result.returncode == 1
    assert "/dev/stdin: cannot write the fixes: it is a pipe (FIFO), not a regular file" in result.stderr
    assert "T001" in result.stdout and "empty" not in result.stdout


# -- 14. retime reads a bounded amount --------------------------------------------------------------


def _limit_memory() -> None:
    limit = 1024 * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_retime_reads_no_more_than_check() -> None:
    result = tfagenda("retime", "/dev/zero", "--fit", preexec_fn=_limit_memory)
    assert result.returncode == 1, result.stderr
    assert (
        result.stderr
        == "tfagenda: /dev/zero: cannot read it: larger than 8 MiB, the most tfagenda reads; not read\n"
    )


def test_changed_since_finds_agendas_with_an_upper_case_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0:
        pytest.skip("no git")
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "0"],
        check=True,
    )
    write(tmp_path / "agendas" / "NEW.YAML", AGENDA)  # untracked: changed since HEAD
    result = check("--isolated", "--changed-since", "HEAD", "agendas", "--format", "concise")
    assert result.exit_code == 1 and "NEW.YAML" in result.stdout


def test_a_save_that_cannot_be_put_back_is_kept_not_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the exchange back fails, the version saved meanwhile must survive (under the temporary name)."""
    if not atomic.exchange_supported(tmp_path):
        pytest.skip("no rename exchange on this file system")
    target = write(tmp_path / "agenda.yaml", AGENDA)
    saved = AGENDA.replace("자유토론", "자유 토론")
    real_exchange = atomic._rename_exchange
    calls: list[str] = []

    def exchange_once(first: str, second: str) -> bool:
        calls.append(first)
        if len(calls) == 1:
            _editor_saves(target, saved)
            return real_exchange(first, second)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic, "_rename_exchange", exchange_once)
    with pytest.raises(atomic.KeptAside) as kept:
        fix_file(target)
    assert Path(kept.value.kept).read_text(encoding="utf-8") == saved
    assert "the version saved meanwhile is kept as" in str(kept.value)
