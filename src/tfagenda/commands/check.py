"""``tfagenda check``: find the mistakes in agendas, and fix them (``--fix``) or show the fixes (``--diff``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from tfagenda.commands import (
    UsageError,
    default_paths,
    no_agenda_files,
    not_found,
    settings_for,
    shown,
    use_color,
    verify_revision,
)

# Imported with the module, not on first call: the console script imports the command's modules
# while the garbage collector is paused (start-up, bench/README.md).
from tfagenda.discover import PathNotFound, is_agenda_name
from tfagenda.linter import check_paths
from tfagenda.messages import T, plural, verbatim
from tfagenda.report import ReportOptions, write_report

if TYPE_CHECKING:
    from tfagenda.calendars.clash import CalendarOption  # the calendar code is imported only with --calendar
    from tfagenda.config import Settings
    from tfagenda.fix import FileFixer
    from tfagenda.linter import CheckResult


def run_check(
    paths: list[str] | None = None,
    *,
    format: str | None = None,
    strict: bool = False,
    exit_zero: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
    config: Path | None = None,
    isolated: bool = False,
    changed_since: str | None = None,
    with_agenda_dir: bool = False,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    show_fixes: bool = False,
    lang: str = "en",
    stdin_filename: str | None = None,
    output_file: Path | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: BinaryIO | None = None,
    calendars: list[str] | None = None,
) -> int:
    """``tfagenda check``, its options as keywords with the same defaults: check (and with ``fix``
    or ``diff``, fix) the agendas in ``paths`` (default: the agenda folder), write the report to
    ``out`` (or ``output_file``), and return the exit code. ``format`` None is github under GitHub
    Actions, else full. ``paths`` ``["-"]`` reads the agenda from standard input (``stdin``), named
    ``stdin_filename`` in findings, config lookup and format detection. ``calendars``: ``NAME=FILE``
    values of ``--calendar``, each person's segments checked against their calendar (O003)."""
    out = out or sys.stdout
    err = err or sys.stderr
    from_stdin = list(paths or []) == ["-"]
    if paths and "-" in paths and not from_stdin:
        raise UsageError(T("- (standard input) cannot be named with other paths"))
    if stdin_filename is not None and not from_stdin:
        raise UsageError(T("--stdin-filename is for reading standard input: name the path - as well"))
    if from_stdin and (diff or changed_since is not None or with_agenda_dir):
        raise UsageError(
            T("standard input (-) cannot be used with --diff, --changed-since or --with-agenda-dir")
        )
    calendar_options = _calendar_options(calendars or [])
    if calendar_options and from_stdin:
        raise UsageError(T("--calendar is for agenda files, not standard input (-)"))
    settings = settings_for(config, isolated, _config_start(stdin_filename) if from_stdin else None)
    try:
        settings = settings.with_selection(select, ignore, extend_select)
    except ValueError as error:  # an unknown rule code, said as config errors are (English)
        raise UsageError(verbatim(str(error))) from None
    if output_file is not None:
        named = list(paths or []) if paths else default_paths(settings)
        _refuse_input_as_output(output_file, named, stdin_filename)
    if from_stdin:
        stream = stdin or sys.stdin.buffer
        return _check_stdin(
            stream,
            stdin_filename or "-",
            settings,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            format=format,
            strict=strict,
            exit_zero=exit_zero,
            quiet=quiet,
            statistics=statistics,
            show_fixes=show_fixes,
            lang=lang,
            out=out,
            err=err,
            output_file=output_file,
        )
    targets = list(paths or []) or default_paths(settings)
    changed_only = changed_since is not None
    compare_with: list[str] = []
    if changed_since is not None:
        compare_with = list(targets)
        targets = changed_files(changed_since, targets)
    elif with_agenda_dir and settings.agenda_dir.is_dir():
        compare_with = [shown(settings.agenda_dir)]
    if diff:
        return diff_paths(targets, settings, unsafe_fixes, quiet, changed_only, out, err, lang)
    try:
        # With --fix, each file is fixed by the process that checks it, and its report is what remains.
        result = check_paths(
            targets,
            settings,
            compare_with,
            calendars=calendar_options,
            fixer=_fixer(unsafe_fixes) if fix else None,
        )
    except PathNotFound as missing:
        raise UsageError(not_found(missing)) from None
    if not result.files and not changed_only:
        raise UsageError(no_agenda_files(targets))
    for reason in result.not_fixed:
        err.write(f"tfagenda: {reason.say(lang)}\n")
    _report(result, format, statistics, quiet, unsafe_fixes, show_fixes, lang, out, err, output_file)
    if exit_zero:
        return 0
    return max(result.exit_code(strict), 1 if result.not_fixed else 0)


def _fixer(unsafe: bool) -> FileFixer:
    from tfagenda.fix import FileFixer

    return FileFixer(unsafe)


def _calendar_options(values: list[str]) -> list[CalendarOption]:
    """``--calendar NAME=FILE`` values, each FILE a readable calendar file (else a usage error)."""
    if not values:
        return []
    from tfagenda.calendars.clash import parse_option
    from tfagenda.load import MAX_FILE_BYTES

    options = []
    for value in values:
        try:
            option = parse_option(value)
        except ValueError as error:
            raise UsageError(error.args[0]) from None
        path = Path(option.path)
        if not path.is_file():
            why = T("it is a folder") if path.is_dir() else T("no such file")
            raise UsageError(
                T("--calendar {value}: cannot read {file}: {why}", value=value, file=option.path, why=why)
            )
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError(
                T(
                    "--calendar {value}: {file} is larger than {mib} MiB, the most tfagenda reads",
                    value=value,
                    file=option.path,
                    mib=MAX_FILE_BYTES // 2**20,
                )
            )
        options.append(option)
    return options


def _report(
    result: CheckResult,
    format: str | None,
    statistics: bool,
    quiet: bool,
    unsafe_fixes: bool,
    show_fixes: bool,
    lang: str,
    out: TextIO,
    err: TextIO,
    output_file: Path | None = None,
) -> None:
    """Write the report of ``result`` to ``out``, or atomically to ``output_file``."""
    import io

    chosen = format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full")
    target: TextIO = io.StringIO() if output_file is not None else out
    if statistics:
        write_statistics(result, target, quiet, lang)
    else:
        report = ReportOptions(
            color=output_file is None and use_color(out),
            quiet=quiet,
            unsafe_fixes=unsafe_fixes,
            show_fixes=show_fixes,
            lang=lang,
        )
        write_report(chosen, result, target, report)
    if output_file is not None:
        _write_output_file(output_file, target.getvalue())  # type: ignore[attr-defined]
    fixed = result.fixed
    if show_fixes and fixed is not None and (statistics or chosen not in ("full", "text", "concise")):
        from tfagenda.fix import fixes_listing

        err.write(fixes_listing(fixed))


def _write_output_file(path: Path, text: str) -> None:
    from tfagenda.atomic import write_atomic

    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise UsageError(
            T(
                "--output-file {path}: cannot write: {error}",
                path=str(path),
                error=str(error.strerror or error),
            )
        ) from None


def _refuse_input_as_output(output_file: Path, paths: list[str], stdin_filename: str | None) -> None:
    """--output-file must not replace an agenda being checked (a typo would lose it)."""
    if output_file.is_dir():
        raise UsageError(T("--output-file {path}: is a folder", path=str(output_file)))
    if not output_file.exists():
        return
    from tfagenda.discover import agenda_files

    target = os.path.realpath(output_file)
    named = [p for p in paths if p != "-"] + ([stdin_filename] if stdin_filename else [])
    inputs = [p for p in named if os.path.exists(p)]
    try:
        files = agenda_files(inputs) if inputs else []
    except PathNotFound:
        files = []
    if any(os.path.realpath(p) == target for p in [*inputs, *map(str, files)]):
        raise UsageError(
            T(
                "--output-file {path}: is one of the files being checked; not overwritten",
                path=str(output_file),
            )
        )


def _config_start(stdin_filename: str | None) -> Path | None:
    """Where the config of standard input is looked up: the folder of --stdin-filename (as ruff does)."""
    if stdin_filename is None:
        return None
    folder = Path(stdin_filename).parent
    return folder if folder.is_dir() else None


def _check_stdin(
    stream: BinaryIO,
    name: str,
    settings: Settings,
    *,
    fix: bool,
    unsafe_fixes: bool,
    format: str | None,
    strict: bool,
    exit_zero: bool,
    quiet: bool,
    statistics: bool,
    show_fixes: bool,
    lang: str,
    out: TextIO,
    err: TextIO,
    output_file: Path | None,
) -> int:
    """``check -``: check the agenda read from ``stream``; with ``fix``, write the fixed text to
    ``out`` and the report to ``err`` (standard output carries only the agenda, as ruff's)."""
    from tfagenda.linter import CheckResult, check_loaded
    from tfagenda.load import MAX_FILE_BYTES, load_bytes

    try:
        raw = stream.read(MAX_FILE_BYTES + 1)  # bounded, as a file is
    except OSError as error:
        raise UsageError(
            T("cannot read standard input: {error}", error=str(error.strerror or error))
        ) from None
    loaded = load_bytes(raw, name)
    fixed = None
    report_to = out
    if fix:
        from tfagenda.fix import fix_text, is_yaml

        report_to = err
        text = loaded.document.text
        readable = len(raw) <= MAX_FILE_BYTES and not any(p.code == "E001" for p in loaded.problems)
        new_text, counts = text, None
        if readable and is_yaml(name, text):
            new_text, counts = fix_text(text, name, settings, unsafe_fixes)
            if new_text != text:
                loaded = load_bytes(new_text.encode("utf-8"), name)
        # Standard output is the agenda, fixed or not (an editor replaces its buffer with it).
        out.write(new_text if readable else raw.decode("utf-8", errors="replace"))
        out.flush()
        fixed = {name: counts} if counts else {}
    result = CheckResult()
    result.add(loaded, check_loaded(loaded, settings))
    result.fixed = fixed
    _report(result, format, statistics, quiet, unsafe_fixes, show_fixes, lang, report_to, err, output_file)
    return 0 if exit_zero else result.exit_code(strict)


def changed_files(revision: str, paths: list[str]) -> list[str]:
    """Agenda files under ``paths`` changed since ``revision`` (committed or not), or new and untracked.

    The revision is verified first and passed after ``--end-of-options``: a value such as
    ``--output=FILE`` is refused, never read by git as an option."""
    verify_revision(revision, "--changed-since")
    commands = (
        [
            "git",
            "diff",
            "--name-only",
            "--diff-filter=ACMR",
            "--relative",
            "--end-of-options",
            revision,
            "--",
            *paths,
        ],
        ["git", "ls-files", "--others", "--exclude-standard", "--", *paths],
    )
    changed: list[str] = []
    for command in commands:
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            raise UsageError(T("--changed-since needs git: {error}", error=str(error))) from None
        if done.returncode != 0:
            said = done.stderr.strip()  # git's own words
            raise UsageError(
                verbatim(f"--changed-since {revision}: {said}")
                if said
                else T("--changed-since {revision}: git failed", revision=revision)
            )
        changed += [line for line in done.stdout.splitlines() if is_agenda_name(line)]
    return sorted(set(changed))


def _fix_targets(targets: list[str], settings: Settings, changed_only: bool) -> list[Path]:
    from tfagenda.discover import agenda_files

    try:
        files = agenda_files(targets, settings)
    except PathNotFound as missing:
        raise UsageError(not_found(missing)) from None
    if not files and not changed_only:
        raise UsageError(no_agenda_files(targets))
    return files


def diff_paths(
    targets: list[str],
    settings: Settings,
    unsafe: bool = False,
    quiet: bool = False,
    changed_only: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
    lang: str = "en",
) -> int:
    """``check --diff``: write the unified diff of what --fix would change; 1 if there is one, else 0.
    The closing line is in ``lang``."""
    from tfagenda.fix import FixRefused, fix_file

    out = out or sys.stdout
    err = err or sys.stderr
    count, files, failed = 0, 0, 0
    for path in _fix_targets(targets, settings, changed_only):
        try:
            outcome = fix_file(path, settings, unsafe, write=False)
        except FixRefused as refusal:
            err.write(f"tfagenda: {refusal.message.say(lang)}\n")
            failed += 1
            continue
        except Exception as error:  # noqa: BLE001 - a bug on one file must not stop the others
            err.write(
                f"tfagenda: {path}: no diff: internal error ({type(error).__name__}: {error}); please report it\n"
            )
            failed += 1
            continue
        if outcome.changed:
            out.write(outcome.diff(str(path), lang))
            count += sum(outcome.fixed.values())
            files += 1
    if not quiet:
        if count:
            findings = plural(count, T("{n} finding", n=count), T("{n} findings", n=count))
            in_files = plural(files, T("{n} file", n=files), T("{n} files", n=files))
            err.write(
                T("Would fix {findings} in {files}.", findings=findings, files=in_files).say(lang) + "\n"
            )
        else:
            err.write(T("No fixes to apply.").say(lang) + "\n")
    return 1 if count or failed else 0


def write_statistics(result: CheckResult, out: TextIO, quiet: bool = False, lang: str = "en") -> None:
    """``check --statistics``: the number of findings per rule, most first, then the summary."""
    from tfagenda.report.text import summary
    from tfagenda.rules import RULES

    counts = Counter(f.code for f in result.findings)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        out.write(f"{count:>5}  {code}  {RULES[code].name}\n")
    if not quiet:
        out.write(summary(result, lang) + "\n")
