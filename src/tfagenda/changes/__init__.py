"""``tfagenda diff``: what changed between two versions of an agenda, for whom.

``compare`` pairs the segments of two resolved versions and lists the changes (the matching rule
is in its docstring and docs/diff.md); ``describe`` says a change in words; ``text``, ``json`` and
``markdown`` are the report formats, each ``render(results, lang) -> str``. The files and git
revisions are read by ``tfagenda.commands.changes``.
"""

from __future__ import annotations

FORMATS: dict[str, str] = {
    "text": "tfagenda.changes.text",
    "json": "tfagenda.changes.json",
    "md": "tfagenda.changes.markdown",
}
