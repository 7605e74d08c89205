"""tfagenda's language server (``tfagenda lsp``, ``python -m tfagenda.lsp``): diagnostics, quick
fixes and hover in any editor with an LSP client, over standard input and output.

docs/editors.md shows the set-up for VS Code and Neovim.
"""

from __future__ import annotations


def main(lang: str | None = None) -> None:
    """Serve the Language Server Protocol on standard input and output until the client exits;
    ``lang`` ("en" or "ko"): the messages' language when the client does not set one."""
    import logging
    import sys

    # Standard output carries the protocol: logging goes to standard error (the client's log).
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="tfagenda lsp: %(message)s")
    from tfagenda.lsp.server import serve

    serve(lang)


__all__ = ["main"]
