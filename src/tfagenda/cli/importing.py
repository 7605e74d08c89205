"""``tfagenda import``: its options; the work is ``tfagenda.commands.importing.import_file``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from tfagenda.cli._options import MessagesLang, language, run
from tfagenda.commands.importing import import_formats

app = typer.Typer()

# The formats `tfagenda import --from` takes: every importer's (FORMATS without yaml).
ImportFormat = Enum("ImportFormat", [(name.replace("-", "_"), name) for name in import_formats()], type=str)  # type: ignore[misc]


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
            help="The file to import (a ministry agenda .txt/.md, a frab/pretalx schedule .json/.xml, a calendar .ics), or - for standard input.",
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
    lang: MessagesLang = None,
) -> None:
    """Convert an agenda in another format to tfagenda YAML."""
    from tfagenda.commands.importing import import_file

    said_in = language(lang)
    run(
        lambda: import_file(
            file,
            output,
            source_format=source_format.value if source_format is not None else None,
            partial=partial,
            lang=said_in,
        ),
        said_in,
    )
