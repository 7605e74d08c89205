"""The ``tfagenda`` command. Thin: it parses options, calls the library and maps results to exit codes.

Exit codes: 0 no errors (warnings allowed); 1 an error (or a warning with --strict); 2 a usage
problem (unknown option, a path that does not exist, a bad config).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from collections import Counter

    from tfagenda.config import Settings
    from tfagenda.linter import CheckResult

app = typer.Typer(
    name="tfagenda",
    help="Check and render meeting agendas and event schedules kept as YAML.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class CheckFormat(str, Enum):
    full = "full"
    text = "text"
    concise = "concise"
    json = "json"
    json_lines = "json-lines"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"
    junit = "junit"


class RenderFormat(str, Enum):
    table = "table"
    md = "md"
    text = "text"
    html = "html"
    ics = "ics"
    json = "json"
    frab_xml = "frab-xml"
    frab_json = "frab-json"


class RenderLang(str, Enum):
    ko = "ko"
    en = "en"


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"tfagenda: {message}", err=True)
    raise typer.Exit(code)


def _use_color(stream) -> bool:  # type: ignore[no-untyped-def]
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _settings(config: Path | None, isolated: bool) -> Settings:
    from tfagenda.config import ConfigError, load_settings

    try:
        return load_settings(config, isolated)
    except ConfigError as error:
        _fail(f"config: {error}")


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path)


def _default_paths(settings: Settings) -> list[str]:
    folder = settings.agenda_dir
    if not folder.is_dir():
        _fail(f"no agenda folder {_shown(folder)}/ here; name the agenda files or folders to check")
    return [_shown(folder)]


def _changed_since(revision: str, paths: list[str]) -> list[str]:
    """Agenda files under ``paths`` changed since ``revision`` (committed or not), or new and untracked."""
    import subprocess

    commands = (
        ["git", "diff", "--name-only", "--diff-filter=ACMR", "--relative", revision, "--", *paths],
        ["git", "ls-files", "--others", "--exclude-standard", "--", *paths],
    )
    changed: list[str] = []
    for command in commands:
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            _fail(f"--changed-since needs git: {error}")
        if done.returncode != 0:
            _fail(f"--changed-since {revision}: {done.stderr.strip() or 'git failed'}")
        changed += [line for line in done.stdout.splitlines() if line.endswith((".yaml", ".yml"))]
    return sorted(set(changed))


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda check                      # every agenda in agendas/\n\n"
        "  tfagenda check meeting.yaml --strict\n\n"
        "  tfagenda check --format sarif > tfagenda.sarif\n\n"
        "  tfagenda check --changed-since origin/main --format github"
    )
)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Agenda files, or folders searched for *.yaml/*.yml. Default: the agenda folder (agendas/).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: full (github when GITHUB_ACTIONS=true).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are errors.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print the findings only, no summary.")
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option("--statistics", help="Print the number of findings per rule instead of the findings."),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Check only these rules: codes, prefixes (T) or names; replaces the config's select.",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Do not check these rules.", show_default=False)
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option("--extend-select", help="Check these rules as well.", show_default=False),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="Use this config file (pyproject.toml or tfagenda.toml).", show_default=False
        ),
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REV",
            help="Check only agenda files changed since this git revision; the rest are still compared with them for O003.",
            show_default=False,
        ),
    ] = None,
    with_agenda_dir: Annotated[
        bool,
        typer.Option(
            "--with-agenda-dir",
            help="Also compare the named files with the agenda folder for double bookings (O003), as the pre-commit hook does.",
        ),
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes in place, then report what remains.")
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes",
            help="With --fix or --diff, apply the unsafe fixes too; alone, mark them fixable ([*]).",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print a unified diff of what --fix would change, write nothing; exit 1 if there is a diff.",
        ),
    ] = False,
    show_fixes: Annotated[
        bool, typer.Option("--show-fixes", help="With --fix, list what was fixed, per file and rule.")
    ] = False,
    lang: Annotated[
        RenderLang | None,
        typer.Option(
            "--lang",
            help="Messages and summary in Korean (ko) or English (en); codes, names and JSON keys stay the same. Default: ko when the locale (LC_ALL, LC_MESSAGES or LANG) is Korean, else en.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check agendas: times, order, slot, parts, owners and dates."""
    from tfagenda.discover import PathNotFound
    from tfagenda.linter import check_paths
    from tfagenda.messages import language_from_env
    from tfagenda.report import ReportOptions, write_report

    language = lang.value if lang else language_from_env()

    settings = _settings(config, isolated)
    try:
        settings = settings.with_selection(select, ignore, extend_select)
    except ValueError as error:
        _fail(str(error))
    targets = paths or _default_paths(settings)
    compare_with: list[str] = []
    if changed_since is not None:
        compare_with = list(targets)
        targets = _changed_since(changed_since, targets)
    elif with_agenda_dir and settings.agenda_dir.is_dir():
        compare_with = [_shown(settings.agenda_dir)]
    if diff:
        raise typer.Exit(_show_diff(targets, settings, unsafe_fixes, quiet, changed_since is not None))
    fixed, refused = (
        _fix_files(targets, settings, unsafe_fixes, changed_since is not None) if fix else (None, 0)
    )
    try:
        result = check_paths(targets, settings, compare_with, lang=language)
    except PathNotFound as missing:
        _fail(str(missing))
    if not result.files and changed_since is None:
        _fail(f"no agenda files (*.yaml, *.yml) in {' '.join(targets)}")
    result.fixed = fixed
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full")
    if statistics:
        _write_statistics(result, quiet, language)
    else:
        options = ReportOptions(
            color=_use_color(sys.stdout),
            quiet=quiet,
            unsafe_fixes=unsafe_fixes,
            show_fixes=show_fixes,
            lang=language,
        )
        write_report(chosen, result, sys.stdout, options)
    if show_fixes and fixed is not None and (statistics or chosen not in ("full", "text", "concise")):
        from tfagenda.fix import fixes_listing

        sys.stderr.write(fixes_listing(fixed))
    raise typer.Exit(0 if exit_zero else max(result.exit_code(strict), 1 if refused else 0))


def _fix_targets(targets: list[str], settings: Settings, changed_only: bool) -> list[Path]:
    from tfagenda.discover import PathNotFound, agenda_files

    try:
        files = agenda_files(targets, settings)
    except PathNotFound as missing:
        _fail(str(missing))
    if not files and not changed_only:
        _fail(f"no agenda files (*.yaml, *.yml) in {' '.join(targets)}")
    return files


def _fix_files(
    targets: list[str], settings: Settings, unsafe: bool, changed_only: bool
) -> tuple[dict[str, Counter[str]], int]:
    """``check --fix``: fix each file in place. What was fixed per file, and how many files could not be written."""
    from tfagenda.atomic import FileChanged
    from tfagenda.fix import fix_file

    fixed: dict[str, Counter[str]] = {}
    refused = 0
    for path in _fix_targets(targets, settings, changed_only):
        try:
            outcome = fix_file(path, settings, unsafe)
        except FileChanged as changed:
            typer.echo(f"tfagenda: {changed}", err=True)
            refused += 1
            continue
        except OSError as error:
            typer.echo(f"tfagenda: {path}: cannot write the fixes: {error.strerror or error}", err=True)
            refused += 1
            continue
        except Exception as error:  # noqa: BLE001 - a bug on one file must not stop the others
            typer.echo(
                f"tfagenda: {path}: not fixed: internal error ({type(error).__name__}: {error}); please report it",
                err=True,
            )
            refused += 1
            continue
        fixed[str(path)] = outcome.fixed
    return fixed, refused


def _show_diff(targets: list[str], settings: Settings, unsafe: bool, quiet: bool, changed_only: bool) -> int:
    """``check --diff``: the unified diff of what --fix would change; 1 if there is one, else 0."""
    from tfagenda.fix import fix_file

    count, files, failed = 0, 0, 0
    for path in _fix_targets(targets, settings, changed_only):
        try:
            outcome = fix_file(path, settings, unsafe, write=False)
        except Exception as error:  # noqa: BLE001 - a bug on one file must not stop the others
            typer.echo(
                f"tfagenda: {path}: no diff: internal error ({type(error).__name__}: {error}); please report it",
                err=True,
            )
            failed += 1
            continue
        if outcome.changed:
            sys.stdout.write(outcome.diff(str(path)))
            count += sum(outcome.fixed.values())
            files += 1
    if not quiet:
        if count:
            noun = "finding" if count == 1 else "findings"
            typer.echo(f"Would fix {count} {noun} in {files} file{'s' if files != 1 else ''}.", err=True)
        else:
            typer.echo("No fixes to apply.", err=True)
    return 1 if count or failed else 0


def _write_statistics(result: CheckResult, quiet: bool, lang: str = "en") -> None:
    from collections import Counter

    from tfagenda.report.text import summary
    from tfagenda.rules import RULES

    counts = Counter(f.code for f in result.findings)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        typer.echo(f"{count:>5}  {code}  {RULES[code].name}")
    if not quiet:
        typer.echo(summary(result, lang))


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda render agendas/meeting.yaml             # a table in the terminal\n\n"
        "  tfagenda render --format md > AGENDAS.md         # every agenda in agendas/, by date\n\n"
        "  cat meeting.yaml | tfagenda render - --format md\n\n"
        "  tfagenda render meeting.yaml -f html -o meeting.html\n\n"
        "  tfagenda render meeting.yaml -f ics --segments -o meeting.ics\n\n"
        "  tfagenda render forum.yaml -f frab-xml --lang en -o schedule.xml"
    )
)
def render(
    file: Annotated[
        str | None,
        typer.Argument(
            help="An agenda file, or - for standard input. Default: every agenda in the agenda folder.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        RenderFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: table (terminal), md, text (ministry style), html (standalone page), ics (iCalendar), json (resolved times), frab-xml, frab-json (c3voc schedule).",
        ),
    ] = RenderFormat.table,
    lang: Annotated[
        RenderLang | None,
        typer.Option(
            "--lang",
            help="Labels in Korean (시간/내용/비고, 분) or English (Time/Item/Owner, min). Default: ko when the agenda's title has Hangul, else en.",
            show_default=False,
        ),
    ] = None,
    segments: Annotated[
        bool, typer.Option("--segments", help="ics: one event per segment, instead of one per meeting day.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (replaced atomically: never half-written) instead of standard output; - is standard output.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render agendas for people and programs: a terminal table, Markdown, ministry-style text, an HTML page, a calendar (.ics), JSON, or a frab schedule."""
    from tfagenda.discover import PathNotFound, agenda_files
    from tfagenda.load import load_bytes, load_file
    from tfagenda.render import RenderError, render_many

    if segments and format is not RenderFormat.ics:
        _fail("--segments is for --format ics (one calendar event per segment)")
    to_stdout = output is None or str(output) == "-"

    settings = _settings(None, False)
    if file == "-":
        loaded = [load_bytes(_read_limited(sys.stdin.buffer), "<stdin>")]
    else:
        try:
            files = agenda_files([file] if file else _default_paths(settings), settings)
        except PathNotFound as missing:
            _fail(str(missing))
        loaded = [load_file(path) for path in files]
    if not loaded:
        _fail(f"no agenda files in {file or _shown(settings.agenda_dir)}")
    from tfagenda.messages import language_from_env

    findings_lang = lang.value if lang else language_from_env()  # the findings listed: as `check --lang`
    unreadable = [item for item in loaded if item.agenda is None]
    if unreadable:
        from tfagenda.linter import CheckResult, check_loaded
        from tfagenda.report import ReportOptions, write_report

        result = CheckResult()
        for item in unreadable:
            result.add(item, check_loaded(item, settings, findings_lang))
        typer.echo("tfagenda: cannot render; these files are not readable agendas:\n", err=True)
        write_report(
            "full", result, sys.stderr, ReportOptions(color=_use_color(sys.stderr), lang=findings_lang)
        )
        raise typer.Exit(1)
    color = to_stdout and format is RenderFormat.table and _use_color(sys.stdout)
    try:
        text = render_many(
            loaded,
            format.value,
            color=color,
            settings=settings,
            messages_lang=findings_lang,
            lang=lang.value if lang else None,
            segments=segments,
        )
    except RenderError as error:
        _fail(str(error))
    if not to_stdout:
        from tfagenda.atomic import write_atomic

        try:
            write_atomic(output, text.encode("utf-8"))  # type: ignore[arg-type]
        except OSError as error:
            _fail(f"cannot write {output}: {error.strerror or error}")
    elif format is RenderFormat.ics:
        # RFC 5545 wants CRLF line ends: write the bytes as rendered, with no newline translation.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity, whether it can fix what it finds."""
    from tfagenda.rules import ALL_RULES
    from tfagenda.textwidth import pad

    typer.echo(f"{pad('code', 6)}{pad('name', 22)}{pad('severity', 10)}{pad('fix', 10)}summary")
    for rule in ALL_RULES:
        typer.echo(
            f"{pad(rule.code, 6)}{pad(rule.name, 22)}{pad(str(rule.severity), 10)}{pad(rule.fixable, 10)}{rule.summary}"
        )


@app.command("rule", epilog="Examples:\n\n  tfagenda rule T001\n\n  tfagenda rule end-before-start")
def show_rule(
    code: Annotated[str, typer.Argument(help="A rule code (T001) or name (end-before-start).")],
) -> None:
    """Explain one rule, with an example and its fix."""
    from tfagenda.rules import find_rule

    found = find_rule(code)
    if found is None:
        _fail(f"no rule {code!r}; `tfagenda rules` lists them")
    typer.echo(f"# {found.code} {found.name} ({found.severity}, fix: {found.fixable})\n\n{found.doc}")


@app.command("schema", epilog="Examples:\n\n  tfagenda schema > schema/agenda.schema.json")
def show_schema() -> None:
    """Print the JSON Schema of the agenda format (for editors and check-jsonschema; see docs/schema.md)."""
    from tfagenda.schema import schema_text

    typer.echo(schema_text(), nl=False)


def _interactive() -> bool:
    """Whether to ask before writing: only when a person can answer (standard input is a terminal)."""
    return sys.stdin.isatty()


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda retime meeting.yaml --from 3 --shift +10m\n\n"
        "  tfagenda retime meeting.yaml --from Lunch --shift -5m\n\n"
        "  tfagenda retime meeting.yaml --pack --gap 5m --yes\n\n"
        "  tfagenda retime meeting.yaml --fit"
    )
)
def retime(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="The agenda file to retime.", show_default=False)
    ],
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="SEGMENT",
            help="The first segment to move: its number (1-based, top-level segments in file order) or its title. Default: the first of each track.",
            show_default=False,
        ),
    ] = None,
    shift: Annotated[
        str | None,
        typer.Option(
            "--shift",
            metavar="MINUTES",
            help="Move the segment and all after it (in its track) by this much: +10m, -5m, +1h.",
            show_default=False,
        ),
    ] = None,
    pack: Annotated[
        bool,
        typer.Option(
            "--pack",
            help="Lay the segments one after another from the slot's start (or after the segment before --from), keeping their durations.",
        ),
    ] = False,
    gap: Annotated[
        str | None,
        typer.Option(
            "--gap",
            metavar="MINUTES",
            help="With --pack: this much time between segments (5m).",
            show_default=False,
        ),
    ] = None,
    fit: Annotated[
        bool,
        typer.Option(
            "--fit",
            help="Report how the segments fit the slot: the overrun or the spare minutes. Alone: exit 1 on an overrun.",
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking.")] = False,
) -> None:
    """Rewrite an agenda's times: shift segments, pack them, or see how they fit the slot.

    The new table and the diff are shown first. The file is written with --yes, or when you
    answer yes to the question, which is only asked on a terminal: without --yes and without a
    terminal, nothing is written and the exit code is 1 if there was something to change.
    """
    from tfagenda.atomic import FileChanged, write_atomic
    from tfagenda.fix import Source, unified_diff
    from tfagenda.load import load_text
    from tfagenda.retime import RetimeError, fits, parse_gap, parse_shift, retime_text

    if not (shift or pack or fit):
        _fail("say what to do: --shift MINUTES, --pack or --fit")
    if shift and pack:
        _fail("--shift and --pack do not go together; run one, then the other")
    if gap is not None and not pack:
        _fail("--gap goes with --pack")
    try:
        minutes = parse_shift(shift) if shift else None
        spacing = parse_gap(gap) if gap is not None else 0
    except ValueError as error:
        _fail(str(error))
    try:
        source = Source.read(file)
    except FileNotFoundError:
        _fail(f"{file}: no such file")
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"{file}: cannot read it: {getattr(error, 'strerror', None) or error}", 1)
    try:
        text = (
            retime_text(source.text, file, shift=minutes, pack=pack, gap=spacing, start_from=from_)
            if (shift or pack)
            else source.text
        )
        after = load_text(text, file)
        fitted = fits(after) if fit else []
    except RetimeError as error:
        _fail(str(error), 1)
    if not (shift or pack):
        for item in fitted:
            typer.echo(item.sentence())
        raise typer.Exit(1 if any(item.overrun for item in fitted) else 0)
    from tfagenda.render import render_many

    sys.stdout.write(render_many([after], "table", color=_use_color(sys.stdout)))
    for item in fitted:
        typer.echo(item.sentence())
    patch = unified_diff(source.text, text, file)
    if not patch:
        typer.echo("Nothing to change: the times are already so.")
        raise typer.Exit(0)
    typer.echo("")
    sys.stdout.write(patch)
    if not yes:
        if not _interactive():
            typer.echo(
                f"tfagenda: {file} not written (standard input is not a terminal); run with --yes to write it",
                err=True,
            )
            raise typer.Exit(1)
        if not typer.confirm(f"Write these changes to {file}?", default=False):
            typer.echo(f"{file} not written.")
            raise typer.Exit(1)
    try:
        write_atomic(file, source.encode(text), expected=source.raw)
    except FileChanged as changed:
        _fail(str(changed), 1)
    except OSError as error:
        _fail(f"{file}: cannot write it: {error.strerror or error}", 1)
    typer.echo(f"Wrote {file}.")


def _import_formats() -> list[str]:
    from tfagenda.importers import FORMATS

    return [name for name in FORMATS if name != "yaml"]


# The formats `tfagenda import --from` takes: every importer's (FORMATS without yaml).
ImportFormat = Enum("ImportFormat", [(name.replace("-", "_"), name) for name in _import_formats()], type=str)  # type: ignore[misc]


@app.command(
    "import",
    epilog=(
        "Examples:\n\n"
        "  tfagenda import press-release.txt -o agendas/2026-02-26-tf-4.yaml\n\n"
        "  tfagenda import schedule.json --from frab-json > event.yaml\n\n"
        "  pbpaste | tfagenda import - --from ministry\n\n"
        "Values are written as the source has them (a wrong end stays wrong): run tfagenda check on the "
        "result, or on the source itself, to find its mistakes. Rows that cannot be read are reported "
        "at their lines and the command exits 1 without writing anything (--partial writes the rest)."
    ),
)
def import_agenda(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="The file to import (a ministry agenda .txt/.md, a frab/pretalx schedule .json/.xml), or - for standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT.yaml",
            help="Write the YAML to this file (atomically) instead of standard output.",
            show_default=False,
        ),
    ] = None,
    source_format: Annotated[
        ImportFormat | None,
        typer.Option(
            "--from",
            help="The source's format. Default: detected from the file name and its first characters.",
            show_default=False,
        ),
    ] = None,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="Write what could be read even when some rows could not (the exit code is still 1).",
        ),
    ] = False,
) -> None:
    """Convert an agenda in another format to tfagenda YAML."""
    from tfagenda.importers import detect_format, import_document
    from tfagenda.importers.yamlout import to_yaml
    from tfagenda.yamldoc import decode

    if file == "-":
        raw, name = _read_limited(sys.stdin.buffer, MAX_IMPORT_BYTES), "<stdin>"
    else:
        source = Path(file)
        if source.is_dir():
            _fail(f"{file} is a folder; name one file to import")
        if not source.exists():
            _fail(f"{file}: no such file")
        try:
            with source.open("rb") as stream:
                raw = _read_limited(stream, MAX_IMPORT_BYTES)
        except OSError as error:
            _fail(f"{file}: cannot read it: {error.strerror or error}", 1)
        name = file
    if len(raw) > MAX_IMPORT_BYTES:
        _fail(
            f"{name}: larger than {MAX_IMPORT_BYTES // 2**20} MiB, the most tfagenda imports; not imported", 1
        )
    if output not in (None, "-"):
        folder = Path(output).parent
        if not folder.is_dir():
            _fail(f"-o {output}: there is no folder {folder}")
        if Path(output).is_dir():
            _fail(f"-o {output} is a folder; name the YAML file to write")
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        _fail(
            f"{name}: not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8",
            1,
        )
    chosen = source_format.value if source_format is not None else detect_format(name, text)
    if chosen == "yaml":
        _fail(
            f"{name} looks like a YAML agenda, which needs no import (tfagenda check reads it); "
            f"if it is not, name its format with --from ({', '.join(_import_formats())})"
        )
    from tfagenda.atomic import write_atomic

    document = import_document(text, name, chosen)
    if document.problems:
        from tfagenda.linter import CheckResult, to_finding
        from tfagenda.load import Loaded
        from tfagenda.report import ReportOptions, write_report
        from tfagenda.rules import RULES

        loaded = Loaded(document, None, list(document.problems))
        result = CheckResult()
        result.add(
            loaded,
            sorted(
                (to_finding(loaded, RULES[p.code], p) for p in document.problems), key=lambda f: f.sort_key
            ),
        )
        write_report("full", result, sys.stderr, ReportOptions(color=_use_color(sys.stderr)))
        if document.data is None or not partial:
            typer.echo(
                f"tfagenda: {name} not imported: some of it cannot be read (see above); --partial writes the rest",
                err=True,
            )
            raise typer.Exit(1)
    header = [
        f"Imported from {name} ({chosen}) by `tfagenda import`.",
        "Values are as the source has them; `tfagenda check` this file to find the source's mistakes.",
    ]
    from tfagenda.messages import said  # compat: the lead converts this when cli/ is split

    for problem in document.problems:
        line = problem.span.line if problem.span else "?"
        header.append(
            f"UNREADABLE, line {line} of the source: {said(problem.message, 'en')}"
        )  # compat (messages)
    yaml_text = to_yaml(document.data, "\n".join(header))
    if output in (None, "-"):
        sys.stdout.write(yaml_text)
    else:
        try:
            write_atomic(Path(output), yaml_text.encode("utf-8"))
        except OSError as error:
            _fail(f"{output}: cannot write it: {error.strerror or error}", 1)
        typer.echo(f"Wrote {output}.", err=True)
    raise typer.Exit(1 if document.problems else 0)


# `import` reads larger sources than `check` (a 20,000-event schedule.xml is 12 MB); its readers stop
# at 500,000 values. A source larger than this is refused (and /dev/zero is not read forever).
MAX_IMPORT_BYTES = 64 * 2**20


def _read_limited(stream, limit: int = 0) -> bytes:  # type: ignore[no-untyped-def]
    """At most one byte more than ``limit`` (default: what ``check`` reads, ``load.MAX_FILE_BYTES``)."""
    from tfagenda.load import MAX_FILE_BYTES

    return stream.read((limit or MAX_FILE_BYTES) + 1)  # type: ignore[no-any-return]


def main() -> None:
    try:
        app()
    except Exception as error:  # noqa: BLE001 - a bug: one line and exit 2, not a traceback (TFAGENDA_DEBUG=1 shows it)
        if os.environ.get("TFAGENDA_DEBUG"):
            raise
        sys.stderr.write(
            f"tfagenda: internal error ({type(error).__name__}: {error}); this is a bug: please report it "
            "(TFAGENDA_DEBUG=1 shows the traceback)\n"
        )
        sys.exit(2)


if __name__ == "__main__":
    main()
