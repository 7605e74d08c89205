"""Reading a file to rewrite it, and writing a file in one step: readers see the old file or the
new one, never half of it, and a save made by someone else meanwhile is not overwritten.

Used by every command that writes: ``check --fix``, ``retime``, ``render -o`` and ``import -o``.

Rewriting (``--fix``, ``retime``) works on regular files only (a pipe such as ``/dev/stdin`` would
be consumed by the reading), reads at most ``MAX_FILE_BYTES`` and remembers what the file was
(``Snapshot``: device, inode, size, mtime and ctime in nanoseconds).

Writing replaces only regular files (or creates a new one): the bytes go to a temporary file in the
target's folder (so that the rename stays on one file system), are flushed to disk, get the old
file's owner and group where permitted and then its mode (set-user-ID and set-group-ID bits too: a
chown clears them, so the mode comes after it), and are renamed over the file. A file the user could
not write in place is refused, even when its folder is writable. A symlink is followed: its target
is replaced. A character device or a FIFO (``/dev/null``, ``/dev/stdout`` to a pipe) is written in
place, never replaced; a folder, a block device or a socket is refused. If anything fails, the old
file is left as it was.

When the file was read first, it is compared with what was read (the snapshot, then the bytes)
right before the rename; on Linux the rename is then an exchange (``renameat2`` with
``RENAME_EXCHANGE``): the new file and the old one swap names in one step, and the file taken out
is checked once more, so that a save that landed between the last check and the swap is put back
and reported (``FileChanged``) instead of being lost.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

TEMPORARY_SUFFIX = ".tfagenda.tmp"
_RANDOM_CHARACTERS = 8  # what tempfile.mkstemp puts between prefix and suffix


class FileChanged(Exception):
    """The file on disk is no longer what was read: writing would lose someone's change."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} changed on disk since it was read; not written (run the command again)")
        self.path = path


class KeptAside(FileChanged):
    """A save landed while the file was being replaced and could not be put back: it was kept next to it."""

    def __init__(self, path: str, kept: str) -> None:
        super().__init__(path)
        self.args = (
            f"{path} changed on disk while it was being written; the version saved meanwhile is kept as "
            f"{kept} (compare the two, and keep the right one)",
        )
        self.kept = kept


class NotRegularFile(OSError):
    """A rewrite (``--fix``, ``retime``) of something that is not a regular file: a pipe, a device."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(
            errno.EINVAL, f"it is {kind}, not a regular file; only regular files are rewritten", path
        )


class TooLarge(OSError):
    """A file larger than what tfagenda reads."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(
            errno.EFBIG, f"larger than {limit // 2**20} MiB, the most tfagenda reads; not read", path
        )


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: if any of these differs, someone changed (or replaced) it."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> Snapshot:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)

    def matches(self, info: os.stat_result, renamed: bool = False) -> bool:
        """The same file, unchanged. ``renamed``: the file was just renamed by us, which sets its ctime."""
        same = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) == (
            self.device,
            self.inode,
            self.size,
            self.mtime_ns,
        )
        return same and (renamed or info.st_ctime_ns == self.ctime_ns)


def kind_of(mode: int) -> str:
    """A file type in words, for messages."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next(
        (name for test, name in kinds if test(mode)),
        "a regular file" if stat.S_ISREG(mode) else "a special file",
    )


def read_bounded(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of ``path``, refusing (``TooLarge``) past ``limit`` (default ``load.MAX_FILE_BYTES``)
    without reading further: ``/dev/zero`` is not read forever."""
    limit = _limit(limit)
    with open(path, "rb") as stream:
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise TooLarge(os.fsdecode(path), limit)
    return raw


def read_with_snapshot(path: str | os.PathLike[str], limit: int | None = None) -> tuple[bytes, Snapshot]:
    """``read_bounded``, and what the file was when it was read (for ``write_atomic``'s comparison)."""
    limit = _limit(limit)
    with open(path, "rb") as stream:
        info = os.fstat(stream.fileno())
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise TooLarge(os.fsdecode(path), limit)
    return raw, Snapshot.of(info)


def read_for_rewrite(path: str | os.PathLike[str], limit: int | None = None) -> tuple[bytes, Snapshot]:
    """The bytes of a regular file that is to be rewritten, and its snapshot.

    Anything else is refused (``NotRegularFile``) before it is opened: reading a pipe consumes it,
    opening a FIFO waits for a writer. Past ``limit`` the bytes read so far are returned, one more
    than the limit, for the caller to refuse (as the check does)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(os.fsdecode(path), kind_of(info.st_mode))
    with open(path, "rb") as stream:
        opened = os.fstat(stream.fileno())
        if not stat.S_ISREG(opened.st_mode):  # replaced between the stat and the open
            raise NotRegularFile(os.fsdecode(path), kind_of(opened.st_mode))
        raw = stream.read(_limit(limit) + 1)
    return raw, Snapshot.of(opened)


def _limit(limit: int | None) -> int:
    if limit is not None:
        return limit
    from tfagenda.load import MAX_FILE_BYTES

    return MAX_FILE_BYTES


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    expected: bytes | None = None,
    snapshot: Snapshot | None = None,
) -> None:
    """Replace (or create) ``path`` with ``data``.

    With ``expected`` (the bytes that were read) and/or ``snapshot``, the file must be a regular
    file that still is what was read, or ``FileChanged`` is raised and nothing is written. Without
    them (``-o``), a character device or FIFO is written in place. ``OSError`` says why a file
    cannot be written, naming the folder when it is the folder that cannot be written.
    """
    prepared = _prepare(Rewrite(path, data, expected, snapshot))
    if prepared is None:  # written in place (a device, a FIFO)
        return
    _commit_prepared(prepared)
    _sync_folder(prepared.target.parent)


@dataclass(frozen=True)
class Rewrite:
    """One file for ``write_all``: the new bytes, and what the file was when read (as for ``write_atomic``)."""

    path: str | os.PathLike[str]
    data: bytes
    expected: bytes | None = None
    snapshot: Snapshot | None = None


@dataclass(frozen=True)
class _Prepared:
    write: Rewrite
    name: str
    target: Path
    temporary: str


# Temporary files written and fsynced at once by ``write_all``: fsyncs issued together are committed
# together (one journal transaction for many files on ext4), instead of one wait each.
_WRITERS = 32


def write_all(rewrites: list[Rewrite]) -> list[BaseException | None]:
    """``write_atomic`` for many files, with the same guarantees for each, and what failed for each
    (None: written). The temporary files are written and fsynced by several threads at once (on a
    disk where an fsync waits 5-10 ms, 1,000 files took 7 s one after another and 0.2 s so), then
    each is compared with what was read and renamed in turn, and each folder is fsynced once, at
    the end. Every file is fsynced once; a crash at any point leaves each file old or new."""
    outcomes: list[BaseException | None] = [None] * len(rewrites)
    if not rewrites:
        return outcomes
    if len(rewrites) == 1:  # one file (an editor's, a hook's): no threads to start
        try:
            write_atomic(rewrites[0].path, rewrites[0].data, rewrites[0].expected, rewrites[0].snapshot)
        except Exception as failed:  # noqa: BLE001 - this file's failure, said by the caller
            outcomes[0] = failed
        return outcomes
    from concurrent.futures import Future, ThreadPoolExecutor

    futures: list[Future[_Prepared | None]] = []
    settled: set[int] = set()  # renamed, failed, or cleaned up
    folders: dict[Path, None] = {}
    # The old files the exchanges took out, removed together at the end: on ext4 a removal right
    # after the renames waits 2-3 ms each (the journal), one after another 3 s for 1,000 files.
    old_versions: list[str] = []
    try:
        with ThreadPoolExecutor(min(_WRITERS, len(rewrites))) as pool:
            futures = [pool.submit(_prepare, rewrite) for rewrite in rewrites]
            for future in futures:
                future.exception()  # wait for every one before renaming any
        for n, future in enumerate(futures):
            settled.add(n)
            error = future.exception()
            ready = future.result() if error is None else None
            if error is not None:
                outcomes[n] = error
                continue
            if ready is None:
                continue
            try:
                # on failure it removes the temporary file (or keeps it aside)
                _commit_prepared(ready, old_versions)
            except Exception as failure:  # noqa: BLE001 - this file's failure, said by the caller
                outcomes[n] = failure
                continue
            folders[ready.target.parent] = None
    finally:  # interrupted (Ctrl-C): no temporary file is left for what was not renamed
        for n, future in enumerate(futures):
            if n in settled or not future.done() or future.cancelled() or future.exception() is not None:
                continue
            ready = future.result()
            if ready is not None:
                old_versions.append(ready.temporary)
        if len(old_versions) > 1:
            with ThreadPoolExecutor(min(_WRITERS, len(old_versions))) as pool:
                list(pool.map(_remove, old_versions))
        else:
            for temporary in old_versions:
                _remove(temporary)
        for folder in folders:
            _sync_folder(folder)
    return outcomes


def _remove(path: str) -> None:
    """Remove a temporary file (an old version, or a new one not renamed); gone already is fine."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def _prepare(rewrite: Rewrite) -> _Prepared | None:
    """Everything ``write_atomic`` does before the rename: the checks, and the new bytes in a
    temporary file next to the target, fsynced. None when the bytes were written in place."""
    path, data, expected, snapshot = rewrite.path, rewrite.data, rewrite.expected, rewrite.snapshot
    rewrite_in_place = expected is not None or snapshot is not None
    name = os.fsdecode(path)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        if rewrite_in_place:
            raise FileChanged(name) from None  # it was read, and is gone now
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder; name the file to write", name)
        if rewrite_in_place:
            raise NotRegularFile(name, kind_of(info.st_mode))
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            _write_in_place(path, data)
            return None
        raise OSError(
            errno.EINVAL,
            f"it is {kind_of(info.st_mode)}; tfagenda writes only files, pipes and terminals",
            name,
        )
    if info is not None and not _may_write(path):
        raise PermissionError(
            errno.EACCES,
            "Permission denied: the file is read-only for you; it is not replaced "
            "(a writable folder is not enough: make the file writable first)",
            name,
        )
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"no folder {target.parent}/ for {target.name}", name)
    temporary = _create_temporary(target, data, info, _folder_as_named(name, target))
    return _Prepared(rewrite, name, target, temporary)


def _commit_prepared(prepared: _Prepared, old_versions: list[str] | None = None) -> None:
    """Rename a prepared temporary file over its target (``_commit``); on failure it is removed."""
    rewrite = prepared.write
    try:
        _commit(
            prepared.temporary,
            prepared.target,
            prepared.name,
            rewrite.expected,
            rewrite.snapshot,
            old_versions,
        )
    except KeptAside:
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(prepared.temporary)
        raise


def _may_write(path: str | os.PathLike[str]) -> bool:
    """Could this user write the file in place? (As root, permission bits deny nothing, as for any
    editor run as root: only a read-only file system or an immutable file stops it.)"""
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _write_in_place(path: str | os.PathLike[str], data: bytes) -> None:
    """A device or a FIFO: opened for writing (never created, never replaced) and written."""
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


def _temporary_prefix(target: Path) -> str:
    """``.NAME.``, with NAME shortened so that the temporary file's name fits the file system's limit
    (a 233-byte name plus the random part and the suffix would not)."""
    try:
        name_max = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        name_max = 255
    room = max(name_max - 2 - _RANDOM_CHARACTERS - len(TEMPORARY_SUFFIX), 1)
    stem = target.name
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return f".{stem}."


def _folder_as_named(name: str, target: Path) -> str:
    """The folder written to, as the user named it (``agendas/``) unless a symlink led elsewhere."""
    named = os.path.dirname(name) or "."
    return named if os.path.realpath(named) == str(target.parent) else str(target.parent)


def _create_temporary(target: Path, data: bytes, info: os.stat_result | None, folder: str) -> str:
    """The new bytes in a temporary file next to ``target``, flushed, with the old file's owner and mode."""
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=_temporary_prefix(target), suffix=TEMPORARY_SUFFIX, dir=target.parent
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise type(error)(
            error.errno or errno.EIO,
            f"{reason}: cannot create a file in the folder {folder.rstrip(os.sep)}/ (the folder is not writable)"
            if isinstance(error, PermissionError)
            else f"{reason} (creating a temporary file in the folder {folder.rstrip(os.sep)}/)",
            str(target),
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            if info is not None:
                _keep_owner_and_mode(stream.fileno(), info)
            else:
                os.fchmod(stream.fileno(), 0o666 & ~_umask())
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _keep_owner_and_mode(descriptor: int, info: os.stat_result) -> None:
    """The old file's owner and group where permitted (root: both; a member of the group: the group),
    then its mode: chown clears the set-user-ID and set-group-ID bits, so chmod comes last."""
    if hasattr(os, "fchown"):
        mine = os.fstat(descriptor)
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.fchown(descriptor, info.st_uid, info.st_gid)
            except OSError:
                with contextlib.suppress(OSError):
                    os.fchown(descriptor, -1, info.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(info.st_mode))


def _commit(
    temporary: str,
    target: Path,
    name: str,
    expected: bytes | None,
    snapshot: Snapshot | None,
    old_versions: list[str] | None = None,
) -> None:
    """Rename ``temporary`` over ``target``; when a file was read, only if it is still what was read.
    ``old_versions``: where to leave the name of the old file taken out by the exchange, for the
    caller to remove (``write_all`` removes them together), instead of removing it here."""
    if expected is None and snapshot is None:
        os.replace(temporary, target)
        return
    _verify(target, name, expected, snapshot)
    try:
        exchanged = _rename_exchange(temporary, target)
    except FileNotFoundError:
        raise FileChanged(name) from None  # deleted since the check
    if not exchanged:  # no exchange here: the window is this call's, after the check above
        os.replace(temporary, target)
        return
    # The file taken out now has the temporary name: if a save landed after the check, put it back.
    try:
        _verify(Path(temporary), name, expected, snapshot, renamed=True)
    except BaseException:
        try:
            _rename_exchange(temporary, target)
        except OSError:
            # The other version is at the temporary name now: it must not be deleted with it.
            raise KeptAside(name, temporary) from None
        raise
    if old_versions is not None:
        old_versions.append(temporary)
        return
    with contextlib.suppress(OSError):  # the old file; a leftover is hidden, and only the old bytes
        os.unlink(temporary)


def _verify(
    path: Path, name: str, expected: bytes | None, snapshot: Snapshot | None, renamed: bool = False
) -> None:
    """``FileChanged`` unless ``path`` is the file that was read, with the bytes that were read."""
    try:
        if snapshot is not None and not snapshot.matches(os.stat(path), renamed):
            raise FileChanged(name)
        if expected is not None:
            with open(path, "rb") as stream:
                if stream.read(len(expected) + 1) != expected:
                    raise FileChanged(name)
    except OSError:
        raise FileChanged(name) from None


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2: object = None  # the libc function, once looked up; False where there is none


def _rename_exchange(first: str | Path, second: str | Path) -> bool:
    """Swap two names in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the system
    or the file system cannot, and the caller renames instead."""
    import ctypes  # here: only a rewrite needs it, and a check's start-up would pay for it

    global _renameat2
    if _renameat2 is None:
        try:
            _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
        except (OSError, AttributeError):
            _renameat2 = False
    if _renameat2 is False:
        return False
    function = _renameat2
    result = function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)  # type: ignore[operator]
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), os.fsdecode(second))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def output_error(error: OSError) -> str | None:
    """The message for an error writing standard output (a full disk, a closed pipe, an I/O error),
    or None when ``error`` is not one: ``cannot write output: No space left on device``."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG, errno.EBADF, errno.EROFS):
        return f"cannot write output: {error.strerror or os.strerror(error.errno)}"
    return None


def silence_stdout() -> None:
    """After standard output failed: what is still buffered goes to the null device, so that
    Python's flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def exchange_supported(folder: str | os.PathLike[str]) -> bool:
    """Whether renames in ``folder`` can be exchanges (the README's guarantee depends on it)."""
    with tempfile.TemporaryDirectory(dir=folder, prefix=".tfagenda-probe.") as probe:
        first, second = Path(probe, "a"), Path(probe, "b")
        first.touch()
        second.touch()
        return _rename_exchange(first, second)
