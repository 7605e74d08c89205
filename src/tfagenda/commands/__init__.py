"""What each ``tfagenda`` command does, as functions usable from Python without the command line.

Each command is one function (``run_check``, ``render_paths``, ``retime_file``, ``import_file``,
``rules_table``, ``rule_text``) that takes plain values and the streams to write to, and returns the
exit code. ``tfagenda.cli`` only parses options into them. A problem with how a command was asked
(a path that does not exist, options that do not go together) raises ``UsageError``, whose deferred
message the command line says in the command's ``--lang`` as ``tfagenda: MESSAGE`` and exits with its
code (2, or 1 where the README says so). ``str(error)`` is the English sentence.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tfagenda.messages import Message, T, verbatim

if TYPE_CHECKING:
    from tfagenda.config import Settings
    from tfagenda.discover import PathNotFound


class UsageError(Exception):
    """A command cannot run as asked: ``message`` says why (deferred: said in the command's language);
    ``exit_code`` is 2 unless said otherwise."""

    def __init__(self, message: Message, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal; ``NO_COLOR`` turns it off, ``FORCE_COLOR`` on."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def settings_for(config: Path | None = None, isolated: bool = False, start: Path | None = None) -> Settings:
    """The settings from the config file (``config``, else the nearest one to ``start``, default the
    current folder), or a UsageError."""
    from tfagenda.config import ConfigError, find_config, load_settings

    if start is not None and config is None and not isolated:
        config = find_config(start.resolve())
    try:
        return load_settings(config, isolated)
    except ConfigError as error:
        # Config errors stay English (README: Korean messages): they quote the TOML file's own keys.
        raise UsageError(verbatim(f"config: {error}")) from None


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path)


def default_paths(settings: Settings) -> list[str]:
    """The agenda folder, for a command given no paths."""
    folder = settings.agenda_dir
    if not folder.is_dir():
        raise UsageError(
            T(
                "no agenda folder {folder}/ here; name the agenda files or folders to check",
                folder=shown(folder),
            )
        )
    return [shown(folder)]


def not_found(missing: PathNotFound) -> Message:
    return T("{path}: no such file or directory", path=missing.path)


def no_agenda_files(targets: list[str]) -> Message:
    # A walk reads YAML agendas and the office documents that hold an agenda (the others get a note).
    from tfagenda.discover import calendars_below

    calendars = calendars_below(targets, limit=4)
    if calendars:  # a folder of calendars: say how to check them (discover.CALENDAR_SUFFIXES)
        return T(
            "no agenda files (*.yaml, *.yml, or a .hwpx, .hwp, .docx or .pdf holding an agenda) in {targets}; "
            'a folder\'s calendars ({calendars}) are checked when named (tfagenda check {first}), or with "*.ics" '
            "in the config's include",
            targets=" ".join(targets),
            calendars=", ".join(str(path) for path in calendars[:3]) + (", …" if len(calendars) > 3 else ""),
            first=str(calendars[0]),
        )
    return T(
        "no agenda files (*.yaml, *.yml, or a .hwpx, .hwp, .docx or .pdf holding an agenda) in {targets}",
        targets=" ".join(targets),
    )


def cannot_read(file: str, error: BaseException) -> Message:
    return T(
        "{file}: cannot read it: {error}", file=file, error=str(getattr(error, "strerror", None) or error)
    )


def cannot_write(file: str, error: OSError) -> Message:
    return T("{file}: cannot write it: {error}", file=file, error=str(error.strerror or error))


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two names are one file (the same name, a hard link, or a symlink to it)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


def refuse_overwriting_input(source: str, output: str | os.PathLike[str] | None, option: str = "-o") -> None:
    """A UsageError when ``output`` is ``source`` itself: writing it would destroy the input."""
    if output is None or str(output) == "-" or source == "-":
        return
    if same_file(source, output):
        raise UsageError(
            T(
                "{option} {output} is the input file {source}; name another file to write",
                option=option,
                output=str(output),
                source=source,
            )
        )


def verify_revision(revision: str, option: str) -> str:
    """The commit id git knows ``revision`` by here, or a UsageError naming ``option`` (``--rev``,
    ``--changed-since``). The revision is passed after ``--end-of-options``: a value that starts
    with ``-`` is never read as one of git's options."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "rev-parse", "--verify", "--end-of-options", f"{revision}^{{commit}}"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise UsageError(
            T("{option} needs git: {error}", option=option, error=str(error.strerror or error))
        ) from None
    if done.returncode == 0:
        return done.stdout.strip()
    said = done.stderr.strip().splitlines()
    if said and "not a git repository" in said[0]:
        raise UsageError(verbatim(f"{option} {revision}: {said[0]}"))  # git's own words
    raise UsageError(
        T(
            "{option} {revision}: not a git revision (a commit, branch or tag) in this repository",
            option=option,
            revision=revision,
        )
    )
