"""The schedule as the JSON and XML readers read it: conference, days, rooms, events and persons,
each value with its place in the source (a ``Node``), before it becomes agenda data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tfagenda.findings import Problem, Span
from tfagenda.messages import Message, T
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import Node

# Where an event's persons keep their id, in the order tried (frab: id; pretalx: code; c3voc: guid).
PERSON_ID_KEYS = ("id", "code", "guid")
# The values of an event that become its fields (``Event.fields``), the agenda's segment is made of.
EVENT_FIELDS = ("start", "duration", "title", "type", "track", "date")


class ScheduleError(Exception):
    """The source cannot be read as a schedule at all (not JSON/XML, or not a schedule)."""

    def __init__(self, message: Message, span: Span) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


def too_many(lines: LineIndex, offset: int) -> ScheduleError:
    """More values than a YAML agenda may have (README, Robustness): not read further."""
    from tfagenda.yamldoc.limits import too_many_values

    return ScheduleError(too_many_values(), lines.span(offset, offset))


def unreadable(node: Node, message: Message) -> Problem:
    """E005 at ``node``: a part of the schedule that cannot be read."""
    return Problem("E005", (), message, span=node.span)


def event_label(ident: Any) -> Message:
    """How messages name an event: "event 10386" (행사 10386), or "an event" without an id."""
    return T("event {id}", id=str(ident)) if ident is not None else T("an event")


# A value's place in the source: its ``Node``, or a call that works the ``Node`` out when it is first
# needed. The XML reader gives calls: ``tfagenda import`` needs the places only of what it reports,
# and working out the 300,000 places of a 20,000-event schedule took a third of its time.
Place = Node | Callable[[], Node]


def _resolved(owner: Any, name: str) -> Any:
    """The ``Node`` of the ``Place`` in ``owner``'s field ``name`` (None if it is None), made once."""
    value = getattr(owner, name)
    if value is not None and type(value) is not Node:
        value = value()
        setattr(owner, name, value)
    return value


@dataclass
class Field:
    value: Any
    place: Place

    @property
    def node(self) -> Node:
        return _resolved(self, "place")


@dataclass
class Person:
    id: str | None
    name: str | None
    place: Place

    @property
    def node(self) -> Node:
        return _resolved(self, "place")


@dataclass
class Event:
    place: Place
    label: Message  # "event 10386" in messages (event_label)
    fields: dict[str, Field] = field(default_factory=dict)
    persons: list[Person] | None = None  # None: the source has no persons at all
    persons_place: Place | None = None

    @property
    def node(self) -> Node:
        return _resolved(self, "place")

    @property
    def persons_node(self) -> Node | None:
        return _resolved(self, "persons_place")


@dataclass
class Room:
    name: str
    place: Place
    name_place: Place
    events: list[Event] = field(default_factory=list)

    @property
    def node(self) -> Node:
        return _resolved(self, "place")

    @property
    def name_node(self) -> Node:
        return _resolved(self, "name_place")

    def elsewhere(self) -> Room:
        """A room of the same name and place, without events (for events moved to another day)."""
        return Room(self.name, self.place, self.name_place)


@dataclass
class Day:
    place: Place
    date: Field | None = None
    start: Field | None = None
    end: Field | None = None
    rooms: list[Room] = field(default_factory=list)
    rooms_place: Place | None = None

    @property
    def node(self) -> Node:
        return _resolved(self, "place")

    @property
    def rooms_node(self) -> Node | None:
        return _resolved(self, "rooms_place")


@dataclass
class Schedule:
    place: Place
    conference_place: Place
    title: Field | None = None
    acronym: Field | None = None
    timezone: Field | None = None
    # pentabarf/frab <day_change>: the clock time a conference day starts (and the next one
    # begins); the window of a day that gives no start and end of its own.
    day_change: Field | None = None
    days: list[Day] = field(default_factory=list)
    days_place: Place | None = None
    problems: list[Problem] = field(default_factory=list)
    # Events in the source, counted by the reader apart from where it found them: the agenda
    # builder compares it with what it placed, so that an unread layout is never silent.
    source_events: int = 0

    @property
    def node(self) -> Node:
        return _resolved(self, "place")

    @property
    def conference(self) -> Node:
        return _resolved(self, "conference_place")

    @property
    def days_node(self) -> Node | None:
        return _resolved(self, "days_place")
