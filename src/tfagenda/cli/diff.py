"""``tfagenda diff``: its options; the work is ``tfagenda.commands.changes.run_diff``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from tfagenda.cli._options import MessagesLang, language, run

app = typer.Typer()


class DiffFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda diff old.yaml new.yaml                    # what moved, grew, shrank, was added or cancelled\n\n"
        "  tfagenda diff --rev main agendas/forum.yaml        # the file at main vs the working tree\n\n"
        "  tfagenda diff --rev origin/main --format md        # every changed agenda, for a PR comment\n\n"
        "  tfagenda diff fosdem-2024.xml fosdem-2025.xml -f json\n\n"
        "Exit codes: 0 no changes, 1 changes, 2 trouble (a usage problem, or a version that is not a readable agenda)."
    )
)
def diff(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="OLD NEW (two agenda files of any format tfagenda reads; - for standard input), or with --rev the files or folders to compare (default: the agenda folder).",
            show_default=False,
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            help="Compare each file as it is at this git revision (a commit, branch or tag) with the working tree.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, json, or md (Markdown, for a PR comment or a notice).",
        ),
    ] = DiffFormat.text,
    lang: MessagesLang = None,
) -> None:
    """Show what changed between two versions of an agenda, per person: segments moved, longer or shorter, in another room, with other owners, renamed, added or cancelled."""
    from tfagenda.commands import UsageError
    from tfagenda.commands.changes import run_diff
    from tfagenda.messages import T

    said_in = language(lang)
    named = files or []

    def call() -> int:
        if rev is None and len(named) != 2:
            raise UsageError(T("name two files to compare (OLD NEW), or --rev REV and the files"))
        if rev is None:
            return run_diff(named[0], named[1], format=format.value, lang=said_in)
        return run_diff(rev=rev, paths=named, format=format.value, lang=said_in)

    run(call, said_in)
