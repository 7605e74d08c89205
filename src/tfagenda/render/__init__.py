"""Rendering agendas for people. Each format is a module with ``render(agendas, color) -> str``.

Formats are imported only when used: rich (for ``table``) costs start-up time that ``check``
should not pay.
"""

from __future__ import annotations

import importlib
from typing import Sequence

from tfagenda.load import Loaded

RENDERERS: dict[str, str] = {
    "table": "tfagenda.render.table",
    "md": "tfagenda.render.markdown",
}


def render_many(loaded: Sequence[Loaded], format: str, color: bool = False) -> str:
    """Render agendas, in date order, one section each. Every item must have an agenda."""
    from tfagenda.linter import check_loaded
    from tfagenda.render.rows import build_rows

    agendas = [build_rows(item, check_loaded(item)) for item in loaded]
    agendas.sort(key=lambda a: (a.first_date is None, a.first_date or 0, a.path))
    module = importlib.import_module(RENDERERS[format])
    return module.render(agendas, color=color)


def render(loaded: Loaded, format: str = "md", color: bool = False) -> str:
    """Render one agenda."""
    return render_many([loaded], format, color)
