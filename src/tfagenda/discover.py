"""Which files a command works on: named files, and agenda files found in named directories."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

AGENDA_SUFFIXES = (".yaml", ".yml")
DEFAULT_AGENDA_DIR = "agendas"


class PathNotFound(Exception):
    """A path named on the command line does not exist (a usage problem: exit 2)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such file or directory")
        self.path = path


def agenda_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus *.yaml/*.yml below named directories (hidden folders skipped), sorted, once each."""
    found: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            raise PathNotFound(str(raw))
        for candidate in candidates:
            key = os.path.normpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(root: Path) -> Iterator[Path]:
    # os.walk does not follow directory symlinks, so a symlink loop cannot trap it.
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(AGENDA_SUFFIXES) and not name.startswith("."):
                yield Path(folder) / name
