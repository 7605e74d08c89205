"""``tfagenda retime``: its options; the work is ``tfagenda.commands.retime.retime_file``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tfagenda.cli._options import MessagesLang, language, run

app = typer.Typer()


def _interactive() -> bool:
    """Whether to ask before writing: only when a person can answer (standard input is a terminal)."""
    return sys.stdin.isatty()


def _ask(question: str) -> bool:
    return typer.confirm(question, default=False)


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
            help="With --pack: this much time between segments (5m); refused if the segments would then run past the slot (add --fit to shrink the gaps).",
            show_default=False,
        ),
    ] = None,
    fit: Annotated[
        bool,
        typer.Option(
            "--fit",
            help="Report how the segments fit the slot: the overrun or the spare minutes. Alone: exit 1 on an overrun. With --pack --gap: shrink the gaps so that the segments end in the slot.",
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking.")] = False,
    lang: MessagesLang = None,
) -> None:
    """Rewrite an agenda's times: shift segments, pack them, or see how they fit the slot.

    The new table and the diff are shown first. The file is written with --yes, or when you
    answer yes to the question, which is only asked on a terminal: without --yes and without a
    terminal, nothing is written and the exit code is 1 if there was something to change.
    The exit code is also 1 when the result has errors (tfagenda check lists them).
    """
    from tfagenda.commands.retime import retime_file

    said_in = language(lang)
    run(
        lambda: retime_file(
            file,
            start_from=from_,
            shift=shift,
            pack=pack,
            gap=gap,
            fit=fit,
            yes=yes,
            confirm=_ask if _interactive() else None,
            lang=said_in,
        ),
        said_in,
    )
