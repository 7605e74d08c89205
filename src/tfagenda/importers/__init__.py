"""Importers: other agenda formats → the same ``Document`` a YAML file parses into.

An importer turns source text into a ``yamldoc.Document`` whose ``data`` has the agenda format's
shape (what a YAML agenda would load as), whose ``nodes`` map document paths to spans *in the
source file*, and whose ``problems`` report what could not be read (E005, with its source
line). An importer may keep an unreadable item in ``data`` (a segment without its times) and add
its path to ``Document.damaged``: the loader then treats it as set aside, as it does an unreadable
YAML value, so it causes no follow-on findings. ``tfagenda check`` then checks an imported file like any agenda, and its findings point at
the source's lines; ``tfagenda import`` writes the data out as YAML (``importers.yamlout``).

Importers never correct: values are kept as the source writes them, so the checks find the
source's mistakes.
"""

from __future__ import annotations

import importlib
import re
from pathlib import PurePath

from tfagenda.yamldoc import Document

# format name → module with ``read(text: str, path: str, format: str) -> Document``
IMPORTERS: dict[str, str] = {
    "ministry": "tfagenda.importers.ministry",
    "frab-json": "tfagenda.importers.frab",
    "frab-xml": "tfagenda.importers.frab",
    "ics": "tfagenda.calendars",
}
FORMATS = ("yaml", *IMPORTERS)


def detect_format(path: str, text: str) -> str:
    """The format of a file, from its suffix, else from its first non-blank characters."""
    suffix = PurePath(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".xml":
        return "frab-xml"
    if suffix == ".json":
        return "frab-json"
    if suffix in (".txt", ".md"):
        return "ministry"
    head = text.lstrip("\ufeff \t\r\n")[:200]
    if suffix in (".ics", ".ical", ".ifb") or head[:15].upper() == "BEGIN:VCALENDAR":
        return "ics"
    # "<?xml", "<schedule": XML; "<붙임> …" (an attachment line) is ministry text.
    if re.match(r"<[?!A-Za-z]", head):
        return "frab-xml"
    if head.startswith("{"):
        return "frab-json"
    if _looks_like_ministry(text):
        return "ministry"
    return "yaml"


# A ministry meeting line: "- (일시) 2026. 2. 26.(목) 16:30~18:00", "○ 일시 : …", "- 일시: …".
_MINISTRY_LINE = re.compile(
    r"^[ \t]*(?:[-○◦•·∙ㅇ*][ \t]*)?(?:[(（][ \t]*일[ \t]*시[ \t]*[)）]|일[ \t]*시[ \t]*[:：])", re.MULTILINE
)


def _looks_like_ministry(text: str) -> bool:
    return bool(_MINISTRY_LINE.search(text)) or text.lstrip("\ufeff \t\r\n").startswith(
        ("<붙임", "[붙임", "붙임")
    )


def import_document(text: str, path: str, format: str, *, places: bool = True) -> Document:
    """``text`` in ``format`` as a Document. ``places=False`` (``tfagenda import``, which writes the
    data out and checks nothing): an importer may leave ``Document.nodes`` empty, which saves
    working out where every value is; its problems keep their places."""
    if format not in IMPORTERS:
        raise ValueError(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    module = importlib.import_module(IMPORTERS[format])
    if not places and module.__name__ == "tfagenda.importers.frab":
        return module.read(text, path, format, places=False)
    return module.read(text, path, format)
