"""Which files a command works on: named files, and agenda files found in named directories."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tfagenda.config import Settings

AGENDA_SUFFIXES = (".yaml", ".yml")
DEFAULT_AGENDA_DIR = "agendas"


class PathNotFound(Exception):
    """A path named on the command line does not exist (a usage problem: exit 2)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such file or directory")
        self.path = path


def agenda_files(paths: Iterable[str | Path], settings: Settings | None = None) -> list[Path]:
    """Files named directly, plus agenda files below named folders, once each.

    In folders: hidden folders and files are skipped, and so are files the settings exclude or
    do not include (default *.yaml, *.yml). A file named directly is always checked.
    """
    found: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path, settings)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            raise PathNotFound(str(raw))
        for candidate in candidates:
            key = os.path.abspath(candidate)  # normalised, and the same for a relative and an absolute name
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(root: Path, settings: Settings | None) -> Iterator[Path]:
    """Agenda files below ``root``, in name order.

    os.walk does not follow directory symlinks, so a symlink loop cannot trap it. A folder that
    cannot be listed (no permission) is yielded itself, so that the check reports it (E000) instead
    of passing without its files. FIFOs, sockets and devices are skipped: opening a FIFO would wait
    forever. A broken or looping file symlink is yielded, and reported.
    """
    unlisted: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=unlisted.append):
        yield from _unlisted(unlisted)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not (settings and settings.is_excluded(Path(folder) / d))
        )
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith("."):
                continue
            if settings is None:
                if name.endswith(AGENDA_SUFFIXES) and _not_special(path):
                    yield path
            elif settings.is_included(path) and not settings.is_excluded(path) and _not_special(path):
                yield path
    yield from _unlisted(unlisted)


def _unlisted(errors: list[OSError]) -> Iterator[Path]:
    while errors:
        error = errors.pop(0)
        if error.filename is not None:
            yield Path(os.fsdecode(error.filename))


def _not_special(path: Path) -> bool:
    """Not a FIFO, socket or device (a path that cannot be stat'ed is kept: reading it reports why)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True
