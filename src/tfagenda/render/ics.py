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
from tfagenda.messages import Message, T
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
    owner, room = options.get("owner"), options.get("room")
    if owner is not None or room is not None:
        _personal(calendar, agendas, stamp, owner, room)
    else:
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
    # (no dates: no events either, so the stamp is written nowhere)
    first = min((d for agenda in agendas for d in agenda.dates), default=dt.date(1970, 1, 1))
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


# -- one person's or one room's calendar (render --format ics --owner NAME / --room NAME) --------


def _identities(agenda: AgendaRows) -> dict[str, str]:
    """Every way the agenda names a person (id, name, an owner as written) → the person's id."""
    names = {person_id: person_id for person_id in agenda.people}
    for person_id, name in agenda.people.items():
        names.setdefault(name, person_id)
    for day in agenda.days:
        for row in day.rows:
            for written, person_id in zip(row.owners, row.person_ids):
                names.setdefault(written, person_id)
    return names


def _room_of(agenda: AgendaRows, day: DayRows, row: Row) -> str | None:
    return row.track if row.track else (day.venue or agenda.venue)


def _personal(
    calendar: Calendar,
    agendas: list[AgendaRows],
    stamp: dt.datetime,
    owner: str | None,
    room: str | None,
) -> None:
    """Only ``owner``'s segments (a part of theirs in someone else's segment too), or only ``room``'s;
    an owner or room no agenda has is a ``RenderError`` listing the known ones."""
    chosen: list[tuple[AgendaRows, DayRows, Row]] = []
    known_people: dict[str, None] = {}
    known_rooms: dict[str, None] = {}
    for agenda in agendas:
        names = _identities(agenda)
        for person_id in names.values():
            shown = agenda.people.get(person_id)
            known_people[f"{person_id} ({shown})" if shown and shown != person_id else person_id] = None
        wanted = names.get(owner) if owner is not None else None
        for day in agenda.days:
            for track in day.tracks:
                for top in track.rows:
                    for row in _matching(agenda, day, top, wanted, room, known_rooms):
                        chosen.append((agenda, day, row))
    if owner is not None and owner not in _all_names(agendas):
        raise RenderError(_unknown(T("owner"), owner, known_people))
    if room is not None and room not in known_rooms:
        raise RenderError(_unknown(T("room"), room, known_rooms))
    for agenda, day, row in chosen:
        event = _segment_event(agenda, day, row, stamp)
        if event is not None:
            calendar.add_component(event)


def _all_names(agendas: list[AgendaRows]) -> set[str]:
    return {name for agenda in agendas for name in _identities(agenda)}


def _matching(
    agenda: AgendaRows,
    day: DayRows,
    row: Row,
    wanted: str | None,
    room: str | None,
    rooms: dict[str, None],
) -> list[Row]:
    """``row`` if it is the owner's (or in the room), else the parts of it that are."""
    where = _room_of(agenda, day, row)
    if where:
        rooms[where] = None
    if room is not None:
        return [row] if where == room else []
    if wanted is not None and wanted in row.person_ids:
        return [row]
    return [found for part in row.parts for found in _matching(agenda, day, part, wanted, room, rooms)]


def _unknown(what: Message, value: str, known: dict[str, None]) -> Message:
    listed = ", ".join(sorted(known, key=str.casefold)) if known else None
    if listed is None:
        return T("no {what} {value!r} in the agenda, which names none", what=what, value=value)
    return T("no {what} {value!r} in the agenda; it has: {known}", what=what, value=value, known=listed)
