"""Writing a file in one step: readers see the old file or the new one, never half of it.

Used by every command that writes: ``check --fix``, ``retime``, ``render -o`` and ``import -o``.
The bytes go to a temporary file in the target's folder (so that the rename stays on one file
system), are flushed to disk, get the old file's permissions (a new file gets the usual 0666 less
the umask, not the temporary file's private 0600), and ``os.replace`` puts them in place. A
symlink is followed: its target is replaced. If anything fails, the old file is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class FileChanged(Exception):
    """The file on disk is no longer what was read: writing would lose someone's change."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} changed on disk since it was read; not written (run the command again)")
        self.path = path


def write_atomic(path: str | os.PathLike[str], data: bytes, expected: bytes | None = None) -> None:
    """Replace (or create) ``path`` with ``data``.

    With ``expected``, the file is read again just before the rename and ``FileChanged`` is raised
    if it no longer holds those bytes.
    """
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise FileNotFoundError(f"no folder {target.parent}/ for {target.name}")
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tfagenda.tmp", dir=target.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask())
        if info is not None and hasattr(os, "chown"):
            mine = os.stat(temporary)
            if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
                with contextlib.suppress(OSError):
                    os.chown(temporary, info.st_uid, info.st_gid)
        if expected is not None and target.read_bytes() != expected:
            raise FileChanged(str(path))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


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
