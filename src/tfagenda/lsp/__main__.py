"""``python -m tfagenda.lsp``: the language server as ``tfagenda lsp`` runs it, with the same options:
``--help`` prints its usage and exits 0, an unknown option is a usage error (exit 2, said on standard
error: standard output carries the protocol only)."""

from __future__ import annotations

import os
import sys

PROG = "python -m tfagenda.lsp"


def run(args: list[str] | None = None) -> None:
    """Parse ``args`` (the command line's, by default) as ``tfagenda lsp`` does, then serve; exits
    through ``SystemExit`` as any click program."""
    from typer.main import get_command_from_info

    from tfagenda.cli.lsp import app

    [info] = app.registered_commands
    command = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
    # As under `tfagenda`, whose group sets these for every command.
    command.context_settings = {**command.context_settings, "help_option_names": ["-h", "--help"]}
    try:
        command.main(args=sys.argv[1:] if args is None else args, prog_name=PROG)
    except Exception as error:  # noqa: BLE001 - a bug: one line and exit 2, as `tfagenda lsp` says it
        if os.environ.get("TFAGENDA_DEBUG"):
            raise
        from tfagenda.cli import exit_on_internal_error

        exit_on_internal_error("tfagenda lsp", error)


if __name__ == "__main__":
    run()
