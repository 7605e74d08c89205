"""``render --format ics``: an iCalendar file (RFC 5545) to import into a calendar.

One event per meeting day (the slot, or the placed segments when there is no slot), its
description the agenda; with ``--segments`` one event per top-level segment instead (a segment's
parts go in its description: as events of their own they would sit on top of their parent).
Times carry ``TZID`` of the agenda's ``timezone`` with a ``VTIMEZONE`` for it; an agenda without a
timezone gets floating times (the same clock time wherever the calendar is). An agenda without
dates cannot be a calendar: ``RenderError``.

The output is deterministic, so that it can be diffed and snapshot-tested: ``UID`` is a hash of
the agenda's title, the date and where the segment sits in the file (not the file's path, so
that moving the file keeps the events); ``DTSTAMP`` is ``SOURCE_DATE_EPOCH`` when that is set
(the reproducible-builds convention), else the option ``dtstamp``, else midnight UTC of the
agenda's first date. Lines end in CRLF, as RFC 5545 requires: write the text as bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from typing import Any

from icalendar import Calendar, Event

from tfagenda import __version__ as _version
from tfagenda.messages import T
from tfagenda.render import RenderError
from tfagenda.render.rows import AgendaRows, DayRows, Row
from tfagenda.render.view import finding_text, lines_text, one_line, owner_names, time_text, words
from tfagenda.textwidth import visible


def render(agendas: list[AgendaRows], color: bool = False, **options: Any) -> str:
    undated = [agenda.path for agenda in agendas if any(day.date is None for day in agenda.days)]
    if undated:
        raise RenderError(
            T(
                "{paths}: an .ics needs a date for every meeting day; add `date:` (YYYY-MM-DD)",
                paths=", ".join(map(visible, undated)),
            )
        )
    calendar = Calendar()
    calendar.add("prodid", f"-//tfagenda//tfagenda {_version}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if len(agendas) == 1:
        calendar.add("x-wr-calname", one_line(agendas[0].title))
        if agendas[0].timezone:
            calendar.add("x-wr-timezone", agendas[0].timezone)
    stamp = _dtstamp(agendas, options.get("dtstamp"))
    for agenda in agendas:
        for day in agenda.days:
            if options.get("segments"):
                for track in day.tracks:
                    for row in track.rows:
                        event = _segment_event(agenda, day, row, stamp)
                        if event is not None:
                            calendar.add_component(event)
            else:
                event = _day_event(agenda, day, stamp)
                if event is not None:
                    calendar.add_component(event)
    dates = [d for agenda in agendas for d in agenda.dates]
    if dates:
        # VTIMEZONE from the year before the first date to the year after the last: short and enough
        # (within the years a date can have: 0001-01-01 and 9999-12-31 render too).
        calendar.add_missing_timezones(
            first_date=dt.date(max(min(dates).year - 1, dt.MINYEAR), 1, 1),
            last_date=dt.date(min(max(dates).year + 2, dt.MAXYEAR), 1, 1),
        )
    return calendar.to_ical().decode("utf-8")


def _dtstamp(agendas: list[AgendaRows], given: Any) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    if isinstance(given, dt.datetime):
        return given.astimezone(dt.UTC) if given.tzinfo else given.replace(tzinfo=dt.UTC)
    first = min(d for agenda in agendas for d in agenda.dates)
    return dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)


def _uid(agenda: AgendaRows, day: DayRows, key: str) -> str:
    assert day.date is not None
    digest = hashlib.sha256(
        "\x1f".join([agenda.title, day.date.isoformat(), str(day.index), key]).encode()
    ).hexdigest()
    return f"{digest[:32]}@tfagenda"


def _line(row: Row, lang: str) -> str:
    indent = "  " * row.depth + ("- " if row.depth else "")
    bits = [f"{indent}{time_text(row, lang)} {one_line(row.title)}"]
    if owner_names(row):
        bits.append(f"({one_line(owner_names(row))})")
    if row.note:
        bits.append(f"— {one_line(row.note)}")
    marks = " ".join(f"⚠ {f.code}" for f in row.findings)
    return " ".join(bits) + (f" {marks}" if marks else "")


def _findings(rows: list[Row], agenda: AgendaRows) -> list[str]:
    found = [f for row in rows for f in row.findings]
    if not found:
        return []
    lang = agenda.lang
    return ["", f"{words(lang)['findings']}:"] + [
        f"⚠ {one_line(finding_text(f, lang, agenda.messages_lang))}" for f in found
    ]


def _where(
    agenda: AgendaRows, day: DayRows, track_venue: str | None = None, track: str | None = None
) -> str | None:
    bits = [one_line(b) for b in (track, track_venue or day.venue or agenda.venue) if b]
    return ", ".join(dict.fromkeys(bits)) or None


def _set_times(event: Event, agenda: AgendaRows, day: DayRows, start: int, end: int) -> None:
    tz = agenda.tzinfo
    event.add("dtstart", day.moment(start, tz))
    event.add("dtend", day.moment(end, tz))


def _day_event(agenda: AgendaRows, day: DayRows, stamp: dt.datetime) -> Event | None:
    span = (day.slot.start, day.slot.end) if day.slot else day.span
    if span is None:
        return None
    event = Event()
    event.add("uid", _uid(agenda, day, "day"))
    event.add("dtstamp", stamp)
    _set_times(event, agenda, day, *span)
    event.add("summary", one_line(f"{agenda.title} — {day.title}" if day.title else agenda.title))
    where = _where(agenda, day)
    if where:
        event.add("location", where)
    lines: list[str] = []
    for track in day.tracks:
        if track.name:
            heading = f"[{one_line(track.name)}]"
            lines += ["", heading] if lines else [heading]
        lines += [_line(row, agenda.lang) for top in track.rows for row in top.walk()]
    lines += _findings(day.rows, agenda)
    event.add("description", "\n".join(lines))
    if any(row.findings for row in day.rows):
        event.add("categories", ["tfagenda-findings"])
    return event


def _segment_event(agenda: AgendaRows, day: DayRows, row: Row, stamp: dt.datetime) -> Event | None:
    if row.start is None or row.end is None:
        return None  # not placed: no time to put it at (the findings say why)
    said = words(agenda.lang)
    event = Event()
    event.add("uid", _uid(agenda, day, row.key))
    event.add("dtstamp", stamp)
    _set_times(event, agenda, day, row.start, row.end)
    event.add("summary", one_line(row.title))
    where = _where(agenda, day, row.venue, row.track)
    if where:
        event.add("location", where)
    lines = [one_line(agenda.title)]
    if owner_names(row):
        lines.append(f"{said['owner']}: {one_line(owner_names(row))}")
    if row.note:
        lines.append(f"{said['note']}: {lines_text(row.note)}")
    if row.parts:
        lines += [""] + [_line(part, agenda.lang) for top in row.parts for part in top.walk()]
    lines += _findings(list(row.walk()), agenda)
    event.add("description", "\n".join(lines))
    if row.kind:
        event.add("categories", [one_line(row.kind)])
    return event
