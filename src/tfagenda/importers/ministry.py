"""Korean ministry agenda text → an agenda document.

The agenda of a meeting as press releases and meeting plans print it (see ``docs/import.md``)::

    <붙임> AI 복지·돌봄 혁신 추진단(TF) 제4차 회의 개요
    - (일시) 2026. 2. 26.(목) 16:30~18:00
    - (장소) 서울스퀘어 - 세종 영상연결
    시 간(안)	내 용	비고
    16:30 ~ 16:35 ('05)	참석자 소개 및 인사말	제1차관

What is read: the title (a ``붙임`` line, else a heading, else the first line), the meeting line
(date, weekday, slot), the venue, and the schedule table — tab-separated, a Markdown pipe table, or
columns aligned with two or more spaces. Every value is kept as printed (``16:05`` stays ``16:05``,
``('05)`` becomes the duration ``"'05"``), and every value's place in the text is recorded, so the
checks' findings point at the source's lines and columns. A table row whose time cannot be read is
an E005 problem at its line, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tfagenda.clock import SLOT_SEPARATORS
from tfagenda.findings import DocPath, Problem, Span
from tfagenda.messages import Message, T
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import MAX_EXPANDED_VALUES, Document, Node

_SEP = "[" + re.escape(SLOT_SEPARATORS) + "]"
_CLOCK = r"\d{1,2}:\d{2}"
# A duration as printed after a row's times: ('05), (5'), (5분), (05분), (5min).
_DURATION = r"['’′]\d{1,3}|\d{1,3}['’′]|\d{1,3}\s*(?:분|min|m)"
_ROW_TIME = re.compile(
    rf"(?P<start>{_CLOCK})"
    rf"(?:\s*(?P<sep>{_SEP})\s*(?P<end>{_CLOCK}))?"
    rf"(?:\s*[(（]\s*(?P<duration>{_DURATION})\s*[)）])?"
)
# The start of a row that is meant to be a schedule row: "16:30", "16시", "오후 4시".
_TIMEISH = re.compile(r"\d{1,2}\s*[:：시]|(?:오전|오후|AM|PM)(?![A-Za-z])", re.IGNORECASE)
_SLOT = re.compile(rf"{_CLOCK}\s*{_SEP}\s*{_CLOCK}")
_SINGLE_TIME = re.compile(_CLOCK)
_DATE = re.compile(
    r"(?P<year>\d{4}|['’‘]?\d{2})\s*[.년/-]\s*(?P<month>\d{1,2})\s*[.월/-]\s*(?P<day>\d{1,2})(?:\s*일|\s*\.)?"
)
_WEEKDAY = re.compile(
    r"\s*[(（]\s*(?P<w>[월화수목금토일](?:요일)?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)\s*[)）]"
    r"|\s*(?P<w2>[월화수목금토일]요일)",
    re.IGNORECASE,
)
# An overview line: "- (일시) …", "○ 일시 : …", "- 일시: …", "(장소) …", "[장소] …".
_BULLETS = "-‐‑–—○◦•·∙ㅇ◎●❍▪□■*o"
_OVERVIEW = re.compile(
    rf"^\s*+(?:[{re.escape(_BULLETS)}]\s*+)?\**+"
    r"(?:[(（\[]\s*+(?P<a>[^()（）\[\]:：]{1,12}?)\s*+[)）\]]\**+\s*+[:：]?|(?P<b>[^()（）\[\]:：]{1,12}?)\s*+\**+\s*+[:：])"
    r"\s*+(?P<value>.*)$"  # the value's trailing whitespace is stripped by the code (a lazy .*? before \s*$ is quadratic)
)
# Possessive quantifiers (*+) throughout: with backtracking ones, a line of a few hundred spaces
# around a bullet took seconds (cubic), and a long line hung the check.
_LABEL_KINDS = {
    "일시": "when",
    "일자": "when",
    "날짜": "when",
    "시간": "when",
    "when": "when",
    "date": "when",
    "장소": "venue",
    "where": "venue",
    "venue": "venue",
    "place": "venue",
    "참석자": "people",
    "참석": "people",
    "attendees": "people",
    "participants": "people",
}
# The schedule table's header: "시 간(안) | 내 용 | 비고" and variants.
_HEAD_TIME = re.compile(r"(?:시\s*간|시\s*각|일\s*정|time)\s*(?:[(（]\s*안\s*[)）])?", re.IGNORECASE)
_HEAD_ITEM = re.compile(
    r"(?:주\s*요|세\s*부)?\s*내\s*용|프\s*로\s*그\s*램|안\s*건|item|agenda|topic|programme|program",
    re.IGNORECASE,
)
_HEAD_OWNER = re.compile(
    r"발\s*표\s*자?|담\s*당\s*자?|주\s*관|진\s*행\s*자?|owner|who|speaker", re.IGNORECASE
)
_HEAD_REMARK = re.compile(r"비\s*고|remarks?|notes?", re.IGNORECASE)
_PIPE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_PART_BULLET = re.compile(r"(?P<bullet>[-–·ㆍ∙•▸])\s+")
# Lines that end a table: headings, notes, attachments, overview lines.
_TABLE_END = tuple("□■※#<○◦◎❍[")
_ATTACHMENT = re.compile(
    r"^\s*+(?:[<\[〈《]\s*붙\s*임\s*\d*\s*[>\]〉》]|붙\s*임\s*\d*(?=\s))\s*+(?P<title>(?:.*\S)?)\s*$"
)
_HEADING = re.compile(r"^\s*+(?:#{1,6}\s++|[□■]\s*+)(?P<title>.*\S)\s*$")
_GENERIC_HEADING = re.compile(
    r"(?:회의|행사)?\s*(?:개요|세부\s*(?:계획|일정)|진행\s*(?:순서|계획|일정)|일정|시간표|순서|계획|추진\s*경과)?"
)


@dataclass
class _Cell:
    text: str  # stripped
    column: int  # 0-based index of the first character of ``text`` in the line


@dataclass
class _Row:
    """One imported schedule row and where its values are."""

    line: int
    span: Span
    values: dict[str, Any]
    spans: dict[str, Span]
    depth: int = 0
    parts: list[_Row] = field(default_factory=list)
    note_lines: list[tuple[str, Span]] = field(default_factory=list)
    unreadable: tuple[Message, Span] | None = None  # E005: why, and where the time is


def read(text: str, path: str, format: str = "ministry") -> Document:
    """Read ministry agenda text into a document whose positions are in ``text``."""
    text = text.removeprefix("\ufeff")
    doc = Document(path=path, text=text)
    lines = LineIndex(text).lines
    reader = _Reader(doc, lines)
    try:
        reader.run()
    except _TooManyValues as error:  # as a YAML file of more values is refused (README, Robustness)
        doc.data, doc.nodes = None, {}
        message = T(
            "the file has more than {limit} values, the most tfagenda reads (a 20,000-event schedule has about 180,000); not checked",
            limit=f"{MAX_EXPANDED_VALUES:,}",
        )
        doc.problems = [Problem("E005", (), message, span=Span(error.line, 1, error.line, 1))]
    return doc


class _TooManyValues(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _Reader:
    def __init__(self, doc: Document, lines: list[str]) -> None:
        self.doc = doc
        self.lines = lines
        self.data: dict[str, Any] = {}
        self.rows: list[_Row] = []
        self.first_overview: int | None = None  # 0-based line of the first overview line

    # -- positions -------------------------------------------------------------------------

    def _span(self, index: int, start: int, end: int) -> Span:
        return Span(index + 1, start + 1, index + 1, end + 1)

    def _put(self, at: DocPath, value: Any, span: Span) -> None:
        """Set ``value`` at ``at`` in the data and record its span."""
        target = self.data
        for step in at[:-1]:
            target = target[step]
        target[at[-1]] = value
        self.doc.nodes[at] = Node(span, span, False)
        if len(self.doc.nodes) > MAX_EXPANDED_VALUES:
            raise _TooManyValues(span.line)

    def _problem(self, index: int, start: int, end: int, message: Message) -> None:
        self.doc.problems.append(Problem("E005", (), message, span=self._span(index, start, end)))

    # -- the document ----------------------------------------------------------------------

    def run(self) -> None:
        self._overview()
        self._title()
        self._table()
        last = len(self.lines) - 1
        whole = Span(1, 1, last + 1, len(self.lines[last]) + 1)
        self.doc.nodes[()] = Node(whole, whole, False)
        if not self.rows:
            if not self.doc.problems:
                self.doc.problems.append(
                    Problem(
                        "E005",
                        (),
                        T(
                            "no schedule table found: expected rows like {example} (tab-separated, a | table, or columns two spaces apart)",
                            example='"16:30 ~ 16:35 (\'05)<TAB>내용<TAB>비고"',
                        ),
                        span=Span(1, 1, 1, 1),
                    )
                )
            self.doc.data = None
            return
        self._emit_rows()
        self.doc.data = self.data

    def _overview(self) -> None:
        seen: set[str] = set()
        for index, line in enumerate(self.lines):
            match = _OVERVIEW.match(line)
            if not match:
                continue
            label = re.sub(r"\s+", "", match["a"] or match["b"] or "").lower()
            kind = _LABEL_KINDS.get(label)
            if kind is None:
                continue
            if self.first_overview is None:
                self.first_overview = index
            value, start = match["value"].rstrip(), match.start("value")
            if kind == "when":
                self._when(index, value, start, seen)
            elif kind == "venue" and "venue" not in seen and value:
                seen.add("venue")
                self._put(("venue",), value, self._span(index, start, start + len(value)))
            # 참석자 (attendees): the agenda format has no field for them; owners come from the table.

    def _when(self, index: int, value: str, offset: int, seen: set[str]) -> None:
        """The meeting line: date, weekday label and slot, each kept as printed."""
        rest = list(value)
        date = _DATE.search(value)
        if date and "date" in seen:  # a second meeting line: the first one's values count
            rest[date.start() : date.end()] = " " * (date.end() - date.start())
        elif date:
            seen.add("date")
            year = date["year"].lstrip("'’‘")
            full_year = int(year) if len(year) == 4 else 2000 + int(year)
            iso = f"{full_year:04d}-{int(date['month']):02d}-{int(date['day']):02d}"
            self._put(("date",), iso, self._span(index, offset + date.start(), offset + date.end()))
            rest[date.start() : date.end()] = " " * (date.end() - date.start())
            weekday = _WEEKDAY.match(value, date.end())
            if weekday and "weekday" not in seen:
                seen.add("weekday")
                group = "w" if weekday["w"] else "w2"
                self._put(
                    ("weekday",),
                    weekday[group],
                    self._span(index, offset + weekday.start(group), offset + weekday.end(group)),
                )
                rest[weekday.start() : weekday.end()] = " " * (weekday.end() - weekday.start())
        slot = _SLOT.search(value)
        if slot:
            if "slot" not in seen:
                seen.add("slot")
                self._put(
                    ("slot",), slot.group(), self._span(index, offset + slot.start(), offset + slot.end())
                )
            rest[slot.start() : slot.end()] = " " * (slot.end() - slot.start())
        else:
            single = _SINGLE_TIME.search("".join(rest))
            if single:  # a start time alone gives no slot; the table's rows carry the times
                rest[single.start() : single.end()] = " " * (single.end() - single.start())
        leftover = "".join(rest)
        if any(char.isdigit() for char in leftover):
            self._problem(
                index,
                offset,
                offset + len(value),
                T(
                    "cannot read the meeting line {value!r}: write it as {example}",
                    value=value,
                    example='"2026. 2. 26.(목) 16:30~18:00"',
                ),
            )

    def _title(self) -> None:
        """The title: a 붙임 line (without 붙임 and a trailing 개요), else a heading, else the first line.

        Headings and the first line count only before the meeting line; with none, there is no
        title (E002 says the agenda has none), rather than a made-up one.
        """
        end = self.first_overview if self.first_overview is not None else len(self.lines)
        attachments = [i for i, line in enumerate(self.lines) if _ATTACHMENT.match(line)]
        # The attachment line nearest before the overview, else any attachment line.
        before = [i for i in attachments if i < end]
        for index in before[::-1] + attachments:
            if self._title_from(index, _ATTACHMENT.match(self.lines[index])):
                return
        for index in range(end):
            match = _HEADING.match(self.lines[index])
            if match and self._title_from(index, match):
                return
        for index, line in enumerate(self.lines[:end]):
            if line.strip() and not _TIMEISH.match(line.strip().lstrip("|").strip()):
                start = len(line) - len(line.lstrip())
                self._put(("title",), line.strip(), self._span(index, start, start + len(line.strip())))
                return

    def _title_from(self, index: int, match: re.Match[str] | None) -> bool:
        if match is None:
            return False
        line = self.lines[index]
        start, end = match.span("title")
        # Markdown bold around a heading: **회의 개요**
        while end - start >= 4 and line[start : start + 2] == "**" and line[end - 2 : end] == "**":
            start, end = start + 2, end - 2
        text = line[start:end]
        trimmed = (
            text.rstrip()
        )  # less "개요" at the end (in code: a regex search for \s*개\s*요\s*$ is quadratic in spaces)
        if trimmed.endswith("요") and trimmed[:-1].rstrip().endswith("개"):
            trimmed = trimmed[:-1].rstrip()[:-1].rstrip()
        else:
            trimmed = text
        if _GENERIC_HEADING.fullmatch(text.strip()) or not trimmed.strip():
            return False
        end = start + len(trimmed)
        self._put(("title",), trimmed, self._span(index, start, end))
        return True

    # -- the schedule table ----------------------------------------------------------------

    def _table(self) -> None:
        columns: dict[str, int] | None = None  # the header's columns, when the table has one
        in_table = False
        seen_row = False
        for index, line in enumerate(self.lines):
            stripped = line.strip()
            header = _header_columns(_cells(line))
            if header is not None:
                columns, in_table, seen_row = header, True, False
                continue
            if not in_table:
                # Without a header, a table starts at the first line that starts with a time range.
                if _SLOT.match(stripped.lstrip("|").strip()):
                    columns, in_table, seen_row = None, True, False
                else:
                    continue
            if not stripped:
                if seen_row:
                    in_table = False
                continue
            if _PIPE_RULE.fullmatch(stripped):
                continue
            if stripped.startswith(_TABLE_END) or _is_overview(line):
                in_table = False
                continue
            body = stripped.lstrip("|").strip()
            if _TIMEISH.match(body):
                self._row(index, line, columns or {})
                seen_row = True
            elif seen_row and self.rows:
                self._continuation(index, line)
            else:
                in_table = False

    def _row(self, index: int, line: str, columns: dict[str, int]) -> None:
        layout = _layout(line)
        lead = len(line) - len(line.lstrip())
        if layout == "pipe":
            lead = line.index("|") + 1
            lead += len(line[lead:]) - len(line[lead:].lstrip())
        content_end = len(line.rstrip())
        if layout == "pipe" and line.rstrip().endswith("|"):
            content_end = len(line.rstrip()[:-1].rstrip())
        match = _ROW_TIME.match(line, lead)
        cell_end = _cell_end(line, lead, layout)
        readable = match is not None and _clean_break(line, match.end(), cell_end, layout)
        values: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        if readable:
            assert match is not None
            for name in ("start", "end", "duration"):
                if match[name] is not None:
                    values[name] = match[name]
                    spans[name] = self._span(index, match.start(name), match.end(name))
            # The cells after the time cell; column 0 of the table is the time.
            rest = _split_spaces(line, match.end(), content_end) if layout == "spaces" else _cells(line)[1:]
        else:
            cells = _split_spaces(line, lead, content_end) if layout == "spaces" else _cells(line)
            time_cell, rest = cells[0], cells[1:]
        notes: list[_Cell] = []
        item_col = columns.get("item", 1) - 1
        owner_col = columns["owner"] - 1 if "owner" in columns else (1 if not columns else None)
        for position, cell in enumerate(rest):
            name = "title" if position == item_col else "owner" if position == owner_col else "note"
            if not cell.text:
                continue
            if name == "note":
                notes.append(cell)
                continue
            values[name] = cell.text
            spans[name] = self._span(index, cell.column, cell.column + len(cell.text))
        depth = 0
        title = values.get("title")
        if isinstance(title, str):
            bullet = _PART_BULLET.match(title)
            if bullet and any(r.depth == 0 for r in self.rows):
                depth = 1
                cut = bullet.end()
                old = spans["title"]
                values["title"] = title[cut:]
                spans["title"] = Span(old.line, old.column + cut, old.end_line, old.end_column)
        row = _Row(index + 1, self._span(index, lead, content_end), values, spans, depth)
        if not readable:
            # Kept as a segment with no times, set aside: E005 says why, and no other check
            # reports the hole it leaves. The time as printed goes in its note.
            row.unreadable = (
                T(
                    "cannot read the time of this schedule row, {value!r}; write it as {example}, as the other rows do",
                    value=time_cell.text,
                    example='"16:30 ~ 16:35 (\'05)"',
                ),
                self._span(index, time_cell.column, time_cell.column + len(time_cell.text)),
            )
            row.note_lines.append((f"time as printed (unreadable): {time_cell.text}", row.unreadable[1]))
        for cell in notes:
            row.note_lines.append((cell.text, self._span(index, cell.column, cell.column + len(cell.text))))
        if depth:
            parent = next(r for r in reversed(self.rows) if r.depth == 0)
            parent.parts.append(row)
        self.rows.append(row)

    def _continuation(self, index: int, line: str) -> None:
        """A line of the table with no time: more text for the row above, kept as its note."""
        cells = (
            [c for c in _cells(line) if c.text]
            if _layout(line) != "spaces"
            else _split_spaces(line, 0, len(line.rstrip()))
        )
        cells = [c for c in cells if c.text]
        if not cells:
            return
        text = " ".join(c.text for c in cells)
        span = self._span(index, cells[0].column, cells[-1].column + len(cells[-1].text))
        self.rows[-1].note_lines.append((text, span))

    def _emit_rows(self) -> None:
        top = [r for r in self.rows if r.depth == 0]
        self.data["segments"] = []
        self.doc.nodes[("segments",)] = Node(
            _cover([r.span for r in self.rows]), _cover([r.span for r in self.rows]), False
        )
        for i, row in enumerate(top):
            self._emit(row, ("segments", i), self.data["segments"])

    def _emit(self, row: _Row, at: DocPath, into: list[Any]) -> None:
        into.append({})
        self.doc.nodes[at] = Node(row.span, row.span, False)
        if row.unreadable is not None:
            message, span = row.unreadable
            self.doc.problems.append(Problem("E005", at, message, span=span))
            self.doc.damaged.add(at)
        for name in ("start", "end", "duration", "title", "owner"):
            if name in row.values:
                self._put(at + (name,), row.values[name], row.spans[name])
        if row.note_lines:
            note = "; ".join(text for text, _ in row.note_lines)
            self._put(at + ("note",), note, _cover([span for _, span in row.note_lines]))
        if row.parts:
            self._put(at + ("parts",), [], _cover([p.span for p in row.parts]))
            segment = self.data
            for step in at:
                segment = segment[step]
            for j, part in enumerate(row.parts):
                self._emit(part, at + ("parts", j), segment["parts"])


def _cover(spans: list[Span]) -> Span:
    first, last = (
        min(spans, key=lambda s: (s.line, s.column)),
        max(spans, key=lambda s: (s.end_line, s.end_column)),
    )
    return Span(first.line, first.column, last.end_line, last.end_column)


def _is_overview(line: str) -> bool:
    match = _OVERVIEW.match(line)
    return bool(match and _LABEL_KINDS.get(re.sub(r"\s+", "", match["a"] or match["b"] or "").lower()))


def _layout(line: str) -> str:
    if line.lstrip().startswith("|"):
        return "pipe"
    if "\t" in line:
        return "tab"
    return "spaces"


def _cells(line: str) -> list[_Cell]:
    """The cells of a table line, with their columns; pipes, tabs or runs of two or more spaces separate them."""
    layout = _layout(line)
    if layout == "spaces":
        return _split_spaces(line, 0, len(line.rstrip()))
    if layout == "pipe":
        start = line.index("|") + 1
        body_end = len(line.rstrip())
        if line.rstrip().endswith("|") and body_end - 1 >= start:
            body_end -= 1
        pieces = re.split(r"(?<!\\)\|", line[start:body_end])
    else:
        start = 0
        pieces = line.split("\t")
    cells = []
    position = start
    for piece in pieces:
        text = piece.strip()
        offset = position + (len(piece) - len(piece.lstrip()))
        cells.append(_Cell(text.replace("\\|", "|") if layout == "pipe" else text, offset))
        position += len(piece) + 1
    if layout == "tab":
        # A tab table may be indented with tabs: leading empty cells are not columns.
        while cells and not cells[0].text and len(cells) > 1:
            cells.pop(0)
    while cells and not cells[-1].text:
        cells.pop()
    return cells


def _split_spaces(line: str, start: int, end: int) -> list[_Cell]:
    cells = []
    for match in re.finditer(r"\S+(?: \S+)*", line[start:end]):
        cells.append(_Cell(match.group(), start + match.start()))
    return cells


def _cell_end(line: str, start: int, layout: str) -> int:
    if layout == "pipe":
        found = re.search(r"(?<!\\)\|", line[start:])
        return start + found.start() if found else len(line)
    if layout == "tab":
        found = line.find("\t", start)
        return found if found >= 0 else len(line)
    return len(line.rstrip())


def _clean_break(line: str, after: int, cell_end: int, layout: str) -> bool:
    """Whether the time ends its cell: nothing unread is left in the time cell."""
    if layout in ("pipe", "tab"):
        return not line[after:cell_end].strip()
    rest = line[after:]
    if not rest.strip() or rest.startswith("  "):
        return True
    # One space, then text: the title, unless it looks like more of the time.
    first = rest.lstrip()[:1]
    return rest[:1].isspace() and not (first in SLOT_SEPARATORS or first in "(（'’′" or first.isdigit())


def _header_columns(cells: list[_Cell]) -> dict[str, int] | None:
    """The columns of a schedule table's header row, or None when this is not one."""
    texts = [c.text.strip("*").strip() for c in cells]
    if len(texts) < 2 or not _HEAD_TIME.fullmatch(texts[0]):
        return None
    columns = {"time": 0}
    for position, text in enumerate(texts[1:], start=1):
        if "item" not in columns and _HEAD_ITEM.fullmatch(text):
            columns["item"] = position
        elif "owner" not in columns and _HEAD_OWNER.fullmatch(text):
            columns["owner"] = position
    if "item" not in columns:
        return None
    if "owner" not in columns:
        for position, text in enumerate(texts[1:], start=1):
            if _HEAD_REMARK.fullmatch(text):
                columns["owner"] = position
                break
    return columns
