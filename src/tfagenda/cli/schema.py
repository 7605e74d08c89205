"""``tfagenda schema``: the JSON Schema of the agenda format (``tfagenda.schema.schema_text``)."""

from __future__ import annotations

import sys

import typer

app = typer.Typer()


@app.command("schema", epilog="Examples:\n\n  tfagenda schema > schema/agenda.schema.json")
def show_schema() -> None:
    """Print the JSON Schema of the agenda format (for editors and check-jsonschema; see docs/schema.md)."""
    from tfagenda.schema import schema_text

    sys.stdout.write(schema_text())
