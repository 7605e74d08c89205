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
    EVENT_FIELDS,
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
    unreadable,
)
from tfagenda.messages import Message, T
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
        span = self.lines.span(offset, offset + 1)
        return ScheduleError(
            T(
                "the file is not valid JSON: {what} at {line}:{column}",
                what=message,
                line=span.line,
                column=span.column,
            ),
            span,
        )

    def string_error(self, error: json.JSONDecodeError) -> ScheduleError:
        """The standard reader's message ("Invalid control character at") said whole, with where."""
        found = self.text[error.pos : error.pos + 1]
        what: str | Message
        if error.msg.startswith("Invalid control character"):
            what = (
                T("a raw line break inside a string (write it as \\n)")
                if found in "\r\n"
                else T("a raw control character inside a string (write it as \\u{code:04x})", code=ord(found))
            )
        elif error.msg.startswith("Unterminated string"):
            what = T("a string that is never closed")
        elif "escape" in error.msg:
            what = T("an invalid escape in a string")
        else:
            what = error.msg.removesuffix(" at").strip()
        return self.fail(what, error.pos)  # type: ignore[arg-type]

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
                raise self.string_error(error) from None
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
                raise self.string_error(error) from None
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
            T(
                "key {key!r} is given twice in one object; the second is ignored: remove one of them",
                key=at[-1],
            ),
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
    if isinstance(conference, dict) and isinstance(schedule.get("events"), list):  # type: ignore[union-attr]
        result = _schedule2(schedule, reader, at_field)  # type: ignore[arg-type]
        result.problems[:0] = problems
        result.source_events = _count_events(root)
        return result
    if not isinstance(conference, dict):
        raise ScheduleError(
            T("this JSON is not a frab/pretalx schedule: it has no schedule.conference object"),
            reader.node(()).span if () in reader.where else Span(1, 1, 1, 1),
        )
    result = Schedule(reader.node(()), reader.node(conference_at), problems=problems)
    result.source_events = _count_events(root)
    result.title = at_field(conference, conference_at, "title")
    result.acronym = at_field(conference, conference_at, "acronym")
    result.timezone = at_field(conference, conference_at, "time_zone_name")
    result.day_change = at_field(conference, conference_at, "day_change")
    days = conference.get("days")
    days_at = conference_at + ("days",)
    if days is None:
        return result
    result.days_place = days_node = reader.node(days_at)
    if not isinstance(days, list):
        result.problems.append(unreadable(days_node, T("days must be a list of days")))
        return result
    for d_index, raw_day in enumerate(days):
        day_at = days_at + (d_index,)
        if not isinstance(raw_day, dict):
            result.problems.append(
                unreadable(reader.node(day_at), T("day {n} is not an object", n=d_index + 1))
            )
            continue
        day = Day(reader.node(day_at))
        day.date = at_field(raw_day, day_at, "date")
        day.start = at_field(raw_day, day_at, "day_start")
        day.end = at_field(raw_day, day_at, "day_end")
        rooms = raw_day.get("rooms")
        rooms_at = day_at + ("rooms",)
        if rooms is not None:
            day.rooms_place = rooms_node = reader.node(rooms_at)
            if not isinstance(rooms, dict):
                result.problems.append(
                    unreadable(rooms_node, T("rooms of day {n} must be an object", n=d_index + 1))
                )
                rooms = {}
        for room_name, raw_events in (rooms or {}).items():
            room_at = rooms_at + (room_name,)
            room_node = reader.node(room_at)
            key_node = Node(room_node.key or room_node.span, room_node.key or room_node.span, False, None)
            room = Room(room_name, room_node, key_node)
            day.rooms.append(room)
            if not isinstance(raw_events, list):
                result.problems.append(
                    unreadable(room_node, T("room {room!r} must be a list of events", room=room_name))
                )
                continue
            for e_index, raw_event in enumerate(raw_events):
                event_at = room_at + (e_index,)
                if not isinstance(raw_event, dict):
                    result.problems.append(unreadable(reader.node(event_at), T("an event must be an object")))
                    continue
                room.events.append(_json_event(raw_event, event_at, reader, at_field, result.problems))
        result.days.append(day)
    return result


def _json_event(
    raw: dict[str, Any], at: DocPath, reader: _JsonReader, at_field: Any, problems: list[Problem]
) -> Event:
    ident = raw.get("id", raw.get("code", raw.get("guid")))
    event = Event(reader.node(at), event_label(ident))
    for name in EVENT_FIELDS:
        found = at_field(raw, at, name)
        if found is not None:
            event.fields[name] = found
    persons = raw.get("persons")
    if persons is not None and not isinstance(persons, list):
        problems.append(
            unreadable(
                reader.node(at + ("persons",)), T("{label}: persons must be a list", label=event.label)
            )
        )
    elif persons is not None:
        event.persons_place = reader.node(at + ("persons",))
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


def _count_events(value: Any) -> int:
    """Events anywhere in the data, apart from where a layout keeps them: objects with a title and a
    room, persons or duration (a conference, a day, a room or a track has none of these)."""
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "title" in item and ("room" in item or "persons" in item or "duration" in item):
                count += 1
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def _localised(value: Any) -> Any:
    """A schedule2 "localizable string": text, or a map of languages to text (English first)."""
    if isinstance(value, dict) and value:
        return value.get("en", next(iter(value.values())))
    return value


def _schedule2(schedule: dict[str, Any], reader: _JsonReader, at_field: Any) -> Schedule:
    """The c3voc/hub "schedule2" layout: events in ``schedule.events[]`` with ISO ``start``/``end``,
    rooms and persons referenced by guid, strings possibly localised maps."""
    import datetime as dt
    import zoneinfo

    conference_at: DocPath = ("schedule", "conference")
    conference = schedule["conference"]
    result = Schedule(reader.node(()), reader.node(conference_at))
    result.title = at_field(conference, conference_at, "title")
    result.acronym = at_field(conference, conference_at, "acronym")
    result.timezone = at_field(conference, conference_at, "time_zone_name")
    zone: dt.tzinfo | None = None
    if result.timezone is not None and isinstance(result.timezone.value, str):
        try:
            zone = zoneinfo.ZoneInfo(result.timezone.value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            zone = None

    def local(text: Any) -> dt.datetime | None:
        if not isinstance(text, str):
            return None
        try:
            moment = dt.datetime.fromisoformat(text.strip())
        except ValueError:
            return None
        if zone is not None and moment.tzinfo is not None:
            moment = moment.astimezone(zone)
        return moment.replace(tzinfo=None)

    room_names: dict[str, str] = {}
    for room in conference.get("rooms") or []:
        if isinstance(room, dict) and isinstance(room.get("guid"), str):
            room_names[room["guid"]] = str(_localised(room.get("name")) or room["guid"])
    days: list[tuple[Day, dt.datetime | None, dt.datetime | None, dict[str, Room]]] = []
    raw_days = conference.get("days")
    if isinstance(raw_days, list):
        result.days_place = reader.node(conference_at + ("days",))
        for d_index, raw_day in enumerate(raw_days):
            day_at = conference_at + ("days", d_index)
            if not isinstance(raw_day, dict):
                continue
            day = Day(reader.node(day_at))
            day.date = at_field(raw_day, day_at, "date")
            day.start = at_field(raw_day, day_at, "start")
            day.end = at_field(raw_day, day_at, "end")
            days.append((day, local(raw_day.get("start")), local(raw_day.get("end")), {}))
    events_at: DocPath = ("schedule", "events")
    for e_index, raw in enumerate(schedule["events"]):
        at = events_at + (e_index,)
        if not isinstance(raw, dict):
            result.problems.append(unreadable(reader.node(at), T("an event must be an object")))
            continue
        ident = raw.get("code", raw.get("guid"))
        event = Event(reader.node(at), event_label(ident))
        start, end = local(raw.get("start")), local(raw.get("end"))
        if "start" in raw:
            value = start.strftime("%H:%M") if start is not None else raw["start"]
            event.fields["start"] = Field(value, reader.node(at + ("start",)))
            event.fields["date"] = Field(raw["start"], reader.node(at + ("start",)))
        if start is not None and end is not None:
            event.fields["duration"] = Field(
                max(int((end - start).total_seconds() // 60), 0), reader.node(at + ("end",))
            )
        elif "duration" in raw:
            event.fields["duration"] = Field(_iso_duration(raw["duration"]), reader.node(at + ("duration",)))
        elif "end" in raw:
            event.fields["duration"] = Field(raw["end"], reader.node(at + ("end",)))
        for name in ("title", "type"):
            if name in raw:
                event.fields[name] = Field(_localised(raw[name]), reader.node(at + (name,)))
        track = raw.get("track")
        if isinstance(track, dict) and track.get("slug"):
            event.fields["track"] = Field(track["slug"], reader.node(at + ("track",)))
        participants = raw.get("participants", raw.get("persons"))
        if isinstance(participants, list):
            key = "participants" if "participants" in raw else "persons"
            event.persons_place = reader.node(at + (key,))
            event.persons = []
            for p_index, person in enumerate(participants):
                p_at = at + (key, p_index)
                if isinstance(person, dict):
                    ident_key = next((k for k in PERSON_ID_KEYS if person.get(k) not in (None, "")), None)
                    name = _localised(person.get("name", person.get("public_name")))
                    event.persons.append(
                        Person(
                            _text(person[ident_key]) if ident_key else None,
                            name if isinstance(name, str) and name else None,
                            reader.node(p_at + (ident_key,)) if ident_key else reader.node(p_at),
                        )
                    )
        room_ref = raw.get("room")
        if isinstance(room_ref, dict):
            guid = room_ref.get("guid")
            room_name = room_names.get(guid, "") if isinstance(guid, str) else ""
            room_name = room_name or str(_localised(room_ref.get("name")) or guid or "")
            room_node = reader.node(at + ("room",))
        else:
            room_name = room_ref if isinstance(room_ref, str) else ""
            room_node = reader.node(at + ("room",)) if "room" in raw else event.node
        # the day whose window holds the start, else the day of its date, else a new day
        home = None
        if start is not None:
            home = next((d for d in days if d[1] and d[2] and d[1] <= start < d[2]), None)
            if home is None:
                home = next(
                    (
                        d
                        for d in days
                        if d[0].date is not None and d[0].date.value == start.date().isoformat()
                    ),
                    None,
                )
            if home is None:
                day = Day(event.node)
                day.date = Field(start.date().isoformat(), event.fields["date"].node)
                home = (day, None, None, {})
                days.append(home)
        if home is None:
            home = days[0] if days else None
            if home is None:
                home = (Day(event.node), None, None, {})
                days.append(home)
        rooms = home[3]
        room = rooms.get(room_name)
        if room is None:
            room = rooms[room_name] = Room(room_name, room_node, room_node)
            home[0].rooms.append(room)
        room.events.append(event)
    days.sort(key=lambda d: str(d[0].date.value) if d[0].date is not None else "")
    result.days = [d[0] for d in days]
    return result


_ISO_DURATION = re.compile(r"P(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?")


def _iso_duration(value: Any) -> Any:
    """``PT1H30M`` → 90; any other value as it is (the builder reports what it cannot read)."""
    match = _ISO_DURATION.fullmatch(value) if isinstance(value, str) else None
    if not match or value in ("P", "PT"):
        return value
    return int(match["d"] or 0) * 1440 + int(match["h"] or 0) * 60 + int(match["m"] or 0)
