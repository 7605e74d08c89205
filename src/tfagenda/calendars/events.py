"""An iCalendar file → its events, recurring ones expanded, each knowing where it is written.

Parsing is icalendar's (BSD); recurrence is ``recurring-ical-events``' (LGPL-3.0-or-later, the
library the Python calendar tools use: RRULE, RDATE, EXDATE, RECURRENCE-ID and THISANDFUTURE
overrides), and Google's ``X-WR-TIMEZONE`` is applied with ``x-wr-timezone`` (its dependency), as
Google Calendar itself reads such files. Windows time zone names (``TZID=W. Europe Standard
Time``, Outlook) are icalendar's: with the file's ``VTIMEZONE``, or its Windows→IANA table.

Expansion is bounded: only within a window (the agenda's dates for ``--calendar``, else the
calendar's own span and a year after its last start), a series is estimated before it is
expanded and refused (E005, at its ``RRULE``) when it would repeat more than
``MAX_SERIES_OCCURRENCES`` times from its start to the window's end (``FREQ=SECONDLY``
forever), and at most ``MAX_OCCURRENCES`` occurrences are kept in all.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from tfagenda.calendars.source import Component, Property, Source, scan
from tfagenda.findings import Problem, Span
from tfagenda.messages import T

MAX_SERIES_OCCURRENCES = 100_000
MAX_OCCURRENCES = 50_000
_BOM = b"\xef\xbb\xbf"
_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86400,
    "WEEKLY": 7 * 86400,
    "MONTHLY": 28 * 86400,  # the shortest month: an estimate that errs towards more occurrences
    "YEARLY": 365 * 86400,
}
# Attendees who are not people at the meeting: a room or a resource booked for it, or a
# declined invitation.
_NOT_PEOPLE = {"ROOM", "RESOURCE"}


@dataclass
class CalendarEvent:
    """One occurrence of a VEVENT: times in the calendar's zone (aware) or floating (naive)."""

    summary: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    busy: bool
    location: str
    attendees: list[tuple[str, Span]]
    source: Component  # where the VEVENT is written (a recurring one: its first, or its override)
    recurring: bool

    @property
    def line(self) -> int:
        return self.source.span.line

    def where(self, name: str) -> Span:
        """The span of the event's ``name`` property, else of its BEGIN line."""
        prop = self.source.first(name)
        return prop.span if prop is not None else _begin(self.source)


@dataclass
class CalendarFile:
    path: str
    text: str  # as shown in excerpts
    title: str
    title_span: Span
    timezone: str | None  # IANA name of the calendar's zone, when it has one
    timezone_span: Span
    zone: dt.tzinfo | None
    events: list[CalendarEvent] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    vevents: int = 0  # VEVENT blocks in the file
    root_span: Span = field(default_factory=lambda: Span(1, 1, 1, 1))


def looks_like_calendar(raw: bytes, path: str) -> bool:
    """An iCalendar file: by its name (``.ics``, ``.ical``, ``.ifb``) or by its first line."""
    if PurePath(path).suffix.lower() in (".ics", ".ical", ".ifb", ".icalendar"):
        return True
    head = raw[:64].lstrip(_BOM + b" \t\r\n")
    return head[:15].upper() == b"BEGIN:VCALENDAR"


def _begin(component: Component) -> Span:
    return Span(component.span.line, 1, component.span.line, len(component.name) + 7)


def _e005(span: Span, message: Any) -> Problem:
    return Problem("E005", (), message, span=span)


def read_calendar(
    raw: bytes, path: str, window: tuple[dt.date, dt.date] | None = None, busy_only: bool = True
) -> CalendarFile:
    """Read ``raw`` (an .ics file's bytes); ``window``: expand recurring events only between these dates."""
    import icalendar

    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    text = raw.decode("utf-8", errors="replace")
    source = scan(raw)
    stem = PurePath(path).stem or path
    result = CalendarFile(path, text, stem, Span(1, 1, 1, 1), None, Span(1, 1, 1, 1), None)
    result.problems.extend(_e005(span, message) for span, message in source.errors)
    calendars = [component for component in source.components if component.name == "VCALENDAR"]
    if not calendars:  # not a calendar at all: one problem, not one per line
        result.problems[:] = []
        result.problems.append(_e005(Span(1, 1, 1, 1), T("not an iCalendar file: it has no BEGIN:VCALENDAR")))
        return result
    mine = calendars[0]
    result.root_span = _begin(mine)
    if len(calendars) > 1:
        result.problems.append(
            _e005(
                _begin(calendars[1]),
                T("the file holds {count} calendars; only the first is read", count=len(calendars)),
            )
        )
    for name in ("X-WR-CALNAME", "NAME", "X-WR-CALDESC"):
        prop = mine.first(name)
        if prop is not None and prop.value.strip():
            result.title, result.title_span = _unescape(prop.value).strip(), prop.span
            break
    try:
        parsed = icalendar.Calendar.from_ical(source.unfolded, multiple=True)[0]
    except Exception as error:  # noqa: BLE001 - icalendar raises ValueError, KeyError, IndexError … on broken text
        result.problems.append(
            _e005(result.root_span, T("the calendar cannot be read: {error}", error=_said(error)))
        )
        return result
    try:
        import x_wr_timezone

        parsed = x_wr_timezone.to_standard(parsed)
    except Exception as error:  # noqa: BLE001
        prop = mine.first("X-WR-TIMEZONE")
        result.problems.append(
            _e005(
                prop.span if prop else result.root_span,
                T("X-WR-TIMEZONE cannot be applied: {error}", error=_said(error)),
            )
        )
    sources = [child for child in _walk(mine) if child.name == "VEVENT"]
    parsed_events = list(parsed.walk("VEVENT"))
    result.vevents = len(sources)
    if len(parsed_events) != len(sources):  # cannot happen for a file scan() read; never guess then
        result.problems.append(
            _e005(result.root_span, T("the calendar's events cannot be matched to their lines"))
        )
        return result
    located = {id(component): where for component, where in zip(parsed_events, sources)}
    result.zone, result.timezone, result.timezone_span = _zone(mine, sources, parsed_events)
    bad = set()
    for component, where in zip(parsed_events, sources):
        problem = _unreadable_event(component, where)
        if problem is not None:
            result.problems.append(problem)
            bad.add(id(component))
    if not parsed_events:
        return result
    window = window or _own_window(parsed_events, bad)
    _expand(parsed, located, bad, window, result, busy_only)
    result.events.sort(key=lambda event: (_sortable(event.start), event.line))
    return result


def _walk(component: Component) -> list[Component]:
    found = []
    for child in component.children:
        found.append(child)
        found.extend(_walk(child))
    return found


def _said(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 200 else text[:200] + "…"


def _unescape(value: str) -> str:
    return (
        value.replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
    )


def _zone(
    calendar: Component, sources: list[Component], parsed: list[Any]
) -> tuple[dt.tzinfo | None, str | None, Span]:
    """The calendar's own zone: X-WR-TIMEZONE, else the zone most events are written in, else UTC
    when every time is UTC; None for floating times."""
    prop = calendar.first("X-WR-TIMEZONE")
    if prop is not None:
        found = _iana(prop.value.strip())
        if found is not None:
            return zoneinfo.ZoneInfo(found), found, prop.span
    names: Counter[str] = Counter()
    first_span: dict[str, Span] = {}
    utc = 0
    for component, where in zip(parsed, sources):
        start = component.get("DTSTART")
        moment = _moment(start)
        if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
            continue
        tzid = start.params.get("TZID") if hasattr(start, "params") else None
        if tzid:
            name = _iana(str(tzid)) or _iana_of(moment.tzinfo)
        else:
            name = "UTC" if moment.utcoffset() == dt.timedelta(0) else _iana_of(moment.tzinfo)
        if name is None:
            continue
        if name == "UTC":
            utc += 1
        names[name] += 1
        at = where.first("DTSTART")
        first_span.setdefault(name, at.span if at else _begin(where))
    if not names:
        return None, None, Span(1, 1, 1, 1)
    name, _ = names.most_common(1)[0]
    return zoneinfo.ZoneInfo(name), name, first_span[name]


def _iana(name: str) -> str | None:
    """An IANA zone name for a TZID or X-WR-TIMEZONE value, Windows names included (Outlook)."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    name = name.strip().strip('"')
    for candidate in (name, WINDOWS_TO_OLSON.get(name), name.lstrip("/")):
        if not candidate:
            continue
        try:
            zoneinfo.ZoneInfo(candidate)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
        return candidate
    return None


def _iana_of(tzinfo: dt.tzinfo | None) -> str | None:
    key = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None)
    if isinstance(key, str):
        return _iana(key)
    if (
        tzinfo is not None
        and tzinfo.utcoffset(None) == dt.timedelta(0)
        and str(tzinfo) in ("UTC", "UTC+00:00")
    ):
        return "UTC"
    return None


def _moment(prop: Any) -> Any:
    """A date-time property's value (``.dt``), None when it is missing or broken (icalendar raises)."""
    if prop is None:
        return None
    try:
        return prop.dt
    except Exception:  # noqa: BLE001 - icalendar 7's BrokenCalendarProperty, AttributeError …
        return None


def _unreadable_event(component: Any, where: Component) -> Problem | None:
    """E005 for a VEVENT whose times cannot be read (it is left out)."""
    for name, error in getattr(component, "errors", ()) or ():
        prop = where.first(str(name).upper()) if name else None
        if name and str(name).upper() in (
            "DTSTART",
            "DTEND",
            "DURATION",
            "RRULE",
            "RDATE",
            "EXDATE",
            "RECURRENCE-ID",
        ):
            return _e005(
                prop.span if prop else _begin(where),
                T(
                    "{name} cannot be read ({error}); the event is left out",
                    name=str(name).upper(),
                    error=_said(Exception(error)),
                ),
            )
    start = component.get("DTSTART")
    if not isinstance(_moment(start), dt.date):
        prop = where.first("DTSTART")
        if prop is None:
            return _e005(_begin(where), T("the event has no DTSTART; it is left out"))
        return _e005(prop.span, T("DTSTART cannot be read; the event is left out"))
    end = component.get("DTEND")
    moment = _moment(end)
    if end is not None and not isinstance(moment, dt.date):
        prop = where.first("DTEND")
        return _e005(prop.span if prop else _begin(where), T("DTEND cannot be read; the event is left out"))
    if moment is not None and _naive(moment) < _naive(start.dt):
        prop = where.first("DTEND")
        return _e005(
            prop.span if prop else _begin(where),
            T(
                "DTEND {end} is before DTSTART {start}; the event is left out",
                end=_shown(moment),
                start=_shown(start.dt),
            ),
        )
    return None


def _naive(value: dt.date) -> dt.datetime:
    """A date or datetime as a naive datetime to compare (an aware one in UTC, a date at midnight)."""
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo is not None else value


def _shown(moment: dt.date) -> str:
    if isinstance(moment, dt.datetime):
        return moment.strftime("%Y-%m-%d %H:%M") + (f" {moment.tzname()}" if moment.tzinfo else "")
    return moment.isoformat()


def _sortable(moment: dt.datetime) -> tuple[dt.datetime, int]:
    return (moment.replace(tzinfo=None), 0)


def _own_window(parsed: list[Any], bad: set[int]) -> tuple[dt.date, dt.date]:
    """The calendar's span: its first start to a year after its last."""
    starts = []
    for component in parsed:
        if id(component) in bad:
            continue
        moment = component["DTSTART"].dt
        starts.append(moment.date() if isinstance(moment, dt.datetime) else moment)
    if not starts:
        today = dt.date.today()
        return today, today
    last = max(starts)
    return min(starts), (last + dt.timedelta(days=366)) if last.year < dt.MAXYEAR else last


def _estimate(rule: Any, first: dt.date, until: dt.date) -> float:
    """At most how many times a rule repeats from its first start to ``until`` (an over-estimate)."""
    freq = (rule.get("FREQ") or [""])[0]
    period = _SECONDS.get(str(freq).upper(), 1)
    try:
        interval = max(1, int((rule.get("INTERVAL") or [1])[0]))
    except (TypeError, ValueError):
        interval = 1
    ends = rule.get("UNTIL")
    if ends:
        stop = ends[0]
        stop = stop.date() if isinstance(stop, dt.datetime) else stop
        if isinstance(stop, dt.date):
            until = min(until, stop)
    days = max(0, (until - first).days) + 1
    estimate = days * 86400 / (period * interval) + 1
    for key, values in rule.items():
        if str(key).upper().startswith("BY") and str(key).upper() != "BYSETPOS" and values:
            estimate *= len(values)
    count = rule.get("COUNT")
    if count:
        try:
            estimate = min(estimate, int(count[0]))
        except (TypeError, ValueError):
            pass
    return estimate


def _expand(
    parsed: Any,
    located: dict[int, Component],
    bad: set[int],
    window: tuple[dt.date, dt.date],
    result: CalendarFile,
    busy_only: bool,
) -> None:
    import recurring_ical_events

    # The window as naive datetimes, widened by a day each way: the zone may move an event's date.
    # (kept a year inside the years a date can have: the libraries add to and subtract from them)
    start = dt.datetime.combine(max(window[0], dt.date(2, 1, 2)) - dt.timedelta(days=1), dt.time())
    end = dt.datetime.combine(min(window[1], dt.date(9998, 12, 29)) + dt.timedelta(days=2), dt.time())
    _leave_out(parsed, bad)  # events whose times cannot be read (reported) are not expanded
    try:
        query = recurring_ical_events.CalendarQuery(parsed)
    except Exception as error:  # noqa: BLE001 - a broken series: report it and expand the others
        result.problems.append(
            _e005(result.root_span, T("recurring events cannot be expanded: {error}", error=_said(error)))
        )
        try:
            query = recurring_ical_events.CalendarQuery(parsed, skip_bad_series=True)
        except Exception:  # noqa: BLE001 - reported above; nothing can be expanded
            return
    kept = 0
    for series in query.series:
        core = _core_component(series)
        where = located.get(id(core)) if core is not None else None
        rules = core.get("RRULE") if core is not None else None
        if rules is not None and where is not None:
            rules = rules if isinstance(rules, list) else [rules]
            first = core["DTSTART"].dt
            first = first.date() if isinstance(first, dt.datetime) else first
            estimate = sum(_estimate(rule, first, end.date()) for rule in rules)
            if estimate > MAX_SERIES_OCCURRENCES:
                prop = where.first("RRULE")
                result.problems.append(
                    _e005(
                        prop.span if prop else _begin(where),
                        T(
                            "the event repeats up to {count} times from {first} to {until}, more than the {limit} tfagenda expands; it is left out",
                            count=f"{math.ceil(min(estimate, 1e15)):,}",
                            first=first.isoformat(),
                            until=end.date().isoformat(),
                            limit=f"{MAX_SERIES_OCCURRENCES:,}",
                        ),
                    )
                )
                continue
        try:
            for occurrence in series.between(start, end):
                if kept >= MAX_OCCURRENCES:
                    result.problems.append(
                        _e005(
                            result.root_span,
                            T(
                                "the calendar has more than {limit} events between {first} and {last}; the rest are not read",
                                limit=f"{MAX_OCCURRENCES:,}",
                                first=window[0].isoformat(),
                                last=window[1].isoformat(),
                            ),
                        )
                    )
                    return
                event = _event(occurrence, located, result.zone, rules is not None)
                if event is not None and (event.busy or not busy_only):
                    result.events.append(event)
                    kept += 1
        except Exception as error:  # noqa: BLE001 - one series that cannot be expanded; the others are read
            span = _begin(where) if where is not None else result.root_span
            result.problems.append(
                _e005(span, T("the recurring event cannot be expanded: {error}", error=_said(error)))
            )


def _leave_out(component: Any, bad: set[int]) -> None:
    component.subcomponents[:] = [child for child in component.subcomponents if id(child) not in bad]
    for child in component.subcomponents:
        _leave_out(child, bad)


def _core_component(series: Any) -> Any:
    """The VEVENT that defines a series (None for overrides without one: the library raises then)."""
    try:
        return series.recurrence.core._component
    except Exception:  # noqa: BLE001 - NotImplementedError, AttributeError
        return None


def _event(
    occurrence: Any, located: dict[int, Component], zone: dt.tzinfo | None, recurring: bool
) -> CalendarEvent | None:
    component = getattr(getattr(occurrence, "_adapter", None), "_component", None)
    where = located.get(id(component))
    if component is None or where is None:
        return None
    begin, finish = occurrence.start, occurrence.end
    all_day = not isinstance(begin, dt.datetime)
    if all_day:
        begin = dt.datetime.combine(begin, dt.time())
        finish = dt.datetime.combine(finish, dt.time()) if not isinstance(finish, dt.datetime) else finish
    elif zone is not None and begin.tzinfo is not None:
        begin, finish = begin.astimezone(zone), finish.astimezone(zone)
    status = str(component.get("STATUS", "")).upper()
    transparency = str(component.get("TRANSP", "")).upper()
    outlook = str(component.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    if all_day:  # a holiday, a birthday, "working from home": busy only when the file says so
        busy = transparency == "OPAQUE" or outlook in ("BUSY", "OOF")
    else:
        busy = transparency != "TRANSPARENT" and outlook not in ("FREE", "WORKINGELSEWHERE")
    busy = busy and status != "CANCELLED"
    attendees = []
    for prop in where.all("ATTENDEE"):
        person = _person(prop)
        if person is not None:
            attendees.append((person, prop.span))
    location = component.get("LOCATION")
    return CalendarEvent(
        summary=str(component.get("SUMMARY", "")).strip(),
        start=begin,
        end=finish,
        all_day=all_day,
        busy=busy,
        location=str(location).strip() if location is not None else "",
        attendees=attendees,
        source=where,
        recurring=recurring,
    )


def _person(prop: Property) -> str | None:
    """An attendee as a name: CN, else the address without ``mailto:``; None for rooms, resources
    and declined invitations."""
    params = _params(prop.params)
    if params.get("CUTYPE", "").upper() in _NOT_PEOPLE or params.get("PARTSTAT", "").upper() == "DECLINED":
        return None
    if params.get("ROLE", "").upper() == "NON-PARTICIPANT":
        return None
    name = params.get("CN", "").strip()
    if name:
        return name
    address = prop.value.strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    return address or None


def _params(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    at, length = 0, len(text)
    while at < length:
        if text[at] != ";":
            at += 1
            continue
        at += 1
        equals = text.find("=", at)
        if equals < 0:
            break
        key = text[at:equals].strip().upper()
        at = equals + 1
        if at < length and text[at] == '"':
            close = text.find('"', at + 1)
            close = length if close < 0 else close
            value = text[at + 1 : close]
            at = close + 1
        else:
            stop = text.find(";", at)
            stop = length if stop < 0 else stop
            value = text[at:stop]
            at = stop
        found.setdefault(key, value)
    return found


__all__ = ["CalendarEvent", "CalendarFile", "Source", "looks_like_calendar", "read_calendar"]
