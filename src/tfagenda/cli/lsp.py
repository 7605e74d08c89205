"""``tfagenda lsp``: the language server on standard input and output; the server is ``tfagenda.lsp``."""

from __future__ import annotations

from typing import Annotated

import typer

from tfagenda.cli._options import Lang

app = typer.Typer()

_EPILOG = (
    "Examples:\n\n"
    "  tfagenda lsp\n\n"
    "  tfagenda lsp --lang ko\n\n"
    "An editor starts it and speaks the Language Server Protocol with it over standard input and "
    "output; docs/editors.md shows the set-up for VS Code and Neovim."
)


@app.command("lsp", epilog=_EPILOG)
def serve_lsp(
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Messages in Korean (ko) or English (en) when the editor does not choose "
            "(initializationOptions.lang). Default: the editor's locale, else the environment's "
            "(LC_ALL, LC_MESSAGES or LANG).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run the language server (LSP) for editors: diagnostics as you type, quick fixes, hover, double
    bookings across the workspace's agendas. Standard output carries the protocol only."""
    from tfagenda.lsp import main

    main(lang.value if lang is not None else None)
