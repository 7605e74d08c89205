"""``tfagenda schema``: the JSON Schema of the agenda format (``tfagenda.schema.schema_text``), or
with ``--config`` of the configuration (``tfagenda.config.config_schema_text``)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

app = typer.Typer()


@app.command(
    "schema",
    epilog=(
        "Examples:\n\n"
        "  tfagenda schema > schema/agenda.schema.json\n\n"
        "  tfagenda schema --config > schema/config.schema.json"
    ),
)
def show_schema(
    config: Annotated[
        bool,
        typer.Option(
            "--config",
            help="The schema of the configuration (tfagenda.toml, [tool.tfagenda]) instead of the agenda's.",
        ),
    ] = False,
) -> None:
    """Print the JSON Schema of the agenda format (for editors and check-jsonschema; see docs/schema.md)."""
    if config:
        from tfagenda.config import config_schema_text

        sys.stdout.write(config_schema_text())
        return
    from tfagenda.schema import schema_text

    sys.stdout.write(schema_text())
