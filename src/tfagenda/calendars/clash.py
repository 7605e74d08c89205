"""``check agenda.yaml --calendar kim=kim.ics``: kim's segments against kim's own calendar (O003).

A segment is kim's by the rules O003 uses within a file: its owner is kim's id in ``people``, one
of kim's aliases or kim's name, or, when the owner is no entry of ``people``, the owner written
as ``kim``. Each such segment that overlaps a busy event of the calendar is one O003 at the
segment's ``owner:``, naming the event (its summary, time, and file:line).

Times are compared as instants when both sides have a zone (the agenda's ``timezone``, the
calendar's zone); otherwise as wall-clock times (an agenda without ``timezone`` is read in the
calendar's zone; a floating or all-day event in the agenda's). Recurring events are expanded only
over the dates of the segments compared (and a day each side). An all-day event is busy only when
the calendar says so (``TRANSP:OPAQUE``, Outlook's ``BUSY``/``OOF``): a holiday or a birthday is not
a clash; free and cancelled events never are.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tfagenda.calendars.events import CalendarEvent, CalendarFile, read_calendar
from tfagenda.findings import MAX_FINDINGS_PER_RULE, Problem, Related, more_not_listed
from tfagenda.messages import Message, T
from tfagenda.rules.owners import Booking, Bookings, _describe


@dataclass
class CalendarOption:
    """One ``--calendar NAME=FILE``."""

    name: str
    path: str


def parse_option(value: str) -> CalendarOption:
    """``kim=kim.ics`` → CalendarOption; ValueError (its message a ``Message``) when it is not NAME=FILE."""
    name, equals, path = value.partition("=")
    if not equals or not name.strip() or not path.strip():
        raise ValueError(T("--calendar takes NAME=FILE (kim=kim.ics), not {value!r}", value=value))
    return CalendarOption(name.strip(), path.strip())


def _identities(bookings: Bookings) -> dict[str, str]:
    """Every way the file names a person (id, alias, name) → the person's id."""
    names: dict[str, str] = {}
    for person_id, others in bookings.names:
        names[person_id] = person_id
        for other in others:
            names.setdefault(other, person_id)
    return names


def owned_by(name: str, bookings: Bookings) -> list[Booking]:
    """The file's bookings that are ``name``'s (the identity rules of O003 within a file)."""
    names = _identities(bookings)
    who = names.get(name, name)
    return [booking for booking in bookings.bookings if any(names.get(o, o) == who for o in booking.owners)]


def _zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _interval(booking: Booking, zone: dt.tzinfo | None) -> tuple[dt.datetime, dt.datetime]:
    midnight = dt.datetime.combine(booking.date, dt.time(), tzinfo=zone)
    return midnight + dt.timedelta(minutes=booking.start), midnight + dt.timedelta(minutes=booking.end)


def _overlap(segment: tuple[dt.datetime, dt.datetime], event: CalendarEvent) -> bool:
    start, end = segment
    event_start, event_end = event.start, event.end
    if event.all_day or start.tzinfo is None or event_start.tzinfo is None:
        # wall-clock: each side's own clock (an agenda without a zone is read in the calendar's)
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        event_start, event_end = event_start.replace(tzinfo=None), event_end.replace(tzinfo=None)
    return start < event_end and event_start < end


def _when(event: CalendarEvent) -> str:
    if event.all_day:
        last = (event.end - dt.timedelta(days=1)).date()
        first = event.start.date()
        return first.isoformat() if last <= first else f"{first.isoformat()}–{last.isoformat()}"
    start, end = event.start, event.end
    text = f"{start:%Y-%m-%d %H:%M}–" + (
        f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    )
    return text + (f" {start.tzname()}" if start.tzinfo is not None and start.tzname() else "")


def _problem(option: CalendarOption, booking: Booking, event: CalendarEvent) -> Problem:
    line = event.line
    message: Message = T(
        "{person} is busy in their calendar with {event!r} ({when}, {where}) at the same time as {segment!r} ({booking})",
        person=option.name,
        event=event.summary or "(no title)",
        when=_when(event),
        where=f"{option.path}:{line}",
        segment=booking.title,
        booking=_describe(booking.date, booking.track, booking.start, booking.end),
    )
    return Problem(
        "O003",
        booking.path + ("owner",),
        message,
        span=booking.owner_span,
        related=(Related(option.path, line, 1, repr(event.summary or "(no title)")),),
    )


@dataclass
class CalendarRead:
    """A calendar as read for ``--calendar``: its file (text, problems) for the report."""

    option: CalendarOption
    calendar: CalendarFile


def calendar_clashes(
    options: Sequence[CalendarOption], files: Sequence[Bookings | None]
) -> tuple[list[tuple[int, Problem]], list[CalendarRead]]:
    """O003 problems (index in ``files``, problem) for segments that clash with their owner's
    calendar, and each calendar as read (its E005 problems are reported at its own lines)."""
    found: list[tuple[int, Problem]] = []
    read: list[CalendarRead] = []
    for option in options:
        mine = [
            (index, booking, file.timezone)
            for index, file in enumerate(files)
            if file is not None
            for booking in owned_by(option.name, file)
        ]
        dates = [booking.date for _, booking, _ in mine]
        window = (min(dates), max(dates)) if dates else None
        raw = Path(option.path).read_bytes()
        calendar = read_calendar(raw, option.path, window)
        read.append(CalendarRead(option, calendar))
        if not mine:
            continue
        events = sorted(calendar.events, key=lambda event: event.start.replace(tzinfo=None))
        listed: dict[int, int] = {}
        for index, booking, timezone in mine:
            segment = _interval(booking, _zone(timezone) or calendar.zone)
            for event in events:
                if not _overlap(segment, event):
                    continue
                listed[index] = listed.get(index, 0) + 1
                if listed[index] <= MAX_FINDINGS_PER_RULE:
                    found.append((index, _problem(option, booking, event)))
                elif listed[index] == MAX_FINDINGS_PER_RULE + 1:
                    found.append((index, more_not_listed("O003")))
    return found, read
