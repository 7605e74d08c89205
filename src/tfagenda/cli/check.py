"""``tfagenda check``: its options; the work is ``tfagenda.commands.check.run_check``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tfagenda.cli._options import LOCALE_DEFAULT, Lang, language, run
from tfagenda.commands import check as checking

app = typer.Typer()


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
    rdjson = "rdjson"


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda check                      # every agenda in agendas/\n\n"
        "  tfagenda check meeting.yaml --strict\n\n"
        "  tfagenda check --format sarif > tfagenda.sarif\n\n"
        "  tfagenda check --changed-since origin/main --format github\n\n"
        "  cat x.yaml | tfagenda check - --stdin-filename agendas/x.yaml\n\n"
        "  tfagenda check --format sarif --output-file tfagenda.sarif"
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
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            metavar="PATH",
            help="With the path -, the name of the agenda read from standard input: used for the config, per-file ignores, reports and format detection. Default: -.",
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="Write the report to this file (replaced atomically) instead of standard output.",
            show_default=False,
        ),
    ] = None,
    calendar: Annotated[
        list[str] | None,
        typer.Option(
            "--calendar",
            metavar="NAME=FILE",
            help="Check NAME's segments against NAME's calendar (an .ics file): a segment at the same time as a busy event is O003. Repeatable.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Messages and summary in Korean (ko) or English (en); codes, names and JSON keys stay the same. "
            + LOCALE_DEFAULT,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check agendas: times, order, slot, parts, owners and dates."""
    said_in = language(lang)
    run(
        lambda: checking.run_check(
            paths,
            format=format.value if format else None,
            strict=strict,
            exit_zero=exit_zero,
            quiet=quiet,
            statistics=statistics,
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            config=config,
            isolated=isolated,
            changed_since=changed_since,
            with_agenda_dir=with_agenda_dir,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            show_fixes=show_fixes,
            lang=said_in,
            stdin_filename=stdin_filename,
            output_file=output_file,
            calendars=calendar,
        ),
        said_in,
    )
