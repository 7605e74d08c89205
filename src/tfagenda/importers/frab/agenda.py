"""``Schedule`` → agenda data: the mapping the package's docstring describes, and the respellings."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from tfagenda.clock import MINUTES_PER_DAY, format_time, parse_duration, parse_time
from tfagenda.findings import DocPath, Problem
from tfagenda.importers.frab.schedule import Day, Event, Field, Person, Room, Schedule, unreadable
from tfagenda.messages import Message, T
from tfagenda.yamldoc import Document, Node

# Changeover gaps between talks are by design, and the order events are listed in means nothing.
POLICY = {"gap-tolerance": None, "time-order": False}
NO_ROOM = "(no room)"

_START = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?")
_DAY_DURATION = re.compile(r"(?P<d>\d+):(?P<h>\d{2}):(?P<m>\d{2})")  # pretalx: D:HH:MM for a day or more


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


def _slot(day: Day, timezone: str | None, problems: list[Problem], day_change: int | None) -> str | None:
    """``"HH:MM-HH:MM"`` from the day's start and end; None when there is none to write.

    The start is read to the minute below, the end to the minute above (pretalx ends a day at
    23:59:59: the slot is "00:00-24:00"). A day of 24 hours or more has no slot in the agenda
    format (unless it is exactly midnight to midnight), so it gets none. A day without start and
    end runs from the conference's ``day_change`` to the next one (FOSDEM until 2020: 09:00 →
    09:00, the slot ``"09:00-08:59"``, as FOSDEM's own later exports write such a day).
    """
    if day.start is None or day.end is None:
        if day.start is None and day.end is None and day_change is not None:
            return _day_slot(day_change)
        return None
    try:
        start = _local(day.start.value, timezone)
    except ValueError as error:
        problems.append(
            unreadable(day.start.node, T("the day's start cannot be read: {error}", error=str(error)))
        )
        return None
    try:
        end = _local(day.end.value, timezone)
    except ValueError as error:
        problems.append(
            unreadable(day.end.node, T("the day's end cannot be read: {error}", error=str(error)))
        )
        return None
    start = start.replace(second=0, microsecond=0)
    if end.second or end.microsecond:
        end = end.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    length = (end - start).total_seconds() / 60
    first = start.hour * 60 + start.minute
    if length <= 0:
        # A day that ends at or before its start (jev22: 09:00 → 09:00 the same day) is a 24-hour day.
        length = MINUTES_PER_DAY
    if length >= MINUTES_PER_DAY:
        return _day_slot(first) if length == MINUTES_PER_DAY else None
    last = first + int(length)
    return f"{format_time(first)}-{'24:00' if last == MINUTES_PER_DAY else format_time(last)}"


def _day_slot(first: int) -> str:
    """The slot of a 24-hour day starting at ``first``: 24 hours from a time other than midnight
    end at the minute before the start, so that an event after midnight stays on its day (the
    agenda format's slots are shorter than a day)."""
    if first == 0:
        return "00:00-24:00"
    return f"{format_time(first)}-{format_time(first - 1)}"


def _day_change(schedule: Schedule, problems: list[Problem]) -> int | None:
    """The conference's ``day_change`` clock time in minutes; None when it gives none (E005 if unreadable)."""
    found = schedule.day_change
    if found is None or found.value in (None, ""):
        return None
    try:
        return parse_time(_start(found.value))
    except ValueError as error:
        problems.append(
            unreadable(
                found.node,
                T(
                    "the conference's day_change cannot be read: {error}; days without a start and end get no slot",
                    error=str(error),
                ),
            )
        )
        return None


def _start(value: Any) -> str:
    """The event's start as the agenda format writes it (``"11:00:00"`` → ``"11:00"``); ValueError if unreadable."""
    if not isinstance(value, str):
        raise ValueError(f'{value!r} is not a time; the schedule writes times as "HH:MM"')
    return _start_text(value)


# A schedule says the same times, durations and dates again and again (every room starts at 09:00):
# each text is read once (a ValueError is not kept: the next reading raises it again).
@lru_cache(maxsize=4096)
def _start_text(value: str) -> str:
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
    if type(value) is str:
        return _duration_text(value)
    return _duration_other(value)


@lru_cache(maxsize=4096)
def _duration_text(value: str) -> Any:
    return _duration_other(value)


def _duration_other(value: Any) -> Any:
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


def _written_date(event: Event) -> dt.date | None:
    """The calendar date the event's ``<date>`` is written with (beside its wall-clock ``<start>``)."""
    found = event.fields.get("date")
    if found is None or not isinstance(found.value, str):
        return None
    return _calendar_date(found.value)


@lru_cache(maxsize=4096)
def _calendar_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _clock_of(event: Event) -> int | None:
    found = event.fields.get("start")
    if found is None:
        return None
    if not isinstance(found.value, str):
        return None  # not a time (``_start``)
    return _clock_text(found.value)


@lru_cache(maxsize=4096)
def _clock_text(value: str) -> int | None:
    """The minutes of an event's ``<start>``; None if unreadable."""
    try:
        return parse_time(_start_text(value))
    except ValueError:
        return None


def _window(day: Day, timezone: str | None, day_change: int | None) -> tuple[dt.datetime, dt.datetime] | None:
    """The day's window as local datetimes: its start and end (a day that ends at or before its
    start is 24 hours), else 24 hours from ``day_change`` on its date; None without either."""
    if day.start is not None and day.end is not None:
        try:
            start, end = _local(day.start.value, timezone), _local(day.end.value, timezone)
        except ValueError:
            return None
        return start, (end if end > start else start + dt.timedelta(days=1))
    if day.start is None and day.end is None and day_change is not None and day.date is not None:
        try:
            date = dt.date.fromisoformat(str(day.date.value).strip()[:10])
        except ValueError:
            return None
        start = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=day_change)
        return start, start + dt.timedelta(days=1)
    return None


def _rehome_by_window(schedule: Schedule, windows: list[tuple[dt.datetime, dt.datetime]]) -> None:
    """Put each event on the day whose window holds its start (its ``<date>``'s calendar date with its
    ``<start>``), or, between two windows, on the nearer one.

    Exporters list an event after midnight either under the day it belongs to (c3voc: 03:00 on
    the 28th under the 27th) or under its calendar date (35C3's Chaos West stage: 00:00 on the
    28th under the 28th, whose window starts at 11:00); the window says which day it is.
    """
    days = schedule.days
    for listed, day in enumerate(days):
        first, last = windows[listed]
        for room in day.rooms:
            keep = []
            for event in room.events:
                own, clock = _written_date(event), _clock_of(event)
                if own is None or clock is None:
                    keep.append(event)
                    continue
                moment = _at(own, clock)
                if first <= moment < last:  # in its own day's window: nearest of all (``_away``)
                    keep.append(event)
                    continue
                home = days[min(range(len(days)), key=lambda i: _away(windows[i], moment, i != listed))]
                if home is day:
                    keep.append(event)
                    continue
                _move_to(home, room, event)
            room.events[:] = keep


@lru_cache(maxsize=4096)
def _at(date: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=minutes)


def _away(
    window: tuple[dt.datetime, dt.datetime], moment: dt.datetime, elsewhere: bool
) -> tuple[dt.timedelta, bool]:
    """How far ``moment`` is from ``window`` (inside it: nearest of all); a tie stays where listed."""
    start, end = window
    if start <= moment < end:
        return dt.timedelta(-1), elsewhere
    return (start - moment if moment < start else moment - end), elsewhere


def _rehome(schedule: Schedule, timezone: str | None, day_change: int | None) -> None:
    """Put each event on the day of its own ``<date>``, when the schedule lists it under another.

    When every day has a window (its start and end, or ``day_change``), the window decides
    (``_rehome_by_window``). Otherwise, by calendar date:

    An event stays on its day when its date is the day's, or the next one and it starts before the
    day's start time (after midnight on a day that runs past it). Otherwise it moves to the day of
    its date (a room of the same name there), if the schedule has that day: an exporter that wrote
    the days' dates in UTC lists evening events under the wrong date.
    """
    windows = [_window(day, timezone, day_change) for day in schedule.days]
    if len(windows) >= 2 and all(w is not None for w in windows):
        _rehome_by_window(schedule, windows)  # type: ignore[arg-type]
        return
    dated: dict[dt.date, Day] = {}
    for day in schedule.days:
        value = day.date.value if day.date is not None else None
        try:
            dated.setdefault(dt.date.fromisoformat(str(value).strip()[:10]), day)
        except ValueError:
            continue
    if len(dated) < 2:
        return
    for date, day in list(dated.items()):
        first = _day_start_clock(day, timezone)
        for room in day.rooms:
            keep = []
            for event in room.events:
                own, clock = _written_date(event), _clock_of(event)
                after_midnight = (
                    own == date + dt.timedelta(days=1) and clock is not None and clock < (first or 0)
                )
                home = dated.get(own) if own is not None else None
                if own is None or own == date or after_midnight or home is None or home is day:
                    keep.append(event)
                    continue
                _move_to(home, room, event)
            room.events[:] = keep


def _move_to(home: Day, room: Room, event: Event) -> None:
    """Put ``event``, listed under ``room`` of another day, in the room of that name on ``home``
    (made there if the day has none)."""
    target = next((r for r in home.rooms if r.name == room.name), None)
    if target is None:
        target = room.elsewhere()
        home.rooms.append(target)
    target.events.append(event)


def _day_start_clock(day: Day, timezone: str | None) -> int | None:
    if day.start is None:
        return None
    try:
        start = _local(day.start.value, timezone)
    except ValueError:
        return None
    return start.hour * 60 + start.minute


def _moment(value: Any, timezone: str | None) -> dt.datetime | None:
    """An event's ``<date>`` as a local datetime, or None when it is only a date or unreadable."""
    if not isinstance(value, str) or "T" not in value:
        return None
    return _moment_text(value, timezone)


@lru_cache(maxsize=4096)
def _moment_text(value: str, timezone: str | None) -> dt.datetime | None:
    try:
        written = dt.datetime.fromisoformat(value.strip())
        if written.time() == dt.time(0, 0):
            return None  # "2026-07-01T00:00:00+02:00": a date written as midnight, not a time
        return _local(value, timezone)
    except ValueError:
        return None


class _People:
    """Who each listed person is: their id *and* name within this source.

    Merged schedules reuse ids across their sources (35C3's "everything" schedule gives id 0 to
    108 names), so an id with several names is several people: each such person's key is the id
    with a number (``0#2``); an id with one name stays the id.
    """

    def __init__(self, schedule: Schedule) -> None:
        self.names: dict[str, list[str]] = {}
        self.first: dict[str, Person] = {}  # the first person listed with each id
        for day in schedule.days:
            for room in day.rooms:
                for event in room.events:
                    for person in event.persons or ():
                        if person.id is None:
                            continue
                        names = self.names.get(person.id)
                        if names is None:
                            names = self.names[person.id] = []
                            self.first[person.id] = person
                        if person.name and person.name not in names:
                            names.append(person.name)

    def key(self, ident: str | None, name: str | None) -> str | None:
        if ident is None:
            return name
        names = self.names.get(ident, [])
        if len(names) <= 1 or name is None:
            return ident
        return f"{ident}#{names.index(name) + 1}"

    def reused(self) -> list[tuple[str, int]]:
        """Ids given to several names, most names first."""
        found = [(ident, len(names)) for ident, names in self.names.items() if len(names) > 1]
        return sorted(found, key=lambda item: -item[1])


def _reused_ids_problem(people: _People, schedule: Schedule) -> Problem | None:
    reused = people.reused()
    if not reused:
        return None
    shown = ", ".join(f"{ident!r} ({count} names)" for ident, count in reused[:5])
    return Problem(
        "O004",
        (),
        T(
            "{count} person ids are each used for several names ({shown}{more}): each name is read as its own person, and the id is written with a number (0#2)",
            count=len(reused),
            shown=shown,
            more=T(", and {n} more", n=len(reused) - 5) if len(reused) > 5 else "",
        )
        if len(reused) > 1
        else T(
            "person id {ident!r} is used for {count} different names: each name is read as its own person, and the id is written with a number ({ident}#2)",
            ident=reused[0][0],
            count=reused[0][1],
        ),
        span=people.first[reused[0][0]].node.span,
    )


def build(schedule: Schedule, document: Document, places: bool = True) -> None:
    """Agenda data from ``schedule`` into ``document``; ``places``: with the source place of every
    value (``document.nodes``, which a check needs), else only of what is reported."""
    nodes = document.nodes if places else None
    problems = document.problems
    problems.extend(schedule.problems)
    if nodes is not None:
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
        if nodes is not None:
            nodes[("title",)] = title.node
    timezone: str | None = None
    if schedule.timezone is not None and schedule.timezone.value not in (None, ""):
        data["timezone"] = schedule.timezone.value
        if nodes is not None:
            nodes[("timezone",)] = schedule.timezone.node
        timezone = schedule.timezone.value if isinstance(schedule.timezone.value, str) else None
    data["policy"] = dict(POLICY)
    if nodes is not None:
        nodes[("policy",)] = conference
        for key in POLICY:
            nodes[("policy", key)] = conference
    day_change = _day_change(schedule, problems)
    _rehome(schedule, timezone, day_change)
    person_keys = _People(schedule)
    people: dict[str, dict[str, str]] = {}
    days: list[dict[str, Any]] = []
    data["people"] = people
    data["days"] = days
    if nodes is not None and schedule.days_node is not None:
        nodes[("days",)] = schedule.days_node
    clocks: list[tuple[Event, Field, int]] = []  # events whose <date> has a time: (event, date, minutes off)
    placed = rejected = 0
    for day in schedule.days:
        d_at: DocPath = ("days", len(days))
        entry: dict[str, Any] = {}
        if nodes is not None:
            nodes[d_at] = day.node
        date = day.date.value if day.date is not None else None
        date_field = day.date
        if date in (None, "") and isinstance(day.start.value if day.start else None, str):
            date, date_field = day.start.value.strip()[:10], day.start  # type: ignore[union-attr]
        if date in (None, ""):
            date, date_field = _date_of_events(day, timezone)
        if date not in (None, ""):
            entry["date"] = date
            if nodes is not None:
                nodes[d_at + ("date",)] = date_field.node  # type: ignore[union-attr]
        slot = _slot(day, timezone, problems, day_change)
        if slot is not None:
            entry["slot"] = slot
            if nodes is not None:
                slot_field = day.start if day.start is not None else schedule.day_change
                nodes[d_at + ("slot",)] = slot_field.node  # type: ignore[union-attr]
        tracks: list[dict[str, Any]] = []
        entry["tracks"] = tracks
        if nodes is not None:
            nodes[d_at + ("tracks",)] = day.rooms_node or day.node
        for room in day.rooms:
            t_at = d_at + ("tracks", len(tracks))
            segments: list[dict[str, Any]] = []
            tracks.append({"name": room.name.strip() or NO_ROOM, "segments": segments})
            if nodes is not None:
                nodes[t_at] = room.node
                nodes[t_at + ("name",)] = room.name_node
                nodes[t_at + ("segments",)] = room.node
            for event in room.events:
                segment = _segment(
                    event, t_at + ("segments", len(segments)), nodes, people, person_keys, problems
                )
                if segment is None:
                    rejected += 1  # reported at the event by _segment
                else:
                    segments.append(segment)
                    placed += 1
                    if "date" in event.fields:
                        _clock(event, segment, timezone, clocks)
        days.append(entry)
    problems.extend(_clock_problems(clocks))
    reused = _reused_ids_problem(person_keys, schedule)
    if reused is not None:
        problems.append(reused)
    problems.extend(_count_problems(schedule, placed, rejected))
    if not people:
        del data["people"]
    document.data = data


def _count_problems(schedule: Schedule, placed: int, rejected: int) -> list[Problem]:
    """E005 when fewer events are placed than the source holds and the events that cannot be read
    (each reported at its line) do not explain it: never silent, never clean when nothing is placed."""
    total = schedule.source_events
    if placed == 0 and rejected == 0 and total == 0:
        return [unreadable(schedule.node, T("the schedule has no events: there is nothing to check"))]
    if placed + rejected >= total:
        return []
    return [
        unreadable(
            schedule.node,
            T(
                "{placed} of the {total} events in the source are placed; {missing} are left out of the check (an event that cannot be read is reported at its line; the others are not in a day and room of this layout)",
                placed=placed,
                total=total,
                missing=total - placed,
            )
            if placed
            else T(
                "none of the {total} events in the source could be placed: this layout of the schedule is not one tfagenda reads",
                total=total,
            ),
        )
    ]


def _date_of_events(day: Day, timezone: str | None) -> tuple[str | None, Field | None]:
    """A day without a date: the earliest calendar date its events' own ``<date>`` give."""
    for room in day.rooms:
        for event in room.events:
            found = event.fields.get("date")
            if found is not None and isinstance(found.value, str) and len(found.value.strip()) >= 10:
                moment = _moment(found.value, timezone)
                return (moment.date().isoformat() if moment else found.value.strip()[:10]), found
    return None, None


def _clock(event: Event, segment: dict[str, Any], timezone: str | None, clocks: list) -> None:
    found = event.fields.get("date")
    moment = _moment(found.value, timezone) if found is not None else None
    if moment is None or found is None:
        return
    start = _clock_text(segment["start"])
    assert start is not None  # the segment's start was read
    off = (moment.hour * 60 + moment.minute - start) % MINUTES_PER_DAY
    clocks.append((event, found, off))


def _clock_problems(clocks: list[tuple[Event, Field, int]]) -> list[Problem]:
    """D002: an event's ``<date>`` and ``<start>`` disagree; the ``<start>`` (wall-clock) is used.

    When every event disagrees by the same amount, the exporter wrote local times with a wrong
    offset (wafer: ``+00:00``): one finding for the file rather than one per event.
    """
    offsets = {off for _, _, off in clocks}
    if not clocks or offsets == {0}:
        return []
    if len(offsets) == 1 and len(clocks) > 1:
        event, found, off = clocks[0]
        return [
            Problem(
                "D002",
                (),
                T(
                    "every event's <date> is {off} from its <start> ({date} for {start}): the offset is taken to be wrong, and the <start> times are used",
                    off=_signed(off),
                    date=found.value,
                    start=event.fields["start"].value,
                ),
                span=found.node.span,
            )
        ]
    problems = []
    for event, found, off in clocks:
        if off:
            problems.append(
                Problem(
                    "D002",
                    (),
                    T(
                        "{event}: its <date> {date} says {clock}, its <start> says {start}; the <start> is used",
                        event=event.label,
                        date=found.value,
                        clock=format_time(
                            (parse_time(event.fields["start"].value[:5]) + off) % MINUTES_PER_DAY
                        )
                        if isinstance(event.fields["start"].value, str)
                        else "?",
                        start=event.fields["start"].value,
                    ),
                    span=found.node.span,
                )
            )
    return problems


def _signed(minutes: int) -> str:
    if minutes > MINUTES_PER_DAY // 2:
        minutes -= MINUTES_PER_DAY
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60}:{minutes % 60:02d}"


def _segment(
    event: Event,
    at: DocPath,
    nodes: dict[DocPath, Node] | None,
    people: dict[str, dict[str, str]],
    person_keys: _People,
    problems: list[Problem],
) -> dict[str, Any] | None:
    fields = event.fields
    title = fields["title"].value if "title" in fields else None

    def label() -> Message:
        if isinstance(title, str) and title:
            return T("{event} ({title!r})", event=event.label, title=title)
        return event.label

    segment: dict[str, Any] = {}
    for name, read in (("start", _start), ("duration", _duration)):
        found = fields.get(name)
        if found is None:
            problems.append(
                unreadable(
                    event.node,
                    T("{label} has no {name}; it is left out of the check", label=label(), name=name),
                )
            )
            return None
        try:
            segment[name] = read(found.value)
        except ValueError as error:
            problems.append(
                unreadable(
                    found.node,
                    T(
                        "{label}: the {name} cannot be read: {error}; the event is left out of the check",
                        label=label(),
                        name=name,
                        error=str(error),
                    ),
                )
            )
            return None
    if nodes is not None:
        nodes[at] = event.node
        nodes[at + ("start",)] = fields["start"].node
        nodes[at + ("duration",)] = fields["duration"].node
    if "title" in fields:
        segment["title"] = title
        if nodes is not None:
            nodes[at + ("title",)] = fields["title"].node
    owners: list[str] = []
    for person in event.persons or ():
        ident = person_keys.key(person.id, person.name)
        if ident is None:
            problems.append(
                unreadable(person.node, T("{label}: a person has neither an id nor a name", label=label()))
            )
            continue
        if ident in owners:
            continue  # the same person listed twice on one event is one owner
        if nodes is not None:
            nodes[at + ("owner", len(owners))] = person.node
        owners.append(ident)
        entry = people.get(ident)
        if entry is None:
            entry = people[ident] = {}
        if person.name and "name" not in entry:
            entry["name"] = person.name
    # no persons (meals, breaks) or an empty list: deliberately nobody, like owner: "-"
    segment["owner"] = owners if owners else "-"
    if nodes is not None:
        nodes[at + ("owner",)] = event.persons_node or event.node
    kind = fields.get("type")
    if kind is not None and isinstance(kind.value, str) and kind.value.strip():
        segment["kind"] = kind.value
        if nodes is not None:
            nodes[at + ("kind",)] = kind.node
    track = fields.get("track")
    if track is not None and isinstance(track.value, str) and track.value.strip():
        segment["note"] = track.value
        if nodes is not None:
            nodes[at + ("note",)] = track.node
    return segment
