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

Any Markdown or text table with a time column is read the same way (issue 13): header words in
Korean and English say which column is what, times and dates in the notations of
``tfagenda.notation`` are read, HTML comments, front matter and ``<style>`` are skipped, and day
sections (``## Day 1 (11/18/2024)``, ``1일차``) become days, as does each meeting line after a
table's rows (``render --format text`` writes one per day). An owner cell of names separated by
commas is a list of owners.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from tfagenda import notation
from tfagenda.clock import SLOT_SEPARATORS
from tfagenda.findings import DocPath, Problem, Span
from tfagenda.messages import Message, T
from tfagenda.positions import LineIndex
from tfagenda.weekdays import weekday_index
from tfagenda.yamldoc import MAX_EXPANDED_VALUES, Document, Node

_SEP = "[" + re.escape(SLOT_SEPARATORS) + "]"
_CLOCK = r"\d{1,2}:\d{2}"
# A duration as printed after a row's times: ('05), (5'), (5분), (05분), (5min).
_DURATION = r"['’′]\d{1,3}|\d{1,3}['’′]|\d{1,3}\s*(?:분|min|m)"
# The start of a row that is meant to be a schedule row: "16:30", "16시", "오후 4시".
_TIMEISH = re.compile(
    r"\d{1,2}\s*[:：시]|\d{1,2}\.\d{2}(?![\d.])|\d{1,2}\s*[ap]\.?m\b|(?:오전|오후|정오|AM|PM|noon)(?![A-Za-z])",
    re.IGNORECASE,
)
_SLOT = re.compile(rf"{_CLOCK}\s*{_SEP}\s*{_CLOCK}")
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
# The schedule table's header: "시 간(안) | 내 용 | 비고" and variants, in Korean and English.
_HEAD_TIME = re.compile(
    r"(?:시\s*간|시\s*각|일\s*정|time|times|schedule|when)\s*(?:[(（]\s*안\s*[)）])?", re.IGNORECASE
)
_HEAD_NUMBER = re.compile(r"#|no\.?|nr\.?|연\s*번|번\s*호|순\s*번|순\s*서", re.IGNORECASE)
# The most specific title columns: a topic or session names the row.
_HEAD_TITLE = re.compile(
    r"주\s*제|제\s*목|세\s*션|안\s*건|발\s*표\s*주\s*제|강\s*의\s*명?|title|topic|session|event|talk|subject",
    re.IGNORECASE,
)
_HEAD_ITEM = re.compile(
    r"(?:주\s*요|세\s*부)?\s*내\s*용|프\s*로\s*그\s*램|구\s*분|item|agenda|programme|program|description|details?|activity|contents?",
    re.IGNORECASE,
)
_HEAD_OWNER = re.compile(
    r"발\s*표\s*자?|담\s*당\s*자?|주\s*관|진\s*행\s*자?|사\s*회\s*자?|연\s*사|강\s*사|좌\s*장"
    r"|owners?|who|speakers?|presenters?|chairs?|lead|moderators?|hosts?|facilitators?|responsible",
    re.IGNORECASE,
)
_HEAD_DURATION = re.compile(
    r"소\s*요\s*(?:시\s*간)?(?:\s*[(（]\s*분\s*[)）])?|분|시\s*간\s*[(（]\s*분\s*[)）]|durations?|length|mins?|minutes",
    re.IGNORECASE,
)
_HEAD_ROOM = re.compile(r"장\s*소|room|track|hall|venue|location|강\s*의\s*실", re.IGNORECASE)
_HEAD_REMARK = re.compile(r"비\s*고|remarks?|notes?", re.IGNORECASE)
NOBODY_OWNER = "-"  # the model's NOBODY: deliberately nobody
_PLAIN_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_ONE_DIGIT_HOUR = re.compile(r"\d:\d{2}")
# Where a yearless date looks for the document's year: the first characters of each line, a few dates.
_DATE_SCAN, _DATES_PER_LINE = 200, 8
_LEADING_ZERO = re.compile(r"0\d:\d{2}")
_DURATION_AFTER = re.compile(rf"\s*[(（]\s*(?P<duration>{_DURATION})\s*[)）]")
_DURATION_CELL = re.compile(r"\d{1,3}\s*(?:분|mins?|minutes|m)|['’′]\d{1,3}|\d{1,3}['’′]", re.IGNORECASE)
# "(20 mins + 5 mins Q&A)", "(5 mins)", "(10분)": the minutes a description states.
_STATED_MINUTES = re.compile(
    r"[(（]\s*(?P<inner>\d{1,3}\s*(?:mins?|minutes|분)(?:\s*\+\s*\d{1,3}\s*(?:mins?|minutes|분)[^()（）]*)?)\s*[)）]",
    re.IGNORECASE,
)
# "Kensuke Harada: *Realizing robust motion planning …*": a speaker and a title in one cell.
_SPEAKER_TITLE = re.compile(r"(?P<owner>[^:*<>|\[\]]{2,80}?)\s*:\s*\*{1,2}(?P<title>[^*]+?)\*{1,2}")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)\s]*\)")
_BREAK_TITLE = re.compile(
    r"(?:coffee\s*|lunch\s*|tea\s*)?break|lunch|coffee|휴\s*식|점심(?:\s*(?:시간|식사))?|중\s*식|오\s*찬|만\s*찬|석\s*식",
    re.IGNORECASE,
)
_MARKUP_OPEN = re.compile(r"<!--|<(?P<tag>style|script)\b[^>]*>", re.IGNORECASE)
_PIPE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_PART_BULLET = re.compile(r"(?P<bullet>[-–·ㆍ∙•▸])\s+")
# Lines that end a table: headings, notes, attachments, overview lines.
_TABLE_END = tuple("□■※#<○◦◎❍[")
_ATTACHMENT = re.compile(
    r"^\s*+(?:[<\[〈《]\s*붙\s*임\s*\d*\s*[>\]〉》]|붙\s*임\s*\d*(?=\s))\s*+(?P<title>(?:.*\S)?)\s*$"
)
_HEADING = re.compile(r"^\s*+(?:#{1,6}\s++|[□■]\s*+)(?P<title>.*\S)\s*$")
# A day section's heading: "Day 1 (11/18/2024)", "Day 2 — Tuesday", "1일차", "첫째 날", "제2일".
_DAY_SECTION = re.compile(
    r"\bday\s*\d+\b|\d+\s*일\s*차|(?:첫|둘|셋|넷|다섯)\s*째\s*날|제\s*\d+\s*일(?![가-힣])", re.IGNORECASE
)
_URLISH = re.compile(r"(?:https?://|www\.)\S*$|\S+\.(?:md|txt|hwp|hwpx|docx?|pdf)$", re.IGNORECASE)
_GENERIC_HEADING = re.compile(
    r"(?:회의|행사)?\s*(?:개요|세부\s*(?:계획|일정)|진행\s*(?:순서|계획|일정)|일정|시간표|순서|계획|추진\s*경과)?"
)


@dataclass
class _Cell:
    text: str  # stripped
    column: int  # 0-based index of the first character of ``text`` in the line


@dataclass
class _Section:
    """A day of the text: begun by a day heading (``## Day 1``, ``1일차``) or, after a table's rows,
    by the next meeting line (``- (일시) 2026. 4. 10.(금) …``: ``render --format text`` writes one
    per day)."""

    line: int  # 0-based line where the day begins
    title: tuple[int, int, int] | None = None  # its title: (0-based line, begin, end)
    meeting: int | None = None  # 0-based line of its own meeting line, whose date and slot are the day's


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
    readings: dict[str, notation.ClockTime] = field(default_factory=dict)  # start/end as read
    day: int | None = None  # index into the reader's day sections
    time_style: str | None = None  # how its table writes times, for fixes (Document.spelled)


def read(text: str, path: str, format: str = "ministry") -> Document:
    """Read ministry agenda text into a document whose positions are in ``text``."""
    text = text.removeprefix("\ufeff")
    doc = Document(path=path, text=text)
    lines = _mask_markup(LineIndex(text).lines)
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
        self.table_line: int | None = None  # 0-based line where the first schedule table starts
        # Day sections: "## Day 1 (11/18/2024)", "1일차", "첫째 날", or a meeting line after rows.
        self.days: list[_Section] = []
        self.seen: set[str] = set()  # what the agenda's meeting line has given (date, slot …)
        # Meeting and venue lines after the first: (0-based line, value, column of the value).
        self.later_when: list[tuple[int, str, int]] = []
        self.venues: list[tuple[int, str, int]] = []
        # The document's language decides 11/12/2024 (month first in English); Korean text never writes it so.
        self.language = "ko" if any("\uac00" <= char <= "\ud7a3" for char in doc.text) else "en"
        self._years: list[int] | None = None  # the years of the document's full dates, when asked

    # -- positions -------------------------------------------------------------------------

    def _span(self, index: int, start: int, end: int) -> Span:
        return Span(index + 1, start + 1, index + 1, end + 1)

    def _put(self, at: DocPath, value: Any, span: Span) -> None:
        """Set ``value`` at ``at`` in the data and record its span."""
        target: Any = self.data
        for step in at[:-1]:
            target = target[step]
        target[at[-1]] = value
        self.doc.nodes[at] = Node(span, span, False)
        if len(self.doc.nodes) > MAX_EXPANDED_VALUES:
            raise _TooManyValues(span.line)

    def _problem(self, index: int, start: int, end: int, message: Message, code: str = "D003") -> None:
        """A problem with the meeting line (D003 by default: a warning; the table is still imported)."""
        self.doc.problems.append(Problem(code, (), message, span=self._span(index, start, end)))

    # -- the document ----------------------------------------------------------------------

    def run(self) -> None:
        self._overview()
        self._table()
        self._later_meeting_lines()
        self._title()
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
        seen = self.seen
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
            if kind == "when" and "when" in seen:
                # Read once the table has been: a meeting line after rows begins the next day.
                self.later_when.append((index, value, start))
            elif kind == "when":
                seen.add("when")
                self._when(index, value, start, seen)
            elif kind == "venue" and value:
                self.venues.append((index, value, start))
                if "venue" not in seen:
                    seen.add("venue")
                    self._put(("venue",), value, self._span(index, start, start + len(value)))
            # 참석자 (attendees): the agenda format has no field for them; owners come from the table.
        if "date" not in seen and "slot" not in seen:
            self._date_line(seen)

    def _later_meeting_lines(self) -> None:
        """Meeting lines after the first that begin no day: read as before, for what they say
        wrong (a day's own meeting line is read into its day by ``_emit_days``)."""
        own = {self.days[i].meeting for i in self._days_with_rows()}
        for index, value, start in self.later_when:
            if index not in own:
                self._when(index, value, start, self.seen)

    def _days_with_rows(self) -> list[int]:
        """The day sections that have rows: the days the agenda will have (when two or more)."""
        return sorted({row.day for row in self.rows if row.day is not None})

    def _when(self, index: int, value: str, offset: int, seen: set[str], at: DocPath = ()) -> None:
        """The meeting line: date, weekday label and slot (the date written as an ISO date, the
        weekday and an ``HH:MM`` slot as printed), at ``at`` (the agenda, or a day)."""
        rest = list(value)
        date = notation.find_date(value, self.language)
        if date is not None:
            begin, finish = date.span
            blank = True
            if "date" not in seen:
                blank = self._date(index, value, offset, date, seen, at)
            if blank:
                rest[begin:finish] = " " * (finish - begin)
        found = notation.find_range("".join(rest))  # the date blanked: 9.19 (토) is not the time 9:19
        if found is not None and found.end is not None and found.end_span is not None:
            begin, finish = found.span
            if "slot" not in seen:
                seen.add("slot")
                printed = value[begin:finish]
                plain = _SLOT.fullmatch(printed)
                text = printed if plain else f"{found.start.canonical}-{found.end.canonical}"
                self._put(at + ("slot",), text, self._span(index, offset + begin, offset + finish))
            rest[begin:finish] = " " * (finish - begin)
        elif found is not None:  # a start time alone gives no slot; the table's rows carry the times
            rest[found.span[0] : found.span[1]] = " " * (found.span[1] - found.span[0])
        leftover = "".join(rest)
        if any(char.isdigit() for char in leftover):
            self._problem(
                index,
                offset,
                offset + len(value),
                T(
                    "cannot read the meeting line {value!r}: write it as {example}",
                    value=value,
                    example='"2026. 2. 26.(목) 16:30~18:00"'
                    if self.language == "ko"
                    else '"2026-02-26 (Thu) 16:30-18:00"',
                ),
            )

    def _date(
        self,
        index: int,
        value: str,
        offset: int,
        date: notation.DateReading,
        seen: set[str],
        at: DocPath = (),
    ) -> bool:
        """Put the meeting's date and weekday (an ambiguous date is left out and D003 says why; a
        date without a year gets one from ``_year_for``). True: the date's digits have been read."""
        begin, finish = date.date_span
        if date.ambiguous:
            self._problem(
                index,
                offset + begin,
                offset + finish,
                T(
                    "the date {value!r} can be read day first or month first; write it as {first} or {second}",
                    value=value[begin:finish],
                    first=f"{date.year:04d}-{date.month:02d}-{date.day:02d}",
                    second=f"{date.year:04d}-{date.day:02d}-{date.month:02d}",
                ),
            )
            return True
        iso = date.iso()
        if iso is None:  # no year (4. 9.(목)): from the document, else the weekday, else assumed
            year, code, message = self._year_for(date, value[begin:finish].strip())
            iso = date.iso(year)
            if code is not None and message is not None:
                self._problem(index, offset + begin, offset + finish, message, code)
        seen.add("date")
        self._put(at + ("date",), iso, self._span(index, offset + begin, offset + finish))
        if (
            date.weekday is not None
            and date.weekday_span is not None
            and "weekday" not in seen
            and weekday_index(date.weekday) is not None
        ):
            seen.add("weekday")
            w_begin, w_end = date.weekday_span
            self._put(at + ("weekday",), date.weekday, self._span(index, offset + w_begin, offset + w_end))
        return True

    def _year_for(self, date: notation.DateReading, printed: str) -> tuple[int, str | None, Message | None]:
        """The year of a date printed without one, and the finding that says how it was found
        (None when another full date in the document gave it): N002 when its weekday label decided
        it, D003 when the current year is assumed."""
        wanted = weekday_index(date.weekday) if date.weekday else None
        years = self._document_years()
        for year in [*years, *(year + 1 for year in years)]:  # a December release of a January meeting
            on = _on(year, date)
            if on is not None and (wanted is None or on.weekday() == wanted):
                return year, None, None
        if years:
            return years[0], None, None  # the weekday label disagrees: D001 says so
        today = _today()
        if wanted is not None:
            matching = [
                year
                for year in (today.year - 1, today.year, today.year + 1)
                if (on := _on(year, date)) is not None and on.weekday() == wanted
            ]
            if matching:
                year = min(matching, key=lambda y: abs(((_on(y, date) or today) - today).days))
                return (
                    year,
                    "N002",
                    T(
                        "the date {value} has no year; {year} is taken, the year in which it falls on its weekday ({weekday})",
                        value=printed,
                        year=year,
                        weekday=date.weekday,
                    ),
                )
            reason = T(
                "the date {value} has no year, and it is not a {weekday} in {years}; {year} is assumed: write the year",
                value=printed,
                weekday=date.weekday,
                years=f"{today.year - 1}–{today.year + 1}",
                year=today.year,
            )
        else:
            reason = T(
                "the date {value} has no year, and neither the document nor a weekday gives it; {year} is assumed: write the year",
                value=printed,
                year=today.year,
            )
        return today.year, "D003", reason

    def _document_years(self) -> list[int]:
        """The years of the full dates in the document (``2026. 4. 2.``), in order of appearance."""
        if self._years is None:
            self._years = []
            for whole in self.lines:
                # The start of a line, a few dates: each search scans the rest of the line (a
                # hostile line of thousands of dates would make this quadratic).
                line = whole[:_DATE_SCAN]
                if not any(char.isdigit() for char in line):
                    continue
                pos = 0
                for _ in range(_DATES_PER_LINE):
                    found = notation.find_date(line, self.language, pos)
                    if found is None:
                        break
                    if found.year is not None and not found.ambiguous and found.valid:
                        if found.year not in self._years:
                            self._years.append(found.year)
                    pos = found.span[1]
        return self._years

    def _date_line(self, seen: set[str]) -> None:
        """A meeting line without a label: ``2025/07/24 목요일 13:00~17:00`` (a date, then a slot)."""
        for index, line in enumerate(self.lines):
            body = line.strip().lstrip("#-*•○□ ").strip("*_ ")
            if not body or body.startswith("|"):
                continue
            date = notation.find_date(body, self.language)
            if date is None or date.span[0] != 0:
                continue
            found = notation.find_range(body, date.span[1])
            if found is None or found.end is None:
                continue
            offset = line.index(body)
            if self.first_overview is None:
                self.first_overview = index
            self._when(index, body, offset, seen)
            return

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
        if self.first_overview is None and self.table_line is not None:
            if self._heading_above(self.table_line):
                return
        else:
            # A day's title is not the agenda's ("□ 첫째 날" above the first day's meeting line),
            # unless nothing else could be.
            emitted = self._days_with_rows()
            days = {
                title[0] for i in emitted if len(emitted) >= 2 and (title := self.days[i].title) is not None
            }
            for skipped in (days, set()):
                for index in range(end):
                    match = _HEADING.match(self.lines[index])
                    if index not in skipped and match and self._title_from(index, match):
                        return
                if any(
                    line.strip() and index not in days and not _HEADING.match(line)
                    for index, line in enumerate(self.lines[:end])
                ):
                    break  # a first line to take below
        for index, line in enumerate(self.lines[:end]):
            if line.strip() and not _TIMEISH.match(line.strip().lstrip("|").strip()):
                if _URLISH.match(line.strip()):  # a URL or a file name is not a title
                    return
                start = len(line) - len(line.lstrip())
                self._put(("title",), line.strip(), self._span(index, start, start + len(line.strip())))
                return

    def _heading_above(self, table_line: int) -> bool:
        """The title from the nearest heading above the table; a section name there (``일정``,
        ``Schedule``) gives way to the heading of the section it is in."""
        level = 99
        for index in range(table_line - 1, -1, -1):
            match = _HEADING.match(self.lines[index])
            if match is None:
                continue
            depth = len(self.lines[index].lstrip()) - len(self.lines[index].lstrip().lstrip("#"))
            if depth >= level:
                continue
            if _DAY_SECTION.search(match["title"]):  # "## Day 1": the title is the section's parent
                level = depth or 1
                continue
            if self._title_from(index, match):
                return True
            level = depth or 1
        return False

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
        columns: _Columns | None = None  # the header's columns, when the table has one
        in_table = False
        seen_row = False
        for index, line in enumerate(self.lines):
            stripped = line.strip()
            heading = _HEADING.match(line)
            if heading and _DAY_SECTION.search(heading["title"]):
                self.days.append(_Section(index, (index, *heading.span("title"))))
            elif _overview_kind(line) == "when":
                self._meeting_line(index)
            header = _header_columns(_cells(line))
            if header is not None:
                columns, in_table, seen_row = header, True, False
                if self.table_line is None:
                    self.table_line = index
                continue
            if not in_table:
                # Without a header, a table starts at the first line that starts with a time range.
                if _SLOT.match(stripped.lstrip("|").strip()):
                    columns, in_table, seen_row = None, True, False
                    if self.table_line is None:
                        self.table_line = index
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
            if _is_time_row(line, columns):
                self._row(index, line, columns)
                seen_row = True
            elif seen_row and self.rows:
                self._continuation(index, line)
            else:
                in_table = False
        self._twelve_hour()

    def _twelve_hour(self) -> None:
        """A table on a 12-hour clock without am/pm: where the sequence decides (``12:30 - 1:00``),
        the afternoon times are written as ``13:00`` (the value's place stays the printed ``1:00``),
        and N001 says so once per day; where nothing decides (a table starting at ``1:00``), nothing
        moves and N001 says the reading is ambiguous."""
        by_day: dict[int | None, list[_Row]] = {}
        for row in self.rows:
            by_day.setdefault(row.day, []).append(row)
        for rows in by_day.values():  # each day's sequence on its own
            order = [(row, name) for row in rows for name in ("start", "end") if name in row.readings]
            reading = notation.read_twelve_hour([row.readings[name] for row, name in order])
            printed = [self._printed(row, name) for row, name in order]
            style = (
                "12h"
                if reading.moved is not None
                else "h:mm"
                if any(_ONE_DIGIT_HOUR.fullmatch(p) for p in printed)
                and not any(_LEADING_ZERO.fullmatch(p) for p in printed)
                else None
            )
            for row in rows:
                row.time_style = style  # a fix writes a time as the table does: 1:05, 9:05
            if reading.moved is not None:
                for (row, name), value in zip(order, reading.minutes, strict=True):
                    if value != row.readings[name].minutes:
                        row.values[name] = notation.format_time(value)
                row, name = order[reading.moved]
                before = reading.minutes[reading.moved - 1]
                message = T(
                    "the table is on a 12-hour clock: {time} after {previous} is read as {value} (and the later times as afternoon)",
                    time=self._printed(row, name),
                    previous=notation.format_time(before),
                    value=notation.format_time(reading.minutes[reading.moved]),
                )
                self.doc.problems.append(Problem("N001", (), message, span=row.spans[name]))
            elif reading.ambiguous is not None:
                row, name = order[reading.ambiguous]
                value = reading.minutes[reading.ambiguous]
                message = T(
                    "{time} has no am/pm and the table has no 24-hour time, so it may be morning or afternoon: it is read as {value}; if it is in the afternoon, write {afternoon}",
                    time=self._printed(row, name),
                    value=notation.format_time(value),
                    afternoon=notation.format_time(value + 720),
                )
                self.doc.problems.append(Problem("N001", (), message, span=row.spans[name]))

    def _printed(self, row: _Row, name: str) -> str:
        """The text of a row's value as the source prints it."""
        span = row.spans[name]
        return self.lines[span.line - 1][span.column - 1 : span.end_column - 1]

    def _row(self, index: int, line: str, columns: _Columns | None) -> None:
        layout = _layout(line)
        lead = len(line) - len(line.lstrip())
        if layout == "pipe":
            lead = line.index("|") + 1
            lead += len(line[lead:]) - len(line[lead:].lstrip())
        content_end = len(line.rstrip())
        if layout == "pipe" and line.rstrip().endswith("|"):
            content_end = len(line.rstrip()[:-1].rstrip())
        values: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        readings: dict[str, notation.ClockTime] = {}
        cells: list[_Cell | None]
        if layout == "spaces":
            timed = _time_at(line, lead)
            readable = timed is not None and _clean_break(line, timed[0], len(line.rstrip()), layout)
            if readable:
                assert timed is not None
                time_end = timed[0]
                time_cell = _Cell(line[lead:time_end], lead)
                cells = [time_cell, *_split_spaces(line, time_end, content_end)]
            else:
                split = _split_spaces(line, lead, content_end)
                time_cell = split[0]
                cells = list(split)
            time_index = 0
        else:
            cells = list(_cells(line))
            time_index = columns.time if columns is not None else 0
            if columns is None:  # no header: the first cell with a time is the time
                time_index = next(
                    (i for i, c in enumerate(cells) if c is not None and _TIMEISH.match(c.text)), 0
                )
            while len(cells) <= time_index:
                cells.append(None)
            time_cell = cells[time_index] or _Cell("", lead)
            timed = _time_at(line, time_cell.column) if time_cell.text else None
            readable = timed is not None and timed[0] >= time_cell.column + len(time_cell.text)
        if readable:
            assert timed is not None
            for name, (value, (begin, finish)) in timed[1].items():
                values[name] = value
                spans[name] = self._span(index, begin, finish)
            readings = timed[2]
        notes: list[_Cell] = []
        title_cells: list[tuple[int, _Cell]] = []
        for position, cell in enumerate(cells):
            if position == time_index or cell is None or not cell.text:
                continue
            role = _role_of(columns, position - time_index if columns is None else position)
            if role == "number":
                continue
            if role == "unlabelled":
                role = "duration" if _DURATION_CELL.fullmatch(cell.text) else "note"
            if role == "duration" and "duration" in values:
                role = "note"
            if role.startswith("title"):
                title_cells.append((int(role[5:] or 0), cell))
            elif role in ("owner", "duration", "room"):
                values[role] = cell.text
                spans[role] = self._span(index, cell.column, cell.column + len(cell.text))
            else:
                notes.append(cell)
        if title_cells:
            title_cells.sort(key=lambda item: item[0])
            chosen = title_cells[0][1]
            notes = [c for _, c in title_cells[1:]] + notes
            notes.sort(key=lambda c: c.column)
            self._title_cell(index, chosen, values, spans)
        for cell in list(notes):  # "(5 mins)" in a description: the stated length
            if "duration" not in values and self._stated_minutes(index, cell, values, spans):
                pass
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
            if _BREAK_TITLE.fullmatch(values["title"]):
                values["kind"] = "break"
            elif columns is not None and "owner" not in columns.roles.values() and "owner" not in values:
                # A table with no owner column names nobody for this row (only "Speaker: *Title*"
                # rows name someone): "-", as an agenda writes a row that deliberately has nobody.
                values["owner"] = "-"
                spans["owner"] = spans["title"]
        row = _Row(index + 1, self._span(index, lead, content_end), values, spans, depth)
        row.readings = readings
        row.day = len(self.days) - 1 if self.days else None
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

    def _title_cell(self, index: int, cell: _Cell, values: dict[str, Any], spans: dict[str, Span]) -> None:
        """The title cell: ``Speaker: *Title*`` gives the owner too; a link is its text; a trailing
        ``(20 mins)`` is the stated duration; ``<br>`` and the rest go to the note."""
        text, column = cell.text, cell.column
        speaker = _SPEAKER_TITLE.match(text)
        if speaker and "owner" not in values:
            values["owner"] = speaker["owner"].strip()
            spans["owner"] = self._span(index, column + speaker.start("owner"), column + speaker.end("owner"))
            rest = text[speaker.end() :]
            values["title"] = speaker["title"].strip()
            spans["title"] = self._span(index, column + speaker.start("title"), column + speaker.end("title"))
            if "duration" not in values:
                self._stated_minutes(index, _Cell(rest, column + speaker.end()), values, spans)
            return
        link = _LINK.fullmatch(text)
        if link:
            values["title"] = link["text"].strip()
            spans["title"] = self._span(index, column + link.start("text"), column + link.end("text"))
            return
        stated = _STATED_MINUTES.search(text)
        if stated and stated.start() > 0 and not text[stated.end() :].strip():
            head = text[: stated.start()].rstrip()
            if "duration" not in values:
                self._stated_minutes(index, cell, values, spans)
            head_link = _LINK.fullmatch(head)  # `[Talk](./talk.md) (15 mins)`: the link's text
            if head_link:
                values["title"] = head_link["text"].strip()
                spans["title"] = self._span(
                    index, column + head_link.start("text"), column + head_link.end("text")
                )
                return
            values["title"] = head
            spans["title"] = self._span(index, column, column + len(head))
            return
        values["title"] = text
        spans["title"] = self._span(index, column, column + len(text))

    def _stated_minutes(
        self, index: int, cell: _Cell, values: dict[str, Any], spans: dict[str, Span]
    ) -> bool:
        """``(20 mins + 5 mins Q&A)`` in a cell: the duration the row states, 25 minutes."""
        stated = _STATED_MINUTES.search(cell.text)
        if stated is None:
            return False
        numbers = [int(n) for n in re.findall(r"\d+", stated["inner"])]
        value: Any = stated["inner"].strip() if len(numbers) == 1 else sum(numbers)
        values["duration"] = value
        begin = cell.column + stated.start("inner")
        spans["duration"] = self._span(index, begin, cell.column + stated.end("inner"))
        return True

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
        sections = sorted({r.day for r in top if r.day is not None})
        if len(sections) >= 2 or any(r.values.get("room") for r in top):
            self._emit_days(top, sections)
            return
        self.data["segments"] = []
        self.doc.nodes[("segments",)] = Node(
            _cover([r.span for r in self.rows]), _cover([r.span for r in self.rows]), False
        )
        for i, row in enumerate(top):
            self._emit(row, ("segments", i), self.data["segments"])

    def _emit_days(self, top: list[_Row], sections: list[int]) -> None:
        """Day sections become ``days``: each its heading as the title, its date and weekday when the
        heading has them; a meeting line's slot applies to every day, its date to the first. A table
        with a room column and no day sections is one day (with tracks)."""
        whole = _cover([r.span for r in self.rows])
        self.data["days"] = []
        self.doc.nodes[("days",)] = Node(whole, whole, False)
        shared = {
            key: (self.data.pop(key), self.doc.nodes.pop((key,)))
            for key in ("date", "weekday", "slot")
            if key in self.data
        }
        first_rows = [r for r in top if r.day is None or not sections or r.day == sections[0]]
        for number, section in enumerate(sections or [None]):
            rows = first_rows if number == 0 else [r for r in top if r.day == section]
            at: DocPath = ("days", number)
            self.data["days"].append({})
            day = self.data["days"][number]
            own = self.days[section] if section is not None else None
            covered = [r.span for r in rows]
            if own is not None and own.title is not None:
                covered.append(self._span(*own.title))
            if own is not None and own.meeting is not None:
                covered.append(self._span(own.meeting, 0, len(self.lines[own.meeting].rstrip())))
            span = _cover(covered)
            self.doc.nodes[at] = Node(span, span, False)
            if own is not None and own.title is not None:
                line, begin, end = own.title
                title = self.lines[line][begin:end]
                self._put(at + ("title",), title, self._span(line, begin, end))
                # A day heading's date ("첫째 날 2026. 4. 9.(목)"); a day's own meeting line has its own.
                date = notation.find_date(title, self.language) if _DAY_SECTION.search(title) else None
                iso = self._section_date(line, begin, title, date)
                if date is not None and iso is not None:
                    d_begin, d_end = date.date_span
                    self._put(at + ("date",), iso, self._span(line, begin + d_begin, begin + d_end))
                    if date.weekday is not None and date.weekday_span is not None:
                        w_begin, w_end = date.weekday_span
                        self._put(
                            at + ("weekday",), date.weekday, self._span(line, begin + w_begin, begin + w_end)
                        )
            if own is not None and own.meeting is not None:
                self._day_meeting(own, at, rows)
            for key, (value, node) in shared.items():
                # The agenda's meeting line: its slot for every day that has no meeting line of its own
                # (the days under "## Day 1" headings), its date and weekday for the first day.
                if key not in day and (
                    number == 0 or (key == "slot" and (own is None or own.meeting is None))
                ):
                    self._put(at + (key,), value, node.inner)
            self._emit_day_rows(rows, at)

    def _day_meeting(self, section: _Section, at: DocPath, rows: list[_Row]) -> None:
        """A day's own meeting line: its date, weekday and slot, and a venue line of the day (between
        the meeting line and the day's first row) that is not the agenda's."""
        assert section.meeting is not None
        for index, value, start in self.later_when:
            if index == section.meeting:
                self._when(
                    index,
                    value,
                    start,
                    {key for key in ("date", "weekday") if key in self.data["days"][at[-1]]},
                    at,
                )
        first_row = min((r.line - 1 for r in rows), default=len(self.lines))
        agenda_venue = self.data.get("venue")
        for index, value, start in self.venues:
            if section.meeting < index < first_row:
                if value != agenda_venue:
                    self._put(at + ("venue",), value, self._span(index, start, start + len(value)))
                break

    def _meeting_line(self, index: int) -> None:
        """A meeting line in the text (0-based ``index``): after rows of the current day, it begins the
        next day (``render --format text`` of several days writes one per day, with no heading when
        the day has no title); right after a day heading, it is that day's."""
        current = len(self.days) - 1 if self.days else None
        if self.rows and self.rows[-1].day == current:
            if not self.days:  # the rows so far are the first meeting line's day
                first = next(
                    (i for i in range(self.rows[0].line - 1) if _overview_kind(self.lines[i]) == "when"),
                    self.rows[0].line - 1,
                )
                title = self._day_title(-1, first) if first < self.rows[0].line - 1 else None
                if title is not None and not any(line.strip() for line in self.lines[: title[0]]):
                    title = None  # the only heading above is the agenda's title, not the first day's
                self.days.append(_Section(first, title))
                for row in self.rows:
                    row.day = 0
            self.days.append(_Section(index, self._day_title(self.rows[-1].line - 1, index), index))
        elif self.days and self.days[-1].meeting is None:
            self.days[-1].meeting = index

    def _day_title(self, after: int, meeting: int) -> tuple[int, int, int] | None:
        """The heading right above a day's meeting line (``□ 둘째 날``; other overview lines and
        blank lines between them), below line ``after``: the day's title. A section name (``회의
        개요``) is none."""
        for index in range(meeting - 1, after, -1):
            line = self.lines[index]
            if not line.strip() or _overview_kind(line) is not None:
                continue
            heading = _HEADING.match(line)
            if heading is None or _GENERIC_HEADING.fullmatch(heading["title"].strip()):
                return None
            return (index, *heading.span("title"))
        return None

    def _emit_day_rows(self, rows: list[_Row], at: DocPath) -> None:
        """A day's rows: its ``segments``, or with a room column its ``tracks``, one per room in the
        order the rooms first appear. A row with no room (a break, a plenary) is in every room's
        track, in table order, so that no room shows a gap there; its owner is counted in the first
        track only (``"-"`` in the others: one person is not double-booked with themself), and its
        values are shared text, so a fix to one is a fix to all (unsafe, as for a YAML alias)."""
        day = self.data["days"][at[-1]]
        if not rows:
            return
        if not any(r.values.get("room") for r in rows):
            self._put(at + ("segments",), [], _cover([r.span for r in rows]))
            for i, row in enumerate(rows):
                self._emit(row, at + ("segments", i), day["segments"])
            return
        rooms: dict[str, list[_Row]] = {}
        for row in rows:
            if row.values.get("room"):
                rooms.setdefault(row.values["room"], []).append(row)
        everyone = [row for row in rows if not row.values.get("room")]
        copies: dict[int, list[DocPath]] = {}  # a row with no room → its paths, one a track
        self._put(at + ("tracks",), [], _cover([r.span for r in rows]))
        for t_index, (room, own) in enumerate(rooms.items()):
            members = sorted([*own, *everyone], key=lambda r: (r.span.line, r.span.column))
            track_at = at + ("tracks", t_index)
            day["tracks"].append({})
            span = _cover([r.span for r in members])
            self.doc.nodes[track_at] = Node(span, span, False)
            self._put(track_at + ("name",), room, own[0].spans["room"])
            self._put(track_at + ("segments",), [], span)
            for i, row in enumerate(members):
                segment_at = track_at + ("segments", i)
                if row.values.get("room"):
                    self._emit(row, segment_at, day["tracks"][t_index]["segments"])
                    continue
                first = id(row) not in copies
                shown = row if first or "owner" not in row.values else _nobody(row)
                self._emit(shown, segment_at, day["tracks"][t_index]["segments"], report=first)
                copies.setdefault(id(row), []).append(segment_at)
        for paths in copies.values():
            for name in ("start", "end", "duration", "title"):
                places = [path + (name,) for path in paths if path + (name,) in self.doc.nodes]
                if len(places) > 1:
                    for place in places:
                        self.doc.shared[place] = places

    def _section_date(
        self, line: int, begin: int, title: str, date: notation.DateReading | None
    ) -> str | None:
        """The ISO date of a day section's heading (``Day 1 (11/18/2024)``, ``첫째 날 4. 9.(목)``);
        None when it has none or when it is ambiguous (D003 says so, as for the meeting line)."""
        if date is None:
            return None
        d_begin, d_end = date.date_span
        printed = title[d_begin:d_end].strip()
        if date.ambiguous:
            message = T(
                "the date {value!r} can be read day first or month first; write it as {first} or {second}",
                value=printed,
                first=f"{date.year:04d}-{date.month:02d}-{date.day:02d}",
                second=f"{date.year:04d}-{date.day:02d}-{date.month:02d}",
            )
            self._problem(line, begin + d_begin, begin + d_end, message)
            return None
        if date.year is not None:
            return date.iso()
        year, code, reason = self._year_for(date, printed)
        if code is not None and reason is not None:
            self._problem(line, begin + d_begin, begin + d_end, reason, code)
        return date.iso(year)

    def _owner(self, at: DocPath, text: str, span: Span) -> None:
        """An owner cell: one name, or names separated by commas (``김진석, 유현아``), a list whose
        items keep their places in the cell."""
        names = _owner_names(text)
        if len(names) < 2:
            self._put(at, text, span)
            return
        self._put(at, [name for name, _ in names], span)
        for i, (name, begin) in enumerate(names):
            column = span.column + begin
            item = Span(span.line, column, span.line, column + len(name))
            self.doc.nodes[at + (i,)] = Node(item, item, False)

    def _emit(self, row: _Row, at: DocPath, into: list[Any], report: bool = True) -> None:
        """Put ``row`` at ``at``; ``report``: say its E005 (False for a copy of a row in another track)."""
        into.append({})
        self.doc.nodes[at] = Node(row.span, row.span, False)
        if row.unreadable is not None:
            message, span = row.unreadable
            if report:
                self.doc.problems.append(Problem("E005", at, message, span=span))
            self.doc.damaged.add(at)
        for name in ("start", "end", "duration", "title", "owner"):
            if name == "owner" and isinstance(row.values.get(name), str):
                self._owner(at + (name,), row.values[name], row.spans[name])
            elif name in row.values:
                self._put(at + (name,), row.values[name], row.spans[name])
                if name in ("start", "end") and row.time_style is not None:
                    self.doc.spelled[at + (name,)] = row.time_style
        if "kind" in row.values:  # a break named in the title ("점심 시간", "Coffee break")
            self._put(at + ("kind",), row.values["kind"], row.spans["title"])
        if row.note_lines:
            note = "; ".join(text for text, _ in row.note_lines)
            self._put(at + ("note",), note, _cover([span for _, span in row.note_lines]))
        if row.parts:
            self._put(at + ("parts",), [], _cover([p.span for p in row.parts]))
            segment: Any = self.data
            for step in at:
                segment = segment[step]
            for j, part in enumerate(row.parts):
                self._emit(part, at + ("parts", j), segment["parts"], report)


def _owner_names(text: str) -> list[tuple[str, int]]:
    """The names of an owner cell and where each begins: commas (``,``, ``，``, ``、``) outside
    brackets separate them, so ``보건복지부(제1차관, 복지정책관)`` is one name. Fewer than two
    names: ``[]`` (the cell is one owner, as written)."""
    names: list[tuple[str, int]] = []
    depth, begin = 0, 0
    for position, char in enumerate(f"{text},"):
        if char in "([{（［〔【":
            depth += 1
        elif char in ")]}）］〕】":
            depth = max(depth - 1, 0)
        elif char in ",，、" and (depth == 0 or position == len(text)):
            piece = text[begin:position]
            if piece.strip():
                names.append((piece.strip(), begin + len(piece) - len(piece.lstrip())))
            begin = position + 1
    return names if len(names) >= 2 else []


def _nobody(row: _Row) -> _Row:
    """``row`` with its owner written as ``"-"`` (a copy of a row for every room, in another track)."""
    return replace(row, values={**row.values, "owner": NOBODY_OWNER})


def _today() -> dt.date:
    """Today, for a date printed without a year when nothing else gives it (a seam for tests)."""
    return dt.date.today()


def _on(year: int, date: notation.DateReading) -> dt.date | None:
    """``date`` in ``year``; None when it does not exist then (29 February)."""
    try:
        return dt.date(year, date.month, date.day)
    except ValueError:
        return None


def _cover(spans: list[Span]) -> Span:
    first, last = (
        min(spans, key=lambda s: (s.line, s.column)),
        max(spans, key=lambda s: (s.end_line, s.end_column)),
    )
    return Span(first.line, first.column, last.end_line, last.end_column)


def _is_time_row(line: str, columns: _Columns | None) -> bool:
    """Whether a line of a table is a schedule row: its time cell starts with a time."""
    if columns is not None and _layout(line) != "spaces":
        cells = _cells(line)
        return columns.time < len(cells) and bool(_TIMEISH.match(cells[columns.time].text))
    return bool(_TIMEISH.match(line.strip().lstrip("|").strip()))


def _is_overview(line: str) -> bool:
    return _overview_kind(line) is not None


def _overview_kind(line: str) -> str | None:
    """What an overview line gives (``when``, ``venue``, ``people``), None for any other line."""
    match = _OVERVIEW.match(line)
    return _LABEL_KINDS.get(re.sub(r"\s+", "", match["a"] or match["b"] or "").lower()) if match else None


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


@dataclass
class _Columns:
    """What each column of a schedule table holds, by its index among the row's cells."""

    time: int
    roles: dict[
        int, str
    ]  # "title0" (most specific) … "title1", "owner", "duration", "number", "room", "note", "unlabelled"


def _role_of(columns: _Columns | None, position: int) -> str:
    if columns is None:  # no header: time, title, owner, then notes
        return {1: "title0", 2: "owner"}.get(position, "note")
    return columns.roles.get(position, "note")


def _header_columns(cells: list[_Cell]) -> _Columns | None:
    """The columns of a schedule table's header row, or None when this is not one.

    A header has a time column (``시간``, ``Time`` …) and a title column; a number column
    (``#``, ``연번``, ``No.``) may come first. Of several title columns the most specific holds
    the title (``주제`` before ``세부내용``); the others become the note.
    """
    texts = [_header_word(c.text) for c in cells]
    if len(texts) < 2:
        return None
    time = next((i for i, t in enumerate(texts) if _HEAD_TIME.fullmatch(t)), None)
    if time is None or any(texts[i] and _HEAD_NUMBER.fullmatch(texts[i]) is None for i in range(time)):
        return None
    roles: dict[int, str] = {}
    owner_seen = False
    for position, text in enumerate(texts):
        if position == time:
            continue
        if not text:
            roles[position] = "unlabelled"
        elif _HEAD_NUMBER.fullmatch(text):
            roles[position] = "number"
        elif _HEAD_TITLE.fullmatch(text):
            roles[position] = "title0"
        elif _HEAD_ITEM.fullmatch(text):
            roles[position] = "title1"
        elif _HEAD_DURATION.fullmatch(text):
            roles[position] = "duration"
        elif not owner_seen and _HEAD_OWNER.fullmatch(text):
            roles[position], owner_seen = "owner", True
        elif _HEAD_ROOM.fullmatch(text):
            roles[position] = "room"
    if not any(role.startswith("title") for role in roles.values()):
        return None
    if not owner_seen:
        for position, text in enumerate(texts):
            if position != time and position not in roles and _HEAD_REMARK.fullmatch(text):
                roles[position] = "owner"
                break
    return _Columns(time, roles)


def _header_word(text: str) -> str:
    return text.strip().strip("*_").strip()


def _time_at(
    line: str, pos: int
) -> tuple[int, dict[str, tuple[Any, tuple[int, int]]], dict[str, notation.ClockTime]] | None:
    """The row's time at ``pos``: where it ends, its values (as printed when ``HH:MM``/``H:MM``,
    else the ``HH:MM`` they mean, e.g. ``오후 2시`` → ``"14:00"``), and the readings."""
    found = notation.match_range(line, pos)
    if found is None:
        return None
    values: dict[str, tuple[Any, tuple[int, int]]] = {}
    readings: dict[str, notation.ClockTime] = {}
    for name, reading, span in (("start", found.start, found.start_span), ("end", found.end, found.end_span)):
        if reading is None or span is None:
            continue
        printed = line[span[0] : span[1]]
        values[name] = (printed if _PLAIN_CLOCK.fullmatch(printed) else reading.canonical, span)
        readings[name] = reading
    end = found.span[1]
    duration = _DURATION_AFTER.match(line, end)
    if duration:
        values["duration"] = (duration["duration"], duration.span("duration"))
        end = duration.end()
    return end, values, readings


def _mask_markup(lines: list[str]) -> list[str]:
    """The lines with what is not text blanked out (kept as spaces, so columns stay): HTML
    comments (a table left inside ``<!-- -->`` is not the schedule), YAML front matter, and
    ``<style>``/``<script>`` blocks."""
    masked = list(lines)
    if masked and masked[0].strip() == "---":
        for index in range(1, len(masked)):
            if masked[index].strip() in ("---", "..."):
                for blank in range(index + 1):
                    masked[blank] = " " * len(masked[blank])
                break
    inside: str | None = None  # the closing marker we are looking for
    for index, line in enumerate(masked):
        chars = list(line)
        position = 0
        while position < len(line):
            if inside is None:
                opening = _MARKUP_OPEN.search(line, position)
                if opening is None:
                    break
                inside = "-->" if opening.group() == "<!--" else f"</{opening['tag'].lower()}>"
                begin = opening.start()
                position = opening.end()
            else:
                begin = position
            closing = line.lower().find(inside, position)
            stop = len(line) if closing < 0 else closing + len(inside)
            chars[begin:stop] = " " * (stop - begin)
            position = stop
            if closing >= 0:
                inside = None
        if inside is not None and position >= len(line) and line and chars == list(line):
            chars = [" "] * len(line)
        masked[index] = "".join(chars)
    return masked
