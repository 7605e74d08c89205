"""Which files a command works on: named files, and agenda files found in named directories
(YAML, and the documents among .hwpx, .hwp, .docx and .pdf that hold an agenda)."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tfagenda.config import Settings

AGENDA_SUFFIXES = (".yaml", ".yml")
DOCUMENT_SUFFIXES = (".hwpx", ".hwp", ".docx", ".pdf")
# Calendars are checked when named, and in folders only when the config includes them ("*.ics"):
# in an agenda folder they are mostly inputs of --calendar or outputs of render --format ics.
CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar")
DEFAULT_AGENDA_DIR = "agendas"


class PathNotFound(Exception):
    """A path named on the command line does not exist (a usage problem: exit 2)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such file or directory")
        self.path = path


def is_document_name(name: str) -> bool:
    """``*.hwpx``, ``*.hwp``, ``*.docx`` or ``*.pdf``, in any case: a document a folder walk looks into."""
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def is_calendar_name(name: str) -> bool:
    """``*.ics`` (``.ical``, ``.icalendar``), in any case: a calendar, which a folder walk takes only
    when the config's ``include`` names it."""
    return name.lower().endswith(CALENDAR_SUFFIXES)


def calendars_below(paths: Iterable[str | Path], limit: int = 3) -> list[Path]:
    """Up to ``limit`` calendars in the named folders (hidden ones skipped), in name order: for the
    message of a walk that found no agenda, which says how to check them."""
    found: list[Path] = []
    for raw in paths:
        root = Path(raw)
        if not root.is_dir():
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [
                Path(folder) / name for name in sorted(files) if is_calendar_name(name) and name[:1] != "."
            ]
            if len(found) >= limit:
                return found[:limit]
    return found


def is_agenda_name(name: str) -> bool:
    """``*.yaml`` or ``*.yml``, in any case (``A.YAML``, ``b.Yml``)."""
    return name.lower().endswith(AGENDA_SUFFIXES)


def agenda_files(paths: Iterable[str | Path], settings: Settings | None = None) -> list[Path]:
    """Files named directly, plus agenda files below named folders, each real file once.

    In folders: hidden folders and files are skipped, and so are files the settings exclude or
    do not include (default *.yaml, *.yml, in any case; calendars, *.ics, only when included). Documents (*.hwpx, *.hwp, *.docx, *.pdf)
    are looked into unless excluded, and taken only when an agenda is found in them; the others
    are skipped with a note on standard error saying why (no agenda, or cannot be read). A file named directly is always checked,
    as given (a symlink is followed wherever it goes); in a folder, a symlink is followed only when
    its target stays inside the folder (a note on standard error names each one skipped). A file
    reached twice (named twice, a symlink to a file also found, a hard link) is listed once, under
    the first name it was reached by.
    """
    found: list[Path] = []
    seen: set[object] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path, settings)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            raise PathNotFound(str(raw))
        for candidate in candidates:
            key = _identity(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _identity(path: Path) -> object:
    """The file itself: (device, inode) of what the path leads to; a path that cannot be followed (a
    broken or looping symlink, a folder that cannot be listed) is its own, by its absolute name."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return (info.st_dev, info.st_ino)


def _walk(root: Path, settings: Settings | None) -> Iterator[Path]:
    """Agenda files below ``root``, in name order.

    os.walk does not follow directory symlinks, so a symlink loop cannot trap it. A folder that
    cannot be listed (no permission) is yielded itself, so that the check reports it (E000) instead
    of passing without its files. FIFOs, sockets and devices are skipped: opening a FIFO would wait
    forever. A file symlink whose target is outside ``root`` is skipped with a note (an
    ``env.yaml -> /proc/self/environ`` must not print the environment); a broken or looping one
    is yielded, and reported.
    """
    unlisted: list[OSError] = []
    inside = _real_folder(root)
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
            document = is_document_name(name)
            if settings is None:
                wanted = is_agenda_name(name) or document
            else:
                wanted = (_included(settings, path) or document) and not settings.is_excluded(path)
            if (
                wanted
                and _not_special(path)
                and _stays_inside(path, inside, root)
                and not _plainly_other(path)
                and not (document and _holds_no_agenda(path))
            ):
                yield path
    yield from _unlisted(unlisted)


def _included(settings: Settings, path: Path) -> bool:
    """The settings' include patterns, with the extension in any case (``A.YAML`` is ``*.yaml``)."""
    return settings.is_included(path) or (
        path.suffix != path.suffix.lower() and settings.is_included(path.with_suffix(path.suffix.lower()))
    )


def _real_folder(root: Path) -> str:
    return os.path.join(os.path.realpath(root), "")


def _stays_inside(path: Path, inside: str, root: Path) -> bool:
    """Not a symlink, or one whose target is below the folder being walked (a broken or looping
    one too: reading it reports what is wrong). Skipping one is said on standard error."""
    if not path.is_symlink():
        return True
    target = os.path.realpath(path)
    if target.startswith(inside):
        return True
    note_skipped(path, root, target)
    return False


_noted: set[str] = set()


def note_skipped(path: Path, root: Path, target: str) -> None:
    """One note per run and link (``check --fix`` walks the folders twice)."""
    key = os.path.abspath(path)
    if key in _noted:
        return
    _noted.add(key)
    sys.stderr.write(
        f"tfagenda: note: {path} not checked: it is a symbolic link to {target}, outside {root}/ "
        "(in a folder, links are followed only inside it; name the file itself to check it)\n"
    )


# A top-level key of a block mapping: `name:`, `"name":`, `'name':` at the start of a line.
_TOP_KEY = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|([^\s#'"\-\[\]{}?!&*|>%@`][^:#]*?))[ \t]*:(?:[ \t]|$)""")


def _plainly_other(path: Path) -> bool:
    """A YAML file found in a folder whose top-level keys are all plainly not an agenda's (a GitHub
    workflow, a docker-compose file): skipped with a note, as pre-commit hands tfagenda every YAML
    file. Anything less clear (a list, flow style, a misspelt key, unreadable) is checked and reported."""
    if not is_agenda_name(path.name):
        return False
    from tfagenda.load import MAX_FILE_BYTES, _agenda_like

    keys: list[str] = []
    read = 0
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as stream:
            for line in stream:  # stops at the first agenda key, usually the first line
                read += len(line)
                if read > MAX_FILE_BYTES:
                    return False
                line = line.lstrip("\ufeff").rstrip("\r\n")
                if not line.strip() or line.startswith(("#", " ", "\t", "---", "...", "%")):
                    continue
                match = _TOP_KEY.match(line)
                if match is None:
                    return False  # a list, flow style, a scalar: the loader says what it is
                key = next(group for group in match.groups() if group is not None)
                if _agenda_like(key):
                    return False
                keys.append(key)
    except OSError:
        return False
    if not keys:
        return False
    key = os.path.abspath(path)
    if key not in _noted:
        _noted.add(key)
        shown = ", ".join(keys[:5]) + (", …" if len(keys) > 5 else "")
        sys.stderr.write(
            f"tfagenda: note: {path} not checked: not an agenda (its keys are {shown}; an agenda has "
            "title and segments or days); name the file itself to check it\n"
        )
    return True


# A walked document's verdict, by real path, modification time and size: ``check --fix`` walks
# the folders twice, and the language server walks the agenda folder whenever it changes.
_verdicts: dict[tuple[str, int, int], str | None] = {}


def _holds_no_agenda(path: Path) -> bool:
    """A document found in a folder that holds no agenda, or cannot be read: skipped with a note.

    A folder of press releases, notices and scans is mostly not agendas; each would otherwise be
    an E005. Named directly, the same document is checked and its E005 says why.
    """
    try:
        info = os.stat(path)
    except OSError:
        return False  # reading it reports why
    key = (os.path.realpath(path), info.st_mtime_ns, info.st_size)
    if key not in _verdicts:
        from tfagenda.documents.load import why_no_agenda

        _verdicts[key] = why_no_agenda(path)
    reason = _verdicts[key]
    if reason is None:
        return False
    noted = os.path.abspath(path)
    if noted not in _noted:
        _noted.add(noted)
        sys.stderr.write(f"tfagenda: note: {path} not checked: {reason}; name the file itself to check it\n")
    return True


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
