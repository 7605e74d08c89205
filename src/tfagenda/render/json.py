"""``render --format json``: the resolved agenda, for programs.

Every segment (and part) comes with its computed start, end and duration, the way tfagenda
resolved them (a missing start is the previous end, a repaired typo is repaired). Times are
``"HH:MM"`` on the wall clock, as ``render/view.py`` writes them: after midnight of an overnight
slot the clock starts again at ``"00:00"`` (a segment starting there has ``next_day: true``), and
an end exactly at midnight is ``"24:00"``. When the day has a date, there are ISO 8601 datetimes
as well (with the UTC offset when the agenda has a ``timezone``, floating otherwise). One agenda is one JSON object; several are an array of them.

``owner`` is the owner as written: a list of names, ``[]`` for deliberately nobody (``"-"`` or
null), null when the file gives no owner. ``people`` are the same owners by display name.
``findings`` on a segment are the codes of the findings about it; the agenda's ``findings`` are
every finding in full, as ``check --format json`` gives them.

Text is the file's, exactly (JSON escapes control characters); characters that could act on a
terminal (C1 controls, bidi controls, U+2028/U+2029) are written as ``\\u`` escapes, as ``check
--format json`` writes them, and a file name's undecodable bytes as ``\\xff``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tfagenda.clock import MINUTES_PER_DAY
from tfagenda.render.rows import AgendaRows, DayRows, Row
from tfagenda.render.view import clock
from tfagenda.report import json_text
from tfagenda.textwidth import visible


def render(agendas: list[AgendaRows], color: bool = False, **options: object) -> str:
    data: Any = [agenda_data(agenda) for agenda in agendas]
    if len(data) == 1:
        data = data[0]
    return json_text(data, indent=2) + "\n"


def agenda_data(agenda: AgendaRows) -> dict[str, Any]:
    tz = agenda.tzinfo
    return {
        "path": visible(agenda.path),
        "title": agenda.title,
        "lang": agenda.lang,
        "timezone": agenda.timezone,
        "venue": agenda.venue,
        "people": dict(agenda.people),
        "days": [_day(day, tz) for day in agenda.days],
        "findings": [finding.to_json() for finding in agenda.findings],
    }


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _day(day: DayRows, tz: dt.tzinfo | None) -> dict[str, Any]:
    slot = None
    if day.slot:
        slot = {
            "start": clock(day.slot.start),
            "end": clock(day.slot.end, end=True),
            "duration": day.slot.length,
            "start_datetime": _iso(day.moment(day.slot.start, tz)),
            "end_datetime": _iso(day.moment(day.slot.end, tz)),
        }
    return {
        "date": day.date.isoformat() if day.date else None,
        "weekday": day.weekday,
        "title": day.title,
        "venue": day.venue,
        "slot": slot,
        "tracks": [
            {
                "name": track.name,
                "venue": track.venue,
                "segments": [_segment(row, day, tz) for row in track.rows],
            }
            for track in day.tracks
        ],
    }


def _segment(row: Row, day: DayRows, tz: dt.tzinfo | None) -> dict[str, Any]:
    return {
        "title": row.title,
        "start": clock(row.start) if row.start is not None else None,
        "end": clock(row.end, end=True) if row.end is not None else None,
        "duration": row.duration,
        "start_datetime": _iso(day.moment(row.start, tz)) if row.start is not None else None,
        "end_datetime": _iso(day.moment(row.end, tz)) if row.end is not None else None,
        "next_day": row.start is not None and row.start >= MINUTES_PER_DAY,
        "owner": list(row.owners) if row.owner_given or row.owners else None,
        "people": list(row.people),
        "kind": row.kind or None,
        "note": row.note or None,
        "findings": [finding.code for finding in row.findings],
        "parts": [_segment(part, day, tz) for part in row.parts],
    }
