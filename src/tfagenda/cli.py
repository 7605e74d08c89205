"""The ``tfagenda`` command. Thin: it parses options, calls the library and maps results to exit codes.

Exit codes: 0 no errors (warnings allowed); 1 an error (or a warning with --strict); 2 a usage
problem (unknown option, a path that does not exist, an agenda that cannot be rendered).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from tfagenda.discover import DEFAULT_AGENDA_DIR

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
    text = "text"
    json = "json"


class RenderFormat(str, Enum):
    table = "table"
    md = "md"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"tfagenda: {message}", err=True)
    raise typer.Exit(code)


def _use_color(stream) -> bool:  # type: ignore[no-untyped-def]
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _default_paths() -> list[str]:
    if not Path(DEFAULT_AGENDA_DIR).is_dir():
        _fail(f"no {DEFAULT_AGENDA_DIR}/ folder here; name the agenda files or folders to check")
    return [DEFAULT_AGENDA_DIR]


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda check                      # every agenda in agendas/\n\n"
        "  tfagenda check meeting.yaml --strict\n\n"
        "  tfagenda check agendas/ --format json > findings.json"
    )
)
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Agenda files, or folders searched for *.yaml/*.yml. Default: agendas/.")] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
) -> None:
    """Check agendas: times, order, slot, parts, owners and dates."""
    from tfagenda.discover import PathNotFound
    from tfagenda.linter import check_paths
    from tfagenda.report import ReportOptions, write_report

    try:
        result = check_paths(paths or _default_paths())
    except PathNotFound as missing:
        _fail(str(missing))
    if not result.files:
        _fail(f"no agenda files (*.yaml, *.yml) in {' '.join(paths or [DEFAULT_AGENDA_DIR])}")
    write_report(format.value, result, sys.stdout, ReportOptions(color=_use_color(sys.stdout)))
    raise typer.Exit(result.exit_code(strict))


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda render agendas/meeting.yaml             # a table in the terminal\n\n"
        "  tfagenda render --format md > AGENDAS.md         # every agenda in agendas/, by date\n\n"
        "  cat meeting.yaml | tfagenda render - --format md"
    )
)
def render(
    file: Annotated[Optional[str], typer.Argument(help="An agenda file, or - for standard input. Default: every agenda in agendas/.")] = None,
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")] = RenderFormat.table,
) -> None:
    """Render agendas for people: a table in the terminal, or Markdown."""
    from tfagenda.discover import PathNotFound, agenda_files
    from tfagenda.load import load_bytes, load_file
    from tfagenda.render import render_many

    if file == "-":
        loaded = [load_bytes(sys.stdin.buffer.read(), "<stdin>")]
    else:
        try:
            files = agenda_files([file] if file else _default_paths())
        except PathNotFound as missing:
            _fail(str(missing))
        loaded = [load_file(path) for path in files]
    if not loaded:
        _fail(f"no agenda files in {file or DEFAULT_AGENDA_DIR}")
    unreadable = [item for item in loaded if item.agenda is None]
    if unreadable:
        from tfagenda.linter import CheckResult, check_loaded
        from tfagenda.report import ReportOptions, write_report

        result = CheckResult()
        for item in unreadable:
            result.add(item, check_loaded(item))
        typer.echo("tfagenda: cannot render; these files are not readable agendas:\n", err=True)
        write_report("text", result, sys.stderr, ReportOptions(color=_use_color(sys.stderr)))
        raise typer.Exit(1)
    sys.stdout.write(render_many(loaded, format.value, color=_use_color(sys.stdout)))


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity, whether it can fix what it finds."""
    from tfagenda.rules import ALL_RULES
    from tfagenda.textwidth import pad

    typer.echo(f"{pad('code', 6)}{pad('name', 22)}{pad('severity', 10)}{pad('fix', 10)}summary")
    for rule in ALL_RULES:
        typer.echo(f"{pad(rule.code, 6)}{pad(rule.name, 22)}{pad(str(rule.severity), 10)}{pad(rule.fixable, 10)}{rule.summary}")


@app.command("rule", epilog="Example:\n\n  tfagenda rule T001\n\n  tfagenda rule end-before-start")
def show_rule(code: Annotated[str, typer.Argument(help="A rule code (T001) or name (end-before-start).")]) -> None:
    """Explain one rule, with an example and its fix."""
    from tfagenda.rules import find_rule

    found = find_rule(code)
    if found is None:
        _fail(f"no rule {code!r}; `tfagenda rules` lists them")
    typer.echo(f"# {found.code} {found.name} ({found.severity}, fix: {found.fixable})\n\n{found.doc}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
