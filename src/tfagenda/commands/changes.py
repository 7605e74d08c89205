"""``tfagenda diff``: what changed between two versions of agendas, for whom.

``diff_agendas(old, new)`` compares two files (``-``: standard input); ``diff_agendas(rev=REV,
paths=[...])`` compares each file at a git revision with the working tree. Either returns a
``DiffResult``; ``run_diff`` writes it as text, JSON or Markdown and returns the exit code, as
diff(1) does: 0 no changes, 1 changes, 2 trouble (a usage problem, or a version that is not a
readable agenda: its findings are listed on standard error).

Git is run without a shell, with the revision verified by ``git rev-parse --verify
--end-of-options`` (as ``check --changed-since`` does) and then used as the commit id it names,
so a revision such as ``--output=x`` is refused, never read as an option.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tfagenda.commands import UsageError, default_paths, not_found, settings_for, use_color, verify_revision
from tfagenda.messages import Commas, Message, T, verbatim

if TYPE_CHECKING:
    from tfagenda.changes.compare import AgendaChanges
    from tfagenda.config import Settings
    from tfagenda.discover import PathNotFound
    from tfagenda.load import Loaded

FORMATS = ("text", "json", "md")


@dataclass
class DiffResult:
    """The changes per pair of versions compared, and the versions that could not be read."""

    files: list[AgendaChanges] = field(default_factory=list)
    unreadable: list[Loaded] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # versions read with values set aside

    @property
    def changed(self) -> bool:
        return any(result.changes for result in self.files)

    def exit_code(self) -> int:
        """As diff(1): 2 when a version could not be read, else 1 when something changed, else 0."""
        return 2 if self.unreadable else 1 if self.changed else 0


def compare_loaded(
    old: Loaded | None, new: Loaded | None, old_name: str | None = None, new_name: str | None = None
) -> AgendaChanges:
    """The changes from one loaded version to another (None: that version does not exist). Both
    must have an agenda (``loaded.agenda``)."""
    from tfagenda.changes.compare import compare
    from tfagenda.render.rows import build_rows

    before = build_rows(old, []) if old is not None else None
    after = build_rows(new, []) if new is not None else None
    return compare(
        before,
        after,
        old_name if old_name is not None else (old.path if old is not None else ""),
        new_name if new_name is not None else (new.path if new is not None else ""),
    )


def _pair(result: DiffResult, old: Loaded | None, new: Loaded | None, old_name: str, new_name: str) -> None:
    bad = [loaded for loaded in (old, new) if loaded is not None and loaded.agenda is None]
    if bad:
        result.unreadable += bad
        return
    for loaded in (old, new):
        codes = sorted({problem.code for problem in loaded.problems} & _UNREAD) if loaded is not None else []
        if loaded is not None and codes:
            result.notes.append(
                T(
                    "{path}: some of it could not be read ({codes}); what depends on it may show as cancelled, added or without a time. tfagenda check {path} lists the problems",
                    path=loaded.path,
                    codes=Commas(codes),
                )
            )
    result.files.append(compare_loaded(old, new, old_name, new_name))


# The loader's errors that set values aside (a file with one of them still has an agenda).
_UNREAD = {"E001", "E002", "E003", "E004", "E005"}


def diff_agendas(
    old: str | Path | None = None,
    new: str | Path | None = None,
    *,
    rev: str | None = None,
    paths: Sequence[str | Path] = (),
    settings: Settings | None = None,
) -> DiffResult:
    """Compare two agenda files (``-`` for standard input), or with ``rev`` each agenda file of
    ``paths`` (files or folders; none: the agenda folder) at that git revision with the working
    tree. Files in a folder that are the same bytes at the revision are not compared (they cannot
    differ); a file added since the revision has every segment added, one deleted every segment
    cancelled. A usage problem raises ``UsageError``."""
    result = DiffResult()
    if rev is None:
        if old is None or new is None or paths:
            raise UsageError(T("name two files to compare (OLD NEW), or --rev REV and the files"))
        if str(old) == "-" and str(new) == "-":
            raise UsageError(T("only one of OLD and NEW can be - (standard input)"))
        first, second = _load(old), _load(new)
        _pair(result, first, second, first.path, second.path)
        return result
    if old is not None or new is not None:
        paths = [p for p in (old, new) if p is not None] + list(paths)
    if any(str(path) == "-" for path in paths):
        raise UsageError(T("--rev compares files of the working tree; - (standard input) cannot be one"))
    from tfagenda.load import load_bytes

    settings = settings if settings is not None else settings_for()
    for name, before, after in _revision_pairs(
        rev, [str(p) for p in paths] or default_paths(settings), settings
    ):
        if before is not None and after is not None and before == after:
            continue
        old_name = f"{rev}:{name}"
        _pair(
            result,
            load_bytes(before, old_name) if before is not None else None,
            load_bytes(after, name) if after is not None else None,
            old_name,
            name,
        )
    return result


def _load(path: str | Path) -> Loaded:
    from tfagenda.load import MAX_FILE_BYTES, load_bytes, load_file

    if str(path) == "-":
        return load_bytes(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), "<stdin>")
    if not os.path.lexists(path):
        raise UsageError(not_found(_missing(str(path))))
    if os.path.isdir(path):
        raise UsageError(
            T(
                "{path} is a folder; name two files, or use --rev REV {path} to compare a folder",
                path=str(path),
            )
        )
    return load_file(path)


def _missing(path: str) -> PathNotFound:
    from tfagenda.discover import PathNotFound

    return PathNotFound(path)


# -- git -----------------------------------------------------------------------------------------


def _git(arguments: list[str], rev: str, cwd: str | None = None) -> bytes:
    """Run git (no shell); its output, or a UsageError in git's own words."""
    try:
        done = subprocess.run(["git", *arguments], capture_output=True, cwd=cwd, check=False)
    except OSError as error:
        raise UsageError(T("--rev needs git: {error}", error=str(error.strerror or error))) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        if said and "not a git repository" in said[0]:
            raise UsageError(verbatim(f"--rev {rev}: {said[0]}"))  # git's own words
        raise UsageError(
            verbatim(f"--rev {rev}: {said[0]}") if said else T("--rev {rev}: git failed", rev=rev)
        )
    return done.stdout


def _revision_pairs(
    rev: str, targets: list[str], settings: Settings
) -> list[tuple[str, bytes | None, bytes | None]]:
    """(name as shown, bytes at ``rev`` or None, bytes in the working tree or None) for each agenda
    file of ``targets``: the files there now, and those a folder had at ``rev``."""
    from tfagenda.discover import PathNotFound, _included, agenda_files
    from tfagenda.documents.load import MAX_DOCUMENT_BYTES

    commit = verify_revision(rev, "--rev")
    top = os.path.realpath(
        _git(["rev-parse", "--show-toplevel"], rev).decode("utf-8", "surrogateescape").strip()
    )
    here = os.getcwd()
    # name in the repository (relative to its top, '/'-separated) -> name as the user sees it
    wanted: dict[str, str] = {}
    folders: list[str] = []  # the folders named, as names in the repository
    for target in targets:
        inside = _in_repository(target, top, rev)
        if os.path.isdir(target):
            folders.append(inside)
            try:
                found = agenda_files([target], settings)
            except PathNotFound as missing:  # pragma: no cover - it exists: checked above
                raise UsageError(not_found(missing)) from None
            for path in found:
                wanted.setdefault(_in_repository(str(path), top, rev), str(path))
        else:
            wanted.setdefault(inside, target)
    listing = b""
    if folders:
        listing = _git(["ls-tree", "-r", "-z", commit, "--", *folders], rev, cwd=top)
    blobs: dict[str, str] = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_name = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        blobs[raw_name.decode("utf-8", "surrogateescape")] = (
            sha if kind == "blob" and mode != "120000" else ""
        )
    for inside in folders:
        prefix = "" if inside == "." else inside.rstrip("/") + "/"
        for name, sha in blobs.items():
            if sha and name.startswith(prefix) and name not in wanted:
                shown = os.path.relpath(os.path.join(top, name), here)
                hidden = any(part.startswith(".") for part in name[len(prefix) :].split("/"))
                # as check's folder walk chooses files (discover._walk): the config's include and exclude
                if not hidden and _included(settings, Path(shown)) and not settings.is_excluded(Path(shown)):
                    wanted[name] = shown
    pairs = []
    for inside, shown in sorted(wanted.items(), key=lambda item: item[1]):
        before = _blob_at(commit, inside, rev, top)
        after: bytes | None = None
        if os.path.lexists(shown):
            try:
                with open(shown, "rb") as stream:
                    # as load_file reads: a document may be larger than a text agenda (load_bytes refuses the rest)
                    after = stream.read(MAX_DOCUMENT_BYTES + 1)
            except OSError as error:
                raise UsageError(
                    T("{file}: cannot read it: {error}", file=shown, error=str(error.strerror or error))
                ) from None
        if before is None and after is None:
            raise UsageError(T("{path}: not in the working tree, nor at {rev}", path=shown, rev=rev))
        pairs.append((shown, before, after))
    return pairs


def _in_repository(path: str, top: str, rev: str) -> str:
    """``path`` relative to the repository's top, '/'-separated; a UsageError when it is outside."""
    full = os.path.realpath(path)
    inside = os.path.relpath(full, top)
    if inside == ".." or inside.startswith(".." + os.sep) or os.path.isabs(inside):
        raise UsageError(T("{path} is not in the git repository at {top}", path=path, top=top))
    return inside.replace(os.sep, "/")


def _blob_at(commit: str, inside: str, rev: str, top: str) -> bytes | None:
    """The file's bytes at ``commit``; None when it did not exist there."""
    try:
        done = subprocess.run(
            ["git", "cat-file", "blob", f"{commit}:{inside}"], capture_output=True, cwd=top, check=False
        )
    except OSError as error:
        raise UsageError(T("--rev needs git: {error}", error=str(error.strerror or error))) from None
    if done.returncode != 0:
        return None
    return done.stdout


# -- the command ----------------------------------------------------------------------------------


def run_diff(
    old: str | None = None,
    new: str | None = None,
    *,
    rev: str | None = None,
    paths: Sequence[str] = (),
    format: str = "text",
    lang: str = "en",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """``tfagenda diff``: write the changes to ``out`` in ``format`` (text, json, md), the findings
    of a version that could not be read to ``err``; return the exit code (0 same, 1 changed, 2
    trouble)."""
    import importlib

    from tfagenda.changes import FORMATS as RENDERERS

    out = out or sys.stdout
    err = err or sys.stderr
    if format not in RENDERERS:
        raise UsageError(T("unknown format {format}; use text, json or md", format=format))
    result = diff_agendas(old, new, rev=rev, paths=paths)
    for note in dict.fromkeys(result.notes):
        err.write(f"tfagenda: note: {note.say(lang)}\n")
    if result.unreadable:
        _report_unreadable(result.unreadable, lang, err)
    if result.files or not result.unreadable:
        module = importlib.import_module(RENDERERS[format])
        out.write(module.render(result.files, lang))
    return result.exit_code()


def _report_unreadable(unreadable: list[Loaded], lang: str, err: TextIO) -> None:
    from tfagenda.linter import CheckResult, check_loaded
    from tfagenda.report import ReportOptions, write_report

    checked = CheckResult()
    settings = settings_for()
    for loaded in {
        loaded.path: loaded for loaded in unreadable
    }.values():  # a file compared with itself: once
        checked.add(loaded, check_loaded(loaded, settings))
    err.write(f"tfagenda: {T('cannot compare; these versions are not readable agendas:').say(lang)}\n\n")
    write_report("full", checked, err, ReportOptions(color=use_color(err), lang=lang))
