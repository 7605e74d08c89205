"""The shared people registry: ``people.yaml`` beside the agendas (docs/people.md).

It has the shape of an agenda's ``people:`` (id → name, role, aliases, available, unavailable),
under a top-level ``people:`` key, and it is read as if every agenda that finds it listed those
people too: owners may name them (O002), they join across files by their registry entry (O003),
and their availability is checked (O006).

Which registry an agenda uses: the file the config names (``people = "team/people.yaml"``), else
the first ``people.yaml`` (or ``people.yml``) in the agenda's folder or a folder above it, up to
the project root: the config file's folder when the agenda is inside it, else the nearest folder
above the agenda that holds ``.git``, else the current folder when the agenda is inside it; an
agenda outside all of them looks in its own folder only. ``tfagenda check``, ``check -`` (by ``--stdin-filename``, else
from the current folder) and the language server all find it this way.

A registry is read once per process and read again when its size or modification time changes.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from tfagenda.model import Person

REGISTRY_NAMES = ("people.yaml", "people.yml")
# Where a registry was looked for, remembered this long: a check of many files in one folder asks
# once, and a language server still sees a people.yaml created a moment ago.
_FOUND_FOR_SECONDS = 2.0


@dataclass(frozen=True)
class Registry:
    """A registry as the rules use it: its path, and its readable entries (an entry with a problem
    is left out; ``tfagenda check`` reports the problem at the registry's line)."""

    path: str
    people: dict[str, Person | None] = field(default_factory=dict)
    has_problems: bool = False
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # id → line and column of its entry

    def key(self, person_id: str) -> str:
        """How other files know this entry: by its name, else by its id in this registry (a registry
        id is shared by every agenda that uses the registry, unlike an agenda's own ids)."""
        person = self.people.get(person_id)
        if person is not None and person.name:
            return person.name
        return f"{self.path}#{person_id}"


_found: dict[tuple[str, str | None], tuple[float, str | None]] = {}
_loaded: dict[str, tuple[tuple[int, int], Registry | None]] = {}


def registry_path_for(
    agenda_path: str, root: Path | None = None, configured: Path | None = None
) -> str | None:
    """The registry an agenda at ``agenda_path`` uses, or None (see the module's documentation)."""
    if configured is not None:
        return str(configured)
    if agenda_path.startswith("<"):  # text given in memory (check_text): no folder to look in
        return None
    folder = os.path.dirname(os.path.abspath(agenda_path if agenda_path != "-" else "stdin"))
    top = os.path.abspath(root) if root is not None else None
    cache_key = (folder, top)
    now = time.monotonic()
    cached = _found.get(cache_key)
    if cached is not None and now - cached[0] < _FOUND_FOR_SECONDS:
        return cached[1]
    found = _search(folder, top)
    if found is not None:  # named as the agendas are: relative to the current folder when inside it
        relative = os.path.relpath(found)
        found = relative if not relative.startswith(os.pardir) else found
    _found[cache_key] = (now, found)
    return found


def _search(folder: str, top: str | None) -> str | None:
    stop = top if top is not None and _within(folder, top) else None
    if stop is None:
        stop = _repository_root(folder)
    if stop is None:
        cwd = os.getcwd()
        stop = cwd if _within(folder, cwd) else folder
    current = folder
    while True:
        for name in REGISTRY_NAMES:
            candidate = os.path.join(current, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(current)
        if current == stop or parent == current:
            return None
        current = parent


def _within(folder: str, top: str) -> bool:
    return folder == top or folder.startswith(top.rstrip(os.sep) + os.sep)


def _repository_root(folder: str) -> str | None:
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def load_registry(path: str) -> Registry | None:
    """The registry at ``path``: None when it cannot be read at all or is an agenda; cached until
    the file changes. A registry with problems keeps its readable entries."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _loaded.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    from tfagenda.load import load_file  # the registry is read as any file: same limits, same problems

    loaded = load_file(path)
    registry = None
    if loaded.registry is not None or (loaded.agenda is None and loaded.problems):
        people = loaded.registry.people if loaded.registry is not None else {}
        spans = {person_id: loaded.document.span_of(("people", person_id), key=True) for person_id in people}
        lines = {person_id: (span.line, span.column) for person_id, span in spans.items()}
        registry = Registry(path, dict(people), bool(loaded.problems), lines)
    # else: a people.yaml that is an agenda, not a registry; it is checked as one
    _loaded[path] = (stamp, registry)
    return registry


def registry_for(
    agenda_path: str, root: Path | None = None, configured: Path | None = None
) -> Registry | None:
    path = registry_path_for(agenda_path, root, configured)
    if path is None or os.path.abspath(path) == os.path.abspath(agenda_path):
        return None  # a registry checked as itself uses no registry
    return load_registry(path)
