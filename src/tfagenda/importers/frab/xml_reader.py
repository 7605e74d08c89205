"""frab/c3voc schedule.xml → ``Schedule``, with the place of every element, attribute and text.

expat reports the line and column of every element and text; entity declarations (XML bombs,
external files) are refused.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from tfagenda.importers.frab.schedule import (
    PERSON_ID_KEYS,
    Day,
    Event,
    Field,
    Person,
    Room,
    Schedule,
    ScheduleError,
    event_label,
    too_many,
)
from tfagenda.messages import T
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import MAX_EXPANDED_VALUES, Node
from tfagenda.yamldoc.document import Where


@dataclass(slots=True)
class _Element:
    tag: str
    attrs: dict[str, str]
    start: int  # offset of "<"
    children: list[_Element] = field(default_factory=list)
    text: str = ""
    text_start: int = -1
    text_end: int = -1  # offset of the closing tag's "<"

    def child(self, tag: str) -> _Element | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None


class _XmlReader:
    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text = text
        self.lines = lines
        self.events = 0  # <event> elements anywhere in the file
        self.plain_lines = "\r" not in text and not lines.skip_bom

    def read(self) -> _Element:
        parser = xml.parsers.expat.ParserCreate()
        stack: list[_Element] = []
        root: list[_Element] = []

        # ``LineIndex.offset_of_line1_column0``, inline: it runs twice for every element.
        starts = self.lines.starts
        line_count = len(starts)

        def here() -> int:
            line = parser.CurrentLineNumber
            return starts[(line if line < line_count else line_count) - 1] + parser.CurrentColumnNumber

        elements = [0]

        def start(tag: str, attrs: dict[str, str]) -> None:
            elements[0] += 1
            if tag == "event":
                self.events += 1
            if elements[0] > MAX_EXPANDED_VALUES:
                raise too_many(self.lines, here())
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
                T(
                    "the XML declares entities, which a schedule does not need; remove the DOCTYPE's entity"
                    " declarations"
                ),
                self.lines.span(here(), here() + 1),
            )

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = data
        parser.EntityDeclHandler = refuse_entities
        try:
            parser.Parse(self.text, True)
        except xml.parsers.expat.ExpatError as error:
            at = self.lines.offset_of_line1_column0(error.lineno, error.offset)
            message = xml.parsers.expat.ErrorString(error.code)
            span = self.lines.span(at, at + 1)
            raise ScheduleError(
                T(
                    "the file is not valid XML: {what} at {line}:{column}",
                    what=message,
                    line=span.line,
                    column=span.column,
                ),
                span,
            ) from None
        return root[0]

    def _where(self, start: int, end: int) -> Where:
        """The span from offset ``start`` to ``end``, as the tuple ``Node`` makes a ``Span`` of when
        it is read (most never are: a 20,000-event schedule has 300,000)."""
        lines = self.lines
        if self.plain_lines:  # no "\r" (no place inside a "\r\n"), columns count every character
            starts = lines.starts
            line = bisect_right(starts, start)
            end_line = bisect_right(starts, end)
            return (line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1)
        return (*lines.line1_column1(start), *lines.line1_column1(end))

    def node(self, element: _Element, key: bool = False) -> Node:
        """The element's span: from its tag to its end; ``inner`` is its text, stripped."""
        tag_end = self.text.find(">", element.start)
        tag_span = self._where(element.start, tag_end + 1 if tag_end >= 0 else element.start + 1)
        if element.text_start >= 0 and element.text.strip():
            raw = self.text[element.text_start : element.text_end]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            inner = self._where(element.text_start + lead, element.text_end - trail)
            return Node(inner, inner, False, tag_span)
        return Node(tag_span, tag_span, False, tag_span if key else None)

    def attr_node(self, element: _Element, name: str) -> Node:
        """The span of an attribute's value inside the start tag (the tag, if it cannot be found)."""
        tag_end = self.text.find(">", element.start)
        tag = self.text[element.start : tag_end if tag_end >= 0 else len(self.text)]
        match = re.search(r"\s" + re.escape(name) + r"\s*=\s*([\"'])(.*?)\1", tag, re.DOTALL)
        if not match:
            return self.node(element)
        key_span = self._where(
            element.start + match.start() + 1, element.start + match.start() + 1 + len(name)
        )
        value_span = self._where(element.start + match.start(1), element.start + match.end(1) + 1)
        inner = self._where(element.start + match.start(2), element.start + match.end(2))
        return Node(value_span, inner, False, key_span)


def read_xml(text: str, lines: LineIndex) -> Schedule:
    reader = _XmlReader(text, lines)
    root = reader.read()
    if root.tag != "schedule":
        raise ScheduleError(
            T(
                "this XML is not a frab/pretalx schedule: its root element is <{tag}>, not <schedule>",
                tag=root.tag,
            ),
            reader.node(root).key or reader.node(root).span,
        )
    conference = root.child("conference")
    result = Schedule(reader.node(root), reader.node(conference if conference is not None else root))
    result.source_events = reader.events

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
    result.day_change = element_field(conference, "day_change")
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
        # The old pentabarf layout (FOSDEM until 2012): events are children of the day, listed by
        # time across rooms, and the room is only the event's <room>. Rooms in order of first use.
        by_room: dict[str, Room] = {}
        for event_element in (c for c in element.children if c.tag == "event"):
            where = event_element.child("room")
            room_name = where.text.strip() if where is not None else ""
            found = by_room.get(room_name)
            if found is None:
                name_node = reader.node(where) if where is not None else reader.node(event_element)
                found = by_room[room_name] = Room(room_name, reader.node(event_element, key=True), name_node)
                day.rooms.append(found)
            found.events.append(_xml_event(event_element, reader, element_field))
        result.days.append(day)
    return result


def _xml_event(element: _Element, reader: _XmlReader, element_field: Any) -> Event:
    ident = element.attrs.get("id", element.attrs.get("code", element.attrs.get("guid")))
    event = Event(reader.node(element, key=True), event_label(ident))
    for name in ("start", "duration", "title", "subtitle", "type", "track", "date", "room"):
        found = element_field(element, name)
        if found is not None:
            event.fields[name] = found
    persons = element.child("persons")
    if persons is not None:
        event.persons_node = reader.node(persons, key=True)
        event.persons = []
        for person in (c for c in persons.children if c.tag == "person"):
            id_key = next((k for k in PERSON_ID_KEYS if person.attrs.get(k, "").strip()), None)
            node = reader.attr_node(person, id_key) if id_key else reader.node(person)
            # <person id="38">Name</person>, or the name in a child (<name>, <public_name>)
            named = person.child("public_name") or person.child("name") or person.child("full_public_name")
            person_name = " ".join((named.text if named is not None else person.text).split()) or None
            event.persons.append(Person(person.attrs[id_key].strip() if id_key else None, person_name, node))
    return event
