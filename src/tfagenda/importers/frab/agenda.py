"""``Schedule`` → agenda data: the mapping the package's docstring describes, and the respellings."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tfagenda.clock import MINUTES_PER_DAY, format_time, parse_duration, parse_time
from tfagenda.findings import DocPath, Problem
from tfagenda.importers.frab.schedule import Day, Event, Schedule, unreadable
from tfagenda.yamldoc import Document, Node

GAP_POLICY = {"gap-tolerance": None}  # changeover gaps between talks are by design
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
        problems.append(unreadable(day.start.node, f"the day's start cannot be read: {error}"))
        return None
    try:
        end = _local(day.end.value, timezone)
    except ValueError as error:
        problems.append(unreadable(day.end.node, f"the day's end cannot be read: {error}"))
        return None
    start = start.replace(second=0, microsecond=0)
    if end.second or end.microsecond:
        end = end.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    length = (end - start).total_seconds() / 60
    if length <= 0:
        problems.append(
            unreadable(day.end.node, f"the day ends ({day.end.value}) before it starts ({day.start.value})")
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


def build(schedule: Schedule, document: Document) -> None:
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
            problems.append(unreadable(event.node, f"{label} has no {name}; it is left out of the check"))
            return None
        try:
            segment[name] = read(found.value)
        except ValueError as error:
            problems.append(
                unreadable(
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
                problems.append(unreadable(person.node, f"{label}: a person has neither an id nor a name"))
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
