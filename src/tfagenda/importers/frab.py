"""frab / pretalx / c3voc conference schedules (schedule JSON and schedule.xml) → agenda data.

The mapping: the conference's title and ``time_zone_name`` become ``title`` and ``timezone``; each
day becomes one of ``days`` (its ``date``, and a ``slot`` from the day's start and end clock times,
``"09:00-04:00"`` when the day runs past midnight); each room of a day becomes a track, in the
schedule's order; each event becomes a segment with ``start`` and ``duration`` as the source writes
them, ``title``, ``owner`` (the persons' ids), ``kind`` (the event type) and ``note`` (its track).
Persons' names go to ``people``. Conference schedules leave changeover gaps between talks by
design, so the data carries ``policy: {gap-tolerance: null}``.

Nothing is corrected: overlapping talks in one room stay overlapping (S001), one speaker in two
rooms at once stays double-booked (O003). An event whose start or duration cannot be read is
reported (E005, at its line in the source) and left out, never dropped silently.

Positions: the JSON is read by a small reader here (``json`` itself keeps no positions) that
records the offset of every key and value; the XML is read with expat, which reports the line and
column of every element and text. Every path written into the data gets a ``Node`` with its span
in the source, so findings point at the source file's lines.

Two respellings, each the same value in the agenda format's notation: pretalx's ``D:HH:MM``
durations (``1:01:30``, one day and 90 minutes) become hours:minutes (``"25:30"``), and times with
seconds (``"11:00:00"``) lose the ``:00``. A start with seconds other than 00 is reported (E005).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from typing import Any

from tfagenda.clock import MINUTES_PER_DAY, format_time, parse_duration, parse_time
from tfagenda.findings import DocPath, Problem, Span
from tfagenda.yamldoc import MAX_DEPTH, MAX_EXPANDED_VALUES, Document, Node

FORMATS = ("frab-json", "frab-xml")
GAP_POLICY = {"gap-tolerance": None}  # changeover gaps between talks are by design
NO_ROOM = "(no room)"

_START = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?")
_DAY_DURATION = re.compile(r"(?P<d>\d+):(?P<h>\d{2}):(?P<m>\d{2})")  # pretalx: D:HH:MM for a day or more
_PERSON_ID_KEYS = ("id", "code", "guid")
_PERSON_NAME_KEYS = ("public_name", "name", "full_public_name")


def _too_many(lines: _Lines, offset: int) -> ScheduleError:
    """More values than a YAML agenda may have (README, Robustness): not read further."""
    from tfagenda.messages import Message

    return ScheduleError(
        Message("e001.too_many_values", limit=f"{MAX_EXPANDED_VALUES:,}"), lines.span(offset, offset)
    )


class ScheduleError(Exception):
    """The source cannot be read as a schedule at all (not JSON/XML, or not a schedule)."""

    def __init__(self, message: str, span: Span) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


# --- the schedule, as read from either format, with positions ---------------------------------


@dataclass
class Field:
    value: Any
    node: Node


@dataclass
class Person:
    id: str | None
    name: str | None
    node: Node


@dataclass
class Event:
    node: Node
    label: str  # "event 10386" in messages
    fields: dict[str, Field] = field(default_factory=dict)
    persons: list[Person] | None = None  # None: the source has no persons at all
    persons_node: Node | None = None


@dataclass
class Room:
    name: str
    node: Node
    name_node: Node
    events: list[Event] = field(default_factory=list)


@dataclass
class Day:
    node: Node
    date: Field | None = None
    start: Field | None = None
    end: Field | None = None
    rooms: list[Room] = field(default_factory=list)
    rooms_node: Node | None = None


@dataclass
class Schedule:
    node: Node
    conference: Node
    title: Field | None = None
    acronym: Field | None = None
    timezone: Field | None = None
    days: list[Day] = field(default_factory=list)
    days_node: Node | None = None
    problems: list[Problem] = field(default_factory=list)


# Line breaks as Document.lines counts them (and expat, and ruamel.yaml): "\r\n", "\n" or a lone "\r".
_BREAK = re.compile(r"\r\n|\r|\n")


class _Lines:
    """Offsets → 1-based line and column."""

    def __init__(self, text: str) -> None:
        breaks = list(_BREAK.finditer(text))
        self.starts = [0] + [match.end() for match in breaks]
        self.ends = [match.start() for match in breaks] + [len(text)]  # where each line's text ends
        self.length = len(text)

    def point(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))  # an error at the end of the text is there, not past it
        index = bisect.bisect_right(self.starts, offset) - 1
        # An offset inside a line break (between the "\r" and "\n" of "\r\n") is the line's end.
        return index + 1, min(offset, self.ends[index]) - self.starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        return Span(*self.point(start), *self.point(end))

    def offset(self, line: int, column: int) -> int:
        """1-based line, 0-based column (expat's) → offset."""
        return self.starts[min(line, len(self.starts)) - 1] + column


# --- JSON with positions ----------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_WORD = re.compile(r"[a-z]+")


class _JsonReader:
    """A strict JSON reader that records, for every value, its offsets (and its key's, in an object)."""

    def __init__(self, text: str, lines: _Lines) -> None:
        self.text = text
        self.lines = lines
        # path → (value start, value end, key start, key end); key offsets are -1 outside objects
        self.where: dict[DocPath, tuple[int, int, int, int]] = {}
        self.duplicates: list[tuple[DocPath, int, int]] = []

    def fail(self, message: str, offset: int) -> ScheduleError:
        return ScheduleError(f"the file is not valid JSON: {message}", self.lines.span(offset, offset + 1))

    def read(self) -> Any:
        start = _WS.match(self.text, 1 if self.text.startswith("\ufeff") else 0).end()  # type: ignore[union-attr]
        value, end = self.value(start, (), -1, -1, 0)
        end = _WS.match(self.text, end).end()  # type: ignore[union-attr]
        if end != len(self.text):
            raise self.fail("extra text after the end of the data", end)
        return value

    def value(self, pos: int, at: DocPath, key_start: int, key_end: int, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise self.fail(f"nested more than {MAX_DEPTH} levels deep", pos)
        if len(self.where) >= MAX_EXPANDED_VALUES:
            raise _too_many(self.lines, pos)
        text = self.text
        if pos >= len(text):
            raise self.fail("the data ends too early", max(pos - 1, 0))
        ch = text[pos]
        if ch == "{":
            value, end = self.object(pos, at, depth)
        elif ch == "[":
            value, end = self.array(pos, at, depth)
        elif ch == '"':
            try:
                value, end = json.decoder.scanstring(text, pos + 1, True)
            except json.JSONDecodeError as error:
                raise self.fail(error.msg, error.pos) from None
        else:
            match = _NUMBER.match(text, pos)
            word = _WORD.match(
                text, pos
            )  # not re.match(…, text[pos:]): copying the rest for every value is quadratic
            if word and word.group() in _LITERALS:
                value, end = _LITERALS[word.group()], pos + len(word.group())
            elif match:
                number = match.group()
                value = float(number) if any(c in number for c in ".eE") else int(number)
                end = match.end()
            else:
                raise self.fail(f"unexpected {ch!r}", pos)
        self.where[at] = (pos, end, key_start, key_end)
        return value, end

    def object(self, pos: int, at: DocPath, depth: int) -> tuple[dict[str, Any], int]:
        text = self.text
        result: dict[str, Any] = {}
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith("}", pos):
            return result, pos + 1
        while True:
            if not text.startswith('"', pos):
                raise self.fail("expected a key in double quotes", pos)
            try:
                key, key_end = json.decoder.scanstring(text, pos + 1, True)
            except json.JSONDecodeError as error:
                raise self.fail(error.msg, error.pos) from None
            key_start = pos
            pos = _WS.match(text, key_end).end()  # type: ignore[union-attr]
            if not text.startswith(":", pos):
                raise self.fail("expected ':' after a key", pos)
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            if key in result:
                # Read it (for errors) at a throwaway path, keep the first value: like YAML's E003.
                self.duplicates.append((at + (key,), key_start, key_end))
                _, pos = _JsonReader(text, self.lines).value(pos, (), -1, -1, depth + 1)
            else:
                result[key], pos = self.value(pos, at + (key,), key_start, key_end, depth + 1)
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            if text.startswith(",", pos):
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("}", pos):
                return result, pos + 1
            raise self.fail("expected ',' or '}' in an object", pos)

    def array(self, pos: int, at: DocPath, depth: int) -> tuple[list[Any], int]:
        text = self.text
        result: list[Any] = []
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            return result, pos + 1
        while True:
            item, pos = self.value(pos, at + (len(result),), -1, -1, depth + 1)
            result.append(item)
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            if text.startswith(",", pos):
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("]", pos):
                return result, pos + 1
            raise self.fail("expected ',' or ']' in a list", pos)

    def node(self, at: DocPath) -> Node:
        start, end, key_start, key_end = self.where[at]
        span = self.lines.span(start, end)
        inner = span
        if self.text.startswith('"', start) and end - start >= 2:
            inner = self.lines.span(start + 1, end - 1)
        key = self.lines.span(key_start, key_end) if key_start >= 0 else None
        return Node(span, inner, False, key)


def _read_json(text: str, lines: _Lines) -> Schedule:
    reader = _JsonReader(text, lines)
    root = reader.read()
    problems: list[Problem] = [
        Problem(
            "E003",
            at,
            f"key {at[-1]!r} is given twice in one object; the second is ignored: remove one of them",
            span=lines.span(start, end),
        )
        for at, start, end in reader.duplicates
    ]

    def at_field(container: Any, at: DocPath, name: str) -> Field | None:
        if isinstance(container, dict) and name in container:
            return Field(container[name], reader.node(at + (name,)))
        return None

    conference_at: DocPath = ("schedule", "conference")
    schedule = root.get("schedule") if isinstance(root, dict) else None
    conference = schedule.get("conference") if isinstance(schedule, dict) else None
    if not isinstance(conference, dict):
        raise ScheduleError(
            "this JSON is not a frab/pretalx schedule: it has no schedule.conference object",
            reader.node(()).span if () in reader.where else Span(1, 1, 1, 1),
        )
    result = Schedule(reader.node(()), reader.node(conference_at), problems=problems)
    result.title = at_field(conference, conference_at, "title")
    result.acronym = at_field(conference, conference_at, "acronym")
    result.timezone = at_field(conference, conference_at, "time_zone_name")
    days = conference.get("days")
    days_at = conference_at + ("days",)
    if days is None:
        return result
    result.days_node = reader.node(days_at)
    if not isinstance(days, list):
        result.problems.append(_unreadable(result.days_node, "days must be a list of days"))
        return result
    for d_index, raw_day in enumerate(days):
        day_at = days_at + (d_index,)
        if not isinstance(raw_day, dict):
            result.problems.append(_unreadable(reader.node(day_at), f"day {d_index + 1} is not an object"))
            continue
        day = Day(reader.node(day_at))
        day.date = at_field(raw_day, day_at, "date")
        day.start = at_field(raw_day, day_at, "day_start")
        day.end = at_field(raw_day, day_at, "day_end")
        rooms = raw_day.get("rooms")
        rooms_at = day_at + ("rooms",)
        if rooms is not None:
            day.rooms_node = reader.node(rooms_at)
            if not isinstance(rooms, dict):
                result.problems.append(
                    _unreadable(day.rooms_node, f"rooms of day {d_index + 1} must be an object")
                )
                rooms = {}
        for room_name, raw_events in (rooms or {}).items():
            room_at = rooms_at + (room_name,)
            room_node = reader.node(room_at)
            key_node = Node(room_node.key or room_node.span, room_node.key or room_node.span, False, None)
            room = Room(room_name, room_node, key_node)
            day.rooms.append(room)
            if not isinstance(raw_events, list):
                result.problems.append(_unreadable(room_node, f"room {room_name!r} must be a list of events"))
                continue
            for e_index, raw_event in enumerate(raw_events):
                event_at = room_at + (e_index,)
                if not isinstance(raw_event, dict):
                    result.problems.append(_unreadable(reader.node(event_at), "an event must be an object"))
                    continue
                room.events.append(_json_event(raw_event, event_at, reader, at_field, result.problems))
        result.days.append(day)
    return result


def _json_event(
    raw: dict[str, Any], at: DocPath, reader: _JsonReader, at_field: Any, problems: list[Problem]
) -> Event:
    ident = raw.get("id", raw.get("code", raw.get("guid")))
    event = Event(reader.node(at), f"event {ident}" if ident is not None else "an event")
    for name in ("start", "duration", "title", "subtitle", "type", "track", "date", "room"):
        found = at_field(raw, at, name)
        if found is not None:
            event.fields[name] = found
    persons = raw.get("persons")
    if persons is not None and not isinstance(persons, list):
        problems.append(_unreadable(reader.node(at + ("persons",)), f"{event.label}: persons must be a list"))
    elif persons is not None:
        event.persons_node = reader.node(at + ("persons",))
        event.persons = []
        for p_index, person in enumerate(persons):
            p_at = at + ("persons", p_index)
            if isinstance(person, dict):
                id_key = next((k for k in _PERSON_ID_KEYS if person.get(k) not in (None, "")), None)
                name_key = next((k for k in _PERSON_NAME_KEYS if person.get(k) not in (None, "")), None)
                node = reader.node(p_at + (id_key,)) if id_key else reader.node(p_at)
                event.persons.append(
                    Person(
                        _text(person[id_key]) if id_key else None,
                        _text(person[name_key]) if name_key else None,
                        node,
                    )
                )
            elif isinstance(person, str):  # a bare name
                event.persons.append(Person(None, person, reader.node(p_at)))
            else:
                event.persons.append(Person(None, None, reader.node(p_at)))
    return event


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


# --- XML with positions -----------------------------------------------------------------------


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    start: int  # offset of "<"
    children: list[_Element] = field(default_factory=list)
    text: str = ""
    text_start: int = -1
    text_end: int = -1  # offset of the closing tag's "<"

    def child(self, tag: str) -> _Element | None:
        return next((c for c in self.children if c.tag == tag), None)


class _XmlReader:
    def __init__(self, text: str, lines: _Lines) -> None:
        self.text = text
        self.lines = lines

    def read(self) -> _Element:
        parser = xml.parsers.expat.ParserCreate()
        stack: list[_Element] = []
        root: list[_Element] = []

        def here() -> int:
            return self.lines.offset(parser.CurrentLineNumber, parser.CurrentColumnNumber)

        elements = [0]

        def start(tag: str, attrs: dict[str, str]) -> None:
            elements[0] += 1
            if elements[0] > MAX_EXPANDED_VALUES:
                raise _too_many(self.lines, here())
            element = _Element(tag, attrs, here())
            if stack:
                stack[-1].children.append(element)
            else:
                root.append(element)
            stack.append(element)

        def end(tag: str) -> None:
            element = stack.pop()
            element.text_end = here()

        def data(chunk: str) -> None:
            if stack:
                element = stack[-1]
                if element.text_start < 0:
                    element.text_start = here()
                element.text += chunk

        def refuse_entities(*_: Any) -> None:
            # Entity declarations are how XML bombs and external-file reads work; a schedule has none.
            raise ScheduleError(
                "the XML declares entities, which a schedule does not need; remove the DOCTYPE's entity declarations",
                self.lines.span(here(), here() + 1),
            )

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = data
        parser.EntityDeclHandler = refuse_entities
        try:
            parser.Parse(self.text, True)
        except xml.parsers.expat.ExpatError as error:
            at = self.lines.offset(error.lineno, error.offset)
            message = xml.parsers.expat.ErrorString(error.code)
            raise ScheduleError(
                f"the file is not valid XML: {message}", self.lines.span(at, at + 1)
            ) from None
        return root[0]

    def node(self, element: _Element, key: bool = False) -> Node:
        """The element's span: from its tag to its end; ``inner`` is its text, stripped."""
        tag_end = self.text.find(">", element.start)
        tag_span = self.lines.span(element.start, tag_end + 1 if tag_end >= 0 else element.start + 1)
        if element.text_start >= 0 and element.text.strip():
            raw = self.text[element.text_start : element.text_end]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            inner = self.lines.span(element.text_start + lead, element.text_end - trail)
            return Node(inner, inner, False, tag_span)
        return Node(tag_span, tag_span, False, tag_span if key else None)

    def attr_node(self, element: _Element, name: str) -> Node:
        """The span of an attribute's value inside the start tag (the tag, if it cannot be found)."""
        tag_end = self.text.find(">", element.start)
        tag = self.text[element.start : tag_end if tag_end >= 0 else len(self.text)]
        match = re.search(r"\s" + re.escape(name) + r"\s*=\s*([\"'])(.*?)\1", tag, re.DOTALL)
        if not match:
            return self.node(element)
        key_span = self.lines.span(
            element.start + match.start() + 1, element.start + match.start() + 1 + len(name)
        )
        value_span = self.lines.span(element.start + match.start(1), element.start + match.end(1) + 1)
        inner = self.lines.span(element.start + match.start(2), element.start + match.end(2))
        return Node(value_span, inner, False, key_span)


def _read_xml(text: str, lines: _Lines) -> Schedule:
    reader = _XmlReader(text, lines)
    root = reader.read()
    if root.tag != "schedule":
        raise ScheduleError(
            f"this XML is not a frab/pretalx schedule: its root element is <{root.tag}>, not <schedule>",
            reader.node(root).key or reader.node(root).span,
        )
    conference = root.child("conference")
    result = Schedule(reader.node(root), reader.node(conference if conference is not None else root))

    def element_field(parent: _Element | None, tag: str) -> Field | None:
        found = parent.child(tag) if parent is not None else None
        return Field(found.text.strip(), reader.node(found)) if found is not None else None

    def attr_field(element: _Element, name: str) -> Field | None:
        if name not in element.attrs:
            return None
        return Field(element.attrs[name].strip(), reader.attr_node(element, name))

    result.title = element_field(conference, "title")
    result.acronym = element_field(conference, "acronym")
    result.timezone = element_field(conference, "time_zone_name")
    days = [c for c in root.children if c.tag == "day"]
    if days:
        result.days_node = reader.node(days[0])
    for element in days:
        day = Day(reader.node(element, key=True))
        day.date = attr_field(element, "date")
        day.start = attr_field(element, "start")
        day.end = attr_field(element, "end")
        for room_element in (c for c in element.children if c.tag == "room"):
            name = room_element.attrs.get("name", "")
            name_node = reader.attr_node(room_element, "name")
            room = Room(name, reader.node(room_element, key=True), name_node)
            day.rooms.append(room)
            for event_element in (c for c in room_element.children if c.tag == "event"):
                room.events.append(_xml_event(event_element, reader, element_field))
        result.days.append(day)
    return result


def _xml_event(element: _Element, reader: _XmlReader, element_field: Any) -> Event:
    ident = element.attrs.get("id", element.attrs.get("code", element.attrs.get("guid")))
    event = Event(reader.node(element, key=True), f"event {ident}" if ident is not None else "an event")
    for name in ("start", "duration", "title", "subtitle", "type", "track", "date", "room"):
        found = element_field(element, name)
        if found is not None:
            event.fields[name] = found
    persons = element.child("persons")
    if persons is not None:
        event.persons_node = reader.node(persons, key=True)
        event.persons = []
        for person in (c for c in persons.children if c.tag == "person"):
            id_key = next((k for k in _PERSON_ID_KEYS if person.attrs.get(k, "").strip()), None)
            node = reader.attr_node(person, id_key) if id_key else reader.node(person)
            name = person.text.strip() or None
            event.persons.append(Person(person.attrs[id_key].strip() if id_key else None, name, node))
    return event


# --- schedule → agenda data -------------------------------------------------------------------


def _unreadable(node: Node, message: str) -> Problem:
    return Problem("E005", (), message, span=node.span)


def _local(text: Any, timezone: str | None) -> dt.datetime:
    """A day's start or end as a local datetime (in the conference's time zone when it has one)."""
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a date and time such as 2019-08-21T09:00:00+02:00")
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date and time such as 2019-08-21T09:00:00+02:00") from None
    if timezone and moment.tzinfo is not None:
        import zoneinfo

        try:
            moment = moment.astimezone(zoneinfo.ZoneInfo(timezone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            pass  # the model reports the bad time zone; read the clock time as written
    return moment.replace(tzinfo=None)


def _slot(day: Day, timezone: str | None, problems: list[Problem]) -> str | None:
    """``"HH:MM-HH:MM"`` from the day's start and end; None when there is none to write.

    The start is read to the minute below, the end to the minute above (pretalx ends a day at
    23:59:59: the slot is "00:00-24:00"). A day of 24 hours or more has no slot in the agenda
    format (unless it is exactly midnight to midnight), so it gets none.
    """
    if day.start is None or day.end is None:
        return None
    try:
        start = _local(day.start.value, timezone)
    except ValueError as error:
        problems.append(_unreadable(day.start.node, f"the day's start cannot be read: {error}"))
        return None
    try:
        end = _local(day.end.value, timezone)
    except ValueError as error:
        problems.append(_unreadable(day.end.node, f"the day's end cannot be read: {error}"))
        return None
    start = start.replace(second=0, microsecond=0)
    if end.second or end.microsecond:
        end = end.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    length = (end - start).total_seconds() / 60
    if length <= 0:
        problems.append(
            _unreadable(day.end.node, f"the day ends ({day.end.value}) before it starts ({day.start.value})")
        )
        return None
    first = start.hour * 60 + start.minute
    if length >= MINUTES_PER_DAY:
        return "00:00-24:00" if length == MINUTES_PER_DAY and first == 0 else None
    last = first + int(length)
    return f"{format_time(first)}-{'24:00' if last == MINUTES_PER_DAY else format_time(last)}"


def _start(value: Any) -> str:
    """The event's start as the agenda format writes it (``"11:00:00"`` → ``"11:00"``); ValueError if unreadable."""
    if not isinstance(value, str):
        raise ValueError(f'{value!r} is not a time; the schedule writes times as "HH:MM"')
    text = value.strip()
    match = _START.fullmatch(text)
    if match and match["s"] is not None:
        if match["s"] != "00":
            raise ValueError(f"{value!r} has seconds; tfagenda reads times to the minute")
        text = f"{match['h']}:{match['m']}"
    parse_time(text)
    return text


def _duration(value: Any) -> Any:
    """The event's duration as the agenda format writes it; pretalx's ``D:HH:MM`` → hours:minutes."""
    if isinstance(value, str):
        match = _DAY_DURATION.fullmatch(value.strip())
        if match:
            if int(match["m"]) > 59 or int(match["h"]) > 23:
                raise ValueError(f"{value!r} is not a duration in pretalx's D:HH:MM form")
            return f"{int(match['d']) * 24 + int(match['h']):02d}:{match['m']}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    parse_duration(value)
    return value


def _build(schedule: Schedule, document: Document) -> None:
    nodes = document.nodes
    problems = document.problems
    problems.extend(schedule.problems)
    conference = schedule.conference
    nodes[()] = schedule.node
    data: dict[str, Any] = {}
    title = (
        schedule.title
        if schedule.title is not None and schedule.title.value not in (None, "")
        else schedule.acronym
    )
    if title is not None:
        data["title"] = title.value
        nodes[("title",)] = title.node
    timezone: str | None = None
    if schedule.timezone is not None and schedule.timezone.value not in (None, ""):
        data["timezone"] = schedule.timezone.value
        nodes[("timezone",)] = schedule.timezone.node
        timezone = schedule.timezone.value if isinstance(schedule.timezone.value, str) else None
    data["policy"] = dict(GAP_POLICY)
    nodes[("policy",)] = conference
    nodes[("policy", "gap-tolerance")] = conference
    people: dict[str, dict[str, str]] = {}
    days: list[dict[str, Any]] = []
    data["people"] = people
    data["days"] = days
    if schedule.days_node is not None:
        nodes[("days",)] = schedule.days_node
    for day in schedule.days:
        d_at: DocPath = ("days", len(days))
        entry: dict[str, Any] = {}
        nodes[d_at] = day.node
        date = day.date.value if day.date is not None else None
        date_node = day.date.node if day.date is not None else None
        if date in (None, "") and isinstance(day.start.value if day.start else None, str):
            date, date_node = day.start.value.strip()[:10], day.start.node  # type: ignore[union-attr]
        if date not in (None, ""):
            entry["date"] = date
            nodes[d_at + ("date",)] = date_node  # type: ignore[assignment]
        slot = _slot(day, timezone, problems)
        if slot is not None:
            entry["slot"] = slot
            nodes[d_at + ("slot",)] = day.start.node  # type: ignore[union-attr]
        tracks: list[dict[str, Any]] = []
        entry["tracks"] = tracks
        nodes[d_at + ("tracks",)] = day.rooms_node or day.node
        for room in day.rooms:
            t_at = d_at + ("tracks", len(tracks))
            segments: list[dict[str, Any]] = []
            tracks.append({"name": room.name.strip() or NO_ROOM, "segments": segments})
            nodes[t_at] = room.node
            nodes[t_at + ("name",)] = room.name_node
            nodes[t_at + ("segments",)] = room.node
            for event in room.events:
                segment = _segment(event, t_at + ("segments", len(segments)), nodes, people, problems)
                if segment is not None:
                    segments.append(segment)
        days.append(entry)
    if not people:
        del data["people"]
    document.data = data


def _segment(
    event: Event,
    at: DocPath,
    nodes: dict[DocPath, Node],
    people: dict[str, dict[str, str]],
    problems: list[Problem],
) -> dict[str, Any] | None:
    fields = event.fields
    title = fields["title"].value if "title" in fields else None
    label = f"{event.label} ({title!r})" if isinstance(title, str) and title else event.label
    segment: dict[str, Any] = {}
    for name, read in (("start", _start), ("duration", _duration)):
        found = fields.get(name)
        if found is None:
            problems.append(_unreadable(event.node, f"{label} has no {name}; it is left out of the check"))
            return None
        try:
            segment[name] = read(found.value)
        except ValueError as error:
            problems.append(
                _unreadable(
                    found.node,
                    f"{label}: the {name} cannot be read: {error}; the event is left out of the check",
                )
            )
            return None
    nodes[at] = event.node
    nodes[at + ("start",)] = fields["start"].node
    nodes[at + ("duration",)] = fields["duration"].node
    if "title" in fields:
        segment["title"] = title
        nodes[at + ("title",)] = fields["title"].node
    if event.persons is not None:
        owners: list[str] = []
        for person in event.persons:
            ident = person.id or person.name
            if ident is None:
                problems.append(_unreadable(person.node, f"{label}: a person has neither an id nor a name"))
                continue
            nodes[at + ("owner", len(owners))] = person.node
            owners.append(ident)
            entry = people.setdefault(ident, {})
            if person.name and "name" not in entry:
                entry["name"] = person.name
        segment["owner"] = owners if owners else "-"  # the source lists nobody: deliberately nobody
        nodes[at + ("owner",)] = event.persons_node or event.node
    kind = fields.get("type")
    if kind is not None and isinstance(kind.value, str) and kind.value.strip():
        segment["kind"] = kind.value
        nodes[at + ("kind",)] = kind.node
    track = fields.get("track")
    if track is not None and isinstance(track.value, str) and track.value.strip():
        segment["note"] = track.value
        nodes[at + ("note",)] = track.node
    return segment


def read(text: str, path: str, format: str) -> Document:
    """A frab/pretalx/c3voc schedule (``format`` "frab-json" or "frab-xml") → a Document in the agenda format."""
    if format not in FORMATS:
        raise ValueError(f"frab reads {' and '.join(FORMATS)}, not {format!r}")
    document = Document(path=path, text=text)
    lines = _Lines(text)
    try:
        schedule = _read_json(text, lines) if format == "frab-json" else _read_xml(text, lines)
    except ScheduleError as error:
        document.problems.append(Problem("E005", (), error.message, span=error.span))
        return document
    _build(schedule, document)
    return document
