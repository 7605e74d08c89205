"""Rewriting a located text in its XML part: the byte-level half of a later ``check --fix`` for .hwpx/.docx.

``part_edits(location, new_value)`` turns "replace the characters ``location.start`` to
``location.end`` of this cell (or paragraph) with ``new_value``" into byte edits of the XML
parts that hold them, and ``apply(data, edits)`` splices them in. Only those bytes change:

- the new text, escaped for XML, takes the place of the old characters' bytes in the first text
  element that holds them; the old characters in later elements are removed (a time split over
  two runs, ``14:3`` + ``0``, becomes ``14:35`` + ````), so each run keeps its formatting;
- for .hwpx, each changed paragraph's cached line layout (``<hp:linesegarray>``) is removed, so
  that Hancom lays the paragraph out again rather than trusting positions of the old text.

Characters without source bytes (the line break between a cell's paragraphs, a tab element)
cannot be rewritten: ``part_edits`` returns None, and the fix is then advice only. Writing the
edited part back into the ZIP, every other member byte-identical, is the wiring's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from tfagenda.documents.model import Paragraph
from tfagenda.documents.to_text import Location


@dataclass(frozen=True, order=True)
class ByteEdit:
    """Replace bytes ``start`` to ``end`` of a part with ``data``."""

    start: int
    end: int
    data: bytes


def part_edits(location: Location, new_value: str) -> dict[str, list[ByteEdit]] | None:
    """The byte edits, per ZIP member, that set ``location.value`` to ``new_value``; None when impossible."""
    text_map = location.source_map()
    if (
        text_map is None
        or location.start == location.end
        or not text_map.covers(location.start, location.end)
    ):
        return None
    ranges = text_map.ranges(location.start, location.end)
    edits: dict[str, list[ByteEdit]] = {}
    for index, source in enumerate(ranges):
        data = escape(new_value).encode("utf-8") if index == 0 else b""
        edits.setdefault(source.part, []).append(ByteEdit(source.start, source.end, data))
    for paragraph in _paragraphs(location):
        if paragraph.layout is not None and paragraph.part is not None:
            edits.setdefault(paragraph.part, []).append(ByteEdit(*paragraph.layout, b""))
    return edits


def _paragraphs(location: Location) -> list[Paragraph]:
    """The paragraphs whose text the location's characters are in."""
    if location.cell is None:
        return [location.body_paragraph] if location.body_paragraph is not None else []
    found: list[Paragraph] = []
    offset = 0
    for paragraph in location.cell.paragraphs:
        end = offset + len(paragraph.text)
        if offset <= location.start <= end or offset < location.end <= end:
            found.append(paragraph)
        offset = end + 1
    return found


def apply(data: bytes, edits: list[ByteEdit]) -> bytes:
    """``data`` with the edits spliced in (they must not overlap)."""
    out = []
    at = 0
    for edit in sorted(edits):
        if edit.start < at:
            raise ValueError(f"overlapping edits at byte {edit.start}")
        out.append(data[at : edit.start])
        out.append(edit.data)
        at = edit.end
    out.append(data[at:])
    return b"".join(out)
