"""Calendars (iCalendar, ``.ics``): read as agendas, and compared with agendas (``--calendar``).

``tfagenda check team.ics`` reads a calendar into the agenda format (``read_bytes``): one day per
date (in the calendar's own zone), one track per ``LOCATION`` (events without one share a track;
a calendar with no locations at all has no tracks), one segment per busy, timed event of less
than a day, recurring events expanded, its owners the event's attendees (a room, a resource or a
declined invitation is not one) or ``"-"``. Overlaps in one place are S001, a person in two
places at once is O003; gaps and the order of events mean nothing in a calendar (policy as for
frab). All-day events, free (``TRANSP:TRANSPARENT``, Outlook's ``FREE``) and cancelled events
and events of a day or more are not segments (an event of 0 minutes is, and T004 says so). Findings point at the
event's own lines (``DTSTART``, ``SUMMARY``, ``ATTENDEE``…); a recurring event's occurrences all
point at the event that defines them.

Calendars checked together are not compared with each other or with agendas for O003 across files:
a meeting is in each of its attendees' calendars, and would be a double booking with itself.
``check agenda.yaml --calendar kim=kim.ics`` compares kim's segments with kim's busy events
(``clashes``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from tfagenda.calendars.events import CalendarEvent, CalendarFile, looks_like_calendar, read_calendar
from tfagenda.clock import format_time
from tfagenda.findings import DocPath, Problem, Span
from tfagenda.messages import T
from tfagenda.yamldoc import Document, Node

POLICY = {"gap-tolerance": None, "time-order": False}
NO_LOCATION = "(no location)"
UNTITLED = "(no title)"
MAX_SEGMENT_MINUTES = 24 * 60 - 1  # a day or more is not a meeting: it is not compared


class CalendarDocument(Document):
    """A calendar read as an agenda. Its meetings are also in the calendars of their other attendees,
    so it is not compared with the other files checked (O003 across files): ``--calendar`` does that."""

    from_calendar: ClassVar[bool] = True


def read(text: str, path: str, format: str = "ics") -> Document:
    """The importer entry (``tfagenda.importers``): calendar text → a Document in the agenda format."""
    return read_bytes(text.encode("utf-8", errors="surrogatepass"), path)


def read_bytes(raw: bytes, path: str) -> Document:
    """An .ics file's bytes → a Document in the agenda format, its nodes at the file's lines."""
    calendar = read_calendar(raw, path)
    document = CalendarDocument(path=path, text=calendar.text)
    document.problems.extend(calendar.problems)
    if calendar.vevents == 0 and not calendar.problems:
        message = T("the calendar has no events: there is nothing to check")
        document.problems.append(Problem("E005", (), message, span=calendar.root_span))
        return document
    if calendar.vevents == 0:
        return document
    build(calendar, document)
    return document


def placed_minutes(event: CalendarEvent) -> tuple[str, int] | None:
    """The event as a segment's start (``"HH:MM"``) and duration in minutes; None when it is not one."""
    if event.all_day or not event.busy:
        return None
    start = event.start.replace(second=0, microsecond=0)
    end = event.end.replace(second=0, microsecond=0)
    if end.tzinfo is not None and start.tzinfo is not None:
        minutes = int((end - start).total_seconds() // 60)
    else:
        minutes = int((end.replace(tzinfo=None) - start.replace(tzinfo=None)).total_seconds() // 60)
    if minutes < 0 or minutes > MAX_SEGMENT_MINUTES:  # 0 minutes: a slip T004 reports
        return None
    return format_time(start.hour * 60 + start.minute), minutes


def build(calendar: CalendarFile, document: Document) -> None:
    nodes = document.nodes
    root = Node(calendar.root_span, None, False)
    nodes[()] = root
    data: dict[str, Any] = {"title": calendar.title}
    nodes[("title",)] = Node(calendar.title_span, None, False)
    if calendar.timezone:
        data["timezone"] = calendar.timezone
        nodes[("timezone",)] = Node(calendar.timezone_span, None, False)
    data["policy"] = dict(POLICY)
    nodes[("policy",)] = root
    for key in POLICY:
        nodes[("policy", key)] = root
    placed = [(event, found) for event in calendar.events if (found := placed_minutes(event)) is not None]
    with_tracks = any(event.location for event, _ in placed)
    by_day: dict[dt.date, dict[str, list[tuple[CalendarEvent, tuple[str, int]]]]] = {}
    for event, found in placed:
        track = (event.location or NO_LOCATION) if with_tracks else ""
        by_day.setdefault(event.start.date(), {}).setdefault(track, []).append((event, found))
    days: list[dict[str, Any]] = []
    data["days"] = days
    nodes[("days",)] = root
    for date in sorted(by_day):
        d_at: DocPath = ("days", len(days))
        first_event = next(iter(by_day[date].values()))[0][0]
        entry: dict[str, Any] = {"date": date}
        nodes[d_at] = root
        nodes[d_at + ("date",)] = Node(first_event.where("DTSTART"), None, False)
        days.append(entry)
        if not with_tracks:
            entry["segments"] = _segments(by_day[date][""], d_at + ("segments",), nodes, root)
            continue
        tracks: list[dict[str, Any]] = []
        entry["tracks"] = tracks
        nodes[d_at + ("tracks",)] = root
        for name in sorted(by_day[date], key=lambda n: (n == NO_LOCATION, n.casefold())):
            t_at = d_at + ("tracks", len(tracks))
            items = by_day[date][name]
            nodes[t_at] = root
            location = items[0][0].source.first("LOCATION")
            nodes[t_at + ("name",)] = Node(
                location.span if location else items[0][0].where("LOCATION"), None, False
            )
            tracks.append({"name": name, "segments": _segments(items, t_at + ("segments",), nodes, root)})
    if not days:
        # Only all-day, free or cancelled events (a holiday calendar): nothing to check, and nothing wrong.
        document.damaged.add(("days",))
    document.data = data


def _segments(
    items: list[tuple[CalendarEvent, tuple[str, int]]], at: DocPath, nodes: dict[DocPath, Node], root: Node
) -> list[dict[str, Any]]:
    nodes[at] = root
    segments: list[dict[str, Any]] = []
    for event, (start, minutes) in items:
        s_at = at + (len(segments),)
        segment: dict[str, Any] = {"title": event.summary or UNTITLED, "start": start, "duration": minutes}
        nodes[s_at] = Node(event.source.span, None, False)
        nodes[s_at + ("title",)] = Node(event.where("SUMMARY"), None, False)
        nodes[s_at + ("start",)] = Node(event.where("DTSTART"), None, False)
        ends = event.source.first("DTEND") or event.source.first("DURATION")
        nodes[s_at + ("duration",)] = Node(ends.span if ends else event.where("DTSTART"), None, False)
        owners = list(dict.fromkeys(name for name, _ in event.attendees))
        if owners:
            segment["owner"] = owners
            spans: dict[str, Span] = {}
            for name, span in event.attendees:
                spans.setdefault(name, span)
            for index, name in enumerate(owners):
                nodes[s_at + ("owner", index)] = Node(spans[name], None, False)
            nodes[s_at + ("owner",)] = Node(event.attendees[0][1], None, False)
        else:
            segment["owner"] = "-"
            nodes[s_at + ("owner",)] = Node(event.where("SUMMARY"), None, False)
        segments.append(segment)
    return segments


__all__ = [
    "CalendarEvent",
    "CalendarFile",
    "Span",
    "looks_like_calendar",
    "read",
    "read_bytes",
    "read_calendar",
]
