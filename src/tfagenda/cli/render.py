"""``tfagenda render``: its options; the work is ``tfagenda.commands.render.render_paths``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tfagenda.cli._options import Lang, language, run

app = typer.Typer()


class RenderFormat(str, Enum):
    table = "table"
    md = "md"
    text = "text"
    html = "html"
    ics = "ics"
    json = "json"
    frab_xml = "frab-xml"
    frab_json = "frab-json"


@app.command(
    epilog=(
        "Examples:\n\n"
        "  tfagenda render agendas/meeting.yaml             # a table in the terminal\n\n"
        "  tfagenda render --format md > AGENDAS.md         # every agenda in agendas/, by date\n\n"
        "  cat meeting.yaml | tfagenda render - --format md\n\n"
        "  tfagenda render meeting.yaml -f html -o meeting.html\n\n"
        "  tfagenda render meeting.yaml -f ics --segments -o meeting.ics\n\n"
        "  tfagenda render forum.yaml -f ics --owner kim -o kim.ics   # kim's segments only\n\n"
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
        Lang | None,
        typer.Option(
            "--lang",
            help="Labels in Korean (시간/내용/비고, 분) or English (Time/Item/Owner, min). Default: ko when the agenda's title has Hangul, else en.",
            show_default=False,
        ),
    ] = None,
    segments: Annotated[
        bool, typer.Option("--segments", help="ics: one event per segment, instead of one per meeting day.")
    ] = False,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            metavar="NAME",
            help="ics: only this person's segments (id, name or owner as written), one event each: a personal calendar.",
            show_default=False,
        ),
    ] = None,
    room: Annotated[
        str | None,
        typer.Option(
            "--room",
            metavar="NAME",
            help="ics: only the segments in this room (a track's name; the venue of a meeting without tracks), one event each.",
            show_default=False,
        ),
    ] = None,
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
    from tfagenda.commands.render import render_paths

    said_in = language(lang)
    run(
        lambda: render_paths(
            file,
            format.value,
            lang=lang.value if lang else None,
            messages_lang=said_in,  # the findings listed: as `check --lang`, else the locale's
            segments=segments,
            owner=owner,
            room=room,
            output=output,
        ),
        said_in,
    )
