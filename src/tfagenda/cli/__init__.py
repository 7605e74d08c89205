"""The ``tfagenda`` command line: one module per command, each parsing its options and calling one
function of ``tfagenda.commands``. Only the command being run is imported and built.

Exit codes: 0 no errors (warnings allowed); 1 an error (or a warning with --strict); 2 a usage
problem (unknown option, a path that does not exist, a bad config).
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterator, Mapping
from typing import Annotated, NoReturn

import typer
from typer.core import TyperGroup

# Command name → the module under tfagenda.cli that defines it, in the order `tfagenda --help` lists them.
COMMANDS = {
    "check": "check",
    "render": "render",
    "rules": "rules",
    "rule": "rules",
    "schema": "schema",
    "retime": "retime",
    "import": "importing",
    "diff": "diff",
    "lsp": "lsp",
}


class _LazyCommands(Mapping[str, "typer.core.TyperCommand"]):
    """The commands by name, each imported and built the first time it is looked up: running
    ``tfagenda check`` never imports what ``render`` or ``import`` need."""

    # Built once per process: tests invoke the app many times.
    _built: dict[str, typer.core.TyperCommand] = {}

    def __getitem__(self, name: str) -> typer.core.TyperCommand:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            from typer.main import get_command_from_info, get_command_name

            module = importlib.import_module(f"tfagenda.cli.{COMMANDS[name]}")
            [info] = [
                info
                for info in module.app.registered_commands
                if (info.name or get_command_name(info.callback.__name__)) == name
            ]
            command = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
            self._built[name] = command  # type: ignore[assignment]
            if _startup_paused and name == "check":  # console(): the process ends with the check
                from tfagenda.yamldoc.values import pause_collector_until_exit

                pause_collector_until_exit()
            _started()
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _LazyGroup(TyperGroup):
    def __init__(self, **attrs: object) -> None:
        super().__init__(**attrs)  # type: ignore[arg-type]
        self.commands = _LazyCommands()  # type: ignore[assignment]

    def list_commands(self, ctx: object) -> list[str]:
        return list(COMMANDS)


app = typer.Typer(
    name="tfagenda",
    cls=_LazyGroup,
    help="Check and render meeting agendas and event schedules kept as YAML.",
    epilog=(
        "Examples:\n\n"
        "  tfagenda check                      # every agenda in agendas/\n\n"
        "  tfagenda check --fix meeting.yaml\n\n"
        "  tfagenda render meeting.yaml --format html -o meeting.html\n\n"
        "  tfagenda rule T001\n\n"
        "Run tfagenda COMMAND --help for a command's options."
    ),
    no_args_is_help=True,
    # typer's --install-completion/--show-completion; its completion code is imported only when
    # one of them is used or the shell asks for completions (start-up of a check is unchanged).
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("tfagenda")
        except PackageNotFoundError:  # run from a source tree that is not installed
            number = "unknown"
        sys.stdout.write(f"tfagenda {number}\n")
        raise typer.Exit()


@app.callback()
def _group(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    # The commands are found by _LazyGroup; a callback makes typer build a group with no command registered.
    pass


def main() -> None:
    """Run the command line (exits through SystemExit, as any click program)."""
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # here, so that a full disk is reported, not lost at exit
    except Exception as error:  # noqa: BLE001 - a bug: one line and exit 2, not a traceback (TFAGENDA_DEBUG=1 shows it)
        # Imported only here: tfagenda.atomic brings ctypes and tempfile, which a check never needs.
        from tfagenda.atomic import output_error, silence_stdout

        if isinstance(error, OSError) and (message := output_error(error)):
            silence_stdout()
            sys.stderr.write(f"tfagenda: {message}\n")
            sys.exit(2)
        if os.environ.get("TFAGENDA_DEBUG"):
            raise
        exit_on_internal_error("tfagenda", error)


def exit_on_internal_error(prog: str, error: Exception) -> NoReturn:
    """A bug: said in one line, exit 2 (``TFAGENDA_DEBUG=1`` lets the traceback through instead)."""
    sys.stderr.write(
        f"{prog}: internal error ({type(error).__name__}: {error}); this is a bug: please report it "
        "(TFAGENDA_DEBUG=1 shows the traceback)\n"
    )
    sys.exit(2)


# Start-up (bench/README.md): the console script pauses the garbage collector while the command's
# modules are imported (they live until the end, so collecting them is wasted work) ...
_startup_paused = False


def _started() -> None:
    """The command is imported and built: from here the collector runs as usual, skipping what start-up made."""
    global _startup_paused
    if _startup_paused:
        _startup_paused = False
        gc.freeze()
        gc.enable()


def console() -> None:
    """The ``tfagenda`` console script and ``python -m tfagenda``: ``main()``, then exit at once.

    ... and, once the output is flushed, ends the process without the interpreter's teardown (freeing
    every module and object one by one), which the operating system does faster. Only here: ``main()``
    is what tests and other Python code call, and it never ends the process this way."""
    global _startup_paused
    if gc.isenabled():
        gc.disable()
        _startup_paused = True
    code: int = 0
    try:
        main()
    except SystemExit as exit:
        if exit.code is None:
            code = 0
        elif isinstance(exit.code, int):
            code = exit.code
        else:
            sys.stderr.write(f"{exit.code}\n")
            code = 1
    try:
        sys.stdout.flush()
    except OSError:  # a closed pipe (`tfagenda check | head`): what Python itself would exit with
        code = code or 120
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)
