"""Rendering agendas for people. Each format is a module with ``render(agendas, color=False, **options) -> str``.

Options every renderer receives: ``lang`` (``"ko"``/``"en"``; None follows each agenda's text, and
``render_many`` has already set ``AgendaRows.lang`` from it), ``segments`` (ics: one event per
segment) and ``format`` (the name asked for: one module serves frab-xml and frab-json); ics also
takes ``dtstamp`` (a datetime), and table ``width`` (columns; None: ``COLUMNS``, the terminal, or 100). A renderer ignores options it has no use for. A format that cannot express an agenda
(an .ics without dates) raises ``RenderError``; the CLI makes that a usage error (exit 2).

How a format writes what it shows (times, durations, owners, finding lines, table columns and
every label) is decided once, in ``render/view.py``.

Formats are imported only when used: rich (for ``table``) costs start-up time that ``check``
should not pay.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tfagenda.load import Loaded
from tfagenda.render.rows import RenderError as RenderError  # raised by every renderer

if TYPE_CHECKING:
    from tfagenda.config import Settings

RENDERERS: dict[str, str] = {
    "table": "tfagenda.render.table",
    "md": "tfagenda.render.markdown",
    "html": "tfagenda.render.html",
    "ics": "tfagenda.render.ics",
    "json": "tfagenda.render.json",
    "frab-xml": "tfagenda.render.frab",
    "frab-json": "tfagenda.render.frab",
    "text": "tfagenda.render.ministry",
}


def render_many(
    loaded: Sequence[Loaded],
    format: str,
    color: bool = False,
    settings: Settings | None = None,
    messages_lang: str | None = None,
    **options: Any,
) -> str:
    """Render agendas, in date order, one section each. Every item must have an agenda.

    The findings listed are in ``options["lang"]`` when it is given (``render --lang ko``), else in
    ``messages_lang`` (the CLI passes the locale's language, as for ``check``), else in English.
    """
    from tfagenda.linter import check_loaded
    from tfagenda.render.rows import build_rows

    findings_lang = options.get("lang") or messages_lang or "en"
    agendas = [build_rows(item, check_loaded(item, settings)) for item in loaded]
    agendas.sort(key=lambda a: (a.first_date is None, a.first_date or 0, a.path))
    for agenda in agendas:
        agenda.messages_lang = findings_lang
    options.setdefault("lang", None)
    if options["lang"] is not None:
        for agenda in agendas:
            agenda.lang = options["lang"]
    module = importlib.import_module(RENDERERS[format])
    return module.render(agendas, color=color, format=format, **options)


def render(loaded: Loaded, format: str = "md", color: bool = False, **options: Any) -> str:
    """Render one agenda."""
    return render_many([loaded], format, color, **options)
