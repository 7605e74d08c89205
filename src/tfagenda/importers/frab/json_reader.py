"""frab/pretalx schedule JSON → ``Schedule``, with the place of every key and value.

``json`` itself keeps no positions, so a small strict reader here records the offsets of every
value (and its key's, in an object); ``json.decoder.scanstring`` reads the strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from tfagenda.findings import DocPath, Problem, Span
from tfagenda.importers.frab.schedule import (
    PERSON_ID_KEYS,
    Day,
    Event,
    Field,
    Person,
    Room,
    Schedule,
    ScheduleError,
    too_many,
    unreadable,
)
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import MAX_DEPTH, MAX_EXPANDED_VALUES, Node

# The standard library's JSON string reader (C), which typeshed does not list.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_PERSON_NAME_KEYS = ("public_name", "name", "full_public_name")
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_WORD = re.compile(r"[a-z]+")


class _JsonReader:
    """A strict JSON reader that records, for every value, its offsets (and its key's, in an object)."""

    def __init__(self, text: str, lines: LineIndex) -> None:
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
            raise too_many(self.lines, pos)
        text = self.text
        if pos >= len(text):
            raise self.fail("the data ends too early", max(pos - 1, 0))
        ch = text[pos]
        value: Any
        if ch == "{":
            value, end = self.object(pos, at, depth)
        elif ch == "[":
            value, end = self.array(pos, at, depth)
        elif ch == '"':
            try:
                value, end = _scanstring(text, pos + 1, True)
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
                key, key_end = _scanstring(text, pos + 1, True)
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


def read_json(text: str, lines: LineIndex) -> Schedule:
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
        result.problems.append(unreadable(result.days_node, "days must be a list of days"))
        return result
    for d_index, raw_day in enumerate(days):
        day_at = days_at + (d_index,)
        if not isinstance(raw_day, dict):
            result.problems.append(unreadable(reader.node(day_at), f"day {d_index + 1} is not an object"))
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
                    unreadable(day.rooms_node, f"rooms of day {d_index + 1} must be an object")
                )
                rooms = {}
        for room_name, raw_events in (rooms or {}).items():
            room_at = rooms_at + (room_name,)
            room_node = reader.node(room_at)
            key_node = Node(room_node.key or room_node.span, room_node.key or room_node.span, False, None)
            room = Room(room_name, room_node, key_node)
            day.rooms.append(room)
            if not isinstance(raw_events, list):
                result.problems.append(unreadable(room_node, f"room {room_name!r} must be a list of events"))
                continue
            for e_index, raw_event in enumerate(raw_events):
                event_at = room_at + (e_index,)
                if not isinstance(raw_event, dict):
                    result.problems.append(unreadable(reader.node(event_at), "an event must be an object"))
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
        problems.append(unreadable(reader.node(at + ("persons",)), f"{event.label}: persons must be a list"))
    elif persons is not None:
        event.persons_node = reader.node(at + ("persons",))
        event.persons = []
        for p_index, person in enumerate(persons):
            p_at = at + ("persons", p_index)
            if isinstance(person, dict):
                id_key = next((k for k in PERSON_ID_KEYS if person.get(k) not in (None, "")), None)
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
